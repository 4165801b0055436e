import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { databaseUnavailable } from './db-errors.ts';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

async function errorOf(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  assert.fail('expected an error');
}

describe('which database errors are outages (503) rather than bugs (500)', () => {
  test('PostgreSQL refusing connections: unreachable', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'x', connectionTimeoutMillis: 2000 });
    assert.equal(databaseUnavailable(await errorOf(() => client.connect())), 'unreachable');
  });

  test('PostgreSQL that accepts the connection and never answers: unreachable once the connect timeout passes', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    const port = await listen(silent);
    try {
      const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'x', connectionTimeoutMillis: 200 });
      assert.equal(databaseUnavailable(await errorOf(() => pool.query('select 1'))), 'unreachable');
      await pool.end().catch(() => {});
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  test('PostgreSQL shutting down, starting up, or a connection-class SQLSTATE: unreachable', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001']) {
      const error = Object.assign(new pg.DatabaseError('terminating connection', 0, 'error'), { code });
      assert.equal(databaseUnavailable(error), 'unreachable', code);
    }
    assert.equal(databaseUnavailable(new Error('Connection terminated unexpectedly')), 'unreachable');
    assert.equal(databaseUnavailable(new Error('Client has encountered a connection error and is not queryable')), 'unreachable');
    assert.equal(
      databaseUnavailable(new Error('rollback failed', { cause: new Error('Connection terminated unexpectedly') })),
      'unreachable',
    );
  });

  test('SQLite refusing a write: read-only; a constraint is not an outage', () => {
    const db = new Database(':memory:');
    try {
      db.exec('create table t (id integer primary key)');
      db.exec('insert into t values (1)');
      const duplicate = (() => {
        try {
          db.exec('insert into t values (1)');
        } catch (error) {
          return error;
        }
      })();
      assert.equal(databaseUnavailable(duplicate), null);
      db.pragma('query_only = on');
      const readOnly = (() => {
        try {
          db.exec('insert into t values (2)');
        } catch (error) {
          return error;
        }
      })();
      assert.equal(databaseUnavailable(readOnly), 'read-only');
    } finally {
      db.close();
    }
    assert.equal(databaseUnavailable(Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' })), 'full');
    assert.equal(databaseUnavailable(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' })), 'io');
  });

  test('everything else is not an outage', () => {
    assert.equal(databaseUnavailable(new Error('boom')), null);
    assert.equal(databaseUnavailable(Object.assign(new pg.DatabaseError('duplicate key', 0, 'error'), { code: '23505' })), null);
    assert.equal(databaseUnavailable(undefined), null);
    assert.equal(databaseUnavailable('Connection terminated'), null);
  });
});
