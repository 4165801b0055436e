import type { RecordType } from './history-ports.ts';

/**
 * What each cached document depends on, and which dependency keys each write changes: the one
 * place where read-side caching meets the write side (decision 080).
 *
 * A dependency key names a fact a write can change. Every write bumps, in its own transaction, the
 * version of each key it touches; a cached document is served only while the versions of all its
 * keys (and of EVERYTHING, which seeding and restore bump) are those it was loaded under.
 */
export const EVERYTHING = '*';

export const dependencyKey = {
  /** An instrument's own fields and every ratification of it (its page lists them). */
  instrument: (code: string) => `instrument:${code}`,
  /** A State's ratifications and its national profile. */
  country: (iso3: string) => `country:${iso3}`,
  /** One ratification (with its declarations). */
  ratification: (iso3: string, code: string) => `ratification:${iso3}/${code}`,
  /** One State's national profile. */
  profile: (iso3: string) => `profile:${iso3}`,
  /** Instrument titles and category: shown on other documents (country profiles, revised-by lists). */
  instrumentTitles: 'instrument-titles',
  /** What instrument lists, search and the home counts show: fields, filters, ratification counts. */
  instrumentList: 'instrument-list',
  /** What country lists, search and the home counts show: ratification counts per State. */
  countryList: 'country-list',
  /** Any ratification anywhere (the gaps worklist reads them all). */
  anyRatification: 'ratifications',
  /** Any national profile (gaps, facts of every State for batch screening). */
  anyProfile: 'national-profiles',
  /** Anything of the Governing Body (periods, members, sessions): its reads are not cached (decision 112). */
  governingBody: 'governing-body',
  /** Any supervisory comment or procedure (their summaries are searched: decision 175). */
  anySupervision: 'supervision',
  /** Any programme (the search index shows them all; decision 200). */
  anyProgramme: 'programmes',
  /** Any ILO office (search, and every country profile's "who to contact": a regional office covers a whole region; decision 201). */
  anyOffice: 'offices',
  /** Any document of the library (their titles and text are searched: decision 196). */
  anyDocument: 'documents',
} as const;

const k = dependencyKey;

/**
 * Document kind → the keys it depends on. A document built from other cached documents (search,
 * the home page's counts) reads them through the cache and so inherits their keys.
 */
export const DOCUMENT_DEPENDENCIES = {
  /** Instrument page: the instrument, its ratifications with countries, titles of what it revises / is revised by. */
  instrument: (code: string) => [k.instrument(code), k.instrumentTitles],
  /** Country profile: the State, its ratifications with instrument titles, C138/C182 summary, the offices to contact. */
  country: (iso3: string) => [k.country(iso3), k.instrumentTitles, k.anyOffice],
  /** Instrument lists and search (any filter, any page), and the home page's instrument counts. */
  instrumentList: () => [k.instrumentList],
  /** Country lists and search, and the home page's State and ratification counts. */
  countryList: () => [k.countryList],
  /** Subjects of the instrument filter: no edit changes them (only seeding or restore). */
  subjects: () => [],
  /** Complete-list coverage: changed only by seeding or restore. */
  completeLists: () => [],
  /** Compliance facts of one State: its C138/C182 ratifications, declarations and national profile. */
  complianceCountry: (iso3: string) => [k.ratification(iso3, 'C138'), k.ratification(iso3, 'C182'), k.profile(iso3)],
  /** Compliance facts of every State (batch screening): all C138/C182 ratifications and profiles. */
  complianceAll: () => [k.instrument('C138'), k.instrument('C182'), k.anyProfile],
  /** The gaps worklist: every ratification, instrument and national profile. */
  gaps: () => [k.anyRatification, k.instrumentList, k.anyProfile],
  /** The search index (decision 175): instrument and country lists, supervisory comments, programmes and offices (decisions 200, 201), documents (decision 196); Conference sessions change only with EVERYTHING. */
  searchIndex: () => [k.instrumentList, k.countryList, k.anySupervision, k.anyProgramme, k.anyOffice, k.anyDocument],
} as const satisfies Record<string, (...args: string[]) => string[]>;

export type DocumentKind = keyof typeof DOCUMENT_DEPENDENCIES;

/** A cached document: its kind (for hit/miss counts), its cache key and its dependency keys. */
export interface CachedDocument {
  kind: DocumentKind;
  key: string;
  dependencies: string[];
}

export function cachedDocument<K extends DocumentKind>(
  kind: K,
  key: string,
  ...args: Parameters<(typeof DOCUMENT_DEPENDENCIES)[K]>
): CachedDocument {
  const deps = (DOCUMENT_DEPENDENCIES[kind] as (...a: string[]) => string[])(...(args as string[]));
  return { kind, key: `${kind}:${key}`, dependencies: deps };
}

type Fields = Record<string, unknown> | null;

function differs(before: Fields, after: Fields, fields: string[]): boolean {
  return fields.some((f) => JSON.stringify(before?.[f] ?? null) !== JSON.stringify(after?.[f] ?? null));
}

/**
 * The keys one recorded change touches (a save, denunciation, profile edit, import row or revert):
 * `before` and `after` are the record as the history stores them (null when absent).
 */
export function changedKeys(recordType: RecordType, recordKey: string, before: unknown, after: unknown): string[] {
  const was = (before ?? null) as Fields;
  const now = (after ?? null) as Fields;
  if (recordType === 'ratification') {
    const [country = '', instrument = ''] = recordKey.split('/');
    const keys = [k.ratification(country, instrument), k.country(country), k.instrument(instrument), k.anyRatification];
    // Lists show how many ratifications each State and instrument has: only a new or removed one changes that.
    if ((was === null) !== (now === null)) keys.push(k.instrumentList, k.countryList);
    return keys;
  }
  if (recordType === 'instrument') {
    const keys = [k.instrument(recordKey), k.instrumentList];
    if (differs(was, now, ['titleEn', 'titleId', 'titleIdKind', 'category'])) keys.push(k.instrumentTitles);
    return keys;
  }
  if (recordType === 'supervisory_comment' || recordType === 'supervisory_procedure') return supervisionKeys(was, now);
  if (recordType === 'document') return [k.anyDocument];
  return [k.profile(recordKey), k.country(recordKey), k.anyProfile];
}

/**
 * A supervisory comment or procedure is read uncached, but it is shown on the country profile and
 * the instrument page, which are cached: a change renews the documents of every State and
 * Convention it named before or names after (decision 141).
 */
function supervisionKeys(before: Fields, after: Fields): string[] {
  const keys = new Set<string>();
  keys.add(k.anySupervision);
  for (const r of [before, after]) {
    if (!r) continue;
    if (typeof r.country === 'string') keys.add(k.country(r.country));
    for (const code of Array.isArray(r.instruments) ? r.instruments : []) if (typeof code === 'string') keys.add(k.instrument(code));
  }
  return [...keys];
}
