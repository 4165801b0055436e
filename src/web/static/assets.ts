import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The one stylesheet, read once at start-up. */
export const STYLESHEET = readFileSync(new URL('./site.css', import.meta.url), 'utf8');

const STYLESHEET_HASH = createHash('sha256').update(STYLESHEET).digest('hex').slice(0, 12);

/** Versioned URL: the file is cached for a year, and a changed file gets a new URL. */
export const STYLESHEET_HREF = `/static/site.css?v=${STYLESHEET_HASH}`;
export const STYLESHEET_ETAG = `"${STYLESHEET_HASH}"`;
