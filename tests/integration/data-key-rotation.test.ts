import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/index.ts';
import { createServices } from '../../src/container.ts';
import { openCaseFields, sealCaseFields } from '../../src/storage/case-codec.ts';
import { envelopeKeyId, type Keyring, keyring, parseDataKey } from '../../src/storage/field-crypto.ts';
import { allDatabases, type TestDatabase } from '../support/databases.ts';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
const ringA = keyring(parseDataKey(keyA));
const ringB = keyring(parseDataKey(keyB));

function envOf(database: TestDatabase, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const target = database.config.databaseUrl
    ? { DATABASE_URL: database.config.databaseUrl, TRIPARTITE_PG_SCHEMA: database.config.pgSchema }
    : { DATABASE_URL: '', TRIPARTITE_DB: database.config.sqlitePath };
  return { ...target, LOG_LEVEL: 'silent', ...extra };
}

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env, stdin: Readable.from([]) });
  return { code, stdout, stderr };
}

for (const database of await allDatabases()) {
  describe(`data key rotation on ${database.name}`, { skip: database.skip }, () => {
    const caseId = randomUUID();
    const open = (keys: Keyring) => createServices({ ...database.config, dataKeys: keys }, { requireDataKey: true });

    before(async () => {
      const services = await open(ringA);
      try {
        const db = services.handle.db;
        const unit = await db
          .insertInto('monitoring_units')
          .values({
            name: 'Rotation test unit',
            kind: 'ngo_project',
            country_iso3: 'IDN',
            follow_up_days: '{}',
            lost_after_attempts: 3,
            retention_months: 24,
            created_at: '2026-12-04T00:00:00Z',
            created_by: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const now = '2026-12-04T00:00:00Z';
        await db
          .insertInto('cases')
          .values({
            id: caseId,
            unit_id: unit.id,
            case_number: 1,
            worker_ref: null,
            origin: 'visit',
            status: 'identified',
            priority: 'hazardous',
            priority_rank: 2,
            identified_on: '2026-12-01',
            assigned_to: null,
            sex: 'F',
            age_years: 13,
            age_precision: 'estimated',
            province: null,
            district: 'Lampung Barat',
            household_ref: null,
            school_enrolled: 1,
            school_attending: 0,
            work_task: 'harvesting',
            commodity: 'coffee',
            hours_per_day: 6,
            night_work: 0,
            country_iso3: 'IDN',
            verdict: 'prohibited',
            minimum_age: 15,
            assessment: null,
            consent_relation: 'parent',
            consent_on: '2026-12-01',
            consent_purposes: '["case_management"]',
            closed_on: null,
            closure_reason: null,
            anonymised_at: null,
            created_at: now,
            updated_at: now,
            ...sealCaseFields(ringA, caseId, { name: 'Siti Rahmawati', birth_date: '2013-02-01', consent_by: 'Ibu Rahmawati' }),
          })
          .execute();
      } finally {
        await services.close();
      }
    });
    after(() => database.cleanup());

    test('a server given another key refuses to start once the database holds cases', async () => {
      await assert.rejects(open(ringB), /does not open the data this database holds/);
    });

    test('rotate re-seals every value with the new key; afterwards the new key alone opens them and the old one is refused', async () => {
      const r = await cli(['data-key', 'rotate', '--json'], envOf(database, { TRIPARTITE_DATA_KEY: keyB, TRIPARTITE_DATA_KEYS_OLD: keyA }));
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), { cases: 1, visits: 0, actions: 0, values: 3 });
      const again = await cli(
        ['data-key', 'rotate', '--json'],
        envOf(database, { TRIPARTITE_DATA_KEY: keyB, TRIPARTITE_DATA_KEYS_OLD: keyA }),
      );
      assert.equal(JSON.parse(again.stdout).values, 0, 'a second run finds nothing left to re-seal');

      const services = await open(ringB);
      try {
        const row = await services.handle.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
        assert.equal(envelopeKeyId(row.name_enc as string), ringB.current.id);
        const fields = openCaseFields(ringB, caseId, row);
        assert.equal(fields.name, 'Siti Rahmawati');
        assert.equal(fields.birth_date, '2013-02-01');
        assert.equal(fields.consent_by, 'Ibu Rahmawati');
      } finally {
        await services.close();
      }
      await assert.rejects(open(ringA), /does not open/);
    });

    test('without any key on PostgreSQL the command refuses, naming the setting', { skip: database.name !== 'postgres' }, async () => {
      const r = await cli(['data-key', 'rotate'], envOf(database, { TRIPARTITE_DATA_KEY: '' }));
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, /TRIPARTITE_DATA_KEY/);
    });
  });
}
