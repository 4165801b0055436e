import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { UsdolCountryFacts, UsdolGood } from '../domain/usdol/usdol.ts';
import type { UsdolBundle } from '../services/usdol-service.ts';

/**
 * Reads data/usdol-goods.json and data/usdol-country-facts.json (built by scripts/build-data.ts).
 * Read-only reference data, read once at start (decision 180); a data directory without them gives
 * empty lists (every USDOL fact then shows as unknown).
 */
export async function readUsdolBundle(dir: string): Promise<UsdolBundle> {
  const read = async <T>(name: string): Promise<T[]> => {
    try {
      return JSON.parse(await readFile(join(dir, name), 'utf8')) as T[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new Error(`Cannot read bundled data file ${join(dir, name)}: ${(error as Error).message}`);
    }
  };
  const [goods, facts] = await Promise.all([read<UsdolGood>('usdol-goods.json'), read<UsdolCountryFacts>('usdol-country-facts.json')]);
  return { goods, facts };
}
