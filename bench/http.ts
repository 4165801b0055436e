/**
 * `npm run bench`: requests/s and p99 latency, 50 connections on loopback, for the instruments
 * API and the C138 portal page (plain, and compressed as a browser asks), on SQLite and on PostgreSQL. The server runs in its own process
 * (as in production) and each route is reported as a ratio to /api/health measured in the same
 * run, so figures from machines of different speed can be compared. Results go to BENCHMARKS.md.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../src/storage/paths.ts';
import { postgresUnavailable, TEST_DATA_KEY, TEST_PG_URL } from '../tests/support/databases.ts';
import { startServer, stopServer } from './server.ts';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;
const BROTLI = { 'accept-encoding': 'gzip, deflate, br' };
const ROUTES: { name: string; path: string; headers?: Record<string, string> }[] = [
  { name: 'baseline: GET /api/health', path: '/api/health' },
  { name: 'GET /api/instruments', path: '/api/instruments' },
  { name: 'GET /en/instruments/C138 (HTML)', path: '/en/instruments/C138' },
  { name: 'GET /en/instruments/C138 (HTML, as a browser asks: Brotli)', path: '/en/instruments/C138', headers: BROTLI },
  { name: 'GET /api/instruments/C138', path: '/api/instruments/C138' },
  { name: 'GET /api/instruments/C138 (Brotli)', path: '/api/instruments/C138', headers: BROTLI },
  { name: 'GET /api/search?q=pekerja anak&lang=id', path: '/api/search?q=pekerja%20anak&lang=id' },
  { name: 'GET /en/search?q=minimun age (HTML)', path: '/en/search?q=minimun+age' },
];

interface Row {
  db: string;
  route: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  bytes: number;
}

async function load(url: string, duration: number, headers: Record<string, string> = {}): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration, pipelining: 1, headers });
}

async function benchDb(db: string, env: NodeJS.ProcessEnv, port: number): Promise<Row[]> {
  const server = await startServer({ env, port, logLevel: 'error' });
  const rows: Row[] = [];
  try {
    for (const route of ROUTES) {
      const url = `http://127.0.0.1:${port}${route.path}`;
      await load(url, 2, route.headers); // warm-up: JIT, caches, connection pool
      const r = await load(url, DURATION, route.headers);
      rows.push({
        db,
        route: route.name,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
        bytes: r.throughput.average / Math.max(1, r.requests.average),
      });
      console.log(
        `${db.padEnd(10)} ${route.name.padEnd(58)} ${r.requests.average.toFixed(0).padStart(7)} req/s  p99 ${r.latency.p99} ms  errors ${r.errors} non-2xx ${r.non2xx}`,
      );
    }
  } finally {
    await stopServer(server);
  }
  return rows;
}

const dir = mkdtempSync(join(tmpdir(), 'tripartite-bench-'));
const rows: Row[] = [];
try {
  rows.push(...(await benchDb('SQLite', { TRIPARTITE_DB: join(dir, 'bench.db'), DATABASE_URL: '' }, 3901)));
  const pgReason = await postgresUnavailable();
  if (pgReason) console.log(`!!! PostgreSQL benchmark skipped: ${pgReason}`);
  else {
    const schema = `bench_${process.pid}`;
    rows.push(
      ...(await benchDb(
        'PostgreSQL',
        { DATABASE_URL: TEST_PG_URL, TRIPARTITE_PG_SCHEMA: schema, TRIPARTITE_DATA_KEY: TEST_DATA_KEY },
        3902,
      )),
    );
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const baseline = new Map(rows.filter((r) => r.route.startsWith('baseline')).map((r) => [r.db, r.rps]));
const table = [
  '| database | route | req/s | ratio to baseline | p50 ms | p99 ms | errors | non-2xx | bytes/resp |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.db} | ${r.route} | ${r.rps.toFixed(0)} | ${(r.rps / (baseline.get(r.db) ?? r.rps)).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${r.bytes.toFixed(0)} |`,
  ),
].join('\n');
console.log(`\n${table}`);

const file = join(PROJECT_ROOT, 'BENCHMARKS.md');
const heading = '## HTTP (npm run bench)';
const section = `${heading}\n\nRun ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${CONNECTIONS} connections, ${DURATION} s per route after a 2 s warm-up, autocannon in the bench process and the server in its own process, both on loopback on the same ${
  (await import('node:os')).cpus().length
}-core machine (so the load generator competes with the server for CPU; read the ratios, not the absolute figures).\n\n${table}\n`;
let current = '';
try {
  current = readFileSync(file, 'utf8');
} catch {
  current = '# Benchmarks\n\nFigures are from `npm run bench` and `npm run bench:*` runs; each run rewrites its own section.\n';
}
const start = current.indexOf(heading);
if (start === -1) current = `${current.trimEnd()}\n\n${section}`;
else {
  const next = current.indexOf('\n## ', start + heading.length);
  current = current.slice(0, start) + section + (next === -1 ? '' : current.slice(next + 1));
}
writeFileSync(file, current);
console.log(`\nwritten to ${file}`);
