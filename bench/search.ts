/**
 * The one search's latency on the bundled data (issue 10: p95 under 20 ms), on SQLite and, when it
 * answers, PostgreSQL: GET /api/search through the whole app in process (routing, validation, the
 * version check of the record-level cache, the index, JSON), one request at a time, cycling through
 * the queries in both languages. Reports p50/p95/p99 and the first (index-building) search;
 * rewrites its section of BENCHMARKS.md. Not a test: nothing here fails on a slow machine.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../src/config/env.ts';
import { createServices } from '../src/container.ts';
import { createApp } from '../src/http/app.ts';
import { PROJECT_ROOT } from '../src/storage/paths.ts';
import { postgresUnavailable, TEST_DATA_KEYS, TEST_PG_URL } from '../tests/support/databases.ts';

const QUERIES = [
  'pekerja anak',
  'konvensi 182',
  'usia minimum',
  'minimum age',
  'minimun age',
  'Indonesia',
  'Jakarta',
  'forced labour',
  'C138',
  'kerja paksa',
];
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 100);

interface Row {
  db: string;
  first: number;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function benchDb(db: string, config: Config): Promise<Row> {
  const services = await createServices(config);
  try {
    const app = createApp({ ...services });
    const ask = async (q: string, lang: string) => {
      const t = performance.now();
      const res = await app.request(`http://localhost/api/search?q=${encodeURIComponent(q)}&lang=${lang}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${q}: ${res.status}`);
      return performance.now() - t;
    };
    const first = await ask('pekerja anak', 'id');
    const times: number[] = [];
    for (let r = 0; r < ROUNDS; r++) for (const q of QUERIES) for (const lang of ['en', 'id']) times.push(await ask(q, lang));
    times.sort((a, b) => a - b);
    const row = {
      db,
      first,
      n: times.length,
      p50: pct(times, 50),
      p95: pct(times, 95),
      p99: pct(times, 99),
      max: times[times.length - 1] ?? 0,
    };
    console.log(
      `${db.padEnd(10)} first ${first.toFixed(1)} ms, then ${row.n} searches: p50 ${row.p50.toFixed(2)} ms, p95 ${row.p95.toFixed(2)} ms, p99 ${row.p99.toFixed(2)} ms`,
    );
    return row;
  } finally {
    await services.close();
  }
}

const base = { port: 0, host: '127.0.0.1', databaseUrl: null, sqlitePath: ':memory:', pgSchema: 'public', logLevel: 'silent' } as Config;
const dir = mkdtempSync(join(tmpdir(), 'tripartite-bench-search-'));
const rows: Row[] = [];
try {
  rows.push(await benchDb('SQLite', { ...base, sqlitePath: join(dir, 'bench.db') }));
  const pgReason = await postgresUnavailable();
  if (pgReason) console.log(`!!! PostgreSQL skipped: ${pgReason}`);
  else {
    const schema = `bench_search_${process.pid}`;
    try {
      rows.push(await benchDb('PostgreSQL', { ...base, databaseUrl: TEST_PG_URL, pgSchema: schema, dataKeys: TEST_DATA_KEYS }));
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

const ms = (x: number) => x.toFixed(2);
const table = [
  '| database | first search (builds the index) ms | searches | p50 ms | p95 ms | p99 ms | max ms |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.db} | ${r.first.toFixed(0)} | ${r.n} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} |`),
].join('\n');
console.log(`\n${table}`);

const file = join(PROJECT_ROOT, 'BENCHMARKS.md');
const heading = '## Search (npm run bench:search)';
const section = `${heading}\n\nRun ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${cpus().length}-core machine (load average ${loadavg()[0]?.toFixed(1)} at the end: other work shares the CPU and shows in the tail), GET /api/search through the app in process, one request at a time, ${QUERIES.length} queries × en/id × ${ROUNDS} rounds on the bundled data. Target (issue 10): p95 under 20 ms.\n\n${table}\n`;
let current = readFileSync(file, 'utf8');
const start = current.indexOf(heading);
if (start === -1) current = `${current.trimEnd()}\n\n${section}`;
else {
  const next = current.indexOf('\n## ', start + heading.length);
  current = current.slice(0, start) + section + (next === -1 ? '' : current.slice(next + 1));
}
writeFileSync(file, current);
console.log(`\nwritten to ${file}`);
