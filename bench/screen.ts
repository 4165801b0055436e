/**
 * `npm run bench:screen [-- --rows 10000000] [--runs 2] [--seed 42] [--dry-run]`: throughput and peak memory of
 * the streaming workforce screener on a generated file (bench/gen-workforce.ts), against two
 * references measured in the same run on the same file:
 *  - the read floor: fs.createReadStream consuming the chunks, nothing else;
 *  - DuckDB (@duckdb/node-api, 2 threads) classifying in SQL: read_csv, the age with
 *    date_sub('year', …) (completed years; date_diff counts boundaries), a CASE over age and work
 *    and a join to a per-country minimum-age table built from the same country facts.
 * Every measurement runs in its own child process (so peak RSS is that of one method: the child
 * reads process.resourceUsage().maxRSS), the methods are interleaved round by round and the median
 * is kept. Timings are of the work itself (streaming the file to a summary), not of Node's start;
 * a second table times whole processes, start to exit: `tripartite screen FILE --json` as a user
 * runs it, against a plain Node process running the DuckDB query (bench/duckdb-run.mjs).
 * Results go to the `## Screening (npm run bench:screen)` section of BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type CountryFacts, resolveMinimumAge } from '../src/domain/child-labour/index.ts';
import { countryFactsFromBundle, READ_HIGH_WATER_MARK, type ScreenStats, screenFile } from '../src/screening/index.ts';
import { readBundle } from '../src/storage/bundle.ts';
import { BUNDLED_DATA_DIR, PROJECT_ROOT } from '../src/storage/paths.ts';
import { GENERATOR_VERSION, writeWorkforce } from './gen-workforce.ts';

const ON = '2025-06-30';
const METHODS = ['read', 'screen', 'screen-2t', 'screen-out', 'duckdb', 'cli'] as const;
type Method = (typeof METHODS)[number];
/** Methods run in a TypeScript child of this script; the others are their own programs. */
type InScriptMethod = Exclude<Method, 'duckdb' | 'cli'>;

interface ChildResult {
  method: Method;
  /** The work (stream → summary), timed inside the child; for `cli`, the whole process. */
  ms: number;
  /** Start to exit of the child process, timed by the parent. */
  processMs: number;
  /** CPU time (user + system) of the child during the measured work. */
  cpuMs: number;
  rows: number;
  maxRssMb: number;
  detail: Record<string, unknown>;
}

// ------------------------------------------------------------------ child side

/** Starts a wall + CPU stopwatch; `stop()` gives both in ms. */
function stopwatch(): () => { ms: number; cpuMs: number } {
  const t = performance.now();
  const c = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(c);
    return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
  };
}

async function loadFacts(): Promise<Map<string, CountryFacts>> {
  return countryFactsFromBundle(await readBundle(BUNDLED_DATA_DIR));
}

async function runRead(file: string): Promise<Omit<ChildResult, 'method' | 'maxRssMb' | 'processMs'>> {
  const stop = stopwatch();
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: READ_HIGH_WATER_MARK })) bytes += (chunk as Buffer).length;
  return { ...stop(), rows: 0, detail: { bytes } };
}

async function runScreen(file: string, withOut: boolean, threads: number): Promise<Omit<ChildResult, 'method' | 'maxRssMb' | 'processMs'>> {
  const facts = await loadFacts();
  const stats: ScreenStats = {};
  const outPath = `${file}.screened-${process.pid}.csv`;
  const stop = stopwatch();
  const out = withOut ? createWriteStream(outPath, { highWaterMark: 1 << 20 }) : null;
  const summary = await screenFile(file, { on: ON, facts, out, stats, threads });
  if (out) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  const timing = stop();
  const outBytes = withOut ? statSync(outPath).size : 0;
  if (withOut) rmSync(outPath, { force: true });
  const { errors, ...rest } = summary;
  return { ...timing, rows: summary.rows, detail: { ...rest, errorsKept: errors.length, stats, outBytes } };
}

const WORST = `('slavery', 'sexual_exploitation', 'illicit')`;

/** The per-country table DuckDB joins to, from the same facts the engine uses. */
function minimumAgeRows(facts: Map<string, CountryFacts>): string {
  const rows = [...facts.values()].map((f) => {
    const m = resolveMinimumAge(f).minimumAge;
    const hazardous = f.profile?.hazardousMinimumAge?.value ?? null;
    const sql = (v: number | null) => (v === null ? 'NULL' : String(v));
    return `('${f.iso3}', ${sql(m)}, ${sql(hazardous)})`;
  });
  return rows.join(',\n');
}

/** The DuckDB run: the same classification in SQL, for bench/duckdb-run.mjs. */
function duckDbJob(file: string, facts: Map<string, CountryFacts>): { threads: number; setup: string[]; query: string } {
  const path = file.replace(/'/g, "''");
  // Same job as the screener: every row parsed, typed and classified; bad values become NULL and count as invalid.
  const query = `
    WITH w AS (
      SELECT upper(trim(country)) AS iso3, lower(trim(work)) AS work,
             date_sub('year', try_cast(trim(birth_date) AS DATE), DATE '${ON}') AS age,
             nullif(trim(hours_per_day), '') AS hours_text, try_cast(nullif(trim(hours_per_day), '') AS DOUBLE) AS hours,
             lower(trim(coalesce(night, ''))) AS night
      FROM read_csv('${path}', header = true, quote = '"', escape = '"', ignore_errors = true,
                    columns = {'worker_id': 'VARCHAR', 'name': 'VARCHAR', 'country': 'VARCHAR', 'birth_date': 'VARCHAR',
                               'work': 'VARCHAR', 'hours_per_day': 'VARCHAR', 'night': 'VARCHAR'})
    )
    SELECT CASE
        WHEN w.age IS NULL OR w.age < 0 OR w.age > 120 OR c.iso3 IS NULL OR w.work IS NULL
          OR w.work NOT IN ('regular', 'light', 'hazardous', 'slavery', 'sexual_exploitation', 'illicit', 'training', 'school', 'artistic')
          OR w.night NOT IN ('', '0', '1', 'yes', 'no', 'true', 'false')
          OR (w.hours_text IS NOT NULL AND (w.hours IS NULL OR w.hours < 0 OR w.hours > 24)) THEN 'invalid'
        WHEN w.work IN ${WORST} THEN CASE WHEN w.age < 18 THEN 'worst_form' ELSE 'permitted' END
        WHEN w.work = 'hazardous' THEN CASE WHEN w.age < 16 THEN 'worst_form' WHEN w.age < coalesce(c.hazardous, 18) THEN 'prohibited' ELSE 'permitted' END
        WHEN w.work = 'school' THEN 'permitted'
        WHEN w.age >= coalesce(c.m, 16) THEN 'permitted'
        WHEN w.work = 'light' THEN CASE WHEN w.age >= (CASE WHEN c.m = 14 THEN 12 ELSE 13 END) THEN 'conditional' ELSE 'prohibited' END
        WHEN w.work = 'training' THEN CASE WHEN w.age >= 14 THEN 'conditional' ELSE 'prohibited' END
        WHEN w.work = 'artistic' THEN 'conditional'
        ELSE 'prohibited'
      END AS verdict, count(*)::INTEGER AS n
    FROM w LEFT JOIN minimum_age c ON c.iso3 = w.iso3
    GROUP BY ALL ORDER BY verdict`;
  return {
    threads: 2,
    setup: [
      'CREATE TABLE minimum_age (iso3 VARCHAR, m INTEGER, hazardous INTEGER)',
      `INSERT INTO minimum_age VALUES ${minimumAgeRows(facts)}`,
    ],
    query,
  };
}

async function child(method: InScriptMethod, file: string): Promise<void> {
  const r = method === 'read' ? await runRead(file) : await runScreen(file, method === 'screen-out', method === 'screen-2t' ? 2 : 1);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ method, ...r, maxRssMb })}\n`);
}

// ------------------------------------------------------------------ parent side

/** What the DuckDB and CLI children need besides the file. */
interface Fixtures {
  duckJob: string;
  cliDb: string;
  rssFile: string;
}

function spawnChild(method: Method, file: string, fx: Fixtures): ChildResult {
  const node = (args: string[], env: NodeJS.ProcessEnv = process.env) => {
    const t = performance.now();
    const res = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: 'utf8', maxBuffer: 64 << 20, env });
    const processMs = performance.now() - t;
    if (res.status !== 0) throw new Error(`${method} child failed (${res.status}):\n${res.stderr}`);
    return { stdout: res.stdout, processMs };
  };
  if (method === 'cli') {
    rmSync(fx.rssFile, { force: true });
    const { stdout, processMs } = node(
      ['--import', './bench/report-rss.mjs', 'bin/tripartite.js', 'screen', file, '--on', ON, '--json'],
      cliEnv(fx),
    );
    const summary = JSON.parse(stdout) as { rows: number; errors: unknown[] };
    const { errors, file: _file, on: _on, ...rest } = summary as typeof summary & { file: string; on: string };
    return {
      method,
      ms: processMs,
      processMs,
      cpuMs: Number.NaN,
      rows: summary.rows,
      maxRssMb: Number(readFileSync(fx.rssFile, 'utf8')),
      detail: { ...rest, errorsKept: errors.length },
    };
  }
  const { stdout, processMs } =
    method === 'duckdb'
      ? node(['bench/duckdb-run.mjs', fx.duckJob])
      : node(['--import', 'tsx', fileURLToPath(import.meta.url), '--child', method, '--file', file]);
  return { ...(JSON.parse(stdout.trim().split('\n').at(-1)!) as Omit<ChildResult, 'processMs'>), processMs };
}

/** The CLI as a user runs it, on its own SQLite database (prepared before the timed runs). */
function cliEnv(fx: Fixtures): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TRIPARTITE_DB: fx.cliDb, TRIPARTITE_NO_PROGRESS: '1', BENCH_RSS_FILE: fx.rssFile };
  delete env.DATABASE_URL;
  return env;
}

function ensureFile(rows: number, seed: number): { file: string; bytes: number; generatedMs: number | null } {
  const file = join(tmpdir(), `tripartite-workforce-v${GENERATOR_VERSION}-${rows}-${seed}.csv`);
  if (existsSync(file)) return { file, bytes: statSync(file).size, generatedMs: null };
  const t = performance.now();
  const partial = `${file}.partial`;
  writeWorkforce(partial, { rows, seed });
  renameSync(partial, file);
  return { file, bytes: statSync(file).size, generatedMs: performance.now() - t };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const SECTION = '## Screening (npm run bench:screen)';
const WHOLE_LABELS = {
  cli: '**`tripartite screen FILE --json`** (bin/tripartite.js)',
  duckdb: 'DuckDB process (`node bench/duckdb-run.mjs`), 2 threads',
} as const;
const LABELS: Record<Method, string> = {
  read: 'read floor: fs.createReadStream, 4 MiB chunks, bytes only',
  screen: '**screenCsv** (`screenFile`), 1 thread, summary only',
  'screen-2t': '**screenCsv** (`screenFile`), 2 threads (main + 1 worker, ranges of 16 MiB), summary only — the default for a large file',
  'screen-out': '**screenCsv** (`screenFile`) with `out` (rows + verdict, minimum_age, citations to a file), 1 thread',
  duckdb: 'DuckDB 2 threads: read_csv + date_sub age + CASE + join, count by verdict',
  cli: '',
};

async function parent(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '5000000' },
      runs: { type: 'string' },
      seed: { type: 'string', default: '42' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const rows = Number(values.rows);
  const runs = Number(values.runs ?? (rows > 5_000_000 ? 1 : 2));
  const seed = Number(values.seed);
  const { file, bytes, generatedMs } = ensureFile(rows, seed);
  console.log(
    `${file}: ${fmt(rows)} rows, ${fmt(bytes / 1e6, 1)} MB${generatedMs ? ` (generated in ${fmt(generatedMs / 1000, 1)} s)` : ' (cached)'}`,
  );

  const work = mkdtempSync(join(tmpdir(), 'bench-screen-'));
  const fx: Fixtures = { duckJob: join(work, 'duckdb.json'), cliDb: join(work, 'cli.db'), rssFile: join(work, 'rss') };
  writeFileSync(fx.duckJob, JSON.stringify(duckDbJob(file, await loadFacts())));
  // The CLI's database is created and seeded, and its bundle built, before anything is timed.
  const prepared = spawnSync(process.execPath, ['bin/tripartite.js', 'db', 'seed'], {
    cwd: PROJECT_ROOT,
    env: cliEnv(fx),
    encoding: 'utf8',
  });
  if (prepared.status !== 0) throw new Error(`tripartite db seed failed:\n${prepared.stderr}`);

  const loadBefore = loadavg()[0]!;
  const results = new Map<Method, ChildResult[]>(METHODS.map((m) => [m, []]));
  try {
    for (let round = 0; round < runs; round++) {
      for (const method of METHODS) {
        const r = spawnChild(method, file, fx);
        results.get(method)!.push(r);
        console.log(
          `  round ${round + 1} ${method.padEnd(10)} ${fmt(r.ms).padStart(7)} ms  process ${fmt(r.processMs).padStart(7)} ms  cpu ${fmt(r.cpuMs).padStart(7)} ms  ${fmt(r.maxRssMb).padStart(4)} MB RSS`,
        );
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const ms = (m: Method) => median(results.get(m)!.map((r) => r.ms));
  const cpu = (m: Method) => median(results.get(m)!.map((r) => r.cpuMs));
  const rss = (m: Method) => Math.max(...results.get(m)!.map((r) => r.maxRssMb));
  const floor = ms('read');
  const duck = ms('duckdb');
  const screened = results.get('screen')![0]!;
  const withOut = results.get('screen-out')![0]!;
  const d = screened.detail as { valid: number; invalid: number; verdicts: Record<string, number>; uncertain: number; stats: ScreenStats };
  const same = (a: ChildResult) => {
    const { rows: n, valid, invalid, verdicts, uncertain, truncatedErrors, errorsKept } = a.detail;
    return JSON.stringify({ n, valid, invalid, verdicts, uncertain, truncatedErrors, errorsKept });
  };
  for (const other of [withOut, results.get('screen-2t')![0]!, results.get('cli')![0]!])
    if (same(other) !== same(screened)) throw new Error(`${other.method} and screen disagree`);

  const table = METHODS.filter((m) => m !== 'cli').map((m) => {
    const t = ms(m);
    const rate = m === 'read' ? rows / (t / 1000) : results.get(m)![0]!.rows / (t / 1000);
    return `| ${LABELS[m]} | ${fmt(t)} | ${fmt(cpu(m))} | ${fmt(rate / 1e6, 2)} M | ${fmt(floor / t, 2)} | ${fmt(duck / t, 2)} | ${fmt(rss(m))} |`;
  });
  const processMs = (m: Method) => median(results.get(m)!.map((r) => r.processMs));
  const duckProcess = processMs('duckdb');
  const wholeTable = (['cli', 'duckdb'] as const).map((m) => {
    const t = processMs(m);
    return `| ${WHOLE_LABELS[m]} | ${fmt(t)} | ${fmt(rows / (t / 1000) / 1e6, 2)} M | ${fmt(duckProcess / t, 2)} | ${fmt(rss(m))} |`;
  });
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const load = `load average ${fmt(loadBefore, 1)} before, ${fmt(loadavg()[0]!, 1)} after`;
  const duckCounts = (results.get('duckdb')![0]!.detail as { counts: Record<string, number> }).counts;
  const body = [
    `### ${fmt(rows)} rows`,
    '',
    `Run ${when} UTC, Node ${process.version}, ${cpus().length} cores (${load}), ${runs} round${runs > 1 ? 's' : ''} (median; peak RSS is the largest), file ${fmt(bytes / 1e6, 1)} MB ` +
      `(\`bench/gen-workforce.ts\`, seed ${seed}: ~190 States, births 1950–2020, every work kind, ~3% quoted names, ~0.1% bad rows), screening date ${ON}. ` +
      'Each method in its own child process (Node + tsx alone take ~75 MB RSS, plain Node ~40 MB; the read floor holds on to 4 MiB stream chunks until GC); ' +
      'timings are of the work (stream → summary), not of Node start-up; CPU is user + system of all the process’s threads.',
    '',
    '| method | wall ms | CPU ms | rows/s (wall) | speed vs read floor | speed vs DuckDB | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...table,
    '',
    `All three screener runs give the same summary: ${fmt(d.valid)} valid, ${fmt(d.invalid)} invalid; verdicts ${Object.entries(d.verdicts)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ')}; uncertain ${fmt(d.uncertain)}. ` +
      `With 1 thread the rule engine ran ${fmt(d.stats.evaluations ?? 0)} times (${fmt(d.stats.verifications ?? 0)} of them sampled checks of the age classes) ` +
      `for ${fmt(d.stats.outcomes ?? 0)} distinct outcomes in ${fmt(d.stats.countries ?? 0)} States.`,
    `DuckDB (a simplified CASE: no national profile, an unrecorded declaration read as 16, so its counts are a workload, not a second opinion): ${Object.entries(
      duckCounts,
    )
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ')}.`,
    '',
    '**Whole process**, start to exit, as a user runs it: the CLI starts, opens its SQLite database, loads the country facts, screens ' +
      '(2 threads) and prints the JSON summary (the same summary as above); DuckDB is a plain Node process that loads @duckdb/node-api, ' +
      'creates the minimum-age table and runs the query. Peak RSS is of the whole process, all threads.',
    '',
    '| whole process | wall ms | rows/s (wall) | speed vs DuckDB process | peak RSS MB |',
    '|---|---:|---:|---:|---:|',
    ...wholeTable,
    '',
  ].join('\n');
  console.log(`\n${body}`);
  if (!values['dry-run']) writeSection(rows, body);
}

/** Replaces this row count's subsection of the Screening section (creating either as needed). */
function writeSection(rows: number, body: string): void {
  const path = join(PROJECT_ROOT, 'BENCHMARKS.md');
  let doc = existsSync(path)
    ? readFileSync(path, 'utf8')
    : '# Benchmarks\n\nFigures are from `npm run bench` and `npm run bench:*` runs; each run rewrites its own section.\n';
  const start = doc.indexOf(SECTION);
  let section = '';
  if (start >= 0) {
    const next = doc.indexOf('\n## ', start + SECTION.length);
    const end = next >= 0 ? next + 1 : doc.length;
    section = doc.slice(start, end);
    doc = doc.slice(0, start) + doc.slice(end);
  }
  const subs = new Map<number, string>();
  for (const part of section.split(/\n(?=### )/).slice(1)) {
    const n = Number(/^### ([\d,]+) rows/.exec(part)?.[1]?.replace(/,/g, ''));
    if (n) subs.set(n, `${part.trimEnd()}\n`);
  }
  subs.set(rows, body);
  const intro =
    'Throughput of the streaming screener (`src/screening`) on a generated workers CSV, against reading the file (the floor) and DuckDB ' +
    'doing the same classification in SQL on the same file. "speed vs X" = time of X ÷ time of the method (above 1 = faster than X). ' +
    'The machine is shared (2 cores): compare the ratios, which are measured in the same run.';
  const newSection = `${SECTION}\n\n${intro}\n\n${[...subs.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, s]) => s)
    .join('\n')}`;
  const insertAt = start >= 0 ? start : doc.length;
  const before = doc.slice(0, insertAt).replace(/\n*$/, '\n\n');
  const after = doc.slice(insertAt);
  writeFileSync(path, `${before}${newSection.trimEnd()}\n${after ? `\n${after}` : ''}`);
  console.log(`BENCHMARKS.md: ${SECTION} updated`);
}

const argv = parseArgs({ options: { child: { type: 'string' }, file: { type: 'string' } }, strict: false }).values;
if (typeof argv.child === 'string') await child(argv.child as InScriptMethod, String(argv.file));
else await parent();
