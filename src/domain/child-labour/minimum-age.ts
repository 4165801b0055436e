import type { CountryFacts, MinimumAgeBasis } from './types.ts';

/** C138 Art 2(3): the general minimum age is not less than 15. */
export const BASELINE_MINIMUM_AGE = 15;
/** C138 Art 2(4): a developing country may specify 14, the lowest age the Convention allows. */
export const LOWEST_DECLARABLE_AGE = 14;
/**
 * Ages a ratifying State may have declared, tried in turn when its declaration is not recorded, so
 * that no declaration is ever assumed.
 */
export const DECLARATION_CANDIDATES: readonly number[] = [14, 15, 16];

export type MinimumAgeResolution =
  | {
      minimumAge: number;
      basis: Exclude<MinimumAgeBasis, 'unknown'>;
      nationalShortfall: { declared: number; national: number } | null;
    }
  | { minimumAge: null; basis: 'unknown'; nationalShortfall: null };

/**
 * The general minimum age M for a State, from its C138 declaration d, its national law n and
 * whether it ratified C138.
 * - Ratified, d recorded: M = max(d, n). National law can raise the age, never lower the
 *   declaration (C138 Art 2(1) binds the State); n < d is reported as a shortfall.
 * - Ratified, d not recorded: n when it is at least 14 (no lawful declaration is lower, Art 2(4));
 *   otherwise unknown, and the engine tries every candidate declaration.
 * - Not ratified: C138 does not bind (Art 12(1)); national law, or the Art 2(3) floor of 15 as the
 *   international reference when national law is unknown.
 */
export function resolveMinimumAge(facts: CountryFacts): MinimumAgeResolution {
  const national = facts.profile?.generalMinimumAge?.value ?? null;
  if (!facts.c138.ratified) {
    return national !== null
      ? { minimumAge: national, basis: 'national', nationalShortfall: null }
      : { minimumAge: BASELINE_MINIMUM_AGE, basis: 'baseline', nationalShortfall: null };
  }
  const declared = facts.c138.declaredAge;
  if (declared !== null) {
    if (national === null || national === declared) return { minimumAge: declared, basis: 'declared', nationalShortfall: null };
    return national > declared
      ? { minimumAge: national, basis: 'national', nationalShortfall: null }
      : { minimumAge: declared, basis: 'declared', nationalShortfall: { declared, national } };
  }
  if (national !== null && national >= LOWEST_DECLARABLE_AGE) return { minimumAge: national, basis: 'national', nationalShortfall: null };
  return { minimumAge: null, basis: 'unknown', nationalShortfall: null };
}
