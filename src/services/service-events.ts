/**
 * What the services report for monitoring. A port: the services only call it, and the HTTP layer's
 * `/metrics` (src/http/metrics.ts) counts what it hears. The default hears nothing, so the CLI and
 * a server without metrics pay one empty call.
 */
export interface ServiceEvents {
  /** A read through a cache: `cache` names the service's cache, `kind` the document (the key's prefix). */
  cacheLookup(cache: string, kind: string, hit: boolean): void;
  /** Rows written by a bulk import, once its transaction has committed. */
  rowsImported(rows: number): void;
  /** A refused sign-in: a wrong email or password, or too many attempts. */
  loginFailed(reason: 'invalid' | 'locked'): void;
}

export const NO_SERVICE_EVENTS: ServiceEvents = {
  cacheLookup: () => {},
  rowsImported: () => {},
  loginFailed: () => {},
};

/** The listener a VersionedCache calls with the kind of document looked up (src/services/cache-dependencies.ts). */
export function cacheLookupListener(events: ServiceEvents, cache: string): (kind: string, hit: boolean) => void {
  return (kind, hit) => events.cacheLookup(cache, kind, hit);
}
