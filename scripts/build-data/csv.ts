/**
 * CSV reading for scripts/build-data.ts: a strict RFC 4180 parser, tables checked for their
 * required columns, and typed cell readers that report bad values as problems.
 */
import { readFileSync } from 'node:fs';
import type { Confidence } from '../../src/domain/facts.ts';
import { CONFIDENCES } from '../../src/domain/facts.ts';
import { parsePartialDate } from '../../src/domain/partial-date.ts';
import { problem } from './problems.ts';

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
export function parseCsv(text: string, file: string): { rows: { line: number; fields: string[] }[] } {
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

export function readCsv(path: string, label: string, required: readonly string[]): CsvTable {
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

export function toCsv(header: string[], rows: string[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Cell readers. Each reports a problem (with file/line/field) and returns null on bad input.

export class Cells {
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

export function rowsOf(table: CsvTable): Cells[] {
  return table.records.map((r) => new Cells(table.file, r));
}
