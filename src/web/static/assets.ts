import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

/** A file served from /static, read once at start-up. */
export interface StaticAsset {
  body: string;
  contentType: string;
  /** The first 12 hex digits of the body's SHA-256: the `v` of a versioned URL. */
  hash: string;
  etag: string;
  /** The URL pages link to: versioned (`?v=<hash>`) for files cached for a year. */
  href: string;
  cacheControl: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Scripts are kept readable in the source and minified once at start-up (a few ms): readers on slow
 * mobile connections get the bytes that run, not the comments that explain them.
 */
function read(name: string): string {
  const source = readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
  return name.endsWith('.js') ? transformSync(source, { loader: 'js', minify: true }).code : source;
}

function asset(name: string, contentType: string, versioned: boolean): StaticAsset {
  const body = read(name);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return {
    body,
    contentType,
    hash,
    etag: `"${hash}"`,
    href: versioned ? `/static/${name}?v=${hash}` : `/static/${name}`,
    // A versioned file changes URL when it changes; the example file keeps its address.
    cacheControl: versioned ? IMMUTABLE : 'public, max-age=3600',
  };
}

/** Every file under /static, by name. */
export const STATIC_ASSETS: ReadonlyMap<string, StaticAsset> = new Map([
  ['site.css', asset('site.css', 'text/css; charset=utf-8', true)],
  ['screen-upload.js', asset('screen-upload.js', 'text/javascript; charset=utf-8', true)],
  ['screening-example.csv', asset('screening-example.csv', 'text/csv; charset=utf-8', false)],
  ['favicon.svg', asset('favicon.svg', 'image/svg+xml', true)],
]);

/**
 * The cache lifetime of one answer: a year only when the URL names the content served (`v` is its
 * hash). A page cached before a deploy may still ask for `?v=<old hash>`: it gets the new file, to
 * be revalidated, not pinned for a year under the old address.
 */
export function cacheControlFor(asset: StaticAsset, version: string | undefined): string {
  return asset.cacheControl === IMMUTABLE && version !== asset.hash ? 'no-cache' : asset.cacheControl;
}

const get = (name: string): StaticAsset => STATIC_ASSETS.get(name) as StaticAsset;

/** The one stylesheet. */
export const STYLESHEET = get('site.css').body;
/** Versioned URL: the file is cached for a year, and a changed file gets a new URL. */
export const STYLESHEET_HREF = get('site.css').href;
export const STYLESHEET_ETAG = get('site.css').etag;

/** The optional upload script of the screening page. */
export const SCREEN_SCRIPT_HREF = get('screen-upload.js').href;
export const SCREENING_EXAMPLE_HREF = get('screening-example.csv').href;
/** The site's icon: linked from every page, so no browser asks for a missing /favicon.ico. */
export const FAVICON_HREF = get('favicon.svg').href;
