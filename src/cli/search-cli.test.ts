import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'tripartite-search-cli-'));
const env = { TRIPARTITE_DB: join(dir, 'cli.db'), LOG_LEVEL: 'silent' };
after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

test('tripartite search "pekerja anak": results grouped by kind, Indonesian titles with --lang id', async () => {
  const text = await cli(['search', 'pekerja anak', '--lang', 'id']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^instrument \(\d+, best 10 shown\)$/m);
  assert.match(text.stdout, /C182\s+Konvensi ILO mengenai Pelarangan/);
  assert.match(text.stdout, /\/id\/instruments\/C182/);
});

test('tripartite search --json is the API document; a kind alone; usage errors exit 2', async () => {
  const json = await cli(['search', 'konvensi 182', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const doc = JSON.parse(json.stdout);
  assert.equal(doc.matched, 'all');
  assert.deepEqual(doc.groups[0].hits[0], {
    kind: 'instrument',
    key: 'C182',
    title: 'Worst Forms of Child Labour Convention, 1999',
    score: doc.groups[0].hits[0].score,
    href: '/en/instruments/C182',
  });
  const offices = JSON.parse((await cli(['search', 'indonesia', '--kind', 'office', '--json'])).stdout);
  assert.deepEqual(
    offices.groups.map((g: { kind: string }) => g.kind),
    ['office'],
  );
  for (const args of [
    ['search', ' '],
    ['search', 'x', '--kind', 'planet'],
    ['search', 'x', '--limit', '0'],
    ['search', 'x'.repeat(201)],
  ]) {
    const bad = await cli(args);
    assert.equal(bad.code, 2, args.join(' '));
  }
  assert.match((await cli(['search', 'qqqqqqqq'])).stdout, /Nothing matches "qqqqqqqq"/);
});
