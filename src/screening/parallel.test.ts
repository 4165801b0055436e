import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { generateWorkforce } from '../../bench/gen-workforce.ts';
import { CacheMismatchError, CHILD_LABOUR_ENGINE, type ScreenStats, screenFile } from './index.ts';
import { screenRanges } from './parallel.ts';
import { Screener } from './screen.ts';
import { registryFacts } from './testing.ts';

const ON = '2025-06-30';
const facts = await registryFacts();
const dir = mkdtempSync(join(tmpdir(), 'screen-par-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function both(name: string, content: string, rangeBytes: number, threads: number, maxErrors = 1000) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const sequential = await screenFile(path, { on: ON, facts, threads: 1, maxErrors });
  const stats: ScreenStats = {};
  const main = new Screener(CHILD_LABOUR_ENGINE, { on: ON, facts, maxErrors });
  const parallel = await screenRanges(main, {
    path,
    size: Buffer.byteLength(content),
    on: ON,
    facts,
    maxErrors,
    threads,
    rangeBytes,
    stats,
  });
  return { sequential, parallel, stats };
}

describe('parallel ranges give the sequential result', () => {
  test('generated rows, small ranges, main thread and a worker', async () => {
    const content = [...generateWorkforce({ rows: 30_000, seed: 11, badShare: 0.01 })].join('');
    const { sequential, parallel, stats } = await both('gen.csv', content, 64 << 10, 2);
    assert.deepEqual(parallel, sequential);
    assert.equal(stats.threads, 2);
    assert.ok((stats.ranges ?? 0) > 10);
  });

  test('boundaries inside multi-line quoted fields and over-long lines are redone, not trusted', async () => {
    const header = 'worker_id,name,country,birth_date,work,hours_per_day,night\n';
    const rows: string[] = [];
    for (let i = 0; i < 3000; i++) {
      // every 7th row has a name spanning many lines, so guessed boundaries often fall inside it
      const name = i % 7 === 0 ? `"${'line\n'.repeat(40)}end"` : i % 11 === 0 ? `Bad "quote` : `N${i}`;
      const country = i % 13 === 0 ? 'XYZ' : 'IDN';
      rows.push(
        `${i},${name},${country},${1990 + (i % 30)}-0${1 + (i % 9)}-15,${i % 2 ? 'light' : 'regular'},${i % 5},${i % 3 ? 'no' : 'yes'}`,
      );
    }
    rows.push(`9999,${'x'.repeat((1 << 20) + 5)},IDN,2000-01-01,regular,,`);
    rows.push('10000,"never closed,IDN,2000-01-01,regular,,');
    rows.push('10001,Last,IDN,2000-01-01,regular,,');
    const content = header + rows.join('\n');
    const { sequential, parallel, stats } = await both('quoted.csv', content, 4096, 2, 50);
    assert.deepEqual(parallel, sequential);
    assert.ok((stats.redoneRanges ?? 0) > 0, 'some guessed boundaries fell inside a record');
    assert.ok(sequential.errors.length === 50 && sequential.truncatedErrors);
  });

  test('a failure in one thread stops the others from claiming ranges and is what the caller gets', async () => {
    const content = [...generateWorkforce({ rows: 20_000, seed: 3, badShare: 0 })].join('');
    const path = join(dir, 'halt.csv');
    writeFileSync(path, content);
    // The main thread's engine lies about its age breakpoints: its sampled check throws.
    const lying = { ...CHILD_LABOUR_ENGINE, ageBreakpoints: () => [] as number[] };
    const main = new Screener(lying, { on: ON, facts, maxErrors: 10 });
    const stats: ScreenStats = {};
    await assert.rejects(
      screenRanges(main, { path, size: Buffer.byteLength(content), on: ON, facts, maxErrors: 10, threads: 2, rangeBytes: 16 << 10, stats }),
      (e: unknown) => e instanceof CacheMismatchError,
    );
  });

  test('header-only and tiny files', async () => {
    const h = 'worker_id,country,birth_date,work\n';
    for (const [name, content] of [
      ['h.csv', h],
      ['one.csv', `${h}1,IDN,2000-01-01,regular`],
      ['bom.csv', `\uFEFF\r\n${h.replace('\n', '\r\n')}1,IDN,2000-01-01,regular\r\n2,IDN,2015-01-01,regular\r\n`],
    ] as const) {
      const { sequential, parallel } = await both(name, content, 16, 2);
      assert.deepEqual(parallel, sequential, name);
    }
  });
});
