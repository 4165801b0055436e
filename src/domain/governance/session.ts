import type { FieldIssue } from '../errors.ts';
import type { IlcSession } from '../ilc-session.ts';
import { isPartialDate, parsePartialDate } from '../partial-date.ts';

/**
 * A session of the International Labour Conference as the secretariat edits it: the registry's
 * session facts (dates and place, unknown when the sources lack them) with its agenda. The
 * instruments it adopted are not stored here: they are the instruments whose `ilcSession` is this
 * session (one fact, one place).
 */

export const MAX_AGENDA_ITEMS = 50;
export const MAX_AGENDA_TEXT = 500;
export const MAX_PLACE_LENGTH = 200;

export interface AgendaItem {
  /** 1-based position on the agenda. */
  position: number;
  text: string;
  /** The instrument the item concerns (e.g. C190), when it is a standard-setting item. */
  instrument: string | null;
}

export interface ConferenceSession extends IlcSession {
  agenda: AgendaItem[];
}

const CODE = /^(C|P|R)\d{3}$/;

/** Checks a session as it would be stored (dates as 'YYYY' or 'YYYY-MM-DD', or null for unknown). */
export function checkSession(
  s: Pick<ConferenceSession, 'number' | 'year' | 'openingDate' | 'closingDate' | 'place' | 'agenda'>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(s.number) || s.number < 1 || s.number > 999)
    issues.push({ field: 'number', message: 'the session number is a whole number from 1 to 999' });
  if (s.year !== null && (!Number.isInteger(s.year) || s.year < 1919 || s.year > 2200))
    issues.push({ field: 'year', message: 'the year is from 1919 (the first session) on' });
  for (const name of ['openingDate', 'closingDate'] as const) {
    const value = s[name];
    if (value !== null && !isPartialDate(value))
      issues.push({ field: name, message: `${name} must be a date YYYY-MM-DD (or YYYY), or empty when unknown` });
  }
  const opening = parsePartialDate(s.openingDate);
  const closing = parsePartialDate(s.closingDate);
  if (opening?.precision === 'day' && closing?.precision === 'day' && (s.closingDate ?? '') < (s.openingDate ?? ''))
    issues.push({ field: 'closingDate', message: `the session cannot close (${s.closingDate}) before it opens (${s.openingDate})` });
  if (s.year !== null && opening && opening.year !== s.year)
    issues.push({ field: 'openingDate', message: `the session of ${s.year} cannot open in ${opening.year}` });
  if (s.place !== null && (!s.place.trim() || s.place.length > MAX_PLACE_LENGTH))
    issues.push({ field: 'place', message: `the place must be 1 to ${MAX_PLACE_LENGTH} characters, or empty when unknown` });
  if (s.agenda.length > MAX_AGENDA_ITEMS) issues.push({ field: 'agenda', message: `an agenda has at most ${MAX_AGENDA_ITEMS} items` });
  s.agenda.forEach((item, i) => {
    if (!item.text.trim() || item.text.length > MAX_AGENDA_TEXT)
      issues.push({ field: `agenda[${i}].text`, message: `each agenda item is 1 to ${MAX_AGENDA_TEXT} characters` });
    if (item.instrument !== null && !CODE.test(item.instrument))
      issues.push({ field: `agenda[${i}].instrument`, message: 'an instrument code looks like C190, P029 or R206' });
  });
  return issues;
}
