import type { Provenance } from './facts.ts';
import { addMonths, isOnOrBefore } from './partial-date.ts';

export const RATIFICATION_STATUSES = ['in_force', 'not_in_force', 'denounced'] as const;
export type RatificationStatus = (typeof RATIFICATION_STATUSES)[number];

export interface Declaration extends Provenance {
  /** 'minimum_age' for C138 Art 2(1), or a later higher age notified under Art 2(2). */
  kind: 'minimum_age';
  article: string;
  value: number;
  /** Date the declaration took effect; for the Art 2(1) declaration, the registration date. */
  date: string | null;
}

export interface Ratification extends Provenance {
  country: string;
  instrument: string;
  registrationDate: string | null;
  status: RatificationStatus | null;
  legalAct: string | null;
  /** The instrument's title as the national act gives it (e.g. Indonesia's official title). */
  nationalTitle: string | null;
  declarations: Declaration[];
}

/**
 * The declaration in effect is the latest one. A notice under C138 Art 2(2) (raising the age) can
 * only follow the Art 2(1) declaration made on ratifying, so it outranks it even when its own date
 * is not recorded; among notices of the same article the later date wins.
 */
export function declarationInEffect(declarations: readonly Declaration[], kind: Declaration['kind'] = 'minimum_age'): Declaration | null {
  let best: Declaration | null = null;
  for (const d of declarations) {
    if (d.kind !== kind) continue;
    if (!best || isLater(d, best)) best = d;
  }
  return best;
}

function isLater(a: Declaration, b: Declaration): boolean {
  const rank = (d: Declaration) => (/Art 2\(2\)/.test(d.article) ? 1 : 0);
  if (rank(a) !== rank(b)) return rank(a) > rank(b);
  if (a.date && b.date && a.date !== b.date) return a.date > b.date;
  if (a.date && !b.date) return true;
  if (!a.date && b.date) return false;
  return a.value > b.value;
}

/**
 * Entry into force for the State: registration date plus the instrument's delay (C138 Art 12(3),
 * C182 Art 10(3): twelve months). Null when either fact is unknown.
 */
export function entryIntoForceForState(registrationDate: string | null, eifMonths: number | null): string | null {
  if (!registrationDate || eifMonths === null) return null;
  return addMonths(registrationDate, eifMonths);
}

/** Whether the ratification has taken effect by `asOf`; null when the dates cannot tell. */
export function isInEffectOn(entryIntoForce: string | null, asOf: string): boolean | null {
  if (!entryIntoForce) return null;
  return isOnOrBefore(entryIntoForce, asOf);
}
