import { CONFIDENCES, type Confidence } from '../domain/facts.ts';
import { normaliseInstrumentCode } from '../domain/instrument.ts';
import { impossibleDayReason, isPartialDate } from '../domain/partial-date.ts';
import { RATIFICATION_STATUSES, type RatificationStatus } from '../domain/ratification.ts';
import type { RatificationInput } from './edit-service.ts';

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
const MAX_FIELD_LENGTH = 10_000;

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
export type CsvSource = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

export interface CsvRecord {
  /** Line on which the record starts; a quoted field may span several lines. */
  line: number;
  fields: string[];
  /** A syntax problem in this record (the fields are then incomplete). */
  problem?: string;
}

/**
 * RFC 4180 records, read incrementally from a byte or text stream: quoted fields may hold commas,
 * doubled quotes and line breaks; records end with CRLF, LF or a lone CR; a UTF-8 BOM is dropped.
 * Only the current record is held in memory.
 */
export async function* readCsvRecords(source: CsvSource): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvRecordBatches(source)) for (const record of batch) yield record;
}

/**
 * `readCsvRecords`, handing over the records of each chunk of the source at once (one turn of the
 * async iteration per chunk rather than per record: the import reads up to 50,000 rows). Only the
 * records of the current chunk are held in memory.
 */
export async function* readCsvRecordBatches(source: CsvSource): AsyncGenerator<CsvRecord[]> {
  let batch: CsvRecord[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  // start: at the start of a field; bare: inside an unquoted field; quoted: inside quotes;
  // closing: just after a quote inside a quoted field (a second quote makes a literal one).
  let state: 'start' | 'bare' | 'quoted' | 'closing' = 'start';
  let problem: string | undefined;
  let skipLf = false;
  let first = true;
  let empty = true;

  const endRecord = (): CsvRecord => {
    fields.push(field);
    const record: CsvRecord = problem ? { line: recordLine, fields, problem } : { line: recordLine, fields };
    fields = [];
    field = '';
    state = 'start';
    problem = undefined;
    empty = true;
    return record;
  };

  const chunks = async function* () {
    for await (const chunk of source) {
      try {
        yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      } catch {
        throw new CsvSyntaxError(line, 'the file is not valid UTF-8 text (save it as CSV UTF-8)');
      }
    }
    try {
      yield decoder.decode();
    } catch {
      throw new CsvSyntaxError(line, 'the file ends inside a UTF-8 character (save it as CSV UTF-8)');
    }
  };

  for await (let text of chunks()) {
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let i = 0;
    while (i < text.length) {
      const ch = text[i] as string;
      if (skipLf) {
        // The LF of a CRLF whose CR ended the previous chunk: the line was already counted.
        skipLf = false;
        if (ch === '\n') {
          if (state === 'quoted') field += '\n';
          i++;
          continue;
        }
      }
      if (state === 'quoted') {
        // Copy the run up to the next quote or line break in one step.
        let j = i;
        while (j < text.length && text[j] !== '"' && text[j] !== '\n' && text[j] !== '\r') j++;
        field += text.slice(i, j);
        i = j;
        if (i >= text.length) break;
        const c = text[i] as string;
        if (c === '"') state = 'closing';
        else {
          field += c;
          line++;
          if (c === '\r') skipLf = true;
        }
        i++;
        if (field.length > MAX_FIELD_LENGTH && !problem) problem = `a field is longer than ${MAX_FIELD_LENGTH} characters`;
        continue;
      }
      if (ch === '\r' || ch === '\n') {
        if (ch === '\r') skipLf = true;
        batch.push(endRecord());
        line++;
        recordLine = line;
        i++;
        continue;
      }
      empty = false;
      if (ch === ',') {
        if (state === 'closing' || state === 'bare' || state === 'start') {
          fields.push(field);
          field = '';
          state = 'start';
        }
      } else if (ch === '"') {
        if (state === 'start') state = 'quoted';
        else if (state === 'closing') {
          field += '"';
          state = 'quoted';
        } else if (!problem) {
          problem = 'a quote (") inside an unquoted field: put the whole field in quotes and double the quote ("")';
        }
      } else if (state === 'closing') {
        if (!problem) problem = 'text after the closing quote of a field: a field is either entirely quoted or not quoted';
      } else {
        // Copy the run up to the next comma, quote or line break in one step.
        let j = i + 1;
        while (j < text.length) {
          const c = text.charCodeAt(j);
          if (c === 44 /* , */ || c === 34 /* " */ || c === 10 /* \n */ || c === 13 /* \r */) break;
          j++;
        }
        field += text.slice(i, j);
        state = 'bare';
        if (field.length > MAX_FIELD_LENGTH && !problem) problem = `a field is longer than ${MAX_FIELD_LENGTH} characters`;
        i = j;
        continue;
      }
      i++;
    }
    if (batch.length) {
      yield batch;
      batch = [];
    }
  }
  if (state === 'quoted') {
    problem = 'a quoted field is not closed before the end of the file';
    yield [endRecord()];
  } else if (!empty || fields.length > 0 || state === 'closing') {
    yield [endRecord()];
  }
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

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
