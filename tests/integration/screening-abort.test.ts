/**
 * A streamed screening that fails part-way (a gzip upload cut short), against the real Node server:
 * the rows already screened go out, then the transfer is aborted, and the server logs the failure
 * as one structured line instead of printing a stack trace (issue 8, item 7). Both routes that
 * stream the annotated CSV are covered: the API and the portal's form.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { generateWorkforce } from '../../bench/gen-workforce.ts';
import { createLogger } from '../../src/http/logging.ts';
import { startServer } from '../../src/main.ts';
import { sqliteDatabase } from '../support/databases.ts';

const ON = '2026-11-27';
const database = sqliteDatabase();
const logLines: string[] = [];
let server: { close(): Promise<void>; port: number };
let base: string;

/** A gzip'd register cut at 60%: its first rows decompress, then the data ends mid-stream. */
const whole = gzipSync(Buffer.from([...generateWorkforce({ rows: 30_000, seed: 11 })].join('')));
const truncated = whole.subarray(0, Math.floor(whole.length * 0.6));

before(async () => {
  server = await startServer(
    { ...database.config, port: 0, host: '127.0.0.1', logLevel: 'info' },
    { logger: createLogger({ level: 'info', destination: { write: (line: string) => void logLines.push(line) } }) },
  );
  base = `http://127.0.0.1:${server.port}`;
});
after(async () => {
  await server?.close();
  await database.cleanup();
});

/** Everything written to the console and to standard error while `run` runs. */
async function consoleOutputOf(run: () => Promise<void>): Promise<string[]> {
  const printed: string[] = [];
  const saved = { error: console.error, warn: console.warn, info: console.info, log: console.log, stderr: process.stderr.write };
  const keep = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  Object.assign(console, { error: keep, warn: keep, info: keep, log: keep });
  process.stderr.write = ((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    await run();
    // the adapter reports a failed body after the client has seen the abort: give it its turn
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    Object.assign(console, { error: saved.error, warn: saved.warn, info: saved.info, log: saved.log });
    process.stderr.write = saved.stderr;
  }
  return printed;
}

/**
 * Sends the request and reads the body to its end with node:http (which hands over every byte
 * received before it reports a cut connection), and says how the transfer ended.
 */
async function download(path: string, headers: Record<string, string>, body: Uint8Array) {
  return new Promise<{ status: number; received: string; aborted: boolean; requestId: string | null }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method: 'POST', headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      const parts: Buffer[] = [];
      let aborted = false;
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('aborted', () => (aborted = true));
      res.on('error', () => (aborted = true));
      res.on('close', () =>
        resolve({
          status: res.statusCode ?? 0,
          received: Buffer.concat(parts).toString('utf8'),
          aborted: aborted || !res.complete,
          requestId: (res.headers['x-request-id'] as string | undefined) ?? null,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A multipart/form-data body as the portal's form sends it: the date and the file. */
function formBody(boundary: string, file: Uint8Array): Buffer {
  const part = (headers: string, content: Uint8Array | string) => [
    Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`),
    Buffer.from(content),
    Buffer.from('\r\n'),
  ];
  return Buffer.concat([
    ...part('Content-Disposition: form-data; name="on"', ON),
    ...part('Content-Disposition: form-data; name="file"; filename="workers.csv.gz"\r\nContent-Type: application/gzip', file),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
}

function linesOf(requestId: string | null) {
  return logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((entry) => entry.requestId === requestId);
}

describe('a truncated gzip upload streamed back as CSV', () => {
  for (const route of ['api', 'portal'] as const) {
    test(`${route}: the rows read go out, the transfer is aborted, and the failure is one structured log line`, async () => {
      let result: Awaited<ReturnType<typeof download>> | undefined;
      const printed = await consoleOutputOf(async () => {
        const requestId = { 'x-request-id': `abort-${route}` };
        result =
          route === 'api'
            ? await download(`/api/compliance/screen?format=csv&on=${ON}`, { 'content-type': 'text/csv', ...requestId }, truncated)
            : await download(
                '/en/compliance/screen',
                { 'content-type': 'multipart/form-data; boundary=b0undary', origin: base, ...requestId },
                formBody('b0undary', truncated),
              );
      });
      assert.ok(result);
      assert.equal(result.status, 200, result.received.slice(0, 2000));
      assert.equal(result.aborted, true, 'the client sees the transfer cut, not a complete file');
      assert.match(result.received, /^worker_id,name,country,birth_date,work,hours_per_day,night,verdict,minimum_age,citations\r?\n/);
      assert.ok(result.received.split('\n').length > 100, 'the rows read before the cut were streamed');
      assert.deepEqual(printed, [], 'nothing printed outside the structured log');
      const failures = linesOf(result.requestId).filter((entry) => entry.msg !== 'request');
      assert.equal(failures.length, 1, JSON.stringify(failures));
      const [failure] = failures as [Record<string, unknown>];
      assert.equal(failure.requestId, `abort-${route}`);
      assert.equal(failure.level, 'warn');
      assert.match(String(failure.reason), /not readable gzip data \(unexpected end of file\)/);
      assert.equal(failure.problem, 'unreadable');
      assert.equal(failure.stack, undefined);
      assert.ok(!JSON.stringify(failure).includes('\\n    at '), 'no stack trace in the line');
    });
  }

  test('a whole gzip upload is still streamed back complete, as the same file uncompressed', async () => {
    const send = (body: Uint8Array) => download(`/api/compliance/screen?format=csv&on=${ON}`, { 'content-type': 'text/csv' }, body);
    const result = await send(whole);
    assert.equal(result.aborted, false);
    assert.equal(result.received, (await send(gunzipSync(whole))).received);
    assert.equal(linesOf(result.requestId).filter((entry) => entry.msg !== 'request').length, 0);
  });
});
