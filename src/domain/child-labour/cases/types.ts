import type { Reason, Verdict } from '../types.ts';

/** An ISO day 'YYYY-MM-DD'. The case rules never read a clock: the reference day is passed in. */
export type IsoDay = string;

/** One follow-up (or monitoring) visit, in person. `inChildLabour` is what the monitor found. */
export interface Visit {
  date: IsoDay;
  inChildLabour: boolean;
  atSchool?: boolean | null;
}

/** A support action of the plan; `providedOn` is set once it was delivered. */
export interface SupportAction {
  kind: string;
  dueDate: IsoDay;
  providedOn: IsoDay | null;
}

/** What the case carries from the screening verdict (see ../verdict.ts and the engine's Reason). */
export interface CaseAssessment {
  verdict: Verdict;
  age: number | null;
  night: boolean;
  /** At school at identification; null when unknown. */
  inSchool: boolean | null;
  reasons: readonly Pick<Reason, 'rule' | 'citation' | 'verdict'>[];
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid ISO day; null otherwise (an invalid date is never guessed). */
export function dayNumber(day: IsoDay): number | null {
  const m = ISO_DAY.exec(day);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return Math.round(ms / DAY_MS);
}

export function requireDay(day: IsoDay, field: string): number {
  const n = dayNumber(day);
  if (n === null) throw new RangeError(`${field}: not a valid ISO day (YYYY-MM-DD)`);
  return n;
}

export function addDays(day: IsoDay, days: number): IsoDay {
  return new Date((requireDay(day, 'day') + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The same calendar day `months` earlier; the last day of the month when that day does not exist. */
export function monthsBefore(day: IsoDay, months: number): IsoDay {
  requireDay(day, 'day');
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Visits ordered by day (stable for the same day, in the order recorded). */
export function byDate(visits: readonly Visit[]): Visit[] {
  return visits
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (a.v.date < b.v.date ? -1 : a.v.date > b.v.date ? 1 : a.i - b.i))
    .map((x) => x.v);
}
