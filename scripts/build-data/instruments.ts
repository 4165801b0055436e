/**
 * Instruments for scripts/build-data.ts: instruments.csv read and cross-checked, and the published
 * ratification counts of ratification_counts.csv.
 */
import { resolve } from 'node:path';
import type { IlcSession } from '../../src/domain/ilc-session.ts';
import type { Instrument, InstrumentCategory, InstrumentStatus, InstrumentType, PublishedCount } from '../../src/domain/instrument.ts';
import {
  INSTRUMENT_CATEGORIES,
  INSTRUMENT_STATUSES,
  INSTRUMENT_TYPES,
  instrumentTypeOfCode,
  normaliseInstrumentCode,
} from '../../src/domain/instrument.ts';
import { type Cells, readCsv, rowsOf } from './csv.ts';
import { REF } from './paths.ts';
import { problem, warnings } from './problems.ts';

/**
 * Entry-into-force delay for a State's ratification, only where the final provisions are in the
 * sources (the authentic texts of C138 and C182). Every other instrument stays null: not guessed.
 */
const RATIFICATION_EIF: Record<string, { months: number; article: string }> = {
  C138: { months: 12, article: 'C138 Art 12(3)' },
  C182: { months: 12, article: 'C182 Art 10(3)' },
};

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

export interface InstrumentRow {
  instrument: Instrument;
  line: number;
}

export function readInstruments(): InstrumentRow[] {
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
export function checkInstrumentConsistency(rows: InstrumentRow[], sessions: Map<number, IlcSession>): void {
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

export function readPublishedCounts(codes: Set<string>): Map<string, PublishedCount> {
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
