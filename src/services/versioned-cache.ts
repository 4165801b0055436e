import { type CachedDocument, EVERYTHING } from './cache-dependencies.ts';

/** Reads the current versions of some dependency keys in one query; equal strings mean nothing changed. */
export interface VersionSource {
  versionsOf(keys: string[]): Promise<string>;
}

/** Called on every lookup: for metrics (hits and misses by document kind) without a metrics library here. */
export type CacheLookupHook = (kind: string, hit: boolean) => void;

export interface CacheCounters {
  hits: number;
  misses: number;
}

export interface VersionedCacheOptions {
  capacity?: number;
  onLookup?: CacheLookupHook;
}

interface Entry {
  versions: string;
  value: Promise<unknown>;
}

/**
 * A small LRU cache whose entries are valid for the versions of the records they were built from
 * (src/services/cache-dependencies.ts). Each write bumps the versions of what it changed, in its own
 * transaction, so instances behind a load balancer never serve a stale answer: every lookup reads
 * the current versions of the document's dependencies (one indexed query) BEFORE loading, and an
 * entry is served only while they are unchanged. A write to one record leaves the documents that do
 * not show it cached. Cached values are shared, so callers must treat them as read-only.
 */
export class VersionedCache {
  private readonly entries = new Map<string, Entry>();
  private readonly counts = new Map<string, CacheCounters>();
  private readonly capacity: number;
  private readonly onLookup: CacheLookupHook | undefined;

  constructor(
    private readonly source: VersionSource,
    options: VersionedCacheOptions = {},
  ) {
    this.capacity = options.capacity ?? 500;
    this.onLookup = options.onLookup;
  }

  async get<T>(doc: CachedDocument, load: () => Promise<T>): Promise<T> {
    // Versions are read before the data: a write committed in between gives data newer than its
    // label, which the next lookup reloads; never an old value under a new label.
    const versions = await this.source.versionsOf([EVERYTHING, ...doc.dependencies]);
    const hit = this.entries.get(doc.key);
    if (hit && hit.versions === versions) {
      this.count(doc.kind, true);
      // Re-insert to mark as recently used.
      this.entries.delete(doc.key);
      this.entries.set(doc.key, hit);
      return hit.value as Promise<T>;
    }
    this.count(doc.kind, false);
    const pending = load();
    const entry: Entry = { versions, value: pending };
    this.entries.delete(doc.key);
    this.entries.set(doc.key, entry);
    // A failed load must not stay cached.
    pending.catch(() => {
      if (this.entries.get(doc.key) === entry) this.entries.delete(doc.key);
    });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return pending;
  }

  /** Hits and misses by document kind since start. */
  counters(): Record<string, CacheCounters> {
    return Object.fromEntries([...this.counts].map(([kind, c]) => [kind, { ...c }]));
  }

  private count(kind: string, hit: boolean): void {
    const c = this.counts.get(kind) ?? { hits: 0, misses: 0 };
    if (hit) c.hits++;
    else c.misses++;
    this.counts.set(kind, c);
    this.onLookup?.(kind, hit);
  }
}
