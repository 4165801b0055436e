import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { OPEN_API_POSTS } from './api/write-access.ts';
import { SESSION_COOKIE } from './auth.ts';
import { copyMissingHeaders } from './logging.ts';
import { problem, problemResponse } from './problem.ts';

/**
 * Cross-origin access to /api (CORS). The read API is open data: any site may read it from a
 * browser, without credentials (`Access-Control-Allow-Origin: *`). So may the compliance check and
 * screening, which store nothing. A write from another site is allowed only from an origin the
 * operator lists (TRIPARTITE_CORS_WRITE_ORIGINS) and only with an API token: never with the
 * session cookie, which a browser would attach on its own (that is what CSRF abuses).
 */
export interface CorsOptions {
  /** Origins (scheme://host[:port]) whose scripts may write with an API token. */
  writeOrigins: readonly string[];
}

const READ_METHODS = new Set(['GET', 'HEAD']);
/** The compliance check and screening: computations that change nothing, callable from anywhere. */
const OPEN_COMPUTATIONS = OPEN_API_POSTS.filter((path) => path !== '/api/auth/login');
const EXPOSED = 'X-Request-Id, Content-Disposition, Retry-After';
const PREFLIGHT_MAX_AGE = '600';

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

export function isOpenToAnyOrigin(method: string, path: string): boolean {
  return READ_METHODS.has(method) || method === 'OPTIONS' || (method === 'POST' && OPEN_COMPUTATIONS.includes(path));
}

/**
 * May this cross-origin unsafe request go on? Used by the CSRF check, which refuses every other
 * request from another site. A write needs a listed origin, an API token and no session cookie.
 */
export function crossOriginWriteAllowed(c: Context, options: CorsOptions, via: 'session' | 'token' | null): boolean {
  const path = new URL(c.req.url).pathname;
  if (!isApiPath(path)) return false;
  if (c.req.method === 'POST' && OPEN_COMPUTATIONS.includes(path)) return true;
  const origin = c.req.header('origin');
  if (!origin || !options.writeOrigins.includes(origin)) return false;
  return via === 'token' && getCookie(c, SESSION_COOKIE) === undefined;
}

export function cors(options: CorsOptions): MiddlewareHandler {
  const writeOrigins = new Set(options.writeOrigins);
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (!isApiPath(path)) return next();
    const origin = c.req.header('origin');
    const requested = c.req.header('access-control-request-method')?.toUpperCase();

    if (c.req.method === 'OPTIONS' && origin && requested) {
      c.header('vary', 'Origin', { append: true });
      if (isOpenToAnyOrigin(requested, path) && requested !== 'OPTIONS') {
        c.header('access-control-allow-origin', '*');
        c.header('access-control-allow-methods', READ_METHODS.has(requested) ? 'GET, HEAD' : 'POST');
        c.header('access-control-allow-headers', 'Accept, Accept-Language, Content-Type, If-None-Match, X-Request-Id');
        c.header('access-control-max-age', PREFLIGHT_MAX_AGE);
        return c.body(null, 204);
      }
      // Signing in needs the cookie it sets, which no other site may use: refused from every origin.
      if (writeOrigins.has(origin) && path !== '/api/auth/login') {
        c.header('access-control-allow-origin', origin);
        c.header('access-control-allow-methods', 'GET, HEAD, POST, PUT, PATCH, DELETE');
        // No Access-Control-Allow-Credentials: the browser keeps the cookie out; the token is the credential.
        c.header('access-control-allow-headers', 'Authorization, Content-Type, Accept, Accept-Language, X-Request-Id');
        c.header('access-control-max-age', PREFLIGHT_MAX_AGE);
        return c.body(null, 204);
      }
      return problemResponse(
        c,
        problem(
          403,
          `Writes from ${origin} are not allowed. Other sites may read the API; only the origins listed in TRIPARTITE_CORS_WRITE_ORIGINS may write, with an API token.`,
          { instance: path },
        ),
      );
    }

    const headers: [string, string][] = [];
    if (isOpenToAnyOrigin(c.req.method, path)) headers.push(['access-control-allow-origin', '*']);
    else if (origin && writeOrigins.has(origin)) {
      // The answer (also a refusal) is readable by the listed site, and only by it.
      headers.push(['access-control-allow-origin', origin]);
      c.header('vary', 'Origin', { append: true });
    }
    if (headers.length) headers.push(['access-control-expose-headers', EXPOSED]);
    for (const [name, value] of headers) c.header(name, value);
    await next();
    // A handler that builds its own Response (the streamed CSV) bypasses c.header().
    copyMissingHeaders(c.res, headers);
  };
}
