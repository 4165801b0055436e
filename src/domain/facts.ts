/**
 * Provenance vocabulary shared by every fact in the registry. A fact the sources lack is `null`
 * (shown as unknown), never a guess.
 */
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Semicolon-separated source ids as written in the reference data (see data/sources.json). */
export type SourceIds = string;

export interface Provenance {
  source: SourceIds | null;
  confidence: Confidence | null;
  notes: string | null;
}

export const LANGS = ['en', 'id'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

export function splitSources(source: SourceIds | null): string[] {
  if (!source) return [];
  return (
    source
      .split(/\s*;\s*/)
      // A qualifier such as "title:COMPILER-RECALL-UNVERIFIED" says which field the source backs.
      .map((s) => s.trim().replace(/^[a-z_]+:(?=[A-Z])/, ''))
      .filter(Boolean)
  );
}
