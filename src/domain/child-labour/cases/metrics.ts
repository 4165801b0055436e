import type { Sex } from '../types.ts';
import type { ClosureReason } from './closure.ts';
import { type IsoDay, monthsBefore, requireDay, type SupportAction, type Visit } from './types.ts';

/*
 * Figures per monitoring unit over a window (issue 11, "Metrics"): the International Cocoa
 * Initiative's core criteria ask a system to show, within the past 24 months, that it identified
 * children in child labour, provided support, made in-person monitoring visits and followed each
 * child up at least twice. The window is inclusive at both ends; `pastMonths` gives the default one.
 */
export interface MetricsCase {
  identifiedOn: IsoDay;
  inChildLabourAtIdentification: boolean;
  sex: Sex | null;
  district: string | null;
  visits: readonly Visit[];
  actions: readonly SupportAction[];
  closedOn: IsoDay | null;
  closureReason: ClosureReason | null;
}

export interface UnitMetrics {
  from: IsoDay;
  to: IsoDay;
  childrenMonitored: number;
  identifiedInChildLabour: number;
  /** identifiedInChildLabour / childrenMonitored, null when none were monitored. */
  identificationRate: number | null;
  supported: number;
  monitoringVisits: number;
  withTwoFollowUps: number;
  noLongerInChildLabourAtLastVisit: number;
  closedByReason: Partial<Record<ClosureReason, number>>;
  /** Median days from identification to the first support action provided, null when none. */
  medianDaysToFirstSupport: number | null;
}

/** The window of the past `months` months ending on `to` (the ICI criteria use 24). */
export function pastMonths(to: IsoDay, months = 24): { from: IsoDay; to: IsoDay } {
  return { from: monthsBefore(to, months), to };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function unitMetrics(cases: readonly MetricsCase[], from: IsoDay, to: IsoDay): UnitMetrics {
  const f = requireDay(from, 'from');
  const t = requireDay(to, 'to');
  if (f > t) throw new RangeError('from: after to');
  const inWindow = (d: IsoDay | null) => d !== null && requireDay(d, 'date') >= f && requireDay(d, 'date') <= t;
  const m: UnitMetrics = {
    from,
    to,
    childrenMonitored: 0,
    identifiedInChildLabour: 0,
    identificationRate: null,
    supported: 0,
    monitoringVisits: 0,
    withTwoFollowUps: 0,
    noLongerInChildLabourAtLastVisit: 0,
    closedByReason: {},
    medianDaysToFirstSupport: null,
  };
  const delays: number[] = [];
  for (const c of cases) {
    const visits = c.visits.filter((v) => inWindow(v.date));
    const provided = c.actions.filter((a) => inWindow(a.providedOn));
    // Closings count by their day, whether or not the child was otherwise seen in the window.
    if (c.closureReason && inWindow(c.closedOn)) m.closedByReason[c.closureReason] = (m.closedByReason[c.closureReason] ?? 0) + 1;
    // Monitored in the window: identified in it, or visited in it.
    if (!inWindow(c.identifiedOn) && visits.length === 0) continue;
    m.childrenMonitored++;
    if (c.inChildLabourAtIdentification && inWindow(c.identifiedOn)) m.identifiedInChildLabour++;
    if (provided.length > 0) m.supported++;
    m.monitoringVisits += visits.length;
    if (new Set(visits.map((v) => v.date)).size >= 2) m.withTwoFollowUps++;
    const last = [...visits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1);
    if (last && !last.inChildLabour) m.noLongerInChildLabourAtLastVisit++;
    const first = c.actions
      .map((a) => a.providedOn)
      .filter((d): d is IsoDay => d !== null)
      .sort()[0];
    if (first && inWindow(first)) delays.push(requireDay(first, 'providedOn') - requireDay(c.identifiedOn, 'identifiedOn'));
  }
  m.identificationRate = m.childrenMonitored === 0 ? null : m.identifiedInChildLabour / m.childrenMonitored;
  m.medianDaysToFirstSupport = median(delays);
  return m;
}

/**
 * The same figures broken down by a key of the case (sex, age band, district...). A case whose key
 * is null is grouped under 'unknown'. Groups are listed in key order.
 */
export function unitMetricsBy<C extends MetricsCase>(
  cases: readonly C[],
  from: IsoDay,
  to: IsoDay,
  key: (c: C) => string | null,
): { key: string; metrics: UnitMetrics }[] {
  const groups = new Map<string, C[]>();
  for (const c of cases) {
    const k = key(c) ?? 'unknown';
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  }
  return [...groups.keys()].sort().map((k) => ({ key: k, metrics: unitMetrics(groups.get(k)!, from, to) }));
}
