/** The USDOL legal standards (usdol/legal_standards_2022.csv) read into national profiles for scripts/build-profiles.ts. */
import { readFileSync } from 'node:fs';
import type { NationalProfile } from '../../src/domain/child-labour/index.ts';
import { AGE_FIELDS, isValidAge, MAX_AGE, MIN_AGE, USDOL_FIELDS, USDOL_FILE, USDOL_SOURCE } from './config.ts';
import { parseCsv } from './csv.ts';
import { problem, problems, usedExclusions } from './state.ts';

/**
 * USDOL values that are numbers but not whole years, reviewed by hand. The engine counts completed
 * years, and rounding 17.5 either way would invent a fact, so these stay unknown (with a note).
 * Christmas Island and the Cocos (Keeling) Islands are Australian territories, not ILO members.
 */
const REVIEWED_UNUSABLE: Record<string, string> = {
  'CXR:minimum_work_age': '17.5',
  'CXR:compulsory_education_age': '17.5',
  'CCK:minimum_work_age': '17.5',
  'CCK:compulsory_education_age': '17.5',
};

export function readUsdol(): Map<string, NationalProfile> {
  const rows = parseCsv(readFileSync(USDOL_FILE, 'utf8'));
  const header = rows.shift()?.cells ?? [];
  const col = new Map(header.map((name, i) => [name.trim(), i]));
  const needed = ['iso3', ...AGE_FIELDS.flatMap((f) => [`${USDOL_FIELDS[f]}_standard`, `${USDOL_FIELDS[f]}_age`])];
  for (const name of needed) if (!col.has(name)) problem(USDOL_FILE, 1, `missing column ${name}`);
  if (problems.length) return new Map();

  const out = new Map<string, NationalProfile>();
  for (const { line, cells } of rows) {
    if (cells.length !== header.length) problem(USDOL_FILE, line, `${cells.length} fields, header has ${header.length}`);
    const get = (name: string) => (cells[col.get(name)!] ?? '').trim();
    const iso3 = get('iso3');
    if (!/^[A-Z]{3}$/.test(iso3)) {
      problem(USDOL_FILE, line, `iso3 "${iso3}" is not an ISO 3166 alpha-3 code`);
      continue;
    }
    if (out.has(iso3)) problem(USDOL_FILE, line, `duplicate iso3 ${iso3}`);
    const profile: NationalProfile = {
      iso3,
      generalMinimumAge: null,
      hazardousMinimumAge: null,
      compulsoryEducationAge: null,
      sources: [],
    };
    const notes: string[] = [];
    for (const field of AGE_FIELDS) {
      const prefix = USDOL_FIELDS[field];
      const standard = get(`${prefix}_standard`);
      const raw = get(`${prefix}_age`);
      if (standard !== 'Yes' || !/^\d+(\.\d+)?$/.test(raw)) continue;
      const value = Number(raw);
      if (isValidAge(value)) {
        profile[field] = { value, source: USDOL_SOURCE };
        continue;
      }
      const key = `${iso3}:${prefix}_age`;
      if (REVIEWED_UNUSABLE[key] === raw) {
        usedExclusions.add(key);
        notes.push(`${USDOL_SOURCE} gives ${prefix}_age ${raw} (standard Yes), not a whole number of years; left unknown.`);
      } else {
        problem(USDOL_FILE, line, `${iso3} ${prefix}_age ${raw}: an age must be a whole number from ${MIN_AGE} to ${MAX_AGE}`);
      }
    }
    if (AGE_FIELDS.some((f) => profile[f] !== null)) profile.sources.push(USDOL_SOURCE);
    if (notes.length) profile.notes = notes;
    out.set(iso3, profile);
  }
  for (const key of Object.keys(REVIEWED_UNUSABLE)) {
    if (!usedExclusions.has(key))
      problem(USDOL_FILE, null, `REVIEWED_UNUSABLE lists ${key}, which the data no longer holds: review the list`);
  }
  return out;
}
