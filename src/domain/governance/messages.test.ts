import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type Ballot,
  type DelegationStanding,
  evaluateRecordVote,
  evaluateVote,
  explainVote,
  renderVoteCitation,
  renderVoteSummary,
  VOTE_MESSAGE_KEYS,
  type VoteResult,
} from './vote.ts';

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
const b = (delegateId: string, country: string, group: Ballot['group'], vote: Ballot['vote']): Ballot => ({
  delegateId,
  country,
  group,
  vote,
});

/** Results that between them emit every reason code. */
const samples: VoteResult[] = [
  evaluateVote('instrument', { for: 298, against: 148, abstain: 30, delegatesAttending: 476 }),
  evaluateVote('instrument', { for: 2, against: 2, abstain: 0, delegatesAttending: 4 }),
  evaluateVote('ordinary', { for: 3, against: 1, abstain: 0, delegatesAttending: 4 }),
  evaluateVote('ordinary', { for: 2, against: 2, abstain: 1, delegatesAttending: 5 }, { abstentionsAreVotesCast: true }),
  evaluateVote('ordinary', { for: 1, against: 0, abstain: 0, delegatesAttending: 4 }),
  evaluateVote('amendment', { for: 0, against: 0, abstain: 0, delegatesAttending: 0 }),
  evaluateRecordVote(
    'instrument',
    [
      b('a1', 'AAA', 'government', 'for'),
      b('a2', 'AAA', 'workers', 'for'),
      b('c1', 'CCC', 'government', 'against'),
      b('d1', 'DDD', 'government', 'for'),
      b('d2', 'DDD', 'employers', 'for'),
      b('e1', 'EEE', 'government', 'for'),
    ],
    [
      standing('AAA', { employersDelegateNominated: false }),
      standing('CCC', { inArrears: true }),
      standing('DDD', { credentials: { d2: 'invalidated' } }),
      standing('EEE', { inArrears: true, arrearsVotingPermitted: true }),
    ],
    6,
  ),
];

describe('vote explanations', () => {
  test('every code the engine emits has a message, and the samples emit every message', () => {
    const emitted = new Set(samples.flatMap((r) => r.reasons.map((x) => x.code)));
    assert.deepEqual([...emitted].sort(), [...VOTE_MESSAGE_KEYS].sort());
  });

  for (const lang of ['en', 'id'] as const) {
    test(`${lang}: every sentence has its placeholders filled`, () => {
      for (const r of samples) {
        for (const line of explainVote(r, lang)) assert.doesNotMatch(line, /\{\w+\}/, line);
      }
    });
  }

  test('the summary says the outcome, the two-thirds and the quorum', () => {
    assert.equal(
      renderVoteSummary(samples[0]!, 'en'),
      'Adopted: 298 for, 148 against, 30 abstentions; two-thirds of 446 votes cast is 298, reached with a margin of 0; quorum 238 (half of 476 delegates attending) met.',
    );
    assert.equal(
      renderVoteSummary(samples[0]!, 'id'),
      'Diterima: 298 setuju, 148 menolak, 30 abstain; dua pertiga dari 446 suara yang diberikan adalah 298, tercapai dengan selisih 0; kuorum 238 (setengah dari 476 delegasi yang hadir) terpenuhi.',
    );
    assert.match(renderVoteSummary(samples[1]!, 'en'), /^Rejected: .* short by 1;/);
    assert.match(renderVoteSummary(samples[4]!, 'id'), /^Batal: .*tidak mencapai kuorum 2/);
  });

  test('reasons cite their article in the reader’s drafting style', () => {
    assert.equal(renderVoteCitation('Constitution Art 17(3)', 'id'), 'Pasal 17 ayat (3) Konstitusi ILO');
    assert.equal(renderVoteCitation('Constitution Art 36', 'id'), 'Pasal 36 Konstitusi ILO');
    assert.equal(renderVoteCitation('Constitution Art 19(2)', 'en'), 'Constitution Art 19(2)');
    const lines = explainVote(samples[1]!, 'en');
    assert.match(lines.at(-1)!, /Two-thirds of 4 votes cast is 3; 2 votes for are 1 short \(Constitution Art 19\(2\)\)\./);
  });

  test('a record vote explains its split by group after the summary', () => {
    const record = samples.at(-1)!;
    const lines = explainVote(record, 'en');
    assert.equal(
      lines[1],
      'By group: Government: 3 for, 0 against, 0 abstentions; Employers: 0 for, 0 against, 0 abstentions; Workers: 0 for, 0 against, 0 abstentions.',
    );
    assert.match(explainVote(record, 'id')[1]!, /^Menurut kelompok: Pemerintah: 3 setuju, 0 menolak, 0 abstain; Pengusaha: /);
    assert.equal(explainVote(samples[0]!, 'en').length, 1 + samples[0]!.reasons.length, 'counts only: no split');
  });
});
