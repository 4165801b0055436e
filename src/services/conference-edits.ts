import type { Actor } from '../domain/access/policy.ts';
import { DomainError, type FieldIssue, notFound } from '../domain/errors.ts';
import {
  type CredentialStatus,
  checkDelegation,
  type Delegate,
  type DelegateRole,
  type Delegation,
  nextDelegateNumber,
} from '../domain/governance/delegation.ts';
import { type ConferenceSession, checkSession } from '../domain/governance/session.ts';
import type { DelegateGroup } from '../domain/governance/vote.ts';
import { normaliseInstrumentCode } from '../domain/instrument.ts';
import { parsePartialDate } from '../domain/partial-date.ts';
import { refuseNul } from '../domain/text.ts';
import { CONFERENCE_TX, delegationKey } from './conference-ports.ts';
import { checkCitation, clean, fail } from './edit-validation.ts';
import type { HistoryRepository } from './history-ports.ts';
import { authoriseWrite, sameJson } from './ratification-change.ts';
import { type ChangeResult, type Citation, recordChange } from './record-change.ts';

/** Sessions and delegations: each change checked against the policy and the Constitution, then recorded (decision 093). */

export interface SessionInput extends Citation {
  number: number;
  /** Left out: unchanged; null: unknown. */
  year?: number | null;
  openingDate?: string | null;
  closingDate?: string | null;
  place?: string | null;
  /** The whole agenda, in order (left out: unchanged). */
  agenda?: { text: string; instrument?: string | null }[];
}

export interface DelegateInput {
  /** The delegate's id in this delegation (`IDN-1`); left out for a person added now. */
  id?: string | null;
  name: string;
  group: string;
  role: string;
  /** Defaults to accepted. */
  credentials?: string | null;
}

export interface DelegationInput extends Citation {
  session: number;
  country: string;
  /** The whole delegation: a person left out is removed. */
  delegates: DelegateInput[];
  inArrears?: boolean;
  arrearsVotingPermitted?: boolean;
}

export const sessionNumberOk = (n: number) => Number.isInteger(n) && n >= 1 && n <= 999;

function appendSource(existing: string | null, added: string): string {
  const ids = (existing ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  return ids.includes(added) ? ids.join(';') : [...ids, added].join(';');
}

function dateOrNull(value: string | null | undefined): string | null | undefined {
  return value === undefined ? undefined : clean(value);
}

export async function saveSession(
  store: HistoryRepository,
  actor: Actor | null,
  input: SessionInput,
  now: Date,
): Promise<ChangeResult<ConferenceSession>> {
  refuseNul(input);
  authoriseWrite(actor, { kind: 'ilc_session' });
  const issues: FieldIssue[] = [];
  checkCitation(input, issues);
  if (!sessionNumberOk(input.number)) issues.push({ field: 'number', message: 'the session number is a whole number from 1 to 999' });
  if (issues.length) fail(issues);
  return store.transaction(async (tx) => {
    const port = tx.port(CONFERENCE_TX);
    const before = await port.getSession(input.number);
    const base: ConferenceSession = before ?? {
      number: input.number,
      year: null,
      openingDate: null,
      closingDate: null,
      place: null,
      source: null,
      confidence: null,
      notes: null,
      agenda: [],
    };
    const openingDate = dateOrNull(input.openingDate);
    const facts = {
      year: input.year === undefined ? (before ? base.year : (parsePartialDate(openingDate ?? null)?.year ?? null)) : input.year,
      openingDate: openingDate === undefined ? base.openingDate : openingDate,
      closingDate: dateOrNull(input.closingDate) === undefined ? base.closingDate : (dateOrNull(input.closingDate) ?? null),
      place: input.place === undefined ? base.place : clean(input.place),
    };
    const agenda =
      input.agenda === undefined
        ? base.agenda
        : input.agenda.map((item, i) => {
            const raw = clean(item.instrument ?? null);
            return {
              position: i + 1,
              text: (item.text ?? '').trim(),
              instrument: raw ? (normaliseInstrumentCode(raw) ?? raw.toUpperCase()) : null,
            };
          });
    const changed = !sameJson(
      { ...facts, agenda },
      { year: base.year, openingDate: base.openingDate, closingDate: base.closingDate, place: base.place, agenda: base.agenda },
    );
    const source = clean(input.source) as string;
    const after: ConferenceSession = {
      ...base,
      ...facts,
      agenda,
      source: changed || !before ? appendSource(base.source, source) : base.source,
    };
    const problems = checkSession(after);
    if (problems.length) fail(problems);
    return recordChange(tx, actor, now, {
      recordType: 'ilc_session',
      recordKey: String(input.number),
      country: null,
      action: before ? 'update' : 'create',
      before,
      after,
      citation: input,
      apply: () => port.putSession(after),
    });
  });
}

function toDelegate(raw: DelegateInput, id: string): Delegate {
  return {
    id,
    name: (raw.name ?? '').trim(),
    group: raw.group as DelegateGroup,
    role: raw.role as DelegateRole,
    credentials: (clean(raw.credentials ?? null) ?? 'accepted') as CredentialStatus,
  };
}

export async function saveDelegation(
  store: HistoryRepository,
  actor: Actor | null,
  input: DelegationInput,
  now: Date,
): Promise<ChangeResult<Delegation>> {
  refuseNul(input);
  const country = (input.country ?? '').trim().toUpperCase();
  authoriseWrite(actor, { kind: 'country_record', country });
  const issues: FieldIssue[] = [];
  checkCitation(input, issues);
  if (!Array.isArray(input.delegates))
    issues.push({ field: 'delegates', message: 'list the delegation (an empty list when it sent no one)' });
  if (issues.length) fail(issues);
  return store.transaction(async (tx) => {
    const port = tx.port(CONFERENCE_TX);
    if (!(await port.getSession(input.session))) throw notFound(`No session ${input.session} of the International Labour Conference.`);
    if (!(await tx.countryExists(country))) throw notFound(`No ILO member State with code "${country}".`);
    const before = await port.getDelegation(input.session, country);
    const known = new Set((before?.delegates ?? []).map((d) => d.id));
    const problems: FieldIssue[] = [];
    input.delegates.forEach((d, i) => {
      const id = clean(d.id ?? null);
      if (id && !known.has(id))
        problems.push({
          field: `delegates[${i}].id`,
          message: `${id} is not in this delegation: leave the id empty for a person added now`,
        });
    });
    let next = nextDelegateNumber(before?.delegates ?? []);
    const delegates = input.delegates.map((d) => toDelegate(d, clean(d.id ?? null) ?? `${country}-${next++}`));
    const inArrears = input.inArrears ?? before?.inArrears ?? false;
    const arrearsVotingPermitted = input.arrearsVotingPermitted ?? before?.arrearsVotingPermitted ?? false;
    problems.push(...checkDelegation({ country, delegates, inArrears, arrearsVotingPermitted }));
    if (problems.length) fail(problems);
    const kept = new Set(delegates.map((d) => d.id));
    for (const vote of await port.listVotes(input.session)) {
      const gone = vote.ballots.find((b) => b.delegateId.startsWith(`${country}-`) && !kept.has(b.delegateId));
      if (gone)
        throw new DomainError(
          'conflict',
          `${gone.delegateId} cast a ballot in vote ${vote.key}: keep them on the delegation (change their credentials instead).`,
          [{ field: 'delegates', message: `${gone.delegateId} voted in vote ${vote.key}` }],
        );
    }
    const facts = { delegates, inArrears, arrearsVotingPermitted };
    const same =
      before &&
      sameJson(facts, { delegates: before.delegates, inArrears: before.inArrears, arrearsVotingPermitted: before.arrearsVotingPermitted });
    const after: Delegation = { session: input.session, country, ...facts, source: same ? before.source : (clean(input.source) as string) };
    return recordChange(tx, actor, now, {
      recordType: 'ilc_delegation',
      recordKey: delegationKey(input.session, country),
      country,
      action: before ? 'update' : 'create',
      before,
      after,
      citation: input,
      apply: () => port.putDelegation(after),
    });
  });
}
