/**
 * `npm run bench:cases`: the screening import into a unit's cases (issue 11, decision 220) on
 * SQLite and PostgreSQL, with its baselines measured in the same run.
 *
 * The file: `--rows` generated screening rows (default 100,000), every one a child's case to open
 * (worst_form or prohibited), as `tripartite screen --out` writes them. Each database is fresh and
 * seeded; a warm-up import of `--warmup` rows (default 10,000) into one unit runs first (its peak
 * memory is kept, to compare with the full file's: memory is flat when they are close), then the
 * full file into another unit. Timed as the service does its work (read, check, write in one
 * transaction; no process start-up). Peak RSS is sampled every 10 ms during each import.
 *
 * Baselines, same run: the screener alone over the same file (`screenFile`, no output: the read
 * and classify floor), and a plain INSERT loop: `--sample` of the rows just imported (default
 * 10,000), written again one row per statement in one transaction, with no parsing, look-up or
 * history. Ratios are rows/s ÷ rows/s.
 *
 * Options: --rows N, --warmup N, --sample N, --db sqlite,postgres, --no-write.
 * Results go to the `## Case import (npm run bench:cases)` section of BENCHMARKS.md.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createServices, type Services } from '../src/container.ts';
import { screenFile } from '../src/screening/index.ts';
import type { CaseImportResult } from '../src/services/cases/case-import.ts';
import { testHasher } from '../tests/support/accounts.ts';
import { postgresDatabase, sqliteDatabase } from '../tests/support/databases.ts';
import { insertUnit } from '../tests/support/monitoring-fixture.ts';
import { screenedCaseLines } from '../tests/support/screening-rows.ts';
import { replaceBenchmarkSection } from './benchmarks-md.ts';

const SECTION = '## Case import (npm run bench:cases)';
const ON = '2026-12-01';
const args = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    warmup: { type: 'string', default: '10000' },
    sample: { type: 'string', default: '10000' },
    db: { type: 'string', default: 'sqlite,postgres' },
    'no-write': { type: 'boolean', default: false },
  },
}).values;
const ROWS = Number(args.rows);
const WARMUP = Number(args.warmup);
const SAMPLE = Number(args.sample);

interface Timed<T> {
  value: T;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

/** Runs `fn`, with its wall time, the process's CPU time and the peak RSS sampled every 10 ms. */
async function timed<T>(fn: () => Promise<T>): Promise<Timed<T>> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const value = await fn();
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMb: peak / (1 << 20) };
  } finally {
    clearInterval(sampler);
  }
}

const newUnit = (services: Services, name: string): Promise<number> => insertUnit(services.handle.db, name);

interface Line {
  db: string;
  what: string;
  rows: number;
  seconds: number;
  cpuSeconds: number | null;
  peakRssMb: number | null;
  ratio: string;
}

async function run(name: 'sqlite' | 'postgres', file: string, warmFile: string): Promise<Line[]> {
  const target = name === 'sqlite' ? sqliteDatabase() : await postgresDatabase();
  if (target.skip) throw new Error(target.skip);
  const services = await createServices(target.config, { hasher: testHasher });
  const label = name === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  try {
    const importFile = async (path: string, unit: number, heap: number[] = []) => {
      const gc = (globalThis as { gc?: () => void }).gc;
      let next = ROWS / 8;
      return timed(() =>
        services.caseImport.importScreening({ operator: 'bench' }, unit, createReadStream(path, { highWaterMark: 1 << 20 }), {
          on: ON,
          // The live heap after a full collection, at every eighth of the file: flat when nothing accumulates.
          onProgress: ({ rows }) => {
            if (!gc || rows < next) return;
            next += ROWS / 8;
            gc();
            heap.push(process.memoryUsage().heapUsed / (1 << 20));
          },
        }),
      );
    };
    const warm = await importFile(warmFile, await newUnit(services, 'warm-up'));
    const unit = await newUnit(services, 'bench');
    const heap: number[] = [];
    const full = await importFile(file, unit, heap);
    const liveHeap = heap.length ? `${Math.min(...heap).toFixed(1)}–${Math.max(...heap).toFixed(1)}` : 'n/a (run with --expose-gc)';
    check(full.value, ROWS);
    const facts = await services.compliance.allCountryFacts();
    const screened = await timed(() => screenFile(file, { on: ON, facts, threads: 1 }));

    // The plain INSERT loop: rows just imported, one statement each, into another unit, one transaction.
    const sample = await services.handle.db
      .selectFrom('cases')
      .selectAll()
      .where('unit_id', '=', unit)
      .orderBy('case_number')
      .limit(SAMPLE)
      .execute();
    const loopUnit = await newUnit(services, 'loop');
    const loop = await timed(() =>
      services.handle.db.transaction().execute(async (trx) => {
        for (const row of sample)
          await trx
            .insertInto('cases')
            .values({ ...row, id: `L${row.id.slice(1)}`, unit_id: loopUnit })
            .execute();
      }),
    );
    const rate = (rows: number, s: number) => rows / s;
    const importRate = rate(ROWS, full.seconds);
    return [
      {
        db: label,
        what: `warm-up import (${WARMUP.toLocaleString('en-US')} rows)`,
        rows: WARMUP,
        seconds: warm.seconds,
        cpuSeconds: warm.cpuSeconds,
        peakRssMb: warm.peakRssMb,
        ratio: '',
      },
      {
        db: label,
        what: `**import** (one transaction; live heap after GC ${liveHeap} MB at each eighth of the file)`,
        rows: ROWS,
        seconds: full.seconds,
        cpuSeconds: full.cpuSeconds,
        peakRssMb: full.peakRssMb,
        ratio: '1.00',
      },
      {
        db: label,
        what: 'baseline: screener alone, same file',
        rows: screened.value.rows,
        seconds: screened.seconds,
        cpuSeconds: screened.cpuSeconds,
        peakRssMb: null,
        ratio: `${(importRate / rate(screened.value.rows, screened.seconds)).toFixed(3)}`,
      },
      {
        db: label,
        what: 'baseline: plain INSERT loop, one row a statement',
        rows: sample.length,
        seconds: loop.seconds,
        cpuSeconds: loop.cpuSeconds,
        peakRssMb: null,
        ratio: `**${(importRate / rate(sample.length, loop.seconds)).toFixed(1)}×**`,
      },
    ];
  } finally {
    await services.close();
    await target.cleanup();
  }
}

function check(result: CaseImportResult, rows: number): void {
  if (result.created !== rows || result.badRowCount !== 0) throw new Error(`unexpected import result: ${JSON.stringify(result)}`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tripartite-bench-cases-'));
  try {
    const file = join(dir, 'screened.csv');
    const warmFile = join(dir, 'warm.csv');
    await pipeline(Readable.from(screenedCaseLines(ROWS, ON)), createWriteStream(file));
    await pipeline(Readable.from(screenedCaseLines(WARMUP, ON, 'WARM')), createWriteStream(warmFile));
    const loadBefore = loadavg()[0] ?? 0;
    const lines: Line[] = [];
    for (const name of String(args.db).split(',') as ('sqlite' | 'postgres')[]) {
      console.log(`${name}…`);
      lines.push(...(await run(name, file, warmFile)));
    }
    const loadAfter = loadavg()[0] ?? 0;
    report(lines, loadBefore, loadAfter);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(lines: Line[], loadBefore: number, loadAfter: number): void {
  const n = (v: number, d = 0) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const table = [
    '| database | run | rows | time s | rows/s | CPU s (Node) | CPU µs a row | peak RSS MB | import rows/s ÷ this |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...lines.map(
      (l) =>
        `| ${l.db} | ${l.what} | ${n(l.rows)} | ${n(l.seconds, 2)} | ${n(l.rows / l.seconds)} | ${l.cpuSeconds === null ? '' : n(l.cpuSeconds, 2)} | ${l.cpuSeconds === null ? '' : n((l.cpuSeconds * 1e6) / l.rows)} | ${l.peakRssMb === null ? '' : n(l.peakRssMb)} | ${l.ratio} |`,
    ),
  ].join('\n');
  console.log(table);
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const intro =
    `Run ${when} UTC, Node ${process.version}, ${cpus().length} cores shared with other work (load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after): ` +
    'read the ratios, measured in the same run, rather than the absolute figures. ' +
    `${n(ROWS)} generated screening rows (tripartite screen --out columns; every row a child's case: a quarter worst_form, the rest prohibited), imported into a fresh unit ` +
    'by the service as `tripartite cases import` and the API run it: read as it streams, each row checked, the engine asked once per distinct input for the reasons kept with the case, ' +
    "look-up of the batch's worker ids, multi-row INSERTs of 500 cases and 500 history events, all in one transaction (decision 220; no process start-up). " +
    `Peak RSS is the benchmark process's, sampled every 10 ms during each run (it includes garbage the collector has not yet reclaimed); the warm-up import of ${n(WARMUP)} rows runs first. Flat memory is shown by the live heap after a forced full collection at each eighth of the file (npm run bench:cases runs node with --expose-gc). ` +
    `Baselines in the same run: the screener alone over the same file (read and classify, no database), and a plain INSERT loop writing ${n(SAMPLE)} of the imported rows again, one row a statement, in one transaction, with no parsing, look-up or history. ` +
    'On PostgreSQL the server\'s own CPU is not in the "CPU s (Node)" column; on SQLite (inside the process) the CPU per row is the figure the load of the machine moves least.';
  const body = `${SECTION}\n\n${intro}\n\n${table}\n`;
  if (args['no-write']) return;
  replaceBenchmarkSection(SECTION, body);
}

await main();
