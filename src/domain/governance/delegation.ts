import type { FieldIssue } from '../errors.ts';
import type { DelegateGroup, DelegationStanding } from './vote.ts';

/**
 * A member State's delegation to one session of the International Labour Conference (Constitution
 * of the ILO, Art 3): who it sent, in which group and role, and whether their credentials stand.
 * Pure: the checks below cite their article; the service stores the result.
 */

export const DELEGATION_GROUPS = ['government', 'employers', 'workers'] as const satisfies readonly DelegateGroup[];
/** Art 3(1) delegates; Art 3(2) advisers; a substitute acts for a delegate (Art 3(7)). */
export const DELEGATE_ROLES = ['delegate', 'adviser', 'substitute'] as const;
export type DelegateRole = (typeof DELEGATE_ROLES)[number];
/** Art 3(9): the Conference scrutinises credentials; an invalidated delegate has no vote. */
export const CREDENTIAL_STATUSES = ['accepted', 'objected', 'invalidated'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

export const MAX_DELEGATES = 200;
export const MAX_NAME_LENGTH = 200;

/** Art 3(1): two Government delegates, one employers' and one workers' delegate. */
export const DELEGATE_SEATS: Readonly<Record<DelegateGroup, number>> = { government: 2, employers: 1, workers: 1 };
export const SEATS_ARTICLE = 'Constitution Art 3(1)';
export const ADVISERS_ARTICLE = 'Constitution Art 3(2)';
export const ADVISERS_NO_VOTE_ARTICLE = 'Constitution Art 3(6)';
export const SUBSTITUTE_ARTICLE = 'Constitution Art 3(7)';
export const ARREARS_ARTICLE = 'Constitution Art 13(4)';

export interface Delegate {
  /** Stable within the session: `<ISO3>-<n>`, given by the service; ballots of record votes refer to it. */
  id: string;
  /** Only the name under which the delegate is accredited: nothing more about the person is kept. */
  name: string;
  group: DelegateGroup;
  role: DelegateRole;
  credentials: CredentialStatus;
}

export interface Delegation {
  session: number;
  country: string;
  delegates: Delegate[];
  /** Art 13(4): two full years' contributions in arrears. */
  inArrears: boolean;
  /** Art 13(4): the Conference permitted it to vote all the same. */
  arrearsVotingPermitted: boolean;
  source: string | null;
}

const DELEGATE_ID = /^([A-Z]{3})-(\d{1,4})$/;

export function delegateIdCountry(id: string): string | null {
  return DELEGATE_ID.exec(id)?.[1] ?? null;
}

/** The next free number of `<ISO3>-<n>` ids in a delegation (1 for the first). */
export function nextDelegateNumber(delegates: readonly Pick<Delegate, 'id'>[]): number {
  let max = 0;
  for (const d of delegates) {
    const n = Number(DELEGATE_ID.exec(d.id)?.[2] ?? 0);
    if (n > max) max = n;
  }
  return max + 1;
}

/**
 * What the Constitution allows a delegation to be: at most two Government delegates, one employers'
 * and one workers' (Art 3(1)); every person named once with a group, a role and a credentials status.
 * Advisers (Art 3(2)) and substitutes are not limited here: their number depends on the agenda.
 */
export function checkDelegation(d: Pick<Delegation, 'country' | 'delegates' | 'inArrears' | 'arrearsVotingPermitted'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (d.delegates.length > MAX_DELEGATES)
    issues.push({ field: 'delegates', message: `a delegation lists at most ${MAX_DELEGATES} people` });
  const seen = new Set<string>();
  d.delegates.forEach((p, i) => {
    const at = `delegates[${i}]`;
    if (!p.name.trim() || p.name.length > MAX_NAME_LENGTH)
      issues.push({ field: `${at}.name`, message: `the name must be 1 to ${MAX_NAME_LENGTH} characters` });
    if (!(DELEGATION_GROUPS as readonly string[]).includes(p.group))
      issues.push({ field: `${at}.group`, message: `must be one of ${DELEGATION_GROUPS.join(', ')}` });
    if (!(DELEGATE_ROLES as readonly string[]).includes(p.role))
      issues.push({ field: `${at}.role`, message: `must be one of ${DELEGATE_ROLES.join(', ')}` });
    if (!(CREDENTIAL_STATUSES as readonly string[]).includes(p.credentials))
      issues.push({ field: `${at}.credentials`, message: `must be one of ${CREDENTIAL_STATUSES.join(', ')}` });
    if (delegateIdCountry(p.id) !== d.country)
      issues.push({ field: `${at}.id`, message: `a delegate id of ${d.country} looks like ${d.country}-1` });
    else if (seen.has(p.id)) issues.push({ field: `${at}.id`, message: `${p.id} is listed twice` });
    seen.add(p.id);
  });
  for (const group of DELEGATION_GROUPS) {
    const count = d.delegates.filter((p) => p.group === group && p.role === 'delegate').length;
    const seats = DELEGATE_SEATS[group];
    if (count > seats)
      issues.push({
        field: 'delegates',
        message: `${count} ${group} delegates: a State sends at most ${seats} (${SEATS_ARTICLE}); list the others as advisers or substitutes`,
        rule: 'delegate-seats',
      });
  }
  if (d.arrearsVotingPermitted && !d.inArrears)
    issues.push({
      field: 'arrearsVotingPermitted',
      message: `the Conference's permission to vote applies only to a State in arrears (${ARREARS_ARTICLE})`,
    });
  return issues;
}

/** The State's standing for the vote engine: seats filled, credentials, arrears. */
export function delegationStanding(d: Delegation): DelegationStanding {
  const delegates = (group: DelegateGroup) => d.delegates.filter((p) => p.group === group && p.role === 'delegate').length;
  const credentials: Record<string, CredentialStatus> = {};
  for (const p of d.delegates) credentials[p.id] = p.credentials;
  return {
    country: d.country,
    governmentDelegates: delegates('government'),
    employersDelegateNominated: delegates('employers') > 0,
    workersDelegateNominated: delegates('workers') > 0,
    credentials,
    inArrears: d.inArrears,
    arrearsVotingPermitted: d.arrearsVotingPermitted,
  };
}

export interface DelegationSummary {
  country: string;
  government: number;
  employers: number;
  workers: number;
  advisers: number;
  substitutes: number;
  /** Delegates (of any role) whose credentials were objected to or invalidated. */
  objected: number;
  invalidated: number;
  inArrears: boolean;
  arrearsVotingPermitted: boolean;
  /** Art 4(2): a non-government delegate whose counterpart was not nominated sits and speaks but does not vote. */
  noCounterpart: DelegateGroup | null;
  /** Art 13(4): in arrears and not permitted: none of its delegates votes. */
  noVote: boolean;
}

export function summariseDelegation(d: Delegation): DelegationSummary {
  const s = delegationStanding(d);
  const count = (pred: (p: Delegate) => boolean) => d.delegates.filter(pred).length;
  const noCounterpart: DelegateGroup | null =
    s.employersDelegateNominated && !s.workersDelegateNominated
      ? 'employers'
      : s.workersDelegateNominated && !s.employersDelegateNominated
        ? 'workers'
        : null;
  return {
    country: d.country,
    government: s.governmentDelegates,
    employers: count((p) => p.group === 'employers' && p.role === 'delegate'),
    workers: count((p) => p.group === 'workers' && p.role === 'delegate'),
    advisers: count((p) => p.role === 'adviser'),
    substitutes: count((p) => p.role === 'substitute'),
    objected: count((p) => p.credentials === 'objected'),
    invalidated: count((p) => p.credentials === 'invalidated'),
    inArrears: d.inArrears,
    arrearsVotingPermitted: d.arrearsVotingPermitted,
    noCounterpart,
    noVote: d.inArrears && !d.arrearsVotingPermitted,
  };
}
