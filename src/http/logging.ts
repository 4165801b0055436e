/**
 * Structured logs: one JSON line per request and one per unexpected error, through pino.
 *
 * What is logged is chosen field by field (method, path, query *keys*, status, duration, request
 * id, user id): headers, cookies and bodies are never handed to the logger, so passwords, session
 * cookies, API tokens and CSRF tokens cannot reach it by that route. `redact` is the second line
 * of defence, for anything a future caller might pass by mistake.
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config/env.ts';
import { authState } from './auth.ts';

export type { Logger } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';
/** An incoming id is kept only if it cannot smuggle anything into a log line or a header. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Paths pino blanks out wherever they appear in a log object (defence in depth). */
export const REDACTED_PATHS = [
  'password',
  'current',
  'next',
  'token',
  'csrfToken',
  'sessionToken',
  'cookie',
  'authorization',
  '*.password',
  '*.current',
  '*.next',
  '*.token',
  '*.csrfToken',
  '*.sessionToken',
  '*.cookie',
  '*.authorization',
  'headers.cookie',
  'headers.authorization',
  'headers["set-cookie"]',
  'headers["x-csrf-token"]',
  '*.headers.cookie',
  '*.headers.authorization',
  '*.headers["set-cookie"]',
  '*.headers["x-csrf-token"]',
  'body',
  '*.body',
];

export interface LoggerOptions {
  level: Config['logLevel'];
  /** Where the JSON lines go (default: stdout). Tests pass a stream to read what was logged. */
  destination?: DestinationStream;
}

export function createLogger({ level, destination }: LoggerOptions): Logger {
  const options = {
    level,
    base: { service: 'tripartite' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that writes nothing: the default when the app is built without one (most tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

export function requestIdOf(c: Context): string {
  return (c.get('requestId' as never) as string | undefined) ?? 'unknown';
}

/** The app's logger, for a handler that must log after its response has started (a streamed download). */
export function loggerOf(c: Context): Logger {
  return (c.get('logger' as never) as Logger | undefined) ?? silentLogger();
}

/** `?q=secret&page=2` → `['page', 'q']`: the keys say what was asked, the values may hold anything. */
export function queryKeys(url: string): string[] | undefined {
  const at = url.indexOf('?');
  if (at === -1) return undefined;
  const keys = new Set<string>();
  for (const key of new URLSearchParams(url.slice(at + 1)).keys()) keys.add(key.slice(0, 40));
  return keys.size ? [...keys].sort().slice(0, 20) : undefined;
}

function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const end = url.indexOf('?');
  return start === -1 ? '/' : url.slice(start, end === -1 ? undefined : end);
}

/**
 * First middleware: takes or makes the request id, echoes it in `x-request-id`, and logs one line
 * when the response is ready (after the error handler, so a 500 is logged with its status).
 */
export function requestLogging(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header(REQUEST_ID_HEADER);
    const requestId = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId' as never, requestId as never);
    c.set('logger' as never, logger as never);
    // Set before the handler runs: touching c.res afterwards makes the Node adapter rebuild the response.
    c.header(REQUEST_ID_HEADER, requestId);
    await next();
    copyMissingHeaders(c.res, [[REQUEST_ID_HEADER, requestId]]);
    const status = c.res.status;
    const level = status >= 500 ? 'error' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    const url = c.req.url;
    logger[level](
      {
        requestId,
        method: c.req.method,
        path: pathOf(url),
        query: queryKeys(url),
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        userId: authState(c).actor?.id,
      },
      'request',
    );
  };
}

/**
 * Headers set with c.header() before the handler ran are lost when a handler returns a Response it
 * built itself (a streamed download); this puts back the missing ones. Cheap: a Hono-built response
 * already has them and is left alone.
 */
export function copyMissingHeaders(res: Response, headers: [string, string][]): void {
  try {
    for (const [name, value] of headers) if (!res.headers.has(name)) res.headers.set(name, value);
  } catch {
    // Immutable headers (a fetch() response passed through): nothing to add to.
  }
}

/** An error the app did not expect: logged with its stack; the client sees only the request id. */
export function logUnexpectedError(logger: Logger, c: Context, error: unknown): void {
  logger.error(
    {
      requestId: requestIdOf(c),
      method: c.req.method,
      path: pathOf(c.req.url),
      err: error instanceof Error ? error : new Error(String(error)),
    },
    'unexpected error',
  );
}
