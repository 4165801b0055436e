import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/config/env.ts';
import { keyring, parseDataKey } from '../../src/storage/field-crypto.ts';

export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The data key of this test process (issue 11): a PostgreSQL server refuses to start without one,
 * so PostgreSQL configs carry it and spawned servers get it as TRIPARTITE_DATA_KEY.
 */
export const TEST_DATA_KEY = randomBytes(32).toString('base64');
export const TEST_DATA_KEYS = keyring(parseDataKey(TEST_DATA_KEY));

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  config: Config;
  /** Why this database is unavailable; the suite is skipped with this message. */
  skip: string | false;
  cleanup(): Promise<void>;
}

let pgAvailable: Promise<string | false> | null = null;

/** Resolves to false when PostgreSQL answers, or to the reason it cannot be used. */
export function postgresUnavailable(): Promise<string | false> {
  pgAvailable ??= (async () => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return false;
    } catch (error) {
      return `PostgreSQL not reachable at ${TEST_PG_URL.replace(/\/\/[^@/]*@/, '//***@')}: ${(error as Error).message}`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgAvailable;
}

function baseConfig(): Config {
  return { port: 0, host: '127.0.0.1', databaseUrl: null, sqlitePath: ':memory:', pgSchema: 'public', logLevel: 'silent' };
}

export function sqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'tripartite-test-'));
  return {
    name: 'sqlite',
    config: { ...baseConfig(), sqlitePath: join(dir, 'test.db') },
    skip: false,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh schema per test file, dropped afterwards, so suites never see each other's rows. */
export async function postgresDatabase(): Promise<TestDatabase> {
  const reason = await postgresUnavailable();
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  return {
    name: 'postgres',
    config: { ...baseConfig(), databaseUrl: TEST_PG_URL, pgSchema: schema, dataKeys: TEST_DATA_KEYS },
    skip: reason ? loudSkip(reason) : false,
    cleanup: async () => {
      if (reason) return;
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function allDatabases(): Promise<TestDatabase[]> {
  return [sqliteDatabase(), await postgresDatabase()];
}

function loudSkip(reason: string): string | false {
  if (process.env.TRIPARTITE_REQUIRE_PG === '1') {
    throw new Error(`PostgreSQL is required (TRIPARTITE_REQUIRE_PG=1) but ${reason}`);
  }
  console.log(`\n!!! SKIPPED: PostgreSQL suite — ${reason}\n`);
  return `PostgreSQL unavailable: ${reason}`;
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function chromiumUnavailable(): string | false {
  if (existsSync(CHROMIUM_PATH)) return false;
  const reason = `browser tests need ${CHROMIUM_PATH} (apt-get install -y chromium)`;
  if (process.env.TRIPARTITE_REQUIRE_BROWSER === '1') throw new Error(`Chromium is required (TRIPARTITE_REQUIRE_BROWSER=1) but ${reason}`);
  console.log(`\n!!! SKIPPED: ${reason}\n`);
  return reason;
}
