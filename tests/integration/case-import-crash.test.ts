import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, test } from 'node:test';
import { PROGRESS_EVERY_ROWS } from '../../src/cli/commands/cases-import.ts';
import { createServices, type Services } from '../../src/container.ts';
import { PROJECT_ROOT } from '../../src/storage/paths.ts';
import { testHasher } from '../support/accounts.ts';
import { allDatabases, TEST_DATA_KEY, type TestDatabase } from '../support/databases.ts';
import { insertUnit } from '../support/monitoring-fixture.ts';
import { screenedCaseLines } from '../support/screening-rows.ts';

/*
 * A SIGKILL in the middle of a large screening import (issue 11 acceptance: all or nothing). The
 * CLI is spawned on a file of ROWS cases; once it reports on standard error that it has written
 * several batches inside its transaction, it is killed with SIGKILL. Then the unit holds none of
 * the file's cases (or, had the commit won the race, all of them), and a second import, run to
 * the end, creates every case numbered from 1: nothing of the killed one was left behind.
 */
const ON = '2026-12-01';
const ROWS = 30_000;

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function cliEnv(target: TestDatabase): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, LOG_LEVEL: 'silent', TZ: 'UTC', TRIPARTITE_TODAY: ON };
  if (target.config.databaseUrl)
    Object.assign(env, {
      DATABASE_URL: target.config.databaseUrl,
      TRIPARTITE_PG_SCHEMA: target.config.pgSchema,
      TRIPARTITE_DATA_KEY: TEST_DATA_KEY,
    });
  else env.TRIPARTITE_DB = target.config.sqlitePath;
  return env;
}

function spawnImport(target: TestDatabase, file: string, unit: number) {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'bin/tripartite.js'), 'cases', 'import', file, '--unit', String(unit), '--json'],
    {
      env: cliEnv(target),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const out = { stdout: '', stderr: '', finished: false };
  child.stdout?.on('data', (d) => (out.stdout += d));
  child.stderr?.on('data', (d) => (out.stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      out.finished = true;
      resolve({ code, signal });
    }),
  );
  return { child, out, exited };
}

for (const target of await allDatabases()) {
  describe(`a killed screening import on ${target.name}`, { skip: target.skip }, () => {
    let services: Services;
    let work: string;
    before(async () => {
      services = await createServices(target.config, { hasher: testHasher });
      work = mkdtempSync(join(tmpdir(), 'tripartite-case-crash-'));
    });
    after(async () => {
      await services?.close();
      await target.cleanup();
      rmSync(work, { recursive: true, force: true });
    });

    test('SIGKILL during a large import leaves all or nothing; the import run again creates every case', async (t) => {
      const { db } = services.handle;
      const unit = await insertUnit(db, 'Crash test');
      const file = join(work, `crash-${target.name}.csv`);
      await pipeline(Readable.from(screenedCaseLines(ROWS, ON)), createWriteStream(file));
      const count = async () =>
        Number(
          (
            await db
              .selectFrom('cases')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('unit_id', '=', unit)
              .executeTakeFirstOrThrow()
          ).n,
        );

      const killed = spawnImport(target, file, unit);
      try {
        // A few batches written inside the transaction, well before its end.
        const mark = `Read ${(2 * PROGRESS_EVERY_ROWS).toLocaleString('en-US')} rows`;
        await until('two progress lines', () => killed.out.finished || killed.out.stderr.includes(mark));
        assert.ok(!killed.out.finished, `the import ended before it could be killed: ${killed.out.stdout} ${killed.out.stderr}`);
        killed.child.kill('SIGKILL');
        const { signal } = await killed.exited;
        assert.equal(signal, 'SIGKILL');
        t.diagnostic(`killed after: ${killed.out.stderr.trim().split('\n').pop()}`);
      } finally {
        if (!killed.out.finished) killed.child.kill('SIGKILL');
      }
      const left = await count();
      assert.ok(left === 0 || left === ROWS, `all or nothing, found ${left}`);
      assert.equal(left, 0, 'killed before its commit, so nothing');
      const events = await db.selectFrom('case_events').select('id').where('unit_id', '=', unit).execute();
      assert.equal(events.length, 0, 'no history without its cases');

      // Run to the end (on PostgreSQL it waits, if need be, for the server to end the killed session).
      const full = spawnImport(target, file, unit);
      const { code } = await full.exited;
      assert.equal(code, 0, full.out.stderr);
      const result = JSON.parse(full.out.stdout) as {
        created: number;
        alreadyPresent: number;
        caseNumbers: { first: number; last: number };
      };
      assert.equal(result.created, ROWS);
      assert.equal(result.alreadyPresent, 0);
      assert.deepEqual(result.caseNumbers, { first: 1, last: ROWS });
      assert.equal(await count(), ROWS);
    });
  });
}
