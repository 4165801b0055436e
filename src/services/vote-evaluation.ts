import type { Lang } from '../domain/facts.ts';
import { evaluateVote, explainVote, type VoteCounts, type VoteKind, type VoteResult } from '../domain/governance/vote.ts';

/** A vote given by its counts, as the API, the CLI and the portal's calculator take it. */
export interface VoteEvaluationInput extends VoteCounts {
  kind: VoteKind;
  /** The Standing Orders parameter (VoteRules); default false: abstentions are not votes cast. */
  abstentionsAreVotesCast?: boolean;
}

export interface VoteEvaluation extends Omit<VoteResult, 'byGroup' | 'excluded'> {
  abstentionsAreVotesCast: boolean;
  /** The summary, then each reason, in `lang`. */
  explanation: string[];
  lang: Lang;
}

/**
 * Decides a vote from its counts and explains it in `lang`. Stores and reads nothing, so it needs
 * no account and no cache. Throws DomainError 'invalid' naming the field for impossible counts.
 */
export function evaluateVoteCounts(input: VoteEvaluationInput, lang: Lang): VoteEvaluation {
  const abstentionsAreVotesCast = input.abstentionsAreVotesCast === true;
  const { kind, abstentionsAreVotesCast: _ignored, ...counts } = input;
  const result = evaluateVote(kind, counts, { abstentionsAreVotesCast });
  return { ...result, abstentionsAreVotesCast, explanation: explainVote(result, lang), lang };
}
