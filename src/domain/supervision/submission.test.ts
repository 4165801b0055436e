import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import countries from '../../../data/countries.json' with { type: 'json' };
import {
  type AdoptedInstrument,
  countOverdue,
  legalBasisOf,
  memberAtClosing,
  type SubmissionRecord,
  type SubmissionSession,
  type SubmissionState,
  submissionDates,
  submissionObligation,
  submissionObligations,
} from './submission.ts';

/** The 108th session (centenary) closed on 21 June 2019 and adopted C190 and R206 (ilc_sessions.csv). */
const S108: SubmissionSession = { number: 108, closingDate: '2019-06-21', tracked: true };
const C190: AdoptedInstrument = { code: 'C190', type: 'convention' };
const R206: AdoptedInstrument = { code: 'R206', type: 'recommendation' };
const IDN: SubmissionState = { iso3: 'IDN', membershipDate: '1950-05-12' };

const record = (over: Partial<SubmissionRecord> = {}): SubmissionRecord => ({
  country: 'IDN',
  instrument: 'C190',
  session: 108,
  submittedDate: null,
  authority: null,
  exceptionalCircumstances: false,
  reference: null,
  source: 'TEST',
  confidence: 'high',
  notes: null,
  ...over,
});

describe('submission due dates (Constitution Art 19(5)(b), 19(6)(b))', () => {
  test('a known closing date gives the 12- and 18-month dates for every member State', () => {
    const states = (countries as { iso3: string; membershipDate: string | null }[]).map((c) => ({
      iso3: c.iso3,
      membershipDate: c.membershipDate,
    }));
    const items = submissionObligations({ session: S108, instruments: [C190, R206], states, records: [], today: '2020-01-01' });
    const owed = items.filter((i) => i.status !== 'not_owed');
    assert.ok(owed.length >= 2 * 180, `${owed.length} obligations`);
    for (const item of owed) {
      assert.equal(item.dueDate, '2020-06-21', item.country);
      assert.equal(item.latestDate, '2020-12-21', item.country);
    }
    assert.equal(items.find((i) => i.country === 'IDN' && i.instrument === 'C190')?.legalBasis, 'Constitution Art 19(5)(b)');
    assert.equal(items.find((i) => i.country === 'IDN' && i.instrument === 'R206')?.legalBasis, 'Constitution Art 19(6)(b)');
  });

  const cases: [string, string | null, { dueDate: string | null; latestDate: string | null }][] = [
    ['day precision', '2023-06-16', { dueDate: '2024-06-16', latestDate: '2024-12-16' }],
    ['a day that the 18th month lacks is clamped', '2022-08-31', { dueDate: '2023-08-31', latestDate: '2024-02-29' }],
    ['year only: 12 months is the next year, 18 months cannot be placed', '2014', { dueDate: '2015', latestDate: null }],
    ['unknown closing date', null, { dueDate: null, latestDate: null }],
  ];
  for (const [name, closing, expected] of cases) test(name, () => assert.deepEqual(submissionDates(closing), expected));

  test('Protocols follow the Convention rule; Recommendations Art 19(6)', () => {
    assert.equal(legalBasisOf('protocol').legalBasis, 'Constitution Art 19(5)(b)');
    assert.equal(legalBasisOf('convention').reportingBasis, 'Constitution Art 19(5)(c)');
    assert.equal(legalBasisOf('recommendation').reportingBasis, 'Constitution Art 19(6)(c)');
  });
});

describe('submission status on a reference date', () => {
  const status = (
    today: string,
    over: { session?: Partial<SubmissionSession>; state?: Partial<SubmissionState>; rec?: SubmissionRecord | null } = {},
  ) => submissionObligation({ ...S108, ...over.session }, C190, { ...IDN, ...over.state }, over.rec ?? null, today);

  const table: [string, string, Parameters<typeof status>[1], string, string | null][] = [
    ['before the session closes', '2019-06-20', {}, 'not_yet_due', 'session_not_closed'],
    ['on the closing day the year starts', '2019-06-21', {}, 'due', null],
    ['on the due date itself', '2020-06-21', {}, 'due', null],
    ['the day after the due date', '2020-06-22', {}, 'overdue', null],
    [
      'exceptional circumstances: still due at 13 months',
      '2020-07-21',
      { rec: record({ exceptionalCircumstances: true }) },
      'due',
      'exceptional_circumstances',
    ],
    [
      'exceptional circumstances: overdue after 18 months',
      '2020-12-22',
      { rec: record({ exceptionalCircumstances: true }) },
      'overdue',
      'exceptional_circumstances',
    ],
    ['untracked session: never overdue', '2030-01-01', { session: { tracked: false } }, 'not_tracked', 'session_not_tracked'],
    ['unknown closing date', '2030-01-01', { session: { closingDate: null } }, 'unknown', 'closing_date_unknown'],
    ['joined after the session closed', '2030-01-01', { state: { membershipDate: '2019-07-01' } }, 'not_owed', 'joined_after_session'],
    ['joined on the closing day owes it', '2030-01-01', { state: { membershipDate: '2019-06-21' } }, 'overdue', null],
    ['unknown membership date', '2030-01-01', { state: { membershipDate: null } }, 'unknown', 'membership_date_unknown'],
    [
      'membership known to the year of the session only',
      '2030-01-01',
      { state: { membershipDate: '2019' } },
      'unknown',
      'membership_date_unknown',
    ],
    ['submitted', '2030-01-01', { rec: record({ submittedDate: '2020-03-02', authority: 'DPR' }) }, 'submitted', null],
  ];
  for (const [name, today, over, expected, reason] of table) {
    test(name, () => {
      const item = status(today, over);
      assert.equal(item.status, expected);
      assert.equal(item.reason, reason);
    });
  }

  test('a submission after the deadline is marked late; one within it is not', () => {
    assert.equal(status('2030-01-01', { rec: record({ submittedDate: '2020-06-22' }) }).late, true);
    assert.equal(status('2030-01-01', { rec: record({ submittedDate: '2020-06-21' }) }).late, false);
    assert.equal(status('2030-01-01', { rec: record({ submittedDate: '2020-09-01', exceptionalCircumstances: true }) }).late, false);
    assert.equal(status('2030-01-01', { rec: record({ submittedDate: '2020' }) }).late, null, 'a year-only date cannot tell');
  });

  test('a recorded submission shows even in an untracked session', () => {
    assert.equal(status('2030-01-01', { session: { tracked: false }, rec: record({ submittedDate: '2020-01-01' }) }).status, 'submitted');
  });

  test('membership is compared with certainty only', () => {
    assert.equal(memberAtClosing('1950', '2019-06-21'), true);
    assert.equal(memberAtClosing('2019', '2019-06-21'), null);
    assert.equal(memberAtClosing('2020', '2019-06-21'), false);
    assert.equal(memberAtClosing(null, '2019-06-21'), null);
  });
});

describe('overdue lists', () => {
  test('marking one submitted removes it from the overdue list', () => {
    const states: SubmissionState[] = [IDN, { iso3: 'MYS', membershipDate: '1957-11-11' }];
    const today = '2021-01-01';
    const before = submissionObligations({ session: S108, instruments: [C190, R206], states, records: [], today });
    assert.deepEqual(Object.fromEntries(countOverdue(before, (i) => i.country)), { IDN: 2, MYS: 2 });
    const after = submissionObligations({
      session: S108,
      instruments: [C190, R206],
      states,
      records: [record({ submittedDate: '2020-05-01', authority: 'DPR' })],
      today,
    });
    assert.deepEqual(Object.fromEntries(countOverdue(after, (i) => i.country)), { IDN: 1, MYS: 2 });
    assert.ok(!after.some((i) => i.country === 'IDN' && i.instrument === 'C190' && i.status === 'overdue'));
  });
});
