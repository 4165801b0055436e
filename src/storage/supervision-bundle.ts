import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SupervisoryComment, SupervisoryProcedure } from '../domain/supervision/comments.ts';

/** data/supervisory-comments.json and data/supervisory-cases.json (scripts/build-data/supervisory.ts); absent files read as empty. */
export async function readSupervisionBundle(dir: string): Promise<{ comments: SupervisoryComment[]; procedures: SupervisoryProcedure[] }> {
  const read = async <T>(name: string): Promise<T[]> => {
    try {
      return JSON.parse(await readFile(join(dir, name), 'utf8')) as T[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new Error(`Cannot read bundled data file ${join(dir, name)}: ${(error as Error).message}`);
    }
  };
  const [comments, procedures] = await Promise.all([
    read<SupervisoryComment>('supervisory-comments.json'),
    read<SupervisoryProcedure>('supervisory-cases.json'),
  ]);
  return { comments, procedures };
}
