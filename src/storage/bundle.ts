import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegistryBundle } from '../services/ports.ts';

/** Reads the bundled data set (data/*.json, built by scripts/build-data.ts). */
export async function readBundle(dir: string): Promise<RegistryBundle> {
  const read = async <T>(name: string): Promise<T> => {
    const path = join(dir, name);
    try {
      return JSON.parse(await readFile(path, 'utf8')) as T;
    } catch (error) {
      throw new Error(`Cannot read bundled data file ${path}: ${(error as Error).message}`);
    }
  };
  const [instruments, countries, ratifications, ilcSessions, sources] = await Promise.all([
    read<RegistryBundle['instruments']>('instruments.json'),
    read<RegistryBundle['countries']>('countries.json'),
    read<RegistryBundle['ratifications']>('ratifications.json'),
    read<RegistryBundle['ilcSessions']>('ilc-sessions.json'),
    read<RegistryBundle['sources']>('sources.json'),
  ]);
  // Profiles arrived after the registry; a data directory without them still loads.
  const nationalProfiles = await read<RegistryBundle['nationalProfiles']>('national-profiles.json').catch(() => []);
  // Coverage arrived with issue 8; without the file every list reads as partial, never as complete.
  const completeLists = await read<RegistryBundle['completeLists']>('complete-lists.json').catch(() => []);
  return { instruments, countries, ratifications, ilcSessions, sources, nationalProfiles, completeLists };
}
