import type { Actor } from '../domain/access/policy.ts';
import { DomainError, type FieldIssue, notFound } from '../domain/errors.ts';
import { CONFIDENCES, type Confidence } from '../domain/facts.ts';
import {
  checkMembers,
  checkSession,
  GB_GROUPS,
  GB_MEMBER_TYPES,
  GB_SEAT_KINDS,
  type GbMember,
  type GbPeriod,
  type GbSession,
  parsePeriodId,
} from '../domain/governance/governing-body.ts';
import { isPartialDate } from '../domain/partial-date.ts';
import { refuseNul } from '../domain/text.ts';
import { checkCitation, clean, fail, MAX_TEXT_LENGTH } from './edit-validation.ts';
import type { HistoryRepository } from './history-ports.ts';
import { ORGANS_TX, type OrgansRepository } from './organs-ports.ts';
import { authoriseWrite } from './ratification-change.ts';
import { type ChangeResult, type Citation, recordChange } from './record-change.ts';

/** The Governing Body records the secretariat keeps (policy: `secretariat_record`), each change an event in the history. */

export const MAX_MEMBERS = 200;
export const MAX_AGENDA_ITEMS = 100;

export interface MemberInput {
  holderIso3?: string | null;
  holderName?: string | null;
  group: string;
  memberType: string;
  seat: string;
  source?: string | null;
  confidence?: Confidence | null;
  notes?: string | null;
}

export interface PeriodInput extends Citation {
  id: string;
  startDate?: string | null;
  endDate?: string | null;
  members: MemberInput[];
  confidence?: Confidence | null;
  notes?: string | null;
}

export interface SessionInput extends Citation {
  number: number;
  startDate?: string | null;
  endDate?: string | null;
  place?: string | null;
  agenda?: string[];
  confidence?: Confidence | null;
  notes?: string | null;
}

function text(value: string | null | undefined, field: string, issues: FieldIssue[], max = MAX_TEXT_LENGTH): string | null {
  const v = clean(value);
  if (v && v.length > max) issues.push({ field, message: `${field} must be at most ${max} characters` });
  return v;
}

function partialDate(value: string | null | undefined, field: string, issues: FieldIssue[]): string | null {
  const v = clean(value);
  if (v && !isPartialDate(v)) issues.push({ field, message: `${field} must be a date YYYY-MM-DD (or YYYY-MM, YYYY)` });
  return v;
}

function confidenceOf(value: unknown, field: string, issues: FieldIssue[]): Confidence | null {
  if (value === null || value === undefined) return null;
  if (!(CONFIDENCES as readonly unknown[]).includes(value))
    issues.push({ field, message: `${field} must be one of ${CONFIDENCES.join(', ')}` });
  return (value as Confidence) ?? null;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, issues: FieldIssue[]): T {
  if (!(allowed as readonly unknown[]).includes(value)) issues.push({ field, message: `${field} must be one of ${allowed.join(', ')}` });
  return value as T;
}

export function checkPeriodInput(input: PeriodInput): { period: GbPeriod; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  checkCitation(input, issues);
  const years = parsePeriodId(input.id ?? '');
  if (!years) issues.push({ field: 'id', message: 'id must be two years, the second after the first, e.g. 2024-2027' });
  const source = clean(input.source) ?? '';
  const members = Array.isArray(input.members) ? input.members : [];
  if (!Array.isArray(input.members)) issues.push({ field: 'members', message: 'members must be a list (empty when none is known)' });
  if (members.length > MAX_MEMBERS) issues.push({ field: 'members', message: `at most ${MAX_MEMBERS} members` });
  const checked: GbMember[] = members.slice(0, MAX_MEMBERS).map((m, i) => {
    const f = `members[${i}]`;
    const iso3 = clean(m?.holderIso3)?.toUpperCase() ?? null;
    if (iso3 && !/^[A-Z]{3}$/.test(iso3))
      issues.push({ field: `${f}.holderIso3`, message: `${f}.holderIso3 must be an ISO 3166 alpha-3 code` });
    return {
      holderIso3: iso3,
      holderName: text(m?.holderName, `${f}.holderName`, issues),
      group: oneOf(m?.group, GB_GROUPS, `${f}.group`, issues),
      memberType: oneOf(m?.memberType, GB_MEMBER_TYPES, `${f}.memberType`, issues),
      seat: oneOf(m?.seat, GB_SEAT_KINDS, `${f}.seat`, issues),
      source: text(m?.source, `${f}.source`, issues) ?? source,
      confidence: confidenceOf(m?.confidence, `${f}.confidence`, issues) ?? input.confidence ?? 'medium',
      notes: text(m?.notes, `${f}.notes`, issues, 2000),
    };
  });
  const period: GbPeriod = {
    id: input.id,
    startDate: partialDate(input.startDate, 'startDate', issues) ?? (years ? String(years.startYear) : null),
    endDate: partialDate(input.endDate, 'endDate', issues) ?? (years ? String(years.endYear) : null),
    members: checked,
    source,
    confidence: confidenceOf(input.confidence, 'confidence', issues) ?? 'medium',
    notes: text(input.notes, 'notes', issues, 2000),
  };
  if (years && period.startDate && !period.startDate.startsWith(String(years.startYear)))
    issues.push({ field: 'startDate', message: `startDate must fall in ${years.startYear}, the first year of the period` });
  if (years && period.endDate && !period.endDate.startsWith(String(years.endYear)))
    issues.push({ field: 'endDate', message: `endDate must fall in ${years.endYear}, the last year of the period` });
  return { period, issues };
}

export function checkSessionInput(input: SessionInput): { session: GbSession; issues: FieldIssue[]; warnings: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  checkCitation(input, issues);
  const agenda = input.agenda ?? [];
  if (!Array.isArray(agenda)) issues.push({ field: 'agenda', message: 'agenda must be a list of items' });
  const items = (Array.isArray(agenda) ? agenda : []).map((a, i) => text(typeof a === 'string' ? a : '', `agenda[${i}]`, issues, 1000));
  if (items.length > MAX_AGENDA_ITEMS) issues.push({ field: 'agenda', message: `at most ${MAX_AGENDA_ITEMS} agenda items` });
  if (items.some((a) => a === null)) issues.push({ field: 'agenda', message: 'an agenda item cannot be empty' });
  const session: GbSession = {
    number: input.number,
    startDate: partialDate(input.startDate, 'startDate', issues),
    endDate: partialDate(input.endDate, 'endDate', issues),
    place: text(input.place, 'place', issues),
    agenda: items.filter((a): a is string => a !== null),
    source: clean(input.source),
    confidence: confidenceOf(input.confidence, 'confidence', issues) ?? 'medium',
    notes: text(input.notes, 'notes', issues, 2000),
  };
  const { errors, warnings } = checkSession(session);
  return { session, issues: [...issues, ...errors], warnings };
}

export class GoverningBodyEdits {
  constructor(
    private readonly store: HistoryRepository,
    private readonly repo: Pick<OrgansRepository, 'rules'>,
  ) {}

  /** Records a period and the members the source names (replacing the period's list); creates it when new. */
  async savePeriod(actor: Actor | null, input: PeriodInput, now: Date): Promise<ChangeResult<GbPeriod>> {
    authoriseWrite(actor, { kind: 'secretariat_record' });
    refuseNul(input);
    const { period, issues } = checkPeriodInput(input);
    if (issues.length) fail(issues);
    const rules = await this.repo.rules();
    const refused = checkMembers(rules, period.members);
    if (refused.length) fail(refused);
    return this.store.transaction(async (tx) => {
      const holders = [...new Set(period.members.map((m) => m.holderIso3).filter((x): x is string => x !== null))];
      const known = new Set((await tx.getCountries(holders)).map((c) => c.iso3));
      const unknown = period.members.flatMap((m, i) =>
        m.holderIso3 && !known.has(m.holderIso3)
          ? [{ field: `members[${i}].holderIso3`, message: `no ILO member State with code "${m.holderIso3}"` }]
          : [],
      );
      if (unknown.length) fail(unknown);
      const port = tx.port(ORGANS_TX);
      const before = await port.getPeriod(period.id);
      return recordChange(tx, actor, now, {
        recordType: 'gb_period',
        recordKey: period.id,
        country: null,
        action: before ? 'update' : 'create',
        before,
        after: period,
        citation: input,
        apply: () => port.putPeriod(period.id, period),
      });
    });
  }

  /** Records a session; `create` refuses a number already recorded (409), otherwise it is added or corrected. */
  async saveSession(
    actor: Actor | null,
    input: SessionInput,
    now: Date,
    options: { create?: boolean } = {},
  ): Promise<ChangeResult<GbSession>> {
    authoriseWrite(actor, { kind: 'secretariat_record' });
    refuseNul(input);
    const { session, issues, warnings } = checkSessionInput(input);
    if (issues.length) fail(issues);
    const result = await this.store.transaction(async (tx) => {
      const port = tx.port(ORGANS_TX);
      const before = await port.getSession(session.number);
      if (before && options.create)
        throw new DomainError('conflict', `Governing Body session ${session.number} is already recorded; correct it with PUT.`);
      return recordChange(tx, actor, now, {
        recordType: 'gb_session',
        recordKey: String(session.number),
        country: null,
        action: before ? 'update' : 'create',
        before,
        after: session,
        citation: input,
        apply: () => port.putSession(session.number, session),
      });
    });
    return { ...result, warnings };
  }
}

export function periodNotFound(id: string): DomainError {
  return notFound(`No Governing Body period "${id}" is recorded.`);
}
