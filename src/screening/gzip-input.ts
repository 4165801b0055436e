import { once } from 'node:events';
import { createGunzip } from 'node:zlib';
import { ScreenInputError } from './errors.ts';

/** The first two bytes of every gzip stream (RFC 1952); no UTF-8 CSV starts with 0x1F. */
export function isGzipHead(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

function bytesOf(piece: Buffer | Uint8Array | string): Buffer {
  if (typeof piece === 'string') return Buffer.from(piece);
  return Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
}

/** A zlib failure (corrupt or cut-short data) as the screener reports an unreadable input. */
export function gzipProblem(error: unknown): ScreenInputError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  if (!code.startsWith('Z_') && code !== 'ERR_ZLIB_INITIALIZATION_FAILED') return null;
  return new ScreenInputError('unreadable', `the input is not readable gzip data (${(error as Error).message})`, { cause: error });
}

/**
 * The input's bytes, decompressed as they stream when they start with the gzip magic number: a
 * register gzip'd before a slow upload, or piped in compressed, is screened as it is. Plain input
 * passes through untouched (its chunks are not copied; the screener copies what it keeps).
 */
export async function* plainBytes(input: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<Buffer> {
  const it = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  while (headBytes < 2) {
    const r = await it.next();
    if (r.done) break;
    const b = bytesOf(r.value);
    if (b.length === 0) continue;
    head.push(b);
    headBytes += b.length;
  }
  const first = head.length === 1 ? (head[0] as Buffer) : Buffer.concat(head);
  if (!isGzipHead(first)) {
    if (first.length > 0) yield first;
    for (let r = await it.next(); !r.done; r = await it.next()) yield bytesOf(r.value);
    return;
  }
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  const stop = new AbortController();
  const write = async (b: Buffer) => {
    if (!gunzip.write(b)) await once(gunzip, 'drain', { signal: stop.signal });
  };
  // Chunks are copied into the decompressor: zlib reads them later, and a caller may reuse its buffers.
  const feeding = (async () => {
    try {
      await write(Buffer.from(first));
      for (let r = await it.next(); !r.done && !stop.signal.aborted; r = await it.next()) await write(Buffer.from(bytesOf(r.value)));
      gunzip.end();
    } catch (error) {
      if (!stop.signal.aborted) gunzip.destroy(error as Error);
    }
  })();
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (error) {
    throw gzipProblem(error) ?? error;
  } finally {
    // The reader stopped (done, or a required column missing): stop feeding and let the input go.
    stop.abort();
    gunzip.destroy();
    await feeding;
    await it.return?.();
  }
}
