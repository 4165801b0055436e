import { Readable, Writable } from 'node:stream';
import type { CountryFacts } from '../../src/domain/child-labour/index.ts';
import { screenCsv } from '../../src/screening/index.ts';

/* Screening files for the case import's tests and benchmark (issue 11). */

/** mulberry32, as bench/gen-workforce.ts: the same rows for the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORKS = ['regular', 'light', 'hazardous', 'slavery', 'regular', 'hazardous'];
const DISTRICTS = ['Kabupaten Garut', 'Kabupaten Jember', 'Kota Medan', ''];

/**
 * A workers register (the screener's input) of `rows` people aged 6 to 20 on `on`, mostly in IDN,
 * with a name column (identifying: the import must not keep it without consent) and a district.
 */
export function workersCsv(rows: number, on: string, seed = 11): string {
  const rand = prng(seed);
  const year = Number(on.slice(0, 4));
  const lines = ['worker_id,country,birth_date,work,hours_per_day,night,sex,name,district'];
  for (let i = 0; i < rows; i++) {
    const age = 6 + Math.floor(rand() * 15);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const birth = `${year - age - 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const country = rand() < 0.85 ? 'IDN' : 'BRA';
    const work = WORKS[Math.floor(rand() * WORKS.length)];
    const hours = rand() < 0.3 ? String(2 + Math.floor(rand() * 8)) : '';
    const night = rand() < 0.15 ? '1' : '';
    const sex = rand() < 0.5 ? 'female' : 'male';
    const district = DISTRICTS[Math.floor(rand() * DISTRICTS.length)];
    lines.push(`W${String(i + 1).padStart(6, '0')},${country},${birth},${work},${hours},${night},${sex},Child Name ${i + 1},${district}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The screener's annotated output for `csv` (as `tripartite screen --out` writes it). */
export async function screened(csv: string, on: string, facts: ReadonlyMap<string, CountryFacts>): Promise<string> {
  const parts: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      parts.push(chunk);
      done();
    },
  });
  await screenCsv(Readable.from([Buffer.from(csv)]), { on, facts, out });
  return Buffer.concat(parts).toString('utf8');
}

/**
 * Screened rows written directly (no screener run), every one a case to open: for the crash test
 * and the benchmark, where only the import's own work matters.
 */
export function* screenedCaseLines(rows: number, on: string, prefix = 'K'): Generator<string> {
  const year = Number(on.slice(0, 4));
  yield 'worker_id,country,birth_date,work,hours_per_day,night,sex,district,verdict,minimum_age,citations\n';
  for (let i = 0; i < rows; i++) {
    const age = 8 + (i % 9);
    const birth = `${year - age - 1}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const worst = i % 4 === 0;
    const work = worst ? 'slavery' : 'hazardous';
    const verdict = worst ? 'worst_form' : 'prohibited';
    const citations = worst ? 'C182 Art 3(a)' : 'C138 Art 3(1); UU 13/2003 Pasal 74(1)';
    yield `${prefix}${i + 1},IDN,${birth},${work},,,${i % 2 ? 'female' : 'male'},Kabupaten ${i % 7},${verdict},18,${citations}\n`;
  }
}
