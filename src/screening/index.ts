/**
 * Streaming workforce screener: classifies every row of a workers CSV under C138/C182 with the
 * child-labour rule engine. See screen.ts for the parser and verdict-cache.ts for the cache.
 *
 * @example
 * const facts = await compliance.allCountryFacts();
 * const summary = await screenFile('workers.csv', { on: '2025-06-30', facts, out: process.stdout });
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import {
  ageBreakpoints,
  type CountryFacts,
  DECLARATION_CANDIDATES,
  evaluate,
  RULES,
  resolveMinimumAge,
  VERDICTS,
  type Verdict,
  WORK_KINDS,
  type WorkKind,
} from '../domain/child-labour/index.ts';
import { isGzipHead } from './gzip-input.ts';
import { CHUNK_BYTES, screenRanges } from './parallel.ts';
import { Screener, type ScreenInput, screenCsvWith } from './screen.ts';
import type { EngineInput, ScreeningEngine, ScreenOptions, ScreenSummary } from './types.ts';

export { countryFactsFromBundle } from './bundle-facts.ts';
export { ScreenInputError, type ScreenInputProblem } from './errors.ts';
export { MAX_AGE, MAX_LINE, OPTIONAL_COLUMNS, OUTPUT_COLUMNS, REQUIRED_COLUMNS, type ScreenInput } from './screen.ts';
export type { RowError, ScreenOptions, ScreenStats, ScreenSummary } from './types.ts';
export { CacheMismatchError } from './verdict-cache.ts';

/** Read size for files: large reads keep the per-chunk overhead negligible. */
export const READ_HIGH_WATER_MARK = CHUNK_BYTES;
/** Files at least this large (screened without `out`) are cut into ranges screened in parallel. */
export const PARALLEL_MIN_BYTES = 64 << 20;

type RuleContext = Parameters<(typeof RULES)[number]['evaluate']>[0];
const RULES_FOR = new Map(WORK_KINDS.map((w) => [w, RULES.filter((r) => r.appliesTo.includes(w))]));

/**
 * Whether the rules that apply to this work read `hoursPerDay` or `night` for these facts and age:
 * runs them on a context whose two fields record being read. The engine's verdict and reasons come
 * only from these rules over this context (engine.ts), so a rule that does not read a field cannot
 * make the result depend on it.
 */
function readsHoursOrNight(facts: CountryFacts, input: EngineInput<WorkKind>): boolean {
  const resolution = resolveMinimumAge(facts);
  const runs: [number, RuleContext['basis']][] =
    resolution.minimumAge !== null ? [[resolution.minimumAge, resolution.basis]] : DECLARATION_CANDIDATES.map((m) => [m, 'unknown']);
  let read = false;
  const hours = input.hoursPerDay ?? null;
  const night = input.night ?? null;
  for (const [minimumAge, basis] of runs) {
    const ctx: RuleContext = {
      facts,
      profile: facts.profile,
      age: input.age,
      work: input.work,
      minimumAge,
      basis,
      // The screener passes no sex to the engine (no such column), so the rules see it as not stated.
      sex: null,
      get hoursPerDay() {
        read = true;
        return hours;
      },
      get night() {
        read = true;
        return night;
      },
    };
    for (const rule of RULES_FOR.get(input.work) ?? RULES) rule.evaluate(ctx);
  }
  return read;
}

/**
 * States whose facts are equal but for their code share cache entries: no rule reads `iso3`
 * (the sampled verification in the cache would catch one that did).
 */
function factsKey(facts: CountryFacts): string {
  return JSON.stringify({ ...facts, iso3: null, profile: facts.profile && { ...facts.profile, iso3: null } });
}

/** The child-labour engine as the screener uses it. */
export const CHILD_LABOUR_ENGINE: ScreeningEngine<CountryFacts, Verdict, WorkKind> = {
  WORK_KINDS,
  VERDICTS,
  evaluate,
  ageBreakpoints,
  factsKey,
  readsHoursOrNight,
};

/**
 * Screens a workers CSV (`worker_id,country,birth_date,work` required; `hours_per_day`, `night`
 * optional; other columns passed through). Bad rows are counted and reported, never thrown;
 * a missing required column, an empty or unreadable input throws ScreenInputError.
 */
export function screenCsv(input: ScreenInput, options: ScreenOptions<CountryFacts>): Promise<ScreenSummary<Verdict>> {
  return screenCsvWith(CHILD_LABOUR_ENGINE, input, options);
}

export interface ScreenFileOptions extends ScreenOptions<CountryFacts> {
  /**
   * Threads for a file of PARALLEL_MIN_BYTES or more screened without `out`, with `facts` as a Map
   * (workers get a copy). Default: 2, or 1 on a single core. The result is the same either way.
   */
  threads?: number;
}

/**
 * `screenCsv` over a file, read in 4 MiB chunks into two reused buffers (the next read runs while
 * the last one is parsed), so memory stays flat; large files are screened in parallel ranges
 * (parallel.ts). A missing file is a ScreenInputError.
 */
export async function screenFile(path: string, options: ScreenFileOptions): Promise<ScreenSummary<Verdict>> {
  if (await startsWithGzip(path)) return screenGzipFile(path, options);
  const threads = Math.max(1, Math.floor(options.threads ?? Math.min(2, availableParallelism())));
  if (threads > 1 && !options.out && options.facts instanceof Map) {
    const size = await stat(path).then(
      (st) => (st.isFile() ? st.size : -1),
      () => -1, // let the sequential path report it
    );
    if (size >= PARALLEL_MIN_BYTES) {
      const main = new Screener(CHILD_LABOUR_ENGINE, options);
      const summary = await screenRanges(main, {
        path,
        size,
        on: options.on,
        facts: options.facts,
        maxErrors: Math.max(0, options.maxErrors ?? 1000),
        threads,
        onProgress: options.onProgress,
        stats: options.stats,
      });
      return summary as ScreenSummary<Verdict>;
    }
  }
  return screenCsv(fileChunks(path), options);
}

/** Whether the file starts with the gzip magic number (whatever its name); false when unreadable. */
async function startsWithGzip(path: string): Promise<boolean> {
  try {
    const fh = await open(path, 'r');
    try {
      const head = Buffer.alloc(2);
      const { bytesRead } = await fh.read(head, 0, 2, 0);
      return bytesRead === 2 && isGzipHead(head);
    } finally {
      await fh.close();
    }
  } catch {
    return false; // the sequential path reports a missing or unreadable file
  }
}

/**
 * A gzip'd register (`workers.csv.gz`), decompressed as it streams (screenCsv does): one thread,
 * as a gzip stream is read in order. Progress counts the compressed bytes read, so it ends at the
 * file size. Corrupt or cut-short gzip data is a ScreenInputError.
 */
async function screenGzipFile(path: string, options: ScreenFileOptions): Promise<ScreenSummary<Verdict>> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const progress = options.onProgress;
  try {
    return await screenCsv(file, {
      ...options,
      onProgress: progress && ((_bytes, rows) => progress(file.bytesRead, rows)),
    });
  } finally {
    file.destroy();
  }
}

/** The file's bytes in CHUNK_BYTES pieces, alternating between two buffers with one read ahead. */
async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  let inflight: ReturnType<typeof fh.read> | null = null;
  try {
    const bufs = [Buffer.allocUnsafeSlow(CHUNK_BYTES), Buffer.allocUnsafeSlow(CHUNK_BYTES)];
    let k = 0;
    let pos = 0;
    inflight = fh.read(bufs[0]!, 0, CHUNK_BYTES, 0);
    for (;;) {
      const { bytesRead } = await inflight;
      inflight = null;
      if (bytesRead === 0) break;
      const chunk = bufs[k]!.subarray(0, bytesRead);
      pos += bytesRead;
      k ^= 1;
      // the consumer is done with the other buffer: the screener copies what it keeps
      inflight = fh.read(bufs[k]!, 0, CHUNK_BYTES, pos);
      yield chunk;
    }
  } finally {
    if (inflight) await inflight.catch(() => undefined);
    await fh.close();
  }
}
