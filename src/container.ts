import type { Config } from './config/env.ts';
import type { PasswordHasher } from './services/account-ports.ts';
import { AccountService } from './services/account-service.ts';
import { ComplianceService } from './services/compliance-service.ts';
import { EditService } from './services/edit-service.ts';
import { GapsService } from './services/gaps-service.ts';
import { RegistryService } from './services/registry-service.ts';
import { seedIfEmpty } from './services/seed-registry.ts';
import type { CacheLookupHook } from './services/versioned-cache.ts';
import { KyselyAccountRepository } from './storage/account-repository.ts';
import { argon2Hasher } from './storage/argon2-hasher.ts';
import { readBundle } from './storage/bundle.ts';
import { type DbHandle, migrateToLatest, openDb } from './storage/db.ts';
import { KyselyHistoryRepository } from './storage/history-repository.ts';
import { BUNDLED_DATA_DIR } from './storage/paths.ts';
import { KyselyRegistryRepository } from './storage/registry-repository.ts';

export interface Services {
  handle: DbHandle;
  repo: KyselyRegistryRepository;
  registry: RegistryService;
  compliance: ComplianceService;
  accounts: AccountService;
  edits: EditService;
  gaps: GapsService;
  close(): Promise<void>;
}

export interface ContainerOptions {
  /** Migrate and seed an empty database (the default for `serve`). */
  prepare?: boolean;
  /** Password hashing cost; tests lower it (the default is argon2id at OWASP's minimum). */
  hasher?: PasswordHasher;
  dataDir?: string;
  /** Told of every read-cache lookup (document kind, hit or miss): for metrics. */
  onCacheLookup?: CacheLookupHook;
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
  const accounts = new AccountService(new KyselyAccountRepository(handle.db), options.hasher ?? argon2Hasher(), async (iso3) =>
    Boolean(await repo.getCountry(iso3)),
  );
  return {
    handle,
    repo,
    registry: new RegistryService(repo, { onLookup: options.onCacheLookup }),
    compliance: new ComplianceService(repo, { onLookup: options.onCacheLookup }),
    accounts,
    edits: new EditService(new KyselyHistoryRepository(handle.db)),
    gaps: new GapsService(repo, { onLookup: options.onCacheLookup }),
    close: () => handle.close(),
  };
}
