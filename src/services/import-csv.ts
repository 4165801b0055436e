import { CONFIDENCES, type Confidence } from '../domain/facts.ts';
import { normaliseInstrumentCode } from '../domain/instrument.ts';
import { impossibleDayReason, isPartialDate } from '../domain/partial-date.ts';
import { RATIFICATION_STATUSES, type RatificationStatus } from '../domain/ratification.ts';
import { type CsvRecord, type CsvSource, CsvSyntaxError, readCsvRecordBatches, readCsvRecords } from './csv-records.ts';
import type { RatificationInput } from './edit-service.ts';

export { type CsvRecord, type CsvSource, CsvSyntaxError, readCsvRecordBatches, readCsvRecords };

/**
 * The bulk-import file: one ratification per row, columns named in a header line (any order).
 * An empty cell means "leave as recorded"; only country, instrument and source are required.
 */
export const IMPORT_COLUMNS = [
  'country',
  'instrument',
  'registration_date',
  'status',
  'legal_act',
  'national_title',
  'minimum_age',
  'minimum_age_article',
  'confidence',
  'source',
  'reason',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['country', 'instrument', 'source'];
/** One transaction holds every row, so the file is bounded. */
export const MAX_IMPORT_ROWS = 50_000;

export interface ImportProblem {
  /** Line of the file where the row starts (the header is line 1). */
  line: number;
  /** The CSV column, or "row" / "header" for problems with the line as a whole. */
  field: string;
  message: string;
}

export interface ImportRow {
  line: number;
  input: RatificationInput;
}

export interface ParsedImport {
  /** The rows without problems; import them only when `problems` is empty. */
  rows: ImportRow[];
  /**
   * Rows with a problem in some cell, holding their readable cells only: the import still checks
   * them against the registry and the rules, so one pass reports every problem of every row.
   */
  flawedRows: ImportRow[];
  problems: ImportProblem[];
}

/** Bytes (UTF-8) or text, in chunks of any size: a file stream, a request body, an array in tests. */
const ARTICLES: Record<string, 'C138 Art 2(1)' | 'C138 Art 2(2)'> = {
  'c138 art 2(1)': 'C138 Art 2(1)',
  'art 2(1)': 'C138 Art 2(1)',
  '2(1)': 'C138 Art 2(1)',
  'c138 art 2(2)': 'C138 Art 2(2)',
  'art 2(2)': 'C138 Art 2(2)',
  '2(2)': 'C138 Art 2(2)',
};

const NONE_BAD: ReadonlySet<string> = new Set();

function problem(problems: ImportProblem[], line: number, field: ImportColumn, message: string): void {
  problems.push({ line, field, message });
}

/** A cell given and without a problem. */
function usable(cell: Partial<Record<ImportColumn, string>>, bad: ReadonlySet<string>, column: ImportColumn): boolean {
  return cell[column] !== undefined && !bad.has(column);
}

function isBlank(fields: string[]): boolean {
  return fields.length === 1 && (fields[0] as string).trim() === '';
}

/**
 * Reads the import CSV into ratification inputs, one per row, each with its line number. Checks
 * the form of every cell (codes, dates, numbers, enumerations) and reports every problem found,
 * so one pass over a file shows all that must be fixed; the edit service still checks the rules.
 */
export async function parseImportCsv(source: CsvSource): Promise<ParsedImport> {
  const rows: ImportRow[] = [];
  const flawedRows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  let columns: (ImportColumn | null)[] | null = null;
  let count = 0;
  try {
    records: for await (const batch of readCsvRecordBatches(source))
      for (const record of batch) {
        if (columns === null) {
          if (isBlank(record.fields) && !record.problem) continue;
          const header = readHeader(record, problems);
          if (!header) return { rows: [], flawedRows: [], problems };
          columns = header;
          continue;
        }
        if (isBlank(record.fields) && !record.problem) continue;
        count++;
        if (count > MAX_IMPORT_ROWS) {
          problems.push({ line: record.line, field: 'row', message: `a file may hold at most ${MAX_IMPORT_ROWS} rows; split it` });
          break records;
        }
        const read = readRow(record, columns, problems);
        if (!read) continue;
        const { row, flawed } = read;
        if (flawed) {
          flawedRows.push(row);
          continue;
        }
        const key = `${row.input.country}/${row.input.instrument}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          problems.push({
            line: record.line,
            field: 'instrument',
            message: `${key} is also on line ${earlier}; give each ratification once`,
          });
          continue;
        }
        seen.set(key, record.line);
        rows.push(row);
      }
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      problems.push({ line: error.line, field: 'row', message: error.message });
      return { rows: [], flawedRows: [], problems };
    }
    throw error;
  }
  if (columns === null) {
    problems.push({
      line: 1,
      field: 'header',
      message: `the file is empty; the first line must name the columns (${IMPORT_COLUMNS.join(',')})`,
    });
  } else if (count === 0 && problems.length === 0) {
    problems.push({ line: 2, field: 'row', message: 'the file has a header but no rows' });
  }
  return { rows, flawedRows, problems };
}

function readHeader(record: CsvRecord, problems: ImportProblem[]): (ImportColumn | null)[] | null {
  const line = record.line;
  if (record.problem) {
    problems.push({ line, field: 'header', message: record.problem });
    return null;
  }
  const names = record.fields.map((f) => f.trim().toLowerCase());
  const columns: (ImportColumn | null)[] = [];
  const before = problems.length;
  names.forEach((name, i) => {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) {
      problems.push({
        line,
        field: name || `column ${i + 1}`,
        message: `unknown column; the columns are ${IMPORT_COLUMNS.join(', ')}`,
      });
      columns.push(null);
    } else if (names.indexOf(name) !== i) {
      problems.push({ line, field: name, message: 'the column is named twice' });
      columns.push(null);
    } else columns.push(name as ImportColumn);
  });
  for (const required of REQUIRED_COLUMNS)
    if (!names.includes(required)) problems.push({ line, field: required, message: 'the header has no such column, and it is required' });
  return problems.length > before ? null : columns;
}

/** The row's readable cells, and whether any cell had a problem; null when the line cannot be split into cells. */
function readRow(
  record: CsvRecord,
  columns: (ImportColumn | null)[],
  problems: ImportProblem[],
): { row: ImportRow; flawed: boolean } | null {
  const { line } = record;
  if (record.problem) {
    problems.push({ line, field: 'row', message: record.problem });
    return null;
  }
  if (record.fields.length !== columns.length) {
    problems.push({ line, field: 'row', message: `has ${record.fields.length} fields but the header names ${columns.length} columns` });
    return null;
  }
  const cell: Partial<Record<ImportColumn, string>> = {};
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    const v = (record.fields[i] as string).trim();
    if (c && v !== '') cell[c] = v;
  }
  const before = problems.length;

  for (const required of REQUIRED_COLUMNS) if (cell[required] === undefined) problem(problems, line, required, 'is required and empty');
  const country = cell.country?.toUpperCase();
  if (country !== undefined && !/^[A-Z]{3}$/.test(country))
    problem(problems, line, 'country', `must be an ISO 3166 alpha-3 code such as IDN, got "${cell.country}"`);
  const instrument = cell.instrument === undefined ? undefined : normaliseInstrumentCode(cell.instrument);
  if (cell.instrument !== undefined && (!instrument || instrument.startsWith('R')))
    problem(problems, line, 'instrument', `must be a Convention or Protocol code such as C138, got "${cell.instrument}"`);
  if (cell.registration_date !== undefined && !isPartialDate(cell.registration_date))
    problem(
      problems,
      line,
      'registration_date',
      impossibleDayReason(cell.registration_date)
        ? `${cell.registration_date} is not a date: ${impossibleDayReason(cell.registration_date)}`
        : `must be a date YYYY-MM-DD, or YYYY when only the year is known, got "${cell.registration_date}"`,
    );
  if (cell.status !== undefined && !(RATIFICATION_STATUSES as readonly string[]).includes(cell.status))
    problem(problems, line, 'status', `must be one of ${RATIFICATION_STATUSES.join(', ')}, got "${cell.status}"`);
  const confidence = cell.confidence?.toLowerCase();
  if (confidence !== undefined && !(CONFIDENCES as readonly string[]).includes(confidence))
    problem(problems, line, 'confidence', `must be one of ${CONFIDENCES.join(', ')}, got "${cell.confidence}"`);
  let age: number | undefined;
  if (cell.minimum_age !== undefined) {
    age = /^\d{1,3}$/.test(cell.minimum_age) ? Number(cell.minimum_age) : undefined;
    if (age === undefined) problem(problems, line, 'minimum_age', `must be a whole number of years such as 15, got "${cell.minimum_age}"`);
    else if (instrument && instrument !== 'C138') problem(problems, line, 'minimum_age', 'a minimum age is declared only under C138');
  }
  const article = cell.minimum_age_article === undefined ? undefined : ARTICLES[cell.minimum_age_article.toLowerCase()];
  if (cell.minimum_age_article !== undefined) {
    if (!article)
      problem(problems, line, 'minimum_age_article', `must be C138 Art 2(1) or C138 Art 2(2), got "${cell.minimum_age_article}"`);
    else if (cell.minimum_age === undefined) problem(problems, line, 'minimum_age_article', 'is given without a minimum_age');
  }
  const flawed = problems.length > before;
  const bad = flawed ? new Set(problems.slice(before).map((p) => p.field)) : NONE_BAD;

  // A flawed row keeps only its readable cells: '' marks a code that could not be read.
  const input: RatificationInput = {
    country: usable(cell, bad, 'country') ? (country as string) : '',
    instrument: usable(cell, bad, 'instrument') ? (instrument as string) : '',
    source: cell.source ?? '',
  };
  if (usable(cell, bad, 'registration_date')) input.registrationDate = cell.registration_date;
  if (usable(cell, bad, 'status')) input.status = cell.status as RatificationStatus;
  if (cell.legal_act !== undefined) input.legalAct = cell.legal_act;
  if (cell.national_title !== undefined) input.nationalTitle = cell.national_title;
  if (usable(cell, bad, 'confidence')) input.confidence = confidence as Confidence;
  if (age !== undefined && !bad.has('minimum_age') && !bad.has('minimum_age_article'))
    input.minimumAge = article ? { value: age, article } : { value: age };
  if (cell.reason !== undefined) input.reason = cell.reason;
  return { row: { line, input }, flawed };
}

/** The CSV column a field of RatificationInput comes from, for problems reported by the edit service. */
export function importColumnOf(field: string): string {
  const map: Record<string, ImportColumn> = {
    country: 'country',
    instrument: 'instrument',
    registrationDate: 'registration_date',
    status: 'status',
    legalAct: 'legal_act',
    nationalTitle: 'national_title',
    minimumAge: 'minimum_age',
    'minimumAge.article': 'minimum_age_article',
    'minimumAge.date': 'minimum_age',
    confidence: 'confidence',
    source: 'source',
    reason: 'reason',
  };
  return map[field] ?? field;
}
