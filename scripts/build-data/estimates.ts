/**
 * Global child-labour estimates for scripts/build-data.ts, from child_labour_estimates.csv (see
 * SOURCES.md): one row per reference year, each figure with its sources and confidence. An empty
 * figure (2008 hazardous work) stays null: a gap, never interpolated.
 */
import { resolve } from 'node:path';
import type { ChildLabourEstimate } from '../../src/domain/statistics/estimates.ts';
import { readCsv, rowsOf } from './csv.ts';
import { REF } from './paths.ts';

export function readEstimates(): ChildLabourEstimate[] {
  const file = 'child_labour_estimates.csv';
  const table = readCsv(resolve(REF, file), file, [
    'year',
    'age_group',
    'children_in_child_labour',
    'children_in_hazardous_work',
    'source',
    'confidence',
    'notes',
  ]);
  const out: ChildLabourEstimate[] = [];
  const years = new Set<number>();
  for (const c of rowsOf(table)) {
    const year = c.int('year', { required: true });
    const ageGroup = c.required('age_group');
    if (year !== null && years.has(year)) c.bad('year', `${year} appears twice`);
    if (year !== null) years.add(year);
    const childLabour = c.int('children_in_child_labour');
    const hazardousWork = c.int('children_in_hazardous_work');
    if (childLabour !== null && hazardousWork !== null && hazardousWork > childLabour)
      c.bad('children_in_hazardous_work', 'more children in hazardous work than in child labour');
    const source = c.text('source');
    if (!source) c.bad('source', 'every estimate needs its source');
    const confidence = c.confidence('confidence', { required: true });
    if (year === null) continue;
    out.push({ year, ageGroup, childLabour, hazardousWork, source, confidence, notes: c.text('notes') });
  }
  return out.sort((a, b) => a.year - b.year);
}
