import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { createServices, type Services } from '../../src/container.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { IMPORT_CHUNK_ROWS } from '../../src/services/ratification-import.ts';
import { BackupFileError, BackupRefused, backupDatabase, databaseHasData, restoreDatabase, TABLES } from '../../src/storage/backup.ts';
import { type DbHandle, migrateToLatest, openDb } from '../../src/storage/db.ts';
import { PROJECT_ROOT } from '../../src/storage/paths.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { allDatabases, postgresDatabase, sqliteDatabase, TEST_DATA_KEY, type TestDatabase } from '../support/databases.ts';

const NOW = new Date('2026-11-27T10:00:00.000Z');
const source = 'Test source: ILO NORMLEX printout, 2026';
const work = mkdtempSync(join(tmpdir(), 'tripartite-backup-'));
let fileNo = 0;
const newFile = (name = 'backup') => join(work, `${name}-${++fileNo}.jsonl.gz`);

after(() => rmSync(work, { recursive: true, force: true }));

type Dump = Record<string, Record<string, unknown>[]>;

/**
 * Every row of every table, sorted by key in JS (so both engines' collations give one order);
 * data_version and the cache version of everything (which a restore bumps) left out.
 */
async function dump(handle: DbHandle): Promise<Dump> {
  const db = handle.db as unknown as Kysely<any>;
  const out: Dump = {};
  for (const { name, key } of TABLES) {
    const rows = (await db.selectFrom(name).selectAll().execute()) as Record<string, unknown>[];
    rows.sort((a, b) => (String(a[key]).padStart(12) < String(b[key]).padStart(12) ? -1 : 1));
    out[name] =
      name === 'meta'
        ? rows.filter((r) => r.key !== 'data_version')
        : name === 'record_versions'
          ? rows.filter((r) => r.key !== '*')
          : rows;
  }
  return out;
}

function counts(d: Dump): Record<string, number> {
  return Object.fromEntries(Object.entries(d).map(([t, rows]) => [t, rows.length]));
}

async function dataVersion(handle: DbHandle): Promise<string | undefined> {
  const row = await handle.db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirst();
  return row?.value;
}

/** What the API would answer: read through the services (and their caches). */
async function apiReads(services: Services) {
  return JSON.parse(
    JSON.stringify({
      idn: await services.registry.getCountryProfile('IDN'),
      mys: await services.registry.getCountryProfile('MYS'),
      c138: await services.registry.listRatifications({ instrument: 'C138' }, null),
      history: await services.edits.history({}, { page: 1, pageSize: 200 }),
      users: await services.accounts.listUsers(),
    }),
  );
}

function fresh(like: TestDatabase): Promise<TestDatabase> {
  return like.name === 'sqlite' ? Promise.resolve(sqliteDatabase()) : postgresDatabase();
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const databases = await allDatabases();

for (const target of databases) {
  describe(`backup, restore and import on ${target.name}`, { skip: target.skip }, () => {
    let services: Services;
    let admin: Actor;

    before(async () => {
      services = await createServices(target.config, { hasher: testHasher });
      admin = await services.accounts.createUser({ email: 'admin@example.org', password: PASSWORD, role: 'admin' }, NOW);
    });

    after(async () => {
      await services?.close();
      await target.cleanup();
    });

    test('backup, change, restore: every table and every API read is as at the backup', async () => {
      const { edits, accounts } = services;
      await edits.saveRatification(admin, { country: 'IDN', instrument: 'C155', registrationDate: '2026', source }, NOW);
      await edits.updateNationalProfile(admin, { country: 'IDN', compulsoryEducationAge: 16, source }, NOW);
      const session = await accounts.login('admin@example.org', PASSWORD, '127.0.0.1', NOW);
      await accounts.createApiToken(admin.id, 'backup test', NOW);

      const file = newFile();
      const summary = await backupDatabase(services.handle, file, NOW);
      const atBackup = await dump(services.handle);
      const readsAtBackup = await apiReads(services);
      const versionAtBackup = await dataVersion(services.handle);
      assert.equal(
        summary.total,
        Object.values(counts(atBackup)).reduce((a, b) => a + b, 0) + 2,
        'every row, data_version and the version of everything included',
      );
      assert.deepEqual(
        summary.header.tables,
        TABLES.map((t) => t.name),
      );
      assert.ok(summary.rows.sessions === 1 && summary.rows.api_tokens === 1 && summary.rows.events === 2 && summary.rows.users === 1);

      // Change everything a restore must undo.
      const later = new Date(NOW.getTime() + 60_000);
      const upd = await edits.saveRatification(admin, { country: 'IDN', instrument: 'C155', status: 'in_force', source }, later);
      await edits.denounce(admin, { country: 'MYS', instrument: 'C138', date: '2026-01-01', source }, later);
      await edits.revert(admin, upd.event?.id as number, 'test', later);
      await edits.updateNationalProfile(admin, { country: 'IDN', compulsoryEducationAge: 15, source }, later);
      await accounts.createUser({ email: 'later@example.org', password: PASSWORD, role: 'secretariat' }, later);
      await accounts.logout(session.token);
      assert.notDeepEqual(await apiReads(services), readsAtBackup);

      const restored = await restoreDatabase(services.handle, file, { replace: true });
      assert.deepEqual(restored.rows, summary.rows);
      assert.deepEqual(await dump(services.handle), atBackup);
      // Read through the same services: their caches must notice the new data version.
      assert.deepEqual(await apiReads(services), readsAtBackup);
      assert.notEqual(await dataVersion(services.handle), versionAtBackup);
      assert.ok(await accounts.session(session.token, later), 'the session of the backup moment is back');

      // Identities continue after the restored ids.
      const maxEvent = Math.max(...(atBackup.events?.map((e) => Number(e.id)) ?? [0]));
      const next = await edits.saveRatification(admin, { country: 'IDN', instrument: 'C155', legalAct: 'after restore', source }, later);
      assert.equal(next.event?.id, maxEvent + 1);
      const user = await accounts.createUser({ email: 'after@example.org', password: PASSWORD, role: 'secretariat' }, later);
      assert.equal(user.id, admin.id + 1);
    });

    test('a backup is readable by its owner only (mode 0600), also when it replaces an existing file', async () => {
      const fresh = newFile('mode');
      await backupDatabase(services.handle, fresh, NOW);
      assert.equal(statSync(fresh).mode & 0o777, 0o600);
      const existing = newFile('mode-existing');
      writeFileSync(existing, 'an older file anyone could read', { mode: 0o644 });
      chmodSync(existing, 0o644);
      await backupDatabase(services.handle, existing, NOW);
      assert.equal(statSync(existing).mode & 0o777, 0o600);
      assert.ok(readFileSync(existing).length > 20 && readFileSync(existing)[0] === 0x1f, 'the old file was replaced by the gzip backup');
    });

    test('restore refuses a database with data unless told, and a corrupt or truncated file changes nothing', async () => {
      const file = newFile();
      await backupDatabase(services.handle, file, NOW);
      await assert.rejects(restoreDatabase(services.handle, file, { replace: false }), BackupRefused);
      const before = await dump(services.handle);
      const version = await dataVersion(services.handle);

      const bytes = readFileSync(file);
      const truncated = newFile('truncated');
      writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
      await assert.rejects(restoreDatabase(services.handle, truncated, { replace: true }), (e: Error) => {
        assert.ok(e instanceof BackupFileError, e.message);
        assert.match(e.message, /truncated/);
        return true;
      });
      const corrupt = newFile('corrupt');
      const flipped = Buffer.from(bytes);
      const at = Math.floor(flipped.length * 0.6);
      flipped[at] = (flipped[at] as number) ^ 0xff;
      writeFileSync(corrupt, flipped);
      await assert.rejects(restoreDatabase(services.handle, corrupt, { replace: true }), BackupFileError);
      const notGzip = newFile('plain');
      writeFileSync(notGzip, '{"format":"tripartite-backup"}\n');
      await assert.rejects(restoreDatabase(services.handle, notGzip, { replace: true }), BackupFileError);

      assert.deepEqual(await dump(services.handle), before);
      assert.equal(await dataVersion(services.handle), version);
    });

    test('a backup taken while edits run restores to a state where every write is whole and has its event', async (t) => {
      // The backup reads through its own connection, as `tripartite backup` does next to a running server.
      const reader = await openDb(target.config);
      const records = ['IDN', 'MYS', 'PHL', 'THA', 'VNM'].map((country) => ({ country, instrument: 'C155' }));
      const loopSource = `concurrency loop ${target.name}`;
      let stop = false;
      let done = 0;
      const loop = (async () => {
        for (let i = 0; !stop; i++) {
          const r = records[i % records.length] as (typeof records)[number];
          await services.edits.saveRatification(admin, { ...r, legalAct: `loop ${i}`, source: loopSource }, NOW);
          done++;
          // Like a server between requests; SQLite calls are synchronous, so without this the loop
          // would be one endless chain of microtasks and starve the timers and the backup's I/O.
          await new Promise((r) => setImmediate(r));
        }
      })();
      const file = newFile('concurrent');
      let doneBefore = 0;
      let doneAfter = 0;
      try {
        await until('the first writes', () => done >= 10);
        doneBefore = done;
        await backupDatabase(reader, file, NOW);
        doneAfter = done;
        await until('writes after the backup', () => done >= doneAfter + 5);
      } finally {
        stop = true;
        await loop;
        await reader.close();
      }
      assert.ok(doneAfter > doneBefore, `writes went on during the backup (${doneBefore} → ${doneAfter})`);

      const copy = await fresh(target);
      const handle = await openDb(copy.config);
      try {
        await migrateToLatest(handle);
        assert.equal(await databaseHasData(handle), false);
        await restoreDatabase(handle, file, { replace: false });
        const events = await handle.db.selectFrom('events').selectAll().where('source', '=', loopSource).orderBy('id').execute();
        const k = events.length;
        t.diagnostic(`writes done when the backup began ${doneBefore}, in its snapshot ${k}, done when it ended ${doneAfter}`);
        assert.ok(k >= doneBefore && k <= doneAfter, `the snapshot holds ${k} writes, taken between ${doneBefore} and ${doneAfter}`);
        // A prefix of the loop, in order: write i is event i, with its after-image.
        events.forEach((e, i) => {
          assert.equal((JSON.parse(e.after as string) as { legalAct: string }).legalAct, `loop ${i}`);
        });
        // Each record is exactly its last event's after-image: no write without its event, or the reverse.
        const state = await handle.db
          .selectFrom('ratifications')
          .select(['country_iso3', 'legal_act', 'source'])
          .where('instrument_code', '=', 'C155')
          .where(
            'country_iso3',
            'in',
            records.map((r) => r.country),
          )
          .execute();
        let writes = 0;
        for (const r of records) {
          const last = events.filter((e) => e.record_key === `${r.country}/C155`).at(-1);
          const row = state.find((s) => s.country_iso3 === r.country);
          if (!last) {
            assert.ok(!row || row.source !== loopSource, `${r.country} untouched`);
            continue;
          }
          assert.equal(row?.legal_act, (JSON.parse(last.after as string) as { legalAct: string }).legalAct, r.country);
          writes = Math.max(writes, Number(row?.legal_act?.slice('loop '.length)) + 1);
        }
        assert.equal(writes, k, 'the number of events equals the number of writes the records show');
      } finally {
        await handle.close();
        await copy.cleanup();
      }
    });

    test('an import killed in the middle of its transaction leaves none of its rows (crash test)', async (t) => {
      const { db } = services.handle;
      const countries = (await db.selectFrom('countries').select('iso3').orderBy('iso3').execute()).map((r) => r.iso3);
      const instruments = (
        await db.selectFrom('instruments').select('code').where('type', '!=', 'recommendation').orderBy('code').execute()
      ).map((r) => r.code);
      const crashSource = `crash test ${target.name} ${Date.now()}`;
      // Several chunks of the batched import, so the kill lands between two of them, inside the transaction.
      const rowCount = 6 * IMPORT_CHUNK_ROWS;
      const lines = ['country,instrument,legal_act,source'];
      for (const i of instruments)
        for (const c of countries) if (lines.length <= rowCount) lines.push(`${c},${i},crash import,"${crashSource}"`);
      assert.equal(lines.length, rowCount + 1);
      const csv = join(work, `crash-${target.name}.csv`);
      writeFileSync(csv, `${lines.join('\n')}\n`);
      const eventsBefore = Number(
        (
          await db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, LOG_LEVEL: 'silent', TZ: 'UTC' };
      if (target.config.databaseUrl)
        Object.assign(env, {
          DATABASE_URL: target.config.databaseUrl,
          TRIPARTITE_PG_SCHEMA: target.config.pgSchema,
          TRIPARTITE_DATA_KEY: TEST_DATA_KEY,
        });
      else env.TRIPARTITE_DB = target.config.sqlitePath;
      const child: ChildProcess = spawn(
        process.execPath,
        [join(PROJECT_ROOT, 'bin/tripartite.js'), 'import', csv, '--as', 'admin@example.org'],
        {
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let out = '';
      let err = '';
      child.stdout?.on('data', (d) => (out += d));
      child.stderr?.on('data', (d) => (err += d));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      let finished = false;
      void exited.then(() => (finished = true));

      try {
        // The child says when it has parsed the file and is about to open its transaction …
        await until('the import to start', () => finished || out.includes(`Importing ${rowCount} rows`), 60_000);
        assert.ok(!finished, `the import ended before it started writing: ${out} ${err}`);
        // … then reports each chunk it has written, inside its transaction …
        await until(
          'the first chunk to be written',
          () => finished || err.includes(`Written ${IMPORT_CHUNK_ROWS.toLocaleString('en-US')} of`),
          60_000,
        );
        assert.ok(!finished, `the import finished before it could be killed: ${out} ${err}`);
        // … holding the write lock (SQLite) or row locks (PostgreSQL) while it writes the next.
        assert.ok(await importHoldsLocks(target), 'the import transaction holds its locks');
        child.kill('SIGKILL');
        t.diagnostic(`killed the import after: ${err.trim().split('\n').pop()}`);
        const { signal } = await exited;
        assert.equal(signal, 'SIGKILL');
      } finally {
        if (!finished) child.kill('SIGKILL');
      }

      if (target.name === 'postgres') {
        // The server rolls back the killed client's transaction once it sees the connection close.
        await until('the killed transaction to end', async () => !(await importHoldsLocks(target)), 15_000);
      }
      const imported = Number(
        (
          await db
            .selectFrom('ratifications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('source', '=', crashSource)
            .executeTakeFirstOrThrow()
        ).n,
      );
      const importEvents = Number(
        (
          await db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('source', '=', crashSource)
            .executeTakeFirstOrThrow()
        ).n,
      );
      assert.ok(imported === 0 || imported === rowCount, `all or nothing, found ${imported}`);
      assert.equal(imported, 0, 'killed before its commit, so nothing');
      assert.equal(importEvents, imported, 'the history agrees with the data');
      const eventsAfter = Number(
        (
          await db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      assert.equal(eventsAfter, eventsBefore);
      const orphans = await sql<{ n: number }>`
        select count(*) as n from declarations d where not exists (select 1 from ratifications r where r.id = d.ratification_id)`.execute(
        db,
      );
      assert.equal(Number(orphans.rows[0]?.n), 0);
      if (target.name === 'sqlite') {
        const check = new Database(target.config.sqlitePath, { readonly: true });
        try {
          assert.deepEqual(check.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
          assert.deepEqual(check.pragma('foreign_key_check'), []);
        } finally {
          check.close();
        }
      }
      // The database still takes writes afterwards.
      const after = await services.edits.saveRatification(
        admin,
        { country: 'IDN', instrument: 'C155', legalAct: 'after the crash', source },
        NOW,
      );
      assert.ok(after.event);
    });
  });
}

/** Whether another connection is inside a write transaction on the test database. */
async function importHoldsLocks(target: TestDatabase): Promise<boolean> {
  if (target.name === 'sqlite') {
    const probe = new Database(target.config.sqlitePath, { timeout: 0 });
    try {
      probe.exec('begin immediate');
      probe.exec('rollback');
      return false;
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
      throw error;
    } finally {
      probe.close();
    }
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: target.config.databaseUrl as string });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation join pg_namespace s on s.oid = c.relnamespace
       where s.nspname = $1 and c.relname = 'events' and l.mode = 'RowExclusiveLock' and l.pid <> pg_backend_pid()`,
      [target.config.pgSchema],
    );
    return (rows[0] as { n: number }).n > 0;
  } finally {
    await client.end();
  }
}

const [sqliteTarget, pgTarget] = databases;
describe('a backup restores across engines', { skip: pgTarget?.skip || sqliteTarget?.skip }, () => {
  test('SQLite → PostgreSQL → SQLite gives equal tables and equal API reads', async () => {
    const origin = sqliteDatabase();
    const middle = await postgresDatabase();
    const back = sqliteDatabase();
    const opened: Services[] = [];
    try {
      const a = await createServices(origin.config, { hasher: testHasher });
      opened.push(a);
      const admin = await a.accounts.createUser({ email: 'admin@example.org', password: PASSWORD, role: 'admin' }, NOW);
      await a.accounts.createUser({ email: 'fp@example.org', password: PASSWORD, role: 'focal_point', countries: ['IDN'] }, NOW);
      await a.edits.saveRatification(
        admin,
        {
          country: 'IDN',
          instrument: 'C138',
          minimumAge: { value: 16, article: 'C138 Art 2(2)', date: '2026-01-01' },
          source,
          reason: 'é ü 中文 "quoted"\nnew line',
        },
        NOW,
      );
      await a.edits.updateNationalProfile(admin, { country: 'IDN', hazardousMinimumAge: 18, source }, NOW);
      await a.accounts.login('admin@example.org', PASSWORD, '10.0.0.1', NOW);
      const file = newFile('cross');
      await backupDatabase(a.handle, file, NOW);
      const expected = await dump(a.handle);
      const reads = await apiReads(a);

      // prepare: false: restore goes into an empty, migrated database.
      const b = await createServices(middle.config, { hasher: testHasher, prepare: false });
      opened.push(b);
      await migrateToLatest(b.handle);
      await restoreDatabase(b.handle, file, { replace: false });
      assert.deepEqual(await dump(b.handle), expected);
      assert.deepEqual(await apiReads(b), reads);
      assert.ok(await b.accounts.login('admin@example.org', PASSWORD, '10.0.0.2', NOW), 'password hashes survive');

      const pgFile = newFile('cross-pg');
      const header = (await backupDatabase(b.handle, pgFile, NOW)).header;
      assert.equal(header.engine, 'postgres');
      const c = await createServices(back.config, { hasher: testHasher, prepare: false });
      opened.push(c);
      await migrateToLatest(c.handle);
      await restoreDatabase(c.handle, pgFile, { replace: false });
      const final = await dump(c.handle);
      // The PostgreSQL side added one session (the login above); everything else is identical.
      assert.deepEqual({ ...final, sessions: [] }, { ...expected, sessions: [] });
      assert.equal(final.sessions?.length, (expected.sessions?.length ?? 0) + 1);
    } finally {
      for (const s of opened) await s.close();
      await origin.cleanup();
      await middle.cleanup();
      await back.cleanup();
    }
  });
});
