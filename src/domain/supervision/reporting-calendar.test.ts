import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { entryIntoForceForState } from '../ratification.ts';
import { type CalendarInput, type ReportingRatification, reportingCalendar } from './reporting-calendar.ts';
import type { GroupBaseYear, ReportingRuleSet } from './reporting-rules.ts';

const C138: ReportingRatification = {
  instrument: 'C138',
  category: 'fundamental',
  subjects: ['Elimination of child labour and protection of children and young persons'],
  // Registered 1999 (year only), C138 Art 12(3): twelve months later.
  entryIntoForce: entryIntoForceForState('1999', 12),
  entryIntoForceRule: 'C138 Art 12(3)',
  status: 'in_force',
};
const C182: ReportingRatification = {
  ...C138,
  instrument: 'C182',
  entryIntoForce: entryIntoForceForState('2000-03-28', 12),
  entryIntoForceRule: 'C182 Art 10(3)',
};

const FUNDAMENTAL: ReportingRuleSet = {
  id: 'fundamental-2012',
  category: 'fundamental',
  cycleYears: 3,
  sinceYear: 2012,
  untilYear: null,
  source: 'Test: GB decision',
  notes: null,
};
const G_N: GroupBaseYear = {
  ruleSetId: 'fundamental-2012',
  label: 'G–N',
  firstLetter: 'G',
  lastLetter: 'N',
  subject: null,
  baseYear: 2013,
  source: 'Test: GB table',
};

function input(over: Partial<CalendarInput> = {}): CalendarInput {
  return {
    country: { iso3: 'IDN', nameEn: 'Indonesia' },
    ratifications: [C138, C182],
    ruleSets: [],
    groups: [],
    receipts: [],
    organisations: null,
    // Receipts declared complete from long ago: a missing receipt is overdue (see the test below for the default).
    receiptsCompleteFrom: '1900-01-01',
    today: '2026-12-03',
    ...over,
  };
}

const ofKind = (reports: ReturnType<typeof reportingCalendar>, instrument: string, kind: string) =>
  reports.filter((r) => r.instrument === instrument && r.kind === kind);

describe('reporting calendar (Constitution Art 22)', () => {
  test('the first report is requested the year after entry into force for the State, due 1 September', () => {
    const reports = reportingCalendar(input());
    const [c138] = ofKind(reports, 'C138', 'first');
    assert.equal(c138?.year, 2001);
    assert.equal(c138?.dueDate, '2001-09-01');
    assert.deepEqual(c138?.legalBasis, ['Constitution Art 22', 'C138 Art 12(3)']);
    const [c182] = ofKind(reports, 'C182', 'first');
    assert.equal(c182?.year, 2002);
    assert.equal(c182?.dueDate, '2002-09-01');
  });

  test('an unknown entry into force gives unknown first and regular reports naming the datum', () => {
    const reports = reportingCalendar(input({ ratifications: [{ ...C138, entryIntoForce: null }] }));
    assert.deepEqual(
      reports.map((r) => [r.kind, r.status, r.missing?.datum]),
      [
        ['first', 'unknown', 'entry_into_force'],
        ['regular', 'unknown', 'entry_into_force'],
      ],
    );
  });

  test('regular reports are unknown until a rule set is entered, then until the group base year is', () => {
    const none = ofKind(reportingCalendar(input()), 'C138', 'regular');
    assert.deepEqual(
      none.map((r) => [r.status, r.missing?.datum]),
      [['unknown', 'rule_set']],
    );
    const noGroup = ofKind(reportingCalendar(input({ ruleSets: [FUNDAMENTAL] })), 'C138', 'regular');
    assert.deepEqual(
      noGroup.map((r) => [r.status, r.missing?.datum]),
      [['unknown', 'group_base_year']],
    );
  });

  test('with the group base year entered, regular reports fall every cycle in the group years', () => {
    const regular = ofKind(reportingCalendar(input({ ruleSets: [FUNDAMENTAL], groups: [G_N] })), 'C138', 'regular');
    assert.deepEqual(
      regular.map((r) => r.year),
      [2013, 2016, 2019, 2022, 2025, 2028],
    );
    assert.ok(regular.every((r) => r.dueDate === `${r.year}-09-01`));
    assert.equal(regular.at(-1)?.status, 'not_yet_due');
    assert.equal(regular[0]?.status, 'overdue');
    assert.deepEqual(regular[0]?.group, {
      ruleSetId: 'fundamental-2012',
      label: 'G–N',
      subject: null,
      cycleYears: 3,
      baseYear: 2013,
      source: 'Test: GB table',
    });
  });

  test('a group for the instrument subject wins over the group for any subject', () => {
    const subjectGroup = { ...G_N, subject: C138.subjects[0] ?? null, baseYear: 2014 };
    const regular = ofKind(reportingCalendar(input({ ruleSets: [FUNDAMENTAL], groups: [G_N, subjectGroup] })), 'C138', 'regular');
    assert.equal(regular[0]?.year, 2014);
    assert.equal(regular[0]?.group?.subject, C138.subjects[0]);
  });

  test('a State outside the group letters gets no year from it', () => {
    const reports = reportingCalendar(input({ country: { iso3: 'ZAF', nameEn: 'South Africa' }, ruleSets: [FUNDAMENTAL], groups: [G_N] }));
    assert.equal(ofKind(reports, 'C138', 'regular')[0]?.missing?.datum, 'group_base_year');
  });

  test('the cycle changes with the rule set valid in each year', () => {
    const technical: ReportingRatification = { ...C138, instrument: 'C081', category: 'technical', entryIntoForce: '2003-01-29' };
    const old: ReportingRuleSet = {
      id: 'technical-2009',
      category: 'technical',
      cycleYears: 5,
      sinceYear: 2009,
      untilYear: 2018,
      source: 'Test',
      notes: null,
    };
    const now: ReportingRuleSet = {
      id: 'technical-2019',
      category: 'technical',
      cycleYears: 6,
      sinceYear: 2019,
      untilYear: null,
      source: 'Test',
      notes: null,
    };
    const groups: GroupBaseYear[] = [
      { ruleSetId: 'technical-2009', label: 'G–K', firstLetter: 'G', lastLetter: 'K', subject: null, baseYear: 2010, source: 'Test' },
      { ruleSetId: 'technical-2019', label: 'G–K', firstLetter: 'G', lastLetter: 'K', subject: null, baseYear: 2021, source: 'Test' },
    ];
    const regular = ofKind(reportingCalendar(input({ ratifications: [technical], ruleSets: [old, now], groups })), 'C081', 'regular');
    assert.deepEqual(
      regular.map((r) => [r.year, r.group?.cycleYears]),
      [
        [2010, 5],
        [2015, 5],
        [2021, 6],
        [2027, 6],
      ],
    );
  });

  test('without a declaration that receipts are complete, a past report with no receipt is "not recorded" and brings no request', () => {
    const groups = [{ ...G_N, baseYear: 2026 }];
    const reports = reportingCalendar(input({ ratifications: [C138], ruleSets: [FUNDAMENTAL], groups, receiptsCompleteFrom: null }));
    assert.equal(ofKind(reports, 'C138', 'first')[0]?.status, 'not_recorded');
    assert.ok(reports.every((r) => r.status !== 'overdue'));
    assert.deepEqual(ofKind(reports, 'C138', 'out_of_cycle'), [], 'nothing is known to be missed, so nothing is requested');
    // Declared complete from 2020: the reports due before stay "not recorded", those after are overdue.
    const from2020 = reportingCalendar(
      input({ ratifications: [C138], ruleSets: [FUNDAMENTAL], groups, receiptsCompleteFrom: '2020-01-01' }),
    );
    const regular = ofKind(from2020, 'C138', 'regular').map((r) => [r.year, r.status]);
    assert.deepEqual(
      regular.filter(([year]) => (year as number) >= 2017 && (year as number) <= 2026),
      [
        [2017, 'not_recorded'],
        [2020, 'overdue'],
        [2023, 'overdue'],
        [2026, 'overdue'],
      ],
    );
    assert.deepEqual(
      ofKind(from2020, 'C138', 'out_of_cycle').map((r) => r.year),
      [2021, 2024, 2027],
    );
  });

  test('a missed report brings an out-of-cycle request the next year; a received one does not', () => {
    const today = '2026-12-03';
    const groups = [{ ...G_N, baseYear: 2026 }];
    const missed = reportingCalendar(input({ ratifications: [C138], ruleSets: [FUNDAMENTAL], groups, today }));
    const out = ofKind(missed, 'C138', 'out_of_cycle');
    assert.deepEqual(
      out.map((r) => [r.year, r.status, r.reasons[0]]),
      [
        [2002, 'overdue', { kind: 'missed', year: 2001, reportKind: 'first' }],
        [2015, 'overdue', { kind: 'missed', year: 2014, reportKind: 'regular' }],
        [2018, 'overdue', { kind: 'missed', year: 2017, reportKind: 'regular' }],
        [2021, 'overdue', { kind: 'missed', year: 2020, reportKind: 'regular' }],
        [2024, 'overdue', { kind: 'missed', year: 2023, reportKind: 'regular' }],
        [2027, 'not_yet_due', { kind: 'missed', year: 2026, reportKind: 'regular' }],
      ],
    );
    const receipt = {
      country: 'IDN',
      instrument: 'C138',
      year: 2026,
      kind: 'regular' as const,
      dateSent: '2026-08-30',
      link: 'https://example.org/r',
      source: 'Test',
    };
    const sent = reportingCalendar(input({ ratifications: [C138], ruleSets: [FUNDAMENTAL], groups, today, receipts: [receipt] }));
    const y2026 = sent.find((r) => r.kind === 'regular' && r.year === 2026);
    assert.equal(y2026?.status, 'received');
    assert.deepEqual(y2026?.received, { dateSent: '2026-08-30', link: 'https://example.org/r', source: 'Test' });
    assert.equal(
      sent.find((r) => r.kind === 'out_of_cycle' && r.year === 2027),
      undefined,
    );
  });

  test('a comment asking for a reply brings an out-of-cycle request the next year, citing the comment', () => {
    const reports = reportingCalendar(
      input({
        ratifications: [C182],
        replyRequests: [
          { instrument: 'C182', year: 2026, commentId: 'CEACR-2026-IDN-C182' },
          { instrument: 'C029', year: 2026 },
        ],
      }),
    );
    const out = reports.filter((r) => r.kind === 'out_of_cycle' && r.year === 2027);
    assert.equal(out.length, 1);
    assert.equal(out[0]?.instrument, 'C182');
    assert.equal(out[0]?.status, 'not_yet_due');
    assert.deepEqual(out[0]?.reasons, [{ kind: 'reply', year: 2026, commentId: 'CEACR-2026-IDN-C182' }]);
    assert.ok(out[0]?.legalBasis.some((c) => c.includes('CEACR-2026-IDN-C182')));
  });

  test('a request falling on a year with a scheduled report is merged into it', () => {
    const reports = reportingCalendar(
      input({
        ratifications: [C138],
        ruleSets: [FUNDAMENTAL],
        groups: [{ ...G_N, baseYear: 2027 }],
        replyRequests: [{ instrument: 'C138', year: 2026 }],
      }),
    );
    const y2027 = reports.filter((r) => r.year === 2027);
    assert.deepEqual(
      y2027.map((r) => r.kind),
      ['regular'],
    );
    assert.equal(y2027[0]?.reasons[0]?.kind, 'reply');
  });

  test('statuses: due this year, not yet due, overdue after 1 September', () => {
    const ratification = { ...C138, entryIntoForce: '2025-06-01' };
    assert.equal(reportingCalendar(input({ ratifications: [ratification], today: '2026-09-01' }))[0]?.status, 'due');
    assert.equal(reportingCalendar(input({ ratifications: [ratification], today: '2026-09-02' }))[0]?.status, 'overdue');
    assert.equal(reportingCalendar(input({ ratifications: [ratification], today: '2025-12-31' }))[0]?.status, 'not_yet_due');
  });

  test('each report lists the organisations that receive copies (Art 23(2)), or null until entered', () => {
    assert.equal(reportingCalendar(input())[0]?.copiesTo, null);
    const organisations = { country: 'IDN', employers: ['APINDO'], workers: ['KSPI', 'KSBSI'], source: 'Test' };
    assert.deepEqual(reportingCalendar(input({ organisations }))[0]?.copiesTo, {
      employers: ['APINDO'],
      workers: ['KSPI', 'KSBSI'],
      source: 'Test',
      basis: 'Constitution Art 23(2)',
    });
  });

  test('denounced ratifications owe no reports; ids are stable keys of State, instrument, kind and year', () => {
    const reports = reportingCalendar(input({ ratifications: [C138, { ...C182, status: 'denounced' }] }));
    assert.ok(reports.every((r) => r.instrument === 'C138'));
    assert.equal(reports[0]?.id, 'IDN/C138/first/2001');
  });
});
