/**
 * Worker thread for parallel file screening (parallel.ts): screens the ranges it is given with its
 * own Screener and cache, reading them straight from the file. It claims ranges through the
 * shared counter until none is left, posts each range's result, then its statistics.
 */
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { CountryFacts } from '../domain/child-labour/index.ts';
import { CHILD_LABOUR_ENGINE } from './index.ts';
import { claimJob, type RangeWorkerData, readBuffers, runRange, type WorkerReply } from './parallel.ts';
import { Screener } from './screen.ts';

const data = workerData as RangeWorkerData;
const port = parentPort!;
const screener = new Screener(CHILD_LABOUR_ENGINE, {
  on: data.on,
  facts: new Map(data.facts as [string, CountryFacts][]),
  maxErrors: data.maxErrors,
});
screener.applyHeader(data.header);
const fh = await open(data.path, 'r');
const bufs = readBuffers();
const control = new Int32Array(data.control);
const reply = (m: WorkerReply) => port.postMessage(m);

try {
  for (let job = claimJob(control, data.jobs); job; job = claimJob(control, data.jobs)) {
    const r = await runRange(screener, fh, data.size, job.start, job.stopAt, bufs);
    reply({ result: r, bytes: r.end - r.start });
  }
  reply({ closed: true, stats: screener.stats() });
} catch (err) {
  const e = err instanceof Error ? err : new Error(String(err));
  reply({ error: { name: e.name, message: e.message } });
} finally {
  await fh.close();
  port.close();
}
