import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Lang } from '../../domain/facts.ts';
import { authState } from '../../http/auth.ts';
import { encodedBody } from '../../http/compression.ts';
import { createView, type PortalSession, type View } from '../views/view.ts';
import { pathWithoutLang } from './locale.ts';

/** A rendered page: UTF-8 once, at render time, so a reused page is sent without encoding it again. */
export interface Rendered {
  status: ContentfulStatusCode;
  body: Uint8Array<ArrayBuffer>;
}

const utf8 = new TextEncoder();

export function rendered(body: string, status: ContentfulStatusCode = 200): Rendered {
  return { status, body: utf8.encode(body) };
}

/** Anonymous pages are the same for everyone: a browser or proxy may keep them a minute. */
export const PUBLIC_CACHE = 'public, max-age=60';
/** A page with the reader's name, forms and tokens in it is theirs alone and never stored. */
export const PRIVATE_CACHE = 'private, no-store';

/**
 * Sends a page. `personal` pages (a signed-in reader's) are never cached; public ones vary by
 * cookie, so a page kept from before signing in is not shown after it.
 */
export function sendPage(c: Context, body: Uint8Array<ArrayBuffer>, status: ContentfulStatusCode, personal: boolean): Response {
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=UTF-8', vary: 'Accept-Encoding' };
  if (personal || status !== 200) headers['cache-control'] = personal ? PRIVATE_CACHE : 'no-store';
  else {
    headers['cache-control'] = PUBLIC_CACHE;
    headers.vary = 'Cookie, Accept-Encoding';
  }
  // A reused page (RenderMemo) is compressed once, not once per request. A signed-in reader's page
  // holds their CSRF token and is sent as it is (compression.ts: BREACH).
  const sent = personal ? { body, encoding: null } : encodedBody(c.req.header('accept-encoding'), body, () => body);
  if (sent.encoding) headers['content-encoding'] = sent.encoding;
  return c.body(sent.body, status, headers);
}

/** The signed-in reader of this request (cookie session or API token), or null. */
export function sessionOf(c: Context): PortalSession | null {
  const { actor, csrfToken } = authState(c);
  return actor ? { actor, csrfToken: csrfToken ?? '' } : null;
}

export function viewOf(c: Context, lang: Lang): View {
  const url = new URL(c.req.url);
  return createView(lang, pathWithoutLang(url.pathname) ?? '/', url.search, sessionOf(c));
}

/** Post/Redirect/Get: after a change, the browser loads the result with a GET (303 See Other). */
export function seeOther(c: Context, location: string): Response {
  c.header('cache-control', 'no-store');
  return c.redirect(location, 303);
}

/**
 * Where to go after signing in: only a path of this site in the page's language (`/en/…`), never
 * another host (`//evil.example`, `/\evil.example`) or a path that escapes the prefix (`/en/../x`).
 */
export function safeNext(lang: Lang, raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 1000) return null;
  if (!raw.startsWith(`/${lang}/`)) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused here.
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return null;
  const origin = 'http://portal.invalid';
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || !url.pathname.startsWith(`/${lang}/`)) return null;
  if (url.pathname === `/${lang}/login` || url.pathname === `/${lang}/logout`) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The same path with `name=value` added to its query (kept before any #fragment). */
export function withParam(path: string, name: string, value: string): string {
  const url = new URL(path, 'http://portal.invalid');
  url.searchParams.set(name, value);
  return `${url.pathname}${url.search}${url.hash}`;
}
