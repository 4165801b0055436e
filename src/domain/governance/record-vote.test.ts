import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../errors.ts';
import { type Ballot, type DelegationStanding, evaluateRecordVote } from './vote.ts';

const standing = (country: string, patch: Partial<DelegationStanding> = {}): DelegationStanding => ({
  country,
  governmentDelegates: 2,
  employersDelegateNominated: true,
  workersDelegateNominated: true,
  credentials: {},
  inArrears: false,
  arrearsVotingPermitted: false,
  ...patch,
});

/** A full delegation's four ballots: government ×2, employers, workers. */
const delegation = (country: string, votes: [Ballot['vote'], Ballot['vote'], Ballot['vote'], Ballot['vote']]): Ballot[] => [
  { delegateId: `${country}-g1`, country, group: 'government', vote: votes[0] },
  { delegateId: `${country}-g2`, country, group: 'government', vote: votes[1] },
  { delegateId: `${country}-e`, country, group: 'employers', vote: votes[2] },
  { delegateId: `${country}-w`, country, group: 'workers', vote: votes[3] },
];

describe('evaluateRecordVote', () => {
  test('each delegate votes individually (Art 4(1)): split by group', () => {
    const ballots = [...delegation('AAA', ['for', 'for', 'against', 'for']), ...delegation('BBB', ['for', 'abstain', 'against', 'for'])];
    const r = evaluateRecordVote('instrument', ballots, [standing('AAA'), standing('BBB')], 8);
    assert.deepEqual(r.byGroup, {
      government: { for: 3, against: 0, abstain: 1 },
      employers: { for: 0, against: 2, abstain: 0 },
      workers: { for: 2, against: 0, abstain: 0 },
    });
    assert.equal(r.votesCast, 7);
    assert.equal(r.required, 5);
    assert.equal(r.outcome, 'adopted');
    assert.deepEqual(r.excluded, []);
    assert.equal(r.reasons[0]!.code, 'record.individual');
    assert.deepEqual(r.citations, ['Constitution Art 4(1)', 'Constitution Art 17(3)', 'Constitution Art 19(2)']);
  });

  test('a non-government delegate without a counterpart sits but does not vote (Art 4(2))', () => {
    const ballots: Ballot[] = [
      { delegateId: 'CCC-g1', country: 'CCC', group: 'government', vote: 'for' },
      { delegateId: 'CCC-w', country: 'CCC', group: 'workers', vote: 'against' },
      ...delegation('DDD', ['for', 'for', 'for', 'against']),
    ];
    const r = evaluateRecordVote(
      'ordinary',
      ballots,
      [standing('CCC', { governmentDelegates: 1, employersDelegateNominated: false }), standing('DDD')],
      6,
    );
    assert.deepEqual(r.excluded, [
      { delegateId: 'CCC-w', country: 'CCC', group: 'workers', reason: 'no-counterpart', article: 'Constitution Art 4(2)' },
    ]);
    assert.equal(r.against, 1);
    assert.equal(r.for, 4);
    assert.ok(r.citations.includes('Constitution Art 4(2)'));
    assert.deepEqual(r.reasons[1], {
      code: 'excluded.no-counterpart',
      article: 'Constitution Art 4(2)',
      params: { count: 1, countries: 'CCC' },
    });
  });

  test('a State in arrears has no vote: all its delegates excluded (Art 13(4))', () => {
    const ballots = [
      ...delegation('EEE', ['against', 'against', 'against', 'against']),
      ...delegation('FFF', ['for', 'for', 'for', 'for']),
    ];
    const r = evaluateRecordVote('instrument', ballots, [standing('EEE', { inArrears: true }), standing('FFF')], 8);
    assert.equal(r.excluded!.length, 4);
    assert.ok(r.excluded!.every((e) => e.reason === 'arrears' && e.article === 'Constitution Art 13(4)'));
    assert.equal(r.against, 0);
    assert.equal(r.votesCast, 4);
    assert.equal(r.outcome, 'adopted');
  });

  test('a State in arrears that the Conference permitted to vote votes (Art 13(4))', () => {
    const ballots = [
      ...delegation('EEE', ['against', 'against', 'against', 'against']),
      ...delegation('FFF', ['for', 'for', 'for', 'for']),
    ];
    const r = evaluateRecordVote(
      'instrument',
      ballots,
      [standing('EEE', { inArrears: true, arrearsVotingPermitted: true }), standing('FFF')],
      8,
    );
    assert.deepEqual(r.excluded, []);
    assert.equal(r.against, 4);
    assert.equal(r.outcome, 'rejected');
    assert.ok(r.reasons.some((x) => x.code === 'arrears.permitted' && x.params.countries === 'EEE'));
  });

  test('invalidated credentials carry no vote; objected credentials still vote', () => {
    const ballots = delegation('GGG', ['for', 'for', 'against', 'for']);
    const r = evaluateRecordVote(
      'ordinary',
      ballots,
      [standing('GGG', { credentials: { 'GGG-e': 'invalidated', 'GGG-w': 'objected' } })],
      4,
    );
    assert.deepEqual(
      r.excluded!.map((e) => [e.delegateId, e.reason, e.article]),
      [['GGG-e', 'credentials-invalidated', 'Constitution Art 3(9)']],
    );
    assert.equal(r.for, 3);
    assert.equal(r.against, 0);
  });

  test('arrears is reported before other exclusions of the same delegate', () => {
    const ballots = delegation('HHH', ['for', 'for', 'for', 'for']);
    const r = evaluateRecordVote('ordinary', ballots, [standing('HHH', { inArrears: true, credentials: { 'HHH-g1': 'invalidated' } })], 4);
    assert.ok(r.excluded!.every((e) => e.reason === 'arrears'));
    assert.equal(r.outcome, 'void');
    assert.equal(r.reasons.find((x) => x.code === 'quorum.no-votes')?.article, 'Constitution Art 17(3)');
  });

  test('bad ballots are invalid, naming the field', () => {
    const cases: [Ballot[], DelegationStanding[], string][] = [
      [
        [...delegation('AAA', ['for', 'for', 'for', 'for']), { delegateId: 'AAA-e', country: 'AAA', group: 'employers', vote: 'for' }],
        [standing('AAA')],
        'ballots[4].delegateId',
      ],
      [[{ delegateId: 'x', country: 'ZZZ', group: 'government', vote: 'for' }], [standing('AAA')], 'ballots[0].country'],
      [[{ delegateId: 'x', country: 'AAA', group: 'government', vote: 'maybe' as Ballot['vote'] }], [standing('AAA')], 'ballots[0].vote'],
      [
        [
          { delegateId: 'a', country: 'AAA', group: 'government', vote: 'for' },
          { delegateId: 'b', country: 'AAA', group: 'government', vote: 'for' },
        ],
        [standing('AAA', { governmentDelegates: 1 })],
        'ballots[1].group',
      ],
      [[], [standing('AAA', { governmentDelegates: 3 })], 'standings[0].governmentDelegates'],
    ];
    for (const [ballots, standings, field] of cases) {
      assert.throws(
        () => evaluateRecordVote('ordinary', ballots, standings, 10),
        (e: unknown) => e instanceof DomainError && e.code === 'invalid' && e.issues.some((i) => i.field === field),
        field,
      );
    }
  });

  test('more counted ballots than delegates attending is invalid naming delegatesAttending', () => {
    assert.throws(
      () => evaluateRecordVote('ordinary', delegation('AAA', ['for', 'for', 'for', 'for']), [standing('AAA')], 3),
      (e: unknown) => e instanceof DomainError && e.issues[0]?.field === 'delegatesAttending',
    );
  });
});
