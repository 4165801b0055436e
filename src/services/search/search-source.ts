/**
 * What the one search indexes (decision 175). Each kind of record contributes documents through a
 * SearchSource; adding programmes, goods or documents later is one more source, one more entry in
 * SEARCH_KINDS and the dependency keys its writes bump (src/services/cache-dependencies.ts).
 */
export const SEARCH_KINDS = ['instrument', 'country', 'office', 'programme', 'good', 'comment', 'session', 'document'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export type SearchLang = 'en' | 'id';

/** One searchable record, in both languages. */
export interface SearchDocument {
  kind: SearchKind;
  /** The record's own key (instrument code, ISO3, office id, comment id, session number). */
  key: string;
  /** The portal path without the language prefix, e.g. "/instruments/C182". */
  path: string;
  titleEn: string;
  /** null: no Indonesian title (the English one is shown). */
  titleId: string | null;
  /** Exact tokens: codes (C182, IDN, ID), matched as typed. */
  codes?: string;
  /** Numbers a reader types: "182" for C182, "112" for the 112th session. */
  numbers?: string;
  /** Further text in each language (subjects, summaries, city and region). */
  textEn?: string;
  textId?: string;
  /** Relevance multiplier (1 by default): e.g. up-to-date instruments before outdated ones. */
  boost?: number;
}

export interface SearchSource {
  kind: SearchKind;
  /** Every document of this kind, as the data stands now (read through the cache where there is one). */
  documents(): Promise<SearchDocument[]>;
}
