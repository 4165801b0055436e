import { ageOn } from '../../domain/child-labour/age.ts';
import { CONSENT_GIVERS, type ConsentGiver, mayStoreIdentifyingData } from '../../domain/child-labour/cases/consent.ts';
import { VERDICTS, type Verdict, WORK_KINDS, type WorkKind } from '../../domain/child-labour/types.ts';
import { isIsoDay } from '../../domain/partial-date.ts';
import { parseHoursKey, parseNight, parseSex, SEX_VALUES } from '../../screening/fields.ts';

/*
 * One row of the screener's annotated output (`tripartite screen --out`, or the portal's download)
 * read as a case to open (issue 11, "From screening to cases"; decision 220). Pure: no I/O, no clock.
 * The screener writes every input column, then `verdict,minimum_age,citations`; rows it could not
 * classify carry the verdict `invalid`. Only the columns below are read; any other passes unread.
 */
export const IMPORT_REQUIRED_COLUMNS = ['worker_id', 'birth_date', 'verdict'] as const;
/** Columns read when present. `name` and the consent columns matter only with consent (decision 222). */
export const IMPORT_OPTIONAL_COLUMNS = [
  'country',
  'work',
  'hours_per_day',
  'night',
  'sex',
  'minimum_age',
  'citations',
  'province',
  'district',
  'commodity',
  'name',
  'consent_by',
  'consent_relation',
  'consent_on',
] as const;
type Column = (typeof IMPORT_REQUIRED_COLUMNS)[number] | (typeof IMPORT_OPTIONAL_COLUMNS)[number];
export type ColumnIndex = Partial<Record<Column, number>>;

/** The screener's tag for a row it could not classify. */
export const INVALID_VERDICT = 'invalid';
/** Under 18: C182 Art 2 (a child is every person under 18) and C138 Art 3(1). */
export const CHILD_AGE_LIMIT = 18;
const MAX_WORKER_ID = 200;
const MAX_PLACE = 120;

export interface ImportBadRow {
  line: number;
  field: string;
  message: string;
}

/** Why a well-formed row opens no case. */
export type SkipReason = 'permitted' | 'other_law' | 'conditional' | 'invalid' | 'adult';

export interface CaseCandidate {
  line: number;
  workerRef: string;
  verdict: Verdict;
  minimumAge: number | null;
  citations: string[];
  age: number;
  country: string;
  work: WorkKind | null;
  hoursPerDay: number | null;
  night: boolean | null;
  sex: 'female' | 'male' | null;
  province: string | null;
  district: string | null;
  commodity: string | null;
  /** Present only when consent allows storing them (decision 222); otherwise null. */
  identifying: { name: string | null; birthDate: string; consentBy: string; consentRelation: ConsentGiver; consentOn: string } | null;
}

export type RowOutcome =
  | { kind: 'case'; candidate: CaseCandidate }
  | { kind: 'skip'; reason: SkipReason }
  | { kind: 'bad'; problem: ImportBadRow }
  /** Nothing on the line (a blank record). */
  | { kind: 'blank' };

export interface RowOptions {
  /** Day the cases are identified on: ages are completed years on this day. */
  on: string;
  /** The unit's State, used when the row has no country. */
  unitCountry: string;
  includeConditional: boolean;
  /** The caller says each row's consent columns record a parent's or guardian's consent (decision 222). */
  consentRecorded: boolean;
}

/** Header names → indexes; the missing required columns, to be reported once for the whole file. */
export function importColumns(header: readonly string[]): { index: ColumnIndex; missing: string[] } {
  const index: ColumnIndex = {};
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase() as Column;
    if ((IMPORT_REQUIRED_COLUMNS as readonly string[]).includes(name) || (IMPORT_OPTIONAL_COLUMNS as readonly string[]).includes(name)) {
      if (index[name] === undefined) index[name] = i;
    }
  });
  return { index, missing: IMPORT_REQUIRED_COLUMNS.filter((c) => index[c] === undefined) };
}

/** Whether the header carries identifying columns beyond the birth date (a name). */
export function hasNameColumn(index: ColumnIndex): boolean {
  return index.name !== undefined;
}

const VERDICT_SET = new Set<string>(VERDICTS);
const WORK_SET = new Set<string>(WORK_KINDS);

function cell(fields: readonly string[], i: number | undefined): string {
  return i === undefined ? '' : (fields[i] ?? '').trim();
}

function bytes(s: string): Buffer {
  return Buffer.from(s, 'utf8');
}

/** Reads one data record. `line` is its physical line (the header is line 1). */
export function readImportRow(line: number, fields: readonly string[], index: ColumnIndex, options: RowOptions): RowOutcome {
  if (fields.length === 1 && (fields[0] ?? '').trim() === '') return { kind: 'blank' };
  const bad = (field: string, message: string): RowOutcome => ({ kind: 'bad', problem: { line, field, message } });
  // PostgreSQL text cannot hold U+0000 (SQLite can): refused the same on both.
  for (const [name, i] of Object.entries(index)) {
    if (fields[i as number]?.includes('\u0000')) return bad(name, `${name}: contains a NUL character (U+0000)`);
  }

  const verdictText = cell(fields, index.verdict).toLowerCase();
  if (verdictText === INVALID_VERDICT) return { kind: 'skip', reason: 'invalid' };
  if (verdictText === '') return bad('verdict', 'verdict: missing (expected one of the screener verdicts)');
  if (!VERDICT_SET.has(verdictText)) return bad('verdict', `verdict: not a verdict of the screener; use one of ${VERDICTS.join(', ')}`);
  const verdict = verdictText as Verdict;

  const workerRef = cell(fields, index.worker_id);
  if (workerRef === '') return bad('worker_id', 'worker_id: missing (a case is keyed by its unit and worker id)');
  if (workerRef.length > MAX_WORKER_ID) return bad('worker_id', `worker_id: longer than ${MAX_WORKER_ID} characters`);

  const birthDate = cell(fields, index.birth_date);
  if (!isIsoDay(birthDate)) return bad('birth_date', 'birth_date: not a date YYYY-MM-DD');
  const age = ageOn(birthDate, options.on);
  if (age === null) return bad('birth_date', `birth_date: after the import day ${options.on}`);

  const minimumText = cell(fields, index.minimum_age);
  let minimumAge: number | null = null;
  if (minimumText !== '') {
    if (!/^\d{1,2}$/.test(minimumText)) return bad('minimum_age', 'minimum_age: not a whole number of years');
    minimumAge = Number(minimumText);
  }

  const countryText = cell(fields, index.country).toUpperCase();
  if (countryText !== '' && !/^[A-Z]{3}$/.test(countryText)) return bad('country', 'country: not an ISO 3166 alpha-3 code');
  const country = countryText || options.unitCountry;

  const workText = cell(fields, index.work).toLowerCase();
  if (workText !== '' && !WORK_SET.has(workText)) return bad('work', `work: not a known kind of work; use one of ${WORK_KINDS.join(', ')}`);

  const hoursText = cell(fields, index.hours_per_day);
  let hoursPerDay: number | null = null;
  if (hoursText !== '') {
    const key = parseHoursKey(bytes(hoursText), 0, bytes(hoursText).length);
    const n = Number(hoursText);
    if (key < -1 || !Number.isFinite(n) || n < 0 || n > 24)
      return bad('hours_per_day', 'hours_per_day: not a number of hours from 0 to 24');
    hoursPerDay = n;
  }

  const nightText = cell(fields, index.night);
  let night: boolean | null = null;
  if (nightText !== '') {
    const n = parseNight(bytes(nightText), 0, bytes(nightText).length);
    if (n < 0) return bad('night', 'night: use 1/0, true/false or yes/no');
    night = n === 1;
  }

  const sexText = cell(fields, index.sex);
  const sexCode = sexText === '' ? 0 : parseSex(bytes(sexText), 0, bytes(sexText).length);
  if (sexCode < 0) return bad('sex', 'sex: use female/f/perempuan or male/m/laki-laki');

  const province = cell(fields, index.province) || null;
  const district = cell(fields, index.district) || null;
  const commodity = cell(fields, index.commodity) || null;
  if ((province?.length ?? 0) > MAX_PLACE) return bad('province', `province: longer than ${MAX_PLACE} characters`);
  if ((district?.length ?? 0) > MAX_PLACE) return bad('district', `district: longer than ${MAX_PLACE} characters`);
  if ((commodity?.length ?? 0) > MAX_PLACE) return bad('commodity', `commodity: longer than ${MAX_PLACE} characters`);

  // A well-formed row: whether it opens a case.
  if (verdict === 'permitted' || verdict === 'other_law') return { kind: 'skip', reason: verdict };
  if (verdict === 'conditional' && !options.includeConditional) return { kind: 'skip', reason: 'conditional' };
  if (age >= CHILD_AGE_LIMIT) return { kind: 'skip', reason: 'adult' };

  const citations = cell(fields, index.citations)
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return {
    kind: 'case',
    candidate: {
      line,
      workerRef,
      verdict,
      minimumAge,
      citations: [...new Set(citations)],
      age,
      country,
      work: workText === '' ? null : (workText as WorkKind),
      hoursPerDay,
      night,
      sex: SEX_VALUES[sexCode] ?? null,
      province,
      district,
      commodity,
      identifying: options.consentRecorded ? consentedIdentifying(fields, index, birthDate, options.on) : null,
    },
  };
}

/**
 * The row's name and birth date, when its consent columns record a parent's or guardian's consent
 * given on or before the import day (UU 27/2022 Pasal 25(2), via mayStoreIdentifyingData); null
 * otherwise, and the case is then stored without them.
 */
function consentedIdentifying(fields: readonly string[], index: ColumnIndex, birthDate: string, on: string): CaseCandidate['identifying'] {
  const relation = cell(fields, index.consent_relation).toLowerCase();
  const consentBy = cell(fields, index.consent_by);
  const consentOn = cell(fields, index.consent_on);
  if (!(CONSENT_GIVERS as readonly string[]).includes(relation) || !isIsoDay(consentOn)) return null;
  const decision = mayStoreIdentifyingData(
    { givenBy: relation as ConsentGiver, giverName: consentBy, givenOn: consentOn, purposes: ['case_management'], withdrawnOn: null },
    'case_management',
    on,
  );
  if (!decision.allowed) return null;
  return { name: cell(fields, index.name) || null, birthDate, consentBy, consentRelation: relation as ConsentGiver, consentOn };
}
