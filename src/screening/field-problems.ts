/**
 * Messages for bad field values (the slow path: only for a row already known to be bad). Each names
 * its field first, so the CSV's `citations` cell and the summary's errors say where the problem is.
 * The country and work checks need the screener's tables and stay in screen.ts.
 */
import {
  completedYears,
  HOURS_NEGATIVE,
  HOURS_NOT_A_NUMBER,
  HOURS_TOO_MANY,
  MAX_AGE,
  parseDate,
  parseHoursKey,
  parseNight,
  parseSex,
  SEX_SPELLINGS,
  text,
} from './fields.ts';

/** The field's trimmed value, quoted and cut at 80 characters, for a message. */
export function shownValue(b: Uint8Array, s: number, e: number): string {
  const t = text(b, s, Math.min(e, s + 80));
  return JSON.stringify(e - s > 80 ? `${t}…` : t);
}

/**
 * What is wrong with a birth date, hours, night or sex value (`b[s, e)`, trimmed), or null when it is
 * fine. `onDate` is the screening date as `y * 10000 + m * 100 + d`, `on` the same as text.
 */
export function valueProblem(field: string, b: Uint8Array, s: number, e: number, onDate: number, on: string): string | null {
  const shown = () => shownValue(b, s, e);
  switch (field) {
    case 'birth_date': {
      if (s === e) return 'birth_date: missing (a date YYYY-MM-DD is required)';
      const d = parseDate(b, s, e);
      if (d < 0) return `birth_date: ${shown()} is not a valid date (YYYY-MM-DD)`;
      if (d > onDate) return `birth_date: ${shown()} is after the screening date ${on}`;
      const age = completedYears(d, onDate);
      return age > MAX_AGE ? `birth_date: ${shown()} gives an age of ${age} on ${on}, over ${MAX_AGE}` : null;
    }
    case 'hours_per_day': {
      const k = parseHoursKey(b, s, e);
      if (k === HOURS_NOT_A_NUMBER) return `hours_per_day: ${shown()} is not a number (hours per day from 0 to 24, e.g. 4 or 7.5)`;
      if (k === HOURS_NEGATIVE) return `hours_per_day: ${shown()} is negative (hours per day from 0 to 24)`;
      if (k === HOURS_TOO_MANY) return `hours_per_day: ${shown()} is more than 24 hours a day`;
      return null;
    }
    case 'night':
      return parseNight(b, s, e) < 0 ? `night: ${shown()} is not a yes/no value (use 1/0, true/false or yes/no; empty means no)` : null;
    case 'sex':
      return parseSex(b, s, e) < 0
        ? `sex: ${shown()} is not a recognised value (use ${SEX_SPELLINGS[1]!.join('/')} or ${SEX_SPELLINGS[2]!.join('/')}, any case; empty means unknown)`
        : null;
  }
  return null;
}
