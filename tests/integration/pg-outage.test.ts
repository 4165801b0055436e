/**
 * Issue 12, acceptance: the server survives its PostgreSQL going away. The real server runs as its
 * own process (an unhandled 'error' event would kill it, not this runner) on a private PostgreSQL,
 * under steady reads and an editor's writes; the database is stopped with `-m immediate` (as in a
 * crash or a failover) and started again five seconds later.
 *
 * The 3 s and 10 s bounds below are the correctness requirements on every single request
 * (an answer within 3 s during the outage; the first clean second of 200s within 10 s of the
 * database's return), not throughput figures: benchmarks stay in bench/.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createServices } from '../../src/container.ts';
import { PROJECT_ROOT } from '../../src/storage/paths.ts';
import { testHasher } from '../support/accounts.ts';
import { TEST_DATA_KEY } from '../support/databases.ts';
import {
  loudSkipPrivatePostgres,
  type PrivatePostgres,
  privatePostgresUnavailable,
  startPrivatePostgres,
} from '../support/private-postgres.ts';

const ANSWER_WITHIN_MS = 3000;
const BACK_WITHIN_MS = 10_000;
const OUTAGE_MS = 5000;
const RECORD = 'IDN/C155';
const READS = ['/api/health', '/api/instruments/C138', '/api/countries/IDN', '/api/ratifications?country=IDN', '/en/countries/IDN'];

interface Sample {
  kind: 'read' | 'write';
  path: string;
  startedAt: number;
  endedAt: number;
  /** 0 when no HTTP answer came at all (refused, reset, or no answer in 10 s). */
  status: number;
  contentType: string;
  retryAfter: string | null;
  error?: string;
  /** Writes: the value sent, and the event id the answer acknowledged. */
  legalAct?: string;
  eventId?: number;
}

const unavailable = await privatePostgresUnavailable();
const skip = unavailable ? loudSkipPrivatePostgres(unavailable) : false;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('PostgreSQL going away and coming back', { skip, timeout: 120_000 }, () => {
  let database: PrivatePostgres;
  let server: ChildProcess;
  let serverOutput = '';
  let base = '';
  let token = '';

  before(async () => {
    database = await startPrivatePostgres();
    // Migrated, seeded and given an editor here; the server process then finds everything in place.
    const services = await createServices(
      { databaseUrl: database.url, sqlitePath: ':memory:', pgSchema: 'public' },
      { hasher: testHasher },
    );
    try {
      const editor = await services.accounts.createUser(
        { email: 'editor@example.org', password: 'correct horse battery staple', role: 'secretariat' },
        new Date(),
      );
      token = (await services.accounts.createApiToken(editor.id, 'outage test', new Date())).token;
    } finally {
      await services.close();
    }
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['bin/tripartite.js', 'serve'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        TRIPARTITE_DATA_KEY: TEST_DATA_KEY,
        TRIPARTITE_PG_SCHEMA: 'public',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      serverOutput = (serverOutput + chunk.toString()).slice(-8000);
    };
    server.stdout?.on('data', keep);
    server.stderr?.on('data', keep);
    for (let tries = 0; ; tries++) {
      const res = await fetch(`${base}/api/health`).catch(() => null);
      if (res?.status === 200) break;
      assert.ok(server.exitCode === null && tries < 300, `the server did not start:\n${serverOutput}`);
      await sleep(100);
    }
  });

  after(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGKILL');
      await once(server, 'exit');
    }
    await database?.destroy();
  });

  async function send(kind: Sample['kind'], path: string, init: RequestInit = {}): Promise<Sample> {
    const startedAt = Date.now();
    try {
      const res = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(10_000) });
      const body = await res.text();
      const sample: Sample = {
        kind,
        path,
        startedAt,
        endedAt: Date.now(),
        status: res.status,
        contentType: res.headers.get('content-type') ?? '',
        retryAfter: res.headers.get('retry-after'),
      };
      if (kind === 'write' && res.status === 200) sample.eventId = (JSON.parse(body) as { event: { id: number } }).event.id;
      return sample;
    } catch (error) {
      return { kind, path, startedAt, endedAt: Date.now(), status: 0, contentType: '', retryAfter: null, error: (error as Error).message };
    }
  }

  test('the process lives, every request is answered within 3 s, 200s are back within 10 s, and no acknowledged write is lost', async (t) => {
    const samples: Sample[] = [];
    let loading = true;
    const reader = async (offset: number) => {
      for (let i = offset; loading; i++) samples.push(await send('read', READS[i % READS.length] ?? '/api/health'));
    };
    let written = 0;
    const writer = async () => {
      while (loading) {
        const legalAct = `Outage test write ${++written}`;
        const sample = await send('write', `/api/ratifications/${RECORD}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ registrationDate: '2026', legalAct, source: 'Outage test, 2026' }),
        });
        samples.push({ ...sample, legalAct });
        await sleep(50);
      }
    };
    const load = Promise.all([reader(0), reader(1), reader(2), reader(3), writer()]);

    await sleep(2000);
    const stoppingAt = Date.now();
    await database.stopImmediately();
    await sleep(OUTAGE_MS);
    await database.start();
    const backAt = Date.now();
    // Long enough after the return to see the clean second the issue asks for, and then some.
    await sleep(BACK_WITHIN_MS + 2000);
    loading = false;
    await load;

    assert.equal(server.exitCode, null, `the server process died:\n${serverOutput}`);
    assert.equal(server.signalCode, null, `the server process was killed:\n${serverOutput}`);
    assert.equal((await send('read', '/api/health')).status, 200);

    const unanswered = samples.filter((s) => s.status === 0);
    assert.deepEqual(unanswered, [], 'every request gets an HTTP answer');

    const before = samples.filter((s) => s.endedAt < stoppingAt);
    assert.ok(before.length > 0 && before.every((s) => s.status === 200), 'all 200 before the outage');

    // The first second, after the database's return, in which every request started got a 200.
    const afterReturn = samples.filter((s) => s.startedAt >= backAt).sort((a, b) => a.startedAt - b.startedAt);
    const cleanFrom = afterReturn.find((first) => {
      const second = afterReturn.filter((s) => s.startedAt >= first.startedAt && s.startedAt < first.startedAt + 1000);
      return first.startedAt + 1000 <= afterReturn.at(-1)!.startedAt && second.every((s) => s.status === 200);
    })?.startedAt;
    assert.ok(cleanFrom !== undefined, `no clean second of 200s after the database came back: ${summary(afterReturn)}`);
    assert.ok(cleanFrom - backAt <= BACK_WITHIN_MS, `first clean second began ${cleanFrom - backAt} ms after the database came back`);

    const duringOutage = samples.filter((s) => s.endedAt >= stoppingAt && s.startedAt < cleanFrom);
    const refused = duringOutage.filter((s) => s.status !== 200);
    assert.ok(refused.length > 0, 'the outage was seen by the requests (else this test tests nothing)');
    for (const s of duringOutage) {
      assert.ok(
        s.endedAt - s.startedAt <= ANSWER_WITHIN_MS,
        `${s.kind} ${s.path} took ${s.endedAt - s.startedAt} ms to answer ${s.status}`,
      );
    }
    for (const s of refused) {
      assert.equal(s.status, 503, `${s.kind} ${s.path} answered ${s.status} during the outage`);
      if (s.path.startsWith('/api/')) assert.match(s.contentType, /application\/problem\+json/, `${s.path}: ${s.contentType}`);
      assert.match(s.retryAfter ?? '', /^\d+$/, `${s.path} has Retry-After`);
    }
    assert.ok(
      duringOutage.some((s) => s.path === '/api/health' && s.status === 503),
      'health answers 503 while the database is down',
    );

    const slowest = Math.max(...duringOutage.map((s) => s.endedAt - s.startedAt));
    t.diagnostic(
      `${samples.length} requests, ${duringOutage.length} during the outage (${refused.length} answered 503, slowest ${slowest} ms); first clean second ${cleanFrom - backAt} ms after the database returned`,
    );
    const writes = samples.filter((s) => s.kind === 'write');
    const acknowledged = writes.filter((s) => s.status === 200);
    assert.ok(
      acknowledged.some((s) => s.endedAt < stoppingAt) && acknowledged.some((s) => s.startedAt >= cleanFrom),
      'writes acknowledged before and after',
    );
    await assertWritesKept(database.url, writes);
  });
});

/** Every acknowledged write is in the history under its acknowledged event id, and the record holds a value written last. */
async function assertWritesKept(url: string, writes: Sample[]): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const events = await client.query<{ id: number; after: string | null }>(
      `select id, after from events where record_type = 'ratification' and record_key = $1 order by id`,
      [RECORD],
    );
    const historyById = new Map(
      events.rows.map((r) => [Number(r.id), (JSON.parse(r.after ?? 'null') as { legalAct?: string } | null)?.legalAct]),
    );
    for (const w of writes.filter((s) => s.status === 200)) {
      assert.equal(
        historyById.get(w.eventId ?? -1),
        w.legalAct,
        `acknowledged write "${w.legalAct}" (event ${w.eventId}) is in the history`,
      );
    }
    const current = await client.query<{ legal_act: string }>(
      `select legal_act from ratifications where country_iso3 = 'IDN' and instrument_code = 'C155'`,
    );
    // The one writer sends one change at a time, so the record holds the last acknowledged value,
    // or a later one whose answer was an error (committed just as the connection broke: allowed).
    const lastAcknowledged = writes.findLastIndex((s) => s.status === 200);
    const allowed = writes.slice(lastAcknowledged).map((s) => s.legalAct);
    assert.ok(allowed.includes(current.rows[0]?.legal_act), `the record holds "${current.rows[0]?.legal_act}"`);
    const historyValues = new Set(historyById.values());
    assert.ok(historyValues.has(current.rows[0]?.legal_act), 'the value the record holds is in its history');
  } finally {
    await client.end();
  }
}

function summary(samples: Sample[]): string {
  const counts = new Map<string, number>();
  for (const s of samples) counts.set(`${s.status}`, (counts.get(`${s.status}`) ?? 0) + 1);
  return JSON.stringify(Object.fromEntries(counts));
}
