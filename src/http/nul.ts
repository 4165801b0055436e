import type { Context } from 'hono';
import { invalid } from '../domain/errors.ts';

/**
 * U+0000 cannot be stored in PostgreSQL text (the driver fails with a 500) while SQLite accepts it,
 * so it is refused at the edge, the same on both: in the URL (%00) and in JSON bodies (\u0000).
 */
export const NUL_IN_URL = /%00|\0/i;
const NUL_IN_JSON = /(?<!\\)(?:\\\\)*\\u0000|\0/;
/** Streamed, never buffered: the screener refuses NUL itself, row by row; a document upload has its own size limit (document-routes.ts). */
export const STREAMED_UPLOADS = new Set(['/api/compliance/screen', '/api/documents']);
/** Streamed uploads whose path carries an id (issue 11: a unit's screening import, capped by its route). */
const STREAMED_UPLOAD_PATTERNS = [/^\/api\/units\/[^/]+\/cases\/import$/];

export function isStreamedUpload(path: string): boolean {
  return STREAMED_UPLOADS.has(path) || STREAMED_UPLOAD_PATTERNS.some((p) => p.test(path));
}

export const nulRefused = (where: string) =>
  invalid(`The ${where} contains a NUL character (U+0000), which is not accepted.`, [{ field: where, message: 'contains U+0000' }]);

/** Throws the 400 for a JSON body with U+0000. The body is buffered (and capped) before this runs. */
export async function refuseNulInJsonBody(c: Context): Promise<void> {
  if (!c.req.raw.body || !/json/i.test(c.req.header('content-type') ?? '')) return;
  if (isStreamedUpload(new URL(c.req.url).pathname)) return;
  if (NUL_IN_JSON.test(await c.req.text())) throw nulRefused('body');
}
