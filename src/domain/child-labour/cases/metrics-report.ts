import type { Sex } from '../types.ts';
import { type MetricsCase, type UnitMetrics, unitMetrics, unitMetricsBy } from './metrics.ts';
import { type FollowUpIntervals, followUpState } from './overdue.ts';
import type { PriorityTier } from './priority.ts';
import { ageBand } from './pseudonymise.ts';
import { type IsoDay, requireDay } from './types.ts';

/*
 * A unit's full metrics report (issue 11, "Metrics"): the figures of unitMetrics for the whole
 * unit and broken down by sex, age band (AGE_BANDS) and district, plus the follow-up visits
 * overdue on the report's reference day. Pure: the reference day and the unit's follow-up
 * intervals are passed in. Nothing here names a child: the only per-case keys are sex, age band
 * and district, which a viewer may see (decision 210: no place below district).
 */
export interface ReportCase extends MetricsCase {
  sex: Sex | null;
  ageYears: number | null;
  tier: PriorityTier;
  /** Closed by the reference day (a case closed after it was still open then). */
  closed: boolean;
}

export interface MetricsGroup {
  key: string;
  metrics: UnitMetrics;
  /** Open cases of the group whose next follow-up visit is past due on `asOf` (null: intervals unknown). */
  overdueVisits: number | null;
}

export interface MetricsReport {
  from: IsoDay;
  to: IsoDay;
  /** The day overdue visits are counted on: `to`, or today when the window ends in the future. */
  asOf: IsoDay;
  totals: UnitMetrics;
  /** null when the unit's follow-up intervals are not valid configuration (unknown stays unknown). */
  overdueVisits: number | null;
  bySex: MetricsGroup[];
  byAgeBand: MetricsGroup[];
  byDistrict: MetricsGroup[];
}

export const METRICS_BREAKDOWNS = ['sex', 'ageBand', 'district'] as const;
export type MetricsBreakdown = (typeof METRICS_BREAKDOWNS)[number];

const keyOf: Record<MetricsBreakdown, (c: ReportCase) => string | null> = {
  sex: (c) => c.sex,
  ageBand: (c) => ageBand(c.ageYears),
  district: (c) => c.district,
};

/** Cases open on `asOf` and identified by then whose next follow-up visit is past due that day. */
export function overdueVisits(cases: readonly ReportCase[], intervals: FollowUpIntervals | null, asOf: IsoDay): number | null {
  if (intervals === null) return null;
  const day = requireDay(asOf, 'asOf');
  let n = 0;
  for (const c of cases) {
    if (requireDay(c.identifiedOn, 'identifiedOn') > day) continue;
    const state = followUpState({ identifiedOn: c.identifiedOn, tier: c.tier, visits: c.visits, closed: c.closed }, intervals, asOf);
    if (state?.overdue) n++;
  }
  return n;
}

export function metricsReport(
  cases: readonly ReportCase[],
  window: { from: IsoDay; to: IsoDay },
  intervals: FollowUpIntervals | null,
  asOf: IsoDay,
): MetricsReport {
  const { from, to } = window;
  const group = (by: MetricsBreakdown): MetricsGroup[] =>
    unitMetricsBy(cases, from, to, keyOf[by]).map(({ key, metrics }) => ({
      key,
      metrics,
      overdueVisits: overdueVisits(
        cases.filter((c) => (keyOf[by](c) ?? 'unknown') === key),
        intervals,
        asOf,
      ),
    }));
  return {
    from,
    to,
    asOf,
    totals: unitMetrics(cases, from, to),
    overdueVisits: overdueVisits(cases, intervals, asOf),
    bySex: group('sex'),
    byAgeBand: group('ageBand'),
    byDistrict: group('district'),
  };
}
