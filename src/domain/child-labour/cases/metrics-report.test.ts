import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metricsReport, overdueVisits, type ReportCase } from './metrics-report.ts';

const INTERVALS = { worst_form: 30, hazardous: 60, vulnerable: 90, other: 120 };

function kase(over: Partial<ReportCase>): ReportCase {
  return {
    identifiedOn: '2025-01-01',
    inChildLabourAtIdentification: true,
    sex: null,
    ageYears: null,
    district: null,
    visits: [],
    actions: [],
    closedOn: null,
    closureReason: null,
    tier: 'other',
    closed: false,
    ...over,
  };
}

test('overdue: counted from the last visit (or identification) plus the tier interval; closed or later cases never', () => {
  const cases = [
    // identified 2025-01-01, worst form: due 2025-01-31, overdue on 2025-02-01
    kase({ tier: 'worst_form' }),
    // visited 2025-01-20: due 2025-02-19, not overdue on 2025-02-01
    kase({ tier: 'worst_form', visits: [{ date: '2025-01-20', inChildLabour: true }] }),
    // a visit after asOf does not count: due 2025-01-31 → overdue
    kase({ tier: 'worst_form', visits: [{ date: '2025-03-01', inChildLabour: false }] }),
    kase({ tier: 'worst_form', closed: true, closedOn: '2025-01-15', closureReason: 'moved_away' }),
    kase({ tier: 'worst_form', identifiedOn: '2025-02-02' }),
    // other tier: due 2025-05-01
    kase({ tier: 'other' }),
  ];
  assert.equal(overdueVisits(cases, INTERVALS, '2025-01-31'), 0);
  assert.equal(overdueVisits(cases, INTERVALS, '2025-02-01'), 2);
  assert.equal(overdueVisits(cases, null, '2025-02-01'), null);
});

test('breakdowns: groups in key order, age bands from the age, null keys as unknown; totals equal the sum of a breakdown', () => {
  const cases = [
    kase({ sex: 'female', ageYears: 9, district: 'Poso' }),
    kase({ sex: 'male', ageYears: 13, district: 'Sigi' }),
    kase({ sex: 'female', ageYears: 16, district: null }),
    kase({ sex: null, ageYears: null, district: 'Poso', inChildLabourAtIdentification: false }),
  ];
  const r = metricsReport(cases, { from: '2024-12-01', to: '2025-12-31' }, INTERVALS, '2025-12-31');
  assert.deepEqual(
    r.bySex.map((g) => [g.key, g.metrics.childrenMonitored]),
    [
      ['female', 2],
      ['male', 1],
      ['unknown', 1],
    ],
  );
  assert.deepEqual(
    r.byAgeBand.map((g) => g.key),
    ['12-14', '15-17', '5-11', 'unknown'],
  );
  assert.deepEqual(
    r.byDistrict.map((g) => [g.key, g.metrics.identifiedInChildLabour, g.overdueVisits]),
    [
      ['Poso', 1, 2],
      ['Sigi', 1, 1],
      ['unknown', 1, 1],
    ],
  );
  assert.equal(r.totals.identifiedInChildLabour, 3);
  for (const groups of [r.bySex, r.byAgeBand, r.byDistrict])
    assert.equal(
      groups.reduce((s, g) => s + g.metrics.childrenMonitored, 0),
      r.totals.childrenMonitored,
    );
  assert.equal(r.overdueVisits, 4);
  assert.equal(r.asOf, '2025-12-31');
});
