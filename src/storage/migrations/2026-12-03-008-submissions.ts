import type { Kysely } from 'kysely';

/**
 * Issue 9: submission of adopted instruments to the competent authorities (Constitution Art 19(5)(b),
 * 19(6)(b)). `submission_tracking` lists the Conference sessions the secretariat opened for tracking
 * (one row per tracked session, with its source); `submissions` holds what each State recorded for one
 * instrument (decision 120). `exceptional` is 0/1 so both engines read it the same way.
 */
export const createSubmissions = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('submission_tracking')
      .addColumn('session_number', 'integer', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .execute();
    await db.schema
      .createTable('submissions')
      .addColumn('record_key', 'varchar(20)', (c) => c.primaryKey())
      .addColumn('country_iso3', 'varchar(3)', (c) => c.notNull().references('countries.iso3'))
      .addColumn('instrument_code', 'varchar(10)', (c) => c.notNull().references('instruments.code'))
      .addColumn('session_number', 'integer', (c) => c.notNull())
      .addColumn('submitted_date', 'varchar(10)')
      .addColumn('authority', 'text')
      .addColumn('exceptional', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reference', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('confidence', 'varchar(10)')
      .addColumn('notes', 'text')
      .execute();
    await db.schema.createIndex('submissions_country').on('submissions').column('country_iso3').execute();
    await db.schema.createIndex('submissions_session').on('submissions').column('session_number').execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('submissions').ifExists().execute();
    await db.schema.dropTable('submission_tracking').ifExists().execute();
  },
};
