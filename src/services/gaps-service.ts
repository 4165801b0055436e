import type { Actor } from '../domain/access/policy.ts';
import { findGaps, type Gap, type GapKind } from '../domain/gaps.ts';
import { cachedDocument } from './cache-dependencies.ts';
import type { Page, PageRequest, RegistryRepository } from './ports.ts';
import { cacheLookupListener, NO_SERVICE_EVENTS, type ServiceEvents } from './service-events.ts';
import { type CacheCounters, VersionedCache } from './versioned-cache.ts';

export interface GapFilter {
  country?: string;
  kind?: GapKind;
}

/** The data-gaps worklist; a focal point sees their own countries' gaps first. */
export class GapsService {
  private readonly cache: VersionedCache;
  /** Gaps of other record families (e.g. the Governing Body's unknown compositions), read uncached at each listing. */
  private readonly sources: (() => Promise<Gap[]>)[] = [];

  constructor(
    private readonly repo: RegistryRepository,
    events: ServiceEvents = NO_SERVICE_EVENTS,
  ) {
    this.cache = new VersionedCache(repo, { capacity: 4, onLookup: cacheLookupListener(events, 'gaps') });
  }

  /** Adds the gaps of another record family to the worklist. */
  withSource(source: () => Promise<Gap[]>): this {
    this.sources.push(source);
    return this;
  }

  /** Cache hits and misses by document kind. */
  cacheCounters(): Record<string, CacheCounters> {
    return this.cache.counters();
  }

  private all(): Promise<Gap[]> {
    return this.cache.get(cachedDocument('gaps', 'all'), async () => {
      const [ratifications, instruments, profiles, countries] = await Promise.all([
        this.repo.listRatifications({}, null),
        this.repo.listInstruments({}, { page: 1, pageSize: 100_000 }),
        this.repo.listNationalProfiles(),
        this.repo.listCountries({}),
      ]);
      return findGaps({
        ratifications: ratifications.items,
        instruments: instruments.items,
        profiles: new Map(profiles.map((p) => [p.iso3, p])),
        countries: countries.map((c) => c.iso3),
      });
    });
  }

  async list(filter: GapFilter, page: PageRequest, viewer: Actor | null): Promise<Page<Gap> & { counts: Record<string, number> }> {
    let gaps = await this.all();
    for (const source of this.sources) gaps = [...gaps, ...(await source())];
    if (filter.country) gaps = gaps.filter((g) => g.country === filter.country);
    const counts: Record<string, number> = {};
    for (const g of gaps) counts[g.kind] = (counts[g.kind] ?? 0) + 1;
    if (filter.kind) gaps = gaps.filter((g) => g.kind === filter.kind);
    const mine = viewer?.role === 'focal_point' ? new Set(viewer.countries) : null;
    if (mine) gaps = [...gaps.filter((g) => g.country && mine.has(g.country)), ...gaps.filter((g) => !g.country || !mine.has(g.country))];
    const start = (page.page - 1) * page.pageSize;
    return { items: gaps.slice(start, start + page.pageSize), total: gaps.length, page: page.page, pageSize: page.pageSize, counts };
  }
}
