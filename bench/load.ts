/**
 * `npm run bench:load`: a mixed read/write load on loopback, on SQLite and on PostgreSQL.
 *
 * For each database: a setup step creates five users with the real argon2 hasher (1 admin,
 * 1 secretariat, focal points for IDN, MYS and PHL), the server starts in its own process (as in
 * production, LOG_LEVEL=info with its log kept in a file), each user signs in once, and autocannon
 * runs CONNECTIONS connections for LOAD_DURATION seconds (default 60). Each connection works through
 * a cycle of 20 requests as one user (users rotate from cycle to cycle): 17 reads (portal pages,
 * API lists, country profiles, gaps, history) and 3 writes (national-profile edits and ratification
 * saves within the user's scope), i.e. 85 % reads and 15 % writes.
 *
 * Every write carries a unique reason `load-<user>-<n>` and changes something (a ratification's
 * legal act is unique per write; a profile's compulsory education age alternates, and no two
 * profile writes to the same country are in flight at once, so the alternation holds). Afterwards:
 * no errors, no non-2xx, and every write that got a 200 is in /api/history (found by its reason).
 * Reads and writes are timed separately. Then, on the same server, read-isolation.ts compares reads
 * of records nobody edits, quiet and with one editor writing ~18 changes/s (issue 12; phases of
 * LOAD_ISOLATION_DURATION s, LOAD_ISOLATION_ROUNDS pairs, LOAD_WRITER_RATE writes/s).
 * Any failure exits non-zero without touching BENCHMARKS.md; otherwise the section
 * `## Load test (npm run bench:load)` is replaced.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Config } from '../src/config/env.ts';
import { createServices } from '../src/container.ts';
import { postgresUnavailable, TEST_DATA_KEY, TEST_PG_URL } from '../tests/support/databases.ts';
import { loadReport, type LoadRow as Row, writeSection } from './load-report.ts';
import { P99_LIMIT, readIsolation, THROUGHPUT_FLOOR } from './read-isolation.ts';
import { startServer, stopServer } from './server.ts';

const DURATION = Number(process.env.LOAD_DURATION ?? 60);
/** Length of each quiet and each writer phase of the read-isolation benchmark (see read-isolation.ts). */
const ISOLATION_DURATION = Number(process.env.LOAD_ISOLATION_DURATION ?? Math.max(3, Math.round(DURATION / 4)));
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 20);
const PASSWORD = 'load-test password, long enough';

interface Persona {
  name: string;
  email: string;
  role: 'admin' | 'secretariat' | 'focal_point';
  countries?: string[];
  /** Profiles this user edits, and ratifications (country/instrument) it saves. */
  profiles: string[];
  ratifications: string[];
}

const PERSONAS: Persona[] = [
  { name: 'admin', email: 'admin@load.test', role: 'admin', profiles: ['BRA', 'ARG'], ratifications: ['BRA/C138', 'ARG/C182'] },
  { name: 'sec', email: 'sec@load.test', role: 'secretariat', profiles: ['THA', 'VNM'], ratifications: ['THA/C138', 'VNM/C182'] },
  ...['IDN', 'MYS', 'PHL'].map((c) => ({
    name: `fp${c}`,
    email: `${c.toLowerCase()}@load.test`,
    role: 'focal_point' as const,
    countries: [c],
    profiles: [c],
    ratifications: [`${c}/C138`, `${c}/C182`],
  })),
];

/** 17 reads; the request paths rotate a little with the cycle so caches see several keys. */
const READS: ((n: number) => string)[] = [
  () => '/en/instruments/C138',
  (n) => `/api/instruments?pageSize=20&page=${1 + (n % 5)}`,
  () => '/api/countries/IDN',
  () => '/id/countries/MYS',
  () => '/api/gaps?country=IDN',
  () => '/api/history?pageSize=20',
  () => '/en/instruments',
  (n) => `/api/ratifications?country=${['IDN', 'MYS', 'PHL', 'THA'][n % 4]}`,
  () => '/en/',
  () => '/api/instruments/C155',
  () => '/en/countries/PHL',
  () => '/api/gaps',
  () => '/api/countries',
  () => '/id/instruments/C182',
  (n) => `/api/history?pageSize=20&country=${['IDN', 'MYS', 'PHL'][n % 3]}`,
  () => '/api/auth/me',
  () => '/en/search?q=child',
];
/** Where the three writes sit in the cycle of 20. */
const WRITE_SLOTS = new Set([4, 11, 17]);

interface Session {
  persona: Persona;
  cookie: string;
  csrf: string;
}

interface Tally {
  writesSent: number;
  /** Reasons of writes answered 200 with a change event. */
  succeeded: Set<string>;
  /** Reasons sent and not yet answered (at the end: in flight when the run stopped). */
  inFlight: Set<string>;
  unchanged: string[];
  failedWrites: string[];
  writeLatencies: number[];
  readLatencies: number[];
  readsNon2xx: number;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The CLI-free setup: migrate, seed and create the users with the real (argon2id) hasher. */
async function setup(config: Pick<Config, 'databaseUrl' | 'sqlitePath' | 'pgSchema'>): Promise<Map<string, number | null>> {
  const services = await createServices(config);
  try {
    for (const p of PERSONAS) {
      await services.accounts.createUser({ email: p.email, password: PASSWORD, role: p.role, countries: p.countries }, new Date());
    }
    const ages = new Map<string, number | null>();
    for (const p of PERSONAS)
      for (const iso3 of p.profiles) ages.set(iso3, (await services.repo.getNationalProfile(iso3))?.compulsoryEducationAge?.value ?? null);
    return ages;
  } finally {
    await services.close();
  }
}

async function signIn(base: string, persona: Persona): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: persona.email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${persona.email} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { persona, cookie, csrf: csrfToken };
}

function buildRequests(sessions: Session[], ages: Map<string, number | null>, tally: Tally): autocannon.Request[] {
  let cycles = 0;
  let writeNumber = 0;
  /** Profiles with a write in flight: a second one waits (its slot saves a ratification instead). */
  const busyProfiles = new Set<string>();
  const requests: autocannon.Request[] = [];
  type Ctx = { session?: Session; cycle?: number; started?: number; reason?: string; profile?: string; age?: number; readStarted?: number };

  for (let slot = 0; slot < 20; slot++) {
    if (!WRITE_SLOTS.has(slot)) {
      const read = READS[requests.filter((r) => r.method === 'GET').length % READS.length] as (n: number) => string;
      requests.push({
        method: 'GET',
        setupRequest: (req, context: Ctx) => {
          if (slot === 0) {
            // A new cycle (autocannon resets the context): the next user in the rotation.
            context.cycle = cycles++;
            context.session = sessions[context.cycle % sessions.length];
          }
          context.readStarted = performance.now();
          return { ...req, path: read(context.cycle ?? 0), headers: { cookie: context.session?.cookie ?? '' } };
        },
        onResponse: (status, _body, context: Ctx) => {
          tally.readLatencies.push(performance.now() - (context.readStarted ?? 0));
          if (status < 200 || status > 299) tally.readsNon2xx++;
        },
      });
      continue;
    }
    requests.push({
      method: 'PUT',
      setupRequest: (req, context: Ctx) => {
        const session = context.session as Session;
        const persona = session.persona;
        const n = ++writeNumber;
        const reason = `load-${persona.name}-${n}`;
        const profile = n % 2 === 0 ? persona.profiles.find((p) => !busyProfiles.has(p)) : undefined;
        let path: string;
        let body: Record<string, unknown>;
        context.profile = undefined;
        if (profile) {
          // Alternate 15 ↔ 16 from the value last saved: always a change, as writes to one profile never overlap.
          const age = ages.get(profile) === 15 ? 16 : 15;
          busyProfiles.add(profile);
          context.profile = profile;
          context.age = age;
          path = `/api/countries/${profile}/profile`;
          body = { compulsoryEducationAge: age, source: 'Load test: national legislation', reason };
        } else {
          const target = persona.ratifications[n % persona.ratifications.length] as string;
          path = `/api/ratifications/${target}`;
          body = { legalAct: `Load test act ${reason}`, source: 'Load test: NORMLEX', reason };
        }
        context.reason = reason;
        context.started = performance.now();
        tally.writesSent++;
        tally.inFlight.add(reason);
        return {
          ...req,
          path,
          body: JSON.stringify(body),
          headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
        };
      },
      onResponse: (status, body, context: Ctx) => {
        const reason = context.reason as string;
        tally.inFlight.delete(reason);
        tally.writeLatencies.push(performance.now() - (context.started ?? 0));
        if (context.profile) busyProfiles.delete(context.profile);
        if (status !== 200) {
          tally.failedWrites.push(`${reason}: ${status} ${body.slice(0, 200)}`);
          return;
        }
        const event = (JSON.parse(body) as { event: unknown }).event;
        if (event === null) tally.unchanged.push(reason);
        else tally.succeeded.add(reason);
        if (context.profile && context.age !== undefined) ages.set(context.profile, context.age);
      },
    });
  }
  return requests;
}

/**
 * Every change event whose reason starts with `load-`, read back through the public API. Writes cut
 * off by the end of the run may still land while the pages are read, shifting events from one page
 * to the next: events are counted once by id, so a reason twice means two events, never one read twice.
 */
async function loadEvents(base: string): Promise<string[]> {
  const byId = new Map<number, string>();
  for (let page = 1; ; page++) {
    const res = await fetch(`${base}/api/history?pageSize=200&page=${page}`);
    if (res.status !== 200) throw new Error(`history page ${page}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { items: { id: number; reason: string | null }[]; total: number };
    for (const e of body.items) if (e.reason?.startsWith('load-')) byId.set(e.id, e.reason);
    if (body.items.length === 0 || page * 200 >= body.total) break;
  }
  return [...byId.values()];
}

async function loadDb(
  db: string,
  config: Pick<Config, 'databaseUrl' | 'sqlitePath' | 'pgSchema'>,
  env: NodeJS.ProcessEnv,
  port: number,
  dir: string,
): Promise<Row> {
  const setupStarted = performance.now();
  const ages = await setup(config);
  const logFile = join(dir, `server-${db}.log`);
  const server = await startServer({ env, port, logLevel: 'info', logFile });
  const base = `http://127.0.0.1:${port}`;
  const problems: string[] = [];
  try {
    const sessions = await Promise.all(PERSONAS.map((p) => signIn(base, p)));
    console.log(`${db}: ${PERSONAS.length} users created and signed in (${((performance.now() - setupStarted) / 1000).toFixed(1)} s)`);
    const tally: Tally = {
      writesSent: 0,
      succeeded: new Set(),
      inFlight: new Set(),
      unchanged: [],
      failedWrites: [],
      writeLatencies: [],
      readLatencies: [],
      readsNon2xx: 0,
    };
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION,
      pipelining: 1,
      requests: buildRequests(sessions, ages, tally),
    });

    const found = await loadEvents(base);
    const foundSet = new Set(found);
    const missing = [...tally.succeeded].filter((r) => !foundSet.has(r));
    const unexplained = found.filter((r) => !tally.succeeded.has(r) && !tally.inFlight.has(r));
    if (found.length !== foundSet.size) problems.push(`${found.length - foundSet.size} reasons appear in more than one event`);
    if (missing.length)
      problems.push(`${missing.length} writes answered 200 are missing from the history, e.g. ${missing.slice(0, 3).join(', ')}`);
    if (unexplained.length)
      problems.push(`${unexplained.length} history events match no write sent, e.g. ${unexplained.slice(0, 3).join(', ')}`);
    if (tally.unchanged.length)
      problems.push(`${tally.unchanged.length} writes changed nothing (event null), e.g. ${tally.unchanged.slice(0, 3).join(', ')}`);
    if (tally.failedWrites.length)
      problems.push(`${tally.failedWrites.length} writes failed, e.g. ${tally.failedWrites.slice(0, 3).join(' | ')}`);
    if (result.errors || result.timeouts) problems.push(`${result.errors} errors and ${result.timeouts} timeouts`);
    if (result.non2xx) problems.push(`${result.non2xx} non-2xx responses`);
    const lateInHistory = found.filter((r) => tally.inFlight.has(r)).length;
    const history = `${found.length - lateInHistory}/${tally.succeeded.size} found${lateInHistory ? ` (+${lateInHistory} in flight at the stop)` : ''}`;

    // Same server, caches warm: reads of untouched records, quiet and with one editor writing.
    const admin = sessions.find((s) => s.persona.role === 'admin') as Session;
    const isolation = await readIsolation(base, admin, { connections: CONNECTIONS, duration: ISOLATION_DURATION, tag: db });
    const { quiet, writer } = isolation;
    console.log(
      `${db.padEnd(10)} untouched reads quiet ${quiet.rps.toFixed(0)} req/s, p99 ${quiet.p99.toFixed(1)} ms; with ${writer.writesPerSecond.toFixed(1)} writes/s ` +
        `${writer.rps.toFixed(0)} req/s, p99 ${writer.p99.toFixed(1)} ms: throughput ${isolation.throughputRatio.toFixed(2)}×, p99 ${isolation.p99Ratio.toFixed(2)}×`,
    );
    if (quiet.errors + writer.errors + quiet.non2xx + writer.non2xx)
      problems.push(`read isolation: ${quiet.errors + writer.errors} errors, ${quiet.non2xx + writer.non2xx} non-2xx`);
    if (writer.failedWrites.length)
      problems.push(`read isolation: ${writer.failedWrites.length} writes failed, e.g. ${writer.failedWrites.slice(0, 2).join(' | ')}`);
    if (!isolation.ok)
      console.error(
        `!!! ${db}: reads of untouched records with a writer: throughput ${isolation.throughputRatio.toFixed(2)}× (target ≥ ${THROUGHPUT_FLOOR}), p99 ${isolation.p99Ratio.toFixed(2)}× (target ≤ ${P99_LIMIT})`,
      );

    // The server's own log: one line per request, no error, and no secret.
    await stopServer(server);
    const log = readFileSync(logFile, 'utf8');
    const lines = log.split('\n').filter(Boolean);
    const errorLines = lines.filter((l) => /"level":"(error|fatal)"/.test(l));
    if (errorLines.length) problems.push(`${errorLines.length} error lines in the server log, e.g. ${errorLines[0]?.slice(0, 300)}`);
    for (const s of sessions) {
      for (const [what, secret] of [
        ['session cookie', s.cookie.split('=')[1] ?? ''],
        ['CSRF token', s.csrf],
      ] as const) {
        if (secret && log.includes(secret)) problems.push(`the server log contains a ${what}`);
      }
    }
    if (log.includes(PASSWORD)) problems.push('the server log contains a password');

    const row: Row = {
      db,
      requests: result.requests.total,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      reads: tally.readLatencies.length,
      readsPerSecond: tally.readLatencies.length / DURATION,
      readP50: percentile(tally.readLatencies, 50),
      readP99: percentile(tally.readLatencies, 99),
      writes: tally.succeeded.size,
      writesPerSecond: tally.succeeded.size / DURATION,
      writeP50: percentile(tally.writeLatencies, 50),
      writeP99: percentile(tally.writeLatencies, 99),
      history,
      logLines: lines.filter((l) => l.includes('"msg":"request"')).length,
      isolation,
      ok: problems.length === 0,
    };
    console.log(
      `${db.padEnd(10)} ${row.requests} requests, ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms; ` +
        `${row.reads} reads (${row.readsPerSecond.toFixed(0)}/s, p50 ${row.readP50.toFixed(0)} ms, p99 ${row.readP99.toFixed(0)} ms); ` +
        `${row.writes} writes (${row.writesPerSecond.toFixed(1)}/s, p50 ${row.writeP50.toFixed(0)} ms, p99 ${row.writeP99.toFixed(0)} ms); ` +
        `errors ${row.errors}, timeouts ${row.timeouts}, non-2xx ${row.non2xx}; history ${history}; ${row.logLines} request log lines`,
    );
    for (const p of problems) console.error(`!!! ${db}: ${p}`);
    return row;
  } finally {
    await stopServer(server);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tripartite-load-'));
const rows: Row[] = [];
const started = performance.now();
try {
  const sqlitePath = join(dir, 'load.db');
  rows.push(
    await loadDb(
      'SQLite',
      { databaseUrl: null, sqlitePath, pgSchema: 'public' },
      { TRIPARTITE_DB: sqlitePath, DATABASE_URL: '' },
      3911,
      dir,
    ),
  );
  const pgReason = await postgresUnavailable();
  if (pgReason) console.log(`!!! PostgreSQL load test skipped: ${pgReason}`);
  else {
    const schema = `load_${process.pid}`;
    try {
      rows.push(
        await loadDb(
          'PostgreSQL',
          { databaseUrl: TEST_PG_URL, sqlitePath: '', pgSchema: schema },
          { DATABASE_URL: TEST_PG_URL, TRIPARTITE_PG_SCHEMA: schema, TRIPARTITE_DATA_KEY: TEST_DATA_KEY },
          3912,
          dir,
        ),
      );
    } finally {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const report = loadReport(rows, { connections: CONNECTIONS, duration: DURATION, isolationDuration: ISOLATION_DURATION });
console.log(`\n${report.tables}\n\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`);

if (rows.some((r) => !r.ok)) {
  console.error('\n!!! LOAD TEST FAILED (see the lines above); BENCHMARKS.md left unchanged.');
  process.exit(1);
}
console.log(`written to ${writeSection(report.heading, report.section)}`);
