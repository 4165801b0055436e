/**
 * A small LRU cache whose entries are valid for one data version. Every write to the registry
 * changes the version stored in the database, so instances behind a load balancer never serve a
 * stale answer: each request reads the current version (one indexed lookup) and a mismatch empties
 * the cache. Cached values are shared, so callers must treat them as read-only.
 */
export class VersionedCache {
  private version: string | null = null;
  private readonly entries = new Map<string, Promise<unknown>>();

  /** `onLookup` hears every read, hit or not (the metrics count them; see service-events.ts). */
  constructor(
    private readonly capacity = 500,
    private readonly onLookup?: (key: string, hit: boolean) => void,
  ) {}

  async get<T>(version: string, key: string, load: () => Promise<T>): Promise<T> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    this.onLookup?.(key, hit !== undefined);
    if (hit) {
      // Re-insert to mark as recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const pending = load();
    this.entries.set(key, pending);
    // A failed load must not stay cached.
    pending.catch(() => {
      if (this.entries.get(key) === pending) this.entries.delete(key);
    });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return pending;
  }
}
