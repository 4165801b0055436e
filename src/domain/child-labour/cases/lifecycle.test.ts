import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ConsentRecord, mayStoreIdentifyingData } from './consent.ts';
import { followUpState } from './overdue.ts';
import { ageBand, pseudonymise } from './pseudonymise.ts';
import { anonymisationDueOn, dueForAnonymisation } from './retention.ts';

const INTERVALS = { worst_form: 14, hazardous: 30, vulnerable: 60, other: 90 };

describe('overdue follow-ups (intervals are unit data)', () => {
  const table: [string, string, boolean, number][] = [
    ['on the due day: not overdue', '2026-01-31', false, 0],
    ['the day after: one day overdue', '2026-02-01', true, 1],
    ['before: not overdue', '2026-01-15', false, 0],
  ];
  for (const [name, today, overdue, days] of table) {
    test(name, () => {
      const s = followUpState({ identifiedOn: '2026-01-01', tier: 'hazardous', visits: [], closed: false }, INTERVALS, today)!;
      assert.equal(s.due, '2026-01-31');
      assert.equal(s.overdue, overdue);
      assert.equal(s.daysOverdue, days);
    });
  }
  test('counts from the last visit up to today, not a future one', () => {
    const s = followUpState(
      {
        identifiedOn: '2026-01-01',
        tier: 'worst_form',
        visits: [
          { date: '2026-01-10', inChildLabour: true },
          { date: '2026-03-01', inChildLabour: false },
        ],
        closed: false,
      },
      INTERVALS,
      '2026-02-01',
    )!;
    assert.deepEqual(s, { since: '2026-01-10', due: '2026-01-24', overdue: true, daysOverdue: 8 });
  });
  test('a closed case has no follow-up', () => {
    assert.equal(followUpState({ identifiedOn: '2026-01-01', tier: 'other', visits: [], closed: true }, INTERVALS, '2027-01-01'), null);
  });
  test('an interval that is not a positive whole number is refused', () => {
    assert.throws(
      () =>
        followUpState({ identifiedOn: '2026-01-01', tier: 'other', visits: [], closed: false }, { ...INTERVALS, other: 0 }, '2026-02-01'),
      /followUpIntervals.other/,
    );
  });
});

describe('consent before identifying data (UU 27/2022 Pasal 25(2))', () => {
  const consent: ConsentRecord = {
    givenBy: 'parent',
    giverName: 'the mother',
    givenOn: '2026-01-05',
    purposes: ['case_management'],
    withdrawnOn: null,
  };
  const table: [string, ConsentRecord | null, string, string | true][] = [
    ['recorded parent consent for the purpose', consent, '2026-01-05', true],
    ['no consent', null, '2026-01-05', 'no-consent'],
    ['consent given after the day', consent, '2026-01-04', 'not-yet-given'],
    ['purpose not covered', { ...consent, purposes: ['referral'] }, '2026-01-05', 'purpose-not-covered'],
    ['withdrawn', { ...consent, withdrawnOn: '2026-02-01' }, '2026-02-01', 'withdrawn'],
    ['withdrawn later: still valid before', { ...consent, withdrawnOn: '2026-02-01' }, '2026-01-31', true],
    ['guardian', { ...consent, givenBy: 'guardian' }, '2026-01-05', true],
    ['giver not named', { ...consent, giverName: ' ' }, '2026-01-05', 'not-parent-or-guardian'],
  ];
  for (const [name, record, on, expected] of table) {
    test(name, () => {
      const d = mayStoreIdentifyingData(record, 'case_management', on);
      assert.equal(d.citation, 'UU 27/2022 Pasal 25(2)');
      if (expected === true) assert.equal(d.allowed, true);
      else assert.equal(d.allowed === false && d.refusal, expected);
    });
  }
});

describe('retention (period is configuration)', () => {
  const cases = [
    { id: 'a', closedOn: '2024-12-03', anonymisedOn: null },
    { id: 'b', closedOn: '2024-12-04', anonymisedOn: null },
    { id: 'c', closedOn: '2020-01-01', anonymisedOn: '2023-01-01' },
    { id: 'd', closedOn: null, anonymisedOn: null },
  ];
  test('closed at least 24 months ago and not anonymised: due; open or done: not', () => {
    assert.deepEqual(dueForAnonymisation(cases, '2026-12-03', 24), ['a']);
    assert.deepEqual(dueForAnonymisation(cases, '2026-12-04', 24), ['a', 'b']);
  });
  test('due day matches the cutoff', () => {
    assert.equal(anonymisationDueOn('2024-12-04', 24), '2026-12-04');
    // Closed on 29 February: due on 1 March of a common year (the later day, as in ageOn).
    assert.equal(anonymisationDueOn('2024-02-29', 12), '2025-03-01');
  });
  test('a period that is not a positive whole number is refused', () => {
    assert.throws(() => dueForAnonymisation(cases, '2026-12-03', 0), /retentionMonths/);
  });
});

describe('pseudonymised export rows', () => {
  const row = {
    caseNumber: 'U1-0007',
    name: 'Siti Aminah',
    birthDate: '2012-04-01',
    age: 14,
    sex: 'female',
    village: 'Desa Contoh',
    district: 'Kabupaten Contoh',
    contact: '+62 800 000',
    notes: 'free text',
    status: 'follow_up',
    priority: 'hazardous',
    verdict: 'prohibited',
  };
  const key = new Uint8Array(32).fill(7);
  test('no identifying value survives, the pseudonym is stable per key', () => {
    const p = pseudonymise(row, key);
    const text = JSON.stringify(p);
    for (const v of ['Siti', '2012-04-01', 'Desa Contoh', '+62', 'free text', 'U1-0007']) assert.equal(text.includes(v), false, v);
    assert.equal(p.ageBand, '12-14');
    assert.equal(p.district, 'Kabupaten Contoh');
    assert.equal(pseudonymise(row, key).pseudonym, p.pseudonym);
    assert.notEqual(pseudonymise(row, new Uint8Array(32).fill(8)).pseudonym, p.pseudonym);
  });
  test('age bands', () => {
    assert.deepEqual([4, 5, 11, 12, 14, 15, 17, 18, null].map(ageBand), [
      'under 5',
      '5-11',
      '5-11',
      '12-14',
      '12-14',
      '15-17',
      '15-17',
      '18+',
      'unknown',
    ]);
  });
  test('a short key is refused', () => assert.throws(() => pseudonymise(row, new Uint8Array(8)), /key/));
});
