import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from './index.ts';

let dir: string;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: { TRIPARTITE_DB: join(dir, 'cli.db'), LOG_LEVEL: 'silent' },
  });
  return { code, stdout, stderr };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tripartite-supervision-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("tripartite comments --country IDN --instrument C138 --json prints the API's page", async () => {
  const run = await cli(['comments', '--country', 'idn', '--instrument', 'C138', '--json']);
  assert.equal(run.code, 0, run.stderr);
  const page = JSON.parse(run.stdout);
  assert.deepEqual(page.items.map((c: { id: string }) => c.id).sort(), ['2233949', '2242272', '2262360', '2294852', '4313016']);
  assert.equal(page.total, 5);
});

test('tripartite comments as a table, in Indonesian, says what is unknown', async () => {
  const run = await cli(['comments', '--country', 'IDN', '--instrument', 'C138', '--lang', 'id']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /permintaan langsung/);
  assert.match(run.stdout, /jenis tidak disebutkan dalam sumber/);
});

test('tripartite procedures --procedure art26 lists the 12 complaints with the article of their stage', async () => {
  const run = await cli(['procedures', '--procedure', 'art26', '--json']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).total, 12);
  const text = await cli(['procedures', '--procedure', 'art26']);
  assert.match(text.stdout, /Commission of Inquiry \(Constitution Art 26\(3\)\)/);
});

test('a bad flag is a usage error (exit 2) naming the flag', async () => {
  const run = await cli(['procedures', '--procedure', 'art99']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--procedure must be one of art24, art26, cas/);
});
