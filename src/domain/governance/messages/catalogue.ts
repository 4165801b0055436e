import type { DelegateGroup, VoteKind, VoteOutcome } from '../types.ts';

/** Every reason code the engine emits (counts.ts, record-vote.ts); a catalogue must render each. */
export const VOTE_MESSAGE_KEYS = [
  'votes-cast.abstentions-excluded',
  'votes-cast.abstentions-included',
  'quorum.met',
  'quorum.not-met',
  'quorum.no-votes',
  'majority.simple.reached',
  'majority.simple.short',
  'majority.two-thirds.reached',
  'majority.two-thirds.short',
  'record.individual',
  'excluded.arrears',
  'excluded.credentials-invalidated',
  'excluded.no-counterpart',
  'arrears.permitted',
] as const;
export type VoteMessageKey = (typeof VOTE_MESSAGE_KEYS)[number];

export interface VoteCatalogue {
  messages: Record<VoteMessageKey, string>;
  outcomes: Record<VoteOutcome, string>;
  kinds: Record<VoteKind, string>;
  groups: Record<DelegateGroup, string>;
  summary: {
    counts: (votesFor: number, against: number, abstain: number) => string;
    twoThirds: (votesCast: number, required: number) => string;
    simple: (votesCast: number, required: number) => string;
    reached: (margin: number) => string;
    short: (by: number) => string;
    quorumMet: (quorum: number, attending: number) => string;
    quorumNotMet: (votesCast: number, quorum: number, attending: number) => string;
    /** Lead of the split by group of a record vote ('By group'). */
    byGroup: string;
  };
  /** How the Constitution is named in a citation of this language. */
  constitution: string;
}
