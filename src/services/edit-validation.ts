import type { FieldIssue } from '../domain/errors.ts';
import { invalid } from '../domain/errors.ts';
import { CONFIDENCES } from '../domain/facts.ts';
import { normaliseInstrumentCode } from '../domain/instrument.ts';
import { impossibleDayReason, isPartialDate } from '../domain/partial-date.ts';
import { RATIFICATION_STATUSES } from '../domain/ratification.ts';
import type { Citation, RatificationInput } from './edit-service.ts';

/**
 * The form of an edit's fields, checked before anything is read or written. Shared by the
 * single-record path and the import, which checks every row before it writes any.
 */
export const MAX_SOURCE_LENGTH = 500;
export const MAX_REASON_LENGTH = 2000;
export const MAX_TEXT_LENGTH = 500;

export function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  return v === '' ? null : v;
}

export function checkCitation(input: Citation, issues: FieldIssue[]): void {
  const source = clean(input.source);
  if (!source) issues.push({ field: 'source', message: 'cite the source of this change (an act, a NORMLEX page, an ILO document)' });
  else if (source.length > MAX_SOURCE_LENGTH)
    issues.push({ field: 'source', message: `the source must be at most ${MAX_SOURCE_LENGTH} characters` });
  if ((input.reason ?? '').length > MAX_REASON_LENGTH)
    issues.push({ field: 'reason', message: `the reason must be at most ${MAX_REASON_LENGTH} characters` });
}

export function fail(issues: FieldIssue[]): never {
  throw invalid(issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
}

export function ageField(value: number | null | undefined, field: string, issues: FieldIssue[]): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < 10 || value > 21)
    issues.push({ field, message: 'must be a whole number of years from 10 to 21' });
}

/** Says why a well-shaped day is not one ("February 2023 has 28 days"), else the field's usual message. */
export function notADate(value: string, usual: string): string {
  const reason = impossibleDayReason(value);
  return reason ? `${value} is not a date: ${reason}` : usual;
}

export interface CheckedRatificationInput {
  country: string;
  instrument: string;
  /** The registration date as given, trimmed; null when cleared or not given. */
  date: string | null;
  issues: FieldIssue[];
}

const TEXT_FIELDS = ['legalAct', 'nationalTitle'] as const;

export function validateRatificationInput(input: RatificationInput): CheckedRatificationInput {
  const country = (input.country ?? '').trim().toUpperCase();
  const instrument = normaliseInstrumentCode(input.instrument ?? '') ?? '';
  const issues: FieldIssue[] = [];
  checkCitation(input, issues);
  const date = clean(input.registrationDate);
  if (date && !isPartialDate(date))
    issues.push({ field: 'registrationDate', message: notADate(date, 'must be a date YYYY-MM-DD, or YYYY when only the year is known') });
  if (input.status && !RATIFICATION_STATUSES.includes(input.status))
    issues.push({ field: 'status', message: `must be one of ${RATIFICATION_STATUSES.join(', ')}` });
  if (input.confidence && !CONFIDENCES.includes(input.confidence))
    issues.push({ field: 'confidence', message: 'must be high, medium or low' });
  for (const f of TEXT_FIELDS)
    if ((input[f] ?? '').length > MAX_TEXT_LENGTH) issues.push({ field: f, message: `must be at most ${MAX_TEXT_LENGTH} characters` });
  const age = input.minimumAge;
  if (age) {
    if (instrument !== 'C138') issues.push({ field: 'minimumAge', message: 'a minimum age is declared only under C138 (Art 2(1))' });
    // C138 Art 2(1) and 2(2): the age specified is 14 (Art 2(4)), 15 or 16 (a raised age may be higher).
    if (!Number.isInteger(age.value) || age.value < 14 || age.value > 18)
      issues.push({ field: 'minimumAge', message: 'must be 14, 15 or 16 (or a higher age notified under Art 2(2))' });
    if (age.article && age.article !== 'C138 Art 2(1)' && age.article !== 'C138 Art 2(2)')
      issues.push({ field: 'minimumAge.article', message: 'must be C138 Art 2(1) or C138 Art 2(2)' });
    const declared = clean(age.date);
    if (declared && !isPartialDate(declared))
      issues.push({ field: 'minimumAge.date', message: notADate(declared, 'must be a date YYYY-MM-DD or YYYY') });
  }
  const remove = input.removeMinimumAge ?? null;
  if (remove !== null) {
    if (remove !== 'C138 Art 2(1)' && remove !== 'C138 Art 2(2)')
      issues.push({ field: 'removeMinimumAge', message: 'must be C138 Art 2(1) or C138 Art 2(2)' });
    else if (instrument !== 'C138') issues.push({ field: 'removeMinimumAge', message: 'a minimum age is declared only under C138' });
    else if (age && (age.article ?? 'C138 Art 2(1)') === remove)
      issues.push({ field: 'removeMinimumAge', message: 'cannot record and remove the same declaration in one change' });
  }
  if (!instrument) issues.push({ field: 'instrument', message: 'must be a Convention or Protocol code such as C138' });
  else if (instrument.startsWith('R')) issues.push({ field: 'instrument', message: 'Recommendations are not ratified' });
  return { country, instrument, date, issues };
}
