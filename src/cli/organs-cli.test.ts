import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'tripartite-organs-cli-'));
const env = { TRIPARTITE_DB: join(dir, 'cli.db'), LOG_LEVEL: 'silent' };
after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

test('tripartite governing-body: seats, permanent seats, unknown elected seats; --json is the API document', async () => {
  const text = await cli(['governing-body', '--as-of', '2026-12-03']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /government\s+titular\s+28\s+10\s+0\s+18/);
  assert.match(text.stdout, /BRA, CHN, DEU, FRA, GBR, IND, ITA, JPN, RUS, USA/);
  assert.match(text.stdout, /Current period \(2026-12-03\)\s+unknown \(by the cycle: 2024-2027, derived/);
  const json = await cli(['governing-body', '--as-of', '2026-12-03', '--json']);
  const doc = JSON.parse(json.stdout);
  assert.equal(doc.current, null);
  assert.equal(doc.periods[0].composition.totals.titular.unknown, 46);
});

test('tripartite offices: by region, by State, the Director-General unknown; a bad region is a usage error', async () => {
  const arab = await cli(['offices', '--region', 'Arab States', '--json']);
  assert.equal(arab.code, 0, arab.stderr);
  const doc = JSON.parse(arab.stdout);
  assert.equal(doc.directorGeneral, null);
  assert.ok(doc.items.length >= 4 && doc.items.every((o: { region: string }) => o.region === 'Arab States'));
  const idn = await cli(['offices', '--country', 'idn']);
  assert.match(idn.stdout, /Director-General: unknown/);
  assert.match(idn.stdout, /Jakarta/);
  const bad = await cli(['offices', '--region', 'Mars']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--region must be one of/);
});
