import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * A size limit for an upload route that holds whichever way the body arrives: counted as it is read
 * (hono's bodyLimit), or, when an earlier middleware has already read it (the CSRF check reads a
 * form's token from the body: src/http/auth.ts), by its Content-Length, the parsed file's size being
 * checked again by the handler. Counting a body already read would fail on its locked stream.
 */
export function uploadLimit(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counting = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    if (c.req.raw.bodyUsed) {
      const length = Number(c.req.header('content-length') ?? 0);
      if (length > maxSize) return onError(c);
      return next();
    }
    return counting(c, next);
  };
}
