/**
 * Response compression, for readers on slow mobile connections: a 60 KB instrument page is ~8 KB
 * with Brotli, a 170 KB JSON document ~15 KB.
 *
 * - Pages, JSON, CSS and scripts are compressed whole (Brotli quality 5, or gzip) and the result is
 *   kept in a small cache keyed by a digest of the body: the shared pages and documents are
 *   compressed once, not once per request. A digest costs ~0.3 ms for 170 KB, compressing it ~3 ms.
 * - CSV (exports, screening results of any size) is compressed as it streams, at a faster setting.
 * - Bodies under 1 KB, responses already encoded and HEAD requests are left alone.
 * Every compressible response says `Vary: Accept-Encoding`, so a shared cache never hands a
 * compressed page to a client that cannot read it.
 *
 * Responses to a signed-in request (session cookie or API token) are not compressed, except the
 * registry's shared documents: they carry the reader's CSRF token and reflect what the request
 * sent, and compressing secrets next to attacker-chosen text lets their length leak the secret
 * (BREACH). Anonymous pages hold no secret.
 */
import { createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { SESSION_COOKIE } from './auth.ts';

export type Encoding = 'br' | 'gzip';

const MIN_BYTES = 1024;
const WHOLE =
  /^(?:text\/html|text\/css|text\/javascript|application\/javascript|application\/(?:problem\+)?json|image\/svg\+xml|text\/plain)\b/i;
const STREAMED = /^text\/csv\b/i;
const CACHE_ENTRIES = 256;
const CACHE_MAX_BODY = 2 << 20;
/** Compressed bytes kept at most (compressed pages are ~8 KB, the largest documents ~20 KB). */
const CACHE_BYTES = 16 << 20;

/**
 * The encoding to answer with: Brotli when the client accepts it, else gzip; none when it accepts
 * neither (or refuses both with q=0).
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name: Encoding) => q.get(name) ?? q.get('*') ?? 0;
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

export function compressWhole(body: Uint8Array, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipSync(body, { level: 6 });
}

/** Recently compressed bodies by digest and encoding, least recently used first out, within a byte budget. */
class CompressedCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  get(key: string): Buffer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: Buffer): void {
    if (this.entries.has(key)) return;
    this.entries.set(key, value);
    this.bytes += value.byteLength;
    while (this.entries.size > CACHE_ENTRIES || this.bytes > CACHE_BYTES) {
      const [oldest, dropped] = this.entries.entries().next().value as [string, Buffer];
      this.entries.delete(oldest);
      this.bytes -= dropped.byteLength;
    }
  }
}

const SHARED = new WeakMap<object, Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>>();

/**
 * The body to send for `owner`, an object the caller reuses across requests (a rendered page, a
 * cached document): compressed for this Accept-Encoding at most once per owner and encoding, and
 * sent as is by the Node adapter's fast path (the middleware leaves an encoded response alone).
 */
export function encodedBody(
  acceptEncoding: string | undefined,
  owner: object,
  bytes: () => Uint8Array<ArrayBuffer>,
): { body: Uint8Array<ArrayBuffer>; encoding: Encoding | null } {
  const encoding = chooseEncoding(acceptEncoding);
  if (!encoding) return { body: bytes(), encoding: null };
  let variants = SHARED.get(owner);
  let body = variants?.[encoding];
  if (!body) {
    const plain = bytes();
    if (plain.byteLength < MIN_BYTES) return { body: plain, encoding: null };
    const zipped = compressWhole(plain, encoding);
    body = new Uint8Array(zipped.buffer, zipped.byteOffset, zipped.byteLength) as Uint8Array<ArrayBuffer>;
    if (!variants) {
      variants = {};
      SHARED.set(owner, variants);
    }
    variants[encoding] = body;
  }
  return { body, encoding };
}

function addVary(headers: Headers): void {
  const vary = headers.get('vary');
  if (vary === '*' || (vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) return;
  headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

/** A strong validator names the bytes sent: the compressed variant gets its own (weak) one. */
function weakenEtag(headers: Headers): void {
  const etag = headers.get('etag');
  if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
}

/** The request carries credentials, so its answer may hold a secret (see above). */
export function credentialed(c: Context): boolean {
  if (c.req.header('authorization')) return true;
  return (c.req.header('cookie') ?? '').includes(`${SESSION_COOKIE}=`);
}

export function compression(): MiddlewareHandler {
  const cache = new CompressedCache();
  return async (c, next) => {
    await next();
    const res = c.res;
    // Only headers and status are read before it is known that the body will be compressed: the
    // Node adapter sends an untouched response by a fast path, which reading `body` would end.
    const status = res.status;
    if (status === 204 || status === 206 || status === 304) return;
    const type = res.headers.get('content-type') ?? '';
    const whole = WHOLE.test(type);
    const streamed = !whole && STREAMED.test(type);
    if (!whole && !streamed) return;
    if (res.headers.has('content-encoding') || /no-transform/i.test(res.headers.get('cache-control') ?? '')) return;
    addVary(res.headers);
    if (c.req.method === 'HEAD' || credentialed(c)) return;
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    if (!encoding || !res.body) return;

    // Hono copies the old response's headers onto a new one: the encoding headers are set after.
    const encoded = (body: BodyInit) => {
      c.res = new Response(body, res);
      const headers = c.res.headers;
      headers.set('content-encoding', encoding);
      headers.delete('content-length');
      weakenEtag(headers);
    };
    if (streamed) {
      const zip = encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : createGzip({ level: 4 });
      // pipeline, not pipe: a client that goes away mid-download destroys the compressor, and with it
      // the source, so the producer (a screening run) stops instead of waiting on a full buffer.
      pipeline(Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>), zip, () => {});
      encoded(Readable.toWeb(zip) as ReadableStream<Uint8Array>);
      return;
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.byteLength < MIN_BYTES) {
      c.res = new Response(bytes, res);
      return;
    }
    let compressed: Buffer | undefined;
    let key: string | null = null;
    if (bytes.byteLength <= CACHE_MAX_BODY) {
      key = `${encoding}:${createHash('sha256').update(bytes).digest('base64')}`;
      compressed = cache.get(key);
    }
    if (!compressed) {
      compressed = compressWhole(bytes, encoding);
      if (key) cache.set(key, compressed);
    }
    encoded(new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.byteLength) as Uint8Array<ArrayBuffer>);
  };
}
