/**
 * The streaming workforce screener: a byte-level CSV state machine over Buffers that classifies
 * every row with the child-labour rule engine, at a flat memory cost whatever the file size.
 *
 * Hot path (a record without a quote): one pass over the bytes records the comma positions, then
 * `fastRow` reads the fields it needs from bytes (the date as integers, the country as 3 letters
 * → index through a 32 Ki table, the work kind by length + first letter), computes the age by
 * integer arithmetic and takes the outcome from a direct slot of the VerdictCache: no string, no
 * Map, no allocation per row. A record that contains a quote takes the RFC 4180 path
 * (`parseQuoted`), which unescapes fields into a scratch buffer and then uses the same decoders.
 * Only the incomplete last record of a chunk is carried (copied) to the next one, so callers may
 * reuse their chunk buffers. Records are bounded by MAX_LINE: a longer one is reported and
 * skipped, and reading resumes after the first line break of that record.
 *
 * Bad rows never throw: each is counted, reported (first `maxErrors`) with its physical line and
 * field, and written to `out` marked `invalid`. Only an input that cannot be screened at all (no
 * header, a required column missing, unreadable) throws ScreenInputError.
 *
 * Range mode (`beginRange`, used by parallel.ts): the same machine started at a record boundary of
 * a file, stopping before the first record at or after a given offset.
 */
import type { Readable } from 'node:stream';
import { ScreenInputError } from './errors.ts';
import { shownValue, valueProblem } from './field-problems.ts';
import { ageAt, parseHoursKey, parseIsoDate, parseNight, parseSex, text, WorkMatcher } from './fields.ts';
import { plainBytes } from './gzip-input.ts';
import { csvField, OutBuffer, viewOf } from './out-buffer.ts';
import type { RowError, ScreeningEngine, ScreenOptions, ScreenStats, ScreenSummary } from './types.ts';
import { CacheMismatchError, VerdictCache } from './verdict-cache.ts';

/** Longest record accepted, in bytes, line terminator excluded. */
export const MAX_LINE = 1 << 20;
export const REQUIRED_COLUMNS = ['worker_id', 'country', 'birth_date', 'work'] as const;
export const OPTIONAL_COLUMNS = ['hours_per_day', 'night', 'sex'] as const;
export const OUTPUT_COLUMNS = ['verdict', 'minimum_age', 'citations'] as const;
export { MAX_AGE } from './fields.ts';

const MAX_HEADER_COLUMNS = 4096;
const PROGRESS_MS = 100;
const NEVER = 2 ** 52;

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

// parseQuoted states
const START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
const CLOSED = 4;
// quote problems
const STRAY_QUOTE = 1;
const TEXT_AFTER_QUOTE = 2;
const UNTERMINATED = 3;

type Phase = 'bom' | 'header' | 'body';

export type ScreenInput = Readable | AsyncIterable<Buffer | Uint8Array | string>;

/**
 * Screens a CSV of workers with the given engine. `index.ts` exports `screenCsv`, this bound to the
 * real child-labour engine.
 */
export async function screenCsvWith<F, V extends string, W extends string>(
  engine: ScreeningEngine<F, V, W>,
  input: ScreenInput,
  options: ScreenOptions<F>,
): Promise<ScreenSummary<V>> {
  const s = new Screener(engine as unknown as ScreeningEngine<F>, options);
  const progress = options.onProgress;
  let last = performance.now();
  try {
    for await (const chunk of plainBytes(input as AsyncIterable<Buffer | Uint8Array | string>)) {
      if (chunk.length === 0) continue;
      s.push(chunk);
      await s.flush();
      if (progress) {
        const now = performance.now();
        if (now - last >= PROGRESS_MS) {
          last = now;
          progress(s.bytesRead, s.rows);
        }
      }
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' || code === 'ENOTDIR') {
      throw new ScreenInputError('unreadable', `cannot read the input: ${(err as Error).message}`, { cause: err });
    }
    throw err;
  }
  s.end();
  await s.flush();
  progress?.(s.bytesRead, s.rows);
  if (options.stats) Object.assign(options.stats, s.stats());
  return s.summary() as ScreenSummary<V>;
}

/** What one range of a file gave (parallel screening); line numbers count from 1 at `start`. */
export interface RangeResult {
  start: number;
  end: number;
  lines: number;
  rows: number;
  valid: number;
  invalid: number;
  verdicts: Record<string, number>;
  uncertain: number;
  errors: RowError[];
  truncated: boolean;
}

export class Screener<F> {
  bytesRead = 0;
  rows = 0;
  private valid = 0;
  private invalid = 0;
  private errors: RowError[] = [];
  private truncated = false;
  private readonly maxErrors: number;

  private phase: Phase = 'bom';
  private head: Buffer | null = null;
  /** 1-based physical line where the next record starts. */
  private line = 1;
  private carry: Buffer | null = null;
  private skipping = false;
  /** Absolute offset (in the input) of the next byte pushed, of `carry[0]`, of `head[0]`. */
  private next = 0;
  private carryBase = 0;
  private headBase = 0;
  /** Absolute offset of the first data record, and the physical lines before it. */
  dataStart = -1;
  headerLines = 0;
  /** Range mode: stop before the first record starting at or after this offset (−1: never). */
  private stopAt = -1;
  stopped = false;
  private stoppedAt = -1;
  private countsAtStart: number[] = [];

  // header
  private nCols = 0;
  private names: string[] = [];
  private ci = -1;
  private bi = -1;
  private wi = -1;
  private hi = -1;
  private ni = -1;
  private si = -1;
  private fs = new Int32Array(MAX_HEADER_COLUMNS + 1);
  private fe = new Int32Array(MAX_HEADER_COLUMNS + 1);

  // screening date
  private readonly onDate: number;
  private readonly onYear: number;
  private readonly onMonthDay: number;
  private readonly on: string;

  // countries: 5 low bits of each letter → 0 unseen, −1 unknown, k > 0 index k − 1
  private readonly countryCodes = new Int16Array(1 << 15);
  /** Upper-cased 3 bytes of the code, by table value: confirms a table hit. */
  private countryBytes = new Int32Array(256);
  private readonly lookup: (iso3: string) => F | undefined;

  private readonly work: WorkMatcher;
  private readonly cache: VerdictCache<F>;
  private readonly counts: number[];
  // the cache's typed arrays, refreshed when it grows
  private slots: Int32Array;
  private seen: Uint8Array;
  private slotBase: Int32Array;

  private readonly out: OutBuffer | null;
  private readonly suffixes: Buffer[] = [];
  private readonly suffixViews: DataView[] = [];
  /** The input buffer `inputView` is over (output copies read it a word at a time). */
  private viewed: Uint8Array | null = null;
  private inputView: DataView | null = null;
  private invalidTag = Buffer.from(',invalid,,');

  // quoted-record parse results
  private scratch: Buffer | null = null;
  private qNf = 0;
  private qErrField = -1;
  private qErrKind = 0;
  private qFirstLf = -1;
  private qLfs = 0;

  constructor(
    private readonly engine: ScreeningEngine<F>,
    options: ScreenOptions<F>,
  ) {
    this.onDate = parseIsoDate(options.on ?? '');
    if (this.onDate < 0)
      throw new ScreenInputError('bad_option', `screening date "${options.on}" is not a valid date (YYYY-MM-DD)`, { field: 'on' });
    this.on = options.on;
    this.onYear = Math.floor(this.onDate / 10000);
    this.onMonthDay = this.onDate % 10000;
    const facts = options.facts;
    this.lookup = typeof facts === 'function' ? facts : (iso3) => facts.get(iso3);
    this.maxErrors = Math.max(0, options.maxErrors ?? 1000);
    this.work = new WorkMatcher(engine.WORK_KINDS);
    this.cache = new VerdictCache(engine);
    this.counts = this.cache.counts;
    this.slots = this.cache.slots;
    this.seen = this.cache.seen;
    this.slotBase = this.cache.slotBase;
    this.out = options.out ? new OutBuffer(options.out) : null;
  }

  // ---------------------------------------------------------------- driver

  push(chunk: Buffer): void {
    const base = this.next;
    this.next += chunk.length;
    this.bytesRead += chunk.length;
    if (this.stopped) return;
    if (this.phase !== 'body') {
      const rest = this.pushHead(chunk, false);
      if (rest !== null && rest.length > 0) this.feed(rest, this.dataStart);
      return;
    }
    this.feed(chunk, base);
  }

  end(): void {
    if (this.stopped) return;
    if (this.phase !== 'body') {
      const rest = this.pushHead(null, true);
      if (rest !== null && rest.length > 0) {
        this.carry = rest;
        this.carryBase = this.dataStart;
      }
    }
    const carry = this.carry;
    this.carry = null;
    if (carry !== null && !this.skipping) this.parse(carry, 0, true, this.carryBase);
  }

  async flush(): Promise<void> {
    if (this.out) await this.out.flush();
  }

  /** `buf` holds the input from absolute offset `base`; it may be reused by the caller afterwards. */
  private feed(buf: Buffer, base: number): void {
    let pos = 0;
    const end = buf.length;
    for (;;) {
      if (this.stopped) return;
      if (this.skipping) {
        const lf = buf.indexOf(LF, pos);
        if (lf < 0) return;
        this.skipping = false;
        this.line++;
        pos = lf + 1;
      }
      const carry = this.carry;
      if (carry !== null) {
        if (pos >= end) return;
        // Complete the carried record with a slice of the chunk (doubling, so re-scans stay linear).
        const take = Math.min(end, pos + Math.max(carry.length, 65536));
        const joined = Buffer.concat([carry, buf.subarray(pos, take)]);
        const joinedBase = this.carryBase;
        this.carry = null;
        const consumed = this.parse(joined, 0, false, joinedBase);
        if (this.stopped) return;
        if (consumed >= carry.length) {
          pos += consumed - carry.length; // the rest lies in `buf`
          continue;
        }
        const resume = this.keepTail(joined, consumed, joinedBase);
        if (resume >= 0) {
          this.carry = Buffer.from(joined.subarray(resume));
          this.carryBase = joinedBase + resume;
        }
        pos = take;
        continue;
      }
      if (pos >= end) return;
      const consumed = this.parse(buf, pos, false, base);
      if (this.stopped) return;
      const resume = this.keepTail(buf, consumed, base);
      if (resume < 0) return;
      pos = resume;
    }
  }

  /**
   * After a non-final parse: keeps the incomplete record as the carry (a copy: the caller may reuse
   * `buf`), or, when it already passes MAX_LINE, reports it and returns where to resume (after its
   * first LF); −1 = nothing to resume.
   */
  private keepTail(buf: Buffer, consumed: number, base: number): number {
    const tail = buf.length - consumed;
    if (tail === 0) return -1;
    if (tail <= MAX_LINE + 1) {
      this.carry = Buffer.from(buf.subarray(consumed));
      this.carryBase = base + consumed;
      return -1;
    }
    this.overLong();
    const lf = buf.indexOf(LF, consumed);
    if (lf < 0) {
      this.skipping = true;
      return -1;
    }
    this.line++;
    return lf + 1;
  }

  // ---------------------------------------------------------------- ranges (parallel screening)

  /**
   * Starts a range at absolute offset `start` (a record start, header already applied): the range
   * ends at the first record that starts at or after `stopAt`, or at the end of the input. Line
   * numbers in the range's errors count from 1 at `start`. The cache is kept across ranges.
   */
  beginRange(start: number, stopAt: number): void {
    this.next = start;
    this.stopAt = stopAt;
    this.stopped = false;
    this.stoppedAt = -1;
    this.carry = null;
    this.skipping = false;
    this.line = 1;
    this.rows = 0;
    this.valid = 0;
    this.invalid = 0;
    this.errors = [];
    this.truncated = false;
    this.bytesRead = 0;
    this.countsAtStart = this.counts.slice();
  }

  /** Stops before the first data record at or after this absolute offset (0: read only the header). */
  limit(stopAt: number): void {
    this.stopAt = stopAt;
  }

  /** Where the range ended: the first record start at or after `stopAt`, or the end of the input. */
  get rangeEnd(): number {
    return this.stopped ? this.stoppedAt : this.next;
  }

  rangeResult(start: number): RangeResult {
    const { verdicts, uncertain } = this.tally(this.countsAtStart);
    return {
      start,
      end: this.rangeEnd,
      lines: this.line - 1,
      rows: this.rows,
      valid: this.valid,
      invalid: this.invalid,
      verdicts,
      uncertain,
      errors: this.errors,
      truncated: this.truncated,
    };
  }

  // ---------------------------------------------------------------- header

  /** Header phase: returns the bytes after the header once it is complete (its base is `dataStart`). */
  private pushHead(chunk: Buffer | null, final: boolean): Buffer | null {
    let head = chunk ? (this.head ? Buffer.concat([this.head, chunk]) : chunk) : this.head;
    this.head = null;
    // what is kept across pushes is copied: the caller may reuse its chunk buffer
    const wait = (from: number): null => {
      this.headBase += from;
      this.head = head && from < head.length ? Buffer.from(head.subarray(from)) : null;
      return null;
    };
    if (!head || head.length === 0) {
      if (final) throw new ScreenInputError('empty', 'the input is empty: expected a CSV header line');
      return null;
    }
    if (this.phase === 'bom') {
      if (head.length < 3 && !final) return wait(0);
      if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
        head = head.subarray(3);
        this.headBase += 3;
      }
      this.phase = 'header';
    }
    // blank lines before the header are skipped
    let pos = 0;
    while (pos < head.length && (head[pos] === LF || head[pos] === CR)) {
      if (head[pos] === LF) this.line++;
      pos++;
    }
    if (pos >= head.length) {
      if (final) throw new ScreenInputError('empty', 'the input is empty: expected a CSV header line');
      return wait(pos);
    }
    const r = this.parseQuoted(head, pos, head.length, final, MAX_HEADER_COLUMNS);
    if (r < 0) {
      if (head.length - pos > MAX_LINE + 1) throw new ScreenInputError('bad_header', 'the header line is longer than 1 MiB');
      return wait(pos);
    }
    this.readHeader(head, pos, r);
    this.phase = 'body';
    this.line += 1 + this.qLfs;
    this.headerLines = this.line - 1;
    this.dataStart = this.headBase + Math.min(r + 1, head.length);
    return r < head.length ? head.subarray(r + 1) : null;
  }

  private readHeader(head: Buffer, start: number, end: number): void {
    if (this.qErrKind !== 0)
      throw new ScreenInputError('bad_header', `the header line has a misplaced quote in column ${this.qErrField + 1}`);
    const n = this.qNf;
    if (n > MAX_HEADER_COLUMNS) throw new ScreenInputError('bad_header', `the header has more than ${MAX_HEADER_COLUMNS} columns`);
    const sc = this.scratch!;
    const names: string[] = [];
    for (let k = 0; k < n; k++) names.push(text(sc, this.fs[k]!, this.fe[k]!).trim().toLowerCase());
    const index = (name: string) => {
      const at = names.indexOf(name);
      if (at >= 0 && names.indexOf(name, at + 1) >= 0)
        throw new ScreenInputError('bad_header', `column "${name}" appears twice in the header`, { field: name });
      return at;
    };
    const missing = REQUIRED_COLUMNS.filter((c) => index(c) < 0);
    if (missing.length > 0) {
      throw new ScreenInputError(
        'missing_column',
        `the header lacks the required column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (required: ${REQUIRED_COLUMNS.join(', ')}; found: ${names.join(', ')})`,
        { field: missing[0] },
      );
    }
    for (const c of OPTIONAL_COLUMNS) index(c);
    this.applyHeader(names);
    if (this.out) {
      let e = end;
      if (e > start && head[e - 1] === CR) e--;
      this.out.bytes(head, start, e);
      this.out.string(`,${OUTPUT_COLUMNS.join(',')}\n`);
    }
  }

  /** Column names (trimmed, lower-case) → column indexes; also used by range workers. */
  applyHeader(names: readonly string[]): void {
    const n = names.length;
    this.names = [...names];
    this.nCols = n;
    this.ci = names.indexOf('country');
    this.bi = names.indexOf('birth_date');
    this.wi = names.indexOf('work');
    this.hi = names.indexOf('hours_per_day');
    this.ni = names.indexOf('night');
    this.si = names.indexOf('sex');
    this.fs = new Int32Array(n + 1);
    this.fe = new Int32Array(n + 1);
    this.phase = 'body';
  }

  get header(): readonly string[] {
    return this.names;
  }

  // ---------------------------------------------------------------- records

  /**
   * Parses the records of `b[pos, b.length)` (`b[0]` is at absolute offset `base`). Returns where
   * the first incomplete record starts (or `b.length`). With `final`, the last record needs no LF
   * and everything is consumed. In range mode, stops before the first record at or after `stopAt`.
   *
   * The hot loop only finds the delimiters (few live values, so they stay in registers);
   * `fastRow` then decodes the fields it needs. A record holding a quote restarts on the RFC 4180
   * path.
   */
  private parse(b: Buffer, pos: number, final: boolean, base: number): number {
    const end = b.length; // the loop bound is the length, so element loads need no bounds check
    const nCols = this.nCols;
    const fs = this.fs;
    const fe = this.fe;
    const stop = this.stopAt < 0 ? NEVER : this.stopAt - base;
    while (pos < end) {
      if (pos >= stop) {
        this.stopped = true;
        this.stoppedAt = base + pos;
        return end;
      }
      const start = pos;
      let i = pos;
      let nf = 0;
      let c = 0;
      fs[0] = pos;
      for (; i < end; i++) {
        c = b[i]!;
        if (c <= COMMA) {
          if (c === COMMA) {
            if (nf < nCols) {
              fe[nf] = i;
              fs[nf + 1] = i + 1;
            }
            nf++;
          } else if (c === LF || c === QUOTE) break;
        }
      }
      if (i === end) {
        if (!final) return start;
      } else if (c === QUOTE) {
        const r = this.parseQuoted(b, start, end, final, nCols);
        if (r < 0) return start;
        pos = this.quotedRecord(b, start, r, end);
        continue;
      }
      let ce = i;
      if (ce > start && b[ce - 1] === CR) ce--;
      if (ce - start > MAX_LINE) this.overLong();
      else if (ce > start) {
        if (nf < nCols) fe[nf] = ce;
        this.fastRow(b, nf + 1, start, ce);
      }
      this.line++;
      pos = i + 1;
    }
    return end;
  }

  /** A record without quotes: fields at `fs`/`fe` in `b`, content `b[start, ce)`. */
  private fastRow(b: Buffer, nf: number, start: number, ce: number): void {
    this.rows++;
    const fs = this.fs;
    const fe = this.fe;
    valid: if (nf === this.nCols) {
      // country: 3 letters → index through a 15-bit table, confirmed against the stored code
      let s = fs[this.ci]!;
      let e = fe[this.ci]!;
      while (s < e && b[s] === 32) s++;
      while (e > s && b[e - 1] === 32) e--;
      if (e - s !== 3) break valid;
      const c0 = b[s]!;
      const c1 = b[s + 1]!;
      const c2 = b[s + 2]!;
      const v = this.countryCodes[((c0 & 31) << 10) | ((c1 & 31) << 5) | (c2 & 31)]!;
      const country = v > 0 && (((c0 << 16) | (c1 << 8) | c2) & 0xdfdfdf) === this.countryBytes[v]! ? v - 1 : this.country(b, s);
      if (country < 0) break valid;
      s = fs[this.bi]!;
      e = fe[this.bi]!;
      while (s < e && b[s] === 32) s++;
      while (e > s && b[e - 1] === 32) e--;
      const age = ageAt(b, s, e, this.onYear, this.onMonthDay);
      if (age < 0) break valid;
      s = fs[this.wi]!;
      e = fe[this.wi]!;
      while (s < e && b[s] === 32) s++;
      while (e > s && b[e - 1] === 32) e--;
      const kind = this.work.match(b, s, e);
      if (kind < 0) break valid;
      let hoursKey = 0;
      let hs = 0;
      let he = 0;
      const hi = this.hi;
      if (hi >= 0) {
        s = fs[hi]!;
        e = fe[hi]!;
        if (s < e) {
          while (s < e && b[s] === 32) s++;
          while (e > s && b[e - 1] === 32) e--;
          hoursKey = parseHoursKey(b, s, e);
          if (hoursKey < -1) break valid;
          hs = s;
          he = e;
        }
      }
      let night = 0;
      const ni = this.ni;
      if (ni >= 0) {
        s = fs[ni]!;
        e = fe[ni]!;
        if (s < e) {
          while (s < e && b[s] === 32) s++;
          while (e > s && b[e - 1] === 32) e--;
          night = parseNight(b, s, e);
          if (night < 0) break valid;
        }
      }
      let sex = 0;
      if (this.si >= 0) {
        s = fs[this.si]!;
        e = fe[this.si]!;
        while (s < e && b[s] === 32) s++;
        while (e > s && b[e - 1] === 32) e--;
        sex = parseSex(b, s, e);
        if (sex < 0) break valid;
      }
      // outcome: direct slot by age class; the cache is asked on a miss or a new exact key
      const exact = (country << 13) | (sex << 11) | (kind << 7) | age;
      let o = this.slots[this.slotBase[(country << 7) | age]! | (sex << 11) | (kind << 7)]!;
      if (o < 0 || (this.seen[exact >> 3]! & (1 << (exact & 7))) === 0) {
        o = this.resolve(b, hs, he, country, kind, age, hoursKey, night === 1, sex);
        if (o < 0) {
          this.badRow(b, nf, b, start, ce, this.engineError);
          return;
        }
      }
      this.counts[o]!++;
      this.valid++;
      const out = this.out;
      if (out !== null) {
        out.words(b, b === this.viewed ? this.inputView! : this.viewInput(b), start, ce);
        const sfx = this.suffixes[o] ?? this.suffix(o);
        out.words(sfx, this.suffixViews[o]!, 0, sfx.length);
      }
      return;
    }
    this.badRow(b, nf, b, start, ce, null);
  }

  /** After parseQuoted found a record `[start, r)`; returns where to continue. */
  private quotedRecord(b: Buffer, start: number, r: number, end: number): number {
    const firstLf = this.qFirstLf;
    let ce = r;
    if (ce > start && b[ce - 1] === CR) ce--;
    if (ce - start > MAX_LINE) {
      this.overLong();
      this.line++;
      return (firstLf >= 0 ? firstLf : r) + 1;
    }
    if (this.qErrKind === UNTERMINATED) {
      // Report on the line where the record starts and re-read from the next physical line.
      this.unterminated(b, start, firstLf >= 0 ? firstLf : end);
      this.line++;
      return firstLf >= 0 ? firstLf + 1 : end;
    }
    this.record(this.scratch!, this.qNf, b, start, ce);
    this.line += 1 + this.qLfs;
    return r + 1;
  }

  /**
   * RFC 4180 record starting at `start`: unescapes the fields into the scratch buffer (`fs`/`fe`
   * then index the scratch). Returns the index of the terminating LF (or `end` when `final`), or
   * −1 when the record is not complete in `b`.
   */
  private parseQuoted(b: Buffer, start: number, end: number, final: boolean, maxFields: number): number {
    let sc = this.scratch;
    if (!sc) sc = this.scratch = Buffer.allocUnsafe(MAX_LINE + 64);
    const cap = sc.length;
    const fs = this.fs;
    const fe = this.fe;
    let st = START;
    let sp = 0;
    let nf = 0;
    let errField = -1;
    let errKind = 0;
    let firstLf = -1;
    let lfs = 0;
    fs[0] = 0;
    let i = start;
    for (; i < end; i++) {
      const c = b[i]!;
      if (st === QUOTED) {
        if (c === QUOTE) st = QUOTE_IN_QUOTED;
        else {
          if (c === LF) {
            lfs++;
            if (firstLf < 0) firstLf = i;
          }
          if (sp < cap) sc[sp++] = c;
        }
        continue;
      }
      if (c === COMMA) {
        if (nf < maxFields) {
          fe[nf] = sp;
          fs[nf + 1] = sp;
        }
        nf++;
        st = START;
        continue;
      }
      if (c === LF) break;
      if (st === START) {
        if (c === QUOTE) st = QUOTED;
        else {
          st = UNQUOTED;
          if (sp < cap) sc[sp++] = c;
        }
      } else if (st === UNQUOTED) {
        if (c === QUOTE && errField < 0) {
          errField = nf;
          errKind = STRAY_QUOTE;
        }
        if (sp < cap) sc[sp++] = c;
      } else if (st === QUOTE_IN_QUOTED && c === QUOTE) {
        st = QUOTED;
        if (sp < cap) sc[sp++] = c;
      } else if (c === CR) {
        st = CLOSED; // CR after a closing quote: tolerated before LF
      } else {
        // text after a closing quote
        if (errField < 0) {
          errField = nf;
          errKind = TEXT_AFTER_QUOTE;
        }
        st = UNQUOTED;
        if (sp < cap) sc[sp++] = c;
      }
    }
    if (i === end && !final) return -1;
    if (st === QUOTED) {
      errField = nf;
      errKind = UNTERMINATED;
    } else if (st === UNQUOTED && sp > fs[Math.min(nf, maxFields)]! && sc[sp - 1] === CR) {
      sp--; // CRLF, or a CR ending the input
    }
    if (nf < maxFields) fe[nf] = sp;
    this.qNf = nf + 1;
    this.qErrField = errField;
    this.qErrKind = errKind;
    this.qFirstLf = firstLf;
    this.qLfs = lfs;
    return i;
  }

  /**
   * A record read on the RFC 4180 path: unescaped fields in the scratch buffer at `fs`/`fe`, raw
   * bytes `raw[rs, re)` for the output. Same decoders as the hot loop.
   */
  private record(b: Buffer, nf: number, raw: Buffer, rs: number, re: number): void {
    this.rows++;
    if (nf === this.nCols && this.qErrKind === 0) {
      const field = (k: number): [number, number] => {
        let s = this.fs[k]!;
        let e = this.fe[k]!;
        while (s < e && b[s] === 32) s++;
        while (e > s && b[e - 1] === 32) e--;
        return [s, e];
      };
      const [cs, cend] = field(this.ci);
      const country = cend - cs === 3 ? this.country(b, cs) : -1;
      const [bs, bend] = field(this.bi);
      const age = ageAt(b, bs, bend, this.onYear, this.onMonthDay);
      const [ws, wend] = field(this.wi);
      const kind = this.work.match(b, ws, wend);
      let hoursKey = 0;
      let hs = 0;
      let he = 0;
      if (this.hi >= 0) {
        [hs, he] = field(this.hi);
        if (hs < he) hoursKey = parseHoursKey(b, hs, he);
      }
      let night = 0;
      if (this.ni >= 0) {
        const [ns, nend] = field(this.ni);
        if (ns < nend) night = parseNight(b, ns, nend);
      }
      const sex = this.si >= 0 ? parseSex(b, ...field(this.si)) : 0;
      if (country >= 0 && age >= 0 && kind >= 0 && hoursKey >= -1 && night >= 0 && sex >= 0) {
        const o = this.resolve(b, hs, he, country, kind, age, hoursKey, night === 1, sex);
        if (o < 0) {
          this.badRow(b, nf, raw, rs, re, this.engineError);
          return;
        }
        this.counts[o]!++;
        this.valid++;
        const out = this.out;
        if (out !== null) {
          out.bytes(raw, rs, re);
          const sfx = this.suffixes[o] ?? this.suffix(o);
          out.bytes(sfx, 0, sfx.length);
        }
        return;
      }
    }
    this.badRow(b, nf, raw, rs, re, null);
  }

  private engineError: string | null = null;

  private resolve(
    b: Buffer,
    hs: number,
    he: number,
    country: number,
    work: number,
    age: number,
    hoursKey: number,
    night: boolean,
    sex: number,
  ): number {
    let hours: number | null = null;
    if (hoursKey > 0) hours = (hoursKey - 1) / 1e6;
    else if (hoursKey === -1) hours = Number(text(b, hs, he));
    try {
      return this.cache.resolve(country, work, age, hoursKey, hours, night, sex);
    } catch (err) {
      if (err instanceof CacheMismatchError) throw err;
      this.engineError = `rule engine failed on this row: ${err instanceof Error ? err.message : String(err)}`;
      return -1;
    }
  }

  private country(b: Buffer, s: number): number {
    const c0 = b[s]!;
    const c1 = b[s + 1]!;
    const c2 = b[s + 2]!;
    if (((c0 | 32) - 97) >>> 0 > 25 || ((c1 | 32) - 97) >>> 0 > 25 || ((c2 | 32) - 97) >>> 0 > 25) return -1;
    const key = ((c0 & 31) << 10) | ((c1 & 31) << 5) | (c2 & 31);
    const v = this.countryCodes[key]!;
    if (v > 0) return v - 1;
    if (v < 0) return -1;
    const iso3 = String.fromCharCode(c0 & ~32, c1 & ~32, c2 & ~32);
    const facts = this.lookup(iso3);
    if (facts === undefined) {
      this.countryCodes[key] = -1;
      return -1;
    }
    const index = this.cache.addCountry(facts);
    this.countryCodes[key] = index + 1;
    if (index + 1 >= this.countryBytes.length) {
      const grown = new Int32Array(this.countryBytes.length * 2);
      grown.set(this.countryBytes);
      this.countryBytes = grown;
    }
    this.countryBytes[index + 1] = ((c0 << 16) | (c1 << 8) | c2) & 0xdfdfdf;
    this.slots = this.cache.slots;
    this.seen = this.cache.seen;
    this.slotBase = this.cache.slotBase;
    return index;
  }

  private suffix(o: number): Buffer {
    const oc = this.cache.outcomes[o]!;
    const sfx = Buffer.from(`,${oc.verdict},${oc.minimumAge ?? ''},${csvField(oc.citations)}\n`);
    this.suffixes[o] = sfx;
    this.suffixViews[o] = viewOf(sfx);
    return sfx;
  }

  private viewInput(b: Uint8Array): DataView {
    this.viewed = b;
    this.inputView = viewOf(b);
    return this.inputView;
  }

  // ---------------------------------------------------------------- bad rows (slow, with messages)

  private badRow(b: Buffer, nf: number, raw: Buffer, rs: number, re: number, engineError: string | null): void {
    this.invalid++;
    // Past the kept errors, and with no output to annotate, a bad row is only counted: a file whose
    // every row is bad (dates written 15/01/2005, say) then screens nearly as fast as a good one.
    if (this.out === null && this.errors.length >= this.maxErrors) {
      this.truncated = true;
      return;
    }
    const line = this.line;
    const problems: [string, string][] = [];
    const quoted = b === this.scratch;
    const names = this.names;
    const nCols = this.nCols;
    if (engineError) problems.push(['row', engineError]);
    else if (quoted && this.qErrKind !== 0) {
      const f = names[this.qErrField] ?? `column ${this.qErrField + 1}`;
      problems.push([
        f,
        this.qErrKind === STRAY_QUOTE
          ? `${f}: stray quote inside an unquoted field (quote the whole field and double the quotes inside it)`
          : `${f}: unexpected text after a closing quote (double the quotes inside a quoted field)`,
      ]);
    } else if (nf < nCols) {
      const f = names[nf]!;
      problems.push([f, `${f}: missing field (the row has ${nf} field${nf === 1 ? '' : 's'}, the header has ${nCols})`]);
    } else if (nf > nCols) {
      problems.push(['line', `line: the row has ${nf} fields, the header has ${nCols}`]);
    } else {
      for (const [k, field] of [
        [this.ci, 'country'],
        [this.bi, 'birth_date'],
        [this.wi, 'work'],
        [this.hi, 'hours_per_day'],
        [this.ni, 'night'],
        [this.si, 'sex'],
      ] as const) {
        if (k < 0) continue;
        const message = this.fieldProblem(field, b, this.fs[k]!, this.fe[k]!);
        if (message) problems.push([field, message]);
      }
    }
    if (problems.length === 0) problems.push(['line', 'line: the row could not be read']);
    for (const [field, message] of problems) this.addError(line, field, message);

    const out = this.out;
    if (!out) return;
    const kept = Math.min(nf, nCols);
    if (quoted && (this.qErrKind !== 0 || nf > nCols)) {
      for (let k = 0; k < kept; k++) {
        if (k > 0) out.byte(COMMA);
        out.field(b, this.fs[k]!, this.fe[k]!);
      }
    } else out.bytes(raw, rs, nf > nCols ? this.fe[nCols - 1]! : re);
    for (let k = kept; k < nCols; k++) out.byte(COMMA);
    out.bytes(this.invalidTag, 0, this.invalidTag.length);
    out.string(`${csvField(problems.map((p) => p[1]).join('; '))}\n`);
  }

  private fieldProblem(field: string, b: Buffer, s: number, e: number): string | null {
    while (s < e && b[s] === 32) s++;
    while (e > s && b[e - 1] === 32) e--;
    switch (field) {
      case 'country':
        if (s === e) return 'country: missing (an ISO 3166 alpha-3 code is required)';
        return e - s === 3 && this.country(b, s) >= 0 ? null : `country: ${shownValue(b, s, e)} is not an ILO member State in the registry`;
      case 'work':
        if (this.work.match(b, s, e) >= 0) return null;
        return `work: ${s === e ? 'missing' : `${shownValue(b, s, e)} is not a known kind of work`}; use one of ${this.engine.WORK_KINDS.join(', ')}`;
    }
    return valueProblem(field, b, s, e, this.onDate, this.on);
  }

  private overLong(): void {
    this.rows++;
    this.invalid++;
    const message = `line: longer than ${MAX_LINE} bytes (1 MiB); the row was skipped`;
    this.addError(this.line, 'line', message);
    const out = this.out;
    if (!out) return;
    for (let k = 1; k < this.nCols; k++) out.byte(COMMA);
    out.bytes(this.invalidTag, 0, this.invalidTag.length);
    out.string(`${csvField(message)}\n`);
  }

  /** A quoted field still open at the end of the input: the row is its first physical line. */
  private unterminated(b: Buffer, start: number, lineEnd: number): void {
    this.rows++;
    this.invalid++;
    const f = this.names[this.qErrField] ?? `column ${this.qErrField + 1}`;
    const message = `${f}: quoted field not closed before the end of the file (the row was read up to the end of its line)`;
    this.addError(this.line, f, message);
    const out = this.out;
    if (!out) return;
    let e = lineEnd;
    if (e > start && b[e - 1] === CR) e--;
    // The raw line would open a quote the output never closes: write its comma-separated parts as fields.
    let k = 0;
    let s = start;
    for (let i = start; i <= e && k < this.nCols; i++) {
      if (i === e || b[i] === COMMA) {
        if (k > 0) out.byte(COMMA);
        out.field(b, s, i);
        k++;
        s = i + 1;
      }
    }
    for (; k < this.nCols; k++) out.byte(COMMA);
    out.bytes(this.invalidTag, 0, this.invalidTag.length);
    out.string(`${csvField(message)}\n`);
  }

  private addError(line: number, field: string, message: string): void {
    if (this.errors.length < this.maxErrors) this.errors.push({ line, field, message });
    else this.truncated = true;
  }

  /** Verdict totals and uncertain rows from the outcome counts (minus a snapshot). */
  private tally(minus: readonly number[]): { verdicts: Record<string, number>; uncertain: number } {
    const verdicts: Record<string, number> = {};
    for (const v of this.engine.VERDICTS) verdicts[v] = 0;
    let uncertain = 0;
    for (const o of this.cache.outcomes) {
      const n = this.counts[o.id]! - (minus[o.id] ?? 0);
      verdicts[o.verdict] = (verdicts[o.verdict] ?? 0) + n;
      if (o.uncertain) uncertain += n;
    }
    return { verdicts, uncertain };
  }

  summary(): ScreenSummary {
    const { verdicts, uncertain } = this.tally([]);
    return {
      rows: this.rows,
      valid: this.valid,
      invalid: this.invalid,
      verdicts,
      uncertain,
      errors: this.errors,
      truncatedErrors: this.truncated,
    };
  }

  stats(): ScreenStats {
    const c = this.cache;
    return {
      evaluations: c.evaluations,
      verifications: c.verifications,
      outcomes: c.outcomes.length,
      countries: c.countries,
      factClasses: c.classes,
    };
  }
}
