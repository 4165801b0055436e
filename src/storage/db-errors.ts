/**
 * Which database errors mean "the database cannot serve right now" rather than "this request or
 * this code is wrong". Those are answered 503 with Retry-After (decision 070), never 500, and never
 * crash the process. Kept here, next to the adapters that raise them, so the HTTP layer only asks.
 */

export type DatabaseUnavailableKind = 'unreachable' | 'read-only' | 'full' | 'io';

/** PostgreSQL SQLSTATEs: admin shutdown, crash shutdown, cannot connect now (starting up, recovering). */
const PG_SHUTDOWN_CODES = new Set(['57P01', '57P02', '57P03']);
/** Node socket errors met when the server is gone or unreachable. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** node-postgres and pg-pool say these in words only, without a code. */
const PG_MESSAGES = [
  /connection terminated/i,
  /terminating connection/i,
  /is not queryable/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

function codeOf(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** The kind of outage the error shows, or null when it is any other error. */
export function databaseUnavailable(error: unknown): DatabaseUnavailableKind | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // A failed rollback or a wrapped error carries the original in `cause`.
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const kind = kindOf(current);
    if (kind) return kind;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function kindOf(error: object): DatabaseUnavailableKind | null {
  const code = codeOf(error);
  if (code) {
    // better-sqlite3: SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE… share the primary code's prefix.
    if (code.startsWith('SQLITE_READONLY')) return 'read-only';
    if (code === 'SQLITE_FULL') return 'full';
    if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'io';
    if (code.startsWith('SQLITE_BUSY') || code === 'TRIPARTITE_DB_BACKOFF') return 'unreachable';
    if (PG_SHUTDOWN_CODES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)) return 'unreachable';
  }
  // AggregateError from a connect attempt to every address of a host name.
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner.some((e) => e && typeof e === 'object' && kindOf(e) === 'unreachable')) return 'unreachable';
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && PG_MESSAGES.some((re) => re.test(message))) return 'unreachable';
  return null;
}

/** What the client is told: in plain words, and that nothing was written. */
export function unavailableDetail(kind: DatabaseUnavailableKind): string {
  switch (kind) {
    case 'unreachable':
      return 'The database cannot be reached at the moment; please try again in a few seconds. A change sent just now may not have been saved: check the record or its history before sending it again.';
    case 'read-only':
      return 'The database is read-only at the moment, so nothing can be saved. Nothing was changed; reads still work.';
    case 'full':
      return 'The disk holding the database is full, so nothing can be saved. Nothing was changed; an operator must free space.';
    case 'io':
      return 'The database file cannot be read or written at the moment. Nothing was changed; please try again later.';
  }
}
