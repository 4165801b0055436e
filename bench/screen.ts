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
 * is kept. Timings are of the work itself (streaming the file to a summary), not of Node's start.
 * Results go to the `## Screening (npm run bench:screen)` section of BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
const METHODS = ['read', 'screen', 'screen-2t', 'screen-out', 'duckdb'] as const;
type Method = (typeof METHODS)[number];

interface ChildResult {
  method: Method;
  ms: number;
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

async function runRead(file: string): Promise<Omit<ChildResult, 'method' | 'maxRssMb'>> {
  const stop = stopwatch();
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: READ_HIGH_WATER_MARK })) bytes += (chunk as Buffer).length;
  return { ...stop(), rows: 0, detail: { bytes } };
}

async function runScreen(file: string, withOut: boolean, threads: number): Promise<Omit<ChildResult, 'method' | 'maxRssMb'>> {
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

async function runDuckDb(file: string): Promise<Omit<ChildResult, 'method' | 'maxRssMb'>> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const facts = await loadFacts();
  const db = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await db.connect();
  await con.run(`CREATE TABLE minimum_age (iso3 VARCHAR, m INTEGER, hazardous INTEGER)`);
  await con.run(`INSERT INTO minimum_age VALUES ${minimumAgeRows(facts)}`);
  const path = file.replace(/'/g, "''");
  // Same job as the screener: every row parsed, typed and classified; bad values become NULL and count as invalid.
  const sql = `
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
  const stop = stopwatch();
  const reader = await con.runAndReadAll(sql);
  const timing = stop();
  const counts = Object.fromEntries(reader.getRowObjectsJS().map((r) => [String(r.verdict), Number(r.n)]));
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  con.closeSync();
  return { ...timing, rows, detail: { counts } };
}

async function child(method: Method, file: string): Promise<void> {
  const r =
    method === 'read'
      ? await runRead(file)
      : method === 'duckdb'
        ? await runDuckDb(file)
        : await runScreen(file, method === 'screen-out', method === 'screen-2t' ? 2 : 1);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ method, ...r, maxRssMb })}\n`);
}

// ------------------------------------------------------------------ parent side

function spawnChild(method: Method, file: string): ChildResult {
  const res = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', method, '--file', file], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  if (res.status !== 0) throw new Error(`${method} child failed (${res.status}):\n${res.stderr}`);
  const line = res.stdout.trim().split('\n').at(-1)!;
  return JSON.parse(line) as ChildResult;
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
const LABELS: Record<Method, string> = {
  read: 'read floor: fs.createReadStream, 4 MiB chunks, bytes only',
  screen: '**screenCsv** (`screenFile`), 1 thread, summary only',
  'screen-2t': '**screenCsv** (`screenFile`), 2 threads (main + 1 worker, ranges of 16 MiB), summary only — the default for a large file',
  'screen-out': '**screenCsv** (`screenFile`) with `out` (rows + verdict, minimum_age, citations to a file), 1 thread',
  duckdb: 'DuckDB 2 threads: read_csv + date_sub age + CASE + join, count by verdict',
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

  const loadBefore = loadavg()[0]!;
  const results = new Map<Method, ChildResult[]>(METHODS.map((m) => [m, []]));
  for (let round = 0; round < runs; round++) {
    for (const method of METHODS) {
      const r = spawnChild(method, file);
      results.get(method)!.push(r);
      console.log(
        `  round ${round + 1} ${method.padEnd(10)} ${fmt(r.ms).padStart(7)} ms  cpu ${fmt(r.cpuMs).padStart(7)} ms  ${fmt(r.maxRssMb).padStart(4)} MB RSS`,
      );
    }
  }
  const ms = (m: Method) => median(results.get(m)!.map((r) => r.ms));
  const cpu = (m: Method) => median(results.get(m)!.map((r) => r.cpuMs));
  const rss = (m: Method) => Math.max(...results.get(m)!.map((r) => r.maxRssMb));
  const floor = ms('read');
  const duck = ms('duckdb');
  const screened = results.get('screen')![0]!;
  const withOut = results.get('screen-out')![0]!;
  const d = screened.detail as { valid: number; invalid: number; verdicts: Record<string, number>; uncertain: number; stats: ScreenStats };
  const same = (a: ChildResult) => JSON.stringify({ ...a.detail, outBytes: 0, stats: null });
  for (const other of [withOut, results.get('screen-2t')![0]!])
    if (same(other) !== same(screened)) throw new Error(`${other.method} and screen disagree`);

  const table = METHODS.map((m) => {
    const t = ms(m);
    const rate = m === 'read' ? rows / (t / 1000) : results.get(m)![0]!.rows / (t / 1000);
    return `| ${LABELS[m]} | ${fmt(t)} | ${fmt(cpu(m))} | ${fmt(rate / 1e6, 2)} M | ${fmt(floor / t, 2)} | ${fmt(duck / t, 2)} | ${fmt(rss(m))} |`;
  });
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const load = `load average ${fmt(loadBefore, 1)} before, ${fmt(loadavg()[0]!, 1)} after`;
  const duckCounts = (results.get('duckdb')![0]!.detail as { counts: Record<string, number> }).counts;
  const body = [
    `### ${fmt(rows)} rows`,
    '',
    `Run ${when} UTC, Node ${process.version}, ${cpus().length} cores (${load}), ${runs} round${runs > 1 ? 's' : ''} (median; peak RSS is the largest), file ${fmt(bytes / 1e6, 1)} MB ` +
      `(\`bench/gen-workforce.ts\`, seed ${seed}: ~190 States, births 1950–2020, every work kind, ~3% quoted names, ~0.1% bad rows), screening date ${ON}. ` +
      'Each method in its own child process (Node + tsx alone take ~80 MB RSS; the read floor holds on to 4 MiB stream chunks until GC); ' +
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
if (typeof argv.child === 'string') await child(argv.child as Method, String(argv.file));
else await parent();
