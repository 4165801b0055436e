/**
 * Parallel screening of a file: the data records are cut into ranges at guessed record boundaries
 * (the first line break after every RANGE_BYTES), and the ranges are screened by the main thread
 * and worker threads, each with its own cache, reading its ranges straight from the file.
 *
 * A guessed boundary can be wrong (a quoted field with a line break across it): every range
 * reports where it really ended, i.e. the first record the sequential parser would start at or
 * after the next boundary. Ranges are then chained from the first: a range whose start is not
 * where its predecessor ended is thrown away and screened again from the right place, so the
 * result is the sequential one, row for row (the tests check this).
 */

import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { RangeResult, Screener } from './screen.ts';
import type { RowError, ScreenStats, ScreenSummary } from './types.ts';
import { CacheMismatchError } from './verdict-cache.ts';
import { rangeWorkerScript } from './worker-script.ts';

export const RANGE_BYTES = 16 << 20;
/** Read size of the sequential screener. */
export const CHUNK_BYTES = 4 << 20;
/** Read size within ranges: smaller, as each thread holds two buffers (the worker costs memory too). */
const RANGE_CHUNK_BYTES = 1 << 20;
/** Read past a range's end in small steps: its last record usually ends within a few bytes. */
const TAIL_BYTES = 64 << 10;
const PROGRESS_MS = 100;

/**
 * Jobs are claimed through a shared counter, so no thread waits for another's event loop to be
 * handed work (the main thread's loop is busy screening its own range when a worker is ready).
 * CONTROL[NEXT_JOB]: index of the next unclaimed job; CONTROL[HALT] ≠ 0: claim no more (a failure).
 */
const NEXT_JOB = 0;
const HALT = 1;

export interface RangeJob {
  start: number;
  stopAt: number;
}

/** Sent to a range worker at start. */
export interface RangeWorkerData {
  path: string;
  size: number;
  on: string;
  facts: [string, unknown][];
  header: string[];
  maxErrors: number;
  jobs: RangeJob[];
  control: SharedArrayBuffer;
}

export type WorkerReply =
  | { result: RangeResult; bytes: number }
  | { closed: true; stats: ScreenStats }
  | { error: { name: string; message: string } };

/** The next job for this thread, or undefined when all are claimed or a thread failed. */
export function claimJob(control: Int32Array, jobs: readonly RangeJob[]): RangeJob | undefined {
  if (Atomics.load(control, HALT) !== 0) return undefined;
  return jobs[Atomics.add(control, NEXT_JOB, 1)];
}

/** Two buffers per range reader: the next read goes into one while the other is parsed. */
export function readBuffers(): [Buffer, Buffer] {
  return [Buffer.allocUnsafeSlow(RANGE_CHUNK_BYTES), Buffer.allocUnsafeSlow(RANGE_CHUNK_BYTES)];
}

/** Screens the range starting at `start` (a record start) up to the first record at or after `stopAt`. */
export async function runRange<F>(
  screener: Screener<F>,
  fh: FileHandle,
  size: number,
  start: number,
  stopAt: number,
  bufs: [Buffer, Buffer],
): Promise<RangeResult> {
  screener.beginRange(start, stopAt);
  const read = (k: number, at: number) => {
    const size0 = bufs[k]!.length;
    const want = at < stopAt + TAIL_BYTES ? Math.min(size0, stopAt + TAIL_BYTES - at) : size0;
    return fh.read(bufs[k]!, 0, Math.min(want, size - at), at);
  };
  let pos = start;
  let k = 0;
  let inflight = pos < size ? read(k, pos) : null;
  while (inflight) {
    const n = (await inflight).bytesRead;
    if (n === 0) {
      inflight = null;
      break;
    }
    const chunk = bufs[k]!.subarray(0, n);
    pos += n;
    k ^= 1;
    inflight = pos < size ? read(k, pos) : null; // read ahead into the other buffer
    screener.push(chunk);
    if (screener.stopped) break;
  }
  if (!screener.stopped) screener.end();
  if (inflight) await inflight;
  return screener.rangeResult(start);
}

/** The header, and where the data records start (a header-only pass over the file's head). */
export async function readHeader<F>(screener: Screener<F>, fh: FileHandle, size: number): Promise<void> {
  screener.limit(0); // stop before the first data record
  const buf = Buffer.allocUnsafe(TAIL_BYTES);
  let pos = 0;
  while (pos < size && !screener.stopped) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - pos), pos);
    if (bytesRead === 0) break;
    pos += bytesRead;
    screener.push(buf.subarray(0, bytesRead));
  }
  if (!screener.stopped) screener.end();
}

/** Record boundaries after `dataStart`: the first LF after every `step` bytes. */
export async function guessBoundaries(fh: FileHandle, size: number, dataStart: number, step: number): Promise<number[]> {
  const starts = [dataStart];
  const buf = Buffer.allocUnsafe(TAIL_BYTES);
  for (let nominal = dataStart + step; nominal < size; nominal += step) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - nominal), nominal);
    const lf = buf.subarray(0, bytesRead).indexOf(10);
    if (lf < 0) continue; // a very long line: let the previous range run on
    const g = nominal + lf + 1;
    if (g < size && g > starts.at(-1)!) starts.push(g);
  }
  return starts;
}

export interface ParallelOptions {
  path: string;
  size: number;
  on: string;
  facts: ReadonlyMap<string, unknown>;
  maxErrors: number;
  threads: number;
  /** Range size (default RANGE_BYTES); small values are for tests. */
  rangeBytes?: number;
  onProgress?: (bytesRead: number, rows: number) => void;
  stats?: ScreenStats;
}

/**
 * Screens `path` with `main` (a Screener for the bound engine, header not read yet) and
 * `threads − 1` workers. Returns the same summary as the sequential screener.
 */
export async function screenRanges<F>(main: Screener<F>, opts: ParallelOptions): Promise<ScreenSummary> {
  const fh = await open(opts.path, 'r');
  const workers: Worker[] = [];
  let stopped = false;
  try {
    await readHeader(main, fh, opts.size);
    const header = [...main.header];
    const dataStart = main.dataStart < 0 ? opts.size : main.dataStart;
    const boundaries = await guessBoundaries(fh, opts.size, dataStart, opts.rangeBytes ?? RANGE_BYTES);
    const stopOf = (start: number) => boundaries.find((b) => b > start) ?? opts.size;
    const results = new Map<number, RangeResult>();
    const jobs: RangeJob[] = boundaries.map((start) => ({ start, stopAt: stopOf(start) })).filter((j) => j.start < opts.size);
    const control = new Int32Array(new SharedArrayBuffer(8));

    let bytes = 0;
    let rows = 0;
    let lastProgress = performance.now();
    const progress = (db: number, dr: number) => {
      bytes += db;
      rows += dr;
      const now = performance.now();
      if (opts.onProgress && now - lastProgress >= PROGRESS_MS) {
        lastProgress = now;
        opts.onProgress(bytes, rows);
      }
    };

    const statsFromWorkers: ScreenStats[] = [];
    const workersDone: Promise<void>[] = [];
    let failure: Error | null = null;
    const fail = (error: Error) => {
      failure ??= error;
      Atomics.store(control, HALT, 1);
    };
    const data: RangeWorkerData = {
      path: opts.path,
      size: opts.size,
      on: opts.on,
      facts: [...opts.facts],
      header,
      maxErrors: opts.maxErrors,
      jobs,
      control: control.buffer as SharedArrayBuffer,
    };
    const startWorker = (script: string) =>
      new Promise<void>((resolve) => {
        if (stopped) return resolve();
        // The worker allocates little (its reads go into two reused buffers): a small young
        // generation keeps its memory down.
        const worker = new Worker(script, { eval: true, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
        workers.push(worker);
        worker.on('message', (m: WorkerReply) => {
          if ('result' in m) {
            results.set(m.result.start, m.result);
            progress(m.bytes, m.result.rows);
          } else if ('closed' in m) {
            statsFromWorkers.push(m.stats);
            resolve();
          } else {
            fail(m.error.name === 'CacheMismatchError' ? new CacheMismatchError(m.error.message) : new Error(m.error.message));
            resolve();
          }
        });
        // A worker that cannot start or dies is not fatal: the ranges it did not finish are
        // screened by the main thread when the ranges are chained.
        worker.on('error', () => resolve());
        worker.on('exit', () => resolve());
      });
    if (jobs.length > 1) {
      for (let t = 1; t < opts.threads; t++) {
        // Started before the main thread's first range when the script is at hand: a promise
        // continuation would wait behind that range's read loop.
        const script = rangeWorkerScript();
        workersDone.push(typeof script === 'string' ? startWorker(script) : script.then(startWorker));
      }
    }

    const bufs = readBuffers();
    try {
      for (let job = claimJob(control, jobs); job; job = claimJob(control, jobs)) {
        const r = await runRange(main, fh, opts.size, job.start, job.stopAt, bufs);
        results.set(r.start, r);
        progress(r.end - r.start, r.rows);
      }
    } catch (error) {
      fail(error as Error);
    }
    await Promise.all(workersDone);
    if (failure) throw failure;

    // Chain the ranges from the first; redo any that did not start where the previous one ended.
    const summary: ScreenSummary = { rows: 0, valid: 0, invalid: 0, verdicts: {}, uncertain: 0, errors: [], truncatedErrors: false };
    const errors: RowError[] = [];
    let pos = dataStart;
    let lineOffset = main.headerLines;
    let redone = 0;
    while (pos < opts.size) {
      let r = results.get(pos);
      if (!r) {
        r = await runRange(main, fh, opts.size, pos, stopOf(pos), bufs);
        redone++;
      }
      summary.rows += r.rows;
      summary.valid += r.valid;
      summary.invalid += r.invalid;
      summary.uncertain += r.uncertain;
      for (const [v, n] of Object.entries(r.verdicts)) summary.verdicts[v] = (summary.verdicts[v] ?? 0) + n;
      for (const e of r.errors) {
        if (errors.length < opts.maxErrors) errors.push({ ...e, line: e.line + lineOffset });
        else summary.truncatedErrors = true;
      }
      if (r.truncated) summary.truncatedErrors = true;
      lineOffset += r.lines;
      if (r.end <= pos) break; // cannot happen: a range always reads at least one record
      pos = r.end;
    }
    summary.errors = errors;
    for (const v of Object.keys(main.summary().verdicts)) summary.verdicts[v] ??= 0;
    opts.onProgress?.(opts.size, summary.rows);
    if (opts.stats) {
      const all = [main.stats(), ...statsFromWorkers];
      const sum = (k: keyof ScreenStats) => all.reduce((a, s) => a + (s[k] ?? 0), 0);
      Object.assign(opts.stats, {
        evaluations: sum('evaluations'),
        verifications: sum('verifications'),
        outcomes: Math.max(...all.map((s) => s.outcomes ?? 0)),
        countries: Math.max(...all.map((s) => s.countries ?? 0)),
        factClasses: Math.max(...all.map((s) => s.factClasses ?? 0)),
        threads: 1 + workers.length,
        ranges: boundaries.length,
        redoneRanges: redone,
      });
    }
    return summary;
  } finally {
    stopped = true;
    await Promise.all(workers.map((w) => w.terminate()));
    await fh.close();
  }
}
