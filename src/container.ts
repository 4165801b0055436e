import type { Config } from './config/env.ts';
import { ComplianceService } from './services/compliance-service.ts';
import { RegistryService } from './services/registry-service.ts';
import { seedIfEmpty } from './services/seed-registry.ts';
import { readBundle } from './storage/bundle.ts';
import { type DbHandle, migrateToLatest, openDb } from './storage/db.ts';
import { BUNDLED_DATA_DIR } from './storage/paths.ts';
import { KyselyRegistryRepository } from './storage/registry-repository.ts';

export interface Services {
  handle: DbHandle;
  repo: KyselyRegistryRepository;
  registry: RegistryService;
  compliance: ComplianceService;
  close(): Promise<void>;
}

export interface ContainerOptions {
  /** Migrate and seed an empty database (the default for `serve`). */
  prepare?: boolean;
  dataDir?: string;
}

/** Composition root shared by the server, the CLI and the tests: config → db → repositories → services. */
export async function createServices(
  config: Pick<Config, 'databaseUrl' | 'sqlitePath' | 'pgSchema'>,
  options: ContainerOptions = {},
): Promise<Services> {
  const handle = await openDb(config);
  try {
    if (options.prepare ?? true) {
      await migrateToLatest(handle);
      const repo = new KyselyRegistryRepository(handle.db, handle.dialect);
      await seedIfEmpty(repo, () => readBundle(options.dataDir ?? BUNDLED_DATA_DIR));
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  const repo = new KyselyRegistryRepository(handle.db, handle.dialect);
  return { handle, repo, registry: new RegistryService(repo), compliance: new ComplianceService(repo), close: () => handle.close() };
}
