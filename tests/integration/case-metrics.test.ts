import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';
import {
  addMember,
  FOLLOW_UP_DAYS,
  type Generated,
  type GeneratedCase,
  generateCases,
  insertGenerated,
  insertUnit,
} from '../support/monitoring-fixture.ts';

/*
 * A unit's metrics (issue 11, decision 223): the service's figures over a generated unit of 3,000
 * cases equal the same figures counted again here, plainly, from the generated rows (not with the
 * domain's unitMetrics); the API's CSV carries the JSON's numbers; who may see them.
 */
const TODAY = '2026-12-04';
const NOW = new Date(`${TODAY}T10:00:00Z`);
const N = 3000;

const inside = (d: string | null, from: string, to: string) => d !== null && d >= from && d <= to;
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

function band(age: number | null): string {
  if (age === null) return 'unknown';
  if (age < 5) return 'under 5';
  if (age <= 11) return '5-11';
  if (age <= 14) return '12-14';
  if (age <= 17) return '15-17';
  return '18+';
}

/** The figures, counted from the rows as the decision describes them. */
const indexes = new WeakMap<Generated, { visits: Map<string, Generated['visits']>; actions: Map<string, Generated['actions']> }>();
function byCase(g: Generated) {
  let ix = indexes.get(g);
  if (!ix) {
    ix = { visits: new Map(), actions: new Map() };
    for (const v of g.visits) ix.visits.set(v.case_id, [...(ix.visits.get(v.case_id) ?? []), v]);
    for (const a of g.actions) ix.actions.set(a.case_id, [...(ix.actions.get(a.case_id) ?? []), a]);
    indexes.set(g, ix);
  }
  return ix;
}

function expected(g: Generated, cases: GeneratedCase[], from: string, to: string, today: string) {
  const asOf = to < today ? to : today;
  let monitored = 0;
  let identified = 0;
  let supported = 0;
  let visitsCount = 0;
  let two = 0;
  let noLonger = 0;
  let overdue = 0;
  const closed: Record<string, number> = {};
  const delays: number[] = [];
  for (const c of cases) {
    const mine = byCase(g).visits.get(c.id) ?? [];
    const followUps = mine.filter((v) => v.kind === 'follow_up' && v.child_found === 1);
    const inWindow = followUps.filter((v) => inside(v.visited_on, from, to));
    const actions = byCase(g).actions.get(c.id) ?? [];
    if (c.closure_reason && inside(c.closed_on, from, to)) closed[c.closure_reason] = (closed[c.closure_reason] ?? 0) + 1;
    // Overdue on asOf: open then, identified by then, next visit past due.
    if (c.identified_on <= asOf && !(c.closed_on !== null && c.closed_on <= asOf)) {
      const past = followUps.filter((v) => v.visited_on <= asOf).map((v) => v.visited_on);
      const since = past.length > 0 ? past.sort().at(-1)! : c.identified_on;
      if (days(since, asOf) > FOLLOW_UP_DAYS[c.priority as keyof typeof FOLLOW_UP_DAYS]) overdue++;
    }
    const identifiedInWindow = inside(c.identified_on, from, to);
    if (!identifiedInWindow && inWindow.length === 0) continue;
    monitored++;
    const childLabour =
      c.verdict === 'worst_form' ||
      c.verdict === 'prohibited' ||
      mine.some((v) => v.kind === 'identification' && v.in_child_labour === 1 && v.visited_on <= to);
    if (identifiedInWindow && childLabour) identified++;
    if (actions.some((a) => inside(a.provided_on, from, to))) supported++;
    visitsCount += inWindow.length;
    if (new Set(inWindow.map((v) => v.visited_on)).size >= 2) two++;
    const last = [...inWindow].sort((a, b) => (a.visited_on < b.visited_on ? -1 : 1)).at(-1);
    if (last && last.in_child_labour === 0) noLonger++;
    const provided = actions
      .map((a) => a.provided_on)
      .filter((d): d is string => d !== null)
      .sort();
    if (provided.length > 0 && inside(provided[0]!, from, to)) delays.push(days(c.identified_on, provided[0]!));
  }
  delays.sort((a, b) => a - b);
  const mid = Math.floor(delays.length / 2);
  const median = delays.length === 0 ? null : delays.length % 2 ? delays[mid]! : (delays[mid - 1]! + delays[mid]!) / 2;
  return {
    metrics: {
      from,
      to,
      childrenMonitored: monitored,
      identifiedInChildLabour: identified,
      identificationRate: monitored === 0 ? null : identified / monitored,
      supported,
      monitoringVisits: visitsCount,
      withTwoFollowUps: two,
      noLongerInChildLabourAtLastVisit: noLonger,
      closedByReason: closed,
      medianDaysToFirstSupport: median,
    },
    overdueVisits: overdue,
  };
}

function groups(g: Generated, from: string, to: string, key: (c: GeneratedCase) => string) {
  const keys = [...new Set(g.cases.map(key))].sort();
  return keys.map((k) => {
    const e = expected(
      g,
      g.cases.filter((c) => key(c) === k),
      from,
      to,
      TODAY,
    );
    return { key: k, metrics: e.metrics, overdueVisits: e.overdueVisits };
  });
}

for (const database of await allDatabases()) {
  describe(`Unit metrics on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    let unitA: number;
    let unitB: number;
    let generated: Generated;
    const tokens: Record<string, string> = {};
    const get = (path: string, who: string | null) =>
      app.request(`http://localhost${path}`, { headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, today: () => TODAY, now: () => NOW });
      const db = services.handle.db;
      unitA = await insertUnit(db, 'Cocoa cooperative A');
      unitB = await insertUnit(db, 'Cocoa cooperative B');
      generated = generateCases(N, 11);
      await insertGenerated(db, unitA, generated);
      // Unit B's cases must never be counted in unit A.
      await insertGenerated(db, unitB, generateCases(200, 12));
      for (const [email, unit, role] of [
        ['viewer@example.org', unitA, 'viewer'],
        ['monitor@example.org', unitA, 'monitor'],
        ['other@example.org', unitB, 'case_manager'],
      ] as const) {
        const user = await services.accounts.createUser({ email, password: PASSWORD, role: 'reader' }, NOW);
        await addMember(db, unit, user.id, role);
        tokens[email.split('@')[0]!] = (await services.accounts.createApiToken(user.id, 'metrics test', NOW)).token;
      }
      const outsider = await services.accounts.createUser({ email: 'outsider@example.org', password: PASSWORD, role: 'secretariat' }, NOW);
      tokens.outsider = (await services.accounts.createApiToken(outsider.id, 'metrics test', NOW)).token;
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('the service equals an independent count over 3,000 generated cases: totals, overdue, every breakdown', async () => {
      const from = '2024-06-01';
      const to = '2025-12-31';
      const report = await services.caseMetrics.unitMetricsAsOperator(unitA, { from, to }, TODAY);
      const all = expected(generated, generated.cases, from, to, TODAY);
      assert.deepEqual(report.totals, all.metrics);
      assert.equal(report.overdueVisits, all.overdueVisits);
      assert.equal(report.asOf, to);
      assert.deepEqual(
        report.bySex,
        groups(generated, from, to, (c) => c.sex ?? 'unknown'),
      );
      assert.deepEqual(
        report.byAgeBand,
        groups(generated, from, to, (c) => band(c.age_years)),
      );
      assert.deepEqual(
        report.byDistrict,
        groups(generated, from, to, (c) => c.district ?? 'unknown'),
      );
      // The data is rich enough for every figure to mean something.
      assert.ok(all.metrics.childrenMonitored > 500 && all.metrics.withTwoFollowUps > 50 && all.overdueVisits > 50);
      assert.ok(Object.keys(all.metrics.closedByReason).length >= 4);
    });

    test('default window: the past 24 months to today; overdue counted today', async () => {
      const report = await services.caseMetrics.unitMetricsAsOperator(unitA, {}, TODAY);
      assert.equal(report.from, '2024-12-04');
      assert.equal(report.to, TODAY);
      assert.equal(report.asOf, TODAY);
      const all = expected(generated, generated.cases, '2024-12-04', TODAY, TODAY);
      assert.deepEqual(report.totals, all.metrics);
      assert.equal(report.overdueVisits, all.overdueVisits);
    });

    test('a viewer gets the figures over the API; the CSV carries the same numbers as the JSON', async () => {
      const q = `/api/units/${unitA}/metrics?from=2025-01-01&to=2026-06-30`;
      const res = await get(q, 'viewer');
      assert.equal(res.status, 200);
      const json = (await res.json()) as any;
      const direct = await services.caseMetrics.unitMetricsAsOperator(unitA, { from: '2025-01-01', to: '2026-06-30' }, TODAY);
      assert.deepEqual(json, JSON.parse(JSON.stringify(direct)));
      // Counts only: no name, birth date, village or case id anywhere in the answer.
      const { unitName, ...figures } = json;
      assert.equal(unitName, 'Cocoa cooperative A');
      assert.doesNotMatch(JSON.stringify(figures), /name|birth|village|location|contact|[0-9a-f]{8}-[0-9a-f]{4}-/i);

      const csv = await get(`${q}&format=csv`, 'viewer');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      const [head, ...rows] = (await csv.text())
        .trim()
        .split('\r\n')
        .map((l) => l.split(','));
      const col = (row: string[], name: string) => row[head!.indexOf(name)]!;
      const num = (s: string) => (s === '' ? null : Number(s));
      const groupsOf: [string, any[]][] = [
        ['total', [{ key: 'all', metrics: json.totals, overdueVisits: json.overdueVisits }]],
        ['sex', json.bySex],
        ['age_band', json.byAgeBand],
        ['district', json.byDistrict],
      ];
      const expectedRows = groupsOf.flatMap(([breakdown, gs]) => gs.map((g: any) => ({ breakdown, ...g })));
      assert.equal(rows.length, expectedRows.length);
      rows.forEach((row, i) => {
        const e = expectedRows[i]!;
        assert.equal(col(row, 'breakdown'), e.breakdown);
        assert.equal(col(row, 'group'), e.key);
        assert.equal(num(col(row, 'children_monitored')), e.metrics.childrenMonitored);
        assert.equal(num(col(row, 'identified_in_child_labour')), e.metrics.identifiedInChildLabour);
        assert.equal(num(col(row, 'identification_rate')), e.metrics.identificationRate);
        assert.equal(num(col(row, 'supported')), e.metrics.supported);
        assert.equal(num(col(row, 'monitoring_visits')), e.metrics.monitoringVisits);
        assert.equal(num(col(row, 'with_two_follow_ups')), e.metrics.withTwoFollowUps);
        assert.equal(num(col(row, 'no_longer_in_child_labour_at_last_visit')), e.metrics.noLongerInChildLabourAtLastVisit);
        assert.equal(num(col(row, 'median_days_to_first_support')), e.metrics.medianDaysToFirstSupport);
        assert.equal(num(col(row, 'overdue_visits')), e.overdueVisits);
        assert.equal(num(col(row, 'closed_moved_away')), e.metrics.closedByReason.moved_away ?? 0);
        assert.equal(num(col(row, 'closed_turned_18')), e.metrics.closedByReason.turned_18 ?? 0);
      });
    });

    test('anonymous: 401 before the parameters are read; another unit or no such unit: 404; bad days: 400 naming the field', async () => {
      for (const path of [
        `/api/units/${unitA}/metrics`,
        '/api/units/abc/metrics?from=bad&format=xml',
        `/api/units/${unitA}/cases/export`,
      ]) {
        const res = await get(path, null);
        assert.equal(res.status, 401, path);
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
      }
      assert.equal((await get(`/api/units/${unitA}/metrics`, 'other')).status, 404);
      assert.equal((await get(`/api/units/${unitA}/metrics`, 'outsider')).status, 404);
      assert.equal((await get('/api/units/999999/metrics', 'viewer')).status, 404);
      const bad = await get(`/api/units/${unitA}/metrics?from=2025-02-30`, 'viewer');
      assert.equal(bad.status, 400);
      assert.equal(((await bad.json()) as any).errors[0].field, 'from');
      const reversed = await get(`/api/units/${unitA}/metrics?from=2026-01-01&to=2025-01-01`, 'viewer');
      assert.equal(reversed.status, 400);
      assert.equal(((await reversed.json()) as any).errors[0].field, 'from');
    });

    test('a unit whose follow-up intervals are not valid configuration: overdue is unknown (null), the rest is counted', async () => {
      const db = services.handle.db;
      const odd = await insertUnit(db, 'Odd settings', { followUpDays: { worst_form: 0 } });
      const g = generateCases(50, 13);
      await insertGenerated(db, odd, g, 1);
      const report = await services.caseMetrics.unitMetricsAsOperator(odd, { from: '2023-01-01', to: TODAY }, TODAY);
      assert.equal(report.overdueVisits, null);
      assert.ok(report.byDistrict.every((d) => d.overdueVisits === null));
      assert.equal(report.totals.childrenMonitored, expected(g, g.cases, '2023-01-01', TODAY, TODAY).metrics.childrenMonitored);
    });
  });
}
