import { once } from 'node:events';
import type { Writable } from 'node:stream';

const SLAB = 1 << 20;

/**
 * Output bytes are appended into 1 MiB slabs synchronously while a chunk is parsed, and handed to
 * the stream between chunks (`flush`), awaiting 'drain' when `write` returns false. A slab region
 * already handed to `write` is never written again, so no copy is made for the stream.
 */
export class OutBuffer {
  buf: Buffer = Buffer.allocUnsafeSlow(SLAB);
  pos = 0;
  private flushed = 0;
  private readonly pending: Buffer[] = [];

  constructor(private readonly out: Writable) {}

  /** Makes room for `n` more bytes (starting a new slab if needed). */
  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    if (this.pos > this.flushed) this.pending.push(this.buf.subarray(this.flushed, this.pos));
    this.buf = Buffer.allocUnsafeSlow(Math.max(SLAB, n));
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
    if (this.pos > this.flushed) {
      this.pending.push(this.buf.subarray(this.flushed, this.pos));
      this.flushed = this.pos;
    }
    for (let i = 0; i < this.pending.length; i++) {
      if (!this.out.write(this.pending[i])) await once(this.out, 'drain');
    }
    this.pending.length = 0;
  }
}

/** A CSV field from a string, quoted as needed. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
