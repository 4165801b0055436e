import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CliError } from './errors.ts';
import { openPendingFile } from './pending-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'tripartite-pending-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the file appears under its name only at commit; until then it is a hidden temporary file', async () => {
  const path = join(dir, 'result.csv');
  const pending = openPendingFile(path, '--out');
  pending.stream.write('a,b\n1,2\n');
  const [temporary] = readdirSync(dir);
  assert.match(temporary ?? '', /^\.result\.csv\.[0-9a-f]{8}\.partial$/);
  await pending.commit();
  assert.deepEqual(readdirSync(dir), ['result.csv']);
  assert.equal(readFileSync(path, 'utf8'), 'a,b\n1,2\n');
});

test('a write error (a full disk) fails the commit with one line naming the flag, and leaves nothing', async () => {
  const path = join(dir, 'full.csv');
  writeFileSync(path, 'earlier\n');
  const pending = openPendingFile(path, '--out');
  pending.stream.destroy(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
  await assert.rejects(
    pending.commit(),
    (e: unknown) => e instanceof CliError && e.exitCode === 1 && /^--out ".*full\.csv": writing failed \(ENOSPC/.test(e.message),
  );
  assert.equal(pending.writeFailure()?.exitCode, 1);
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.includes('full')),
    ['full.csv'],
  );
  assert.equal(readFileSync(path, 'utf8'), 'earlier\n');
});

test('discard removes the temporary file and keeps an earlier file', async () => {
  const path = join(dir, 'kept.csv');
  writeFileSync(path, 'earlier\n');
  const pending = openPendingFile(path, '--out');
  pending.stream.write('partial');
  await pending.discard();
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.includes('kept')),
    ['kept.csv'],
  );
  assert.equal(readFileSync(path, 'utf8'), 'earlier\n');
});
