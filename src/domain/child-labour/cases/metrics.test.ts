import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type MetricsCase, pastMonths, unitMetrics } from './metrics.ts';
import { monthsBefore } from './types.ts';

const c = (p: Partial<MetricsCase>): MetricsCase => ({
  identifiedOn: '2025-01-10',
  inChildLabourAtIdentification: true,
  sex: null,
  district: null,
  visits: [],
  actions: [],
  closedOn: null,
  closureReason: null,
  ...p,
});

describe('unit metrics (ICI core criteria)', () => {
  test('the default window is the past 24 months, inclusive', () => {
    assert.deepEqual(pastMonths('2026-12-03'), { from: '2024-12-03', to: '2026-12-03' });
    assert.equal(monthsBefore('2026-03-31', 1), '2026-02-28');
  });
  test('the 24-month boundary: identified on the first day counts, the day before does not', () => {
    const { from, to } = pastMonths('2026-12-03');
    const m = unitMetrics([c({ identifiedOn: '2024-12-03' }), c({ identifiedOn: '2024-12-02' })], from, to);
    assert.equal(m.childrenMonitored, 1);
    assert.equal(m.identifiedInChildLabour, 1);
  });
  test('a case identified before the window but visited in it is monitored, not identified', () => {
    const m = unitMetrics(
      [c({ identifiedOn: '2020-01-01', visits: [{ date: '2025-06-01', inChildLabour: false }] })],
      '2025-01-01',
      '2025-12-31',
    );
    assert.equal(m.childrenMonitored, 1);
    assert.equal(m.identifiedInChildLabour, 0);
    assert.equal(m.identificationRate, 0);
    assert.equal(m.noLongerInChildLabourAtLastVisit, 1);
  });
  test('figures over a small unit', () => {
    const cases = [
      c({
        visits: [
          { date: '2025-02-01', inChildLabour: true },
          { date: '2025-03-01', inChildLabour: false },
          { date: '2025-04-01', inChildLabour: false },
        ],
        actions: [{ kind: 'school_kit', dueDate: '2025-01-20', providedOn: '2025-01-20' }],
        closedOn: '2025-04-01',
        closureReason: 'no_longer_in_child_labour',
      }),
      c({
        inChildLabourAtIdentification: false,
        visits: [
          { date: '2025-02-01', inChildLabour: false },
          { date: '2025-02-01', inChildLabour: false },
        ],
      }),
      c({
        identifiedOn: '2025-03-01',
        actions: [{ kind: 'awareness', dueDate: '2025-03-05', providedOn: '2025-03-31' }],
        visits: [{ date: '2025-05-01', inChildLabour: true }],
      }),
    ];
    const m = unitMetrics(cases, '2025-01-01', '2025-12-31');
    assert.deepEqual(m, {
      from: '2025-01-01',
      to: '2025-12-31',
      childrenMonitored: 3,
      identifiedInChildLabour: 2,
      identificationRate: 2 / 3,
      supported: 2,
      monitoringVisits: 6,
      // Two visits the same day are one follow-up day.
      withTwoFollowUps: 1,
      noLongerInChildLabourAtLastVisit: 2,
      closedByReason: { no_longer_in_child_labour: 1 },
      medianDaysToFirstSupport: 20,
    });
  });
  test('an empty unit has no rate and no median', () => {
    const m = unitMetrics([], '2025-01-01', '2025-12-31');
    assert.equal(m.identificationRate, null);
    assert.equal(m.medianDaysToFirstSupport, null);
  });
  test('a reversed window is refused', () => {
    assert.throws(() => unitMetrics([], '2026-01-01', '2025-01-01'), /from: after to/);
  });
});
