import { isLeapYear, parsePartialDate } from '../partial-date.ts';

/**
 * Age in completed years on `on`, both ISO days 'YYYY-MM-DD'. Null for an invalid date, a date not
 * given to the day, or a birth after `on`: an age we cannot state is never guessed.
 *
 * Someone born on 29 February reaches a new year of age on 1 March in a common year. The
 * anniversary day does not exist then, and counting it as 28 February would credit the year one
 * day before it has fully run; for rules that protect children the later day is the safe reading
 * (it is also the common-law one, e.g. in England and Wales).
 */
export function ageOn(birthDate: string, on: string): number | null {
  const b = parsePartialDate(birthDate);
  const d = parsePartialDate(on);
  if (!b || !d || b.precision !== 'day' || d.precision !== 'day') return null;
  // Both are day precision, so month and day are set; compare as numbers MMDD.
  const birthMonthDay = b.month! * 100 + b.day!;
  const onMonthDay = d.month! * 100 + d.day!;
  if (d.year < b.year || (d.year === b.year && onMonthDay < birthMonthDay)) return null;
  let anniversary = birthMonthDay;
  if (anniversary === 229 && !isLeapYear(d.year)) anniversary = 301;
  return d.year - b.year - (onMonthDay < anniversary ? 1 : 0);
}
