import type { Context } from 'hono';
import { type DatabaseUnavailableKind, databaseUnavailable, unavailableDetail } from '../storage/db-errors.ts';
import type { Logger } from './logging.ts';

/** Seconds a client should wait before retrying: about how long a database restart takes. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The database being away is an operating condition, not a bug: logged once a second at most (one
 * line per failed request would flood the log during an outage), without a stack.
 */
export function unavailableWarning(logger: Logger): (kind: DatabaseUnavailableKind, error: unknown, path: string) => void {
  let lastLoggedAt = 0;
  let suppressed = 0;
  return (kind, error, path) => {
    const at = Date.now();
    if (at - lastLoggedAt < 1000) {
      suppressed += 1;
      return;
    }
    logger.warn(
      { kind, path, err: (error as Error)?.message, suppressedSinceLast: suppressed },
      `Database unavailable (${kind}): answering 503`,
    );
    lastLoggedAt = at;
    suppressed = 0;
  };
}

/** The outage kind, when this error is one (see storage/db-errors.ts), and sets Retry-After on the answer. */
export function asUnavailable(c: Context, error: unknown): { status: 503; detail: string; kind: DatabaseUnavailableKind } | null {
  const kind = databaseUnavailable(error);
  if (!kind) return null;
  c.header('retry-after', String(RETRY_AFTER_SECONDS));
  c.header('cache-control', 'no-store');
  return { status: 503, detail: unavailableDetail(kind), kind };
}

/** Health answers within this even when a pooled connection hangs on a silent network (decision 071). */
export const HEALTH_DEADLINE_MS = 2500;

/** The work's result, or an outage error (answered 503) once `ms` pass without one. */
export async function withinDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what} did not answer within ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
