/** Helpers for the screener's tests (not used by the screener itself). */
import { Writable } from 'node:stream';
import type { CountryFacts } from '../domain/child-labour/index.ts';
import { readBundle } from '../storage/bundle.ts';
import { BUNDLED_DATA_DIR } from '../storage/paths.ts';
import { countryFactsFromBundle } from './bundle-facts.ts';

let factsPromise: Promise<Map<string, CountryFacts>> | null = null;

/** Facts for every member State in the bundled data (read once). */
export function registryFacts(): Promise<Map<string, CountryFacts>> {
  factsPromise ??= readBundle(BUNDLED_DATA_DIR).then(countryFactsFromBundle);
  return factsPromise;
}

/** A whole CSV text → rows of fields (RFC 4180; LF or CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.endsWith('\r') ? field.slice(0, -1) : field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A Writable that collects what it receives; `slow` makes every write wait a tick (backpressure). */
export class Collector extends Writable {
  private readonly parts: Buffer[] = [];
  writes = 0;
  constructor(private readonly slow = false) {
    super({ highWaterMark: slow ? 16 : 16 * 1024 });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (error?: Error | null) => void): void {
    this.parts.push(Buffer.from(chunk));
    this.writes++;
    if (this.slow) setImmediate(done);
    else done();
  }
  text(): string {
    return Buffer.concat(this.parts).toString('utf8');
  }
}

/** Feeds `data` as the given pieces (byte offsets where to cut). */
export async function* pieces(data: Buffer, cuts: readonly number[]): AsyncGenerator<Buffer> {
  let from = 0;
  for (const cut of cuts) {
    if (cut > from) yield data.subarray(from, cut);
    from = Math.max(from, cut);
  }
  if (from < data.length) yield data.subarray(from);
}
