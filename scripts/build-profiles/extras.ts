/** The hand-written additions (data/national-profiles-extra.json) read and checked for scripts/build-profiles.ts. */
import { readFileSync } from 'node:fs';
import {
  CONDITION_KEYS,
  type ConditionKey,
  type NationalLightWork,
  type NationalNightWork,
  type SourcedAge,
} from '../../src/domain/child-labour/index.ts';
import { checkNightWork } from '../profile-night-work.ts';
import { AGE_FIELDS, EXTRA_FILE, isValidAge, MAX_AGE, MIN_AGE } from './config.ts';
import { problem, problems } from './state.ts';

export interface ExtraProfile {
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

export function readExtras(): { profiles: ExtraProfile[]; sourceIds: Set<string> } {
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
