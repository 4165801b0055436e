import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { analyseQuery, type FieldLanguage, indexTerm } from '../../domain/search/analyse.ts';
import { words } from '../../domain/search/fold.ts';
import { SEARCH_KINDS, type SearchDocument, type SearchKind, type SearchLang } from './search-source.ts';

const FIELDS = ['codes', 'numbers', 'titleEn', 'titleId', 'textEn', 'textId'] as const;
type Field = (typeof FIELDS)[number];

const FIELD_LANGUAGE: Record<Field, FieldLanguage> = {
  codes: 'exact',
  numbers: 'exact',
  titleEn: 'en',
  titleId: 'id',
  textEn: 'en',
  textId: 'id',
};

export interface SearchHit {
  kind: SearchKind;
  key: string;
  /** The title in the language asked for (English where there is no Indonesian one). */
  title: string;
  path: string;
  score: number;
}

export interface SearchGroup {
  kind: SearchKind;
  total: number;
  hits: SearchHit[];
}

export interface SearchOutcome {
  /** Every term had to match (AND), or, when that found nothing, any term (OR). */
  matched: 'all' | 'any' | 'none';
  groups: SearchGroup[];
}

interface Indexed {
  id: number;
  kind: SearchKind;
}

/** An in-memory index over every SearchDocument (MiniSearch, decision 175): built once per data version. */
export class SearchIndex {
  private readonly mini: MiniSearch<Indexed>;
  private readonly docs: SearchDocument[];

  constructor(documents: SearchDocument[]) {
    this.docs = documents;
    this.mini = new MiniSearch<Indexed>({
      fields: [...FIELDS],
      storeFields: ['kind'],
      tokenize: (text) => words(text),
      processTerm: (term, field) => indexTerm(term, FIELD_LANGUAGE[(field ?? 'codes') as Field]),
      extractField: (doc, field) => {
        const d = this.docs[(doc as Indexed).id] as SearchDocument;
        return field === 'id' ? String((doc as Indexed).id) : field === 'kind' ? d.kind : ((d[field as Field] ?? '') as string);
      },
      searchOptions: { tokenize: (q) => [q], processTerm: (t) => t },
    });
    this.mini.addAll(documents.map((d, id) => ({ id, kind: d.kind })));
  }

  get size(): number {
    return this.docs.length;
  }

  search(q: string, lang: SearchLang, options: { kind?: SearchKind; limit: number }): SearchOutcome {
    const terms = analyseQuery(q);
    if (terms.length === 0) return { matched: 'none', groups: [] };
    const last = terms.length - 1;
    const subqueries: Query[] = terms.map((t, i) => ({
      queries: t.forms,
      combineWith: 'OR',
      fuzzy: t.fuzzy ? 0.2 : false,
      // The last word may be unfinished (typed as the reader goes).
      prefix: i === last && t.fuzzy,
    }));
    const boost =
      lang === 'id'
        ? { codes: 6, numbers: 3, titleId: 4, titleEn: 2, textId: 1.5, textEn: 1 }
        : { codes: 6, numbers: 3, titleEn: 4, titleId: 2, textEn: 1.5, textId: 1 };
    const base: SearchOptions = {
      boost,
      filter: options.kind ? (r: SearchResult) => r.kind === options.kind : undefined,
      boostDocument: (id: number) => this.docs[id]?.boost ?? 1,
    };
    let matched: SearchOutcome['matched'] = 'all';
    let results = this.mini.search({ queries: subqueries, combineWith: 'AND' }, base);
    if (results.length === 0 && terms.length > 1) {
      matched = 'any';
      results = this.mini.search({ queries: subqueries, combineWith: 'OR' }, base);
    }
    if (results.length === 0) return { matched: 'none', groups: [] };
    const groups = new Map<SearchKind, SearchGroup>();
    for (const r of results) {
      const d = this.docs[r.id as number] as SearchDocument;
      const g = groups.get(d.kind) ?? { kind: d.kind, total: 0, hits: [] };
      groups.set(d.kind, g);
      g.total++;
      if (g.hits.length < options.limit) {
        const title = lang === 'id' ? (d.titleId ?? d.titleEn) : d.titleEn;
        g.hits.push({ kind: d.kind, key: d.key, title, path: d.path, score: Math.round(r.score * 1000) / 1000 });
      }
    }
    return { matched, groups: SEARCH_KINDS.flatMap((k) => groups.get(k) ?? []) };
  }
}
