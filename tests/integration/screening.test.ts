import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { runCli } from '../../src/cli/index.ts';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { allDatabases, TEST_DATA_KEY } from '../support/databases.ts';

const ON = '2026-11-27';
const WORKERS = [
  'worker_id,name,country,birth_date,work,hours_per_day,night',
  'w1,"Siti, A.",IDN,2012-03-01,light,3,no',
  'w2,Budi,IDN,2012-03-01,light,4,0',
  'w3,Ana,BRA,2000-01-01,regular,,',
  'w4,Bad date,IDN,2011-02-30,regular,,',
  'w5,Nowhere,XYZ,2000-01-01,regular,,',
  'w6,Odd work,IDN,2000-01-01,mining,,',
  'w7,Short row,IDN',
  'w8,Young miner,IDN,2010-06-01,hazardous,,yes',
  'w9,"Stray "quote,IDN,2000-01-01,regular,,',
  `w10,${'x'.repeat(1_100_000)},IDN,2000-01-01,regular,,`,
  'w11,Last,IDN,2000-01-01,regular,,',
].join('\r\n');

for (const database of await allDatabases()) {
  describe(`screening on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const dir = mkdtempSync(join(tmpdir(), 'tripartite-screen-'));
    const env = {
      ...process.env,
      TRIPARTITE_DB: database.config.sqlitePath,
      DATABASE_URL: database.config.databaseUrl ?? '',
      // PostgreSQL needs the data key; an SQLite file keeps its own key file beside it.
      ...(database.config.databaseUrl ? { TRIPARTITE_DATA_KEY: TEST_DATA_KEY } : {}),
      TRIPARTITE_PG_SCHEMA: database.config.pgSchema,
      TRIPARTITE_NO_PROGRESS: '1',
    };
    const file = join(dir, 'workers.csv');

    before(async () => {
      writeFileSync(file, `\uFEFF${WORKERS}\r\n`);
      services = await createServices(database.config);
      app = createApp({ ...services, today: () => ON });
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    async function cli(args: string[]) {
      let out = '';
      let err = '';
      const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), env });
      return { code, out, err };
    }

    function checkSummary(summary: any) {
      assert.equal(summary.rows, 11);
      assert.equal(summary.valid, 5);
      assert.equal(summary.invalid, 6);
      assert.equal(summary.verdicts.conditional, 1, 'w1: light work, 3 hours');
      assert.equal(summary.verdicts.prohibited, 1, 'w2: light work, 4 hours (UU 13/2003 Pasal 69)');
      assert.equal(summary.verdicts.worst_form, 1, 'w8: hazardous at 16');
      assert.equal(summary.verdicts.permitted, 2, 'w3 and w11');
      const byLine = new Map(summary.errors.map((e: any) => [e.line, e.field]));
      assert.equal(byLine.get(5), 'birth_date');
      assert.equal(byLine.get(6), 'country');
      assert.equal(byLine.get(7), 'work');
      assert.ok(byLine.has(8), 'short row');
      assert.ok(byLine.has(10), 'stray quote');
      assert.equal(byLine.get(11), 'line', 'over-long line');
    }

    test('the CLI screens a file with broken rows, reports each one and screens the rest', async () => {
      const out = join(dir, 'results.csv');
      const run = await cli(['screen', file, '--on', ON, '--out', out, '--json']);
      assert.equal(run.code, 0, run.err);
      checkSummary(JSON.parse(run.out));
      const lines = readFileSync(out, 'utf8').trimEnd().split(/\r?\n/);
      assert.match(lines[0] ?? '', /,verdict,minimum_age,citations$/);
      assert.equal(lines.length, 12, 'every input row is written, valid or not');
      assert.match(lines.find((l) => l.startsWith('w2,')) ?? '', /,prohibited,15,.*UU 13\/2003 Pasal 69/);
      assert.match(lines.find((l) => l.startsWith('w1,')) ?? '', /^w1,"Siti, A.",/);
    });

    test('the CLI reads a gzip file and standard input, and writes the rows to standard output', async () => {
      const plain = join(dir, 'plain-out.csv');
      assert.equal((await cli(['screen', file, '--on', ON, '--out', plain, '--json'])).code, 0);
      const expected = readFileSync(plain, 'utf8');

      const gz = join(dir, 'workers.csv.gz');
      writeFileSync(gz, gzipSync(readFileSync(file)));
      const fromGz = await cli(['screen', gz, '--on', ON, '--json']);
      assert.equal(fromGz.code, 0, fromGz.err);
      checkSummary(JSON.parse(fromGz.out));

      // `-`: standard input in, rows out on standard output, the summary on standard error.
      let out = '';
      let err = '';
      const code = await runCli(['screen', '-', '--on', ON, '--out', '-', '--json'], {
        stdout: (s) => (out += s),
        stderr: (s) => (err += s),
        env,
        stdin: Readable.from([readFileSync(file).subarray(0, 1000), readFileSync(file).subarray(1000)]),
      });
      assert.equal(code, 0, err);
      assert.equal(out, expected);
      const summary = JSON.parse(err);
      assert.equal(summary.file, 'standard input');
      checkSummary(summary);
    });

    test('the CLI exits 2 on gzip data that is corrupt or cut short', async () => {
      const whole = gzipSync(readFileSync(file));
      for (const [name, bytes] of [
        ['corrupt.csv.gz', Buffer.concat([whole.subarray(0, 10), Buffer.from('this is not deflate data at all, it is just text')])],
        ['truncated.csv.gz', whole.subarray(0, whole.length - 200)],
      ] as const) {
        const path = join(dir, name);
        writeFileSync(path, bytes);
        const run = await cli(['screen', path, '--on', ON, '--json']);
        assert.equal(run.code, 2, `${name}: ${run.err}`);
        assert.match(run.err, /not readable gzip data/);
        assert.equal(run.out, '', 'no summary for a file that was not read to its end');
      }
    });

    test('the CLI exits 2 when the file cannot be screened', async () => {
      const missing = await cli(['screen', join(dir, 'nope.csv')]);
      assert.equal(missing.code, 2);
      assert.equal(missing.err.trim().split('\n').length, 1);
      const noColumn = join(dir, 'no-work.csv');
      writeFileSync(noColumn, 'worker_id,country,birth_date\n1,IDN,2000-01-01\n');
      const run = await cli(['screen', noColumn]);
      assert.equal(run.code, 2);
      assert.match(run.err, /work/);
    });

    test('the API takes the CSV streamed and answers the same summary', async () => {
      const res = await app.request(`http://localhost/api/compliance/screen?on=${ON}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: readFileSync(file),
      });
      assert.equal(res.status, 200);
      checkSummary(await res.json());
    });

    test('the API takes a gzip’d CSV as well', async () => {
      const res = await app.request(`http://localhost/api/compliance/screen?on=${ON}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: gzipSync(readFileSync(file)),
      });
      assert.equal(res.status, 200);
      checkSummary(await res.json());
    });

    test('the API streams the annotated CSV back', async () => {
      const res = await app.request(`http://localhost/api/compliance/screen?on=${ON}&format=csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv; charset=utf-8' },
        body: readFileSync(file),
      });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
      const lines = (await res.text()).trimEnd().split(/\r?\n/);
      assert.equal(lines.length, 12);
      assert.match(lines.find((l) => l.startsWith('w8,')) ?? '', /,worst_form,/);
    });

    test('the API reads the sex column, reports a bad value by line and field, and counts every verdict', async () => {
      const csv = [
        'worker_id,country,birth_date,work,night,Sex',
        'a,IDN,2010-01-01,light,yes,Perempuan',
        'b,IDN,2010-01-01,light,yes,x',
        'c,IDN,2010-01-01,light,yes,M',
        'd,IDN,2000-01-01,regular,,',
      ].join('\n');
      const res = await app.request(`http://localhost/api/compliance/screen?on=${ON}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: csv,
      });
      assert.equal(res.status, 200);
      const summary = (await res.json()) as any;
      assert.deepEqual([summary.valid, summary.invalid], [3, 1]);
      assert.deepEqual(
        summary.errors.map((e: any) => [e.line, e.field]),
        [[3, 'sex']],
      );
      assert.deepEqual(Object.keys(summary.verdicts), ['permitted', 'other_law', 'conditional', 'prohibited', 'worst_form']);
    });

    test('the API refuses a file without the required columns, and a body that is not CSV', async () => {
      const noColumn = await app.request('http://localhost/api/compliance/screen?format=csv', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: 'a,b\n1,2\n',
      });
      assert.equal(noColumn.status, 400);
      assert.match(((await noColumn.json()) as any).detail, /worker_id/);
      const json = await app.request('http://localhost/api/compliance/screen', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(json.status, 415);
    });
  });
}
