/** ILC sessions for scripts/build-data.ts, from ilc_sessions.csv. */
import { resolve } from 'node:path';
import type { IlcSession } from '../../src/domain/ilc-session.ts';
import { readCsv, rowsOf } from './csv.ts';
import { REF } from './paths.ts';

export function readSessions(): IlcSession[] {
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
