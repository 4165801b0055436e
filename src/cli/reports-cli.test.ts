import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { runCli } from './index.ts';

const PASSWORD = 'correct horse battery staple';
let dir: string;
let dbFile: string;

async function cli(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (s: string) => (stdout += s),
    stderr: (s: string) => (stderr += s),
    env: { TRIPARTITE_DB: dbFile, LOG_LEVEL: 'silent' },
    stdin: Readable.from(stdin ? [stdin] : []),
  };
  return { code: await runCli(args, io), stdout, stderr };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tripartite-reports-cli-'));
  dbFile = join(dir, 'cli.db');
  const created = await cli(['user', 'create', '--email', 'sec@example.org', '--role', 'secretariat', '--password-stdin'], `${PASSWORD}\n`);
  assert.equal(created.code, 0, created.stderr);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('reports due lists the first reports of C138 and C182 for Indonesia, as a table and as JSON', async () => {
  const text = await cli(['reports', 'due', '--country', 'idn']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /C138\s+first\s+2001\s+2001-09-01/);
  assert.match(text.stdout, /C182\s+first\s+2002\s+2002-09-01/);
  const json = await cli(['reports', 'due', '--country', 'IDN', '--year', '2002', '--json']);
  const data = JSON.parse(json.stdout) as { year: number; reports: { instrument: string; year: number | null }[] };
  assert.equal(data.year, 2002);
  assert.ok(data.reports.every((r) => r.year === 2002 || r.year === null));
  assert.ok(data.reports.some((r) => r.instrument === 'C182' && r.year === 2002));
});

test('reports ics prints a calendar with CRLF lines; bad flags are usage errors', async () => {
  const ics = await cli(['reports', 'ics', '--country', 'IDN']);
  assert.equal(ics.code, 0);
  assert.match(ics.stdout, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics.stdout, /UID:idn-c138-first-2001@reports\.tripartite\r\n/);
  assert.equal((await cli(['reports', 'due'])).code, 2);
  assert.equal((await cli(['reports', 'due', '--country', 'IDN', '--year', '99'])).code, 2);
  assert.equal((await cli(['reports', 'due', '--country', 'XXX'])).code, 1);
});

test('reports group-year refuses a group of a rule set not yet entered, and letters out of order', async () => {
  const group = ['reports', 'group-year', '--as', 'sec@example.org', '--rule-set', 'fundamental-2012', '--label', 'G-N'];
  const rest = ['--first-letter', 'G', '--last-letter', 'N', '--base-year', '2027', '--source', 'CLI test citation'];
  const missing = await cli([...group, ...rest]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /No reporting rule set "fundamental-2012"/);
  const bad = await cli([...group, '--first-letter', 'G', '--last-letter', 'A', '--base-year', '2027', '--source', 'x']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--last-letter/);
});
