import { ageOn } from '../../domain/child-labour/age.ts';
import {
  CLOSURE_REASONS,
  type ClosureRefusal,
  CONSENT_CITATION,
  CONSENT_GIVERS,
  CONSENT_PURPOSES,
  type ConsentPurpose,
  type ConsentRecord,
  type ConsentRefusal,
  dayNumber,
  mayStoreIdentifyingData,
} from '../../domain/child-labour/cases/index.ts';
import { SEXES, WORK_KINDS } from '../../domain/child-labour/types.ts';
import { type FieldIssue, invalid } from '../../domain/errors.ts';
import type { ActionInput, CloseInput, OpenCaseInput, VisitInput } from './case-types.ts';

/*
 * Checking what a caller sends to the case service (issue 11). Every message names its field and
 * NEVER repeats an identifying value (a name, a birth date, a place, a contact, a note): a refusal
 * travels into problem+json bodies and logs, where a child's data must not appear.
 */
export const IDENTIFYING_INPUTS = ['name', 'birthDate', 'village', 'location', 'contact', 'notes'] as const;
export const ORIGINS = ['visit', 'referral', 'check'] as const;
export const ACTION_KINDS = [
  'awareness_raising',
  'school_enrolment',
  'birth_registration',
  'school_kit',
  'bridging_class',
  'vocational_training',
  'income_generating_activity',
  'referral',
  'cash_transfer',
  'health_service',
  'other',
] as const;
const MAX_TEXT = 300;
const MAX_NOTES = 4000;

export function isDay(value: unknown): value is string {
  return typeof value === 'string' && dayNumber(value) !== null;
}

function text(issues: FieldIssue[], field: string, value: unknown, max = MAX_TEXT): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    issues.push({ field, message: `${field} must be text` });
    return null;
  }
  const t = value.trim();
  if (t.length > max) issues.push({ field, message: `${field} must be at most ${max} characters` });
  return t === '' ? null : t;
}

function bool(issues: FieldIssue[], field: string, value: unknown): boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'boolean') issues.push({ field, message: `${field} must be true or false` });
  return typeof value === 'boolean' ? value : null;
}

export function fail(issues: FieldIssue[]): void {
  if (issues.length) throw invalid(`${issues.map((i) => i.message).join('; ')}.`, issues);
}

const CONSENT_MESSAGES: Record<ConsentRefusal, string> = {
  'no-consent': 'no consent of a parent or guardian is recorded',
  'not-parent-or-guardian': 'consent must be given by a parent or guardian, named',
  'not-yet-given': 'consent is dated after the identification day',
  'purpose-not-covered': 'the consent does not cover case_management',
  withdrawn: 'the consent was withdrawn',
};

export interface CheckedOpen {
  origin: (typeof ORIGINS)[number];
  identifiedOn: string;
  sex: 'female' | 'male' | null;
  age: number;
  agePrecision: 'exact' | 'estimated';
  country: string | null;
  province: string | null;
  district: string | null;
  householdRef: string | null;
  workerRef: string | null;
  schoolEnrolled: boolean | null;
  schoolAttending: boolean | null;
  work: string;
  workTask: string | null;
  commodity: string | null;
  hoursPerDay: number | null;
  nightWork: boolean | null;
  hazards: string[];
  identifying: {
    name: string | null;
    birth_date: string | null;
    village: string | null;
    location: string | null;
    contact: string | null;
    notes: string | null;
  };
  consent: { by: string; relation: 'parent' | 'guardian'; on: string; purposes: ConsentPurpose[] } | null;
}

/** Checks an opening; identifying fields without a valid consent are refused naming each field (UU 27/2022 Pasal 25(2)). */
export function checkOpen(input: OpenCaseInput, today: string): CheckedOpen {
  const issues: FieldIssue[] = [];
  const raw = (input ?? {}) as unknown as Record<string, unknown>;
  const origin = raw.origin as CheckedOpen['origin'];
  if (!(ORIGINS as readonly unknown[]).includes(origin))
    issues.push({ field: 'origin', message: `origin must be one of ${ORIGINS.join(', ')}` });
  const identifiedOn = raw.identifiedOn;
  if (!isDay(identifiedOn)) issues.push({ field: 'identifiedOn', message: 'identifiedOn must be a date YYYY-MM-DD' });
  else if (identifiedOn > today) issues.push({ field: 'identifiedOn', message: 'identifiedOn must not be in the future' });
  const sex = raw.sex ?? null;
  if (sex !== null && !(SEXES as readonly unknown[]).includes(sex))
    issues.push({ field: 'sex', message: `sex must be ${SEXES.join(' or ')}, or left out` });
  const work = raw.work;
  if (!(WORK_KINDS as readonly unknown[]).includes(work))
    issues.push({ field: 'work', message: `work must be one of ${WORK_KINDS.join(', ')}` });
  const hours = raw.hoursPerDay ?? null;
  if (hours !== null && (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > 24))
    issues.push({ field: 'hoursPerDay', message: 'hoursPerDay must be a number from 0 to 24' });
  const hazards = raw.hazards ?? [];
  if (!Array.isArray(hazards) || hazards.some((h) => typeof h !== 'string' || h.trim() === '' || h.length > 200) || hazards.length > 50)
    issues.push({ field: 'hazards', message: 'hazards must be a list of at most 50 short texts' });
  const country = text(issues, 'country', raw.country);
  if (country !== null && !/^[A-Za-z]{3}$/.test(country))
    issues.push({ field: 'country', message: 'country must be an ISO 3166 alpha-3 code such as IDN' });

  // Consent first: it decides whether identifying fields may be stored at all.
  let consent: CheckedOpen['consent'] = null;
  const c = raw.consent as Record<string, unknown> | null | undefined;
  if (c !== undefined && c !== null) {
    const by = typeof c.by === 'string' ? c.by.trim() : '';
    if (by === '' || by.length > 200)
      issues.push({ field: 'consent.by', message: 'consent.by must name the parent or guardian (at most 200 characters)' });
    if (!(CONSENT_GIVERS as readonly unknown[]).includes(c.relation))
      issues.push({ field: 'consent.relation', message: `consent.relation must be ${CONSENT_GIVERS.join(' or ')}` });
    if (!isDay(c.on)) issues.push({ field: 'consent.on', message: 'consent.on must be a date YYYY-MM-DD' });
    const purposes = Array.isArray(c.purposes) ? c.purposes : null;
    if (!purposes || purposes.length === 0 || purposes.some((p) => !(CONSENT_PURPOSES as readonly unknown[]).includes(p)))
      issues.push({ field: 'consent.purposes', message: `consent.purposes must list some of ${CONSENT_PURPOSES.join(', ')}` });
    consent = { by, relation: c.relation as 'parent' | 'guardian', on: c.on as string, purposes: (purposes ?? []) as ConsentPurpose[] };
  }
  const identifying = {
    name: text(issues, 'name', raw.name, 200),
    birth_date: null as string | null,
    village: text(issues, 'village', raw.village, 200),
    location: text(issues, 'location', raw.location, 300),
    contact: text(issues, 'contact', raw.contact, 200),
    notes: text(issues, 'notes', raw.notes, MAX_NOTES),
  };
  const birth = raw.birthDate ?? null;
  if (birth !== null && birth !== '') {
    // The value is never echoed: a birth date is identifying.
    if (!isDay(birth)) issues.push({ field: 'birthDate', message: 'birthDate must be a date YYYY-MM-DD' });
    else identifying.birth_date = birth;
  }
  const given = IDENTIFYING_INPUTS.filter((f) => (f === 'birthDate' ? identifying.birth_date : identifying[f]) !== null);
  if (given.length > 0 && isDay(identifiedOn)) {
    const record: ConsentRecord | null =
      consent && issues.every((i) => !i.field.startsWith('consent'))
        ? { givenBy: consent.relation, giverName: consent.by, givenOn: consent.on, purposes: consent.purposes, withdrawnOn: null }
        : null;
    const decision = mayStoreIdentifyingData(record, 'case_management', identifiedOn);
    if (!decision.allowed && (record || !consent)) {
      for (const field of given) {
        issues.push({
          field,
          rule: decision.refusal,
          message: `${field} is identifying and cannot be stored: ${CONSENT_MESSAGES[decision.refusal]} (${CONSENT_CITATION})`,
        });
      }
    }
  }

  // Age: given, or computed from the birth date on the identification day.
  let age: number | null = null;
  let agePrecision: CheckedOpen['agePrecision'] = raw.agePrecision === 'exact' ? 'exact' : 'estimated';
  const ageYears = raw.ageYears ?? null;
  if (ageYears !== null && identifying.birth_date !== null)
    issues.push({ field: 'ageYears', message: 'give either ageYears or birthDate, not both' });
  else if (ageYears !== null) {
    if (typeof ageYears !== 'number' || !Number.isInteger(ageYears) || ageYears < 0 || ageYears > 25)
      issues.push({ field: 'ageYears', message: 'ageYears must be a whole number of years from 0 to 25' });
    else age = ageYears;
    if (raw.agePrecision !== undefined && raw.agePrecision !== null && raw.agePrecision !== 'exact' && raw.agePrecision !== 'estimated')
      issues.push({ field: 'agePrecision', message: 'agePrecision must be exact or estimated' });
  } else if (identifying.birth_date !== null) {
    if (isDay(identifiedOn)) {
      age = ageOn(identifying.birth_date, identifiedOn);
      if (age === null || age > 25)
        issues.push({ field: 'birthDate', message: 'birthDate must be before identifiedOn, and the child at most 25' });
    }
    agePrecision = 'exact';
  } else if (!issues.some((i) => i.field === 'birthDate')) {
    issues.push({ field: 'ageYears', message: 'give ageYears (estimated if need be) or birthDate: the compliance engine needs an age' });
  }
  const out: CheckedOpen = {
    origin,
    identifiedOn: identifiedOn as string,
    sex: sex as CheckedOpen['sex'],
    age: age ?? 0,
    agePrecision,
    country: country?.toUpperCase() ?? null,
    province: text(issues, 'province', raw.province, 120),
    district: text(issues, 'district', raw.district, 120),
    householdRef: text(issues, 'householdRef', raw.householdRef, 100),
    workerRef: text(issues, 'workerRef', raw.workerRef, 200),
    schoolEnrolled: bool(issues, 'schoolEnrolled', raw.schoolEnrolled),
    schoolAttending: bool(issues, 'schoolAttending', raw.schoolAttending),
    work: work as string,
    workTask: text(issues, 'workTask', raw.workTask),
    commodity: text(issues, 'commodity', raw.commodity, 120),
    hoursPerDay: hours as number | null,
    nightWork: bool(issues, 'nightWork', raw.nightWork),
    hazards: Array.isArray(hazards) ? [...new Set(hazards.map((h) => String(h).trim()))] : [],
    identifying,
    consent,
  };
  fail(issues);
  return out;
}

export function checkVisit(input: VisitInput, identifiedOn: string, today: string): VisitInput & { notes: string | null } {
  const issues: FieldIssue[] = [];
  const raw = (input ?? {}) as unknown as Record<string, unknown>;
  if (!isDay(raw.visitedOn)) issues.push({ field: 'visitedOn', message: 'visitedOn must be a date YYYY-MM-DD' });
  else if (raw.visitedOn > today) issues.push({ field: 'visitedOn', message: 'visitedOn must not be in the future' });
  else if (raw.visitedOn < identifiedOn)
    issues.push({ field: 'visitedOn', message: `visitedOn must not be before the identification day ${identifiedOn}` });
  if (raw.kind !== 'follow_up' && raw.kind !== 'attempt')
    issues.push({ field: 'kind', message: 'kind must be follow_up or attempt (child not found)' });
  const childFound = raw.kind === 'attempt' ? false : raw.childFound !== false;
  if (raw.kind === 'follow_up' && raw.childFound === false)
    issues.push({ field: 'childFound', message: 'a follow_up visit found the child; record a visit that did not as kind attempt' });
  const inChildLabour = bool(issues, 'inChildLabour', raw.inChildLabour);
  const atSchool = bool(issues, 'atSchool', raw.atSchool);
  if (raw.kind === 'follow_up' && inChildLabour === null && !issues.some((i) => i.field === 'inChildLabour'))
    issues.push({
      field: 'inChildLabour',
      message: 'inChildLabour is required at a follow_up visit: was the child found in child labour?',
    });
  const notes = text(issues, 'notes', raw.notes, MAX_NOTES);
  fail(issues);
  return {
    visitedOn: raw.visitedOn as string,
    kind: raw.kind as VisitInput['kind'],
    childFound,
    inChildLabour: childFound ? inChildLabour : null,
    atSchool: childFound ? atSchool : null,
    notes,
  };
}

export function checkAction(input: ActionInput): ActionInput & { notes: string | null; programmeId: string | null } {
  const issues: FieldIssue[] = [];
  const raw = (input ?? {}) as unknown as Record<string, unknown>;
  if (!(ACTION_KINDS as readonly unknown[]).includes(raw.kind))
    issues.push({ field: 'kind', message: `kind must be one of ${ACTION_KINDS.join(', ')}` });
  const responsible = text(issues, 'responsible', raw.responsible, 200);
  if (responsible === null && !issues.some((i) => i.field === 'responsible'))
    issues.push({ field: 'responsible', message: 'responsible must name who provides the support' });
  if (!isDay(raw.dueOn)) issues.push({ field: 'dueOn', message: 'dueOn must be a date YYYY-MM-DD' });
  const programmeId = text(issues, 'programmeId', raw.programmeId, 80);
  const notes = text(issues, 'notes', raw.notes, MAX_NOTES);
  fail(issues);
  return { kind: raw.kind as string, responsible: responsible as string, dueOn: raw.dueOn as string, programmeId, notes };
}

export function checkClose(input: CloseInput, today: string): CloseInput & { note: string | null } {
  const issues: FieldIssue[] = [];
  const raw = (input ?? {}) as unknown as Record<string, unknown>;
  if (!(CLOSURE_REASONS as readonly unknown[]).includes(raw.reason))
    issues.push({ field: 'reason', message: `reason must be one of ${CLOSURE_REASONS.join(', ')}` });
  if (!isDay(raw.on)) issues.push({ field: 'on', message: 'on must be a date YYYY-MM-DD' });
  else if (raw.on > today) issues.push({ field: 'on', message: 'on must not be in the future' });
  const note = text(issues, 'note', raw.note, 1000);
  fail(issues);
  return { reason: raw.reason as CloseInput['reason'], on: raw.on as string, note };
}

/** The closure rule's refusal in words, with what it found (closure.ts). */
export function closureRefusalMessage(refusal: ClosureRefusal, params: Record<string, number>): string {
  switch (refusal) {
    case 'too-few-clear-visits':
      return `${params.required} consecutive follow-up visits on different days must find the child out of child labour; found ${params.clear}`;
    case 'no-support-provided':
      return 'at least one support action must have been provided before the case closes as no longer in child labour';
    case 'under-18':
      return `the child is ${params.age}, not 18 (C182 Art 2: a child is a person under 18)`;
    case 'age-unknown':
      return 'the child\u2019s age is unknown, so turning 18 cannot be confirmed';
    case 'too-few-attempts':
      return `${params.required} unsuccessful attempts to find the child are needed to close as lost to follow-up; found ${params.attempts}`;
    case 'note-required':
      return 'a note is required for this reason (where the child moved, or which case this one duplicates)';
    case 'not-reassessed':
      return 'the case\u2019s assessment says child labour: close as not_child_labour only when the verdict is permitted or other_law';
  }
}
