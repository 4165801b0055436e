/** CSV of a unit's metrics and of its case export (issue 11): spreadsheet-safe cells, CRLF lines. */
import { CLOSURE_REASONS } from '../../domain/child-labour/cases/index.ts';
import type { MetricsGroup } from '../../domain/child-labour/cases/metrics-report.ts';
import type { CaseExport } from '../../services/cases/case-export-service.ts';
import type { UnitMetricsReport } from '../../services/cases/metrics-service.ts';
import { csvField } from './ratifications-csv.ts';

const line = (cells: readonly (string | number | null)[]) => `${cells.map(csvField).join(',')}\r\n`;

export const METRICS_CSV_COLUMNS = [
  'unit_id',
  'from',
  'to',
  'breakdown',
  'group',
  'children_monitored',
  'identified_in_child_labour',
  'identification_rate',
  'supported',
  'monitoring_visits',
  'with_two_follow_ups',
  'no_longer_in_child_labour_at_last_visit',
  'median_days_to_first_support',
  'overdue_visits',
  ...CLOSURE_REASONS.map((r) => `closed_${r}`),
] as const;

/** One row for the whole unit (breakdown "total"), then one per group of each breakdown. */
export function unitMetricsCsv(report: UnitMetricsReport): string {
  const row = (breakdown: string, g: MetricsGroup) => {
    const m = g.metrics;
    return line([
      report.unitId,
      report.from,
      report.to,
      breakdown,
      g.key,
      m.childrenMonitored,
      m.identifiedInChildLabour,
      m.identificationRate,
      m.supported,
      m.monitoringVisits,
      m.withTwoFollowUps,
      m.noLongerInChildLabourAtLastVisit,
      m.medianDaysToFirstSupport,
      g.overdueVisits,
      ...CLOSURE_REASONS.map((r) => m.closedByReason[r] ?? 0),
    ]);
  };
  return (
    line(METRICS_CSV_COLUMNS) +
    row('total', { key: 'all', metrics: report.totals, overdueVisits: report.overdueVisits }) +
    report.bySex.map((g) => row('sex', g)).join('') +
    report.byAgeBand.map((g) => row('age_band', g)).join('') +
    report.byDistrict.map((g) => row('district', g)).join('')
  );
}

const PSEUDONYMOUS_COLUMNS = [
  'pseudonym',
  'age_band',
  'sex',
  'district',
  'status',
  'priority',
  'verdict',
  'identified_on',
  'closed_on',
  'closure_reason',
];
const IDENTIFYING_COLUMNS = ['case_number', 'name', 'birth_date', 'age', 'village', 'location', 'contact', 'notes', 'withheld'];

export function caseExportCsv(data: CaseExport): string {
  const head = line(data.identifying ? [...PSEUDONYMOUS_COLUMNS, ...IDENTIFYING_COLUMNS] : PSEUDONYMOUS_COLUMNS);
  const base = (r: CaseExport['rows'][number]) => [
    r.pseudonym,
    r.ageBand,
    r.sex,
    r.district,
    r.status,
    r.priority,
    r.verdict,
    r.identifiedOn,
    r.closedOn,
    r.closureReason,
  ];
  if (!data.identifying) return head + data.rows.map((r) => line(base(r))).join('');
  return (
    head +
    data.rows
      .map((r) => line([...base(r), r.caseNumber, r.name, r.birthDate, r.age, r.village, r.location, r.contact, r.notes, r.withheld]))
      .join('')
  );
}
