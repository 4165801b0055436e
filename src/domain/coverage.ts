import type { SourceIds } from './facts.ts';
import type { Instrument } from './instrument.ts';

/**
 * Coverage: whether a list of ratifications shown here is the whole list or only the facts the
 * sources happened to give. A list is complete only where the reference data says so with a
 * source (see data/complete-lists.json); everything else is partial, never presented as whole.
 */
export const LIST_SCOPES = ['instrument', 'country'] as const;
export type ListScope = (typeof LIST_SCOPES)[number];

/** A list the sources show to be complete: every State's ratification of one instrument, or one State's whole list. */
export interface CompleteList {
  scope: ListScope;
  /** Instrument code (scope 'instrument') or ISO3 code (scope 'country'). */
  code: string;
  source: SourceIds | null;
  /** Why the list is complete, in English, for editors and the data downloads. */
  basis: string;
}

export interface Coverage {
  complete: boolean;
  /** Ratifications shown in this registry. */
  shown: number;
  /** Published total (instruments only); null when no source gives it. */
  publishedCount: number | null;
  /** As-of date of the published count; null when the source does not say. */
  asOf: string | null;
  /** Source of the published count, or of the completeness of a country's list. */
  source: SourceIds | null;
  /** Instruments whose list is complete for every State (and so for this one); countries only. */
  completeFor: string[];
}

export function completeInstrumentCodes(lists: readonly CompleteList[]): string[] {
  return lists.filter((l) => l.scope === 'instrument').map((l) => l.code);
}

/** Coverage of an instrument's list; null for Recommendations, which are not ratified. */
export function instrumentCoverage(
  instrument: Pick<Instrument, 'code' | 'type' | 'publishedCount'>,
  shown: number,
  lists: readonly CompleteList[],
): Coverage | null {
  if (instrument.type === 'recommendation') return null;
  const p = instrument.publishedCount;
  return {
    complete: lists.some((l) => l.scope === 'instrument' && l.code === instrument.code),
    shown,
    publishedCount: p?.count ?? null,
    asOf: p?.count != null ? p.asOf : null,
    source: p?.count != null ? p.source : null,
    completeFor: [],
  };
}

/** Coverage of a State's list: complete when its own list is, else complete only for the instruments listed whole. */
export function countryCoverage(iso3: string, shown: number, lists: readonly CompleteList[]): Coverage {
  const own = lists.find((l) => l.scope === 'country' && l.code === iso3) ?? null;
  return {
    complete: own !== null,
    shown,
    publishedCount: null,
    asOf: null,
    source: own?.source ?? null,
    completeFor: completeInstrumentCodes(lists),
  };
}
