/**
 * Worker thread for parallel file screening (parallel.ts): screens the ranges it is given with its
 * own Screener and cache, reading them straight from the file.
 */
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { CountryFacts } from '../domain/child-labour/index.ts';
import { CHILD_LABOUR_ENGINE } from './index.ts';
import { type RangeWorkerData, readBuffers, runRange, type WorkerReply, type WorkerRequest } from './parallel.ts';
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
const reply = (m: WorkerReply) => port.postMessage(m);

port.on('message', async (m: WorkerRequest) => {
  try {
    if ('close' in m) {
      await fh.close();
      reply({ closed: true, stats: screener.stats() });
      port.close();
      return;
    }
    const r = await runRange(screener, fh, data.size, m.job.start, m.job.stopAt, bufs);
    reply({ result: r, bytes: r.end - r.start });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply({ error: { name: e.name, message: e.message } });
  }
});
port.postMessage('ready');
