import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { csvRecords, unzip } from '../../tests/support/unzip.ts';
import { runCli } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'tripartite-export-zip-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const env = { TRIPARTITE_DB: join(dir, 'db.sqlite'), LOG_LEVEL: 'silent' };
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

test('export --zip writes the open-data ZIP: every table, the dictionary and the sources', async () => {
  const out = join(dir, 'open.zip');
  const r = await cli(['export', '--zip', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Wrote the open data \(tripartite-open-data-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\) to /);
  const files = await unzip(readFileSync(out));
  const names = [...files.keys()].map((n) => n.split('/').at(-1));
  for (const n of ['instruments.csv', 'ratifications.json', 'data-dictionary.md', 'data-dictionary.json', 'sources.json']) {
    assert.ok(names.includes(n), n);
  }
  const countries = [...files].find(([n]) => n.endsWith('/countries.csv'))?.[1].toString('utf8') ?? '';
  assert.ok(csvRecords(countries).some((c) => c.iso3 === 'IDN'));
});

test('export --zip refuses filters and an empty file name', async () => {
  const r = await cli(['export', '--zip', join(dir, 'x.zip'), '--country', 'IDN']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--zip exports every table/);
  assert.equal((await cli(['export', '--zip', ''])).code, 2);
});
