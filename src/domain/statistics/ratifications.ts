/**
 * Ratifications of one instrument counted by year of registration and by ILO region. The year is
 * the registration date's year (Constitution Art 19(5)(d): a ratification is communicated to the
 * Director-General for registration); a ratification without a recorded date is counted as
 * "year unknown", never given a guessed year. The region is the member State's record; a State
 * without one is counted as "region unknown".
 */
import type { IloRegion } from '../country.ts';
import { ILO_REGIONS } from '../country.ts';

export const RATIFICATION_GROUPINGS = ['year', 'region'] as const;
export type RatificationGrouping = (typeof RATIFICATION_GROUPINGS)[number];

/** The facts one ratification contributes. */
export interface RatificationFact {
  country: string;
  registrationDate: string | null;
}

export interface YearCount {
  /** null: the registration date is not recorded. */
  year: number | null;
  count: number;
  /** Ratifications registered in this year or earlier (null for the unknown-year row). */
  cumulative: number | null;
}

export interface RegionCount {
  /** null: the State's region is not recorded. */
  region: IloRegion | null;
  count: number;
}

function yearOf(date: string | null): number | null {
  const m = /^(\d{4})/.exec(date ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * Counts by registration year, oldest first, with a running total; every year from the first to
 * the last is listed (zero where none was registered) so a cumulative line has no holes. The
 * unknown-year row, when there is one, comes last.
 */
export function ratificationsByYear(rows: readonly RatificationFact[]): YearCount[] {
  const counts = new Map<number, number>();
  let unknown = 0;
  for (const r of rows) {
    const y = yearOf(r.registrationDate);
    if (y === null) unknown += 1;
    else counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const years = [...counts.keys()];
  const out: YearCount[] = [];
  if (years.length) {
    let total = 0;
    for (let y = Math.min(...years); y <= Math.max(...years); y += 1) {
      const count = counts.get(y) ?? 0;
      total += count;
      out.push({ year: y, count, cumulative: total });
    }
  }
  if (unknown) out.push({ year: null, count: unknown, cumulative: null });
  return out;
}

/** Counts by ILO region in the registry's region order; regions with none are listed as 0; unknown last. */
export function ratificationsByRegion(rows: readonly RatificationFact[], regionOf: (iso3: string) => IloRegion | null): RegionCount[] {
  const counts = new Map<IloRegion | null, number>();
  for (const r of rows) {
    const region = regionOf(r.country);
    counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  const out: RegionCount[] = ILO_REGIONS.map((region) => ({ region, count: counts.get(region) ?? 0 }));
  const unknown = counts.get(null);
  if (unknown) out.push({ region: null, count: unknown });
  return out;
}
