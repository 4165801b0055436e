import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { runCli } from '../../src/cli/index.ts';
import type { Config } from '../../src/config/env.ts';
import { createServices, type Services } from '../../src/container.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { EditService } from '../../src/services/edit-service.ts';
import { type ImportRow, parseImportCsv } from '../../src/services/import-csv.ts';
import { IMPORT_CHUNK_ROWS, type ImportProgress } from '../../src/services/ratification-import.ts';
import { inBatches, MAX_ROWS_PER_STATEMENT, rowsPerStatement } from '../../src/storage/batch-writes.ts';
import { KyselyHistoryRepository } from '../../src/storage/history-repository.ts';
import type { Database as Schema } from '../../src/storage/schema.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { allDatabases, postgresDatabase, sqliteDatabase, TEST_DATA_KEY, type TestDatabase } from '../support/databases.ts';
import { IMPORT_HEADER, type ImportPair, importCsv, importLine, importPairs } from '../support/import-rows.ts';

const NOW = new Date('2026-11-27T10:00:00.000Z');

test('rows per statement stay within the parameter limit, and batches keep every item in order', () => {
  assert.equal(rowsPerStatement(40, 12), 3);
  assert.equal(rowsPerStatement(40, 9), 4);
  assert.equal(rowsPerStatement(5, 12), 1, 'a row wider than the limit still goes, one per statement');
  assert.equal(rowsPerStatement(30_000, 12), Math.min(MAX_ROWS_PER_STATEMENT, 2_500));
  const items = Array.from({ length: 10 }, (_, i) => i);
  assert.deepEqual(inBatches(items, 3), [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
  assert.deepEqual(inBatches([], 3), []);
});

/** One seeded database with an admin, and the registry's valid import rows. */
interface Opened {
  target: TestDatabase;
  services: Services;
  admin: Actor;
  close(): Promise<void>;
}

async function open(like: 'sqlite' | 'postgres'): Promise<Opened> {
  const target = like === 'sqlite' ? sqliteDatabase() : await postgresDatabase();
  const services = await createServices(target.config, { hasher: testHasher });
  const admin = await services.accounts.createUser({ email: 'admin@example.org', password: PASSWORD, role: 'admin' }, NOW);
  return {
    target,
    services,
    admin,
    close: async () => {
      await services.close();
      await target.cleanup();
    },
  };
}

/** A second connection to the same database whose every statement is logged with its bound values. */
function loggedDb(config: Config, log: (event: LogEvent) => void): Kysely<Schema> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, options: `-c search_path="${config.pgSchema}"`, max: 1 });
    return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), log });
  }
  const sqlite = new Database(config.sqlitePath);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }), log });
}

async function rowsOf(lines: string[]): Promise<ImportRow[]> {
  const parsed = await parseImportCsv([`${[IMPORT_HEADER, ...lines].join('\n')}\n`]);
  assert.deepEqual(parsed.problems, []);
  return parsed.rows;
}

/** Every row of the tables an import writes, in id order; the random data version left out. */
async function written(db: Kysely<Schema>) {
  const byId = (a: { id: number }, b: { id: number }) => Number(a.id) - Number(b.id);
  return {
    ratifications: (await db.selectFrom('ratifications').selectAll().execute()).sort(byId),
    declarations: (await db.selectFrom('declarations').selectAll().execute()).sort(byId),
    events: (await db.selectFrom('events').selectAll().execute()).sort(byId),
    // The data key check is sealed with a fresh IV in each database: equal in meaning, never in bytes.
    meta: (await db.selectFrom('meta').selectAll().where('key', 'not in', ['data_version', 'data_key_check']).execute()).sort((a, b) =>
      a.key < b.key ? -1 : 1,
    ),
  };
}

/** Some records the bundled data already holds (with C138 declarations), and new ones. */
function samplePairs(pairs: ImportPair[]): { pair: ImportPair; index: number }[] {
  const chosen = new Set(['C029', 'C087', 'C138', 'C182']);
  return pairs.map((pair, index) => ({ pair, index })).filter(({ pair, index }) => chosen.has(pair.instrument) && index % 3 === 0);
}

const databases = await allDatabases();
for (const { cleanup } of databases) await cleanup();

for (const like of databases) {
  describe(`batched import on ${like.name}`, { skip: like.skip }, () => {
    const opened: Opened[] = [];
    let pairs: ImportPair[];
    const openOne = async () => {
      const o = await open(like.name);
      opened.push(o);
      return o;
    };

    before(async () => {
      const o = await openOne();
      pairs = await importPairs(o.services.handle.db);
    });

    after(async () => {
      for (const o of opened) await o.close();
    });

    test('batched, in chunks and at a small parameter limit, it writes exactly the records and history of the row-by-row import', async () => {
      const sample = samplePairs(pairs);
      assert.ok(sample.length > 200, `a few hundred rows, got ${sample.length}`);
      // First file: creates and corrections of bundled records; second: every other record changed again, the rest as they are.
      const first = await rowsOf(sample.map(({ pair, index }) => importLine(pair, index, 0)));
      const second = await rowsOf(sample.map(({ pair, index }) => importLine(pair, index, index % 2 === 0 ? 1 : 0)));

      const rowByRow = await openOne();
      const batched = await openOne();
      const limited = await openOne();
      const params: number[] = [];
      const inserts = { events: 0, ratifications: 0 };
      const logged = loggedDb(limited.target.config, (event) => {
        if (event.level !== 'query') return;
        params.push(event.query.parameters.length);
        if (/^insert into "events"/.test(event.query.sql)) inserts.events++;
        if (/^insert into "ratifications"/.test(event.query.sql)) inserts.ratifications++;
      });
      try {
        const atLimit = new EditService(new KyselyHistoryRepository(logged, { maxParams: 40 }));
        const outcomes: unknown[][] = [[], [], []];
        for (const rows of [first, second]) {
          outcomes[0]?.push(await rowByRow.services.edits.importRatificationsRowByRow(rowByRow.admin, rows, NOW));
          outcomes[1]?.push(await batched.services.edits.importRatifications(batched.admin, rows, NOW, { chunkRows: 64 }));
          outcomes[2]?.push(await atLimit.importRatifications(limited.admin, rows, NOW));
        }
        const [counts] = outcomes as [{ created: number; updated: number; unchanged: number }[]];
        assert.ok(counts[0] && counts[0].created > 0 && counts[0].updated > 0, `creates and updates: ${JSON.stringify(counts[0])}`);
        assert.ok(counts[1] && counts[1].updated > 0 && counts[1].unchanged > 0, `updates and unchanged: ${JSON.stringify(counts[1])}`);
        assert.deepEqual(outcomes[1], outcomes[0]);
        assert.deepEqual(outcomes[2], outcomes[0]);

        const expected = await written(rowByRow.services.handle.db);
        assert.ok(expected.declarations.length > 0 && expected.events.length === counts.reduce((n, c) => n + c.created + c.updated, 0));
        assert.deepEqual(await written(batched.services.handle.db), expected);
        assert.deepEqual(await written(limited.services.handle.db), expected);
        // The same history through the service, as the API and the CLI list it.
        const history = (s: Services) => s.edits.history({}, { page: 1, pageSize: 1000 });
        assert.deepEqual(await history(batched.services), await history(rowByRow.services));

        assert.ok(params.length > 0);
        assert.ok(Math.max(...params) <= 40, `a statement bound ${Math.max(...params)} values`);
        // 12 values per event, so 3 events a statement; 9 per ratification, 4 a statement.
        assert.ok(inserts.events >= Math.ceil(expected.events.length / 3), `${inserts.events} event inserts`);
        assert.ok(inserts.ratifications >= Math.ceil(counts[0].created / 4), `${inserts.ratifications} ratification inserts`);
      } finally {
        await logged.destroy();
      }
    });

    test('progress is reported after each chunk, up to every row', async () => {
      const o = await openOne();
      const rows = await rowsOf(pairs.slice(0, 250).map((pair, i) => importLine(pair, i, 0)));
      const seen: ImportProgress[] = [];
      await o.services.edits.importRatifications(o.admin, rows, NOW, { chunkRows: 100, onProgress: (p) => seen.push(p) });
      assert.deepEqual(seen, [
        { done: 100, total: 250 },
        { done: 200, total: 250 },
        { done: 250, total: 250 },
      ]);
    });

    test('every refused row of every chunk is reported like the row-by-row import, and nothing is written', async () => {
      const o = await openOne();
      const good = pairs.slice(0, 150).map((pair, i) => importLine(pair, i, 0));
      const rows = await rowsOf(good);
      // Problems the one-pass check would have caught, planted in the first and last chunks to reach the service.
      rows[3] = { line: rows[3]?.line as number, input: { ...(rows[3]?.input as ImportRow['input']), country: 'XXA' } };
      rows[70] = { line: rows[70]?.line as number, input: { ...(rows[70]?.input as ImportRow['input']), registrationDate: '2999' } };
      rows[149] = { line: rows[149]?.line as number, input: { ...(rows[149]?.input as ImportRow['input']), instrument: 'C999' } };
      const before = await written(o.services.handle.db);
      const refusal = async (run: () => Promise<unknown>) => {
        const error = await run().then(
          () => null,
          (e: unknown) => e,
        );
        assert.ok(error instanceof DomainError, `refused, got ${String(error)}`);
        return { code: error.code, issues: error.issues };
      };
      const batched = await refusal(() => o.services.edits.importRatifications(o.admin, rows, NOW, { chunkRows: 50 }));
      const rowByRow = await refusal(() => o.services.edits.importRatificationsRowByRow(o.admin, rows, NOW));
      assert.deepEqual(batched, rowByRow);
      assert.deepEqual(
        batched.issues.map((i) => i.field),
        ['line 5', 'line 72, registrationDate', 'line 151'],
      );
      assert.deepEqual(
        await written(o.services.handle.db),
        before,
        'all or nothing: the chunks written before the refusal are rolled back',
      );
    });

    test('tripartite import reports progress on standard error on a long import, never in its --json output', async () => {
      const o = await openOne();
      const dir = mkdtempSync(join(tmpdir(), 'tripartite-import-progress-'));
      try {
        const rows = 2 * IMPORT_CHUNK_ROWS + 1;
        const file = join(dir, 'long.csv');
        writeFileSync(file, importCsv(pairs, 0, rows));
        const { config } = o.target;
        const env: NodeJS.ProcessEnv = config.databaseUrl
          ? {
              DATABASE_URL: config.databaseUrl,
              TRIPARTITE_PG_SCHEMA: config.pgSchema,
              TRIPARTITE_DATA_KEY: TEST_DATA_KEY,
              LOG_LEVEL: 'silent',
            }
          : { TRIPARTITE_DB: config.sqlitePath, LOG_LEVEL: 'silent' };
        const cli = async (args: string[]) => {
          let stdout = '';
          let stderr = '';
          const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), env, stdin: Readable.from([]) };
          const code = await runCli(args, io);
          return { code, stdout, stderr };
        };
        const json = await cli(['import', file, '--as', 'admin@example.org', '--json']);
        assert.equal(json.code, 0, json.stderr);
        const report = JSON.parse(json.stdout) as { rows: number; created: number; updated: number; problems: unknown[] };
        assert.equal(report.rows, rows);
        assert.equal(report.created + report.updated, rows);
        const n = (x: number) => x.toLocaleString('en-US');
        assert.deepEqual(json.stderr.trimEnd().split('\n'), [
          `Written ${n(IMPORT_CHUNK_ROWS)} of ${n(rows)} rows (49%), not yet committed`,
          `Written ${n(2 * IMPORT_CHUNK_ROWS)} of ${n(rows)} rows (99%), not yet committed`,
          `Written ${n(rows)} of ${n(rows)} rows (100%), committing`,
        ]);

        const text = await cli(['import', file, '--as', 'admin@example.org']);
        assert.equal(text.code, 0, text.stderr);
        assert.equal(text.stderr.split('\n').filter((l) => l.startsWith('Written ')).length, 3);
        assert.match(text.stdout, new RegExp(`Imported ${rows} rows from .*: 0 created, 0 updated, ${rows} unchanged\n$`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
