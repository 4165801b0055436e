import { type CachedDocument, cachedDocument } from '../cache-dependencies.ts';
import { cacheLookupListener, NO_SERVICE_EVENTS, type ServiceEvents } from '../service-events.ts';
import { type CacheCounters, VersionedCache, type VersionSource } from '../versioned-cache.ts';
import { SearchIndex, type SearchOutcome } from './search-index.ts';
import type { SearchKind, SearchLang, SearchSource } from './search-source.ts';

export const MAX_SEARCH_QUERY = 200;
export const DEFAULT_SEARCH_LIMIT = 10;

export interface SearchRequest {
  q: string;
  lang: SearchLang;
  kind?: SearchKind;
  /** Hits shown per kind (the totals count them all). */
  limit?: number;
}

export interface SearchResponse extends SearchOutcome {
  q: string;
  lang: SearchLang;
  kind: SearchKind | null;
}

/**
 * One search over everything (decision 175): an in-process index of every SearchSource, built on
 * first use and rebuilt when the version of anything it shows changes. The index is a cached
 * document of the record-level cache (decision 080), so an edit is found by the very next search,
 * on every instance.
 */
export class SearchService {
  private readonly cache: VersionedCache;

  constructor(
    versions: VersionSource,
    private readonly sources: SearchSource[],
    events: ServiceEvents = NO_SERVICE_EVENTS,
  ) {
    this.cache = new VersionedCache(versions, { capacity: 2, onLookup: cacheLookupListener(events, 'search') });
  }

  /** The index as the data stands now. */
  index(): Promise<SearchIndex> {
    const doc: CachedDocument = cachedDocument('searchIndex', 'all');
    return this.cache.get(doc, async () => new SearchIndex((await Promise.all(this.sources.map((s) => s.documents()))).flat()));
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const q = request.q.trim().slice(0, MAX_SEARCH_QUERY);
    const kind = request.kind ?? null;
    const base = { q, lang: request.lang, kind };
    if (!q) return { ...base, matched: 'none', groups: [] };
    const outcome = (await this.index()).search(q, request.lang, { kind: request.kind, limit: request.limit ?? DEFAULT_SEARCH_LIMIT });
    return { ...base, ...outcome };
  }

  cacheCounters(): Record<string, CacheCounters> {
    return this.cache.counters();
  }
}
