import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { cachedBundle } from './cached-bundle.js';

const dir = mkdtempSync(join(tmpdir(), 'worker-script-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the script in a worker; the bundled entry posts one message back. */
function run(href: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(`import(${JSON.stringify(href)});`, { eval: true });
    worker.once('message', (m) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

test('a cached bundle is reused while its inputs are unchanged and rebuilt when one changes', async () => {
  const entry = join(dir, 'entry.ts');
  const dep = join(dir, 'dep.ts');
  const cache = join(dir, 'cache');
  writeFileSync(
    entry,
    "import { parentPort } from 'node:worker_threads';\nimport { answer } from './dep.ts';\nparentPort!.postMessage(answer);\n",
  );
  writeFileSync(dep, 'export const answer: number = 1;\n');

  const first = cachedBundle(entry, cache, 'probe');
  assert.ok(first instanceof Promise, 'nothing cached yet: built');
  assert.equal(await run(await first), 1);

  const second = cachedBundle(entry, cache, 'probe');
  assert.equal(typeof second, 'string', 'inputs unchanged: the cached bundle, without building');
  assert.equal(await run(second as string), 1);

  // Same size, later mtime: the change is seen even when the length is equal.
  writeFileSync(dep, 'export const answer: number = 2;\n');
  utimesSync(dep, new Date(), new Date(Date.now() + 5000));
  const third = cachedBundle(entry, cache, 'probe');
  assert.ok(third instanceof Promise, 'an input changed: rebuilt');
  assert.equal(await run(await third), 2);
  // That input is dated after the build started (as a file saved while esbuild read it would be):
  // the bundle served that run but is not vouched for, so the next run builds again.
  const fourth = cachedBundle(entry, cache, 'probe');
  assert.ok(fourth instanceof Promise);
  assert.equal(await run(await fourth), 2);
});

test('a bundle that cannot be built rejects (the caller falls back)', async () => {
  const entry = join(dir, 'broken.ts');
  writeFileSync(entry, "import './missing.ts';\n");
  const script = cachedBundle(entry, join(dir, 'cache'), 'broken');
  assert.ok(script instanceof Promise);
  await assert.rejects(script);
});
