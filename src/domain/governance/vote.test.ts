import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../errors.ts';
import { evaluateVote, quorumFor, simpleMajority, twoThirds, type VoteCounts, type VoteKind, type VoteOutcome } from './vote.ts';

const counts = (f: number, against: number, abstain: number, delegatesAttending: number): VoteCounts => ({
  for: f,
  against,
  abstain,
  delegatesAttending,
});

describe('majority arithmetic', () => {
  const table: [number, number, number][] = [
    // votes cast, simple majority (more than half), two-thirds (ceil 2n/3)
    [0, 1, 0],
    [1, 1, 1],
    [2, 2, 2],
    [3, 2, 2],
    [4, 3, 3],
    [6, 4, 4],
    [446, 224, 298],
    [447, 224, 298],
    [448, 225, 299],
  ];
  for (const [cast, simple, tt] of table) {
    test(`${cast} votes cast: simple ${simple}, two-thirds ${tt}`, () => {
      assert.equal(simpleMajority(cast), simple);
      assert.equal(twoThirds(cast), tt);
    });
  }
  test('quorum is half the delegates attending, rounded up', () => {
    assert.equal(quorumFor(476), 238);
    assert.equal(quorumFor(475), 238);
    assert.equal(quorumFor(1), 1);
    assert.equal(quorumFor(0), 0);
  });
});

describe('evaluateVote: edges', () => {
  const cases: {
    name: string;
    kind: VoteKind;
    c: VoteCounts;
    outcome: VoteOutcome;
    required: number;
    margin: number;
    quorumMet: boolean;
  }[] = [
    {
      name: 'instrument: exactly two-thirds',
      kind: 'instrument',
      c: counts(298, 148, 30, 476),
      outcome: 'adopted',
      required: 298,
      margin: 0,
      quorumMet: true,
    },
    {
      name: 'instrument: one vote short of two-thirds',
      kind: 'instrument',
      c: counts(297, 149, 30, 476),
      outcome: 'rejected',
      required: 298,
      margin: -1,
      quorumMet: true,
    },
    {
      name: 'amendment: exactly two-thirds',
      kind: 'amendment',
      c: counts(20, 10, 0, 30),
      outcome: 'adopted',
      required: 20,
      margin: 0,
      quorumMet: true,
    },
    {
      name: 'amendment: one short',
      kind: 'amendment',
      c: counts(19, 11, 0, 30),
      outcome: 'rejected',
      required: 20,
      margin: -1,
      quorumMet: true,
    },
    {
      name: 'ordinary: one more than half',
      kind: 'ordinary',
      c: counts(51, 50, 0, 200),
      outcome: 'adopted',
      required: 51,
      margin: 0,
      quorumMet: true,
    },
    {
      name: 'ordinary: a tie is not a majority',
      kind: 'ordinary',
      c: counts(50, 50, 0, 200),
      outcome: 'rejected',
      required: 51,
      margin: -1,
      quorumMet: true,
    },
    {
      name: 'quorum exactly met (even attendance)',
      kind: 'ordinary',
      c: counts(150, 88, 200, 476),
      outcome: 'adopted',
      required: 120,
      margin: 30,
      quorumMet: true,
    },
    {
      name: 'quorum one short (even attendance)',
      kind: 'ordinary',
      c: counts(150, 87, 200, 476),
      outcome: 'void',
      required: 119,
      margin: 31,
      quorumMet: false,
    },
    {
      name: 'quorum exactly met (odd attendance rounds up)',
      kind: 'ordinary',
      c: counts(200, 38, 0, 475),
      outcome: 'adopted',
      required: 120,
      margin: 80,
      quorumMet: true,
    },
    {
      name: 'quorum one short (odd attendance: 237 of 475 is below half)',
      kind: 'ordinary',
      c: counts(200, 37, 0, 475),
      outcome: 'void',
      required: 119,
      margin: 81,
      quorumMet: false,
    },
    {
      name: 'zero votes cast is void',
      kind: 'instrument',
      c: counts(0, 0, 10, 20),
      outcome: 'void',
      required: 0,
      margin: 0,
      quorumMet: false,
    },
    {
      name: 'zero votes cast with nobody attending is void',
      kind: 'ordinary',
      c: counts(0, 0, 0, 0),
      outcome: 'void',
      required: 1,
      margin: -1,
      quorumMet: false,
    },
    {
      name: 'final vote 2 for, 2 against is rejected',
      kind: 'instrument',
      c: counts(2, 2, 0, 4),
      outcome: 'rejected',
      required: 3,
      margin: -1,
      quorumMet: true,
    },
  ];
  for (const { name, kind, c, outcome, required, margin, quorumMet } of cases) {
    test(name, () => {
      const r = evaluateVote(kind, c);
      assert.deepEqual(
        { outcome: r.outcome, required: r.required, margin: r.margin, quorumMet: r.quorumMet },
        { outcome, required, margin, quorumMet },
      );
    });
  }

  test('2 for, 2 against on a final vote cites Art 19(2) and reasons in deciding order', () => {
    const r = evaluateVote('instrument', counts(2, 2, 0, 4));
    assert.deepEqual(r.citations, ['Constitution Art 17(3)', 'Constitution Art 19(2)']);
    assert.deepEqual(
      r.reasons.map((x) => [x.code, x.article]),
      [
        ['votes-cast.abstentions-excluded', 'Constitution Art 17(2)'],
        ['quorum.met', 'Constitution Art 17(3)'],
        ['majority.two-thirds.short', 'Constitution Art 19(2)'],
      ],
    );
  });

  test('citations name the majority article of each kind', () => {
    assert.deepEqual(evaluateVote('ordinary', counts(3, 1, 0, 4)).citations, ['Constitution Art 17(3)', 'Constitution Art 17(2)']);
    assert.deepEqual(evaluateVote('amendment', counts(3, 1, 0, 4)).citations, ['Constitution Art 17(3)', 'Constitution Art 36']);
  });

  test('a void vote gives no majority reason', () => {
    const r = evaluateVote('ordinary', counts(1, 0, 0, 4));
    assert.equal(r.outcome, 'void');
    assert.deepEqual(
      r.reasons.map((x) => x.code),
      ['votes-cast.abstentions-excluded', 'quorum.not-met'],
    );
    assert.equal(r.reasons[1]!.params.shortBy, 1);
  });
});

describe('abstentions', () => {
  test('are not votes cast by default: 298-148-30 is 446 votes cast', () => {
    const r = evaluateVote('instrument', counts(298, 148, 30, 476));
    assert.equal(r.votesCast, 446);
    assert.equal(r.abstain, 30);
  });
  test('abstentions cannot make the quorum by default, and can with the parameter switched', () => {
    const c = counts(100, 37, 101, 476);
    assert.equal(evaluateVote('ordinary', c).outcome, 'void');
    const on = evaluateVote('ordinary', c, { abstentionsAreVotesCast: true });
    assert.equal(on.votesCast, 238);
    assert.equal(on.quorumMet, true);
    assert.equal(on.outcome, 'rejected'); // 100 for is not more than half of 238
    assert.equal(on.reasons[0]!.code, 'votes-cast.abstentions-included');
    assert.equal(on.reasons[0]!.article, 'Constitution Art 17(1)');
  });
  test('counted as votes cast, abstentions raise the two-thirds needed', () => {
    const c = counts(298, 148, 30, 476);
    const on = evaluateVote('instrument', c, { abstentionsAreVotesCast: true });
    assert.equal(on.votesCast, 476);
    assert.equal(on.required, 318);
    assert.equal(on.outcome, 'rejected');
    assert.equal(on.margin, -20);
  });
});

describe('input validation', () => {
  const bad: [string, Record<string, unknown>, string][] = [
    ['negative for', { for: -1 }, 'for'],
    ['fractional against', { against: 1.5 }, 'against'],
    ['NaN abstain', { abstain: Number.NaN }, 'abstain'],
    ['string attending', { delegatesAttending: '10' }, 'delegatesAttending'],
    ['more votes than attending', { for: 6, against: 5, abstain: 0, delegatesAttending: 10 }, 'delegatesAttending'],
  ];
  for (const [name, patch, field] of bad) {
    test(`${name} → invalid naming ${field}`, () => {
      const c = { ...counts(1, 1, 1, 10), ...patch } as VoteCounts;
      assert.throws(
        () => evaluateVote('ordinary', c),
        (e: unknown) => e instanceof DomainError && e.code === 'invalid' && e.issues.some((i) => i.field === field),
      );
    });
  }
  test('unknown kind → invalid naming kind', () => {
    assert.throws(
      () => evaluateVote('final' as VoteKind, counts(1, 0, 0, 1)),
      (e: unknown) => e instanceof DomainError && e.issues[0]?.field === 'kind',
    );
  });
  test('votes equal to attendance are valid', () => {
    assert.equal(evaluateVote('ordinary', counts(5, 3, 2, 10)).outcome, 'adopted');
  });
});
