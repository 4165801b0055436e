/**
 * DuckDB side of `npm run bench:screen`, as a plain Node process (no tsx, so its start-up and memory
 * are DuckDB's own): runs the statements and the classification query that bench/screen.ts wrote to
 * the JSON file given as argument, and prints one JSON line: query wall and CPU ms, verdict counts,
 * peak RSS.
 */
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const db = await DuckDBInstance.create(':memory:', { threads: String(job.threads) });
const con = await db.connect();
for (const statement of job.setup) await con.run(statement);
const t = performance.now();
const cpu = process.cpuUsage();
const reader = await con.runAndReadAll(job.query);
const used = process.cpuUsage(cpu);
const ms = performance.now() - t;
const counts = Object.fromEntries(reader.getRowObjectsJS().map((r) => [String(r.verdict), Number(r.n)]));
con.closeSync();
const rows = Object.values(counts).reduce((a, b) => a + b, 0);
process.stdout.write(
  `${JSON.stringify({ method: 'duckdb', ms, cpuMs: (used.user + used.system) / 1000, rows, detail: { counts }, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
