import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { runCli } from '../../src/cli/index.ts';
import { createServices, type Services } from '../../src/container.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { createApp } from '../../src/http/app.ts';
import type { CaseImportOptions } from '../../src/services/cases/case-import.ts';
import { readCsvRecords } from '../../src/services/csv-records.ts';
import { openValue } from '../../src/storage/case-codec.ts';
import { asClient, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases, TEST_DATA_KEY } from '../support/databases.ts';
import { screened, workersCsv } from '../support/screening-rows.ts';

const NOW = new Date('2026-12-01T09:00:00.000Z');
const ON = '2026-12-01';
const HEADER = 'worker_id,country,birth_date,work,sex,verdict,minimum_age,citations';

/** The cases a screening output should open, computed here from the file alone. */
async function expectedCases(csv: string, includeConditional = false): Promise<Set<string>> {
  const wanted = new Set(['worst_form', 'prohibited', ...(includeConditional ? ['conditional'] : [])]);
  const out = new Set<string>();
  let header: string[] | null = null;
  for await (const r of readCsvRecords([csv])) {
    if (!header) {
      header = r.fields;
      continue;
    }
    const get = (name: string) => r.fields[(header as string[]).indexOf(name)] ?? '';
    const [y, m, d] = get('birth_date').split('-').map(Number) as [number, number, number];
    const age = 2026 - y - (m * 100 + d > 1201 ? 1 : 0);
    if (wanted.has(get('verdict')) && age < 18) out.add(get('worker_id'));
  }
  return out;
}

for (const target of await allDatabases()) {
  describe(`screening import into cases on ${target.name}`, { skip: target.skip }, () => {
    let services: Services;
    let app: Hono;
    const users: Record<'monitor' | 'viewer' | 'other' | 'manager', Actor> = {} as never;
    let unit = 0;
    let otherUnit = 0;
    let work: string;

    const newUnit = async (name: string): Promise<number> => {
      const row = await services.handle.db
        .insertInto('monitoring_units')
        .values({
          name,
          kind: 'ngo_project',
          country_iso3: 'IDN',
          province: null,
          district: null,
          supply_chain: null,
          commodity: null,
          follow_up_days: JSON.stringify({ worst_form: 14, hazardous: 30, vulnerable: 30, other: 60 }),
          lost_after_attempts: 3,
          retention_months: 24,
          created_at: NOW.toISOString(),
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    };
    const member = (unitId: number, user: Actor, role: string) =>
      services.handle.db
        .insertInto('unit_members')
        .values({ unit_id: unitId, user_id: user.id, role, added_at: NOW.toISOString(), added_by: null })
        .execute();
    const cases = (unitId: number) =>
      services.handle.db.selectFrom('cases').selectAll().where('unit_id', '=', unitId).orderBy('case_number').execute();
    const run = (text: string | Buffer, unitId: number, options: Partial<CaseImportOptions> = {}, actor: Actor | null = users.monitor) =>
      services.caseImport.importScreening({ actor }, unitId, [Buffer.from(text)], { on: ON, ...options });

    before(async () => {
      services = await createServices(target.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW, today: () => ON });
      for (const role of ['monitor', 'viewer', 'other', 'manager'] as const)
        users[role] = await services.accounts.createUser({ email: `${role}@example.org`, password: PASSWORD, role: 'reader' }, NOW);
      work = mkdtempSync(join(tmpdir(), 'tripartite-case-import-'));
    });
    after(async () => {
      await services?.close();
      await target.cleanup();
      rmSync(work, { recursive: true, force: true });
    });

    test('the same screening file imported twice gives the same cases, numbered once, each with one import event', async () => {
      unit = await newUnit('Garut cocoa project');
      otherUnit = await newUnit('Another project');
      await member(unit, users.monitor, 'monitor');
      await member(unit, users.viewer, 'viewer');
      await member(unit, users.manager, 'case_manager');
      await member(otherUnit, users.other, 'monitor');
      const csv = await screened(workersCsv(400, ON), ON, await services.compliance.allCountryFacts());
      const expected = await expectedCases(csv);
      assert.ok(expected.size > 50, `a sample with cases, got ${expected.size}`);

      const first = await run(csv, unit);
      assert.equal(first.created, expected.size);
      assert.equal(first.alreadyPresent, 0);
      assert.deepEqual(first.badRows, []);
      assert.equal(first.rows, 400);
      assert.equal(first.created + first.skipped, 400);
      assert.ok(first.skippedBy.adult > 0 && first.skippedBy.permitted > 0, JSON.stringify(first.skippedBy));
      assert.deepEqual(first.caseNumbers, { first: 1, last: expected.size });
      const stored = await cases(unit);
      assert.deepEqual(new Set(stored.map((c) => c.worker_ref)), expected);
      assert.deepEqual(
        stored.map((c) => c.case_number),
        stored.map((_, i) => i + 1),
      );
      for (const c of stored) {
        assert.equal(c.origin, 'screening');
        assert.equal(c.status, 'identified');
        assert.ok((c.age_years as number) < 18);
        if (c.verdict === 'worst_form') assert.equal(c.priority, 'worst_form');
        const assessment = JSON.parse(c.assessment as string) as { citations: string[]; reasons: { rule: string }[] };
        assert.ok(assessment.citations.length > 0 && assessment.reasons.length > 0, c.assessment as string);
      }
      // Engine reasons (with their rule ids) put hazardous work in its tier.
      assert.ok(stored.some((c) => c.priority === 'hazardous'));

      const second = await run(csv, unit);
      assert.equal(second.created, 0);
      assert.equal(second.alreadyPresent, expected.size);
      assert.equal(second.caseNumbers, null);
      assert.deepEqual(await cases(unit), stored);
      const events = await services.handle.db.selectFrom('case_events').selectAll().where('unit_id', '=', unit).execute();
      assert.equal(events.length, expected.size);
      assert.ok(events.every((e) => e.action === 'import' && e.user_id === users.monitor.id));
      const next = await services.handle.db
        .selectFrom('monitoring_units')
        .select('next_case_number')
        .where('id', '=', unit)
        .executeTakeFirstOrThrow();
      assert.equal(Number(next.next_case_number), expected.size + 1);
    });

    test('without consent no name or birth date is stored anywhere; with recorded consent they are stored sealed', async () => {
      const before = await cases(unit);
      const raw = JSON.stringify(before) + JSON.stringify(await services.handle.db.selectFrom('case_events').selectAll().execute());
      assert.ok(!raw.includes('Child Name'), 'no name in clear');
      assert.ok(before.every((c) => c.name_enc === null && c.birth_date_enc === null));
      const csv = [
        `${HEADER},name,consent_by,consent_relation,consent_on`,
        'C1,IDN,2014-05-17,slavery,female,worst_form,18,C182 Art 3(a),Siti Aminah,Ibu Aminah,parent,2026-11-20',
        'C2,IDN,2013-02-03,slavery,male,worst_form,18,C182 Art 3(a),Budi Hartono,,parent,2026-11-20',
        'C3,IDN,2012-09-09,slavery,male,worst_form,18,C182 Art 3(a),Eko Prasetyo,Pak Joko,guardian,2026-12-05',
      ].join('\n');
      const plain = await run(csv, otherUnit, {}, users.other);
      assert.equal(plain.identifyingDataStored, 0);
      assert.match(plain.identifyingData, /No identifying data stored.*UU 27\/2022 Pasal 25\(2\).*names/);
      const consented = await run(csv.replaceAll('\nC', '\nD'), otherUnit, { consentRecorded: true }, users.other);
      assert.equal(consented.created, 3);
      assert.equal(consented.identifyingDataStored, 1, 'only D1 has a consent given by a named parent on or before the day');
      const rows = await cases(otherUnit);
      const d1 = rows.find((c) => c.worker_ref === 'D1');
      assert.ok(d1?.name_enc && d1.birth_date_enc && d1.consent_by_enc);
      assert.equal(openValue(services.dataKeys!, d1.id, 'name', d1.name_enc), 'Siti Aminah');
      assert.equal(openValue(services.dataKeys!, d1.id, 'birth_date', d1.birth_date_enc), '2014-05-17');
      assert.equal(d1.consent_relation, 'parent');
      const all = JSON.stringify(rows) + JSON.stringify(await services.handle.db.selectFrom('case_events').selectAll().execute());
      for (const clear of ['Siti Aminah', 'Budi Hartono', 'Eko Prasetyo', 'Ibu Aminah', '2014-05-17'])
        assert.ok(!all.includes(clear), clear);
    });

    test('bad rows are reported by line and field, the good rows are imported, and conditional only when asked', async () => {
      const lines = [
        HEADER,
        'B1,IDN,2014-01-01,hazardous,female,prohibited,18,C138 Art 3(1)',
        ',IDN,2014-01-01,hazardous,female,prohibited,18,C138 Art 3(1)',
        'B3,IDN,2014-01-01,hazardous,female,forbidden,18,C138 Art 3(1)',
        'B4,IDN,2014-02-30,hazardous,female,prohibited,18,C138 Art 3(1)',
        'B5,IDN,2027-01-01,hazardous,female,prohibited,18,C138 Art 3(1)',
        'B6,Indonesia,2014-01-01,hazardous,female,prohibited,18,C138 Art 3(1)',
        'B7,IDN,2014-01-01,hazardous,robot,prohibited,18,C138 Art 3(1)',
        'B8,IDN,2014-01-01,light,female,conditional,15,C138 Art 7(1)',
        'B1,IDN,2014-01-01,hazardous,female,prohibited,18,C138 Art 3(1)',
        'B10,IDN,2000-01-01,slavery,female,prohibited,18,C029 Art 1(1)',
        '',
        'B12,,2015-06-01,regular,,prohibited,,',
      ];
      const result = await run(lines.join('\n'), otherUnit, {}, users.other);
      assert.deepEqual(
        result.badRows.map((b) => [b.line, b.field]),
        [
          [3, 'worker_id'],
          [4, 'verdict'],
          [5, 'birth_date'],
          [6, 'birth_date'],
          [7, 'country'],
          [8, 'sex'],
        ],
      );
      assert.equal(result.created, 2, 'B1 and B12 (country from the unit)');
      assert.equal(result.alreadyPresent, 1, 'B1 twice in the file');
      assert.deepEqual(result.skippedBy, { permitted: 0, other_law: 0, conditional: 1, invalid: 0, adult: 1 });
      const b12 = (await cases(otherUnit)).find((c) => c.worker_ref === 'B12');
      assert.equal(b12?.country_iso3, 'IDN');
      const withConditional = await run(lines.join('\n'), otherUnit, { includeConditional: true }, users.other);
      assert.equal(withConditional.created, 1, 'B8 only');
      assert.equal(withConditional.alreadyPresent, 3);
    });

    test('a file that fails part-way leaves none of its cases; a gzip file imports as plain', async () => {
      const unitId = await newUnit('Atomic');
      await member(unitId, users.monitor, 'monitor');
      const rows = Array.from({ length: 1200 }, (_, i) => `G${i},IDN,2014-01-01,hazardous,female,prohibited,18,C138 Art 3(1)`);
      const good = `${[HEADER, ...rows].join('\n')}\n`;
      // Invalid UTF-8 after two batches have been written: the whole import is rolled back.
      const broken = Buffer.concat([Buffer.from(good), Buffer.from([0xff, 0xfe, 0x0a])]);
      await assert.rejects(run(broken, unitId), (e: Error & { code?: string }) => e.code === 'invalid' && /UTF-8/.test(e.message));
      assert.equal((await cases(unitId)).length, 0);
      await assert.rejects(run('worker_id,verdict\nX,prohibited\n', unitId), (e: Error & { issues?: { field: string }[] }) => {
        assert.deepEqual(
          e.issues?.map((i) => i.field),
          ['birth_date'],
        );
        return true;
      });
      const gz = await run(gzipSync(good), unitId);
      assert.equal(gz.created, 1200);
      assert.deepEqual(gz.caseNumbers, { first: 1, last: 1200 });
    });

    test('the unit gate: anonymous 401, another unit 404, a viewer 403, and nothing is written', async () => {
      const csv = `${HEADER}\nZ1,IDN,2014-01-01,slavery,female,worst_form,18,C182 Art 3(a)\n`;
      const codeOf = async (actor: Actor | null, unitId: number) => {
        try {
          await run(csv, unitId, {}, actor);
          return 'ok';
        } catch (error) {
          return (error as { code?: string }).code;
        }
      };
      assert.equal(await codeOf(null, unit), 'unauthenticated');
      assert.equal(await codeOf(users.other, unit), 'not_found');
      assert.equal(await codeOf(users.monitor, 999_999), 'not_found');
      assert.equal(await codeOf(users.viewer, unit), 'forbidden');
      assert.equal(await codeOf(users.manager, unit), 'ok');
      const z1 = (await cases(unit)).filter((c) => c.worker_ref === 'Z1');
      assert.equal(z1.length, 1);
    });

    test('POST /api/units/{id}/cases/import: 401 before the body, 404 for another unit, 403 for a viewer, then the result', async () => {
      const body = `${HEADER}\nA1,IDN,2013-01-01,slavery,male,worst_form,18,C182 Art 3(a)\nA2,IDN,2013-01-01,regular,male,permitted,,\n`;
      const post = (path: string, init: RequestInit) => app.request(path, init);
      const anonymous = await post(`/api/units/${unit}/cases/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{',
      });
      assert.equal(anonymous.status, 401);
      const monitor = await signIn((p, i) => app.request(p, i), 'monitor@example.org');
      const viewer = await signIn((p, i) => app.request(p, i), 'viewer@example.org');
      const other = await signIn((p, i) => app.request(p, i), 'other@example.org');
      const csvInit = (client: typeof monitor, data: BodyInit = body, type = 'text/csv') =>
        asClient(client, { method: 'POST', headers: { 'content-type': type }, body: data });
      const notMine = await post(`/api/units/${unit}/cases/import`, csvInit(other, 'not even csv', 'application/json'));
      assert.equal(notMine.status, 404);
      assert.match(notMine.headers.get('content-type') ?? '', /problem\+json/);
      assert.equal((await post(`/api/units/abc/cases/import`, csvInit(monitor))).status, 404);
      assert.equal((await post(`/api/units/${unit}/cases/import`, csvInit(viewer))).status, 403);
      assert.equal((await post(`/api/units/${unit}/cases/import`, csvInit(monitor, body, 'application/json'))).status, 415);
      const badQuery = await post(`/api/units/${unit}/cases/import?includeConditional=maybe`, csvInit(monitor));
      assert.equal(badQuery.status, 400);
      const ok = await post(`/api/units/${unit}/cases/import?includeConditional=true`, csvInit(monitor));
      assert.equal(ok.status, 200);
      const result = (await ok.json()) as { created: number; alreadyPresent: number; skipped: number; badRows: unknown[] };
      assert.deepEqual([result.created, result.alreadyPresent, result.skipped, result.badRows], [1, 0, 1, []]);
      const gz = await post(`/api/units/${unit}/cases/import`, csvInit(monitor, gzipSync(body), 'application/gzip'));
      assert.equal(gz.status, 200);
      assert.equal(((await gz.json()) as { alreadyPresent: number }).alreadyPresent, 1);
      const missing = await post(`/api/units/${unit}/cases/import`, csvInit(monitor, 'worker_id,verdict\nA,prohibited\n'));
      assert.equal(missing.status, 400);
      const problem = (await missing.json()) as { errors?: { field: string }[] };
      assert.ok(JSON.stringify(problem).includes('birth_date'), JSON.stringify(problem));
      const spec = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
      assert.ok(spec.paths['/units/{id}/cases/import'] ?? spec.paths['/api/units/{id}/cases/import']);
    });

    test('tripartite cases import FILE --unit ID --json prints created, already present, skipped and bad rows', async () => {
      const file = join(work, `cli-${target.name}.csv`);
      writeFileSync(
        file,
        `${HEADER}\nL1,IDN,2013-01-01,slavery,male,worst_form,18,C182 Art 3(a)\nL2,IDN,2013-01-01,slavery,robot,worst_form,18,x\n`,
      );
      const env: NodeJS.ProcessEnv = { TZ: 'UTC', LOG_LEVEL: 'silent', TRIPARTITE_TODAY: ON };
      if (target.config.databaseUrl)
        Object.assign(env, {
          DATABASE_URL: target.config.databaseUrl,
          TRIPARTITE_PG_SCHEMA: target.config.pgSchema,
          TRIPARTITE_DATA_KEY: TEST_DATA_KEY,
        });
      else env.TRIPARTITE_DB = target.config.sqlitePath;
      const cli = async (argv: string[]) => {
        let stdout = '';
        let stderr = '';
        const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, stdin: Readable.from([]) });
        return { code, stdout, stderr };
      };
      const json = await cli(['cases', 'import', file, '--unit', String(unit), '--json', '--as', 'manager@example.org']);
      assert.equal(json.code, 0, json.stderr);
      const parsed = JSON.parse(json.stdout) as {
        created: number;
        alreadyPresent: number;
        skipped: number;
        badRows: { line: number; field: string }[];
      };
      assert.deepEqual([parsed.created, parsed.alreadyPresent, parsed.skipped], [1, 0, 0]);
      assert.deepEqual(
        parsed.badRows.map((b) => [b.line, b.field]),
        [[3, 'sex']],
      );
      const text = await cli(['cases', 'import', file, '--unit', String(unit)]);
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /cases created: +0\n +already present: +1\n +rows skipped: +0\n +bad rows: +1\n +line 3, sex:/);
      assert.match(text.stdout, /No identifying data stored/);
      assert.equal((await cli(['cases', 'import', file, '--unit', '999999'])).code, 1);
      assert.equal((await cli(['cases', 'import', file, '--unit', String(unit), '--as', 'viewer@example.org'])).code, 1);
      assert.equal((await cli(['cases', 'import', file])).code, 2);
      assert.equal((await cli(['cases', 'import', join(work, 'nope.csv'), '--unit', String(unit)])).code, 2);
    });
  });
}
