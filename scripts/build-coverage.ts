/**
 * Which ratification lists in data/ are complete (data/complete-lists.json). Imported by
 * scripts/build-data.ts; kept apart so the rule can be read and tested on its own.
 *
 * - An instrument's list is complete when a high-confidence published count exists and the rows
 *   recorded for it reach that count (C138: 176 of 176; C182: 187 of 187). A count alone, or rows
 *   alone, never makes a list complete.
 * - A State's own list is complete only where a source says how many Conventions it ratified and
 *   the rows match: Indonesia (SOURCES.md, Indonesia pass: ILO Jakarta "has ratified a total of 19
 *   Conventions", the 19 rows other than the MLC, 2006 of 2017, which came later).
 */
import type { CompleteList } from '../src/domain/coverage.ts';
import type { Instrument } from '../src/domain/instrument.ts';
import type { Ratification } from '../src/domain/ratification.ts';

/** A State whose whole list a source counts, with the instruments that count leaves out (ratified after it). */
interface CountedStateList {
  iso3: string;
  count: number;
  after: string[];
  source: string;
  basis: string;
}

const COUNTED_STATE_LISTS: CountedStateList[] = [
  {
    iso3: 'IDN',
    count: 19,
    after: ['C186'],
    source: 'ILO-JAKARTA;NORMLEX-CEACR-IDN-C186-2020',
    basis:
      'ILO Jakarta: Indonesia "has ratified a total of 19 Conventions"; the 19 rows other than C186 (MLC, 2006, ratified 2017) match it',
  },
];

export function buildCompleteLists(
  instruments: readonly Instrument[],
  ratifications: readonly Ratification[],
): { lists: CompleteList[]; problems: string[] } {
  const lists: CompleteList[] = [];
  const problems: string[] = [];
  for (const i of instruments) {
    const p = i.publishedCount;
    if (i.type === 'recommendation' || !p || p.count === null || p.confidence !== 'high') continue;
    const rows = ratifications.filter((r) => r.instrument === i.code).length;
    if (rows >= p.count) {
      lists.push({
        scope: 'instrument',
        code: i.code,
        source: p.source,
        basis: `${rows} rows for a published count of ${p.count}${p.asOf ? ` (as of ${p.asOf})` : ''}`,
      });
    }
  }
  for (const s of COUNTED_STATE_LISTS) {
    const rows = ratifications.filter((r) => r.country === s.iso3 && !s.after.includes(r.instrument)).length;
    if (rows === s.count) lists.push({ scope: 'country', code: s.iso3, source: s.source, basis: s.basis });
    else problems.push(`${s.iso3}: a source counts ${s.count} ratifications, the data has ${rows}; the list is not marked complete`);
  }
  return { lists, problems };
}
