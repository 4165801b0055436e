import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reportStatus } from './report-status.ts';
import {
  cycleYears,
  type GroupBaseYear,
  groupBaseYearKey,
  groupInitial,
  groupYearFor,
  type ReportingRuleSet,
  ruleSetFor,
} from './reporting-rules.ts';

const group = (over: Partial<GroupBaseYear>): GroupBaseYear => ({
  ruleSetId: 'technical-2019',
  label: 'G–K',
  firstLetter: 'G',
  lastLetter: 'K',
  subject: null,
  baseYear: 2021,
  source: 'Test',
  ...over,
});

describe('reporting rules as data', () => {
  test('a State is grouped by the initial of its English name, without accents or a leading "The"', () => {
    assert.equal(groupInitial('Indonesia'), 'I');
    assert.equal(groupInitial("Côte d'Ivoire"), 'C');
    assert.equal(groupInitial('Türkiye'), 'T');
    assert.equal(groupInitial('The Gambia'), 'G');
    assert.equal(groupInitial('Åland'), 'A');
    assert.equal(groupInitial('42'), null);
  });

  test('cycle years fall every cycle from the base year, before or after it, within the range', () => {
    assert.deepEqual(cycleYears(2013, 3, 2012, 2022), [2013, 2016, 2019, 2022]);
    assert.deepEqual(cycleYears(2027, 3, 2012, 2020), [2012, 2015, 2018]);
    assert.deepEqual(cycleYears(2021, 6, 2019, 2033), [2021, 2027, 2033]);
    assert.deepEqual(cycleYears(2021, 0, 2019, 2033), []);
  });

  test('the rule set of a category is the one valid in the year', () => {
    const sets: ReportingRuleSet[] = [
      { id: 'technical-2009', category: 'technical', cycleYears: 5, sinceYear: 2009, untilYear: 2018, source: 'T', notes: null },
      { id: 'technical-2019', category: 'technical', cycleYears: 6, sinceYear: 2019, untilYear: null, source: 'T', notes: null },
    ];
    assert.equal(ruleSetFor(sets, 'technical', 2018)?.id, 'technical-2009');
    assert.equal(ruleSetFor(sets, 'technical', 2019)?.id, 'technical-2019');
    assert.equal(ruleSetFor(sets, 'technical', 2008), null);
    assert.equal(ruleSetFor(sets, 'fundamental', 2020), null);
  });

  test('a group for one of the subjects wins over the group for every subject; letters bound the group', () => {
    const groups = [
      group({}),
      group({ subject: 'Labour inspection', baseYear: 2022 }),
      group({ label: 'L–N', firstLetter: 'L', lastLetter: 'N', baseYear: 2023 }),
    ];
    assert.equal(groupYearFor(groups, 'technical-2019', 'I', ['Wages'])?.baseYear, 2021);
    assert.equal(groupYearFor(groups, 'technical-2019', 'I', ['Labour inspection'])?.baseYear, 2022);
    assert.equal(groupYearFor(groups, 'technical-2019', 'M', [])?.label, 'L–N');
    assert.equal(groupYearFor(groups, 'technical-2019', 'Z', []), null);
    assert.equal(groupYearFor(groups, 'other', 'I', []), null);
    assert.equal(groupBaseYearKey(groups[1] as GroupBaseYear), 'technical-2019/G–K/Labour inspection');
  });

  test('status: received wins; unknown without a date; overdue the day after 1 September', () => {
    const complete = '2000-01-01';
    assert.equal(reportStatus('2020-09-01', true, '2026-01-01', complete), 'received');
    assert.equal(reportStatus(null, false, '2026-01-01', complete), 'unknown');
    assert.equal(reportStatus('2026-09-01', false, '2026-09-01', complete), 'due');
    assert.equal(reportStatus('2026-09-01', false, '2026-09-02', complete), 'overdue');
    assert.equal(reportStatus('2027-09-01', false, '2026-12-31', complete), 'not_yet_due');
  });

  test('status: a missing receipt is overdue only from the date the receipts are declared complete (decision 095)', () => {
    assert.equal(reportStatus('2026-09-01', false, '2026-09-02', null), 'not_recorded');
    assert.equal(reportStatus('2026-09-01', false, '2026-09-02', '2026-09-01'), 'overdue');
    assert.equal(reportStatus('2026-09-01', false, '2026-09-02', '2026-09-02'), 'not_recorded');
    assert.equal(reportStatus('2026-09-01', true, '2026-09-02', null), 'received');
    assert.equal(reportStatus('2027-09-01', false, '2026-09-02', null), 'not_yet_due');
  });
});
