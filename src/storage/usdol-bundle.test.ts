import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readUsdolBundle } from './usdol-bundle.ts';

test('a data directory without the USDOL files gives empty lists; a broken file is an error naming it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tripartite-usdol-bundle-'));
  try {
    assert.deepEqual(await readUsdolBundle(dir), { goods: [], facts: [] });
    writeFileSync(join(dir, 'usdol-goods.json'), '[{');
    await assert.rejects(readUsdolBundle(dir), /usdol-goods\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
