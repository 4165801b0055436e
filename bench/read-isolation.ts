/**
 * Part of `npm run bench:load` (issue 12): reads of records nobody is editing, measured quiet and
 * with one editor writing ~WRITER_RATE changes a second to OTHER records, in the same run against
 * the same server. With record-level cache versions the writer must not slow those reads down:
 * p99 with the writer ≤ 1.25× the quiet p99, throughput ≥ 0.9× the quiet throughput.
 *
 * Quiet and writer phases alternate in pairs (ROUNDS of each, after a warm-up, the order swapped
 * from one pair to the next) so that a drift in the machine's load (it is shared) falls on both
 * alike; the ratios are the medians of the pairs' ratios, the other figures are over all rounds.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const HERE = dirname(fileURLToPath(import.meta.url));

const WRITER_RATE = Number(process.env.LOAD_WRITER_RATE ?? 18);
const ROUNDS = Number(process.env.LOAD_ISOLATION_ROUNDS ?? 5);

export { ROUNDS as ISOLATION_ROUNDS };
export const P99_LIMIT = 1.25;
export const THROUGHPUT_FLOOR = 0.9;

/**
 * Read by the readers: instrument and country pages, lists, search, the home page and a compliance
 * check, none of which shows a record the writer changes (BRA's ratification of C098, THA's of
 * C100, and their national profiles: see src/services/cache-dependencies.ts).
 */
export const UNTOUCHED_READS = [
  '/api/instruments/C155',
  '/en/instruments/C087',
  '/api/countries/IDN',
  '/en/countries/MYS',
  '/api/instruments?pageSize=20&page=2',
  '/api/countries',
  '/en/instruments',
  '/en/',
  '/en/search?q=child',
  '/id/countries/PHL',
];

export interface WriterSession {
  cookie: string;
  csrf: string;
}

export interface PhaseFigures {
  requests: number;
  seconds: number;
  rps: number;
  /** Mean over the rounds of each round's p99 (autocannon's histogram). */
  p99: number;
  p50: number;
  errors: number;
  non2xx: number;
  writes: number;
  writesPerSecond: number;
  failedWrites: string[];
}

export interface IsolationResult {
  quiet: PhaseFigures;
  writer: PhaseFigures;
  p99Ratio: number;
  throughputRatio: number;
  /** Each pair's ratios, in the order measured. */
  pairs: { throughput: number; p99: number }[];
  ok: boolean;
}

/** Counts writes across phases, so each profile's age keeps alternating and every write changes something. */
let writeNumber = 0;

/** Starts the editor in its own process (isolation-writer.ts); `finish` stops it and returns what it did. */
function startWriter(base: string, session: WriterSession, tag: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(HERE, 'isolation-writer.ts')], {
    env: {
      ...process.env,
      WRITER_BASE: base,
      WRITER_COOKIE: session.cookie,
      WRITER_CSRF: session.csrf,
      WRITER_RATE: String(WRITER_RATE),
      WRITER_TAG: tag,
      WRITER_START: String(writeNumber),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async finish(): Promise<{ writes: number; failed: string[]; seconds: number }> {
      child.kill('SIGTERM');
      await exited;
      const report = JSON.parse(out.trim() || '{"writes":0,"next":0,"failed":["the writer printed nothing"],"seconds":0}') as {
        writes: number;
        next: number;
        failed: string[];
        seconds: number;
      };
      writeNumber = Math.max(writeNumber, report.next);
      return { writes: report.writes, failed: report.failed, seconds: report.seconds };
    },
  };
}

/** Waits until the writer has started writing, so the whole measured phase has the writer. */
async function writerWarm(): Promise<void> {
  await new Promise((r) => setTimeout(r, 1500));
}

async function readPhase(base: string, connections: number, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: base,
    connections,
    duration,
    pipelining: 1,
    requests: UNTOUCHED_READS.map((path) => ({ method: 'GET', path })),
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface Phase {
  result: autocannon.Result;
  writes: number;
  failed: string[];
  /** How long the writer ran (it starts before the readers and stops after them). */
  seconds: number;
}

function sum(results: Phase[], seconds: number): PhaseFigures {
  const requests = results.reduce((s, r) => s + r.result.requests.total, 0);
  const writes = results.reduce((s, r) => s + r.writes, 0);
  const writerSeconds = results.reduce((s, r) => s + r.seconds, 0);
  return {
    requests,
    seconds,
    rps: requests / seconds,
    p99: results.reduce((s, r) => s + r.result.latency.p99, 0) / results.length,
    p50: results.reduce((s, r) => s + r.result.latency.p50, 0) / results.length,
    errors: results.reduce((s, r) => s + r.result.errors + r.result.timeouts, 0),
    non2xx: results.reduce((s, r) => s + r.result.non2xx, 0),
    writes,
    writesPerSecond: writerSeconds ? writes / writerSeconds : 0,
    failedWrites: results.flatMap((r) => r.failed),
  };
}

export async function readIsolation(
  base: string,
  session: WriterSession,
  options: { connections: number; duration: number; tag: string },
): Promise<IsolationResult> {
  await readPhase(base, options.connections, Math.min(3, options.duration)); // warm-up: caches, JIT, pool
  const quiet: Phase[] = [];
  const busy: typeof quiet = [];
  const throughputRatios: number[] = [];
  const p99Ratios: number[] = [];
  const quietPhase = async () => {
    const calm = await readPhase(base, options.connections, options.duration);
    quiet.push({ result: calm, writes: 0, failed: [], seconds: 0 });
    return calm;
  };
  const writerPhase = async (round: number) => {
    const writer = startWriter(base, session, `${options.tag}-${round}`);
    await writerWarm();
    const result = await readPhase(base, options.connections, options.duration);
    const written = await writer.finish();
    busy.push({ result, ...written });
    return { result, written };
  };
  for (let round = 0; round < ROUNDS; round++) {
    // Quiet first in even rounds, writer first in odd ones: a steady drift of the machine's load
    // then favours neither side of a pair.
    let calm: autocannon.Result;
    let busyPhase: Awaited<ReturnType<typeof writerPhase>>;
    if (round % 2 === 0) {
      calm = await quietPhase();
      busyPhase = await writerPhase(round);
    } else {
      busyPhase = await writerPhase(round);
      calm = await quietPhase();
    }
    const { result, written } = busyPhase;
    throughputRatios.push(result.requests.total / Math.max(1, calm.requests.total));
    p99Ratios.push(result.latency.p99 / Math.max(1, calm.latency.p99));
    console.log(
      `  ${options.tag} round ${round + 1}: quiet ${calm.requests.average.toFixed(0)} req/s p99 ${calm.latency.p99} ms; ` +
        `with writer (${written.writes} writes) ${result.requests.average.toFixed(0)} req/s p99 ${result.latency.p99} ms`,
    );
  }
  const seconds = ROUNDS * options.duration;
  const q = sum(quiet, seconds);
  const w = sum(busy, seconds);
  // The median of the rounds' paired ratios: one round disturbed by another job on the shared
  // machine does not decide the result.
  const p99Ratio = median(p99Ratios);
  const throughputRatio = median(throughputRatios);
  return {
    quiet: q,
    writer: w,
    p99Ratio,
    throughputRatio,
    pairs: throughputRatios.map((throughput, i) => ({ throughput, p99: p99Ratios[i] as number })),
    ok: p99Ratio <= P99_LIMIT && throughputRatio >= THROUGHPUT_FLOOR,
  };
}
