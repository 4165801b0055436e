/**
 * Graceful shutdown (issue 12), against the real server process (`tripartite serve`): SIGTERM in
 * the middle of a burst of requests over keep-alive connections leaves every request either
 * answered in full or refused at connect — never cut mid-response or reset on a reused
 * connection — and the process exits 0. A streamed screening that cannot finish within a short
 * grace period is cut visibly, and the process still exits 0. On SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { generateWorkforce } from '../../bench/gen-workforce.ts';
import { loadConfig } from '../../src/config/env.ts';
import { PROJECT_ROOT } from '../../src/storage/paths.ts';
import { allDatabases, sqliteDatabase, TEST_DATA_KEY, type TestDatabase } from '../support/databases.ts';

const ON = '2026-11-27';
const SCREEN = `/api/compliance/screen?format=csv&on=${ON}`;
/** A register of a few MB: its annotated copy takes a while to stream back. */
const REGISTER = Buffer.from([...generateWorkforce({ rows: 40_000, seed: 12 })].join(''));
const WORKERS = 6;
/** A server that never exits fails its test here instead of hanging the suite (not a timing assertion). */
const SAFETY_NET_MS = 120_000;

interface RequestSpec {
  path: string;
  method?: 'GET' | 'POST';
  body?: Buffer;
}
const BURST: RequestSpec[] = [
  { path: '/api/countries' },
  { path: '/api/openapi.json' },
  { path: SCREEN, method: 'POST', body: REGISTER },
  { path: '/en/instruments' },
  { path: '/api/health' },
];

type Outcome =
  | { kind: 'complete'; status: number; body: Buffer; headers: IncomingHttpHeaders }
  | { kind: 'refused' }
  | { kind: 'broken'; stage: 'before the response' | 'mid-response'; reusedSocket: boolean; error: string; received: number };

interface Served {
  port: number;
  child: ChildProcess;
  log: Record<string, unknown>[];
  /** Resolves with the first log entry whose message starts with `prefix`, once it is written. */
  logged: (prefix: string) => Promise<Record<string, unknown>>;
  /** What the process wrote to standard error (nothing, when all goes well). */
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Servers still running: a test that fails before its server exits must not leave it behind. */
const children = new Set<ChildProcess>();
after(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** `tripartite serve` on a free port, the database of `database`; resolves once it listens. */
async function serve(database: TestDatabase, env: Record<string, string> = {}): Promise<Served> {
  const { DATABASE_URL: _url, TRIPARTITE_PG_SCHEMA: _schema, TRIPARTITE_DB: _db, ...inherited } = process.env;
  const target = database.config.databaseUrl
    ? { DATABASE_URL: database.config.databaseUrl, TRIPARTITE_PG_SCHEMA: database.config.pgSchema, TRIPARTITE_DATA_KEY: TEST_DATA_KEY }
    : { TRIPARTITE_DB: database.config.sqlitePath };
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/tripartite.js'), 'serve'], {
    cwd: PROJECT_ROOT,
    env: { ...inherited, ...target, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const log: Record<string, unknown>[] = [];
  const waiting: { prefix: string; resolve: (entry: Record<string, unknown>) => void }[] = [];
  const logged = (prefix: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const found = log.find((entry) => String(entry.msg).startsWith(prefix));
      if (found) resolve(found);
      else waiting.push({ prefix, resolve });
    });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        log.push(entry);
        for (const waiter of waiting) if (String(entry.msg).startsWith(waiter.prefix)) waiter.resolve(entry);
        if (typeof entry.port === 'number' && String(entry.msg).startsWith('Tripartite listening')) resolve(entry.port);
      }
    });
    void exited.then(({ code }) => reject(new Error(`the server exited (${code}) before listening: ${stderr}`)));
  });
  return { port, child, log, logged, stderr: () => stderr, exited };
}

/**
 * One request through node:http, which reports a connection cut part-way (`aborted`,
 * `complete` false) instead of handing over a short body as if it were whole.
 */
function send(
  port: number,
  agent: Agent,
  spec: RequestSpec,
  hooks: { onResponse?: () => void; writeBody?: (write: (chunk: Buffer) => void, end: () => void) => void } = {},
): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    let responded = false;
    let received = 0;
    const settle = (outcome: Outcome) => {
      if (!settled) resolve(outcome);
      settled = true;
    };
    const headers: Record<string, string> = spec.body ? { 'content-type': 'text/csv', 'content-length': String(spec.body.length) } : {};
    const req = request({ host: '127.0.0.1', port, agent, path: spec.path, method: spec.method ?? 'GET', headers }, (res) => {
      responded = true;
      hooks.onResponse?.();
      const parts: Buffer[] = [];
      const broken = (error: string) => settle({ kind: 'broken', stage: 'mid-response', reusedSocket: req.reusedSocket, error, received });
      res.on('data', (chunk: Buffer) => {
        parts.push(chunk);
        received += chunk.length;
      });
      res.on('aborted', () => broken('aborted'));
      res.on('error', (error: NodeJS.ErrnoException) => broken(error.code ?? error.message));
      res.on('end', () => {
        if (res.complete) settle({ kind: 'complete', status: res.statusCode ?? 0, body: Buffer.concat(parts), headers: res.headers });
        else broken('incomplete');
      });
      res.on('close', () => broken('closed before the end'));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') settle({ kind: 'refused' });
      else if (responded)
        settle({ kind: 'broken', stage: 'mid-response', reusedSocket: req.reusedSocket, error: error.code ?? error.message, received });
      else
        settle({
          kind: 'broken',
          stage: 'before the response',
          reusedSocket: req.reusedSocket,
          error: error.code ?? error.message,
          received: 0,
        });
    });
    if (hooks.writeBody && spec.body)
      hooks.writeBody(
        (chunk) => req.write(chunk),
        () => req.end(),
      );
    else req.end(spec.body);
  });
}

/** What each request of the burst answers when nothing is shutting down. */
async function referenceBodies(port: number): Promise<Map<string, Buffer>> {
  const agent = new Agent({ keepAlive: false });
  const bodies = new Map<string, Buffer>();
  for (const spec of BURST) {
    const outcome = await send(port, agent, spec);
    assert.equal(outcome.kind, 'complete');
    assert.equal(outcome.kind === 'complete' && outcome.status, 200, spec.path);
    if (outcome.kind === 'complete') bodies.set(spec.path, outcome.body);
  }
  return bodies;
}

const databases = await allDatabases();
after(async () => {
  for (const database of databases) await database.cleanup();
});

for (const database of databases) {
  describe(`graceful shutdown on ${database.name}`, { skip: database.skip }, () => {
    test('SIGTERM during a keep-alive burst: every request is answered in full or refused, and the process exits 0', {
      timeout: SAFETY_NET_MS,
    }, async () => {
      const server = await serve(database);
      const expected = await referenceBodies(server.port);
      const agent = new Agent({ keepAlive: true, maxSockets: WORKERS + 1 });
      let sigtermSent: () => void = () => undefined;
      const sigterm = new Promise<void>((resolve) => (sigtermSent = resolve));
      let completed = 0;
      let terminated = false;

      // An upload still being sent at SIGTERM: the second half goes out only after the signal.
      const slowUpload = send(
        server.port,
        agent,
        { path: SCREEN, method: 'POST', body: REGISTER },
        {
          writeBody: (write, end) => {
            const half = Math.floor(REGISTER.length / 2);
            write(REGISTER.subarray(0, half));
            void sigterm.then(() => {
              write(REGISTER.subarray(half));
              end();
            });
          },
          onResponse: () => {
            // The server streams rows as it reads them: the response has begun, the upload has not ended.
            const timer = setInterval(() => {
              if (completed < 3 * WORKERS) return;
              clearInterval(timer);
              terminated = server.child.kill('SIGTERM');
              sigtermSent();
            }, 5);
          },
        },
      );

      /** Requests one after another on the pooled connections until the server refuses one. */
      const worker = async (index: number): Promise<{ path: string; outcome: Outcome }[]> => {
        const answered: { path: string; outcome: Outcome }[] = [];
        for (let n = index; n < index + 500; n++) {
          const spec = BURST[n % BURST.length] as RequestSpec;
          const outcome = await send(server.port, agent, spec);
          answered.push({ path: spec.path, outcome });
          if (outcome.kind !== 'complete') break;
          completed++;
        }
        return answered;
      };
      const workers = await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));
      const slow = await slowUpload;
      agent.destroy(); // the upload's connection would otherwise stay open until its keep-alive ends
      const exit = await server.exited;

      assert.equal(terminated, true, 'SIGTERM was sent during the burst');
      const all = [{ path: SCREEN, outcome: slow }, ...workers.flat()];
      const broken = all.filter(({ outcome }) => outcome.kind === 'broken');
      assert.deepEqual(broken, [], 'no request cut mid-response or reset on a reused connection');
      for (const { path, outcome } of all) {
        if (outcome.kind !== 'complete') continue;
        assert.equal(outcome.status, 200, path);
        assert.ok(outcome.body.equals(expected.get(path) as Buffer), `${path}: the whole body, as before the shutdown`);
      }
      assert.equal(slow.kind, 'complete', 'the upload in flight at SIGTERM was screened to the end');
      for (const answered of workers) {
        assert.equal(answered.at(-1)?.outcome.kind, 'refused', 'each client ends refused at connect: the server stopped accepting');
        const lastAnswer = answered.filter(({ outcome }) => outcome.kind === 'complete').at(-1)?.outcome;
        assert.equal(
          lastAnswer?.kind === 'complete' && lastAnswer.headers.connection,
          'close',
          'the last answer on each connection told the client to close it',
        );
      }
      assert.deepEqual(exit, { code: 0, signal: null });
      const done = server.log.find((entry) => entry.msg === 'shutdown complete');
      assert.ok(done, 'the shutdown is logged');
      assert.equal(done.aborted, 0);
      // Had a timer or a handle been left open, the process would have been ended for it, saying so.
      assert.equal(server.stderr(), '');
    });

    test('a streamed screening that cannot finish within the grace period is cut visibly, and the process exits 0', {
      timeout: SAFETY_NET_MS,
    }, async () => {
      const server = await serve(database, { TRIPARTITE_SHUTDOWN_GRACE_MS: '200' });
      const agent = new Agent({ keepAlive: true });
      // The upload never ends, so the annotated file cannot: the grace period runs out first.
      const outcome = await send(
        server.port,
        agent,
        { path: SCREEN, method: 'POST', body: REGISTER },
        {
          writeBody: (write) => write(REGISTER.subarray(0, Math.floor(REGISTER.length / 3))),
          onResponse: () => server.child.kill('SIGTERM'),
        },
      );
      const exit = await server.exited;
      agent.destroy();

      assert.equal(outcome.kind, 'broken', 'the client sees an incomplete transfer, not a clean end');
      assert.equal(outcome.kind === 'broken' && outcome.stage, 'mid-response');
      assert.ok(outcome.kind === 'broken' && outcome.received > 0, 'rows screened before the cut were sent');
      assert.deepEqual(exit, { code: 0, signal: null });
      const overrun = server.log.find((entry) => entry.level === 'warn' && String(entry.msg).startsWith('shutdown grace period over'));
      assert.ok(overrun, JSON.stringify(server.log.slice(-5)));
      assert.equal(overrun.aborted, 1);
      assert.equal(server.stderr(), '');
    });
  });
}

describe('a second signal', () => {
  const database = sqliteDatabase();
  after(() => database.cleanup());

  test('exits at once, without waiting for the requests in flight', { timeout: SAFETY_NET_MS }, async () => {
    const server = await serve(database); // the default grace period, 10 s
    const agent = new Agent({ keepAlive: true });
    const outcome = send(
      server.port,
      agent,
      { path: SCREEN, method: 'POST', body: REGISTER },
      {
        writeBody: (write) => write(REGISTER.subarray(0, Math.floor(REGISTER.length / 3))),
        onResponse: () => {
          server.child.kill('SIGTERM');
          void server.logged('shutting down').then(() => server.child.kill('SIGTERM'));
        },
      },
    );
    const exit = await server.exited;
    const cut = await outcome;
    agent.destroy();

    assert.deepEqual(exit, { code: 143, signal: null }, '128 + SIGTERM, as a shell reports a process it killed');
    assert.equal(cut.kind, 'broken');
    assert.equal(
      server.log.find((entry) => entry.msg === 'shutdown complete'),
      undefined,
      'the drain never finished',
    );
    assert.match(server.stderr(), /second SIGTERM: exiting without waiting for requests in flight/);
  });
});

describe('TRIPARTITE_SHUTDOWN_GRACE_MS', () => {
  test('defaults to 10 s and takes a whole number of milliseconds', () => {
    assert.equal(loadConfig({}).shutdownGraceMs, 10_000);
    assert.equal(loadConfig({ TRIPARTITE_SHUTDOWN_GRACE_MS: '2500' }).shutdownGraceMs, 2500);
    assert.equal(loadConfig({ TRIPARTITE_SHUTDOWN_GRACE_MS: '0' }).shutdownGraceMs, 0);
  });

  test('anything else is refused, naming the setting and the value', () => {
    for (const bad of ['10s', '-1', '1.5', '3600001'])
      assert.throws(() => loadConfig({ TRIPARTITE_SHUTDOWN_GRACE_MS: bad }), new RegExp(`TRIPARTITE_SHUTDOWN_GRACE_MS .*"${bad}"`));
  });
});
