import type { Actor } from '../../domain/access/policy.ts';
import type { Lang } from '../../domain/facts.ts';
import { type Formats, formatsFor } from '../i18n/format.ts';
import { type Dict, dictFor } from '../i18n/index.ts';

/** The signed-in reader: who, and the token their forms must carry (`_csrf`). */
export interface PortalSession {
  actor: Actor;
  /** Empty for a request signed with an API token (no cookie, so no CSRF token is needed). */
  csrfToken: string;
}

/** What every view needs to know about the request it renders. */
export interface View {
  lang: Lang;
  t: Dict;
  f: Formats;
  /** Path after the language prefix, always starting with '/' (e.g. '/instruments/C138'). */
  path: string;
  /** Raw query string including '?', or '' (kept by the language switch). */
  search: string;
  /** The signed-in reader, or null: a page with a session is personal and never shared or cached. */
  session: PortalSession | null;
}

export function createView(lang: Lang, path: string, search: string, session: PortalSession | null = null): View {
  return { lang, t: dictFor(lang), f: formatsFor(lang), path: path || '/', search, session };
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'id' : 'en';
}

/** A portal URL in the view's language. */
export function href(v: View, path: string): string {
  return `/${v.lang}${path}`;
}

/** A query string from the non-empty entries; '' when nothing is left. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
