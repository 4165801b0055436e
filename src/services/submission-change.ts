import type { Actor } from '../domain/access/policy.ts';
import { DomainError, type FieldIssue, notFound } from '../domain/errors.ts';
import { CONFIDENCES, type Confidence } from '../domain/facts.ts';
import { normaliseInstrumentCode } from '../domain/instrument.ts';
import { isCertainlyBefore, isPartialDate } from '../domain/partial-date.ts';
import { memberAtClosing, type SubmissionRecord, type TrackedSession } from '../domain/supervision/submission.ts';
import { refuseNul } from '../domain/text.ts';
import { checkCitation, clean, fail, MAX_TEXT_LENGTH, notADate } from './edit-validation.ts';
import type { HistoryRepository } from './history-ports.ts';
import { authoriseWrite } from './ratification-change.ts';
import { type ChangeResult, type Citation, recordChange } from './record-change.ts';
import { SUBMISSIONS_TX } from './submission-ports.ts';

export interface SubmissionInput extends Citation {
  country: string;
  instrument: string;
  /** YYYY-MM-DD (or YYYY-MM / YYYY when only that is known); null: not submitted yet. */
  submittedDate?: string | null;
  authority?: string | null;
  /** The State invoked exceptional circumstances (Art 19(5)(b)): 18 months instead of 12. */
  exceptionalCircumstances?: boolean;
  reference?: string | null;
  confidence?: Confidence | null;
  notes?: string | null;
}

export interface TrackingInput extends Citation {
  session: number;
  /** true (the default) opens the session for tracking; false closes it. */
  tracked?: boolean;
  notes?: string | null;
}

const longText = (value: string | null | undefined, field: string, issues: FieldIssue[]) => {
  if ((value ?? '').length > MAX_TEXT_LENGTH) issues.push({ field, message: `${field} must be at most ${MAX_TEXT_LENGTH} characters` });
};

/** The form of a submission record, checked before anything is read. */
function checkSubmission(input: SubmissionInput, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  checkCitation(input, issues);
  if (!normaliseInstrumentCode(input.instrument ?? ''))
    issues.push({ field: 'instrument', message: 'instrument must be an instrument code such as C190 or R206' });
  const date = clean(input.submittedDate);
  if (date && !isPartialDate(date))
    issues.push({
      field: 'submittedDate',
      message: notADate(date, 'submittedDate must be a date YYYY-MM-DD (or YYYY when only the year is known)'),
    });
  else if (date && isCertainlyBefore(today, date))
    issues.push({ field: 'submittedDate', message: `submittedDate ${date} is in the future (today is ${today})` });
  if (input.exceptionalCircumstances !== undefined && typeof input.exceptionalCircumstances !== 'boolean')
    issues.push({ field: 'exceptionalCircumstances', message: 'exceptionalCircumstances must be true or false' });
  if (input.confidence && !CONFIDENCES.includes(input.confidence))
    issues.push({ field: 'confidence', message: 'confidence must be high, medium or low' });
  longText(input.authority, 'authority', issues);
  longText(input.reference, 'reference', issues);
  longText(input.notes, 'notes', issues);
  return issues;
}

/** Records (or corrects) what a State did with one adopted instrument, as one event in the history. */
export async function saveSubmission(
  store: HistoryRepository,
  actor: Actor | null,
  input: SubmissionInput,
  now: Date,
): Promise<ChangeResult<SubmissionRecord>> {
  refuseNul(input);
  const country = (input.country ?? '').trim().toUpperCase();
  authoriseWrite(actor, { kind: 'country_record', country });
  const today = now.toISOString().slice(0, 10);
  const issues = checkSubmission(input, today);
  if (issues.length) fail(issues);
  const code = normaliseInstrumentCode(input.instrument) as string;
  return store.transaction(async (tx) => {
    const member = await tx.getCountry(country);
    if (!member) throw notFound(`No ILO member State with code "${country}".`);
    const instrument = await tx.getInstrument(code);
    if (!instrument) throw notFound(`No instrument with code "${code}".`);
    if (instrument.ilcSession === null)
      fail([{ field: 'instrument', message: `the registry does not record which Conference session adopted ${code}` }]);
    const port = tx.port(SUBMISSIONS_TX);
    const session = instrument.ilcSession;
    if (!(await port.getTracking(session)))
      throw new DomainError(
        'conflict',
        `Session ${session} of the Conference is not open for submission tracking; the secretariat opens it first.`,
      );
    const closing = (await port.getSession(session))?.closingDate ?? null;
    if (memberAtClosing(member.membershipDate, closing) === false)
      throw new DomainError('conflict', `${country} joined the ILO after session ${session} closed: it owes no submission of ${code}.`);
    const before = await port.getRecord(country, code);
    const keep = <K extends keyof SubmissionRecord>(key: K, given: SubmissionRecord[K] | undefined): SubmissionRecord[K] =>
      given === undefined ? ((before?.[key] ?? null) as SubmissionRecord[K]) : given;
    const after: SubmissionRecord = {
      country,
      instrument: code,
      session,
      submittedDate: keep('submittedDate', input.submittedDate === undefined ? undefined : clean(input.submittedDate)),
      authority: keep('authority', input.authority === undefined ? undefined : clean(input.authority)),
      exceptionalCircumstances: input.exceptionalCircumstances ?? before?.exceptionalCircumstances ?? false,
      reference: keep('reference', input.reference === undefined ? undefined : clean(input.reference)),
      source: clean(input.source),
      confidence: keep('confidence', input.confidence),
      notes: keep('notes', input.notes === undefined ? undefined : clean(input.notes)),
    };
    const refused: FieldIssue[] = [];
    if (!after.submittedDate && !after.exceptionalCircumstances)
      refused.push({ field: 'submittedDate', message: 'give the date of submission, or record exceptional circumstances' });
    if (after.submittedDate && closing && isCertainlyBefore(after.submittedDate, closing))
      refused.push({
        field: 'submittedDate',
        message: `submittedDate ${after.submittedDate} is before session ${session} closed (${closing}): an instrument is submitted after its adoption`,
      });
    if (refused.length) fail(refused);
    // The same facts sent again change nothing: the source alone is no change.
    const unchanged = before !== null && JSON.stringify({ ...before, source: null }) === JSON.stringify({ ...after, source: null });
    return recordChange(tx, actor, now, {
      recordType: 'submission',
      recordKey: `${country}/${code}`,
      country,
      action: before ? 'update' : 'create',
      before,
      after: unchanged ? before : after,
      citation: input,
      apply: () => port.putRecord(after),
    });
  });
}

/** Opens (or closes) a Conference session for submission tracking: the secretariat, with a source. */
export async function setTracking(
  store: HistoryRepository,
  actor: Actor | null,
  input: TrackingInput,
  now: Date,
): Promise<ChangeResult<TrackedSession>> {
  refuseNul(input);
  authoriseWrite(actor, { kind: 'secretariat_record' });
  const issues: FieldIssue[] = [];
  checkCitation(input, issues);
  if (!Number.isInteger(input.session) || input.session < 1 || input.session > 999)
    issues.push({ field: 'session', message: 'session must be a Conference session number from 1 to 999' });
  longText(input.notes, 'notes', issues);
  if (issues.length) fail(issues);
  return store.transaction(async (tx) => {
    const port = tx.port(SUBMISSIONS_TX);
    if (!(await port.getSession(input.session))) throw notFound(`The registry holds no session ${input.session} of the Conference.`);
    const before = await port.getTracking(input.session);
    const after: TrackedSession | null =
      input.tracked === false ? null : { session: input.session, source: clean(input.source) as string, notes: clean(input.notes ?? null) };
    return recordChange(tx, actor, now, {
      recordType: 'submission_tracking',
      recordKey: String(input.session),
      country: null,
      action: before ? 'update' : 'create',
      before,
      after,
      citation: input,
      apply: async () => {
        if (after) await port.putTracking(after);
        else await port.deleteTracking(input.session);
      },
    });
  });
}
