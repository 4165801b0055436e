/**
 * Byte-level field readers for the screener's hot path: no strings are made unless a field is bad
 * (then the message needs the text). Every reader takes `(bytes, start, end)` with surrounding
 * blanks already trimmed.
 */

import { daysInMonth } from '../domain/partial-date.ts';

export const MAX_HOURS = 24;
/** Oldest age screened (as the compliance service); an older birth date is reported as a bad row. */
export const MAX_AGE = 120;

/** Bytes → text, for messages only. */
export function text(b: Uint8Array, s: number, e: number): string {
  return Buffer.from(b.buffer, b.byteOffset + s, e - s).toString('utf8');
}

/** `YYYY-MM-DD` → `y * 10000 + m * 100 + d`, or −1 when not a real calendar date. */
export function parseDate(b: Uint8Array, s: number, e: number): number {
  if (e - s !== 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return -1;
  const y0 = b[s]! - 48;
  const y1 = b[s + 1]! - 48;
  const y2 = b[s + 2]! - 48;
  const y3 = b[s + 3]! - 48;
  const m0 = b[s + 5]! - 48;
  const m1 = b[s + 6]! - 48;
  const d0 = b[s + 8]! - 48;
  const d1 = b[s + 9]! - 48;
  // `d >>> 0 > 9` is true for a byte below '0' (negative) and above '9'
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9)
    return -1;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (y === 0 || m < 1 || m > 12 || d < 1 || (d > 28 && d > daysInMonth(y, m))) return -1;
  return y * 10000 + m * 100 + d;
}

/**
 * Completed years on the screening day (`onYear`, `onMonthDay` = MMDD) for a `YYYY-MM-DD` field, by
 * integer arithmetic (as `ageOn`: a 29 February birthday falls on 1 March in a common year, which
 * MMDD comparison gives by itself). −1 for a date that is not real, is after the screening day, or
 * gives an age over MAX_AGE.
 */
export function ageAt(b: Uint8Array, s: number, e: number, onYear: number, onMonthDay: number): number {
  const date = parseDate(b, s, e);
  if (date < 0) return -1;
  const y = (date / 10000) | 0;
  const md = date - y * 10000;
  if (y > onYear || (y === onYear && md > onMonthDay)) return -1;
  const age = onYear - y - (onMonthDay < md ? 1 : 0);
  return age > MAX_AGE ? -1 : age;
}

/** The same check for a JS string (the screening date option). */
export function parseIsoDate(s: string): number {
  return parseDate(Buffer.from(s, 'latin1'), 0, s.length);
}

/** Completed years from `birth` to `on` (both `y * 10000 + m * 100 + d`), integer arithmetic. */
export function completedYears(birth: number, on: number): number {
  const years = Math.floor(on / 10000) - Math.floor(birth / 10000);
  return on % 10000 < birth % 10000 ? years - 1 : years;
}

/** Hours-per-day key results besides a valid key (0 = empty, n ≥ 1 = n − 1 micro-hours, −1 = valid without key). */
export const HOURS_NOT_A_NUMBER = -2;
export const HOURS_NEGATIVE = -3;
export const HOURS_TOO_MANY = -4;

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

/**
 * Decimal hours (`8`, `7.5`, `.25`, `08.00`) → key. Empty → 0. A value with more than 6 decimals is
 * valid but has no exact key (−1): the caller then uses `Number(text)`.
 */
export function parseHoursKey(b: Uint8Array, s: number, e: number): number {
  if (s === e) return 0;
  // the usual forms first: "8", "10", "7.5"
  const d0 = b[s]! - 48;
  if (d0 >>> 0 <= 9) {
    if (e - s === 1) return d0 * 1e6 + 1;
    const d1 = b[s + 1]! - 48;
    if (e - s === 2 && d1 >>> 0 <= 9) {
      const v = d0 * 10 + d1;
      return v <= MAX_HOURS ? v * 1e6 + 1 : HOURS_TOO_MANY;
    }
    if (e - s === 3 && b[s + 1] === 46) {
      const d2 = b[s + 2]! - 48;
      if (d2 >>> 0 <= 9) return d0 * 1e6 + d2 * 1e5 + 1;
    }
  }
  let i = s;
  let neg = false;
  if (b[i] === 45) {
    neg = true;
    i++;
  } else if (b[i] === 43) i++;
  let int = 0;
  let digits = 0;
  while (i < e) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) break;
    if (int < 1e6) int = int * 10 + d;
    digits++;
    i++;
  }
  let frac = 0;
  let fracDigits = 0;
  let exact = true;
  if (i < e && b[i] === 46) {
    i++;
    while (i < e) {
      const d = b[i]! - 48;
      if (d < 0 || d > 9) break;
      if (fracDigits < 6) frac = frac * 10 + d;
      else if (d !== 0) exact = false;
      fracDigits++;
      i++;
    }
  }
  if (i !== e || digits + fracDigits === 0) return HOURS_NOT_A_NUMBER;
  const micro = int * 1e6 + frac * POW10[6 - Math.min(fracDigits, 6)]!;
  if (neg && (micro > 0 || !exact)) return HOURS_NEGATIVE;
  if (micro > MAX_HOURS * 1e6 || (micro === MAX_HOURS * 1e6 && !exact)) return HOURS_TOO_MANY;
  return exact ? micro + 1 : -1;
}

/** `1`/`0`, `true`/`false`, `yes`/`no` (any case); empty = no. → 1, 0, or −1 when not recognised. */
export function parseNight(b: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if (n === 0) return 0;
  if (n === 1) return b[s] === 49 ? 1 : b[s] === 48 ? 0 : -1;
  // lower-case ASCII letters by OR-ing 0x20 (only meaningful for letters; others fail the compare)
  const c0 = b[s]! | 32;
  if (n === 2) return c0 === 110 && (b[s + 1]! | 32) === 111 ? 0 : -1; // no
  if (n === 3) return c0 === 121 && (b[s + 1]! | 32) === 101 && (b[s + 2]! | 32) === 115 ? 1 : -1; // yes
  if (n === 4) return c0 === 116 && (b[s + 1]! | 32) === 114 && (b[s + 2]! | 32) === 117 && (b[s + 3]! | 32) === 101 ? 1 : -1; // true
  if (n === 5)
    return c0 === 102 && (b[s + 1]! | 32) === 97 && (b[s + 2]! | 32) === 108 && (b[s + 3]! | 32) === 115 && (b[s + 4]! | 32) === 101
      ? 0
      : -1; // false
  return -1;
}

/**
 * Sex values accepted in the `sex` column, by the code `parseSex` returns: 1 = female, 2 = male
 * (0 = empty: unknown). English words and letters, and the Indonesian words, in any case.
 */
export const SEX_SPELLINGS: readonly (readonly string[])[] = [[], ['female', 'f', 'perempuan'], ['male', 'm', 'laki-laki']];
/** The engine's value for each code of `parseSex` (unknown is passed as null, as the check does). */
export const SEX_VALUES = [null, 'female', 'male'] as const;
const SEX_MATCHER_WORDS = SEX_SPELLINGS.flatMap((spellings, code) => spellings.map((w) => [w, code] as const));

/** The `sex` field → 0 (empty: unknown), 1 (female), 2 (male), or −1 when not recognised. */
export function parseSex(b: Uint8Array, s: number, e: number): number {
  if (s === e) return 0;
  const k = SEX_MATCHER.match(b, s, e);
  return k < 0 ? -1 : SEX_MATCHER_WORDS[k]![1];
}

/**
 * Recognises work kinds from bytes, case-insensitively: a table by (length, first letter) gives the
 * one candidate, then the remaining bytes are compared.
 */
export class WorkMatcher {
  private readonly table = new Int16Array(64 * 32).fill(-1);
  private readonly bytes: Uint8Array[];
  private readonly multi = new Map<number, number[]>();

  constructor(readonly kinds: readonly string[]) {
    this.bytes = kinds.map((k) => Buffer.from(k.toLowerCase(), 'latin1'));
    this.bytes.forEach((k, i) => {
      if (k.length === 0 || k.length > 63) throw new Error(`unsupported work kind "${kinds[i]}"`);
      const slot = (k.length << 5) | (k[0]! & 31);
      if (this.table[slot] === -1) this.table[slot] = i;
      else {
        this.table[slot] = -2;
        this.multi.set(slot, [...(this.multi.get(slot) ?? []), ...this.candidatesAt(slot, i)]);
      }
    });
  }

  private candidatesAt(slot: number, i: number): number[] {
    const found = this.bytes.findIndex((k, j) => j < i && ((k.length << 5) | (k[0]! & 31)) === slot);
    return this.multi.has(slot) ? [i] : [found, i];
  }

  match(b: Uint8Array, s: number, e: number): number {
    const n = e - s;
    if (n <= 0 || n > 63) return -1;
    const c0 = b[s]!;
    const slot = (n << 5) | (c0 & 31);
    const k = this.table[slot]!;
    if (k >= 0) return this.equals(this.bytes[k]!, b, s, n) ? k : -1;
    if (k === -1) return -1;
    for (const j of this.multi.get(slot)!) if (this.equals(this.bytes[j]!, b, s, n)) return j;
    return -1;
  }

  private equals(k: Uint8Array, b: Uint8Array, s: number, n: number): boolean {
    for (let i = 0; i < n; i++) {
      let c = b[s + i]!;
      if (c !== k[i]) {
        // not the lower-case byte: an upper-case letter may still match
        if (c >= 65 && c <= 90) c |= 32;
        if (c !== k[i]) return false;
      }
    }
    return true;
  }
}

const SEX_MATCHER = new WorkMatcher(SEX_MATCHER_WORDS.map(([w]) => w));
