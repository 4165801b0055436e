/**
 * `GET /metrics` in the Prometheus text format (prom-client), for an operator's scraper. Off unless
 * TRIPARTITE_METRICS_TOKEN is set, and then only for `Authorization: Bearer <token>`, since the
 * figures reveal traffic (docs/decisions/090-metrics-behind-a-token.md).
 *
 * Each app gets its own registry: prom-client's global one would make two apps in one process
 * (the tests) register the same names twice.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ServiceEvents } from '../services/service-events.ts';
import type { PoolStats } from '../storage/db.ts';
import { METRICS_VARIABLE, type ScreeningMetrics } from './metrics-hooks.ts';
import { problem, problemResponse } from './problem.ts';

export const METRICS_PATH = '/metrics';
/** The route label of a request no route matched (a 404, or a CORS preflight answered before routing). */
export const UNMATCHED_ROUTE = 'unmatched';
/** Any other method is labelled 'other', so a client cannot make up label values. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Hono's method for routes added with `use` (middleware). */
const MIDDLEWARE_METHOD = 'ALL';

export class AppMetrics implements ScreeningMetrics {
  readonly registry = new Registry();
  /** Hand to createServices: cache lookups, imported rows and refused sign-ins land here. */
  readonly events: ServiceEvents;
  private readonly tokenDigest: Buffer;
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly requestSeconds: Histogram<'method' | 'route'>;
  private readonly screeningRows: Counter;
  private readonly screeningSeconds: Histogram;

  constructor(token: string) {
    this.tokenDigest = digest(token);
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'tripartite_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.requestSeconds = new Histogram({
      name: 'tripartite_http_request_duration_seconds',
      help: 'Time to the response headers (a streamed body goes on after), by method and route template',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    const cacheHits = new Counter({
      name: 'tripartite_cache_hits_total',
      help: 'Reads answered from a cache, by cache and kind of document',
      labelNames: ['cache', 'kind'],
      registers,
    });
    const cacheMisses = new Counter({
      name: 'tripartite_cache_misses_total',
      help: 'Reads that had to load from the database, by cache and kind of document',
      labelNames: ['cache', 'kind'],
      registers,
    });
    this.screeningRows = new Counter({
      name: 'tripartite_screening_rows_total',
      help: 'Worker rows screened (API and portal), counted when each screening ends',
      registers,
    });
    this.screeningSeconds = new Histogram({
      name: 'tripartite_screening_duration_seconds',
      help: 'Duration of each completed screening, from the first byte read to the last row',
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
      registers,
    });
    const importRows = new Counter({
      name: 'tripartite_import_rows_total',
      help: 'Ratification rows imported by this process, counted when the import has committed',
      registers,
    });
    const loginFailures = new Counter({
      name: 'tripartite_login_failures_total',
      help: 'Refused sign-ins: invalid (wrong email or password) or locked (too many attempts)',
      labelNames: ['reason'],
      registers,
    });
    this.events = {
      cacheLookup: (cache, kind, hit) => (hit ? cacheHits : cacheMisses).inc({ cache, kind }),
      rowsImported: (rows) => importRows.inc(rows),
      loginFailed: (reason) => loginFailures.inc({ reason }),
    };
  }

  /** Reports the database pool when the handle has one (PostgreSQL); SQLite has no pool to report. */
  watchPool(handle: { poolStats?(): PoolStats }): void {
    const stats = handle.poolStats?.bind(handle);
    if (!stats) return;
    const gauge = (name: string, help: string, read: (s: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read(stats()));
        },
      });
    gauge('tripartite_db_pool_connections_in_use', 'PostgreSQL connections running a query or transaction', (s) => s.inUse);
    gauge('tripartite_db_pool_connections_idle', 'PostgreSQL connections open and free', (s) => s.idle);
    gauge('tripartite_db_pool_waiting_queries', 'Queries waiting for a free PostgreSQL connection', (s) => s.waiting);
  }

  screened(rows: number, seconds: number): void {
    this.screeningRows.inc(rows);
    this.screeningSeconds.observe(seconds);
  }

  /**
   * Adds the counting middleware and the /metrics route. Called first thing in createApp: the
   * middleware then sees every answer with its final status, and a scrape is answered before
   * authentication, which would take the metrics token for an unknown API token.
   */
  mount(app: Hono): void {
    app.use('*', this.countRequests);
    app.get(METRICS_PATH, (c) => this.scrape(c));
  }

  private readonly countRequests: MiddlewareHandler = async (c, next) => {
    c.set(METRICS_VARIABLE as never, this as never);
    const started = performance.now();
    await next();
    const method = KNOWN_METHODS.has(c.req.method) ? c.req.method : 'other';
    const route = routeTemplate(c);
    this.requests.inc({ method, route, status: String(c.res.status) });
    this.requestSeconds.observe({ method, route }, (performance.now() - started) / 1000);
  };

  private async scrape(c: Context): Promise<Response> {
    const presented = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!presented || !timingSafeEqual(digest(presented), this.tokenDigest)) {
      const response = problemResponse(
        c,
        problem(401, 'The metrics need the token set in TRIPARTITE_METRICS_TOKEN: send Authorization: Bearer <token>.'),
      );
      response.headers.set('www-authenticate', 'Bearer realm="metrics"');
      return response;
    }
    return new Response(await this.registry.metrics(), {
      headers: { 'content-type': this.registry.contentType, 'cache-control': 'no-store' },
    });
  }
}

/**
 * The path of the route that answered ('/api/countries/:iso3', never the raw path, so the labels
 * stay few). When a middleware answered first (a 401, a 414), the route that would have answered.
 */
export function routeTemplate(c: Context): string {
  const routes = matchedRoutes(c);
  for (let i = Math.max(0, c.req.routeIndex); i < routes.length; i++) {
    const route = routes[i];
    if (route && route.method !== MIDDLEWARE_METHOD) return route.path;
  }
  return UNMATCHED_ROUTE;
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
