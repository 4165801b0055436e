import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from './index.ts';

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tripartite-coverage-cli-'));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const env = { TRIPARTITE_DB: join(dir, 'cli.db'), LOG_LEVEL: 'silent' };
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

test('country and instrument say whether the list printed is complete, in English and Indonesian', async () => {
  const bra = await cli(['country', 'BRA']);
  assert.equal(bra.code, 0, bra.stderr);
  assert.match(bra.stdout, /Coverage\s+complete for C138, C182; other Conventions: partial/);
  const idn = await cli(['country', 'IDN', '--lang', 'id']);
  assert.match(idn.stdout, /Cakupan\s+daftar lengkap/);
  const c098 = await cli(['instrument', 'C098']);
  assert.match(c098.stdout, /Coverage\s+partial list \(only ratifications found in the sources\)/);
  const c182 = await cli(['instrument', 'C182', '--lang', 'id']);
  assert.match(c182.stdout, /Cakupan\s+daftar lengkap/);
});
