/**
 * Deterministic workforce CSV for the screening benchmark and tests.
 *
 * `node --import tsx bench/gen-workforce.ts --rows 1000000 --out /tmp/workforce.csv [--seed 42]`
 *
 * Columns: worker_id,name,country,birth_date,work,hours_per_day,night. A seeded PRNG (mulberry32)
 * makes the file byte-identical for the same rows and seed. Mix: the registry's member States
 * (data/countries.json) with a skewed weight, birth dates uniform over 1950–2020, every work kind,
 * hours on ~35% of rows, a night value on ~25%, ~3% quoted names (commas, doubled quotes, rarely a
 * newline) and ~0.1% bad rows of every kind the screener reports.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';

export const GENERATOR_VERSION = 1;

export const WORK_MIX: readonly (readonly [string, number])[] = [
  ['regular', 62],
  ['light', 10],
  ['hazardous', 8],
  ['training', 6],
  ['school', 4],
  ['artistic', 3],
  ['slavery', 2.5],
  ['sexual_exploitation', 1.5],
  ['illicit', 3],
];

const FIRST = ['Ana', 'Budi', 'Chen', 'Dewi', 'Eko', 'Fatima', 'Grace', 'Hiro', 'Ines', 'Jomo', 'Kofi', 'Lina', 'Maria', 'Nur', 'Omar'];
const LAST = ['Silva', 'Santoso', 'Wang', 'Lestari', 'Okafor', 'Haddad', 'Kim', 'Tanaka', 'García', 'Mwangi', 'Mensah', 'Putri', 'Rossi'];

/** mulberry32: small, fast, good enough for a benchmark mix. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function registryIso3(): string[] {
  const url = new URL('../data/countries.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { iso3: string }[]).map((c) => c.iso3);
}

const DAY_MS = 86_400_000;
const FROM = Date.UTC(1950, 0, 1) / DAY_MS;
const TO = Date.UTC(2020, 11, 31) / DAY_MS;
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

function isoDay(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export interface GenOptions {
  rows: number;
  seed?: number;
  countries?: readonly string[];
  /** Share of bad rows (default 0.001). */
  badShare?: number;
}

/** Yields the file in pieces of roughly 1 MiB (header first). */
export function* generateWorkforce(opts: GenOptions): Generator<string> {
  const rnd = prng(opts.seed ?? 42);
  const countries = opts.countries ?? registryIso3();
  const badShare = opts.badShare ?? 0.001;
  // Skewed country weights: a few large workforces, a long tail.
  const cw = countries.map((_, i) => 1 / (1 + (i % 37)) + rnd() * 0.2);
  const cTotal = cw.reduce((a, b) => a + b, 0);
  const cCum: number[] = [];
  let acc = 0;
  for (const w of cw) {
    acc += w / cTotal;
    cCum.push(acc);
  }
  const wTotal = WORK_MIX.reduce((a, [, w]) => a + w, 0);
  const wCum: number[] = [];
  acc = 0;
  for (const [, w] of WORK_MIX) {
    acc += w / wTotal;
    wCum.push(acc);
  }
  const pick = (cum: number[], r: number) => {
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const nights = ['1', '0', 'yes', 'no', 'true', 'false', 'Yes', 'NO'];
  const days: string[] = [];
  for (let d = FROM; d <= TO; d++) days.push(isoDay(d));

  let out = 'worker_id,name,country,birth_date,work,hours_per_day,night\n';
  for (let i = 1; i <= opts.rows; i++) {
    const id = `W${i}`;
    const first = FIRST[Math.floor(rnd() * FIRST.length)]!;
    const last = LAST[Math.floor(rnd() * LAST.length)]!;
    const q = rnd();
    let name: string;
    if (q < 0.025) name = `"${last}, ${first}"`;
    else if (q < 0.029) name = `"${first} ""${first.slice(0, 2)}"" ${last}"`;
    else if (q < 0.02905) name = `"${first}\n${last}"`;
    else name = `${first} ${last}`;
    let country = countries[pick(cCum, rnd())]!;
    let birth = days[Math.floor(rnd() * days.length)]!;
    let work = WORK_MIX[pick(wCum, rnd())]![0];
    const h = rnd();
    let hours = h < 0.2 ? String(1 + Math.floor(rnd() * 12)) : h < 0.3 ? `${Math.floor(rnd() * 10)}.5` : h < 0.35 ? '8.25' : '';
    const n = rnd();
    let night = n < 0.25 ? nights[Math.floor(rnd() * nights.length)]! : '';
    let line: string | null = null;
    if (rnd() < badShare) {
      switch (Math.floor(rnd() * 10)) {
        case 0:
          birth = '2011-02-30';
          break;
        case 1:
          country = 'XYZ';
          break;
        case 2:
          work = 'office';
          break;
        case 3:
          hours = '-3';
          break;
        case 4:
          hours = '25';
          break;
        case 5:
          hours = 'abc';
          break;
        case 6:
          night = 'maybe';
          break;
        case 7:
          line = `${id},${name},${country},${birth}`;
          break;
        case 8:
          name = `${first} "Nan" ${last}`;
          break;
        default:
          birth = '2030-01-01';
      }
    }
    out += `${line ?? `${id},${name},${country},${birth},${work},${hours},${night}`}\n`;
    if (out.length >= 1 << 20) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

export function writeWorkforce(path: string, opts: GenOptions): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    for (const piece of generateWorkforce(opts)) bytes += writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '1000000' }, out: { type: 'string' }, seed: { type: 'string', default: '42' } },
  });
  if (!values.out) throw new Error('--out <file> is required');
  const t = performance.now();
  const bytes = writeWorkforce(values.out, { rows: Number(values.rows), seed: Number(values.seed) });
  console.log(`${values.out}: ${values.rows} rows, ${bytes} bytes in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
