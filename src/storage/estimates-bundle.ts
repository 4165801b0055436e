import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChildLabourEstimate } from '../domain/statistics/estimates.ts';

/** Reads data/child-labour-estimates.json (built by scripts/build-data.ts); a data set without it has no estimates. */
export async function readEstimatesBundle(dir: string): Promise<ChildLabourEstimate[]> {
  const path = join(dir, 'child-labour-estimates.json');
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '[]';
    throw new Error(`Cannot read bundled data file ${path}: ${error.message}`);
  });
  return JSON.parse(text) as ChildLabourEstimate[];
}
