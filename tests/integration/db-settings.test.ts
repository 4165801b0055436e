import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { ConfigError, loadConfig } from '../../src/config/env.ts';
import { type DbHandle, openDb } from '../../src/storage/db.ts';
import { postgresDatabase } from '../support/databases.ts';

describe('TRIPARTITE_DB_CONNECT_TIMEOUT_MS and TRIPARTITE_DB_STATEMENT_TIMEOUT_MS', () => {
  test('default to 2 s and 30 s; take whole milliseconds; anything else is refused at start-up naming the setting', () => {
    const defaults = loadConfig({});
    assert.equal(defaults.dbConnectTimeoutMs, 2000);
    assert.equal(defaults.dbStatementTimeoutMs, 30_000);
    const set = loadConfig({ TRIPARTITE_DB_CONNECT_TIMEOUT_MS: '500', TRIPARTITE_DB_STATEMENT_TIMEOUT_MS: '0' });
    assert.equal(set.dbConnectTimeoutMs, 500);
    assert.equal(set.dbStatementTimeoutMs, 0);
    for (const [name, bad] of [
      ['TRIPARTITE_DB_CONNECT_TIMEOUT_MS', '0'],
      ['TRIPARTITE_DB_CONNECT_TIMEOUT_MS', '2s'],
      ['TRIPARTITE_DB_STATEMENT_TIMEOUT_MS', '-1'],
      ['TRIPARTITE_DB_STATEMENT_TIMEOUT_MS', '1.5'],
    ] as const) {
      assert.throws(() => loadConfig({ [name]: bad }), ConfigError, `${name}=${bad}`);
      assert.throws(() => loadConfig({ [name]: bad }), new RegExp(`${name} must be a whole number of milliseconds`));
    }
  });
});

const database = await postgresDatabase();
describe('the statement timeout on PostgreSQL', { skip: database.skip }, () => {
  let handle: DbHandle | undefined;
  after(async () => {
    await handle?.close();
    await database.cleanup();
  });

  test('is the session statement_timeout of every pooled connection, and cancels a longer statement', async () => {
    handle = await openDb({ ...database.config, dbStatementTimeoutMs: 300 });
    const shown = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(handle.db);
    assert.equal(shown.rows[0]?.statement_timeout, '300ms');
    await assert.rejects(sql`select pg_sleep(2)`.execute(handle.db), (error: { code?: string }) => error.code === '57014');
    assert.equal(
      (await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows[0]?.one,
      1,
      'the connection is usable after the cancel',
    );
  });
});
