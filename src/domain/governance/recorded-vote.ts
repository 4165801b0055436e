import type { FieldIssue } from '../errors.ts';
import { ADVISERS_NO_VOTE_ARTICLE, DELEGATE_SEATS, type Delegation, delegationStanding, SEATS_ARTICLE } from './delegation.ts';
import {
  type Ballot,
  type DelegateGroup,
  type DelegationStanding,
  evaluateRecordVote,
  evaluateVote,
  type VoteCounts,
  type VoteKind,
  type VoteResult,
} from './vote.ts';

/**
 * A vote of the Conference as it is recorded: either the counts the record gives, or each
 * delegate's vote (a record vote, Art 4(1)). The outcome is never stored: `resultOf` asks the vote
 * engine each time, from the ballots and the delegations as they stand.
 */

export const VOTE_MODES = ['counts', 'record'] as const;
export type VoteMode = (typeof VOTE_MODES)[number];

export type BallotVote = Ballot['vote'];

export interface RecordedBallot {
  delegateId: string;
  vote: BallotVote;
}

/** The instrument a final vote adopts (kind `instrument`): it enters the registry when adopted. */
export interface AdoptedInstrumentRef {
  code: string;
  titleEn: string;
  type: 'convention' | 'recommendation' | 'protocol';
}

export interface ConferenceVote {
  /** `<session>/<n>`. */
  key: string;
  session: number;
  /** Position of the agenda item voted on, if the vote is on one. */
  agendaItem: number | null;
  kind: VoteKind;
  date: string;
  mode: VoteMode;
  /** Counts-only votes: for, against, abstain. Record votes: derived from the ballots. */
  counts: { for: number; against: number; abstain: number } | null;
  ballots: RecordedBallot[];
  delegatesAttending: number;
  instrument: AdoptedInstrumentRef | null;
  source: string;
  notes: string | null;
}

/** Who cast each ballot, from the session's delegations (null: the delegate is not on any of them). */
export function ballotsOf(vote: Pick<ConferenceVote, 'ballots'>, delegations: readonly Delegation[]): (Ballot | null)[] {
  const byId = new Map<string, { country: string; group: DelegateGroup }>();
  for (const d of delegations) for (const p of d.delegates) byId.set(p.id, { country: d.country, group: p.group });
  return vote.ballots.map((b) => {
    const who = byId.get(b.delegateId);
    return who ? { delegateId: b.delegateId, country: who.country, group: who.group, vote: b.vote } : null;
  });
}

/**
 * A record vote's ballots against the delegations: each names a delegate of this session once;
 * advisers do not vote (Art 3(6)) unless acting as a substitute (Art 3(7)); a State's group casts
 * at most as many ballots as it has seats (Art 3(1)); and no more ballots than delegates attending.
 */
export function checkBallots(
  ballots: readonly RecordedBallot[],
  delegations: readonly Delegation[],
  delegatesAttending: number,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const people = new Map<string, { country: string; group: DelegateGroup; role: string }>();
  for (const d of delegations) for (const p of d.delegates) people.set(p.id, { country: d.country, group: p.group, role: p.role });
  const seen = new Set<string>();
  const perSeat = new Map<string, number>();
  ballots.forEach((b, i) => {
    const who = people.get(b.delegateId);
    const at = `ballots[${i}].delegateId`;
    if (!who) {
      issues.push({ field: at, message: `${b.delegateId} is not a delegate of this session's delegations` });
      return;
    }
    if (seen.has(b.delegateId)) issues.push({ field: at, message: `${b.delegateId} votes once (Constitution Art 4(1))` });
    seen.add(b.delegateId);
    if (who.role === 'adviser')
      issues.push({ field: at, message: `${b.delegateId} is an adviser: advisers do not vote (${ADVISERS_NO_VOTE_ARTICLE})` });
    const seat = `${who.country} ${who.group}`;
    perSeat.set(seat, (perSeat.get(seat) ?? 0) + 1);
  });
  for (const [seat, n] of perSeat) {
    const group = seat.split(' ')[1] as DelegateGroup;
    if (n > DELEGATE_SEATS[group])
      issues.push({ field: 'ballots', message: `${n} ballots for ${seat}: it has ${DELEGATE_SEATS[group]} vote(s) (${SEATS_ARTICLE})` });
  }
  if (ballots.length > delegatesAttending)
    issues.push({ field: 'delegatesAttending', message: `${ballots.length} ballots but ${delegatesAttending} delegates attending` });
  return issues;
}

/** The engine's verdict on a recorded vote, from the delegations as they stand now. */
export function resultOf(vote: ConferenceVote, delegations: readonly Delegation[]): VoteResult {
  if (vote.mode === 'counts') {
    const counts: VoteCounts = { ...(vote.counts ?? { for: 0, against: 0, abstain: 0 }), delegatesAttending: vote.delegatesAttending };
    return evaluateVote(vote.kind, counts);
  }
  const ballots = ballotsOf(vote, delegations).filter((b): b is Ballot => b !== null);
  const countries = new Set(ballots.map((b) => b.country));
  const standings: DelegationStanding[] = delegations.filter((d) => countries.has(d.country)).map(delegationStanding);
  return evaluateRecordVote(vote.kind, ballots, standings, vote.delegatesAttending);
}
