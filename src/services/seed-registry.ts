import type { RegistryBundle, RegistryRepository, SeedResult } from './ports.ts';

/** Loads the bundle; upserts by natural keys, so a second run leaves the data unchanged. */
export function seedRegistry(repo: RegistryRepository, bundle: RegistryBundle): Promise<SeedResult> {
  return repo.seed(bundle);
}

/** At start-up an empty database gets the bundled data; a populated one is left alone. */
export async function seedIfEmpty(repo: RegistryRepository, loadBundle: () => Promise<RegistryBundle>): Promise<SeedResult | null> {
  if ((await repo.countInstruments()) > 0) {
    // A database seeded before coverage existed gets the complete lists alone; its edited facts stay.
    if ((await repo.countCompleteLists()) === 0) await repo.seedCompleteLists((await loadBundle()).completeLists);
    return null;
  }
  return repo.seed(await loadBundle());
}
