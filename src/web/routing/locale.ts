import type { Lang } from '../../domain/facts.ts';

/**
 * Picks the portal language from an Accept-Language header: Indonesian when the reader ranks it
 * above English (or lists no English at all), English otherwise. `in` is the old code for Indonesian.
 */
export function preferredLang(header: string | null | undefined): Lang {
  let best: Lang = 'en';
  let bestQ = 0;
  for (const part of (header ?? '').split(',')) {
    const [tag = '', ...params] = part.split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    const lang: Lang | null = primary === 'id' || primary === 'in' ? 'id' : primary === 'en' ? 'en' : null;
    if (!lang) continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
      if (m) q = Number(m[1]);
    }
    if (Number.isFinite(q) && q > bestQ) {
      best = lang;
      bestQ = q;
    }
  }
  return best;
}

/** The language a path is in, from its first segment; English for anything else. */
export function langOfPath(path: string): Lang {
  return path === '/id' || path.startsWith('/id/') ? 'id' : 'en';
}

/** The part of a portal path after its language prefix ('/en/instruments' → '/instruments'). */
export function pathWithoutLang(path: string): string | null {
  const m = /^\/(en|id)(\/.*)?$/.exec(path);
  if (!m) return null;
  return m[2] ?? '/';
}
