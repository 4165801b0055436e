import type { Kysely } from 'kysely';

/**
 * Issue 10, programmes (decision 170): one row per programme or project. The list fields
 * (countries, donors, partners, instruments, themes, roles, activities, outcomes) are JSON text,
 * the same on SQLite and PostgreSQL; SQL null means the source does not say (unknown).
 * `closed_per_source` is 0 or 1. No foreign keys: a project may name a State or territory the
 * registry does not hold (the ILAB list covers territories too).
 */
export const createProgrammes = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('programmes')
      .addColumn('id', 'varchar(80)', (c) => c.primaryKey())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('name_id', 'text')
      .addColumn('aim_en', 'text')
      .addColumn('aim_id', 'text')
      .addColumn('countries', 'text')
      .addColumn('area', 'text')
      .addColumn('start_year', 'integer')
      .addColumn('end_year', 'integer')
      .addColumn('duration_years', 'integer')
      .addColumn('closed_per_source', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('donors', 'text')
      .addColumn('partners', 'text')
      .addColumn('instruments', 'text')
      .addColumn('themes', 'text', (c) => c.notNull())
      .addColumn('roles', 'text')
      .addColumn('activities', 'text')
      .addColumn('outcomes', 'text')
      .addColumn('url', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('confidence', 'varchar(10)', (c) => c.notNull())
      .addColumn('notes', 'text')
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('programmes').ifExists().execute();
  },
};
