import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createServices, type Services } from '../src/container.ts';
import type { Actor } from '../src/domain/access/policy.ts';
import { checkImportRows } from '../src/services/import-check.ts';
import { parseImportCsv } from '../src/services/import-csv.ts';
import type { ImportCounts } from '../src/services/ratification-import.ts';
import { testHasher } from '../tests/support/accounts.ts';
import { postgresDatabase, postgresUnavailable, sqliteDatabase } from '../tests/support/databases.ts';
import { type ImportPair, importCsv, importPairs } from '../tests/support/import-rows.ts';
import { replaceBenchmarkSection } from './benchmarks-md.ts';

const SECTION = '## Import (npm run bench:import)';
const MAX_FILE_ROWS = 50_000;

const args = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    sample: { type: 'string', default: '5000' },
    rounds: { type: 'string', default: '3' },
    db: { type: 'string', default: 'sqlite,postgres' },
    'no-write': { type: 'boolean', default: false },
  },
}).values;
const TOTAL = Number(args.rows);
const SAMPLE = Number(args.sample);
const ROUNDS = Math.max(1, Number(args.rounds));
const NOW = new Date();

type Path = 'row-by-row' | 'batched';

interface Opened {
  services: Services;
  actor: Actor;
  pairs: ImportPair[];
  close(): Promise<void>;
}

async function open(name: 'sqlite' | 'postgres'): Promise<Opened> {
  // A temporary SQLite file, or a schema of its own on the PostgreSQL server the tests use, dropped afterwards.
  const target = name === 'sqlite' ? sqliteDatabase() : await postgresDatabase();
  if (target.skip) throw new Error(target.skip);
  const { config, cleanup } = target;
  const services = await createServices(config, { hasher: testHasher });
  const actor = await services.accounts.createUser(
    { email: 'bench@example.org', password: 'correct horse battery staple', role: 'admin' },
    NOW,
  );
  const pairs = await importPairs(services.handle.db);
  return {
    services,
    actor,
    pairs,
    close: async () => {
      await services.close();
      await cleanup();
    },
  };
}

/** What `tripartite import FILE` does between reading the file and printing its report. */
async function importFile(o: Opened, csv: string, path: Path): Promise<ImportCounts> {
  const parsed = await parseImportCsv([csv]);
  const checked = await checkImportRows(o.actor, [...parsed.rows, ...parsed.flawedRows], parsed.problems, o.services.repo, NOW);
  const problems = [...parsed.problems, ...checked.problems];
  if (problems.length) throw new Error(`generated rows have problems: ${JSON.stringify(problems.slice(0, 3))}`);
  return path === 'batched'
    ? o.services.edits.importRatifications(o.actor, parsed.rows, NOW)
    : o.services.edits.importRatificationsRowByRow(o.actor, parsed.rows, NOW);
}

interface Timing {
  rows: number;
  ms: number;
  /** CPU time of this process (all its threads) during the import: on SQLite, all of the work. */
  cpuMs: number;
  files: number;
  counts: ImportCounts;
}

/**
 * `rows` rows as successive files over the same records: pass 0 creates or corrects, later passes
 * update. A sample goes over a proportional share of the records, so it has the full run's mix of
 * creates and updates.
 */
async function run(name: 'sqlite' | 'postgres', path: Path, rows: number): Promise<Timing> {
  const o = await open(name);
  try {
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    const files: string[] = [];
    const records = Math.min(o.pairs.length, Math.max(1, Math.round((rows * o.pairs.length) / Math.max(rows, TOTAL))));
    for (let pass = 0, left = rows; left > 0; pass++) {
      const n = Math.min(left, records, MAX_FILE_ROWS);
      files.push(importCsv(o.pairs, pass, n));
      left -= n;
    }
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (const csv of files) {
      const c = await importFile(o, csv, path);
      counts.created += c.created;
      counts.updated += c.updated;
      counts.unchanged += c.unchanged;
    }
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    const events = Number(
      (
        await o.services.handle.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (events !== counts.created + counts.updated) throw new Error(`${events} events for ${counts.created + counts.updated} changes`);
    return { rows, ms, cpuMs: (cpu.user + cpu.system) / 1000, files: files.length, counts };
  } finally {
    await o.close();
  }
}

function median(timings: Timing[]): Timing {
  const sorted = [...timings].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)] as Timing;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface DbResult {
  label: string;
  baseline: Timing;
  sample: Timing;
  full: Timing;
}

async function main(): Promise<void> {
  const dbs = String(args.db)
    .split(',')
    .map((s) => s.trim()) as ('sqlite' | 'postgres')[];
  if (dbs.includes('postgres')) {
    const reason = await postgresUnavailable();
    if (reason) throw new Error(reason);
  }
  const loadBefore = loadavg()[0] ?? 0;
  const results: DbResult[] = [];
  for (const db of dbs) {
    const label = db === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    // Untimed warm-up of both paths, so neither pays for compiling the code it runs first.
    await run(db, 'row-by-row', Math.min(SAMPLE, 500));
    await run(db, 'batched', Math.min(SAMPLE, 500));
    // The three runs alternate, round after round, so a change in the machine's load falls on all of them; medians are kept.
    const baselines: Timing[] = [];
    const samples: Timing[] = [];
    const fulls: Timing[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      baselines.push(await run(db, 'row-by-row', SAMPLE));
      samples.push(await run(db, 'batched', SAMPLE));
      fulls.push(await run(db, 'batched', TOTAL));
      console.log(
        `${label} round ${round}: ${fmt(SAMPLE)} rows row-by-row ${fmt(baselines.at(-1)?.ms ?? 0)} ms, batched ${fmt(samples.at(-1)?.ms ?? 0)} ms; ${fmt(TOTAL)} rows batched ${fmt(fulls.at(-1)?.ms ?? 0)} ms`,
      );
    }
    const baseline = median(baselines);
    const sample = median(samples);
    const full = median(fulls);
    results.push({ label, baseline, sample, full });
  }
  const loadAfter = loadavg()[0] ?? 0;

  const rate = (t: Timing) => t.rows / (t.ms / 1000);
  const lines = [
    '| database | path | rows | files | created / updated / unchanged | time s | rows/s | speed vs row-by-row |',
    '|---|---|---:|---:|---|---:|---:|---:|',
  ];
  for (const r of results) {
    const row = (path: string, t: Timing, ratio: string) =>
      `| ${r.label} | ${path} | ${fmt(t.rows)} | ${t.files} | ${fmt(t.counts.created)} / ${fmt(t.counts.updated)} / ${fmt(t.counts.unchanged)} | ${fmt(t.ms / 1000, 2)} | ${fmt(rate(t))} | ${ratio} |`;
    lines.push(row('row-by-row (baseline, sample)', r.baseline, '1.00'));
    lines.push(row('**batched**, same sample', r.sample, `**${fmt(rate(r.sample) / rate(r.baseline), 1)}×**`));
    lines.push(row('**batched**, full run', r.full, `**${fmt(rate(r.full) / rate(r.baseline), 1)}×** (rows/s)`));
  }
  const table = lines.join('\n');
  // SQLite runs inside this process, so its CPU time is all of the import's work and moves far less with the machine's load than the elapsed time.
  const cpuRate = (t: Timing) => t.rows / t.cpuMs;
  const cpuRatios = results
    .filter((r) => r.label === 'SQLite')
    .map(
      (r) =>
        `On SQLite, which runs inside the benchmark's process, the same runs (the medians by elapsed time) compared by the process's CPU time per row, which the load of the machine moves far less, give ` +
        `${fmt(cpuRate(r.sample) / cpuRate(r.baseline), 1)}× for the sample and ${fmt(cpuRate(r.full) / cpuRate(r.baseline), 1)}× for the full run ` +
        `(${fmt((r.baseline.cpuMs * 1000) / r.baseline.rows)} µs of CPU a row row-by-row, ${fmt((r.full.cpuMs * 1000) / r.full.rows)} µs batched). `,
    )
    .join('');
  if (cpuRatios) console.log(cpuRatios);
  console.log(`\n${table}\n`);

  const intro =
    `Run ${NOW.toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${cpus().length} cores shared with other work ` +
    `(load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after): read the ratios, measured in the same run, not the absolute figures. ` +
    'Each import is timed as `tripartite import` does its work: parse the CSV, check every row in one pass, write in one transaction (no process start-up). ' +
    `Rows are real member States × Conventions and Protocols of the bundled registry (${fmt(36_839)} distinct records; every row valid, C138 rows with a minimum age); ` +
    `${fmt(TOTAL)} rows are imported as successive files of at most ${fmt(MAX_FILE_ROWS)} rows over the same records (the first creates or corrects, the next update every record), each file in its own transaction, each run on a freshly seeded database. ` +
    `The row-by-row import (the path before batching, kept as \`importRatificationsRowByRow\`) is timed on a sample of ${fmt(SAMPLE)} rows only (at its rate ${fmt(TOTAL)} rows would take minutes), ` +
    'the same files scaled down (passes over a proportional share of the records, so the same mix of creates and updates); ' +
    `after an untimed warm-up of both paths, ${ROUNDS} rounds each run the row-by-row sample, the batched sample and the batched full run, and the medians are kept; ` +
    'the batched import is timed on the same sample and on the full run. "speed vs row-by-row" = rows/s ÷ rows/s of the row-by-row sample. ' +
    cpuRatios +
    'Where the batched time goes (CPU profiles, decisions 085 and 150): on SQLite about 30 µs of CPU a row on a quiet machine (more under load), of which ~4 µs parsing and the one-pass check, ~5 µs ' +
    'checking and planning each row again in the transaction (the service does not trust its caller) and writing it as JSON once, ~13 µs in SQLite itself ' +
    '(better-sqlite3 running statements prepared once per shape and kept: events ~6 µs, records ~4 µs, reading the stored records ~2 µs; and the commit) and ~4 µs in garbage collection; the row-by-row path costs ' +
    '0.3–1.5 ms a row depending on the load, so the SQLite ratio moves with the load far more than the PostgreSQL one, where each row-by-row statement is a network round trip. ' +
    'Before decision 150 (every batch statement built, compiled and prepared afresh; each record serialised twice), the same benchmark gave 6.9× on SQLite and 21.5× on PostgreSQL (run 2026-12-03 16:17 UTC).';
  const body = `${SECTION}\n\n${intro}\n\n${table}\n`;
  if (args['no-write']) return;
  replaceBenchmarkSection(SECTION, body);
}

await main();
