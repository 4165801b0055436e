import type { Actor } from '../../domain/access/policy.ts';
import {
  type FollowUpIntervals,
  type IsoDay,
  PRIORITY_TIERS,
  type PriorityTier,
  pastMonths,
  requireDay,
  type SupportAction,
  type Visit,
  validateIntervals,
} from '../../domain/child-labour/cases/index.ts';
import { type MetricsReport, metricsReport, type ReportCase } from '../../domain/child-labour/cases/metrics-report.ts';
import { SEXES, type Sex } from '../../domain/child-labour/types.ts';
import { DomainError, type FieldIssue, invalid } from '../../domain/errors.ts';
import type { KyselyCaseMetricsReader, MetricsActionRow, MetricsCaseRow, MetricsVisitRow } from '../../storage/case-metrics-reader.ts';
import { requireUnitCapability, type UnitMembershipPort } from './unit-access.ts';

/*
 * A unit's metrics (issue 11, decision 223): the figures the cocoa sector's core criteria ask a
 * monitoring system to report, for a window (default: the past 24 months to today). Any member
 * who may see the unit's figures (viewers too) gets them; the report carries counts only.
 *
 * How the rows become the pure module's cases:
 * - a follow-up visit counts when the child was found (an attempt is not a visit with the child);
 *   the identification itself is the case's identification day, not a follow-up;
 * - a visit whose finding was not recorded counts as still in child labour (unknown is never
 *   counted as removal);
 * - "identified in child labour": the case's verdict is worst_form or prohibited, or its
 *   identification visit found the child in child labour.
 */
export interface MetricsQuery {
  from?: string | null;
  to?: string | null;
}

export interface UnitMetricsReport extends MetricsReport {
  unitId: number;
  unitName: string;
}

const CHILD_LABOUR_VERDICTS = new Set(['worst_form', 'prohibited']);

function groupBy<T extends { case_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.case_id);
    if (list) list.push(r);
    else out.set(r.case_id, [r]);
  }
  return out;
}

export function parseIntervals(json: string): FollowUpIntervals | null {
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    const out = {} as Record<PriorityTier, number>;
    for (const tier of PRIORITY_TIERS) out[tier] = value[tier] as number;
    validateIntervals(out);
    return out;
  } catch {
    return null;
  }
}

/** The window asked for, or its defaults; a bad day is a 400 naming the parameter. */
export function metricsWindow(query: MetricsQuery, today: IsoDay): { from: IsoDay; to: IsoDay } {
  const issues: FieldIssue[] = [];
  const day = (field: 'from' | 'to'): IsoDay | null => {
    const v = query[field];
    if (v === undefined || v === null || v === '') return null;
    try {
      requireDay(v, field);
      return v;
    } catch {
      issues.push({ field, message: `${field} must be a day written YYYY-MM-DD` });
      return null;
    }
  };
  const from = day('from');
  const to = day('to') ?? today;
  if (issues.length > 0) throw invalid(issues.map((i) => i.message).join('; '), issues);
  const window = from === null ? pastMonths(to) : { from, to };
  if (window.from > window.to) throw invalid('from must not be after to', [{ field: 'from', message: 'from must not be after to' }]);
  return window;
}

export function reportCases(
  cases: readonly MetricsCaseRow[],
  visitRows: readonly MetricsVisitRow[],
  actionRows: readonly MetricsActionRow[],
  asOf: IsoDay,
): ReportCase[] {
  const visitsOf = groupBy(visitRows);
  const actionsOf = groupBy(actionRows);
  return cases.map((c) => {
    const rows = visitsOf.get(c.id) ?? [];
    const visits: Visit[] = rows
      .filter((v) => v.kind === 'follow_up' && v.child_found === 1)
      .map((v) => ({ date: v.visited_on, inChildLabour: v.in_child_labour !== 0 }));
    const foundAtIdentification = rows.some((v) => v.kind === 'identification' && v.in_child_labour === 1);
    const actions: SupportAction[] = (actionsOf.get(c.id) ?? []).map((a) => ({
      kind: a.kind,
      dueDate: a.due_on,
      providedOn: a.provided_on,
    }));
    const tier = (PRIORITY_TIERS as readonly string[]).includes(c.priority) ? (c.priority as PriorityTier) : 'other';
    return {
      identifiedOn: c.identified_on,
      inChildLabourAtIdentification: CHILD_LABOUR_VERDICTS.has(c.verdict ?? '') || foundAtIdentification,
      sex: (SEXES as readonly string[]).includes(c.sex ?? '') ? (c.sex as Sex) : null,
      ageYears: c.age_years,
      district: c.district,
      visits,
      actions,
      closedOn: c.closed_on,
      closureReason: c.closure_reason as ReportCase['closureReason'],
      tier,
      closed: c.closed_on !== null && c.closed_on <= asOf,
    };
  });
}

export class CaseMetricsService {
  constructor(
    private readonly membership: UnitMembershipPort,
    private readonly reader: KyselyCaseMetricsReader,
  ) {}

  /** For the API and the portal: any member with seeMetrics (viewers included); 404 for another unit. */
  async unitMetrics(actor: Actor | null, unitId: number, query: MetricsQuery, today: IsoDay): Promise<UnitMetricsReport> {
    await requireUnitCapability(this.membership, actor, unitId, 'seeMetrics');
    return this.compute(unitId, query, today);
  }

  /** The unit's name, for a page that shows no figures (a period typed wrong); the same gate. */
  async unitName(actor: Actor | null, unitId: number): Promise<string> {
    await requireUnitCapability(this.membership, actor, unitId, 'seeMetrics');
    const unit = await this.reader.unitSettings(unitId);
    if (!unit) throw new DomainError('not_found', `No monitoring unit ${unitId} that you can see.`);
    return unit.name;
  }

  /** For the CLI, run by whoever operates the database: counts only, so no unit role is needed. */
  async unitMetricsAsOperator(unitId: number, query: MetricsQuery, today: IsoDay): Promise<UnitMetricsReport> {
    return this.compute(unitId, query, today);
  }

  private async compute(unitId: number, query: MetricsQuery, today: IsoDay): Promise<UnitMetricsReport> {
    const window = metricsWindow(query, today);
    const unit = await this.reader.unitSettings(unitId);
    if (!unit) throw new DomainError('not_found', `No monitoring unit ${unitId} that you can see.`);
    const asOf = window.to < today ? window.to : today;
    const [cases, visits, actions] = await Promise.all([
      this.reader.cases(unitId, window.to),
      this.reader.visits(unitId, window.to),
      this.reader.actions(unitId),
    ]);
    const report = metricsReport(reportCases(cases, visits, actions, asOf), window, parseIntervals(unit.follow_up_days), asOf);
    return { unitId, unitName: unit.name, ...report };
  }
}
