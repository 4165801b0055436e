import type { PasswordHasher } from './services/account-ports.ts';
import { AccountService } from './services/account-service.ts';
import { CaseExportService } from './services/cases/case-export-service.ts';
import { CaseImportService } from './services/cases/case-import.ts';
import { CaseService } from './services/cases/case-service.ts';
import { CaseMetricsService } from './services/cases/metrics-service.ts';
import { CaseRetentionService } from './services/cases/retention-service.ts';
import { UnitService } from './services/cases/unit-service.ts';
import { ComplianceService } from './services/compliance-service.ts';
import { ConferenceService } from './services/conference-service.ts';
import { DocumentService } from './services/document-service.ts';
import { EditService } from './services/edit-service.ts';
import { GapsService } from './services/gaps-service.ts';
import { OrgansService } from './services/organs-service.ts';
import { ProgrammeService } from './services/programme-service.ts';
import { RegistryService } from './services/registry-service.ts';
import { ReportingService } from './services/reporting-service.ts';
import { SearchService } from './services/search/search-service.ts';
import {
  commentSource,
  countrySource,
  documentSource,
  goodSource,
  instrumentSource,
  officeSource,
  programmeSource,
  sessionSource,
} from './services/search/sources.ts';
import { seedIfEmpty } from './services/seed-registry.ts';
import type { ServiceEvents } from './services/service-events.ts';
import { StatisticsService } from './services/statistics-service.ts';
import { SubmissionService } from './services/submission-service.ts';
import { SupervisionService, seedSupervisionIfEmpty } from './services/supervision-service.ts';
import { UsdolService } from './services/usdol-service.ts';
import { KyselyAccountRepository } from './storage/account-repository.ts';
import { argon2Hasher } from './storage/argon2-hasher.ts';
import { readBundle } from './storage/bundle.ts';
import { KyselyCaseExports } from './storage/case-exports.ts';
import { KyselyCaseImportStore } from './storage/case-import-writes.ts';
import { KyselyCaseMetricsReader } from './storage/case-metrics-reader.ts';
import { KyselyCaseRepository } from './storage/case-repository.ts';
import { KyselyConferenceRepository } from './storage/conference-repository.ts';
import { resolveDataKeys, verifyDataKey } from './storage/data-keys.ts';
import { type DbHandle, type DbTarget, migrateToLatest, openDb } from './storage/db.ts';
import { DiskDocumentFiles, defaultDocumentsDir } from './storage/document-files.ts';
import { KyselyDocumentRepository } from './storage/documents-repository.ts';
import { readEstimatesBundle } from './storage/estimates-bundle.ts';
import type { Keyring } from './storage/field-crypto.ts';
import { KyselyHistoryRepository } from './storage/history-repository.ts';
import { readOrgansBundle } from './storage/organs-bundle.ts';
import { KyselyOrgansRepository } from './storage/organs-repository.ts';
import { BUNDLED_DATA_DIR } from './storage/paths.ts';
import { KyselyProgrammeRepository, readProgrammesBundle } from './storage/programmes-repository.ts';
import { KyselyRegistryRepository } from './storage/registry-repository.ts';
import { KyselyReportingRepository } from './storage/reporting-repository.ts';
import { KyselySubmissionRepository } from './storage/submission-repository.ts';
import { readSupervisionBundle } from './storage/supervision-bundle.ts';
import { KyselySupervisionRepository } from './storage/supervision-repository.ts';
import { KyselyUnitMembership } from './storage/unit-members.ts';
import { KyselyUnitRepository } from './storage/unit-repository.ts';
import { readUsdolBundle } from './storage/usdol-bundle.ts';
import { en } from './web/i18n/en.ts';
import { id } from './web/i18n/id.ts';

export interface Services {
  handle: DbHandle;
  repo: KyselyRegistryRepository;
  registry: RegistryService;
  compliance: ComplianceService;
  accounts: AccountService;
  edits: EditService;
  gaps: GapsService;
  submissions: SubmissionService;
  /** The reporting calendar (Art 22): reports owed, overdue counts, rules and receipts. */
  reporting: ReportingService;
  conference: ConferenceService;
  /** The Governing Body and the International Labour Office (issue 9, organs). */
  organs: OrgansService;
  /** Technical-cooperation programmes and projects (issue 10, decision 170). */
  programmes: ProgrammeService;
  supervision: SupervisionService;
  /** Child-labour estimates and ratification counts (issue 10, statistics). */
  statistics: StatisticsService;
  /** One search over everything (issue 10, decision 175). */
  search: SearchService;
  /** USDOL's List of Goods and country facts (issue 10, read-only bundled data). */
  usdol: UsdolService;
  /**
   * The key(s) sealing children's identifying data (issue 11, decision 210); null only for a
   * PostgreSQL tool run without TRIPARTITE_DATA_KEY (a server refuses to start that way).
   */
  dataKeys: Keyring | null;
  /** Said once at start when the key comes from a key file beside the SQLite database. */
  dataKeyNotice: string | null;
  /** The documents library (issue 10, decision 196). */
  documents: DocumentService;
  /** A monitoring unit's figures (issue 11, decision 223). */
  caseMetrics: CaseMetricsService;
  /** A unit's cases as CSV rows, pseudonymised unless a case manager asks (decision 224). */
  caseExports: CaseExportService;
  /** Anonymising closed cases past the unit's retention period (decision 225). */
  caseRetention: CaseRetentionService;
  /** Screening rows → a unit's cases, in one transaction (issue 11, decision 220). */
  caseImport: CaseImportService;
  /** Children's cases (issue 11): open, visit, support, assign, close, worklists. */
  cases: CaseService;
  /** Monitoring units and their members (issue 11, decision 211). */
  units: UnitService;
  close(): Promise<void>;
}

export interface ContainerOptions {
  /** Migrate and seed an empty database (the default for `serve`). */
  prepare?: boolean;
  /** Password hashing cost; tests lower it (the default is argon2id at OWASP's minimum). */
  hasher?: PasswordHasher;
  dataDir?: string;
  /** Cache lookups, imported rows and refused sign-ins, for the metrics (src/http/metrics.ts). */
  events?: ServiceEvents;
  /** A server (and the case CLI) needs the data key; migrations, backups and reads do not. */
  requireDataKey?: boolean;
  /** Where uploaded documents are stored (default: TRIPARTITE_DOCUMENTS_DIR through the config, else beside the SQLite file). */
  documentsDir?: string;
  /** Largest document upload in bytes (default 20 MB). */
  documentsMaxBytes?: number;
}

/** Composition root shared by the server, the CLI and the tests: config → db → repositories → services. */
export async function createServices(
  config: DbTarget & { dataKeys?: Keyring | null; documentsDir?: string | null },
  options: ContainerOptions = {},
): Promise<Services> {
  // Read-only bundled data (decision 180), read before the database opens so a bad file leaks no connection.
  const usdol = new UsdolService(await readUsdolBundle(options.dataDir ?? BUNDLED_DATA_DIR));
  const { keys: dataKeys, notice: dataKeyNotice, keyFile } = resolveDataKeys(config, options.requireDataKey ?? false);
  const handle = await openDb(config);
  try {
    if (options.prepare ?? true) {
      await migrateToLatest(handle);
      if (dataKeys) await verifyDataKey(handle.db, dataKeys, keyFile);
      const repo = new KyselyRegistryRepository(handle.db, handle.dialect);
      await seedIfEmpty(repo, () => readBundle(options.dataDir ?? BUNDLED_DATA_DIR));
      await new KyselyOrgansRepository(handle.db, handle.dialect).seedIfEmpty(() => readOrgansBundle(options.dataDir ?? BUNDLED_DATA_DIR));
      await seedSupervisionIfEmpty(new KyselySupervisionRepository(handle.db, handle.dialect), () =>
        readSupervisionBundle(options.dataDir ?? BUNDLED_DATA_DIR),
      );
      await new KyselyProgrammeRepository(handle.db, handle.dialect).seedIfEmpty(() =>
        readProgrammesBundle(options.dataDir ?? BUNDLED_DATA_DIR),
      );
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  const repo = new KyselyRegistryRepository(handle.db, handle.dialect);
  const { events } = options;
  const compliance = new ComplianceService(repo, events);
  const registry = new RegistryService(repo, events);
  const supervision = new SupervisionService(
    new KyselySupervisionRepository(handle.db),
    new KyselyHistoryRepository(handle.db, handle.dialect),
  );
  const organs = new OrgansService(
    new KyselyOrgansRepository(handle.db, handle.dialect),
    new KyselyHistoryRepository(handle.db, handle.dialect),
    (iso3) => repo.getCountry(iso3),
  );
  const documents = new DocumentService(
    new KyselyDocumentRepository(handle.db),
    new KyselyHistoryRepository(handle.db, handle.dialect),
    new DiskDocumentFiles(options.documentsDir ?? config.documentsDir ?? defaultDocumentsDir(config)),
    { maxBytes: options.documentsMaxBytes },
  );
  const accounts = new AccountService(
    new KyselyAccountRepository(handle.db),
    options.hasher ?? argon2Hasher(),
    async (iso3) => Boolean(await repo.getCountry(iso3)),
    events,
  );
  return {
    handle,
    repo,
    registry,
    compliance,
    accounts,
    edits: new EditService(new KyselyHistoryRepository(handle.db, handle.dialect), events),
    submissions: new SubmissionService(new KyselySubmissionRepository(handle.db), new KyselyHistoryRepository(handle.db, handle.dialect)),
    // A supervisory comment that asks the government for a reply brings a report the next year (Art 22).
    reporting: new ReportingService(
      registry,
      new KyselyReportingRepository(handle.db),
      new KyselyHistoryRepository(handle.db, handle.dialect),
      {
        replyRequests: (country) => supervision.replyRequestsFor(country),
        replyRequestsByCountry: () => supervision.replyRequestsByCountry(),
      },
    ),
    conference: new ConferenceService(new KyselyConferenceRepository(handle.db), new KyselyHistoryRepository(handle.db, handle.dialect)),
    gaps: new GapsService(repo, events).withSource(() => organs.gaps(new Date().toISOString().slice(0, 10))),
    organs,
    supervision,
    programmes: new ProgrammeService(new KyselyProgrammeRepository(handle.db), new KyselyHistoryRepository(handle.db, handle.dialect)),
    statistics: new StatisticsService(registry, () => readEstimatesBundle(options.dataDir ?? BUNDLED_DATA_DIR)),
    search: new SearchService(
      repo,
      [
        instrumentSource(async () => (await registry.listInstruments({}, { page: 1, pageSize: 100_000 })).items, {
          en: en.subject,
          id: id.subject,
        }),
        countrySource(() => registry.listCountries({})),
        officeSource(async () => (await organs.office()).offices),
        commentSource(
          async () => (await supervision.listComments({}, { page: 1, pageSize: 100_000 })).items,
          async () => new Map((await registry.listCountries({})).map((c) => [c.iso3, c])),
        ),
        sessionSource(() => new KyselyConferenceRepository(handle.db).listSessions()),
        // Programmes and offices renew the index through their own keys (decisions 200, 201); goods change only with the bundle.
        programmeSource(() => new KyselyProgrammeRepository(handle.db).listAll()),
        goodSource(() => usdol.goods({}).items),
        documentSource(() => documents.withTexts()),
      ],
      events,
    ),
    usdol,
    dataKeys,
    dataKeyNotice,
    documents,
    caseMetrics: new CaseMetricsService(new KyselyUnitMembership(handle.db), new KyselyCaseMetricsReader(handle.db)),
    caseExports: new CaseExportService(new KyselyUnitMembership(handle.db), new KyselyCaseExports(handle.db), dataKeys),
    caseRetention: new CaseRetentionService(new KyselyCaseMetricsReader(handle.db), new KyselyCaseExports(handle.db)),
    caseImport: new CaseImportService(
      new KyselyCaseImportStore(handle.db, handle.dialect),
      new KyselyUnitMembership(handle.db),
      dataKeys,
      // Its own instance (the facts are read once per import), so this block only appends.
      () => new ComplianceService(repo, events).allCountryFacts(),
    ),
    cases: new CaseService(new KyselyCaseRepository(handle.db), new KyselyUnitMembership(handle.db), compliance, dataKeys),
    units: new UnitService(new KyselyUnitRepository(handle.db), new KyselyUnitMembership(handle.db), async (iso3) =>
      Boolean(await repo.getCountry(iso3)),
    ),
    close: () => handle.close(),
  };
}
