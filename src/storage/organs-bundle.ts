import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OrgansBundle } from '../services/organs-ports.ts';

/** Reads data/governing-body.json and data/offices.json (built by scripts/build-data.ts). */
export async function readOrgansBundle(dir: string): Promise<OrgansBundle> {
  const read = async <T>(name: string): Promise<T> => {
    const path = join(dir, name);
    try {
      return JSON.parse(await readFile(path, 'utf8')) as T;
    } catch (error) {
      throw new Error(`Cannot read bundled data file ${path}: ${(error as Error).message}`);
    }
  };
  // The organs arrived after the registry: a data directory without their files still loads (nothing to seed).
  const [governingBody, offices] = await Promise.all([
    read<OrgansBundle['governingBody']>('governing-body.json').catch((): OrgansBundle['governingBody'] => ({
      rules: { seats: [], permanentSeats: [], electionCycle: null },
      periods: [],
      sessions: [],
    })),
    read<OrgansBundle['offices']>('offices.json').catch((): OrgansBundle['offices'] => ({ directorGeneral: null, offices: [] })),
  ]);
  return { governingBody, offices };
}
