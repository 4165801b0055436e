import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type MetricsCase, unitMetrics, unitMetricsBy } from './metrics.ts';
import { addDays } from './types.ts';

/** A deterministic generator (mulberry32), so the test is reproducible. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(n: number, seed: number): MetricsCase[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, () => {
    const identifiedOn = addDays('2023-01-01', Math.floor(r() * 1400));
    const visits = Array.from({ length: Math.floor(r() * 5) }, () => ({
      date: addDays(identifiedOn, 1 + Math.floor(r() * 400)),
      inChildLabour: r() < 0.4,
    }));
    const actions = Array.from({ length: Math.floor(r() * 3) }, () => {
      const dueDate = addDays(identifiedOn, Math.floor(r() * 60));
      return { kind: 'awareness', dueDate, providedOn: r() < 0.7 ? addDays(identifiedOn, Math.floor(r() * 90)) : null };
    });
    const closed = r() < 0.3;
    return {
      identifiedOn,
      inChildLabourAtIdentification: r() < 0.8,
      sex: pick(['female', 'male', null] as const),
      district: pick(['A', 'B', null]),
      visits,
      actions,
      closedOn: closed ? addDays(identifiedOn, 30 + Math.floor(r() * 500)) : null,
      closureReason: closed ? pick(['no_longer_in_child_labour', 'moved_away', 'turned_18'] as const) : null,
    };
  });
}

/** A second, deliberately different computation: day strings compared as text, one pass per figure. */
function independent(cases: MetricsCase[], from: string, to: string) {
  const inW = (d: string | null) => d !== null && d >= from && d <= to;
  const monitored = cases.filter((c) => inW(c.identifiedOn) || c.visits.some((v) => inW(v.date)));
  const delays = monitored
    .map((c) => {
      const provided = c.actions.map((a) => a.providedOn).filter((d): d is string => d !== null);
      if (provided.length === 0) return null;
      const first = [...provided].sort()[0]!;
      return inW(first) ? (Date.parse(first) - Date.parse(c.identifiedOn)) / 86_400_000 : null;
    })
    .filter((d): d is number => d !== null)
    .sort((x, y) => x - y);
  const mid = Math.floor(delays.length / 2);
  const closed: Record<string, number> = {};
  for (const c of cases) if (c.closureReason && inW(c.closedOn)) closed[c.closureReason] = (closed[c.closureReason] ?? 0) + 1;
  const identified = monitored.filter((c) => c.inChildLabourAtIdentification && inW(c.identifiedOn)).length;
  return {
    from,
    to,
    childrenMonitored: monitored.length,
    identifiedInChildLabour: identified,
    identificationRate: monitored.length === 0 ? null : identified / monitored.length,
    supported: monitored.filter((c) => c.actions.some((a) => inW(a.providedOn))).length,
    monitoringVisits: monitored.reduce((n, c) => n + c.visits.filter((v) => inW(v.date)).length, 0),
    withTwoFollowUps: monitored.filter((c) => new Set(c.visits.filter((v) => inW(v.date)).map((v) => v.date)).size >= 2).length,
    noLongerInChildLabourAtLastVisit: monitored.filter((c) => {
      const vs = c.visits.filter((v) => inW(v.date));
      if (vs.length === 0) return false;
      const lastDay = vs
        .map((v) => v.date)
        .sort()
        .at(-1)!;
      // The last recorded visit on the last day decides (a stable sort keeps the recorded order).
      return !vs.filter((v) => v.date === lastDay).at(-1)!.inChildLabour;
    }).length,
    closedByReason: closed,
    medianDaysToFirstSupport: delays.length === 0 ? null : delays.length % 2 ? delays[mid]! : (delays[mid - 1]! + delays[mid]!) / 2,
  };
}

test('metrics over a generated unit of 5,000 cases equal an independent computation', () => {
  const cases = generate(5000, 11);
  for (const [from, to] of [
    ['2024-12-03', '2026-12-03'],
    ['2023-01-01', '2023-01-31'],
    ['2025-06-15', '2025-06-15'],
  ] as const) {
    assert.deepEqual(unitMetrics(cases, from, to), independent(cases, from, to));
  }
});

test('breakdowns add up to the whole and group unknown keys', () => {
  const cases = generate(2000, 5);
  const whole = unitMetrics(cases, '2024-01-01', '2025-12-31');
  const bySex = unitMetricsBy(cases, '2024-01-01', '2025-12-31', (c) => c.sex);
  assert.deepEqual(
    bySex.map((g) => g.key),
    ['female', 'male', 'unknown'],
  );
  assert.equal(
    bySex.reduce((n, g) => n + g.metrics.childrenMonitored, 0),
    whole.childrenMonitored,
  );
  assert.equal(
    bySex.reduce((n, g) => n + g.metrics.monitoringVisits, 0),
    whole.monitoringVisits,
  );
});
