import { type FieldIssue, invalid } from '../errors.ts';
import {
  ARTICLES,
  DEFAULT_VOTE_RULES,
  VOTE_KINDS,
  type VoteCounts,
  type VoteKind,
  type VoteReason,
  type VoteResult,
  type VoteRules,
} from './types.ts';

const COUNT_FIELDS = ['for', 'against', 'abstain', 'delegatesAttending'] as const;

/**
 * Quorum (Art 17(3)): "void unless the total number of votes cast is equal to half the number of the
 * delegates attending". Read as "at least half": votes cast × 2 ≥ attending, so for an odd number of
 * delegates attending half is rounded up (475 attending → 238 votes cast).
 */
export function quorumFor(delegatesAttending: number): number {
  return Math.ceil(delegatesAttending / 2);
}

/** Simple majority (Art 17(2)): more than half of the votes cast, i.e. floor(n/2) + 1. */
export function simpleMajority(votesCast: number): number {
  return Math.floor(votesCast / 2) + 1;
}

/** Two-thirds (Arts 19(2), 36): at least two-thirds of the votes cast, i.e. ceil(2n/3), in integers. */
export function twoThirds(votesCast: number): number {
  return Math.floor((2 * votesCast + 2) / 3);
}

/** The article that sets the majority for a kind of vote. */
export function majorityArticle(kind: VoteKind): string {
  if (kind === 'instrument') return ARTICLES.instrument;
  if (kind === 'amendment') return ARTICLES.amendment;
  return ARTICLES.simpleMajority;
}

export function isVoteKind(value: unknown): value is VoteKind {
  return typeof value === 'string' && (VOTE_KINDS as readonly string[]).includes(value);
}

/** Field issues for counts that cannot be a vote: non-integers, negatives, more votes than delegates attending. */
export function countIssues(counts: VoteCounts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of COUNT_FIELDS) {
    const value = counts[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      issues.push({ field, message: `${field} must be a whole number of 0 or more`, rule: 'non-negative-integer' });
    }
  }
  if (issues.length > 0) return issues;
  const voting = counts.for + counts.against + counts.abstain;
  if (voting > counts.delegatesAttending) {
    issues.push({
      field: 'delegatesAttending',
      message: `delegatesAttending (${counts.delegatesAttending}) is fewer than the votes for + against + abstain (${voting})`,
      rule: 'votes-exceed-attending',
    });
  }
  return issues;
}

/**
 * Decides a vote from its counts.
 * - votes cast = for + against (+ abstentions only if `rules.abstentionsAreVotesCast`);
 * - void unless votes cast reach half the delegates attending (Art 17(3)); zero votes cast is always
 *   void, even with no delegate attending: nothing was decided;
 * - otherwise adopted if the votes for reach the majority of its kind (Art 17(2), 19(2) or 36).
 * Throws DomainError 'invalid' naming the field for counts that cannot be a vote.
 */
export function evaluateVote(kind: VoteKind, counts: VoteCounts, rules: VoteRules = DEFAULT_VOTE_RULES): VoteResult {
  const issues: FieldIssue[] = isVoteKind(kind)
    ? []
    : [{ field: 'kind', message: `kind must be one of ${VOTE_KINDS.join(', ')}`, rule: 'vote-kind' }];
  issues.push(...countIssues(counts));
  if (issues.length > 0) throw invalid(`The vote counts are not valid: ${issues.map((i) => i.message).join('; ')}.`, issues);

  const { for: votesFor, against, abstain, delegatesAttending } = counts;
  const votesCast = votesFor + against + (rules.abstentionsAreVotesCast ? abstain : 0);
  const quorum = quorumFor(delegatesAttending);
  const quorumMet = votesCast > 0 && votesCast >= quorum;
  const twoThirdsKind = kind !== 'ordinary';
  const required = twoThirdsKind ? twoThirds(votesCast) : simpleMajority(votesCast);
  const margin = votesFor - required;
  const outcome = !quorumMet ? 'void' : margin >= 0 ? 'adopted' : 'rejected';
  const article = majorityArticle(kind);

  const reasons: VoteReason[] = [
    {
      code: rules.abstentionsAreVotesCast ? 'votes-cast.abstentions-included' : 'votes-cast.abstentions-excluded',
      article: rules.abstentionsAreVotesCast ? ARTICLES.procedure : ARTICLES.simpleMajority,
      params: { for: votesFor, against, abstain, votesCast },
    },
    {
      code: votesCast === 0 ? 'quorum.no-votes' : quorumMet ? 'quorum.met' : 'quorum.not-met',
      article: ARTICLES.quorum,
      params: { votesCast, quorum, delegatesAttending, shortBy: Math.max(0, quorum - votesCast) },
    },
  ];
  if (quorumMet) {
    const rule = twoThirdsKind ? 'two-thirds' : 'simple';
    reasons.push({
      code: `majority.${rule}.${margin >= 0 ? 'reached' : 'short'}`,
      article,
      params: { for: votesFor, votesCast, required, margin, shortBy: Math.max(0, -margin), kind },
    });
  }
  return {
    kind,
    outcome,
    votesCast,
    quorum,
    quorumMet,
    required,
    margin,
    for: votesFor,
    against,
    abstain,
    delegatesAttending,
    citations: [ARTICLES.quorum, article],
    reasons,
  };
}
