/**
 * Builds the project's normalised data files (data/*.json, data/subjects.csv, data/README.md) from
 * the sourced reference data in ../shared/reference-data/ (see its SOURCES.md).
 *
 * Rules the whole script follows:
 * - Never invent a fact. A value the source lacks becomes `null` (unknown), never a default.
 * - Every fact keeps its source ids and confidence as written in the reference data.
 * - Validate everything first; write nothing unless every input is valid. Problems name the file,
 *   the line and the field, and make the script exit non-zero.
 * - Output is deterministic (stable order, no timestamps) so a rebuild gives a clean diff.
 *
 * Run: npm run data:build   (node --import tsx scripts/build-data.ts)
 * REFERENCE_DATA_DIR overrides the input folder (default ../shared/reference-data).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import countriesLib from 'i18n-iso-countries';
import idLocale from 'i18n-iso-countries/langs/id.json' with { type: 'json' };
import type { IloRegion, MemberState } from '../src/domain/country.ts';
import { ILO_REGIONS, normaliseIso3 } from '../src/domain/country.ts';
import { COUNTRY_NAMES_ID_SOURCE, indonesianCountryName } from '../src/domain/country-names-id.ts';
import type { CompleteList } from '../src/domain/coverage.ts';
import type { Confidence } from '../src/domain/facts.ts';
import { CONFIDENCES, splitSources } from '../src/domain/facts.ts';
import type { IlcSession } from '../src/domain/ilc-session.ts';
import type { Instrument, InstrumentCategory, InstrumentStatus, InstrumentType, PublishedCount } from '../src/domain/instrument.ts';
import {
  INSTRUMENT_CATEGORIES,
  INSTRUMENT_STATUSES,
  INSTRUMENT_TYPES,
  instrumentTypeOfCode,
  normaliseInstrumentCode,
} from '../src/domain/instrument.ts';
import { isOnOrBefore, parsePartialDate } from '../src/domain/partial-date.ts';
import type { Declaration, Ratification, RatificationStatus } from '../src/domain/ratification.ts';
import { buildCompleteLists } from './build-coverage.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = resolve(ROOT, 'data');
const REF = resolve(process.env.REFERENCE_DATA_DIR ?? resolve(ROOT, '../shared/reference-data'));

/** Project-own source ids (not in SOURCES.md). */
const TRANSLATION_SOURCE = 'TRIPARTITE-TRANSLATION';
const COUNTRY_NAMES_SOURCE = 'I18N-ISO-COUNTRIES';
const PROJECT_SOURCES: SourceEntry[] = [
  { id: TRANSLATION_SOURCE, description: 'Unofficial Indonesian translation by the Tripartite project; not an official title' },
  { id: COUNTRY_NAMES_SOURCE, description: 'Indonesian country names from the npm package i18n-iso-countries' },
  {
    id: COUNTRY_NAMES_ID_SOURCE,
    description: 'Indonesian country names the package gets wrong, corrected in a reviewed table (src/domain/country-names-id.ts)',
  },
];

/**
 * Entry-into-force delay for a State's ratification, only where the final provisions are in the
 * sources (the authentic texts of C138 and C182). Every other instrument stays null: not guessed.
 */
const RATIFICATION_EIF: Record<string, { months: number; article: string }> = {
  C138: { months: 12, article: 'C138 Art 12(3)' },
  C182: { months: 12, article: 'C182 Art 10(3)' },
};

/** Instruments that must carry an Indonesian title (official, else our marked translation). */
const TITLE_ID_REQUIRED_EXTRA = ['P029', 'R146', 'R190'];
/** Instruments that must get at least one subject, besides fundamental and governance ones. */
const SUBJECT_REQUIRED_EXTRA = ['R146', 'R190'];

// ---------------------------------------------------------------------------------------------
// Problems: collected, not thrown, so one run reports every bad cell at once.

interface Problem {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

const problems: Problem[] = [];
const warnings: string[] = [];

function problem(file: string, line: number | null, field: string | null, message: string): void {
  problems.push({ file, line, field, message });
}

function formatProblem(p: Problem): string {
  const where = [p.file, p.line === null ? null : String(p.line)].filter((x) => x !== null).join(':');
  return `${where}${p.field ? ` [${p.field}]` : ''}: ${p.message}`;
}

// ---------------------------------------------------------------------------------------------
// CSV

interface CsvRecord {
  /** 1-based line where the record starts in the file (records may span lines). */
  line: number;
  values: Map<string, string>;
}

interface CsvTable {
  file: string;
  header: string[];
  records: CsvRecord[];
}

/**
 * RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF.
 * A stray quote inside an unquoted field or an unterminated quote is an error, not guessed at.
 */
function parseCsv(text: string, file: string): { rows: { line: number; fields: string[] }[] } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false;
  let fieldStarted = false;

  const endField = () => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    // A blank line (one empty field) is not a record.
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
  };

  while (i < src.length) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new Error(`${file}:${line}: text after a closing quote`);
        }
        continue;
      }
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') {
      if (fieldStarted || field !== '') throw new Error(`${file}:${line}: quote inside an unquoted field`);
      quoted = true;
      fieldStarted = true;
      i += 1;
      continue;
    }
    if (ch === ',') {
      endField();
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line += 1;
      rowLine = line;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i += 1;
  }
  if (quoted) throw new Error(`${file}:${rowLine}: unterminated quoted field`);
  if (field !== '' || fields.length > 0) endRow();
  return { rows };
}

function readCsv(path: string, label: string, required: readonly string[]): CsvTable {
  const { rows } = parseCsv(readFileSync(path, 'utf8'), label);
  const [head, ...body] = rows;
  if (!head) throw new Error(`${label}: empty file`);
  const header = head.fields.map((h) => h.trim());
  for (const col of required) {
    if (!header.includes(col)) problem(label, 1, col, 'required column missing');
  }
  const records: CsvRecord[] = [];
  for (const row of body) {
    if (row.fields.length !== header.length) {
      problem(label, row.line, null, `expected ${header.length} fields, found ${row.fields.length}`);
      continue;
    }
    const values = new Map<string, string>();
    for (const [k, h] of header.entries()) values.set(h, row.fields[k] ?? '');
    records.push({ line: row.line, values });
  }
  return { file: label, header, records };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function toCsv(header: string[], rows: string[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Cell readers. Each reports a problem (with file/line/field) and returns null on bad input.

class Cells {
  constructor(
    readonly file: string,
    readonly rec: CsvRecord,
  ) {}

  raw(field: string): string {
    return (this.rec.values.get(field) ?? '').trim();
  }

  /** Free text; empty means unknown. */
  text(field: string): string | null {
    const v = this.raw(field);
    return v === '' ? null : v;
  }

  required(field: string): string {
    const v = this.raw(field);
    if (v === '') this.bad(field, 'value required');
    return v;
  }

  int(field: string, opts: { required?: boolean } = {}): number | null {
    const v = this.raw(field);
    if (v === '') {
      if (opts.required) this.bad(field, 'value required');
      return null;
    }
    if (!/^\d+$/.test(v)) {
      this.bad(field, `not a whole number: "${v}"`);
      return null;
    }
    return Number(v);
  }

  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', checked as a real calendar date. */
  date(field: string): string | null {
    const v = this.raw(field);
    if (v === '') return null;
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) || !parsePartialDate(v)) {
      this.bad(field, `not a partial date (YYYY, YYYY-MM or YYYY-MM-DD): "${v}"`);
      return null;
    }
    return v;
  }

  /** The date_precision column, when present, must agree with the date's own shape. */
  dateWithPrecision(dateField: string, precisionField: string): string | null {
    const date = this.date(dateField);
    const precision = this.raw(precisionField);
    const actual = date === null ? '' : parsePartialDate(date)?.precision;
    if ((precision || '') !== (actual ?? '')) {
      this.bad(precisionField, `"${precision}" does not match date "${date ?? ''}" (${actual || 'none'})`);
    }
    return date;
  }

  confidence(field: string, opts: { required: boolean }): Confidence | null {
    const v = this.raw(field);
    if (v === '') {
      if (opts.required) this.bad(field, 'confidence required');
      return null;
    }
    if (!(CONFIDENCES as readonly string[]).includes(v)) {
      this.bad(field, `unknown confidence "${v}" (expected ${CONFIDENCES.join(', ')})`);
      return null;
    }
    return v as Confidence;
  }

  oneOf<T extends string>(field: string, vocabulary: readonly T[]): T | null {
    const v = this.raw(field);
    if (v === '') return null;
    if (!(vocabulary as readonly string[]).includes(v)) {
      this.bad(field, `unknown value "${v}" (expected one of: ${vocabulary.join(', ')})`);
      return null;
    }
    return v as T;
  }

  bad(field: string, message: string): void {
    problem(this.file, this.rec.line, field, message);
  }
}

function rowsOf(table: CsvTable): Cells[] {
  return table.records.map((r) => new Cells(table.file, r));
}

// ---------------------------------------------------------------------------------------------
// Instruments

/** Code-point order: the same on every machine, unlike localeCompare. */
function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Instrument order: type C < P < R, then number (codes are normalised, e.g. C005). */
function compareCodes(a: string, b: string): number {
  const types = 'CPR';
  return types.indexOf(a[0] ?? '') - types.indexOf(b[0] ?? '') || Number(a.slice(1)) - Number(b.slice(1));
}

/** `revises` holds codes separated by ';' or spaces, possibly unpadded ("C5"). */
function parseCodeList(cells: Cells, field: string): string[] {
  const raw = cells.raw(field);
  if (raw === '') return [];
  const out: string[] = [];
  for (const token of raw.split(/[;\s]+/).filter(Boolean)) {
    const code = normaliseInstrumentCode(token);
    if (!code) cells.bad(field, `not an instrument code: "${token}"`);
    else if (!out.includes(code)) out.push(code);
  }
  return out;
}

interface InstrumentRow {
  instrument: Instrument;
  line: number;
}

function readInstruments(): InstrumentRow[] {
  const table = readCsv(resolve(REF, 'instruments.csv'), 'instruments.csv', [
    'code',
    'type',
    'number',
    'short_title',
    'adoption_date',
    'ilc_session',
    'entry_into_force',
    'status',
    'category',
    'revises',
    'source',
    'verified_fields',
    'confidence',
    'notes',
  ]);
  const out: InstrumentRow[] = [];
  for (const c of rowsOf(table)) {
    const rawCode = c.required('code');
    const code = normaliseInstrumentCode(rawCode);
    if (!code || code !== rawCode) c.bad('code', `not a normalised instrument code: "${rawCode}"`);
    const type = c.oneOf<InstrumentType>('type', INSTRUMENT_TYPES);
    if (code && type && instrumentTypeOfCode(code) !== type) c.bad('type', `"${type}" does not match code ${code}`);
    const number = c.int('number', { required: true });
    if (code && number !== null && Number(code.slice(1)) !== number) c.bad('number', `${number} does not match code ${code}`);
    const eif = RATIFICATION_EIF[code ?? ''];
    out.push({
      line: c.rec.line,
      instrument: {
        code: code ?? rawCode,
        type: type ?? 'convention',
        number: number ?? 0,
        titleEn: c.required('short_title'),
        titleId: null,
        titleIdKind: null,
        titleIdSource: null,
        titleIdAct: null,
        adoptionDate: c.date('adoption_date'),
        ilcSession: c.int('ilc_session'),
        entryIntoForce: c.date('entry_into_force'),
        status: c.oneOf<InstrumentStatus>('status', INSTRUMENT_STATUSES),
        category: c.oneOf<InstrumentCategory>('category', INSTRUMENT_CATEGORIES),
        subjects: [],
        revises: parseCodeList(c, 'revises'),
        ratificationEifMonths: eif?.months ?? null,
        ratificationEifArticle: eif?.article ?? null,
        verifiedFields: c.raw('verified_fields').split(/\s+/).filter(Boolean),
        publishedCount: null,
        source: c.text('source'),
        confidence: c.confidence('confidence', { required: true }),
        notes: c.text('notes'),
      },
    });
  }
  return out;
}

/** Flags cross-field oddities that are not errors: the reader should know, the data stays as sourced. */
function checkInstrumentConsistency(rows: InstrumentRow[], sessions: Map<number, IlcSession>): void {
  const codes = new Set(rows.map((r) => r.instrument.code));
  const seen = new Set<string>();
  for (const { instrument: i, line } of rows) {
    if (seen.has(i.code)) problem('instruments.csv', line, 'code', `duplicate instrument ${i.code}`);
    seen.add(i.code);
    for (const r of i.revises) {
      if (!codes.has(r)) problem('instruments.csv', line, 'revises', `${r} is not in instruments.csv`);
    }
    // A Protocol's title ends with its Convention's year; its own year follows "Protocol of".
    const titleYear = (i.type === 'protocol' ? /^Protocol of (\d{4})\b/ : /, (\d{4})$/).exec(i.titleEn)?.[1];
    if (!titleYear) warnings.push(`instruments.csv:${line} ${i.code}: title has no trailing year: "${i.titleEn}"`);
    else if (i.adoptionDate && i.adoptionDate.slice(0, 4) !== titleYear) {
      warnings.push(`instruments.csv:${line} ${i.code}: adoption ${i.adoptionDate} but title year ${titleYear}`);
    }
    if (i.ilcSession !== null) {
      const s = sessions.get(i.ilcSession);
      if (s?.year != null && i.adoptionDate && Number(i.adoptionDate.slice(0, 4)) !== s.year) {
        warnings.push(`instruments.csv:${line} ${i.code}: adopted ${i.adoptionDate} but ILC session ${i.ilcSession} is ${s.year}`);
      }
    }
    if (i.entryIntoForce && i.adoptionDate && i.entryIntoForce < i.adoptionDate) {
      problem('instruments.csv', line, 'entry_into_force', `${i.entryIntoForce} is before adoption ${i.adoptionDate}`);
    }
  }
}

function readPublishedCounts(codes: Set<string>): Map<string, PublishedCount> {
  const file = 'ratification_counts.csv';
  const table = readCsv(resolve(REF, file), file, ['code', 'ratifications_count', 'as_of', 'source', 'confidence', 'notes']);
  const out = new Map<string, PublishedCount>();
  for (const c of rowsOf(table)) {
    const code = c.required('code');
    if (!codes.has(code)) c.bad('code', `${code} is not in instruments.csv`);
    if (out.has(code)) c.bad('code', `duplicate count for ${code}`);
    const count = c.int('ratifications_count');
    // A row without a count is a documented gap: only its note survives, the rest is unknown.
    out.set(
      code,
      count === null
        ? { count: null, asOf: null, source: null, confidence: null, notes: c.text('notes') }
        : {
            count,
            asOf: c.date('as_of'),
            source: c.text('source'),
            confidence: c.confidence('confidence', { required: true }),
            notes: c.text('notes'),
          },
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Subjects: editorial keyword rules on the English title. Only topics the title states plainly;
// an instrument whose title names no listed topic gets no subject rather than a guess.

const SUBJECTS = [
  'child-labour',
  'forced-labour',
  'freedom-of-association',
  'collective-bargaining',
  'equality',
  'occupational-safety-and-health',
  'labour-inspection',
  'tripartite-consultation',
  'employment-policy',
  'maritime',
  'working-time',
  'wages',
  'social-security',
  'migrant-workers',
  'domestic-workers',
  'violence-and-harassment',
  'indigenous-peoples',
  'employment-services',
] as const;
type Subject = (typeof SUBJECTS)[number];

interface SubjectRule {
  subject: Subject;
  match: RegExp;
  /** Titles that contain the keyword but are about something else. */
  unless?: RegExp;
}

const SUBJECT_RULES: SubjectRule[] = [
  {
    subject: 'child-labour',
    match: /\bMinimum Age\b|\bChild Labour\b|\bYoung Persons\b|\bChildren and Young Persons\b|\bYoung Seafarers\b/i,
    unless: /^Unemployment \(Young Persons\)/i,
  },
  { subject: 'forced-labour', match: /\bForced Labour\b/i },
  {
    subject: 'freedom-of-association',
    match:
      /\bFreedom of Association\b|\bRight of Association\b|\bRight to Organise\b|\bWorkers' Representatives\b|\bWorkers' Organisations\b/i,
  },
  { subject: 'collective-bargaining', match: /\bCollective Bargaining\b|\bCollective Agreements\b/i },
  { subject: 'equality', match: /\bDiscrimination\b|\bEqual Remuneration\b|\bEquality of Treatment\b|\bFamily Responsibilities\b/i },
  {
    subject: 'occupational-safety-and-health',
    // "Safety", "Health(y)", "Hygiene", accident prevention and named workplace hazards.
    match:
      /\bSafety\b|\bHealth|\bHygiene\b|\bPrevention of (Industrial |Major Industrial )?Accidents\b|\bProtection against Accidents\b|\bAccident Prevention\b|\bRadiation Protection\b|\bBenzene\b|\bAsbestos\b|\bChemicals\b|\bWhite Lead\b|\bWhite Phosphorus\b|\bAnthrax\b|\bLead Poisoning\b|\bOccupational Cancer\b|\bGuarding of Machinery\b|\bWorking Environment\b|\bMaximum Weight\b/i,
  },
  { subject: 'labour-inspection', match: /\bLabour Inspect(ion|orates)\b/i },
  { subject: 'tripartite-consultation', match: /\bTripartite Consultation\b|^Consultation \(Industrial and National Levels\)/i },
  {
    subject: 'employment-policy',
    match: /\bEmployment Policy\b|\bEmployment Promotion\b|\bJob Creation\b|\bEmployment and Decent Work\b/i,
  },
  {
    subject: 'maritime',
    match: /\bSeafarers?'?|\bSeamen'?s?\b|\bMaritime\b|\bShip|\bMerchant Shipping\b|\(Sea\)|\bat Sea\b|\bCrews?\b/i,
    // Fishing-vessel crews are a separate ILO sector, so the title does not make "maritime" plain;
    // R026 is about emigrant women travelling by ship, not about work at sea.
    unless: /\bFishermen\b|\bFemales at Sea\b/i,
  },
  {
    subject: 'working-time',
    match:
      /\bHours of Work\b|\bWeekly Rest\b|\bHolidays with Pay\b|\bPaid Vacations\b|\bAnnual Leave\b|\bNight Work\b|\bForty-Hour Week\b|\bRest Periods\b|\bPart-Time Work\b|\bRegulating Hours\b|\bHours of Work and Manning\b/i,
    unless: /\bStatistics\b/i,
  },
  { subject: 'wages', match: /\bWages?\b|\bMinimum Wage/i, unless: /\bStatistics\b/i },
  {
    subject: 'social-security',
    match:
      /\bSocial Security\b|\bInsurance\b|\bPension|\bInvalidity\b|\bOld-Age\b|\bSurvivors'|\bEmployment Injury\b|\bSickness Benefits\b|\bWorkmen's Compensation\b|\bAccident Compensation\b|\bIncome Security\b|\bSocial Protection Floors\b|\bUnemployment (Provision|Indemnity)\b|\bProtection against Unemployment\b/i,
  },
  { subject: 'migrant-workers', match: /\bMigrant|\bMigration\b|\bEmigrants\b/i },
  { subject: 'domestic-workers', match: /\bDomestic Workers\b/i },
  { subject: 'violence-and-harassment', match: /\bViolence and Harassment\b/i },
  { subject: 'indigenous-peoples', match: /\bIndigenous\b|\bTribal\b/i },
  {
    subject: 'employment-services',
    match: /\bEmployment Service\b|\bEmployment Agencies\b|\bPlacing of Seamen\b|\bRecruitment and Placement\b/i,
  },
];

function subjectsForTitle(title: string): Subject[] {
  // Drop the trailing ", YYYY" so a year can never trigger a rule.
  const t = title.replace(/, \d{4}$/, '');
  return SUBJECT_RULES.filter((r) => r.match.test(t) && !r.unless?.test(t)).map((r) => r.subject);
}

// ---------------------------------------------------------------------------------------------
// Indonesian titles

interface OfficialTitle {
  title: string;
  act: string | null;
  source: string | null;
}

function readOfficialTitles(codes: Set<string>): Map<string, OfficialTitle> {
  const file = 'instrument_titles_id.csv';
  const table = readCsv(resolve(REF, file), file, ['code', 'title_id', 'kind', 'legal_act', 'source', 'confidence']);
  const out = new Map<string, OfficialTitle>();
  for (const c of rowsOf(table)) {
    const code = c.required('code');
    if (!codes.has(code)) c.bad('code', `${code} is not in instruments.csv`);
    if (out.has(code)) c.bad('code', `duplicate title for ${code}`);
    // Only official titles belong here; anything else would be mislabelled as official.
    if (!c.raw('kind').startsWith('official')) c.bad('kind', `expected an official title, got "${c.raw('kind')}"`);
    c.confidence('confidence', { required: true });
    out.set(code, { title: c.required('title_id'), act: c.text('legal_act'), source: c.text('source') });
  }
  return out;
}

function readOwnTranslations(codes: Set<string>): Map<string, string> {
  const file = 'data/instrument-titles-id.csv';
  const table = readCsv(resolve(DATA, 'instrument-titles-id.csv'), file, ['code', 'title_id', 'translator_note']);
  const out = new Map<string, string>();
  for (const c of rowsOf(table)) {
    const code = c.required('code');
    if (!codes.has(code)) c.bad('code', `${code} is not in instruments.csv`);
    if (out.has(code)) c.bad('code', `duplicate translation for ${code}`);
    out.set(code, c.required('title_id'));
  }
  return out;
}

function applyIndonesianTitles(instruments: Instrument[], official: Map<string, OfficialTitle>, own: Map<string, string>): void {
  const file = 'data/instrument-titles-id.csv';
  for (const i of instruments) {
    const needsTitle = i.category === 'fundamental' || i.category === 'governance' || TITLE_ID_REQUIRED_EXTRA.includes(i.code);
    const off = official.get(i.code);
    const mine = own.get(i.code);
    if (off) {
      if (mine) problem(file, null, 'code', `${i.code} has an official title; remove the unofficial translation`);
      i.titleId = off.title;
      i.titleIdKind = 'official';
      i.titleIdSource = off.source;
      i.titleIdAct = off.act;
    } else if (mine) {
      if (!needsTitle) problem(file, null, 'code', `${i.code} is not fundamental, governance, P029, R146 or R190: no translation expected`);
      i.titleId = mine;
      i.titleIdKind = 'unofficial';
      i.titleIdSource = TRANSLATION_SOURCE;
      i.titleIdAct = null;
    } else if (needsTitle) {
      problem(file, null, 'code', `${i.code} (${i.titleEn}) has no official title and needs a translation`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Countries

function readCountries(): MemberState[] {
  const file = 'member_states.csv';
  const table = readCsv(resolve(REF, file), file, [
    'iso3',
    'iso2',
    'name_en',
    'ilo_region',
    'membership_date',
    'membership_note',
    'source',
    'confidence',
  ]);
  countriesLib.registerLocale(idLocale);
  const out: MemberState[] = [];
  const seen = new Set<string>();
  for (const c of rowsOf(table)) {
    const iso3 = normaliseIso3(c.raw('iso3'));
    if (!iso3 || iso3 !== c.raw('iso3')) c.bad('iso3', `not an ISO 3166 alpha-3 code: "${c.raw('iso3')}"`);
    if (iso3 && seen.has(iso3)) c.bad('iso3', `duplicate country ${iso3}`);
    if (iso3) seen.add(iso3);
    const iso2 = c.required('iso2');
    if (!/^[A-Z]{2}$/.test(iso2)) c.bad('iso2', `not an ISO 3166 alpha-2 code: "${iso2}"`);
    // The library knows alpha-3 too: a mismatch means the row's two codes disagree.
    const libIso3 = countriesLib.alpha2ToAlpha3(iso2);
    if (libIso3 && iso3 && libIso3 !== iso3) c.bad('iso2', `${iso2} is ${libIso3} in ISO 3166, not ${iso3}`);
    out.push({
      iso3: iso3 ?? c.raw('iso3'),
      iso2,
      nameEn: c.required('name_en'),
      nameId: iso3 ? indonesianCountryName(iso3, countriesLib.getName(iso2, 'id') ?? null) : null,
      region: c.oneOf<IloRegion>('ilo_region', ILO_REGIONS),
      membershipDate: c.date('membership_date'),
      membershipNote: c.text('membership_note'),
      source: c.text('source'),
      confidence: c.confidence('confidence', { required: true }),
      notes: null,
    });
  }
  return out.sort((a, b) => byString(a.iso3, b.iso3));
}

// ---------------------------------------------------------------------------------------------
// Ratifications

const RATIFICATION_STATUS_MAP: Record<string, RatificationStatus> = {
  'in force': 'in_force',
  'not in force': 'not_in_force',
  denounced: 'denounced',
};

/** One source row before merging; `origin` names file and line for messages. */
interface RatificationDraft {
  country: string;
  instrument: string;
  registrationDate: string | null;
  status: RatificationStatus | null;
  legalAct: string | null;
  nationalTitle: string | null;
  source: string | null;
  confidence: Confidence | null;
  notes: string | null;
  /** C138 Art 2(1) declared age with the provenance of the row that gave it. */
  minimumAge: { value: number; source: string | null; confidence: Confidence | null } | null;
  origin: string;
}

function readStatus(c: Cells, field: string): RatificationStatus | null {
  const v = c.raw(field).toLowerCase();
  if (v === '') return null;
  const status = RATIFICATION_STATUS_MAP[v];
  if (!status) c.bad(field, `unknown ratification status "${c.raw(field)}"`);
  return status ?? null;
}

/**
 * One file per instrument (`instrument` given), or `ratifications_other.csv` (`instrument` null),
 * whose rows name their Convention in `code` and hold source URLs instead of ids.
 */
function readInstrumentRatifications(fileName: string, instrument: string | null): RatificationDraft[] {
  const withAge = instrument === 'C138';
  const table = readCsv(resolve(REF, fileName), fileName, [
    'iso3',
    instrument ? 'country' : 'code',
    'ratification_date',
    'date_precision',
    'status',
    'source',
    'confidence',
    'notes',
    ...(withAge ? ['minimum_age_specified'] : []),
  ]);
  return rowsOf(table).map((c) => {
    const iso3 = normaliseIso3(c.raw('iso3'));
    if (!iso3) c.bad('iso3', `not an ISO alpha-3 code: "${c.raw('iso3')}"`);
    const confidence = c.confidence('confidence', { required: true });
    const age = withAge ? c.int('minimum_age_specified') : null;
    if (age !== null && (age < 14 || age > 16)) c.bad('minimum_age_specified', `C138 Art 2(1) allows 14, 15 or 16; got ${age}`);
    const code = instrument ?? normaliseInstrumentCode(c.raw('code'));
    if (!code) c.bad('code', `not an instrument code: "${c.raw('code')}"`);
    if (!instrument && (code === 'C138' || code === 'C182')) c.bad('code', `${code} belongs in its own file, not ${fileName}`);
    return {
      country: iso3 ?? c.raw('iso3'),
      instrument: code ?? c.raw('code'),
      registrationDate: c.dateWithPrecision('ratification_date', 'date_precision'),
      status: readStatus(c, 'status'),
      legalAct: null,
      nationalTitle: null,
      source: instrument ? c.text('source') : urlSources(c.text('source')),
      confidence,
      notes: c.text('notes'),
      minimumAge: age === null ? null : { value: age, source: c.text('source'), confidence },
      origin: `${fileName}:${c.rec.line}`,
    };
  });
}

/**
 * URL source lists are separated by " ; " (a URL never holds a spaced semicolon). A free-text
 * source that contains a bare ";" keeps it as "," so the project's separator does not split it.
 */
function urlSources(value: string | null): string | null {
  if (!value) return null;
  const parts = value
    .split(/\s+;\s+/)
    .map((s) => s.trim().replace(/;/g, ','))
    .filter(Boolean);
  return parts.length ? parts.join(';') : null;
}

function readIndonesiaRatifications(): RatificationDraft[] {
  const file = 'ratifications_idn.csv';
  const table = readCsv(resolve(REF, file), file, [
    'code',
    'ratification_date',
    'date_precision',
    'status',
    'legal_act',
    'title_id',
    'source',
    'confidence',
    'notes',
  ]);
  return rowsOf(table).map((c) => {
    const code = normaliseInstrumentCode(c.raw('code'));
    if (!code) c.bad('code', `not an instrument code: "${c.raw('code')}"`);
    const status = readStatus(c, 'status');
    const notes = c.text('notes');
    // A note that reports a denunciation must not sit next to a different status.
    if (notes && /\b(was|been|probably|automatically) denounced\b/i.test(notes) && status !== 'denounced') {
      c.bad('status', `notes report a denunciation but status is "${c.raw('status')}"`);
    }
    return {
      country: 'IDN',
      instrument: code ?? c.raw('code'),
      registrationDate: c.dateWithPrecision('ratification_date', 'date_precision'),
      status,
      legalAct: c.text('legal_act'),
      nationalTitle: c.text('title_id'),
      source: c.text('source'),
      confidence: c.confidence('confidence', { required: true }),
      notes,
      minimumAge: null,
      origin: `${file}:${c.rec.line}`,
    };
  });
}

/** The more precise of two dates that agree; null (with a problem) when they contradict. */
function morePreciseDate(a: string | null, b: string | null, where: string): string | null {
  if (!a || !b) return a ?? b;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!long.startsWith(short)) {
    problem(where, null, 'ratification_date', `dates contradict: ${a} vs ${b}`);
    return null;
  }
  return long;
}

function unionSources(a: string | null, b: string | null): string | null {
  const ids: string[] = [];
  for (const id of [...splitSources(a), ...splitSources(b)]) if (!ids.includes(id)) ids.push(id);
  return ids.length ? ids.join(';') : null;
}

const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/**
 * Indonesia's C138/C182 appear in both the per-instrument file and the Indonesia file. They are one
 * ratification: keep the more precise date, all sources, the national act and title from the
 * Indonesia file, and both notes. Contradictions are errors, not silently resolved.
 */
function mergeDrafts(a: RatificationDraft, b: RatificationDraft): RatificationDraft {
  const where = `${a.origin} + ${b.origin}`;
  if (a.status && b.status && a.status !== b.status) problem(where, null, 'status', `statuses contradict: ${a.status} vs ${b.status}`);
  let confidence = a.confidence ?? b.confidence;
  if (a.confidence && b.confidence && a.confidence !== b.confidence) {
    // Two rows about one fact with different confidence: keep the cautious one.
    confidence = CONFIDENCE_RANK[a.confidence] <= CONFIDENCE_RANK[b.confidence] ? a.confidence : b.confidence;
    warnings.push(`${where}: confidence ${a.confidence} vs ${b.confidence}; kept ${confidence}`);
  }
  return {
    country: a.country,
    instrument: a.instrument,
    registrationDate: morePreciseDate(a.registrationDate, b.registrationDate, where),
    status: a.status ?? b.status,
    legalAct: b.legalAct ?? a.legalAct,
    nationalTitle: b.nationalTitle ?? a.nationalTitle,
    source: unionSources(a.source, b.source),
    confidence,
    notes: [a.notes, b.notes].filter(Boolean).join(' | ') || null,
    minimumAge: a.minimumAge ?? b.minimumAge,
    origin: where,
  };
}

/**
 * Later declarations under C138 Art 2(2) (a higher age notified after ratifying), kept in an
 * editorial file because the reference data only mentions them in notes.
 */
function readLaterDeclarations(): Map<string, Declaration[]> {
  const path = resolve(DATA, 'later-declarations.csv');
  const out = new Map<string, Declaration[]>();
  if (!existsSync(path)) return out;
  const rows = parseCsv(readFileSync(path, 'utf8'), 'later-declarations.csv').rows.map((r) => r.fields);
  const [header, ...body] = rows;
  if (!header) return out;
  const col = (name: string) => header.indexOf(name);
  for (const row of body) {
    const get = (name: string) => (row[col(name)] ?? '').trim();
    const value = Number(get('value'));
    if (!Number.isInteger(value) || value < 14 || value > 16)
      throw new Error(`later-declarations.csv: value must be 14, 15 or 16, got "${get('value')}"`);
    const key = `${get('iso3')}/${get('instrument')}`;
    const list = out.get(key) ?? [];
    list.push({
      kind: 'minimum_age',
      article: get('article'),
      value,
      date: get('date') || null,
      source: get('source') || null,
      confidence: (get('confidence') || null) as Declaration['confidence'],
      notes: get('notes') || null,
    });
    out.set(key, list);
  }
  return out;
}

const LATER_DECLARATIONS = readLaterDeclarations();

function finaliseRatification(d: RatificationDraft): Ratification {
  const later = LATER_DECLARATIONS.get(`${d.country}/${d.instrument}`) ?? [];
  const declarations: Declaration[] = d.minimumAge
    ? [
        {
          kind: 'minimum_age',
          article: 'C138 Art 2(1)',
          value: d.minimumAge.value,
          date: d.registrationDate,
          source: d.minimumAge.source,
          confidence: d.minimumAge.confidence,
          notes: null,
        },
      ]
    : [];
  declarations.push(...later);
  return {
    country: d.country,
    instrument: d.instrument,
    registrationDate: d.registrationDate,
    status: d.status,
    legalAct: d.legalAct,
    nationalTitle: d.nationalTitle,
    declarations,
    source: d.source,
    confidence: d.confidence,
    notes: d.notes,
  };
}

/**
 * A registration before the State joined the ILO or before the instrument was adopted is possible
 * (succession to a predecessor's ratification) but worth a look; it is reported, not changed.
 */
function warnIfImplausibleDate(d: RatificationDraft, country?: MemberState, instrument?: Instrument): void {
  const date = d.registrationDate;
  if (!date) return;
  const before = (limit: string | null | undefined) => !!limit && isOnOrBefore(date, limit) === true && date !== limit;
  if (before(country?.membershipDate)) {
    warnings.push(`${d.origin}: ${d.country} ${d.instrument} registered ${date}, before ILO membership ${country?.membershipDate}`);
  }
  if (before(instrument?.adoptionDate)) {
    warnings.push(`${d.origin}: ${d.country} ${d.instrument} registered ${date}, before adoption ${instrument?.adoptionDate}`);
  }
}

function buildRatifications(countries: Map<string, MemberState>, instruments: Map<string, Instrument>): Ratification[] {
  const perInstrument = [
    ...readInstrumentRatifications('ratifications_c138.csv', 'C138'),
    ...readInstrumentRatifications('ratifications_c182.csv', 'C182'),
  ];
  const byKey = new Map<string, RatificationDraft>();
  for (const d of perInstrument) {
    const key = `${d.country}|${d.instrument}`;
    const prev = byKey.get(key);
    if (prev) problem(d.origin, null, 'iso3', `duplicate ${d.country} ${d.instrument} (first at ${prev.origin})`);
    else byKey.set(key, d);
  }
  // Scattered rows of other Conventions: the same key twice is a data error, as above.
  for (const d of readInstrumentRatifications('ratifications_other.csv', null)) {
    const key = `${d.country}|${d.instrument}`;
    const prev = byKey.get(key);
    if (prev) problem(d.origin, null, 'code', `duplicate ${d.country} ${d.instrument} (first at ${prev.origin})`);
    else byKey.set(key, d);
  }
  const idnSeen = new Set<string>();
  for (const d of readIndonesiaRatifications()) {
    const key = `${d.country}|${d.instrument}`;
    if (idnSeen.has(key)) problem(d.origin, null, 'code', `duplicate ${d.instrument} in the Indonesia file`);
    idnSeen.add(key);
    const prev = byKey.get(key);
    byKey.set(key, prev ? mergeDrafts(prev, d) : d);
  }
  for (const d of byKey.values()) {
    const country = countries.get(d.country);
    const instrument = instruments.get(d.instrument);
    if (!country) problem(d.origin, null, 'iso3', `${d.country} is not in member_states.csv`);
    if (!instrument) problem(d.origin, null, 'code', `${d.instrument} is not in instruments.csv`);
    warnIfImplausibleDate(d, country, instrument);
  }
  return [...byKey.values()]
    .sort((a, b) => byString(a.country, b.country) || compareCodes(a.instrument, b.instrument))
    .map(finaliseRatification);
}

// ---------------------------------------------------------------------------------------------
// ILC sessions

function readSessions(): IlcSession[] {
  const file = 'ilc_sessions.csv';
  const table = readCsv(resolve(REF, file), file, [
    'session',
    'year',
    'opening_date',
    'closing_date',
    'place',
    'source',
    'confidence',
    'notes',
  ]);
  const out: IlcSession[] = [];
  const seen = new Set<number>();
  for (const c of rowsOf(table)) {
    const number = c.int('session', { required: true });
    if (number !== null && seen.has(number)) c.bad('session', `duplicate session ${number}`);
    if (number !== null) seen.add(number);
    const year = c.int('year');
    const openingDate = c.date('opening_date');
    const closingDate = c.date('closing_date');
    for (const [field, d] of [
      ['opening_date', openingDate],
      ['closing_date', closingDate],
    ] as const) {
      if (d && year !== null && Number(d.slice(0, 4)) !== year) c.bad(field, `${d} is not in the session year ${year}`);
    }
    if (openingDate && closingDate && closingDate < openingDate) c.bad('closing_date', `${closingDate} is before opening ${openingDate}`);
    out.push({
      number: number ?? 0,
      year,
      openingDate,
      closingDate,
      place: c.text('place'),
      source: c.text('source'),
      confidence: c.confidence('confidence', { required: true }),
      notes: c.text('notes'),
    });
  }
  return out.sort((a, b) => a.number - b.number);
}

// ---------------------------------------------------------------------------------------------
// Sources (from the Markdown tables of SOURCES.md)

interface SourceEntry {
  id: string;
  description: string | null;
}

const SOURCE_ID = /^[A-Z][A-Z0-9]*(?:[-.][A-Z0-9]+)+$|^[A-Z]{3,}$/;

function splitTableRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((s) => s.trim());
}

/**
 * Markdown to plain text: drop emphasis and code marks, keep every word and URL. Code spans are
 * kept verbatim: a glob path inside backticks in SOURCES.md is not emphasis.
 */
function plain(text: string): string {
  return text
    .split('`')
    .map((part, k) => (k % 2 === 1 ? part : part.replace(/\*\*/g, '').replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=[\s),.;:]|$)/g, '$1$2')))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A first cell may list several ids ("A, B"), abbreviate siblings ("NORMLEX-CEACR-IDN-C019, -C029":
 * the suffix replaces the last segments of the first id), or qualify a repeat ("ILO-JAKARTA (new use)").
 * Returns the ids and the qualifier, or null when the cell is a group label, not ids.
 */
function parseIdCell(cell: string): { ids: string[]; qualifier: string | null } | null {
  const qualifier = /\(([^)]*)\)\s*$/.exec(cell)?.[1] ?? null;
  const bare = cell.replace(/\([^)]*\)\s*$/, '').trim();
  const parts = bare.split(/\s*,\s*/).filter(Boolean);
  const first = parts[0];
  if (!first || !SOURCE_ID.test(first)) return null;
  const ids: string[] = [];
  for (const part of parts) {
    if (part.startsWith('-')) {
      const suffix = part.slice(1).split('-');
      const base = first.split('-');
      ids.push([...base.slice(0, base.length - suffix.length), ...suffix].join('-'));
    } else if (SOURCE_ID.test(part)) {
      ids.push(part);
    } else {
      return null;
    }
  }
  return { ids, qualifier };
}

/** Group rows ("ILC session pages") list "ID url ; ID url" in the description cell. */
function parseGroupDescription(description: string): SourceEntry[] {
  const out: SourceEntry[] = [];
  for (const segment of description.split(/\s+;\s+/)) {
    const m = /^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|[A-Z]{3,})\s+(.+)$/.exec(segment.trim());
    if (m?.[1] && m[2]) out.push({ id: m[1], description: plain(m[2]) });
  }
  return out;
}

function readSourcesMd(): SourceEntry[] {
  const file = 'SOURCES.md';
  const lines = readFileSync(resolve(REF, file), 'utf8').split(/\r?\n/);
  const byId = new Map<string, string>();
  const add = (id: string, description: string, qualifier: string | null) => {
    const text = qualifier ? `(${qualifier}) ${description}` : description;
    const prev = byId.get(id);
    // The same id described again in a later pass: keep both descriptions, in file order.
    byId.set(id, prev ? `${prev} | ${text}` : text);
  };
  let inIdTable = false;
  lines.forEach((line, k) => {
    if (!line.trim().startsWith('|')) {
      inIdTable = false;
      return;
    }
    const cells = splitTableRow(line);
    const [first = '', ...rest] = cells;
    if (/^-+$/.test(first.replace(/:/g, ''))) return; // separator row
    if (first === 'ID') {
      inIdTable = true;
      return;
    }
    if (!inIdTable) return; // other tables (confidence counts, estimates) hold no sources
    const description = plain(rest.join(' | '));
    const parsed = parseIdCell(first);
    if (parsed) {
      for (const id of parsed.ids) add(id, description, parsed.qualifier);
      // Prose may name an extra id for one of the pages ("(ID 2233949, id NORMLEX-CEACR-IDN-C138-2003)").
      for (const m of description.matchAll(/\bid ([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\b/g)) {
        if (m[1] && !parsed.ids.includes(m[1])) add(m[1], description, null);
      }
      return;
    }
    const grouped = parseGroupDescription(rest.join(' | '));
    if (grouped.length === 0) problem(file, k + 1, 'ID', `row names no source id: "${first}"`);
    for (const g of grouped) add(g.id, g.description ?? '', null);
  });
  return [...byId].map(([id, description]) => ({ id, description }));
}

/**
 * Source ids as used by facts. Instruments qualify some ids with the field they back
 * ("title:COMPILER-RECALL-UNVERIFIED"); the id is the part after the colon.
 */
function sourceIdsOf(value: string | null): string[] {
  return splitSources(value).map((s) => s.replace(/^[a-z_]+:(?=[A-Z])/, ''));
}

function collectUsedSources(
  instruments: Instrument[],
  countries: MemberState[],
  ratifications: Ratification[],
  sessions: IlcSession[],
): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const note = (value: string | null, where: string) => {
    for (const id of sourceIdsOf(value)) {
      const list = used.get(id) ?? [];
      if (!list.includes(where)) list.push(where);
      used.set(id, list);
    }
  };
  for (const i of instruments) {
    note(i.source, 'instruments.json');
    note(i.titleIdSource, 'instruments.json (titleIdSource)');
    note(i.publishedCount?.source ?? null, 'instruments.json (publishedCount)');
  }
  for (const c of countries) note(c.source, 'countries.json');
  note(COUNTRY_NAMES_SOURCE, 'countries.json (nameId)');
  note(COUNTRY_NAMES_ID_SOURCE, 'countries.json (nameId, corrected)');
  for (const r of ratifications) {
    note(r.source, 'ratifications.json');
    for (const d of r.declarations) note(d.source, 'ratifications.json (declarations)');
  }
  for (const s of sessions) note(s.source, 'ilc-sessions.json');
  return used;
}

// ---------------------------------------------------------------------------------------------
// Statistics for the summary and README

function count<T>(items: readonly T[], pred: (x: T) => boolean): number {
  return items.reduce((n, x) => n + (pred(x) ? 1 : 0), 0);
}

function tally<T>(items: readonly T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => byString(a, b)));
}

function precisionOf(date: string | null): 'none' | 'year' | 'month' | 'day' {
  return date ? (parsePartialDate(date)?.precision ?? 'none') : 'none';
}

function fmtTally(t: Record<string, number>): string {
  return Object.entries(t)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

interface Stats {
  lines: [string, string][];
}

function computeStats(
  instruments: Instrument[],
  countries: MemberState[],
  ratifications: Ratification[],
  sessions: IlcSession[],
  sources: SourceEntry[],
  missingSources: string[],
  completeLists: CompleteList[],
): Stats {
  const c138 = ratifications.filter((r) => r.instrument === 'C138');
  const c182 = ratifications.filter((r) => r.instrument === 'C182');
  const idn = ratifications.filter((r) => r.country === 'IDN');
  const numbers = new Set(sessions.map((s) => s.number));
  const maxSession = Math.max(...numbers);
  const missingSessions = Array.from({ length: maxSession }, (_, k) => k + 1).filter((n) => !numbers.has(n));
  const lines: [string, string][] = [
    ['instruments', `${instruments.length} (${fmtTally(tally(instruments, (i) => i.type))})`],
    ['instruments: confidence', fmtTally(tally(instruments, (i) => i.confidence ?? 'null'))],
    ['instruments: no status (null)', String(count(instruments, (i) => i.status === null))],
    ['instruments: no category (null)', String(count(instruments, (i) => i.category === null))],
    [
      'instruments: adoption date to the day / year only / unknown',
      `${count(instruments, (i) => precisionOf(i.adoptionDate) === 'day')} / ${count(instruments, (i) => precisionOf(i.adoptionDate) === 'year')} / ${count(instruments, (i) => i.adoptionDate === null)}`,
    ],
    ['instruments: no ILC session (null)', String(count(instruments, (i) => i.ilcSession === null))],
    [
      'instruments: no entry into force (null; Conventions and Protocols)',
      String(count(instruments, (i) => i.type !== 'recommendation' && i.entryIntoForce === null)),
    ],
    [
      'instruments: title recalled by the compiler, unverified',
      String(count(instruments, (i) => (i.source ?? '').includes('COMPILER-RECALL-UNVERIFIED'))),
    ],
    ['instruments: with revises', String(count(instruments, (i) => i.revises.length > 0))],
    ['instruments: ratification EIF delay known', String(count(instruments, (i) => i.ratificationEifMonths !== null))],
    [
      'instruments: published count known / gap row / no row',
      `${count(instruments, (i) => i.publishedCount?.count != null)} / ${count(instruments, (i) => i.publishedCount !== null && i.publishedCount.count === null)} / ${count(instruments, (i) => i.publishedCount === null)}`,
    ],
    [
      'instruments: Indonesian title official / unofficial / none',
      `${count(instruments, (i) => i.titleIdKind === 'official')} / ${count(instruments, (i) => i.titleIdKind === 'unofficial')} / ${count(instruments, (i) => i.titleId === null)}`,
    ],
    [
      'instruments: with at least one subject / none',
      `${count(instruments, (i) => i.subjects.length > 0)} / ${count(instruments, (i) => i.subjects.length === 0)}`,
    ],
    ['countries', String(countries.length)],
    ['countries: region', fmtTally(tally(countries, (c) => c.region ?? 'null'))],
    ['countries: no Indonesian name (null)', String(count(countries, (c) => c.nameId === null))],
    ['countries: no membership date (null)', String(count(countries, (c) => c.membershipDate === null))],
    [
      'ratifications',
      `${ratifications.length} (C138 ${c138.length}, C182 ${c182.length}, other Indonesian ${count(idn, (r) => r.instrument !== 'C138' && r.instrument !== 'C182')}, other scattered ${count(ratifications, (r) => r.country !== 'IDN' && r.instrument !== 'C138' && r.instrument !== 'C182')})`,
    ],
    [
      'ratifications: other scattered (partial): States / Conventions',
      `${new Set(ratifications.filter((r) => r.country !== 'IDN' && r.instrument !== 'C138' && r.instrument !== 'C182').map((r) => r.country)).size} / ${new Set(ratifications.filter((r) => r.country !== 'IDN' && r.instrument !== 'C138' && r.instrument !== 'C182').map((r) => r.instrument)).size}`,
    ],
    ['complete lists (all others are partial)', completeLists.map((l) => `${l.scope} ${l.code}`).join(', ') || 'none'],
    ['ratifications: Indonesia', String(idn.length)],
    ['C138: no declared minimum age', String(count(c138, (r) => r.declarations.length === 0))],
    [
      'C138: declared age 14 / 15 / 16',
      `${count(c138, (r) => r.declarations[0]?.value === 14)} / ${count(c138, (r) => r.declarations[0]?.value === 15)} / ${count(c138, (r) => r.declarations[0]?.value === 16)}`,
    ],
    [
      'C138: date to the day / year only / no date',
      `${count(c138, (r) => precisionOf(r.registrationDate) === 'day')} / ${count(c138, (r) => precisionOf(r.registrationDate) === 'year')} / ${count(c138, (r) => r.registrationDate === null)}`,
    ],
    ['C138: no status (null)', String(count(c138, (r) => r.status === null))],
    ['C138: confidence', fmtTally(tally(c138, (r) => r.confidence ?? 'null'))],
    [
      'C182: date to the day / year only / no date',
      `${count(c182, (r) => precisionOf(r.registrationDate) === 'day')} / ${count(c182, (r) => precisionOf(r.registrationDate) === 'year')} / ${count(c182, (r) => r.registrationDate === null)}`,
    ],
    ['C182: no status (null)', String(count(c182, (r) => r.status === null))],
    [
      'Indonesia: date to the day / year only / no date',
      `${count(idn, (r) => precisionOf(r.registrationDate) === 'day')} / ${count(idn, (r) => precisionOf(r.registrationDate) === 'year')} / ${count(idn, (r) => r.registrationDate === null)}`,
    ],
    ['Indonesia: status', fmtTally(tally(idn, (r) => r.status ?? 'null'))],
    [
      'Indonesia: no legal act / no national title',
      `${count(idn, (r) => r.legalAct === null)} / ${count(idn, (r) => r.nationalTitle === null)}`,
    ],
    ['ILC sessions', `${sessions.length} (of 1-${maxSession}; ${missingSessions.length} missing)`],
    [
      'ILC sessions: no opening date / no closing date / no place',
      `${count(sessions, (s) => s.openingDate === null)} / ${count(sessions, (s) => s.closingDate === null)} / ${count(sessions, (s) => s.place === null)}`,
    ],
    ['sources', String(sources.length)],
    ['sources: URLs given in the data itself (the URL is the description)', String(count(missingSources, (id) => /^https?:\/\//.test(id)))],
    [
      'sources: other ids used but not described in SOURCES.md (description null)',
      missingSources.filter((id) => !/^https?:\/\//.test(id)).join(', ') || 'none',
    ],
  ];
  return { lines };
}

// ---------------------------------------------------------------------------------------------
// README

function readme(stats: Stats, subjectCounts: Record<string, number>): string {
  const table = stats.lines.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`).join('\n');
  const subjects = Object.entries(subjectCounts)
    .map(([k, v]) => `\`${k}\` ${v}`)
    .join(', ');
  return `# data/

Normalised reference data for the registry. **Generated** by \`scripts/build-data.ts\` from
\`../shared/reference-data/\` (compiled 2026-11-27, addenda to 2026-12-03; read its \`SOURCES.md\` for every source, the method
and the gaps). Do not edit the JSON files by hand: fix the input and rebuild.

Rebuild: \`npm run data:build\` (= \`node --import tsx scripts/build-data.ts\`). The build validates every
row (dates are partial dates \`YYYY\`, \`YYYY-MM\` or \`YYYY-MM-DD\`; confidence is \`high\`, \`medium\` or
\`low\`; every ratification names a known country and instrument; no duplicate country + instrument)
and exits non-zero, naming file, line and field, on any problem. Output order is stable.

## Files

| file | holds | built from |
|---|---|---|
| \`instruments.json\` | \`Instrument[]\` (src/domain/instrument.ts), ordered C, P, R then number | \`instruments.csv\`, \`ratification_counts.csv\`, \`instrument_titles_id.csv\`, \`data/instrument-titles-id.csv\`, subject rules |
| \`countries.json\` | \`MemberState[]\` (src/domain/country.ts), ordered by ISO3 | \`member_states.csv\`; \`nameId\` from the npm package i18n-iso-countries (source id \`I18N-ISO-COUNTRIES\`), except the names it gets wrong, from the reviewed table src/domain/country-names-id.ts (source id \`TRIPARTITE-COUNTRY-NAMES-ID\`); the row's \`source\` stays that of the membership facts |
| \`ratifications.json\` | \`Ratification[]\` (src/domain/ratification.ts), ordered by country then instrument | \`ratifications_c138.csv\`, \`ratifications_c182.csv\`, \`ratifications_idn.csv\`, \`ratifications_other.csv\` (scattered facts: partial lists) |
| \`complete-lists.json\` | \`CompleteList[]\` (src/domain/coverage.ts): the ratification lists shown whole; every other list is **partial** | **generated** by \`scripts/build-coverage.ts\`: an instrument whose rows reach its high-confidence published count (C138, C182), and a State whose whole list a source counts (Indonesia: ILO Jakarta, 19 Conventions before the MLC, 2006) |
| \`ilc-sessions.json\` | \`IlcSession[]\` (src/domain/ilc-session.ts), ordered by number | \`ilc_sessions.csv\` |
| \`sources.json\` | \`{id, description}[]\`, ordered by id | the source-id tables of \`SOURCES.md\`, plus the project's own ids |
| \`subjects.csv\` | \`code,subjects,basis\`: the subjects given to each instrument (\`;\`-separated) | **generated** from keyword rules on the English title (\`SUBJECT_RULES\` in the script); review it here |
| \`instrument-titles-id.csv\` | \`code,title_id,translator_note\`: the project's own Indonesian translations | **hand-written input** (edit this one) |
| \`later-declarations.csv\` | later C138 Art 2(2) declarations (a higher age notified after ratifying) found in the notes of the reference data | **hand-written input** |
| \`national-profiles.json\` | \`NationalProfile[]\` (src/domain/child-labour/types.ts): national minimum ages for work, hazardous work and compulsory education (USDOL 2022: known only where the law has the standard and the age is a number), plus Indonesia's UU 13/2003 rules | **generated** by \`scripts/build-profiles.ts\` from \`usdol/legal_standards_2022.csv\` and \`national-profiles-extra.json\` |
| \`national-profiles-extra.json\` | hand-written national rules the USDOL data lacks (Indonesia: light work Pasal 69, hazardous Pasal 74, child Pasal 1 angka 26, night work Pasal 76(1)), with their sources | **hand-written input** |

## Provenance and confidence

Every fact keeps the \`source\` (semicolon-separated ids, see \`sources.json\`) and \`confidence\` of its
source row. Confidence (from SOURCES.md): \`high\` = two independent sources agree, or the authentic text;
\`medium\` = one good source; \`low\` = a weak, derived or inferred source, or (instruments) a title recalled
by the compiler and not matched to a source. A source id may carry the field it backs
(\`title:COMPILER-RECALL-UNVERIFIED\`: only the title rests on that source). Nothing was checked against
live NORMLEX.

\`notes\` are the compilers' research notes, in English: they stay in these files, the JSON API and the
CSV export, and the portal shows them to signed-in editors only. Public pages state provenance in
words instead (authority, source name and link, verified or unverified).

**Unknown is \`null\`, never a guess.** A missing date, status, declared age, count or title is \`null\`
(or an empty list). In particular: a C138 ratification without a declared minimum age has no
declaration (\`declarations: []\`): do not default it to 15. \`ratificationEifMonths\` is set only for
C138 (Art 12(3)) and C182 (Art 10(3)), whose final provisions are in the sources.

Details of the mapping:
* Coverage: the rows of \`ratifications_other.csv\` are scattered, sourced facts, not any Convention's
  full list: the registry says so wherever it shows them (\`coverage\` in the API). Their \`source\` is
  a list of URLs (split on \` ; \` and kept whole, so a URL is its own source id; its
  \`sources.json\` description is null, the URL being the link). Status is \`in force\`, \`denounced\`
  or empty (unknown) as normalised by the addendum; the status as read stays in \`notes\`.
* \`publishedCount\`: from \`ratification_counts.csv\`; a row without a count keeps only its gap note
  (count, asOf, source and confidence \`null\`); instruments without a row have \`null\`.
* Indonesian titles: \`titleIdKind: "official"\` = the title in the Indonesian ratification act
  (\`instrument_titles_id.csv\`, with its act in \`titleIdAct\`). \`titleIdKind: "unofficial"\` (source
  \`TRIPARTITE-TRANSLATION\`) = **the project's own translation, not an official title**, given only to
  fundamental and governance instruments, P029, R146 and R190 that have no official title. All other
  instruments: \`null\`.
* Subjects come from the English title only (editorial, basis \`title keyword\`), from a closed list
  of slugs. An instrument whose title names none of them has no subject.
* Ratifications: Indonesia's C138 and C182 rows appear in two input files and are merged into one
  record each (more precise date, union of source ids, act and national title from the Indonesia
  file, notes joined with \` | \`). A C138 declared age becomes one \`minimum_age\` declaration
  (\`C138 Art 2(1)\`) dated at the registration date and carrying its row's source and confidence.

## Counts and known gaps (computed by the build)

| what | count |
|---|---|
${table}

Subjects: ${subjects}.

Other gaps documented in SOURCES.md and not repeated in these files: NORMLEX status for most
instruments; the instruments of the 113th ILC (2025); ratifications after mid-2023 by the 11 C138
non-ratifiers; Indonesia's day dates. Spain's C138 age was later raised to 16 under Art 2(2) (see the
row's notes): that later declaration comes from \`later-declarations.csv\`, undated, as the notification date
was not found; it is the one in effect because an Art 2(2) declaration always follows the Art 2(1) one.
`;
}

// ---------------------------------------------------------------------------------------------
// Main

function writeJson(name: string, data: unknown): void {
  writeFileSync(resolve(DATA, name), `${JSON.stringify(data, null, 2)}\n`);
}

function main(): void {
  const sessions = readSessions();
  const sessionByNumber = new Map(sessions.map((s) => [s.number, s]));

  const instrumentRows = readInstruments();
  checkInstrumentConsistency(instrumentRows, sessionByNumber);
  const instruments = instrumentRows.map((r) => r.instrument).sort((a, b) => compareCodes(a.code, b.code));
  const codes = new Set(instruments.map((i) => i.code));

  const counts = readPublishedCounts(codes);
  for (const i of instruments) i.publishedCount = counts.get(i.code) ?? null;

  applyIndonesianTitles(instruments, readOfficialTitles(codes), readOwnTranslations(codes));

  for (const i of instruments) {
    i.subjects = subjectsForTitle(i.titleEn);
    const mustHave = i.category === 'fundamental' || i.category === 'governance' || SUBJECT_REQUIRED_EXTRA.includes(i.code);
    if (mustHave && i.subjects.length === 0) {
      problem('scripts/build-data.ts', null, 'SUBJECT_RULES', `${i.code} (${i.titleEn}) must get a subject; no rule matches`);
    }
  }

  const countries = readCountries();
  const ratifications = buildRatifications(new Map(countries.map((c) => [c.iso3, c])), new Map(instruments.map((i) => [i.code, i])));

  const documented = readSourcesMd();
  const sources = new Map<string, SourceEntry>();
  // Sources of the hand-written national-profile additions (scripts/build-profiles.ts) are described there.
  const profileExtraPath = resolve(DATA, 'national-profiles-extra.json');
  const profileSources: SourceEntry[] = existsSync(profileExtraPath)
    ? ((JSON.parse(readFileSync(profileExtraPath, 'utf8')) as { sources?: SourceEntry[] }).sources ?? [])
    : [];
  for (const s of [...documented, ...PROJECT_SOURCES, ...profileSources]) {
    if (sources.has(s.id)) warnings.push(`SOURCES.md: ${s.id} described more than once (kept the first)`);
    else sources.set(s.id, s);
  }
  const used = collectUsedSources(instruments, countries, ratifications, sessions);
  const missing = [...used.keys()].filter((id) => !sources.has(id)).sort();
  for (const id of missing) sources.set(id, { id, description: null });
  const sourceList = [...sources.values()].sort((a, b) => byString(a.id, b.id));

  const coverage = buildCompleteLists(instruments, ratifications);
  for (const message of coverage.problems) problem('complete lists', null, null, message);

  if (problems.length > 0) {
    console.error(`build-data: ${problems.length} problem(s); nothing written.`);
    for (const p of problems) console.error(`  ${formatProblem(p)}`);
    process.exit(1);
  }

  writeJson('instruments.json', instruments);
  writeJson('countries.json', countries);
  writeJson('ratifications.json', ratifications);
  writeJson('ilc-sessions.json', sessions);
  writeJson('sources.json', sourceList);
  writeJson('complete-lists.json', coverage.lists);
  writeFileSync(
    resolve(DATA, 'subjects.csv'),
    toCsv(
      ['code', 'subjects', 'basis'],
      instruments.filter((i) => i.subjects.length > 0).map((i) => [i.code, i.subjects.join(';'), 'title keyword']),
    ),
  );

  const stats = computeStats(instruments, countries, ratifications, sessions, sourceList, missing, coverage.lists);
  const subjectCounts = Object.fromEntries(SUBJECTS.map((s) => [s, count(instruments, (i) => i.subjects.includes(s))]));
  writeFileSync(resolve(DATA, 'README.md'), readme(stats, subjectCounts));

  console.log(
    'build-data: wrote data/instruments.json, countries.json, ratifications.json, ilc-sessions.json, sources.json, subjects.csv, README.md',
  );
  for (const [k, v] of stats.lines) console.log(`  ${k}: ${v}`);
  if (missing.length > 0) {
    console.log('Source ids used but not described in SOURCES.md (added with description null):');
    for (const id of missing) console.log(`  ${id}  (used in ${used.get(id)?.join(', ')})`);
  }
  if (warnings.length > 0) {
    console.log(`Warnings (${warnings.length}; data kept as sourced):`);
    for (const w of warnings) console.log(`  ${w}`);
  }
}

try {
  main();
} catch (err) {
  console.error(`build-data: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
