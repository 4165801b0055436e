/* The CSV reader of the bulk import (RFC 4180, streamed): moved out of import-csv.ts to keep it small. */

/** Longest cell the reader accepts (a defence against a runaway quoted field). */
export const MAX_FIELD_LENGTH = 10_000;

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
