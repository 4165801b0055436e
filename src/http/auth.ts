import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Actor } from '../domain/access/policy.ts';
import { DomainError } from '../domain/errors.ts';
import { type AccountService, safeEqual } from '../services/account-service.ts';

export const SESSION_COOKIE = 'tripartite_session';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';
/** Largest form body read to find the CSRF token (the portal's screening upload allows 50 MB). */
export const MAX_FORM_BODY = 50 * 1024 * 1024 + 64 * 1024;

export interface AuthState {
  actor: Actor | null;
  /** How the request authenticated; CSRF applies to cookies only (a token is never sent by a browser on its own). */
  via: 'session' | 'token' | null;
  csrfToken: string | null;
  sessionToken: string | null;
  sessionHash: string | null;
}

export type AuthEnv = { Variables: { auth: AuthState } };

const ANONYMOUS: AuthState = { actor: null, via: null, csrfToken: null, sessionToken: null, sessionHash: null };

export function authState(c: Context): AuthState {
  return (c.get('auth' as never) as AuthState | undefined) ?? ANONYMOUS;
}

function isSecure(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function setSessionCookie(c: Context, token: string, expiresAt: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    // Lax: links from other sites still arrive signed in, but their forms and scripts do not.
    sameSite: 'Lax',
    secure: isSecure(c),
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecure(c) });
}

/** Resolves the actor from the session cookie or an `Authorization: Bearer trp_…` API token. */
export function authenticate(accounts: AccountService, now: () => Date): MiddlewareHandler {
  return async (c, next) => {
    let state = ANONYMOUS;
    const header = c.req.header('authorization');
    if (header) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      const actor = await accounts.tokenUser(token, now());
      if (!actor) throw new DomainError('unauthenticated', 'The API token is not valid (unknown, revoked, or malformed).');
      state = { actor, via: 'token', csrfToken: null, sessionToken: null, sessionHash: null };
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) {
        const session = await accounts.session(cookie, now());
        if (session) {
          state = {
            actor: session.user,
            via: 'session',
            csrfToken: session.csrfToken,
            sessionToken: cookie,
            sessionHash: session.tokenHash,
          };
        }
      }
    }
    c.set('auth' as never, state as never);
    await next();
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery: a browser attaches the session cookie to requests other sites make,
 * so every unsafe request that relies on the cookie must also carry the session's CSRF token
 * (header or form field), and must not come from another site according to the browser.
 */
export function csrfProtection(crossOriginAllowed: (c: Context, via: AuthState['via']) => boolean = () => false): MiddlewareHandler {
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next();
    const state = authState(c);
    // The exceptions (see cors.ts) never rely on the cookie, so the checks below have nothing to protect.
    if (crossOriginAllowed(c, state.via)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site === 'cross-site') throw new DomainError('forbidden', 'Cross-site form submissions are refused.');
    const origin = c.req.header('origin');
    if (origin && origin !== 'null') {
      const own = new URL(c.req.url);
      const host = c.req.header('host') ?? own.host;
      let originHost = '';
      try {
        originHost = new URL(origin).host;
      } catch {}
      if (originHost !== host && originHost !== own.host)
        throw new DomainError(
          'forbidden',
          'Requests from another site are refused (only listed origins may write to the API, with an API token and no cookie).',
        );
    }
    if (state.via === 'session') {
      let sent = c.req.header(CSRF_HEADER) ?? null;
      if (!sent) {
        const type = c.req.header('content-type') ?? '';
        if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
          // The token sits in the form body, which must then be read here; refuse bodies too big to read.
          if (Number(c.req.header('content-length') ?? 0) > MAX_FORM_BODY)
            throw new DomainError('too_large', 'The upload is larger than 50 MB.');
          // A body that says it is a form but cannot be read as one carries no token either: the
          // same refusal as a missing token, never an unexpected error.
          const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
          const v = body[CSRF_FIELD];
          sent = typeof v === 'string' ? v : null;
        }
      }
      if (!sent || !state.csrfToken || !safeEqual(sent, state.csrfToken)) {
        throw new DomainError(
          'forbidden',
          'The form has expired or did not come from this site (missing or wrong CSRF token). Reload the page and try again.',
        );
      }
    }
    return next();
  };
}

export function requireActor(c: Context): Actor {
  const { actor } = authState(c);
  if (!actor) throw new DomainError('unauthenticated', 'Sign in, or send an API token (Authorization: Bearer …), to make changes.');
  return actor;
}
