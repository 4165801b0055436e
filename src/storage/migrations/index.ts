import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { DialectInfo } from '../dialect.ts';
import { createRegistry } from './2026-11-27-001-registry.ts';
import { createNationalProfiles } from './2026-11-27-002-national-profiles.ts';
import { createAccountsHistory } from './2026-11-27-003-accounts-history.ts';
import { createCompleteLists } from './2026-12-03-004-complete-lists.ts';
import { createRecordVersions } from './2026-12-03-005-record-versions.ts';
import { createConference } from './2026-12-03-006-conference.ts';
import { createGoverningBody } from './2026-12-03-007-governing-body.ts';
import { createSubmissions } from './2026-12-03-008-submissions.ts';
import { createReporting } from './2026-12-03-009-reporting.ts';
import { createSupervisory } from './2026-12-03-010-supervisory.ts';
import { createProgrammes } from './2026-12-03-011-programmes.ts';
import { createDocuments } from './2026-12-04-012-documents.ts';
import { createMonitoring } from './2026-12-04-013-monitoring.ts';
import { widenEventRecordKeys } from './2026-12-04-014-event-record-keys.ts';
import { createUnitEvents } from './2026-12-04-015-unit-events.ts';

/** Migrations are bundled in code (no filesystem scan), ordered by their names. */
export function migrationProvider(dialect: DialectInfo): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '2026-11-27-001-registry': {
          up: (db: Kysely<any>) => createRegistry.up(db, dialect),
          down: (db: Kysely<any>) => createRegistry.down(db),
        },
        '2026-11-27-002-national-profiles': createNationalProfiles,
        '2026-11-27-003-accounts-history': {
          up: (db: Kysely<any>) => createAccountsHistory.up(db, dialect),
          down: (db: Kysely<any>) => createAccountsHistory.down(db),
        },
        '2026-12-03-004-complete-lists': {
          up: (db: Kysely<any>) => createCompleteLists.up(db, dialect),
          down: (db: Kysely<any>) => createCompleteLists.down(db),
        },
        '2026-12-03-005-record-versions': createRecordVersions,
        '2026-12-03-008-submissions': createSubmissions,
        '2026-12-03-009-reporting': createReporting,
        '2026-12-03-006-conference': createConference,
        '2026-12-03-007-governing-body': createGoverningBody,
        '2026-12-03-010-supervisory': createSupervisory,
        '2026-12-03-011-programmes': createProgrammes,
        '2026-12-04-013-monitoring': {
          up: (db: Kysely<any>) => createMonitoring.up(db, dialect),
          down: (db: Kysely<any>) => createMonitoring.down(db),
        },
        '2026-12-04-014-event-record-keys': {
          up: (db: Kysely<any>) => widenEventRecordKeys.up(db, dialect),
          down: (db: Kysely<any>) => widenEventRecordKeys.down(db, dialect),
        },
        '2026-12-04-015-unit-events': {
          up: (db: Kysely<any>) => createUnitEvents.up(db, dialect),
          down: (db: Kysely<any>) => createUnitEvents.down(db),
        },
        '2026-12-04-012-documents': createDocuments,
      };
    },
  };
}
