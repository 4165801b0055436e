/**
 * Shapes of the vote engine (Constitution of the ILO, Arts 4, 13(4), 17, 19(2), 36). Language-neutral:
 * reasons carry a code, the article and their numbers; `messages/` renders them in en and id.
 */

export const VOTE_KINDS = ['ordinary', 'instrument', 'amendment'] as const;
/** ordinary: any other matter (Art 17(2)); instrument: final adoption of a Convention or Recommendation (Art 19(2)); amendment: of the Constitution (Art 36). */
export type VoteKind = (typeof VOTE_KINDS)[number];

export const DELEGATE_GROUPS = ['government', 'employers', 'workers'] as const;
export type DelegateGroup = (typeof DELEGATE_GROUPS)[number];

export interface VoteCounts {
  for: number;
  against: number;
  abstain: number;
  delegatesAttending: number;
}

/**
 * The one procedural parameter the Constitution leaves to the Conference (Art 17(1): "The Conference
 * shall regulate its own procedure"). See docs/decisions/100-vote-engine-abstentions-and-edges.md.
 */
export interface VoteRules {
  /**
   * Whether abstentions count as "votes cast" for the quorum (Art 17(3)) and the majority (Arts 17(2),
   * 19(2), 36). Default false: the Constitution speaks of "votes cast", which are the votes for and
   * against (the reading, and the usual reading in international organisations). Switch it on
   * only where the Conference's Standing Orders say otherwise.
   */
  abstentionsAreVotesCast: boolean;
}

export const DEFAULT_VOTE_RULES: VoteRules = Object.freeze({ abstentionsAreVotesCast: false });

export const VOTE_OUTCOMES = ['adopted', 'rejected', 'void'] as const;
export type VoteOutcome = (typeof VOTE_OUTCOMES)[number];

/** One step of the decision, language-neutral; `messages/render.ts` turns it into a sentence. */
export interface VoteReason {
  code: string;
  article: string;
  params: Record<string, number | string>;
}

export interface GroupCounts {
  for: number;
  against: number;
  abstain: number;
}

export type ExclusionReason = 'arrears' | 'credentials-invalidated' | 'no-counterpart';

export interface ExcludedBallot {
  delegateId: string;
  country: string;
  group: DelegateGroup;
  reason: ExclusionReason;
  article: string;
}

export interface VoteResult {
  kind: VoteKind;
  outcome: VoteOutcome;
  votesCast: number;
  /** The fewest votes cast for the vote to be valid: half the delegates attending, rounded up (Art 17(3)). */
  quorum: number;
  quorumMet: boolean;
  /** Votes for needed to adopt: simple majority = more than half of votes cast; two-thirds = ceil(2/3 × votes cast). */
  required: number;
  /** for − required (negative = short by that many). */
  margin: number;
  for: number;
  against: number;
  abstain: number;
  delegatesAttending: number;
  citations: string[];
  /** In the order they decide: exclusions (record votes), votes cast, quorum, majority. */
  reasons: VoteReason[];
  /** Record votes only: the counted ballots by group. */
  byGroup?: Record<DelegateGroup, GroupCounts>;
  /** Record votes only: ballots that were cast but carry no vote, and why. */
  excluded?: ExcludedBallot[];
}

/** Record vote: each delegate votes individually (Constitution Art 4(1)). */
export type Ballot = { delegateId: string; country: string; group: DelegateGroup; vote: 'for' | 'against' | 'abstain' };

export const BALLOT_VOTES = ['for', 'against', 'abstain'] as const;

export type CredentialStatus = 'accepted' | 'objected' | 'invalidated';

/** A State's standing for one session. */
export interface DelegationStanding {
  country: string;
  /** Government delegates nominated (0..2, Art 3(1)). */
  governmentDelegates: number;
  employersDelegateNominated: boolean;
  workersDelegateNominated: boolean;
  /** By delegateId; 'invalidated' => no vote (Art 3(9)). A missing entry counts as accepted. */
  credentials: Partial<Record<string, CredentialStatus>>;
  /** Art 13(4): two full years' contributions in arrears. */
  inArrears: boolean;
  /** The Conference permitted it to vote (Art 13(4)). */
  arrearsVotingPermitted: boolean;
}

/** Articles, one constant each, so code and messages cite the same text. */
export const ARTICLES = {
  procedure: 'Constitution Art 17(1)',
  simpleMajority: 'Constitution Art 17(2)',
  quorum: 'Constitution Art 17(3)',
  instrument: 'Constitution Art 19(2)',
  amendment: 'Constitution Art 36',
  individualVote: 'Constitution Art 4(1)',
  noCounterpart: 'Constitution Art 4(2)',
  arrears: 'Constitution Art 13(4)',
  credentials: 'Constitution Art 3(9)',
} as const;
