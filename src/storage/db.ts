import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { type Config, DEFAULT_DB_CONNECT_TIMEOUT_MS, DEFAULT_DB_STATEMENT_TIMEOUT_MS } from '../config/env.ts';
import { type DialectInfo, POSTGRES, SQLITE } from './dialect.ts';
import { migrationProvider } from './migrations/index.ts';
import { ReconnectBackoff } from './reconnect-backoff.ts';
import type { Database } from './schema.ts';
import { registerSqliteConnection } from './statement-cache.ts';

export interface DbHandle {
  db: Kysely<Database>;
  dialect: DialectInfo;
  /** Human-readable target, without credentials, for logs and `db` commands. */
  describe: string;
  /** PostgreSQL: the schema everything lives in, Kysely's migration tables included. */
  pgSchema?: string;
  /** PostgreSQL: the pool's connections now, for the metrics. SQLite has one synchronous connection and none. */
  poolStats?(): PoolStats;
  close(): Promise<void>;
}

export interface PoolStats {
  inUse: number;
  idle: number;
  /** Queries queued for a connection because all `max` are in use. */
  waiting: number;
}

export type DbTarget = Pick<Config, 'databaseUrl' | 'sqlitePath' | 'pgSchema'> &
  Partial<Pick<Config, 'dbConnectTimeoutMs' | 'dbStatementTimeoutMs'>>;

/** The one place that chooses the engine. */
export async function openDb(target: DbTarget): Promise<DbHandle> {
  if (target.databaseUrl) return openPostgres(target.databaseUrl, target.pgSchema, target);
  return openSqlite(target.sqlitePath);
}

async function openSqlite(path: string): Promise<DbHandle> {
  const { default: SqliteDatabase } = await import('better-sqlite3');
  if (path !== ':memory:') {
    const { mkdirSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    mkdirSync(dirname(path), { recursive: true });
  }
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  registerSqliteConnection(db, sqlite);
  return {
    db,
    dialect: SQLITE,
    describe: `sqlite:${path}`,
    close: () => db.destroy(),
  };
}

async function openPostgres(url: string, schema: string, timeouts: DbTarget): Promise<DbHandle> {
  const pg = await import('pg');
  const { Pool, types } = pg.default;
  // count(*) and bigint arrive as strings by default; every count here fits a JS number.
  types.setTypeParser(20, (v: string) => Number(v));
  const connectionTimeoutMillis = timeouts.dbConnectTimeoutMs ?? DEFAULT_DB_CONNECT_TIMEOUT_MS;
  const bootstrap = new Pool({ connectionString: url, max: 1, connectionTimeoutMillis });
  bootstrap.on('error', () => {});
  try {
    await bootstrap.query(`create schema if not exists "${schema}"`);
  } finally {
    await bootstrap.end();
  }
  const statementTimeout = timeouts.dbStatementTimeoutMs ?? DEFAULT_DB_STATEMENT_TIMEOUT_MS;
  const pool = new Pool({
    connectionString: url,
    max: 10,
    options: `-c search_path="${schema}"${statementTimeout > 0 ? ` -c statement_timeout=${statementTimeout}` : ''}`,
    // Bounds both opening a connection and waiting for a free one, so a request gets its 503 in time
    // while the server is away (a refused connection fails at once; a silent network does not).
    connectionTimeoutMillis,
    // A dead peer on a silent network is noticed by the OS instead of never.
    keepAlive: true,
  });
  // The database going away (restart, failover) makes every open connection emit 'error': an idle
  // client's reaches the pool, a checked-out client's reaches only the client itself, and an 'error'
  // event nobody listens to kills the process. The query in flight on it fails on its own and is
  // answered 503; pg-pool drops such a client on release (it is no longer queryable) and opens fresh
  // ones on demand, which is the reconnection (decision 070).
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const backoff = new ReconnectBackoff();
  const connectWithBackoff = { connect: () => backoff.connect(() => pool.connect()), end: () => pool.end() };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: connectWithBackoff }) });
  const safe = url.replace(/\/\/[^@/]*@/, '//***@');
  return {
    db,
    dialect: POSTGRES,
    describe: `postgres:${safe} (schema ${schema})`,
    pgSchema: schema,
    poolStats: () => ({ inUse: pool.totalCount - pool.idleCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => db.destroy(),
  };
}

/**
 * Kysely's PostgreSQL migrator looks for its table by listing the tables of EVERY schema in the
 * database (calling pg_get_serial_sequence on each column). A schema dropped by someone else at that
 * moment makes the listing fail with 3F000 "schema … does not exist", though nothing is wrong with
 * ours (seen when several instances or test runs share a database); a table or column dropped
 * at that moment fails it with 42P01 or 42703. The listing changes nothing, so it is run again, a few times.
 */
/*
 * 3F000: the schema was dropped while listed; 42P01 / 42703: a table or column of another schema was
 * dropped between the catalogue scan and pg_get_serial_sequence on it (seen with many test schemas
 * dropped while another process migrates). A real migration error with these codes fails again on
 * each attempt (each run is one transaction) and is thrown after the last.
 */
const SCHEMA_RACE_CODES = new Set(['3F000', '42P01', '42703']);

export async function runRetryingSchemaRace<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!SCHEMA_RACE_CODES.has((error as { code?: string }).code ?? '') || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

export async function migrateToLatest(handle: DbHandle): Promise<string[]> {
  // Without an explicit schema Kysely's migrator takes a kysely_migration table in ANY schema of the
  // database as its own, and then fails (or skips migrations) in a new schema next to an old one.
  const migrator = new Migrator({
    db: handle.db,
    provider: migrationProvider(handle.dialect),
    ...(handle.pgSchema ? { migrationTableSchema: handle.pgSchema } : {}),
  });
  const run = async () => {
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  };
  if (handle.dialect.name !== 'sqlite') return runRetryingSchemaRace(run); // PostgreSQL: the Migrator takes an advisory lock.
  // Kysely's SQLite migrator has no lock, so two processes opening one new file would both create
  // the tables. An IMMEDIATE transaction makes the second wait (busy_timeout) and then find nothing to do.
  await sql`begin immediate`.execute(handle.db);
  try {
    const applied = await run();
    await sql`commit`.execute(handle.db);
    return applied;
  } catch (error) {
    await sql`rollback`.execute(handle.db).catch(() => {});
    throw error;
  }
}
