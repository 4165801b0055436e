/**
 * `tripartite screen` with a bad input path or `--out` (issue 8, item 8): one line and exit 2, and
 * `--out` written through a temporary file, so a failed run never leaves a partial result. Also the
 * summary's verdict lines, with every verdict's name in English and Indonesian.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { generateWorkforce } from '../../bench/gen-workforce.ts';
import { runCli } from './index.ts';

let dir: string;
let env: NodeJS.ProcessEnv;
let workers: string;

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

function assertOneLine(stderr: string, pattern: RegExp): void {
  assert.match(stderr, /^tripartite: [^\n]+\n$/, `expected one stderr line, got ${JSON.stringify(stderr)}`);
  assert.match(stderr, pattern);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tripartite-screen-out-'));
  env = { TRIPARTITE_DB: join(dir, 'cli.db'), LOG_LEVEL: 'silent', TRIPARTITE_NO_PROGRESS: '1' };
  const seeded = await cli(['db', 'seed']);
  assert.equal(seeded.code, 0, seeded.stderr);
  workers = join(dir, 'workers.csv');
  writeFileSync(workers, [...generateWorkforce({ rows: 3000, seed: 3 })].join(''));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('--out in a folder that does not exist: one line naming --out and the folder, exit 2', async () => {
  const r = await cli(['screen', workers, '--on', '2026-11-27', '--out', join(dir, 'nonexistent', 'x.csv')]);
  assert.equal(r.code, 2);
  assertOneLine(r.stderr, /--out ".*x\.csv": the folder ".*nonexistent" does not exist/);
  assert.equal(r.stdout, '');
});

test('--out a directory: one line saying it is a directory, exit 2, the directory untouched', async () => {
  const folder = join(dir, 'results');
  mkdirSync(folder);
  for (const out of [folder, `${folder}/`]) {
    const r = await cli(['screen', workers, '--on', '2026-11-27', '--out', out]);
    assert.equal(r.code, 2, out);
    assertOneLine(r.stderr, /--out ".*results\/?" is a directory/);
  }
  assert.deepEqual(readdirSync(folder), []);
});

test('screen DIR says the input is a directory, exit 2', async () => {
  const r = await cli(['screen', dir, '--on', '2026-11-27']);
  assert.equal(r.code, 2);
  assertOneLine(r.stderr, /is a directory: give the CSV file to screen/);
});

test('a truncated .gz input with --out leaves no file behind, and an earlier result in place', async () => {
  const folder = join(dir, 'truncated');
  mkdirSync(folder);
  const whole = gzipSync(readFileSync(workers));
  const gz = join(folder, 'workers.csv.gz');
  writeFileSync(gz, whole.subarray(0, Math.floor(whole.length * 0.7)));
  const fresh = join(folder, 'fresh.csv');
  const r = await cli(['screen', gz, '--on', '2026-11-27', '--out', fresh]);
  assert.equal(r.code, 2);
  assertOneLine(r.stderr, /not readable gzip data/);
  assert.deepEqual(readdirSync(folder).sort(), ['workers.csv.gz'], 'no result and no temporary file');
  // An earlier result under the same name is not replaced by a partial one.
  const earlier = join(folder, 'earlier.csv');
  writeFileSync(earlier, 'the earlier, complete result\n');
  const again = await cli(['screen', gz, '--on', '2026-11-27', '--out', earlier]);
  assert.equal(again.code, 2);
  assert.equal(readFileSync(earlier, 'utf8'), 'the earlier, complete result\n');
  assert.deepEqual(readdirSync(folder).sort(), ['earlier.csv', 'workers.csv.gz']);
});

test('a successful run writes --out under its name (replacing an earlier file) and leaves no temporary file', async () => {
  const folder = join(dir, 'ok');
  mkdirSync(folder);
  const out = join(folder, 'results.csv');
  writeFileSync(out, 'old\n');
  const r = await cli(['screen', workers, '--on', '2026-11-27', '--out', out, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout) as { rows: number };
  assert.equal(summary.rows, 3000);
  const written = readFileSync(out, 'utf8');
  assert.match(written, /^worker_id,name,country,birth_date,work,hours_per_day,night,verdict,minimum_age,citations\n/);
  assert.equal(written, (await cli(['screen', workers, '--on', '2026-11-27', '--out', '-'])).stdout);
  assert.deepEqual(readdirSync(folder), ['results.csv']);
});

test('the summary lists every verdict with its count and name, in English and in Indonesian', async () => {
  const json = await cli(['screen', workers, '--on', '2026-11-27', '--json']);
  const counts = (JSON.parse(json.stdout) as { verdicts: Record<string, number> }).verdicts;
  assert.deepEqual(Object.keys(counts), ['permitted', 'other_law', 'conditional', 'prohibited', 'worst_form']);
  const names = {
    en: { other_law: 'not child labour (an adult), but governed by other law', worst_form: 'a worst form of child labour' },
    id: { other_law: 'bukan pekerja anak (orang dewasa), tetapi diatur hukum lain', worst_form: 'bentuk pekerjaan terburuk untuk anak' },
  };
  for (const lang of ['en', 'id'] as const) {
    const r = await cli(['screen', workers, '--on', '2026-11-27', '--lang', lang]);
    assert.equal(r.code, 0, r.stderr);
    for (const [verdict, n] of Object.entries(counts))
      assert.match(r.stdout, new RegExp(`^  ${verdict} +${n}  \\S`, 'm'), `${lang} ${verdict}`);
    for (const [verdict, name] of Object.entries(names[lang]))
      assert.match(r.stdout, new RegExp(`^  ${verdict} +\\d+  ${name.replace(/[()]/g, '\\$&')}$`, 'm'), `${lang} ${verdict}`);
  }
  assert.match((await cli(['screen', workers, '--lang', 'id'])).stdout, /^Diperiksa .* baris, \d+ sah, \d+ tidak sah$/m);
});
