import { CLOSURE_REASONS } from '../../domain/child-labour/cases/index.ts';
import type { MetricsGroup } from '../../domain/child-labour/cases/metrics-report.ts';
import { DomainError } from '../../domain/errors.ts';
import { unitMetricsCsv } from '../../http/api/case-metrics-csv.ts';
import { boolFlag, type CommandSpec, seeHelp, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { failure, usageError, usageFromDomain } from '../errors.ts';
import { table } from '../format.ts';
import { dateFlag, wholeNumber } from '../validate.ts';

/* A unit's figures (issue 11, decision 223), from the same service as GET /api/units/{id}/metrics. */

export function unitFlag(args: Parameters<CommandSpec['run']>[0], command: string): number {
  const raw = stringFlag(args, 'unit');
  if (raw === undefined) throw usageError(`"${command}" needs --unit ID ${seeHelp(command)}`);
  return wholeNumber(raw, 1, 999_999_999, command, '--unit') as number;
}

const n = (v: number | null) => (v === null ? 'unknown' : String(v));
const pct = (v: number | null) => (v === null ? 'unknown' : `${(v * 100).toFixed(1)}%`);

function rows(label: string, groups: readonly MetricsGroup[]): string[][] {
  return groups.map((g) => [
    label,
    g.key,
    String(g.metrics.childrenMonitored),
    String(g.metrics.identifiedInChildLabour),
    pct(g.metrics.identificationRate),
    String(g.metrics.supported),
    String(g.metrics.withTwoFollowUps),
    String(g.metrics.noLongerInChildLabourAtLastVisit),
    n(g.metrics.medianDaysToFirstSupport),
    n(g.overdueVisits),
  ]);
}

export const casesMetricsCommand: CommandSpec = {
  name: 'cases metrics',
  brief: "A monitoring unit's figures for a period (default: the past 24 months)",
  summary:
    'Children monitored, identified in child labour (and the rate), with at least one support action, with at least two follow-up visits, no longer in child labour at the last visit, closed by reason, median days from identification to the first support action and overdue visits, for the unit and by sex, age band and district (like GET /api/units/{id}/metrics). Counts only: no child is named.',
  positionals: [],
  flags: {
    unit: { type: 'string', value: 'ID', description: 'the monitoring unit (required)' },
    from: { type: 'string', value: 'YYYY-MM-DD', description: 'first day of the period (default: 24 months before --to)' },
    to: { type: 'string', value: 'YYYY-MM-DD', description: 'last day of the period (default: today)' },
    json: { type: 'boolean', description: 'print the API document as JSON' },
    csv: { type: 'boolean', description: 'print the API’s CSV' },
  },
  examples: ['tripartite cases metrics --unit 1', 'tripartite cases metrics --unit 1 --from 2025-01-01 --to 2025-12-31 --json'],
  async run(args, io) {
    const unit = unitFlag(args, this.name);
    const from = dateFlag(stringFlag(args, 'from'), this.name, '--from');
    const to = dateFlag(stringFlag(args, 'to'), this.name, '--to');
    const today = new Date().toISOString().slice(0, 10);
    const report = await withServices(io, async ({ caseMetrics }) => {
      try {
        return await caseMetrics.unitMetricsAsOperator(unit, { from, to }, today);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'invalid') throw usageFromDomain(error, seeHelp(this.name), { from, to });
        if (error instanceof DomainError) throw failure(error.message);
        throw error;
      }
    });
    if (boolFlag(args, 'json')) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else if (boolFlag(args, 'csv')) io.stdout(unitMetricsCsv(report));
    else {
      const t = report.totals;
      const closed = CLOSURE_REASONS.filter((r) => t.closedByReason[r]).map((r) => `${r} ${t.closedByReason[r]}`);
      io.stdout(
        `Unit ${report.unitId}, ${report.from} to ${report.to} (overdue counted on ${report.asOf})\n` +
          `Monitoring visits: ${t.monitoringVisits}; closed: ${closed.length ? closed.join(', ') : 'none'}\n\n` +
          table(
            [
              'Breakdown',
              'Group',
              'Monitored',
              'In child labour',
              'Rate',
              'Supported',
              '≥2 follow-ups',
              'Out at last visit',
              'Median days to support',
              'Overdue',
            ],
            [
              ...rows('total', [{ key: 'all', metrics: t, overdueVisits: report.overdueVisits }]),
              ...rows('sex', report.bySex),
              ...rows('age band', report.byAgeBand),
              ...rows('district', report.byDistrict),
            ],
          ),
      );
    }
    return 0;
  },
};
