import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { createServices, type Services } from '../../src/container.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { EditService } from '../../src/services/edit-service.ts';
import { type ImportRow, parseImportCsv } from '../../src/services/import-csv.ts';
import { KyselyHistoryRepository } from '../../src/storage/history-repository.ts';
import type { Database } from '../../src/storage/schema.ts';
import { sqliteConnectionOf, statementShapes } from '../../src/storage/statement-cache.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { allDatabases, postgresDatabase, sqliteDatabase, type TestDatabase } from '../support/databases.ts';
import { IMPORT_HEADER, type ImportPair, importLine, importPairs } from '../support/import-rows.ts';

/**
 * The import's statements compiled once per shape and, on SQLite, prepared once per connection and
 * reused (decision 150): across batches, chunks and imports they write exactly what the row-by-row
 * import writes, and a refusal in a late chunk still leaves nothing.
 */

const NOW = new Date('2026-11-27T10:00:00.000Z');
/** 40 values a statement: 3 events, 4 records, 20 keys — so every import needs many statements of each shape. */
const SMALL_LIMIT = { maxParams: 40 };

test('batches are cut into full statements, then single rows where statements are reused', () => {
  assert.deepEqual(statementShapes(0, 3, true), []);
  assert.deepEqual(statementShapes(7, 3, true), [3, 3, 1]);
  assert.deepEqual(statementShapes(8, 3, true), [3, 3, 1, 1]);
  assert.deepEqual(statementShapes(2, 1000, true), [1, 1]);
  assert.deepEqual(statementShapes(8, 3, false), [3, 3, 2], 'elsewhere the rest goes in one statement');
  assert.deepEqual(statementShapes(6, 3, false), [3, 3]);
});

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

async function rowsOf(lines: string[]): Promise<ImportRow[]> {
  const parsed = await parseImportCsv([`${[IMPORT_HEADER, ...lines].join('\n')}\n`]);
  assert.deepEqual(parsed.problems, []);
  return parsed.rows;
}

/** Every row of the tables an import writes, in id order. */
async function written(db: Kysely<Database>) {
  const byId = (a: { id: number }, b: { id: number }) => Number(a.id) - Number(b.id);
  return {
    ratifications: (await db.selectFrom('ratifications').selectAll().execute()).sort(byId),
    declarations: (await db.selectFrom('declarations').selectAll().execute()).sort(byId),
    events: (await db.selectFrom('events').selectAll().execute()).sort(byId),
  };
}

/** The import's own multi-row statements (Kysely prepares its other queries afresh each time). */
const BATCH_STATEMENT =
  /^(insert into "events"|insert into "ratifications"|insert into "declarations"|delete from "declarations"|select "ratifications"\.\*|select \* from "declarations")/;

/** Records the import statements SQLite prepares on this database's connection from now on (none elsewhere). */
function watchPrepares(db: Kysely<Database>): { texts: string[]; restore(): void } {
  const texts: string[] = [];
  const connection = sqliteConnectionOf(db);
  if (!connection) return { texts, restore: () => {} };
  const original = connection.prepare;
  connection.prepare = function (this: typeof connection, ...args: Parameters<typeof original>) {
    if (BATCH_STATEMENT.test(args[0])) texts.push(args[0]);
    return original.apply(this, args);
  } as typeof original;
  return {
    texts,
    restore: () => {
      connection.prepare = original;
    },
  };
}

const databases = await allDatabases();
for (const { cleanup } of databases) await cleanup();

for (const like of databases) {
  describe(`import statements reused on ${like.name}`, { skip: like.skip }, () => {
    const opened: Opened[] = [];
    let pairs: ImportPair[];
    const openOne = async () => {
      const o = await open(like.name);
      opened.push(o);
      return o;
    };

    before(async () => {
      pairs = await importPairs((await openOne()).services.handle.db);
    });

    after(async () => {
      for (const o of opened) await o.close();
    });

    /** Records of C138 (with minimum-age declarations, some already bundled) and of another Convention. */
    const sample = () =>
      pairs
        .map((pair, index) => ({ pair, index }))
        .filter(({ pair, index }) => (pair.instrument === 'C138' || pair.instrument === 'C182') && index % 2 === 0);

    test('statements reused across batches, chunks and imports write the same records and history as the row-by-row import', async () => {
      const rows = sample();
      assert.ok(rows.length > 150, `enough rows for many statements of each shape, got ${rows.length}`);
      const first = await rowsOf(rows.map(({ pair, index }) => importLine(pair, index, 0)));
      const second = await rowsOf(rows.map(({ pair, index }) => importLine(pair, index, index % 4 === 0 ? 1 : 0)));

      const rowByRow = await openOne();
      const reused = await openOne();
      // Its own repository at a small limit, on the services' own database (so, on SQLite, on the
      // connection whose prepared statements are kept).
      const edits = new EditService(new KyselyHistoryRepository(reused.services.handle.db, { ...SMALL_LIMIT, name: like.name }));
      const prepares = watchPrepares(reused.services.handle.db);
      try {
        const expected = [];
        const got = [];
        expected.push(await rowByRow.services.edits.importRatificationsRowByRow(rowByRow.admin, first, NOW));
        got.push(await edits.importRatifications(reused.admin, first, NOW, { chunkRows: 37 }));
        const preparedByFirst = prepares.texts.length;
        expected.push(await rowByRow.services.edits.importRatificationsRowByRow(rowByRow.admin, second, NOW));
        got.push(await edits.importRatifications(reused.admin, second, NOW, { chunkRows: 37 }));
        assert.deepEqual(got, expected);
        assert.ok((expected[1]?.updated ?? 0) > 0 && (expected[1]?.unchanged ?? 0) > 0, JSON.stringify(expected));

        const want = await written(rowByRow.services.handle.db);
        assert.ok(want.declarations.length > 0, 'the records carry declarations');
        assert.deepEqual(await written(reused.services.handle.db), want);
        if (like.name === 'sqlite') {
          // Hundreds of statements (3 events or 4 records each), yet one prepared statement per shape:
          // at most two shapes for each of the six kinds, over both imports.
          assert.ok(preparedByFirst >= 6, `${preparedByFirst} statements prepared by the first import`);
          assert.ok(prepares.texts.length <= 12, `${prepares.texts.length} statements prepared`);
          assert.equal(new Set(prepares.texts).size, prepares.texts.length, 'no statement is prepared twice');
        }
      } finally {
        prepares.restore();
      }
    });

    test('a refused row in a later chunk rolls back the chunks written with reused statements, which still work afterwards', async () => {
      const o = await openOne();
      const edits = new EditService(new KyselyHistoryRepository(o.services.handle.db, { ...SMALL_LIMIT, name: like.name }));
      const rows = await rowsOf(
        sample()
          .slice(0, 120)
          .map(({ pair, index }) => importLine(pair, index, 0)),
      );
      // Warm the statements, then refuse: the 110th row names an unknown instrument (the one-pass check would have caught it).
      await edits.importRatifications(o.admin, rows.slice(0, 20), NOW, { chunkRows: 8 });
      const beforeRefusal = await written(o.services.handle.db);
      const refused = rows.map((r, i) => (i === 109 ? { line: r.line, input: { ...r.input, instrument: 'C999' } } : r));
      const error = await edits.importRatifications(o.admin, refused, NOW, { chunkRows: 25 }).then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(error instanceof DomainError, `refused, got ${String(error)}`);
      assert.deepEqual(
        error.issues.map((i) => i.field),
        [`line ${refused[109]?.line}`],
      );
      assert.deepEqual(await written(o.services.handle.db), beforeRefusal, 'all or nothing');

      // The kept statements are still good after the rollback.
      const counts = await edits.importRatifications(o.admin, rows, NOW, { chunkRows: 25 });
      assert.equal(counts.created + counts.updated + counts.unchanged, rows.length);
      const after = await written(o.services.handle.db);
      assert.equal(after.events.length, beforeRefusal.events.length + counts.created + counts.updated);
    });
  });
}
