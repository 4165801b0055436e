import { once } from 'node:events';
import { WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

const SLAB = 1 << 20;
/** Slabs kept for reuse: more than are ever in flight (a chunk fills about 7). */
const MAX_POOL = 16;

interface Slab {
  buf: Buffer;
  /** Parts handed to the stream and not yet written. */
  writing: number;
  /** Full: no more bytes go into it; back to the pool once `writing` is 0. */
  retired: boolean;
}

/**
 * Output bytes are appended into 1 MiB slabs synchronously while a chunk is parsed, and handed to
 * the stream between chunks (`flush`), awaiting 'drain' when `write` returns false. A slab region
 * handed to `write` is never written again. For a file stream, whose write callback means the
 * bytes are in the file, a full slab goes back to a small pool once all of it is written, so the
 * output costs a few MiB whatever the file size. Other streams may keep the chunks they are given
 * (a PassThrough does), so their slabs are never reused.
 */
export class OutBuffer {
  buf: Buffer;
  /** Over `buf`, for copies four bytes at a time. */
  private view: DataView;
  pos = 0;
  private slab: Slab;
  private flushed = 0;
  private readonly queued: { slab: Slab; part: Buffer }[] = [];
  private readonly pool: Buffer[] = [];
  private readonly reuse: boolean;

  constructor(private readonly out: Writable) {
    this.reuse = out instanceof WriteStream;
    this.slab = { buf: Buffer.allocUnsafeSlow(SLAB), writing: 0, retired: false };
    this.buf = this.slab.buf;
    this.view = viewOf(this.buf);
  }

  /** Makes room for `n` more bytes (starting a new slab if needed). */
  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.queuePart();
    const old = this.slab;
    old.retired = true;
    this.release(old);
    const buf = n <= SLAB ? (this.pool.pop() ?? Buffer.allocUnsafeSlow(SLAB)) : Buffer.allocUnsafeSlow(n);
    this.slab = { buf, writing: 0, retired: false };
    this.buf = buf;
    this.view = viewOf(buf);
    this.pos = 0;
    this.flushed = 0;
  }

  bytes(src: Uint8Array, s: number, e: number): void {
    const n = e - s;
    this.reserve(n);
    const buf = this.buf;
    let p = this.pos;
    if (n > 64) buf.set(src.subarray(s, e), p);
    else for (let i = s; i < e; i++) buf[p++] = src[i]!;
    this.pos += n;
  }

  /**
   * `bytes` for the hot path: `view` is a DataView over `src`. Whole 32-bit words are moved through
   * getInt32/setInt32 (bit-exact, unlike a Float64 move, which may rewrite a NaN), about 2.5 times
   * faster than byte by byte for a row of 30 to 60 bytes, and faster than a native copy call.
   */
  words(src: Uint8Array, view: DataView, s: number, e: number): void {
    this.reserve(e - s);
    const dv = this.view;
    let p = this.pos;
    let i = s;
    for (; i + 4 <= e; i += 4, p += 4) dv.setInt32(p, view.getInt32(i, true), true);
    const buf = this.buf;
    for (; i < e; i++) buf[p++] = src[i]!;
    this.pos = p;
  }

  byte(c: number): void {
    this.reserve(1);
    this.buf[this.pos++] = c;
  }

  string(s: string): void {
    const n = Buffer.byteLength(s);
    this.reserve(n);
    this.pos += this.buf.write(s, this.pos);
  }

  /** A field, quoted when it holds a comma, a quote, CR or LF (RFC 4180). */
  field(src: Uint8Array, s: number, e: number): void {
    let special = false;
    for (let i = s; i < e; i++) {
      const c = src[i]!;
      if (c === 44 || c === 34 || c === 10 || c === 13) {
        special = true;
        break;
      }
    }
    if (!special) {
      this.bytes(src, s, e);
      return;
    }
    this.reserve(2 * (e - s) + 2);
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = 34;
    for (let i = s; i < e; i++) {
      const c = src[i]!;
      if (c === 34) buf[p++] = 34;
      buf[p++] = c;
    }
    buf[p++] = 34;
    this.pos = p;
  }

  async flush(): Promise<void> {
    this.queuePart();
    while (this.queued.length > 0) {
      const { slab, part } = this.queued.shift()!;
      const more = this.out.write(part, () => {
        slab.writing--;
        this.release(slab);
      });
      if (!more) await once(this.out, 'drain');
    }
  }

  private queuePart(): void {
    if (this.pos <= this.flushed) return;
    this.slab.writing++;
    this.queued.push({ slab: this.slab, part: this.buf.subarray(this.flushed, this.pos) });
    this.flushed = this.pos;
  }

  private release(slab: Slab): void {
    if (this.reuse && slab.retired && slab.writing === 0 && slab.buf.length === SLAB && this.pool.length < MAX_POOL) {
      slab.retired = false;
      this.pool.push(slab.buf);
    }
  }
}

export function viewOf(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** A CSV field from a string, quoted as needed. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
