import type { Kysely } from 'kysely';

/**
 * Issue 9, supervision (decision 141): CEACR comments, and the representations (Art 24),
 * complaints (Art 26) and Conference Committee cases in one table with a `procedure` column. The
 * Conventions of a record are a JSON list in a text column (the same on SQLite and PostgreSQL);
 * `requests_reply` is 0 or 1. No foreign keys: a comment may name a Convention or State the
 * registry does not hold yet, as the sources cite it.
 */
export const createSupervisory = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('supervisory_comments')
      .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
      .addColumn('country_iso3', 'varchar(3)', (c) => c.notNull())
      .addColumn('instruments', 'text', (c) => c.notNull())
      .addColumn('kind', 'varchar(20)')
      .addColumn('year', 'integer')
      .addColumn('session', 'integer')
      .addColumn('session_year', 'integer')
      .addColumn('normlex_id', 'varchar(20)')
      .addColumn('url', 'text')
      .addColumn('summary_en', 'text')
      .addColumn('summary_id', 'text')
      .addColumn('requests_reply', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('confidence', 'varchar(10)', (c) => c.notNull())
      .addColumn('notes', 'text')
      .execute();
    await db.schema.createIndex('supervisory_comments_country').on('supervisory_comments').column('country_iso3').execute();
    await db.schema
      .createTable('supervisory_procedures')
      .addColumn('id', 'varchar(60)', (c) => c.primaryKey())
      .addColumn('procedure', 'varchar(10)', (c) => c.notNull())
      .addColumn('country_iso3', 'varchar(3)', (c) => c.notNull())
      .addColumn('instruments', 'text', (c) => c.notNull())
      .addColumn('year', 'integer')
      .addColumn('session', 'integer')
      .addColumn('filed_by', 'text')
      .addColumn('stage', 'varchar(30)')
      .addColumn('outcome', 'text')
      .addColumn('conclusions_en', 'text')
      .addColumn('conclusions_id', 'text')
      .addColumn('url', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('confidence', 'varchar(10)', (c) => c.notNull())
      .addColumn('notes', 'text')
      .execute();
    await db.schema.createIndex('supervisory_procedures_country').on('supervisory_procedures').column('country_iso3').execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('supervisory_procedures').ifExists().execute();
    await db.schema.dropTable('supervisory_comments').ifExists().execute();
  },
};
