import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'tripartite-statistics-cli-'));
const env = { TRIPARTITE_DB: join(dir, 'cli.db'), LOG_LEVEL: 'silent' };
after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

test('tripartite statistics: the estimates with the 2008 hazardous figure unknown; --csv is the API CSV', async () => {
  const text = await cli(['statistics']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /2008\s+5-17\s+215,000,000\s+unknown/);
  const csv = await cli(['statistics', '--csv']);
  assert.match(csv.stdout, /^year,age_group,children_in_child_labour,children_in_hazardous_work/);
  assert.match(csv.stdout, /\r\n2024,5-17,138000000,54000000,/);
});

test('tripartite statistics --instrument: by region sums to the total; an unknown code fails, a bad --by is a usage error', async () => {
  const json = await cli(['statistics', '--instrument', 'c138', '--by', 'region', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const doc = JSON.parse(json.stdout);
  assert.equal(doc.instrument.code, 'C138');
  assert.equal(
    doc.rows.reduce((s: number, r: { count: number }) => s + r.count, 0),
    doc.total,
  );
  const missing = await cli(['statistics', '--instrument', 'C999']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /C999/);
  const bad = await cli(['statistics', '--instrument', 'C138', '--by', 'decade']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--by must be one of year, region/);
});
