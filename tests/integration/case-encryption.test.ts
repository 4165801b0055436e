import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createServices, type Services } from '../../src/container.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { testHasher } from '../support/accounts.ts';
import { insertMember, insertUnit } from '../support/case-units.ts';
import { allDatabases } from '../support/databases.ts';

/*
 * Encryption at rest (issue 11 acceptance): after a case with a known name and birth date is saved
 * (with its visits, actions and closing), neither string appears in the SQLite file's bytes (the
 * write-ahead log before a checkpoint, the database file after it) nor in any text of any row of
 * any PostgreSQL table of the schema.
 */
const NOW = new Date('2026-12-04T09:00:00.000Z');
const SECRETS = ['Siti Rahmawati', '2012-03-14', 'Desa Tampemadoro', 'Ibu Rahmawati', 'found her at the drying racks'];

function assertAbsent(bytes: Buffer, where: string): void {
  for (const secret of SECRETS) {
    for (const encoding of ['utf8', 'utf16le'] as const) {
      assert.equal(bytes.indexOf(Buffer.from(secret, encoding)), -1, `${where} holds "${secret}" (${encoding})`);
    }
  }
}

for (const database of await allDatabases()) {
  describe(`case encryption at rest on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let monitor: Actor;
    let manager: Actor;
    let unitId: number;

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      monitor = await services.accounts.createUser(
        { email: 'mon@example.org', password: 'correct horse battery staple', role: 'reader' },
        NOW,
      );
      manager = await services.accounts.createUser(
        { email: 'cm@example.org', password: 'correct horse battery staple', role: 'reader' },
        NOW,
      );
      unitId = await insertUnit(services.handle.db, 'Cooperative A');
      await insertMember(services.handle.db, unitId, monitor.id, 'monitor');
      await insertMember(services.handle.db, unitId, manager.id, 'case_manager');
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('a saved name and birth date appear nowhere in the stored data; the service still reads them back', async () => {
      const opened = await services.cases.openCase(
        monitor,
        unitId,
        {
          origin: 'visit',
          identifiedOn: '2026-09-01',
          sex: 'female',
          work: 'hazardous',
          hoursPerDay: 5,
          name: 'Siti Rahmawati',
          birthDate: '2012-03-14',
          village: 'Desa Tampemadoro',
          notes: 'found her at the drying racks',
          consent: { by: 'Ibu Rahmawati', relation: 'parent', on: '2026-09-01', purposes: ['case_management'] },
        },
        NOW,
      );
      await services.cases.recordVisit(
        monitor,
        opened.id,
        {
          visitedOn: '2026-10-01',
          kind: 'follow_up',
          childFound: true,
          inChildLabour: true,
          atSchool: false,
          notes: 'found her at the drying racks',
        },
        NOW,
      );
      await services.cases.closeCase(manager, opened.id, { reason: 'moved_away', on: '2026-11-01', note: 'to Desa Tampemadoro' }, NOW);
      const back = await services.cases.getCase(manager, opened.id, '2026-12-04');
      assert.equal(back.name, 'Siti Rahmawati');
      assert.equal(back.birthDate, '2012-03-14');
      assert.equal(back.visits.find((v) => v.kind === 'follow_up')?.notes, 'found her at the drying racks');

      if (database.name === 'sqlite') {
        const file = database.config.sqlitePath;
        // Before the checkpoint the new pages are in the write-ahead log; after it, in the database file.
        if (existsSync(`${file}-wal`)) assertAbsent(readFileSync(`${file}-wal`), 'the -wal file');
        await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(services.handle.db);
        const bytes = readFileSync(file);
        assert.ok(bytes.length > 10_000, 'the database file was read');
        assert.ok(bytes.indexOf(Buffer.from(opened.id)) >= 0, 'the case row is in the file (the search can find text)');
        assertAbsent(bytes, 'the SQLite file');
        if (existsSync(`${file}-wal`)) assertAbsent(readFileSync(`${file}-wal`), 'the -wal file after the checkpoint');
      } else {
        const tables = await sql<{ table_name: string }>`
          select table_name from information_schema.tables
          where table_schema = ${database.config.pgSchema} and table_type = 'BASE TABLE'`.execute(services.handle.db);
        assert.ok(tables.rows.length > 20, 'every table of the schema is read');
        let found = false;
        for (const { table_name } of tables.rows) {
          const rows = await sql<{ j: string }>`select row_to_json(t)::text as j from ${sql.table(table_name)} t`.execute(
            services.handle.db,
          );
          const text = rows.rows.map((r) => r.j).join('\n');
          if (text.includes(opened.id)) found = true;
          assertAbsent(Buffer.from(text), `table ${table_name}`);
        }
        assert.ok(found, 'the case row is among the rows read');
      }
    });
  });
}
