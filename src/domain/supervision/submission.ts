/**
 * Submission of adopted instruments to the competent national authorities (ILO Constitution
 * Art 19(5)(b) for Conventions, Art 19(6)(b) for Recommendations): within one year of the closing of
 * the Conference session, or, where exceptional circumstances make that impossible, as soon as
 * practicable and no later than 18 months after the closing; the Director-General is then informed
 * (Art 19(5)(c), 19(6)(c)). Pure: the reference date is passed in (decisions 120 and 121).
 */
import type { Provenance } from '../facts.ts';
import type { InstrumentType } from '../instrument.ts';
import { addMonths, dayRange, isCertainlyBefore } from '../partial-date.ts';

/** Art 19(5)(b) and 19(6)(b): "within the period of one year at most from the closing of the session". */
export const SUBMISSION_MONTHS = 12;
/** Art 19(5)(b) and 19(6)(b): in exceptional circumstances, "in no case later than 18 months" after the closing. */
export const SUBMISSION_LATEST_MONTHS = 18;

export const SUBMISSION_STATUSES = ['not_tracked', 'not_owed', 'not_yet_due', 'due', 'overdue', 'submitted', 'unknown'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** Why a status is what it is, when the dates alone do not say it. */
export const SUBMISSION_REASONS = [
  'session_not_tracked',
  'joined_after_session',
  'membership_date_unknown',
  'closing_date_unknown',
  'session_not_closed',
  'deadline_unknown',
  'exceptional_circumstances',
] as const;
export type SubmissionReason = (typeof SUBMISSION_REASONS)[number];

/** What a State recorded for one instrument: the date it was submitted, to which authority, on what source. */
export interface SubmissionRecord extends Provenance {
  country: string;
  instrument: string;
  session: number;
  /** 'YYYY-MM-DD' (or a partial date); null while not yet submitted (e.g. only exceptional circumstances recorded). */
  submittedDate: string | null;
  /** The competent authority the instrument was brought before (e.g. the national parliament). */
  authority: string | null;
  /** The State invoked exceptional circumstances: the 18-month limit applies instead of 12 months. */
  exceptionalCircumstances: boolean;
  /** An official reference or link (the communication to the Director-General, a parliamentary record). */
  reference: string | null;
}

/** A Conference session the secretariat opened for tracking, with the source of that decision. */
export interface TrackedSession {
  session: number;
  source: string;
  notes: string | null;
}

export interface SubmissionSession {
  number: number;
  /** 'YYYY-MM-DD' (or partial); null when the sources do not give it. */
  closingDate: string | null;
  tracked: boolean;
}

export interface AdoptedInstrument {
  code: string;
  type: InstrumentType;
}

export interface SubmissionState {
  iso3: string;
  membershipDate: string | null;
}

export interface SubmissionObligation {
  country: string;
  instrument: string;
  session: number;
  closingDate: string | null;
  /** Closing + 12 months (Art 19(5)(b)/19(6)(b)); null when the closing date is unknown. */
  dueDate: string | null;
  /** Closing + 18 months, the limit in exceptional circumstances; null when unknown. */
  latestDate: string | null;
  /** The date that decides "overdue": the due date, or the latest date when exceptional circumstances are recorded. */
  deadline: string | null;
  status: SubmissionStatus;
  reason: SubmissionReason | null;
  /** The article the obligation rests on, e.g. 'Constitution Art 19(5)(b)'. */
  legalBasis: string;
  /** The article requiring the Director-General to be informed. */
  reportingBasis: string;
  /** Submitted after its deadline; null when not submitted or not comparable. */
  late: boolean | null;
  record: SubmissionRecord | null;
}

/**
 * Conventions: Art 19(5)(b). A Protocol partially revises a Convention, is adopted by the same
 * procedure and is ratified like one, so it follows the Convention rule (decision 121).
 * Recommendations: Art 19(6)(b).
 */
export function legalBasisOf(type: InstrumentType): { legalBasis: string; reportingBasis: string } {
  return type === 'recommendation'
    ? { legalBasis: 'Constitution Art 19(6)(b)', reportingBasis: 'Constitution Art 19(6)(c)' }
    : { legalBasis: 'Constitution Art 19(5)(b)', reportingBasis: 'Constitution Art 19(5)(c)' };
}

export function submissionDates(closingDate: string | null): { dueDate: string | null; latestDate: string | null } {
  if (!closingDate) return { dueDate: null, latestDate: null };
  return { dueDate: addMonths(closingDate, SUBMISSION_MONTHS), latestDate: addMonths(closingDate, SUBMISSION_LATEST_MONTHS) };
}

/** True when every day `a` can stand for is on or before every day `b` can; false when not or unsure. */
function certainlyOnOrBefore(a: string, b: string): boolean {
  const x = dayRange(a);
  const y = dayRange(b);
  return x !== null && y !== null && x.last <= y.first;
}

/**
 * Whether the State was a Member when the session closed: the obligation of Art 19(5)(b)/19(6)(b)
 * falls on "each of the Members" and runs from the closing, so a State admitted afterwards owes
 * nothing for that session (decision 121). Null when the dates cannot tell.
 */
export function memberAtClosing(membershipDate: string | null, closingDate: string | null): boolean | null {
  if (!membershipDate || !closingDate) return null;
  if (certainlyOnOrBefore(membershipDate, closingDate)) return true;
  if (isCertainlyBefore(closingDate, membershipDate)) return false;
  return null;
}

function lateness(submitted: string, deadline: string | null): boolean | null {
  if (!deadline) return null;
  if (isCertainlyBefore(deadline, submitted)) return true;
  return certainlyOnOrBefore(submitted, deadline) ? false : null;
}

/** The status of one State's obligation for one instrument on `today` (YYYY-MM-DD). */
export function submissionObligation(
  session: SubmissionSession,
  instrument: AdoptedInstrument,
  state: SubmissionState,
  record: SubmissionRecord | null,
  today: string,
): SubmissionObligation {
  const { dueDate, latestDate } = submissionDates(session.closingDate);
  const exceptional = record?.exceptionalCircumstances === true;
  const deadline = exceptional ? latestDate : dueDate;
  const base = {
    country: state.iso3,
    instrument: instrument.code,
    session: session.number,
    closingDate: session.closingDate,
    dueDate,
    latestDate,
    deadline,
    ...legalBasisOf(instrument.type),
    record,
  };
  const result = (status: SubmissionStatus, reason: SubmissionReason | null = null, late: boolean | null = null): SubmissionObligation => ({
    ...base,
    status,
    reason,
    late,
  });
  // A recorded submission is a sourced fact: shown whether or not the session is tracked.
  if (record?.submittedDate) {
    return result('submitted', exceptional ? 'exceptional_circumstances' : null, lateness(record.submittedDate, deadline));
  }
  const member = memberAtClosing(state.membershipDate, session.closingDate);
  if (member === false) return result('not_owed', 'joined_after_session');
  // Tracking starts only where the secretariat opened it: no registry holds the submissions of past
  // sessions, so an untracked session is never reported overdue (decision 120).
  if (!session.tracked) return result('not_tracked', 'session_not_tracked');
  if (!session.closingDate) return result('unknown', 'closing_date_unknown');
  if (member === null) return result('unknown', 'membership_date_unknown');
  if (isCertainlyBefore(today, session.closingDate)) return result('not_yet_due', 'session_not_closed');
  if (!certainlyOnOrBefore(session.closingDate, today)) return result('unknown', 'closing_date_unknown');
  if (!deadline) return result('unknown', 'deadline_unknown');
  if (isCertainlyBefore(deadline, today)) return result('overdue', exceptional ? 'exceptional_circumstances' : null);
  return result('due', exceptional ? 'exceptional_circumstances' : null);
}

/** Every State × every instrument the session adopted, in State then instrument order. */
export function submissionObligations(input: {
  session: SubmissionSession;
  instruments: readonly AdoptedInstrument[];
  states: readonly SubmissionState[];
  records: readonly SubmissionRecord[];
  today: string;
}): SubmissionObligation[] {
  const byKey = new Map(input.records.map((r) => [`${r.country}/${r.instrument}`, r]));
  const out: SubmissionObligation[] = [];
  for (const state of input.states) {
    for (const instrument of input.instruments) {
      out.push(submissionObligation(input.session, instrument, state, byKey.get(`${state.iso3}/${instrument.code}`) ?? null, input.today));
    }
  }
  return out;
}

/** Overdue obligations counted per key (a State's ISO3, or its region). */
export function countOverdue<T extends { status: SubmissionStatus }>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (item.status !== 'overdue') continue;
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
