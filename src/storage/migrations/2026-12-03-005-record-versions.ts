import type { Kysely } from 'kysely';

/**
 * Issue 12: one version per dependency key (src/services/cache-dependencies.ts) instead of one
 * global data version, so a write invalidates only the cached documents that show what it changed
 * (decision 080). Keys absent from the table have never been written (a version of its own); `*`
 * is bumped by seeding and restore and invalidates everything. The table starts empty, so a freshly
 * migrated database still counts as holding no data (restore checks that).
 */
export const createRecordVersions = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('record_versions')
      .addColumn('key', 'varchar(80)', (c) => c.primaryKey())
      .addColumn('version', 'varchar(40)', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('record_versions').ifExists().execute();
  },
};
