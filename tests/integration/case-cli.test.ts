import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/index.ts';
import { createServices, type Services } from '../../src/container.ts';
import { testHasher } from '../support/accounts.ts';
import { insertMember, insertUnit } from '../support/case-units.ts';
import { allDatabases, TEST_DATA_KEY } from '../support/databases.ts';

const NOW = new Date('2026-12-04T09:00:00.000Z');

for (const database of await allDatabases()) {
  describe(`tripartite cases due on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let unitId: number;
    let caseNumber: number;
    const env = {
      TRIPARTITE_DB: database.config.sqlitePath,
      DATABASE_URL: database.config.databaseUrl ?? '',
      // SQLite: the key file beside the database, as the services above used; PostgreSQL: the test key.
      ...(database.config.databaseUrl ? { TRIPARTITE_DATA_KEY: TEST_DATA_KEY } : {}),
      TRIPARTITE_PG_SCHEMA: database.config.pgSchema,
    };
    async function cli(args: string[]) {
      let out = '';
      let err = '';
      const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), env });
      return { code, out, err };
    }

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      const monitor = await services.accounts.createUser(
        { email: 'mon@example.org', password: 'correct horse battery staple', role: 'reader' },
        NOW,
      );
      unitId = await insertUnit(services.handle.db, 'Cooperative A');
      await insertMember(services.handle.db, unitId, monitor.id, 'monitor');
      const opened = await services.cases.openCase(
        monitor,
        unitId,
        {
          origin: 'visit',
          identifiedOn: '2026-09-01',
          sex: 'male',
          ageYears: 11,
          work: 'hazardous',
          district: 'Poso',
          name: 'Budi Santoso',
          consent: { by: 'Pak Santoso', relation: 'parent', on: '2026-09-01', purposes: ['case_management'] },
        },
        NOW,
      );
      caseNumber = opened.caseNumber;
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('lists the overdue visit without identifying data, as a table and as JSON', async () => {
      const text = await cli(['cases', 'due', '--unit', String(unitId), '--today', '2026-12-04']);
      assert.equal(text.code, 0, text.err);
      assert.match(text.out, /worst form/);
      assert.match(text.out, /2026-09-15/);
      assert.match(text.out, /1 visit\(s\) and 0 action\(s\)/);
      assert.ok(!text.out.includes('Budi') && !text.out.includes('Santoso'));
      const json = await cli(['cases', 'due', '--unit', String(unitId), '--today', '2026-12-04', '--json']);
      assert.equal(json.code, 0, json.err);
      const list = JSON.parse(json.out);
      assert.deepEqual(
        list.visits.map((v: any) => [v.caseNumber, v.overdue, v.name]),
        [[caseNumber, true, null]],
      );
      assert.ok(!json.out.includes('Budi'));
    });

    test('bad command lines exit 2 naming the flag; an unknown unit exits 1', async () => {
      const missing = await cli(['cases', 'due']);
      assert.equal(missing.code, 2);
      assert.match(missing.err, /--unit/);
      const badDay = await cli(['cases', 'due', '--unit', String(unitId), '--today', '2026-02-30']);
      assert.equal(badDay.code, 2);
      assert.match(badDay.err, /--today/);
      const unknown = await cli(['cases', 'due', '--unit', '99999']);
      assert.equal(unknown.code, 1);
      assert.match(unknown.err, /no monitoring unit 99999/);
      const help = await cli(['cases', '--help']);
      assert.equal(help.code, 0);
      assert.match(help.out, /cases due/);
    });
  });
}
