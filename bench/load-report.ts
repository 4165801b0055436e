/** The tables `npm run bench:load` prints and writes to BENCHMARKS.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/storage/paths.ts';
import { ISOLATION_ROUNDS, type IsolationResult, P99_LIMIT, THROUGHPUT_FLOOR, UNTOUCHED_READS } from './read-isolation.ts';

export interface LoadRow {
  db: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Reads and writes of the mixed load, timed separately (request sent → response read). */
  reads: number;
  readsPerSecond: number;
  readP50: number;
  readP99: number;
  writes: number;
  writesPerSecond: number;
  writeP50: number;
  writeP99: number;
  history: string;
  logLines: number;
  isolation: IsolationResult;
  ok: boolean;
}

const ms = (v: number) => v.toFixed(0);

export function loadReport(rows: LoadRow[], run: { connections: number; duration: number; isolationDuration: number }) {
  const mixed = [
    '| database | requests | req/s | p50 ms | p99 ms | errors | non-2xx | reads | reads/s | read p50 ms | read p99 ms | writes (200) | writes/s | write p50 ms | write p99 ms | in /api/history |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.db} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors + r.timeouts} | ${r.non2xx} | ${r.reads} | ${r.readsPerSecond.toFixed(0)} | ${ms(r.readP50)} | ${ms(r.readP99)} | ${r.writes} | ${r.writesPerSecond.toFixed(1)} | ${ms(r.writeP50)} | ${ms(r.writeP99)} | ${r.history} |`,
    ),
  ].join('\n');
  const isolation = [
    '| database | quiet req/s | quiet p50 ms | quiet p99 ms | writes/s (200) | with writer req/s | with writer p50 ms | with writer p99 ms | throughput with writer ÷ quiet | p99 with writer ÷ quiet | target met |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(({ db, isolation: i }) => {
      const met = i.ok ? 'yes' : 'NO';
      return `| ${db} | ${i.quiet.rps.toFixed(0)} | ${i.quiet.p50.toFixed(1)} | ${i.quiet.p99.toFixed(1)} | ${i.writer.writesPerSecond.toFixed(1)} | ${i.writer.rps.toFixed(0)} | ${i.writer.p50.toFixed(1)} | ${i.writer.p99.toFixed(1)} | ${i.throughputRatio.toFixed(2)} | ${i.p99Ratio.toFixed(2)} | ${met} |`;
    }),
  ].join('\n');
  const heading = '## Load test (npm run bench:load)';
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');
  const settings = ['LOAD_DURATION', 'LOAD_CONNECTIONS', 'LOAD_ISOLATION_DURATION', 'LOAD_ISOLATION_ROUNDS', 'LOAD_WRITER_RATE']
    .filter((name) => process.env[name])
    .map((name) => `${name}=${process.env[name]}`);
  const text = `${heading}

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${cpus().length}-core machine (shared: load average ${load} at the end of the run), autocannon and the server (its own process, LOG_LEVEL=info, one JSON log line per request) on the same loopback, so they compete for CPU.${settings.length ? ` Shortened run (${settings.join(', ')}), as the machine is shared and busy: compare the ratios, not the absolute figures.` : ''} ${run.connections} connections for ${run.duration} s per database, no warm-up; 5 users signed in once each (1 admin, 1 secretariat, focal points for IDN, MYS and PHL), rotating per cycle of 20 requests: 17 reads (portal instrument, country, list, search and home pages; API instrument, country and ratification lists, country profiles, gaps, history, /auth/me) and 3 writes (national-profile edits and ratification saves within the user's scope), i.e. 85 % reads, 15 % writes. Reads and writes are timed separately (request sent → response read). Each write carries a unique reason \`load-<user>-<n>\` and changes something; the last column counts those reasons found in /api/history against the writes answered 200. A write invalidates only the cached documents that show what it changed (record versions, decision 080); most reads here show one of the written records.

${mixed}

### Reads of untouched records, with and without a writer

The same server right after the mixed load, caches warm: ${run.connections} connections read ${UNTOUCHED_READS.length} pages nobody edits (\`${UNTOUCHED_READS.join('`, `')}\`), quiet and while one editor saves ~${process.env.LOAD_WRITER_RATE ?? 18} changes a second to other records (ratifications BRA/C098 and THA/C100 and those States' national profiles, alternately). After a 3 s warm-up, quiet and writer phases of ${run.isolationDuration} s alternate in ${ISOLATION_ROUNDS} pairs, the order swapped from one pair to the next (the writer runs in its own process and starts 1.5 s before its readers). req/s are over all rounds, p50/p99 the mean of the rounds'; the two ratios are the medians of the pairs' ratios (each pair measured back to back), so one pair disturbed by another job on the shared machine does not decide them. Target: throughput with the writer ≥ ${THROUGHPUT_FLOOR}× quiet and p99 ≤ ${P99_LIMIT}× quiet.

${isolation}`;
  const pairs = rows
    .map(
      ({ db, isolation: i }) =>
        `- ${db}, each pair's throughput ÷ quiet and p99 ÷ quiet: ${i.pairs.map((p) => `${p.throughput.toFixed(2)}/${p.p99.toFixed(2)}`).join(', ')}`,
    )
    .join('\n');
  const section = `${text}\n\n${pairs}\n`;
  return { heading, section, tables: `${mixed}\n\n${isolation}\n\n${pairs}` };
}

/** Replaces the section under `heading` in BENCHMARKS.md (or appends it); returns the file's path. */
export function writeSection(heading: string, section: string): string {
  const file = join(PROJECT_ROOT, 'BENCHMARKS.md');
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
    current = current.slice(0, start) + section + (next === -1 ? '' : `\n${current.slice(next + 1)}`);
  }
  writeFileSync(file, current);
  return file;
}
