import { databaseUnavailable } from './db-errors.ts';

/** What a request gets while the next connection attempt is not due yet: classified as an outage (503). */
export class ReconnectBackoffError extends Error {
  readonly code = 'TRIPARTITE_DB_BACKOFF';
  constructor(waitMs: number, cause: unknown) {
    super(`The database was unreachable; the next connection attempt is in ${waitMs} ms`, { cause });
    this.name = 'ReconnectBackoffError';
  }
}

export interface BackoffOptions {
  /** Wait after the first failed attempt; doubled after each further one (decision 072). */
  initialMs?: number;
  maxMs?: number;
  now?: () => number;
  random?: () => number;
}

/**
 * Reconnection with backoff, in front of the pool's connect(). While the database is away, every
 * request that needs a connection would otherwise open one of its own: thousands of attempts a
 * second against a server that is restarting. After a failed attempt the next is due only after a
 * growing wait (100 ms doubling to 2 s, ±20 % so instances spread out); until then, and while one
 * attempt is under way, requests fail at once with an outage error (answered 503). A success resets
 * it. Attempts that fail only because every pooled connection is busy are load, not an outage, and
 * do not count.
 */
export class ReconnectBackoff {
  private failures = 0;
  private retryAt = 0;
  private probing = false;
  private lastError: unknown = null;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(options: BackoffOptions = {}) {
    this.initialMs = options.initialMs ?? 100;
    this.maxMs = options.maxMs ?? 2000;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  async connect<T>(attempt: () => Promise<T>): Promise<T> {
    let probe = false;
    if (this.failures > 0) {
      const wait = this.retryAt - this.now();
      if (wait > 0 || this.probing) throw new ReconnectBackoffError(Math.max(wait, 0), this.lastError);
      probe = this.probing = true;
    }
    try {
      const connection = await attempt();
      this.failures = 0;
      this.lastError = null;
      return connection;
    } catch (error) {
      // Attempts made together before the first failure was known fail together: one step, not many.
      if (isConnectFailure(error) && (probe || this.failures === 0)) {
        this.failures += 1;
        this.lastError = error;
        const base = Math.min(this.initialMs * 2 ** (this.failures - 1), this.maxMs);
        this.retryAt = this.now() + Math.round(base * (0.8 + 0.4 * this.random()));
      }
      throw error;
    } finally {
      if (probe) this.probing = false;
    }
  }
}

function isConnectFailure(error: unknown): boolean {
  if (error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message)) return false;
  return databaseUnavailable(error) === 'unreachable';
}
