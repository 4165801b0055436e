import { declarationInEffect, type Ratification } from './ratification.ts';

/*
 * What the ratification map shows for one member State and one Convention or Protocol
 * (decision 161). Pure: the list of member States and the ratifications are passed in.
 */

export const MAP_STATUSES = ['ratified', 'denounced', 'not_ratified', 'unknown'] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

/** C138 Art 2(1) minimum age declared (the one in effect, Art 2(2) notices included), in classes. */
export const MAP_AGES = ['14', '15', '16', 'none'] as const;
export type MapAge = (typeof MAP_AGES)[number];

/** Fill colours (colour-blind safe, from the Okabe–Ito and ColorBrewer palettes), by class. */
export const STATUS_FILL: Record<MapStatus, string> = {
  ratified: '#1b7837',
  denounced: '#d95f02',
  not_ratified: '#d9d9d9',
  unknown: '#ffffff',
};
export const AGE_FILL: Record<MapAge, string> = {
  '14': '#fdb863',
  '15': '#5e3c99',
  '16': '#0571b0',
  none: '#92c5de',
};

/**
 * A State with a record is ratified unless the record says denounced (in force, not yet in force or
 * status not recorded: the registration is what counts). A State without a record has not ratified
 * only where the instrument's list is known to be complete; otherwise we do not know.
 */
export function mapStatus(r: Pick<Ratification, 'status'> | null, listComplete: boolean): MapStatus {
  if (r) return r.status === 'denounced' ? 'denounced' : 'ratified';
  return listComplete ? 'not_ratified' : 'unknown';
}

/** The declared minimum age class of a ratification (C138 Art 2(1), raised under Art 2(2)); 'none' when not recorded. */
export function mapAge(r: Pick<Ratification, 'declarations'>): MapAge {
  const d = declarationInEffect(r.declarations);
  if (!d) return 'none';
  if (d.value <= 14) return '14';
  if (d.value === 15) return '15';
  return '16';
}

export interface MapEntry {
  iso3: string;
  status: MapStatus;
  /** Declared minimum age class; only when the map shows ages and the State has ratified. */
  age: MapAge | null;
}

/** One entry per member State, in the order given. Ages are shown for C138 only (the Convention that asks for the declaration). */
export function mapEntries(
  members: readonly { iso3: string }[],
  ratifications: readonly Pick<Ratification, 'country' | 'status' | 'declarations'>[],
  listComplete: boolean,
  withAges: boolean,
): MapEntry[] {
  const byCountry = new Map(ratifications.map((r) => [r.country, r]));
  return members.map(({ iso3 }) => {
    const r = byCountry.get(iso3) ?? null;
    const status = mapStatus(r, listComplete);
    return { iso3, status, age: withAges && r && status === 'ratified' ? mapAge(r) : null };
  });
}

/** The fill of an entry: by age where ages are shown, else by status. */
export function entryFill(e: Pick<MapEntry, 'status' | 'age'>): string {
  return e.age ? AGE_FILL[e.age] : STATUS_FILL[e.status];
}

/** Counts by class, for the legend. */
export function mapCounts(entries: readonly MapEntry[]): Record<MapStatus | `age-${MapAge}`, number> {
  const counts = Object.fromEntries([...MAP_STATUSES, ...MAP_AGES.map((a) => `age-${a}`)].map((k) => [k, 0])) as Record<
    MapStatus | `age-${MapAge}`,
    number
  >;
  for (const e of entries) {
    if (e.age) counts[`age-${e.age}`] += 1;
    else counts[e.status] += 1;
  }
  return counts;
}
