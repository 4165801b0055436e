/**
 * Vote engine of the International Labour Conference, pure: no I/O, no clock. Decides a vote from its
 * counts (`evaluateVote`) or from each delegate's ballot (`evaluateRecordVote`) by the Constitution:
 * Art 4 (individual votes, no vote without a counterpart), Art 13(4) (arrears), Art 17(2)-(3) (simple
 * majority of votes cast, quorum), Art 19(2) (two-thirds for final adoption of an instrument) and
 * Art 36 (two-thirds for an amendment of the Constitution).
 */
export { countIssues, evaluateVote, isVoteKind, majorityArticle, quorumFor, simpleMajority, twoThirds } from './counts.ts';
export { VOTE_MESSAGE_KEYS, type VoteCatalogue, type VoteMessageKey } from './messages/catalogue.ts';
export {
  explainVote,
  renderGroupSplit,
  renderVoteCitation,
  renderVoteReason,
  renderVoteSummary,
  VOTE_CATALOGUES,
} from './messages/render.ts';
export { evaluateRecordVote, exclusionOf } from './record-vote.ts';
export {
  ARTICLES,
  BALLOT_VOTES,
  type Ballot,
  type CredentialStatus,
  DEFAULT_VOTE_RULES,
  DELEGATE_GROUPS,
  type DelegateGroup,
  type DelegationStanding,
  type ExcludedBallot,
  type ExclusionReason,
  type GroupCounts,
  VOTE_KINDS,
  VOTE_OUTCOMES,
  type VoteCounts,
  type VoteKind,
  type VoteOutcome,
  type VoteReason,
  type VoteResult,
  type VoteRules,
} from './types.ts';
