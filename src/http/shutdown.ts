/**
 * Graceful shutdown of the HTTP server (issue 12, decision 075): stop accepting connections, let
 * the requests in flight finish within a grace period, tell keep-alive clients to go away with
 * `Connection: close`, then destroy whatever is still open (a streamed screening that cannot
 * finish in time is cut, so its client sees an incomplete transfer) and close the database.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { constants } from 'node:os';
import type { Logger } from './logging.ts';

export interface DrainOutcome {
  /** Responses unfinished when the shutdown began. */
  inFlightAtStart: number;
  /** Connections destroyed at the end of the grace period with a response still unfinished. */
  aborted: number;
  /** Idle keep-alive connections closed at the end of the grace period. */
  closedIdle: number;
}

/**
 * Watches the server's connections and responses from now on (call it right after creating the
 * server) and returns the function that drains them. Draining twice returns the same promise.
 */
export function drainer(server: Server): (graceMs: number) => Promise<DrainOutcome> {
  const sockets = new Set<Socket>();
  const unfinished = new Set<ServerResponse>();
  let draining = false;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Prepended: the app may answer synchronously, and the header must be decided before it is sent.
  server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => {
    if (draining) response.shouldKeepAlive = false;
    unfinished.add(response);
    response.once('close', () => unfinished.delete(response));
  });

  async function drain(graceMs: number): Promise<DrainOutcome> {
    draining = true;
    const inFlightAtStart = unfinished.size;
    // Node then sends `Connection: close` and ends the connection after the response. A response
    // whose headers already went out as keep-alive ends its connection at the next request instead.
    for (const response of unfinished) if (!response.headersSent) response.shouldKeepAlive = false;
    const allClosed = new Promise<'closed'>((resolve) => stopListening(server, () => resolve('closed')));
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), graceMs);
    });
    const first = await Promise.race([allClosed, expired]);
    clearTimeout(timer);
    let aborted = 0;
    let closedIdle = 0;
    if (first === 'expired') {
      const busy = new Set([...unfinished].map((response) => response.socket));
      for (const socket of sockets) {
        if (busy.has(socket)) aborted++;
        else closedIdle++;
        // Destroyed, not ended: a chunked body then lacks its last chunk and the client sees the cut.
        socket.destroy();
      }
      await allClosed;
    }
    return { inFlightAtStart, aborted, closedIdle };
  }

  let drained: Promise<DrainOutcome> | null = null;
  return (graceMs) => {
    drained ??= drain(graceMs);
    return drained;
  };
}

/**
 * Closes the listening socket; `done` runs once every connection has ended. Node's http close()
 * would also destroy the idle keep-alive connections at once, which races a client sending its
 * next request on one: that request dies with ECONNRESET. They are left instead to end on their
 * keep-alive timeout, which clients know from the `Keep-Alive: timeout` hint and avoid, or at
 * their next request, answered with `Connection: close`.
 */
function stopListening(server: Server, done: () => void): void {
  const target = server as { closeIdleConnections: () => void };
  target.closeIdleConnections = () => undefined;
  try {
    server.close(() => done());
  } finally {
    delete (target as { closeIdleConnections?: unknown }).closeIdleConnections;
  }
}

export interface ShutdownOptions {
  graceMs: number;
  logger: Logger;
  /** Stops what the services run in the background and closes the database. */
  closeServices: () => Promise<void>;
}

/** The server's `close()`: drain, then close the services; logged, and run once however often called. */
export function gracefulShutdown(server: Server, options: ShutdownOptions): () => Promise<void> {
  const drain = drainer(server);
  let closing: Promise<void> | null = null;
  const run = async () => {
    const started = Date.now();
    options.logger.info({ graceMs: options.graceMs }, 'shutting down: no new connections, finishing requests in flight');
    const outcome = await drain(options.graceMs);
    if (outcome.aborted > 0)
      options.logger.warn(
        { ...outcome, graceMs: options.graceMs },
        `shutdown grace period over: ${outcome.aborted} unfinished response(s) aborted`,
      );
    try {
      await options.closeServices();
    } catch (error) {
      options.logger.error({ reason: (error as Error).message }, 'shutdown: closing the database failed');
    }
    options.logger.info({ ...outcome, shutdownMs: Date.now() - started }, 'shutdown complete');
  };
  return () => {
    closing ??= run();
    return closing;
  };
}

/**
 * The first SIGINT or SIGTERM aborts the returned signal (start a graceful shutdown); a second one
 * exits at once, with 128 + the signal's number as a shell reports it, for an operator who will not wait.
 */
export function shutdownSignal(onForcedExit: (signal: NodeJS.Signals) => void = () => undefined): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) {
      controller.abort();
      return;
    }
    onForcedExit(signal);
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller.signal;
}
