/** Inputs, output and age rules of scripts/build-profiles.ts. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REF = resolve(process.env.REFERENCE_DATA_DIR ?? resolve(ROOT, '../shared/reference-data'));
export const USDOL_FILE = resolve(REF, 'usdol/legal_standards_2022.csv');
export const EXTRA_FILE = resolve(ROOT, 'data/national-profiles-extra.json');
export const OUT_FILE = resolve(ROOT, 'data/national-profiles.json');

export const USDOL_SOURCE = 'USDOL-SWEATTOIL-2022';
export const MIN_AGE = 10;
export const MAX_AGE = 21;

/** Profile field ← USDOL column prefix (`<prefix>_standard`, `<prefix>_age`). */
export const USDOL_FIELDS = {
  generalMinimumAge: 'minimum_work',
  hazardousMinimumAge: 'minimum_hazardous_work',
  compulsoryEducationAge: 'compulsory_education',
} as const;
export type AgeField = keyof typeof USDOL_FIELDS;
export const AGE_FIELDS = Object.keys(USDOL_FIELDS) as AgeField[];

export function isValidAge(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_AGE && n <= MAX_AGE;
}
