import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createServices } from '../container.ts';
import { runCli } from './index.ts';

let dir: string;
let dbFile: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const env = { TRIPARTITE_DB: dbFile, LOG_LEVEL: 'silent', TRIPARTITE_TODAY: '2026-12-03' };
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tripartite-cli-submissions-'));
  dbFile = join(dir, 't.db');
  const services = await createServices({ databaseUrl: null, sqlitePath: dbFile, pgSchema: 'public' });
  const at = new Date('2026-12-01T00:00:00Z');
  const sec = await services.accounts.createUser(
    { email: 'sec@example.org', password: 'correct horse battery staple', role: 'secretariat' },
    at,
  );
  await services.submissions.setTracking(sec, { session: 108, source: 'CLI test' }, at);
  await services.submissions.markSubmitted(
    sec,
    { country: 'MYS', instrument: 'C190', submittedDate: '2020-05-04', source: 'CLI test' },
    at,
  );
  await services.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('submissions --country IDN lists C190 of the tracked session 108 as overdue, with its dates and legal basis', async () => {
  const r = await cli(['submissions', '--country', 'IDN']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Sessions tracked: 108 \(2019\)/);
  assert.match(r.stdout, /IDN\s+C190\s+108\s+2020-06-21\s+2020-12-21\s+overdue\s+-\s+Constitution Art 19\(5\)\(b\)/);
});

test('submissions --json prints the API shape; --status filters', async () => {
  const r = await cli(['submissions', '--country', 'mys', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const body = JSON.parse(r.stdout);
  assert.equal(body.total, 1);
  assert.equal(body.items[0].status, 'submitted');
  assert.equal(body.items[0].record.submittedDate, '2020-05-04');
  const overdue = JSON.parse((await cli(['submissions', '--status', 'overdue', '--json'])).stdout);
  assert.ok(overdue.total > 100);
  assert.ok(!overdue.items.some((i: { country: string }) => i.country === 'MYS'));
});

test('bad flags are usage errors (exit 2); an unknown State is a failure (exit 1)', async () => {
  assert.equal((await cli(['submissions', '--status', 'late'])).code, 2);
  assert.equal((await cli(['submissions', '--session', 'abc'])).code, 2);
  const unknown = await cli(['submissions', '--country', 'ZZZ']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /ZZZ/);
});
