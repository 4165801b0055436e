import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type Ballot, type DelegationStanding, evaluateRecordVote, evaluateVote, VOTE_KINDS, type VoteCounts } from './vote.ts';

/** Counts with room for one more delegate's vote (attending > for + against + abstain). */
const roomyCounts: fc.Arbitrary<VoteCounts> = fc
  .record({ for: fc.nat(400), against: fc.nat(400), abstain: fc.nat(200), spare: fc.integer({ min: 1, max: 600 }) })
  .map(({ spare, ...c }) => ({ ...c, delegatesAttending: c.for + c.against + c.abstain + spare }));
const kind = fc.constantFrom(...VOTE_KINDS);
const rules = fc.record({ abstentionsAreVotesCast: fc.boolean() });

test('adding a vote for never turns an adopted result into a rejected one', () => {
  fc.assert(
    fc.property(kind, roomyCounts, rules, (k, c, r) => {
      const before = evaluateVote(k, c, r);
      const after = evaluateVote(k, { ...c, for: c.for + 1 }, r);
      if (before.outcome === 'adopted') assert.equal(after.outcome, 'adopted');
      assert.ok(after.margin >= before.margin, 'one more vote for raises the requirement by at most one');
    }),
    { numRuns: 2000 },
  );
});

test('adding an abstention never changes a valid result under the default rule', () => {
  fc.assert(
    fc.property(kind, roomyCounts, (k, c) => {
      const before = evaluateVote(k, c);
      fc.pre(before.outcome !== 'void');
      const after = evaluateVote(k, { ...c, abstain: c.abstain + 1 });
      assert.deepEqual(
        [after.outcome, after.votesCast, after.required, after.margin, after.quorumMet],
        [before.outcome, before.votesCast, before.required, before.margin, before.quorumMet],
      );
    }),
    { numRuns: 2000 },
  );
});

test('outcome agrees with its explanation: void iff the quorum is not met, adopted iff margin ≥ 0', () => {
  fc.assert(
    fc.property(kind, roomyCounts, rules, (k, c, r) => {
      const v = evaluateVote(k, c, r);
      assert.equal(v.outcome === 'void', !v.quorumMet);
      if (v.quorumMet) assert.equal(v.outcome === 'adopted', v.margin >= 0);
      assert.equal(v.margin, v.for - v.required);
      assert.ok(v.required <= v.votesCast || v.votesCast === 0);
    }),
  );
});

const groupVote = fc.constantFrom<Ballot['vote']>('for', 'against', 'abstain');
const delegations = fc.array(
  fc.record({
    votes: fc.tuple(groupVote, groupVote, groupVote, groupVote),
    employers: fc.boolean(),
    workers: fc.boolean(),
    inArrears: fc.boolean(),
    permitted: fc.boolean(),
  }),
  { minLength: 1, maxLength: 12 },
);

test('a record vote counts exactly the ballots it does not exclude', () => {
  fc.assert(
    fc.property(kind, delegations, (k, ds) => {
      const standings: DelegationStanding[] = [];
      const ballots: Ballot[] = [];
      ds.forEach((d, i) => {
        const country = `S${String(i).padStart(2, '0')}`;
        standings.push({
          country,
          governmentDelegates: 2,
          employersDelegateNominated: d.employers,
          workersDelegateNominated: d.workers,
          credentials: {},
          inArrears: d.inArrears,
          arrearsVotingPermitted: d.permitted,
        });
        ballots.push({ delegateId: `${country}-g1`, country, group: 'government', vote: d.votes[0] });
        ballots.push({ delegateId: `${country}-g2`, country, group: 'government', vote: d.votes[1] });
        if (d.employers) ballots.push({ delegateId: `${country}-e`, country, group: 'employers', vote: d.votes[2] });
        if (d.workers) ballots.push({ delegateId: `${country}-w`, country, group: 'workers', vote: d.votes[3] });
      });
      const r = evaluateRecordVote(k, ballots, standings, ballots.length);
      assert.equal(r.for + r.against + r.abstain + r.excluded!.length, ballots.length);
      for (const e of r.excluded!) {
        const s = standings.find((x) => x.country === e.country)!;
        if (e.reason === 'no-counterpart')
          assert.ok(e.group !== 'government' && !(s.employersDelegateNominated && s.workersDelegateNominated));
        if (e.reason === 'arrears') assert.ok(s.inArrears && !s.arrearsVotingPermitted);
      }
    }),
  );
});
