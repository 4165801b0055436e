import { type Keyring, keyringFromEnv } from '../storage/field-crypto.ts';
/**
 * Configuration is read once, at the entry points, and passed down as a typed object. Nothing
 * below this module reads process.env.
 */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of SQLite. */
  databaseUrl: string | null;
  /** SQLite file path (ignored when databaseUrl is set). */
  sqlitePath: string;
  /** PostgreSQL schema to use; lets tests and deployments share one server. */
  pgSchema: string;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** Behind a load balancer: take the client address from X-Forwarded-For (for login rate limits). */
  trustProxy?: boolean;
  /** Origins (scheme://host[:port]) whose scripts may write to the API from a browser, with an API token only. */
  corsWriteOrigins?: string[];
  /** Serves GET /metrics to `Authorization: Bearer <this>`; without it there is no /metrics (404). */
  metricsToken?: string | null;
  /** PostgreSQL: how long to wait for a connection (new or from the pool) before answering 503. */
  dbConnectTimeoutMs?: number;
  /** PostgreSQL: the server cancels a statement running longer than this (0: never). */
  dbStatementTimeoutMs?: number;
  /** On SIGTERM/SIGINT, how long requests in flight may take to finish before they are cut (ms). */
  shutdownGraceMs?: number;
  /**
   * TRIPARTITE_DATA_KEY (and TRIPARTITE_DATA_KEYS_OLD): the key that seals children's identifying
   * data (issue 11, decision 191). null: unset (SQLite then keeps a key file beside the database;
   * a PostgreSQL server refuses to start, see src/storage/data-keys.ts).
   */
  dataKeys?: Keyring | null;
  /** Where uploaded documents are stored (TRIPARTITE_DOCUMENTS_DIR); null: a `documents` folder beside the SQLite file. */
  documentsDir?: string | null;
}

export class ConfigError extends Error {}

function dataKeysFrom(env: NodeJS.ProcessEnv, problems: string[]): Keyring | null {
  try {
    return keyringFromEnv(env);
  } catch (error) {
    // The message names the setting and what is wrong with it, never the value.
    problems.push((error as Error).message);
    return null;
  }
}

/** Defaults of the database timeouts (decision 071). */
export const DEFAULT_DB_CONNECT_TIMEOUT_MS = 2000;
export const DEFAULT_DB_STATEMENT_TIMEOUT_MS = 30_000;
/** Long enough for any ordinary request and most screenings; under common orchestrators' 30 s kill delay. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const portRaw = env.PORT ?? '3000';
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be an integer 0–65535, got "${portRaw}"`);
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!['silent', 'error', 'info', 'debug'].includes(logLevel))
    problems.push(`LOG_LEVEL must be silent, error, info or debug, got "${env.LOG_LEVEL}"`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  const pgSchema = env.TRIPARTITE_PG_SCHEMA?.trim() || 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(pgSchema)) problems.push(`TRIPARTITE_PG_SCHEMA must be a lower-case SQL identifier, got "${pgSchema}"`);
  const corsWriteOrigins: string[] = [];
  for (const raw of (env.TRIPARTITE_CORS_WRITE_ORIGINS ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const origin = originOf(entry);
    if (origin) corsWriteOrigins.push(origin);
    else
      problems.push(
        `TRIPARTITE_CORS_WRITE_ORIGINS must list origins such as https://app.example.org (scheme, host and port only), got "${entry}"`,
      );
  }
  const metricsToken = env.TRIPARTITE_METRICS_TOKEN?.trim() || null;
  // The metrics reveal traffic: a short token could be guessed, and a space could never be sent in the header.
  if (metricsToken && !/^[\x21-\x7e]{16,}$/.test(metricsToken))
    problems.push('TRIPARTITE_METRICS_TOKEN must be at least 16 printable ASCII characters without spaces (e.g. openssl rand -hex 24)');
  const dbConnectTimeoutMs = millis(env, 'TRIPARTITE_DB_CONNECT_TIMEOUT_MS', DEFAULT_DB_CONNECT_TIMEOUT_MS, 1, problems);
  const dbStatementTimeoutMs = millis(env, 'TRIPARTITE_DB_STATEMENT_TIMEOUT_MS', DEFAULT_DB_STATEMENT_TIMEOUT_MS, 0, problems);
  const graceRaw = env.TRIPARTITE_SHUTDOWN_GRACE_MS?.trim() || String(DEFAULT_SHUTDOWN_GRACE_MS);
  const shutdownGraceMs = Number(graceRaw);
  if (!/^\d+$/.test(graceRaw) || shutdownGraceMs > 3_600_000)
    problems.push(`TRIPARTITE_SHUTDOWN_GRACE_MS must be a whole number of milliseconds, 0–3600000, got "${graceRaw}"`);
  const dataKeys = dataKeysFrom(env, problems);
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    dataKeys,
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    sqlitePath: env.TRIPARTITE_DB?.trim() || './data/tripartite.db',
    pgSchema,
    logLevel,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    corsWriteOrigins,
    metricsToken,
    dbConnectTimeoutMs,
    dbStatementTimeoutMs,
    shutdownGraceMs,
    documentsDir: env.TRIPARTITE_DOCUMENTS_DIR?.trim() || null,
  };
}

function millis(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) problems.push(`${name} must be a whole number of milliseconds ≥ ${min}, got "${raw}"`);
  return value;
}

/** The origin as a browser sends it in the Origin header, or null when the entry is no bare origin. */
function originOf(entry: string): string | null {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // A path, query or credentials would never match an Origin header: refuse rather than ignore.
  if (url.origin !== entry.replace(/\/$/, '').toLowerCase() || url.username || url.password) return null;
  return url.origin;
}
