import { type FieldIssue, invalid } from '../errors.ts';
import { countIssues, evaluateVote, isVoteKind } from './counts.ts';
import {
  ARTICLES,
  BALLOT_VOTES,
  type Ballot,
  DEFAULT_VOTE_RULES,
  DELEGATE_GROUPS,
  type DelegateGroup,
  type DelegationStanding,
  type ExcludedBallot,
  type ExclusionReason,
  type GroupCounts,
  VOTE_KINDS,
  type VoteKind,
  type VoteReason,
  type VoteResult,
  type VoteRules,
} from './types.ts';

const EXCLUSION_ARTICLE: Record<ExclusionReason, string> = {
  arrears: ARTICLES.arrears,
  'credentials-invalidated': ARTICLES.credentials,
  'no-counterpart': ARTICLES.noCounterpart,
};

/**
 * Why a ballot carries no vote, or null if it counts. Checked in this order (the first that applies is
 * reported): the whole State in arrears without the Conference's permission (Art 13(4)); the delegate's
 * credentials invalidated (Art 3(9)); a non-government delegate whose counterpart was not nominated
 * (Art 4(2): may sit and speak, not vote). 'objected' credentials still vote until invalidated.
 */
export function exclusionOf(ballot: Ballot, standing: DelegationStanding): ExclusionReason | null {
  if (standing.inArrears && !standing.arrearsVotingPermitted) return 'arrears';
  if (standing.credentials[ballot.delegateId] === 'invalidated') return 'credentials-invalidated';
  if (ballot.group === 'employers' && !standing.workersDelegateNominated) return 'no-counterpart';
  if (ballot.group === 'workers' && !standing.employersDelegateNominated) return 'no-counterpart';
  return null;
}

function ballotIssues(ballots: readonly Ballot[], standings: ReadonlyMap<string, DelegationStanding>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const seats = new Map<string, number>();
  ballots.forEach((b, i) => {
    const at = `ballots[${i}]`;
    if (typeof b.delegateId !== 'string' || b.delegateId.trim() === '')
      issues.push({ field: `${at}.delegateId`, message: 'delegateId is required' });
    else if (seen.has(b.delegateId))
      issues.push({ field: `${at}.delegateId`, message: `delegate ${b.delegateId} voted twice`, rule: 'one-vote-each' });
    else seen.add(b.delegateId);
    if (!(DELEGATE_GROUPS as readonly string[]).includes(b.group))
      issues.push({ field: `${at}.group`, message: `group must be one of ${DELEGATE_GROUPS.join(', ')}` });
    if (!(BALLOT_VOTES as readonly string[]).includes(b.vote))
      issues.push({ field: `${at}.vote`, message: `vote must be one of ${BALLOT_VOTES.join(', ')}` });
    const standing = standings.get(b.country);
    if (!standing) {
      issues.push({ field: `${at}.country`, message: `no delegation standing for ${String(b.country)}`, rule: 'delegation-unknown' });
      return;
    }
    const key = `${b.country}/${b.group}`;
    const used = (seats.get(key) ?? 0) + 1;
    seats.set(key, used);
    const nominated =
      b.group === 'government'
        ? standing.governmentDelegates
        : b.group === 'employers'
          ? Number(standing.employersDelegateNominated)
          : Number(standing.workersDelegateNominated);
    if (used > nominated) {
      issues.push({
        field: `${at}.group`,
        message: `${b.country} has ${nominated} ${b.group} delegate(s) nominated (Art 3(1))`,
        rule: 'delegation-seats',
      });
    }
  });
  return issues;
}

function standingIssues(standings: readonly DelegationStanding[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  standings.forEach((s, i) => {
    if (seen.has(s.country)) issues.push({ field: `standings[${i}].country`, message: `${s.country} appears twice` });
    seen.add(s.country);
    if (!Number.isInteger(s.governmentDelegates) || s.governmentDelegates < 0 || s.governmentDelegates > 2) {
      issues.push({ field: `standings[${i}].governmentDelegates`, message: 'governmentDelegates must be 0, 1 or 2 (Art 3(1))' });
    }
  });
  return issues;
}

const emptyGroups = (): Record<DelegateGroup, GroupCounts> => ({
  government: { for: 0, against: 0, abstain: 0 },
  employers: { for: 0, against: 0, abstain: 0 },
  workers: { for: 0, against: 0, abstain: 0 },
});

/**
 * Decides a record vote from each delegate's ballot (Art 4(1)). Ballots without a vote (arrears,
 * invalidated credentials, no counterpart) are listed in `excluded` and not counted; the counted
 * ballots are then decided exactly as `evaluateVote` decides counts. `delegatesAttending` is the
 * Conference's attendance for the quorum (Art 17(3)), given by the caller.
 */
export function evaluateRecordVote(
  kind: VoteKind,
  ballots: readonly Ballot[],
  standings: readonly DelegationStanding[],
  delegatesAttending: number,
  rules: VoteRules = DEFAULT_VOTE_RULES,
): VoteResult {
  const byCountry = new Map(standings.map((s) => [s.country, s] as const));
  const issues: FieldIssue[] = isVoteKind(kind) ? [] : [{ field: 'kind', message: `kind must be one of ${VOTE_KINDS.join(', ')}` }];
  issues.push(...standingIssues(standings), ...ballotIssues(ballots, byCountry));
  if (issues.length > 0) throw invalid(`The record vote is not valid: ${issues.map((i) => i.message).join('; ')}.`, issues);

  const byGroup = emptyGroups();
  const excluded: ExcludedBallot[] = [];
  for (const ballot of ballots) {
    const reason = exclusionOf(ballot, byCountry.get(ballot.country)!);
    if (reason)
      excluded.push({
        delegateId: ballot.delegateId,
        country: ballot.country,
        group: ballot.group,
        reason,
        article: EXCLUSION_ARTICLE[reason],
      });
    else byGroup[ballot.group][ballot.vote] += 1;
  }
  const sum = (v: keyof GroupCounts) => byGroup.government[v] + byGroup.employers[v] + byGroup.workers[v];
  const counts = { for: sum('for'), against: sum('against'), abstain: sum('abstain'), delegatesAttending };
  const countProblems = countIssues(counts);
  if (countProblems.length > 0)
    throw invalid(`The record vote is not valid: ${countProblems.map((i) => i.message).join('; ')}.`, countProblems);

  const base = evaluateVote(kind, counts, rules);
  const pre: VoteReason[] = [
    {
      code: 'record.individual',
      article: ARTICLES.individualVote,
      params: { ballots: ballots.length, counted: ballots.length - excluded.length, excluded: excluded.length },
    },
    ...exclusionReasons(excluded),
    ...permittedArrears(ballots, byCountry),
  ];
  const preArticles = [...new Set(pre.map((r) => r.article))];
  return {
    ...base,
    citations: [...new Set([...preArticles, ...base.citations])],
    reasons: [...pre, ...base.reasons],
    byGroup,
    excluded,
  };
}

/** One reason per kind of exclusion, with how many ballots and which States, in the order checked. */
function exclusionReasons(excluded: readonly ExcludedBallot[]): VoteReason[] {
  const order: ExclusionReason[] = ['arrears', 'credentials-invalidated', 'no-counterpart'];
  return order.flatMap((reason) => {
    const rows = excluded.filter((e) => e.reason === reason);
    if (rows.length === 0) return [];
    const countries = [...new Set(rows.map((e) => e.country))].sort();
    return [
      { code: `excluded.${reason}`, article: EXCLUSION_ARTICLE[reason], params: { count: rows.length, countries: countries.join(', ') } },
    ];
  });
}

/** States in arrears that the Conference permitted to vote and that did vote (Art 13(4)). */
function permittedArrears(ballots: readonly Ballot[], byCountry: ReadonlyMap<string, DelegationStanding>): VoteReason[] {
  const countries = [...new Set(ballots.map((b) => b.country))].filter((c) => {
    const s = byCountry.get(c)!;
    return s.inArrears && s.arrearsVotingPermitted;
  });
  if (countries.length === 0) return [];
  return [
    { code: 'arrears.permitted', article: ARTICLES.arrears, params: { count: countries.length, countries: countries.sort().join(', ') } },
  ];
}
