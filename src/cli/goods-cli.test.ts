import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'tripartite-goods-cli-'));
const env = { TRIPARTITE_DB: join(dir, 'cli.db'), LOG_LEVEL: 'silent' };
after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

test('tripartite goods: by good and kind, --json is the API document; a bad kind is a usage error', async () => {
  const text = await cli(['goods', '--good', 'cocoa', '--kind', 'forced_labour']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /Cocoa\s+CIV\s+Agriculture\s+child labour; forced labour; forced child labour\s+USDOL-SWEATTOIL-2022, 2022/);
  assert.match(text.stdout, /2 listed/);
  const json = await cli(['goods', '--country', 'civ', '--json']);
  const doc = JSON.parse(json.stdout);
  assert.ok(doc.items.length > 1 && doc.items.every((g: { iso3: string }) => g.iso3 === 'CIV'));
  const bad = await cli(['goods', '--kind', 'slavery']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--kind must be one of/);
});
