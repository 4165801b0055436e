/**
 * Builds data/national-profiles.json (NationalProfile[], ordered by ISO3) for the child-labour engine
 * from USDOL's legal standards (../shared/reference-data/usdol/legal_standards_2022.csv, source
 * USDOL-SWEATTOIL-2022) plus the hand-written data/national-profiles-extra.json.
 *
 * Rules the script follows (as scripts/build-data.ts does):
 * - A USDOL age is a known fact only where its `_standard` column is `Yes` and its `_age` column is a
 *   number. `minimum_work_standard=No, minimum_work_age=12` means the law has no such standard, so
 *   the age is UNKNOWN (null), never 12.
 * - Ages are whole years from 10 to 21; anything else stops the build, except the values listed in
 *   REVIEWED_UNUSABLE, which a person has looked at: those stay unknown and are kept visible in the
 *   profile's `notes`.
 * - A hand-written value never silently overrides USDOL: where both give a field they must agree
 *   (the sources are then joined), otherwise the build fails showing both.
 * - Validate everything first and write nothing unless all of it is valid; output is deterministic.
 *
 * Run: node --import tsx scripts/build-profiles.ts
 * REFERENCE_DATA_DIR overrides the input folder (default ../shared/reference-data).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CONDITION_KEYS,
  type ConditionKey,
  type NationalLightWork,
  type NationalNightWork,
  type NationalProfile,
  type SourcedAge,
} from '../src/domain/child-labour/index.ts';
import { checkNightWork } from './profile-night-work.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REF = resolve(process.env.REFERENCE_DATA_DIR ?? resolve(ROOT, '../shared/reference-data'));
const USDOL_FILE = resolve(REF, 'usdol/legal_standards_2022.csv');
const EXTRA_FILE = resolve(ROOT, 'data/national-profiles-extra.json');
const OUT_FILE = resolve(ROOT, 'data/national-profiles.json');

const USDOL_SOURCE = 'USDOL-SWEATTOIL-2022';
const MIN_AGE = 10;
const MAX_AGE = 21;

/** Profile field ← USDOL column prefix (`<prefix>_standard`, `<prefix>_age`). */
const USDOL_FIELDS = {
  generalMinimumAge: 'minimum_work',
  hazardousMinimumAge: 'minimum_hazardous_work',
  compulsoryEducationAge: 'compulsory_education',
} as const;
type AgeField = keyof typeof USDOL_FIELDS;
const AGE_FIELDS = Object.keys(USDOL_FIELDS) as AgeField[];

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

// ---------------------------------------------------------------------------------------------
// Problems are collected, not thrown, so one run reports every bad value at once.

const problems: string[] = [];
const usedExclusions = new Set<string>();

function problem(file: string, line: number | null, message: string): void {
  problems.push(`${relative(ROOT, file)}${line === null ? '' : `:${line}`}: ${message}`);
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180): quoted fields may hold commas, doubled quotes and line breaks.

interface CsvRow {
  line: number;
  cells: string[];
}

function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) throw new Error(`unterminated quoted field starting on line ${rowLine}`);
  if (cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// USDOL

function isValidAge(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_AGE && n <= MAX_AGE;
}

function readUsdol(): Map<string, NationalProfile> {
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

// ---------------------------------------------------------------------------------------------
// Hand-written additions

interface ExtraProfile {
  iso3: string;
  generalMinimumAge?: SourcedAge;
  hazardousMinimumAge?: SourcedAge;
  compulsoryEducationAge?: SourcedAge;
  childUnderAge?: SourcedAge;
  lightWork?: NationalLightWork;
  nightWork?: NationalNightWork;
  notes?: string[];
}

const EXTRA_KEYS = new Set(['iso3', ...AGE_FIELDS, 'childUnderAge', 'lightWork', 'nightWork', 'notes']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readExtras(): { profiles: ExtraProfile[]; sourceIds: Set<string> } {
  const raw: unknown = JSON.parse(readFileSync(EXTRA_FILE, 'utf8'));
  const sourceIds = new Set<string>();
  const profiles: ExtraProfile[] = [];
  if (!isRecord(raw) || !Array.isArray(raw.sources) || !Array.isArray(raw.profiles)) {
    problem(EXTRA_FILE, null, 'expected { sources: [...], profiles: [...] }');
    return { profiles, sourceIds };
  }
  for (const s of raw.sources) {
    if (
      !isRecord(s) ||
      typeof s.id !== 'string' ||
      !/^[A-Z0-9-]+$/.test(s.id) ||
      typeof s.description !== 'string' ||
      !s.description.trim()
    ) {
      problem(EXTRA_FILE, null, `sources: each entry needs an upper-case id and a description, got ${JSON.stringify(s)}`);
    } else sourceIds.add(s.id);
  }
  raw.profiles.forEach((p, i) => {
    const where = `profiles[${i}]`;
    if (!isRecord(p) || typeof p.iso3 !== 'string' || !/^[A-Z]{3}$/.test(p.iso3)) {
      problem(EXTRA_FILE, null, `${where}: needs an iso3 code`);
      return;
    }
    for (const key of Object.keys(p)) if (!EXTRA_KEYS.has(key)) problem(EXTRA_FILE, null, `${where}.${key}: unknown field`);
    const out: ExtraProfile = { iso3: p.iso3 };
    for (const field of [...AGE_FIELDS, 'childUnderAge'] as const) {
      if (p[field] === undefined) continue;
      const age = checkSourcedAge(p[field], `${where}.${field}`, sourceIds);
      if (age) out[field] = age;
    }
    if (p.lightWork !== undefined) {
      const lw = checkLightWork(p.lightWork, `${where}.lightWork`, sourceIds);
      if (lw) out.lightWork = lw;
    }
    if (p.nightWork !== undefined) {
      const nw = checkNightWork(p.nightWork, `${where}.nightWork`, {
        problem: (message) => problem(EXTRA_FILE, null, message),
        age: (value, at) => checkAge(value, at),
        source: (value, at) => checkSource(value, at, sourceIds),
        citation: (value, at) => checkCitation(value, at),
      });
      if (nw) out.nightWork = nw;
    }
    if (p.notes !== undefined) {
      if (Array.isArray(p.notes) && p.notes.every((n) => typeof n === 'string' && n.trim())) out.notes = p.notes as string[];
      else problem(EXTRA_FILE, null, `${where}.notes: must be a list of non-empty strings`);
    }
    profiles.push(out);
  });
  const seen = new Set<string>();
  for (const p of profiles) {
    if (seen.has(p.iso3)) problem(EXTRA_FILE, null, `duplicate profile for ${p.iso3}`);
    seen.add(p.iso3);
  }
  return { profiles, sourceIds };
}

function checkSource(value: unknown, where: string, sourceIds: Set<string>): value is string {
  if (typeof value === 'string' && sourceIds.has(value)) return true;
  problem(EXTRA_FILE, null, `${where}: source ${JSON.stringify(value)} is not described under "sources"`);
  return false;
}

function checkCitation(value: unknown, where: string): boolean {
  if (value === undefined || (typeof value === 'string' && value.trim() !== '')) return true;
  problem(EXTRA_FILE, null, `${where}: citation must be a non-empty string`);
  return false;
}

function checkAge(value: unknown, where: string): value is number {
  if (typeof value === 'number' && isValidAge(value)) return true;
  problem(EXTRA_FILE, null, `${where}: ${JSON.stringify(value)} is not a whole number of years from ${MIN_AGE} to ${MAX_AGE}`);
  return false;
}

function checkSourcedAge(v: unknown, where: string, sourceIds: Set<string>): SourcedAge | null {
  if (!isRecord(v)) {
    problem(EXTRA_FILE, null, `${where}: expected { value, source, citation? }`);
    return null;
  }
  const ok = [checkAge(v.value, `${where}.value`), checkSource(v.source, `${where}.source`, sourceIds), checkCitation(v.citation, where)];
  if (ok.includes(false)) return null;
  const out: SourcedAge = { value: v.value as number, source: v.source as string };
  if (typeof v.citation === 'string') out.citation = v.citation;
  return out;
}

function checkLightWork(v: unknown, where: string, sourceIds: Set<string>): NationalLightWork | null {
  if (!isRecord(v)) {
    problem(EXTRA_FILE, null, `${where}: expected an object`);
    return null;
  }
  const before = problems.length;
  checkAge(v.minAge, `${where}.minAge`);
  checkAge(v.maxAge, `${where}.maxAge`);
  if (typeof v.minAge === 'number' && typeof v.maxAge === 'number' && v.minAge > v.maxAge) {
    problem(EXTRA_FILE, null, `${where}: minAge ${v.minAge} is above maxAge ${v.maxAge}`);
  }
  const hours = v.maxHoursPerDay;
  if (!(hours === null || (typeof hours === 'number' && hours > 0 && hours <= 24))) {
    problem(EXTRA_FILE, null, `${where}.maxHoursPerDay: must be null or a number of hours above 0 and at most 24`);
  }
  for (const flag of ['daytimeOnly', 'outsideSchoolHours'] as const) {
    if (typeof v[flag] !== 'boolean') problem(EXTRA_FILE, null, `${where}.${flag}: must be true or false`);
  }
  const conditions = v.conditions;
  if (!Array.isArray(conditions) || conditions.some((c) => !(CONDITION_KEYS as readonly unknown[]).includes(c))) {
    problem(EXTRA_FILE, null, `${where}.conditions: each must be one of CONDITION_KEYS (src/domain/child-labour/types.ts)`);
  }
  checkSource(v.source, `${where}.source`, sourceIds);
  checkCitation(v.citation, where);
  if (problems.length > before) return null;
  const out: NationalLightWork = {
    minAge: v.minAge as number,
    maxAge: v.maxAge as number,
    maxHoursPerDay: hours as number | null,
    daytimeOnly: v.daytimeOnly as boolean,
    outsideSchoolHours: v.outsideSchoolHours as boolean,
    conditions: conditions as ConditionKey[],
    source: v.source as string,
  };
  if (typeof v.citation === 'string') out.citation = v.citation;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Merge

function emptyProfile(iso3: string): NationalProfile {
  return { iso3, generalMinimumAge: null, hazardousMinimumAge: null, compulsoryEducationAge: null, sources: [] };
}

/** Agreeing values keep USDOL's number and gain the hand-written source and citation. */
function mergeAge(iso3: string, field: AgeField, usdol: SourcedAge | null, extra: SourcedAge): SourcedAge | null {
  if (usdol === null) return extra;
  if (usdol.value !== extra.value) {
    problem(
      EXTRA_FILE,
      null,
      `${iso3}.${field}: hand-written ${extra.value} (${extra.source}${extra.citation ? `, ${extra.citation}` : ''}) conflicts with ${usdol.value} (${usdol.source}). Nothing is written until one of them is corrected.`,
    );
    return usdol;
  }
  const merged: SourcedAge = { value: usdol.value, source: `${usdol.source};${extra.source}` };
  const citation = extra.citation ?? usdol.citation;
  if (citation) merged.citation = citation;
  return merged;
}

function merge(base: Map<string, NationalProfile>, extras: ExtraProfile[]): NationalProfile[] {
  for (const extra of extras) {
    const p = base.get(extra.iso3) ?? emptyProfile(extra.iso3);
    for (const field of AGE_FIELDS) {
      const e = extra[field];
      if (e) p[field] = mergeAge(extra.iso3, field, p[field], e);
    }
    if (extra.childUnderAge) p.childUnderAge = extra.childUnderAge;
    if (extra.lightWork) p.lightWork = extra.lightWork;
    if (extra.nightWork) p.nightWork = extra.nightWork;
    if (extra.notes) p.notes = [...(p.notes ?? []), ...extra.notes];
    const used = [
      ...AGE_FIELDS.flatMap((f) => p[f]?.source.split(';') ?? []),
      ...(p.childUnderAge ? [p.childUnderAge.source] : []),
      ...(p.lightWork ? [p.lightWork.source] : []),
      ...(p.nightWork ? [p.nightWork.source] : []),
    ];
    p.sources = [...new Set(used)].sort();
    base.set(extra.iso3, p);
  }
  return [...base.values()].sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0)).map(ordered);
}

/** Stable key order in the output, optional fields only when present. */
function ordered(p: NationalProfile): NationalProfile {
  const out: NationalProfile = {
    iso3: p.iso3,
    generalMinimumAge: p.generalMinimumAge,
    hazardousMinimumAge: p.hazardousMinimumAge,
    compulsoryEducationAge: p.compulsoryEducationAge,
  } as NationalProfile;
  if (p.lightWork) out.lightWork = p.lightWork;
  if (p.nightWork) out.nightWork = p.nightWork;
  if (p.childUnderAge) out.childUnderAge = p.childUnderAge;
  out.sources = p.sources;
  if (p.notes) out.notes = p.notes;
  return out;
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  const usdol = readUsdol();
  const usdolRows = usdol.size;
  const { profiles: extras } = readExtras();
  const profiles = problems.length ? [] : merge(usdol, extras);
  if (problems.length) {
    console.error(`build-profiles: ${problems.length} problem(s); nothing written.`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  writeFileSync(OUT_FILE, `${JSON.stringify(profiles, null, 2)}\n`);

  const known = (pick: (p: NationalProfile) => unknown) => profiles.filter((p) => pick(p) != null).length;
  console.log(
    `Wrote ${relative(ROOT, OUT_FILE)}: ${profiles.length} profiles (${usdolRows} USDOL rows, ${extras.length} hand-written additions).`,
  );
  console.log(`  general minimum age known:      ${known((p) => p.generalMinimumAge)}`);
  console.log(`  hazardous minimum age known:    ${known((p) => p.hazardousMinimumAge)}`);
  console.log(`  compulsory education age known: ${known((p) => p.compulsoryEducationAge)}`);
  console.log(`  light-work rules:               ${known((p) => p.lightWork)}`);
  console.log(`  night-work rules:               ${known((p) => p.nightWork)}`);
  console.log(`  national child definitions:     ${known((p) => p.childUnderAge)}`);
  console.log(`  no field known:                 ${profiles.filter((p) => p.sources.length === 0).length}`);
  console.log(`  reviewed values left unknown:   ${usedExclusions.size} (${[...usedExclusions].sort().join(', ')})`);
}

main();
