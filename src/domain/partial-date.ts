/**
 * Dates in the sources are often known only to the year. A PartialDate keeps exactly what is
 * known: 'YYYY' or 'YYYY-MM-DD'; null means not recorded.
 */
export type DatePrecision = 'day' | 'month' | 'year';

export interface PartialDateParts {
  year: number;
  month: number | null;
  day: number | null;
  precision: DatePrecision;
}

/** `count` ASCII digits from `at`, as a number; -1 when one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Reads 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (ASCII digits, a real month and day) without building
 * anything: year × 10,000 + month × 100 + day, month and day 0 when not given; -1 when unreadable.
 * Imports check every date of every row two or three times, so this stays allocation-free.
 */
function scanPartialDate(text: string): number {
  const length = text.length;
  if (length !== 4 && length !== 7 && length !== 10) return -1;
  const year = digitsAt(text, 0, 4);
  if (year < 0) return -1;
  if (length === 4) return year * 10_000;
  if (text.charCodeAt(4) !== 45 /* - */) return -1;
  const month = digitsAt(text, 5, 2);
  if (month < 1 || month > 12) return -1;
  if (length === 7) return year * 10_000 + month * 100;
  if (text.charCodeAt(7) !== 45 /* - */) return -1;
  const day = digitsAt(text, 8, 2);
  if (day < 1 || day > daysInMonth(year, month)) return -1;
  return year * 10_000 + month * 100 + day;
}

export function parsePartialDate(value: string | null | undefined): PartialDateParts | null {
  if (!value) return null;
  const text = value.trim();
  const scanned = scanPartialDate(text);
  if (scanned < 0) return null;
  const year = Math.floor(scanned / 10_000);
  const month = text.length >= 7 ? Math.floor(scanned / 100) % 100 : null;
  const day = text.length === 10 ? scanned % 100 : null;
  return { year, month, day, precision: day !== null ? 'day' : month !== null ? 'month' : 'year' };
}

export function isPartialDate(value: string): boolean {
  return value ? scanPartialDate(value.trim()) >= 0 : false;
}

export function isIsoDay(value: string): boolean {
  return parsePartialDate(value)?.precision === 'day';
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Integer arithmetic only: the screener calls this for every birth date it reads. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatPartialDate(parts: PartialDateParts): string {
  if (parts.precision === 'year' || parts.month === null) return pad(parts.year, 4);
  if (parts.precision === 'month' || parts.day === null) return `${pad(parts.year, 4)}-${pad(parts.month)}`;
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

/**
 * Adds whole months, keeping the precision. A day that does not exist in the target month is
 * clamped to its last day (29 Feb + 12 months → 28 Feb), the reading used for treaty anniversaries.
 * For a year-only date, adding 12 months gives the next year exactly: any day of year Y plus
 * twelve months falls in Y+1. Other month counts on a year-only date cannot be placed in one year.
 */
export function addMonths(value: string, months: number): string | null {
  const p = parsePartialDate(value);
  if (!p) return null;
  if (p.precision === 'year') {
    if (months % 12 !== 0) return null;
    return pad(p.year + months / 12, 4);
  }
  const total = p.year * 12 + ((p.month ?? 1) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  if (p.precision === 'month') return `${pad(year, 4)}-${pad(month)}`;
  const day = Math.min(p.day ?? 1, daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Compares two partial dates only when the answer is certain; null when precision hides it. */
export function isOnOrBefore(value: string, asOf: string): boolean | null {
  const a = parsePartialDate(value);
  const b = parsePartialDate(asOf);
  if (!a || !b) return null;
  if (a.precision === 'day' && b.precision === 'day') return value <= asOf;
  if (a.year !== b.year) return a.year < b.year;
  return null;
}

/** The first and last day a partial date can stand for: '1999' spans 1999-01-01 to 1999-12-31. */
export function dayRange(value: string): { first: string; last: string } | null {
  const p = parsePartialDate(value);
  if (!p) return null;
  const y = pad(p.year, 4);
  if (p.precision === 'day') {
    const day = `${y}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
    return { first: day, last: day };
  }
  if (p.precision === 'month') {
    const month = p.month ?? 1;
    return { first: `${y}-${pad(month)}-01`, last: `${y}-${pad(month)}-${pad(daysInMonth(p.year, month))}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

/**
 * True only when every day `value` can stand for is before every day `other` can: a year-only 1999
 * is not "before" 1999-06-17, since it may be a later day of that year. False when unsure or unreadable.
 */
export function isCertainlyBefore(value: string, other: string): boolean {
  const a = knownDayRange(value);
  const b = knownDayRange(other);
  return a !== null && b !== null && a.last < b.first;
}

/**
 * `dayRange`, remembered: the fact rules compare the same few thousand dates (today, adoptions,
 * memberships, registrations) for every row of an import. Pure, so a remembered answer is the answer;
 * the memory is emptied when it holds too many dates.
 */
const RANGES = new Map<string, Readonly<{ first: string; last: string }> | null>();
const MAX_RANGES = 10_000;

function knownDayRange(value: string): Readonly<{ first: string; last: string }> | null {
  let range = RANGES.get(value);
  if (range === undefined) {
    if (RANGES.size >= MAX_RANGES) RANGES.clear();
    range = dayRange(value);
    RANGES.set(value, range);
  }
  return range;
}

/**
 * Why a text is not a calendar day, in words ("February 2023 has 28 days"), or null when it is one.
 * Only for text shaped YYYY-MM-DD; other shapes get the caller's own message.
 */
export function impossibleDayReason(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return `there is no month ${m[2]}`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `${MONTH_NAMES[month - 1]} ${m[1]} has ${days} days`;
  return null;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
