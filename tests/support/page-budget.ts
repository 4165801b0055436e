/**
 * The weight budget of issue 10 ("many open the portal on a phone over a slow connection"), shared
 * by the page-weight test and `npm run bench:pages`: what a page may weigh and what its HTML may
 * reference. Sizes are gzip at level 6, the encoding every browser accepts.
 */
import { gzipSync } from 'node:zlib';

/** HTML of one page, compressed. */
export const HTML_BUDGET_BYTES = 60 * 1024;
/** All scripts of one page together, compressed. */
export const JS_BUDGET_BYTES = 50 * 1024;
/** What every versioned asset under /static must be served with. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** The pages measured: the three the issue names for Lighthouse first, then the portal's others. */
export const BUDGET_PAGES: readonly { name: string; path: string; lighthouse: boolean }[] = [
  { name: 'home', path: '/en/', lighthouse: true },
  { name: 'instrument C138 (map)', path: '/en/instruments/C138', lighthouse: true },
  { name: 'country IDN', path: '/en/countries/IDN', lighthouse: true },
  { name: 'map', path: '/en/map', lighthouse: false },
  { name: 'statistics', path: '/en/statistics', lighthouse: false },
  { name: 'programmes', path: '/en/programmes', lighthouse: false },
  { name: 'search', path: '/en/search?q=pekerja%20anak', lighthouse: false },
  { name: 'data', path: '/en/data', lighthouse: false },
];

export const gzipBytes = (body: string | Uint8Array): number => gzipSync(body, { level: 6 }).byteLength;

/**
 * Every URL the browser fetches while loading the HTML: `src`, `srcset`, `poster` and `data` of any
 * element, and `href` of any element except `<a>` (`<link>`, SVG `<image>` and `<use>`). A link in
 * `<a href>` is a place the reader may choose to go (the sources cited beside every fact), not a
 * request the page makes, and is not counted.
 */
export function resourceUrls(html: string): string[] {
  const urls: string[] = [];
  for (const tag of html.matchAll(/<([a-z][a-z0-9:-]*)\b([^>]*)>/gi)) {
    const name = (tag[1] ?? '').toLowerCase();
    for (const m of (tag[2] ?? '').matchAll(/(?:^|\s)((?:xlink:)?href|src|srcset|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const attr = (m[1] ?? '').toLowerCase();
      if (name === 'a' && attr.endsWith('href')) continue;
      const value = (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&').trim();
      if (attr === 'srcset') urls.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? ''));
      else urls.push(value);
    }
  }
  return urls.filter((u) => u !== '');
}

/** Resources of the HTML from another origin: absolute (`scheme:`, except `data:`) or protocol-relative (`//host`) URLs. */
export function otherOriginUrls(html: string, origin: string): string[] {
  return resourceUrls(html).filter((url) => {
    if (/^data:/i.test(url)) return false;
    if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return false;
    try {
      return new URL(url, origin).origin !== origin;
    } catch {
      return true;
    }
  });
}

/** The page's scripts, and every file it loads from /static (stylesheet, icon, scripts). */
export function pageAssets(html: string): { scripts: string[]; statics: string[] } {
  const scripts = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/gi)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
  return { scripts, statics: resourceUrls(html).filter((u) => u.startsWith('/static/')) };
}

/** Whether an asset URL names its content: a hash of at least 8 hex digits in the file name or in `?v=`. */
export const isHashedAssetUrl = (url: string): boolean =>
  /\/static\/[^?#]*[.-][0-9a-f]{8,}\.[a-z0-9]+(?:$|[?#])|[?&]v=[0-9a-f]{8,}\b/i.test(url);
