import type { Kysely } from 'kysely';
import type { Database } from '../../src/storage/schema.ts';

/**
 * Valid import rows for tests and the import benchmark: real member States × Conventions and
 * Protocols of the seeded registry, so every row passes every check (dates never before the
 * instrument's adoption nor after today), with C138 rows declaring a minimum age.
 */
export interface ImportPair {
  country: string;
  instrument: string;
  adoptionYear: number | null;
}

export async function importPairs(db: Kysely<Database>): Promise<ImportPair[]> {
  const countries = (await db.selectFrom('countries').select('iso3').execute()).map((r) => r.iso3).sort();
  const instruments = (
    await db.selectFrom('instruments').select(['code', 'adoption_date']).where('type', '!=', 'recommendation').execute()
  ).sort((a, b) => (a.code < b.code ? -1 : 1));
  const pairs: ImportPair[] = [];
  // Instrument-major, so a prefix of the list touches many States and a few instruments, as a real file would.
  for (const i of instruments)
    for (const country of countries)
      pairs.push({ country, instrument: i.code, adoptionYear: i.adoption_date ? Number(i.adoption_date.slice(0, 4)) : null });
  return pairs;
}

export const IMPORT_HEADER = 'country,instrument,registration_date,status,legal_act,minimum_age,confidence,source,reason';

/**
 * One CSV line per pair. `pass` varies every value, so importing pass 1 over pass 0 updates every
 * record; the same pass twice changes nothing.
 */
export function importLine(pair: ImportPair, index: number, pass: number): string {
  const year = Math.min(2025, Math.max(pair.adoptionYear ?? 1950, 1950 + ((index * 7 + pass) % 76)));
  const month = String(1 + ((index + pass) % 12)).padStart(2, '0');
  const date = (index + pass) % 4 === 0 ? String(year) : `${year}-${month}-0${1 + (index % 9)}`;
  const status = (index + pass) % 3 === 0 ? 'not_in_force' : 'in_force';
  const age = pair.instrument === 'C138' ? String(14 + ((index + pass) % 3)) : '';
  const confidence = ['high', 'medium', 'low'][(index + pass) % 3];
  const reason = index % 3 === 0 ? `"bulk correction, pass ${pass}"` : '';
  // A year-only date cannot be checked against a same-year adoption day, so those rows give the full adoption year's end.
  const safeDate = pair.adoptionYear === year && date.length > 4 ? `${year}-12-31` : date;
  return `${pair.country},${pair.instrument},${safeDate},${status},"Act ${pass}-${index}, Art 1",${age},${confidence},import test pass ${pass},${reason}`;
}

export function importCsv(pairs: readonly ImportPair[], pass: number, count = pairs.length, offset = 0): string {
  const lines = [IMPORT_HEADER];
  for (let i = offset; i < offset + count && i < pairs.length; i++) lines.push(importLine(pairs[i] as ImportPair, i, pass));
  return `${lines.join('\n')}\n`;
}
