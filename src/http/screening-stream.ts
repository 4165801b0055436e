/**
 * The screener's annotated CSV as a streamed HTTP body, shared by `POST /api/compliance/screen?format=csv`
 * and the portal's upload form.
 *
 * The rows go out while the upload is still being read, so a failure part-way (a gzip upload cut
 * short) comes after the 200 has been sent and cannot become an error status. The transfer is then
 * aborted, so the client sees an incomplete download rather than a file that looks complete, and
 * the failure is logged here as one structured line. Left to the Node adapter, an errored body
 * stream is printed as a raw multi-line stack trace for every such request.
 */
import type { ServerResponse } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import type { Context } from 'hono';
import type { CountryFacts } from '../domain/child-labour/index.ts';
import { ScreenInputError, screenCsv } from '../screening/index.ts';
import { loggerOf, requestIdOf } from './logging.ts';
import { startScreeningTimer } from './metrics-hooks.ts';

export interface StreamScreeningOptions {
  on: string;
  facts: ReadonlyMap<string, CountryFacts>;
}

/**
 * Screens `input` and returns the annotated CSV as a web stream. Resolves once the header has been
 * written, so an input that cannot be screened at all (empty, no header, a required column missing)
 * rejects with a ScreenInputError before a byte is sent and the caller can still answer 400.
 */
export async function streamScreening(c: Context, input: Readable, options: StreamScreeningOptions): Promise<ReadableStream<Uint8Array>> {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const screened = startScreeningTimer(c);
  const done = screenCsv(input, { ...options, out });
  const header = new Promise<void>((resolve) => out.once('readable', () => resolve()));
  try {
    await Promise.race([header, done]);
  } catch (error) {
    out.destroy();
    input.destroy();
    throw error;
  }
  let failure: Error | null = null;
  let cancelled = false;
  done.then(
    (summary) => {
      screened(summary.rows);
      out.end();
    },
    (error: unknown) => {
      input.destroy();
      if (cancelled) return; // the client went away first: nothing to abort, nothing more to say
      failure = error instanceof Error ? error : new Error(String(error));
      logFailure(c, failure);
      // What was screened is still buffered: let it drain, then abort (pull below).
      out.end();
    },
  );
  const chunks = out[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // Pulled by the server one chunk at a time: when `pull` finds the rows exhausted, every chunk
  // before has been handed to the connection, so the abort never drops rows already screened.
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (!next.done) controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      else if (failure === null) controller.close();
      else abortTransfer(c, controller, failure);
    },
    cancel() {
      // The client went away: stop reading the upload and make the screener's pending write fail
      // (with a listener, so the error is not an uncaught one).
      cancelled = true;
      out.on('error', () => undefined);
      out.destroy(new Error('the client closed the connection'));
      input.destroy();
    },
  });
}

function logFailure(c: Context, error: Error): void {
  loggerOf(c).warn(
    {
      requestId: requestIdOf(c),
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      reason: error.message,
      problem: error instanceof ScreenInputError ? error.problem : undefined,
    },
    'screening stopped part-way: transfer aborted',
  );
}

/** How long a client that stops reading may hold the half-closed connection of an aborted transfer. */
const ABORT_FLUSH_MS = 30_000;

function abortTransfer(c: Context, controller: ReadableStreamDefaultController<Uint8Array>, error: Error): void {
  // Under the Node server: end the connection once what was written is flushed, without the final
  // chunk, so the client sees the transfer cut. The adapter then sees its writable close and
  // cancels the body quietly, so nothing else is printed.
  const socket = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing?.socket;
  if (socket && !socket.destroyed) {
    socket.end();
    setTimeout(() => socket.destroy(), ABORT_FLUSH_MS).unref();
    return;
  }
  // In-process (app.request, tests): the reader of the body gets the error.
  controller.error(error);
}
