import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkDelegation,
  type Delegate,
  type Delegation,
  delegationStanding,
  nextDelegateNumber,
  summariseDelegation,
} from './delegation.ts';
import { checkBallots, resultOf } from './recorded-vote.ts';
import { checkSession } from './session.ts';

let n = 0;
const person = (
  group: Delegate['group'],
  role: Delegate['role'] = 'delegate',
  credentials: Delegate['credentials'] = 'accepted',
): Delegate => ({
  id: `IDN-${++n}`,
  name: `Person ${n}`,
  group,
  role,
  credentials,
});

const delegation = (delegates: Delegate[], extra: Partial<Delegation> = {}): Delegation => ({
  session: 113,
  country: 'IDN',
  delegates,
  inArrears: false,
  arrearsVotingPermitted: false,
  source: 'test',
  ...extra,
});

describe('delegation rules (Constitution Art 3, 4(2), 13(4))', () => {
  const cases: { name: string; delegates: Delegate[]; extra?: Partial<Delegation>; fields: string[] }[] = [
    {
      name: 'a full delegation',
      delegates: [person('government'), person('government'), person('employers'), person('workers')],
      fields: [],
    },
    { name: 'no one sent', delegates: [], fields: [] },
    {
      name: 'three government delegates',
      delegates: [person('government'), person('government'), person('government')],
      fields: ['delegates'],
    },
    { name: 'two employers delegates', delegates: [person('employers'), person('employers')], fields: ['delegates'] },
    { name: 'two workers delegates', delegates: [person('workers'), person('workers')], fields: ['delegates'] },
    {
      name: 'many advisers and substitutes are not delegates (Art 3(2))',
      delegates: [
        person('government'),
        person('government', 'adviser'),
        person('government', 'adviser'),
        person('government', 'substitute'),
      ],
      fields: [],
    },
    { name: 'a name left empty', delegates: [{ ...person('workers'), name: '  ' }], fields: ['delegates[0].name'] },
    { name: 'an id of another State', delegates: [{ ...person('workers'), id: 'MYS-1' }], fields: ['delegates[0].id'] },
    {
      name: 'permission to vote without arrears',
      delegates: [],
      extra: { arrearsVotingPermitted: true },
      fields: ['arrearsVotingPermitted'],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const d = delegation(c.delegates, c.extra);
      const issues = checkDelegation(d);
      assert.deepEqual(
        issues.map((i) => i.field),
        c.fields,
        JSON.stringify(issues),
      );
      for (const issue of issues.filter((i) => i.rule === 'delegate-seats')) assert.match(issue.message, /Constitution Art 3\(1\)/);
    });
  }

  test('the same id twice is refused', () => {
    const p = person('government');
    assert.deepEqual(
      checkDelegation(delegation([p, { ...p }])).map((i) => i.field),
      ['delegates[1].id'],
    );
  });

  test('the standing the vote engine needs: seats filled, credentials by id, arrears', () => {
    const gov = person('government');
    const emp = person('employers', 'delegate', 'invalidated');
    const standing = delegationStanding(
      delegation([gov, emp, person('workers', 'adviser')], { inArrears: true, arrearsVotingPermitted: true }),
    );
    assert.equal(standing.governmentDelegates, 1);
    assert.equal(standing.employersDelegateNominated, true);
    assert.equal(standing.workersDelegateNominated, false, 'an adviser is not a nominated delegate');
    assert.equal(standing.credentials[emp.id], 'invalidated');
    assert.equal(standing.inArrears, true);
    assert.equal(standing.arrearsVotingPermitted, true);
  });

  test('the summary says who sits without a vote (Art 4(2)) and a State in arrears without permission (Art 13(4))', () => {
    const s = summariseDelegation(delegation([person('government'), person('employers')], { inArrears: true }));
    assert.equal(s.noCounterpart, 'employers');
    assert.equal(s.noVote, true);
    const full = summariseDelegation(
      delegation([person('employers'), person('workers')], { inArrears: true, arrearsVotingPermitted: true }),
    );
    assert.equal(full.noCounterpart, null);
    assert.equal(full.noVote, false);
  });

  test('new delegate numbers follow the highest one in use', () => {
    assert.equal(nextDelegateNumber([]), 1);
    assert.equal(nextDelegateNumber([{ id: 'IDN-2' }, { id: 'IDN-7' }]), 8);
  });
});

describe('record-vote ballots against the delegations', () => {
  const gov1 = { ...person('government'), id: 'IDN-1' };
  const gov2 = { ...person('government'), id: 'IDN-2' };
  const adv = { ...person('workers', 'adviser'), id: 'IDN-3' };
  const emp = { ...person('employers'), id: 'IDN-4' };
  const d = delegation([gov1, gov2, adv, emp]);

  test('an unknown delegate, a second ballot, an adviser and too many ballots are refused', () => {
    const issues = checkBallots(
      [
        { delegateId: 'IDN-9', vote: 'for' },
        { delegateId: 'IDN-1', vote: 'for' },
        { delegateId: 'IDN-1', vote: 'for' },
        { delegateId: 'IDN-2', vote: 'for' },
        { delegateId: 'IDN-3', vote: 'for' },
      ],
      [d],
      3,
    );
    const text = issues.map((i) => `${i.field}: ${i.message}`).join('\n');
    assert.match(text, /ballots\[0\]\.delegateId: IDN-9 is not a delegate/);
    assert.match(text, /ballots\[2\]\.delegateId: IDN-1 votes once/);
    assert.match(text, /Art 3\(6\)/);
    assert.match(text, /3 ballots for IDN government: it has 2 vote\(s\) \(Constitution Art 3\(1\)\)/);
    assert.match(text, /delegatesAttending/);
  });

  test('the employers delegate without a workers counterpart is excluded when the result is computed (Art 4(2))', () => {
    const result = resultOf(
      {
        key: '113/1',
        session: 113,
        agendaItem: null,
        kind: 'ordinary',
        date: '2025-06-10',
        mode: 'record',
        counts: null,
        ballots: [
          { delegateId: 'IDN-1', vote: 'for' },
          { delegateId: 'IDN-2', vote: 'against' },
          { delegateId: 'IDN-4', vote: 'for' },
        ],
        delegatesAttending: 4,
        instrument: null,
        source: 'test',
        notes: null,
      },
      [d],
    );
    assert.equal(result.excluded?.length, 1);
    assert.equal(result.excluded?.[0]?.article, 'Constitution Art 4(2)');
    assert.equal(result.votesCast, 2);
  });
});

describe('session checks', () => {
  const base = { number: 113, year: 2025, openingDate: '2025-06-02', closingDate: '2025-06-13', place: 'Geneva', agenda: [] };
  test('a consistent session passes; unknown dates are allowed', () => {
    assert.deepEqual(checkSession(base), []);
    assert.deepEqual(checkSession({ ...base, openingDate: null, closingDate: null, place: null }), []);
  });
  test('closing before opening, another year, a bad date and a bad instrument code are refused', () => {
    assert.deepEqual(
      checkSession({ ...base, closingDate: '2025-06-01' }).map((i) => i.field),
      ['closingDate'],
    );
    assert.deepEqual(
      checkSession({ ...base, openingDate: '2024-06-02', closingDate: null }).map((i) => i.field),
      ['openingDate'],
    );
    assert.deepEqual(
      checkSession({ ...base, closingDate: '2025-02-30' }).map((i) => i.field),
      ['closingDate'],
    );
    assert.deepEqual(
      checkSession({ ...base, agenda: [{ position: 1, text: 'x', instrument: 'X1' }] }).map((i) => i.field),
      ['agenda[0].instrument'],
    );
  });
});
