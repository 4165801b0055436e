import type { Kysely } from 'kysely';

/**
 * Issue 9, reporting calendar (Constitution Art 22, 23(2)): the calendar rules as data (rule sets
 * with their validity, and each alphabetical group's base year), the reports a State has sent, and
 * its most representative employers' and workers' organisations. Each table has a one-column text
 * key (the backup orders rows by it) that is also the record key in the history. Years are
 * integers; dates ISO text, as everywhere else.
 */
export const createReporting = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('reporting_rule_sets')
      .addColumn('id', 'varchar(60)', (c) => c.primaryKey())
      .addColumn('category', 'varchar(20)', (c) => c.notNull())
      .addColumn('cycle_years', 'integer', (c) => c.notNull())
      .addColumn('since_year', 'integer', (c) => c.notNull())
      .addColumn('until_year', 'integer')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .execute();
    await db.schema
      .createTable('reporting_group_years')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('rule_set_id', 'varchar(60)', (c) => c.notNull())
      .addColumn('label', 'varchar(20)', (c) => c.notNull())
      .addColumn('first_letter', 'varchar(1)', (c) => c.notNull())
      .addColumn('last_letter', 'varchar(1)', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('base_year', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('reports_received')
      .addColumn('key', 'varchar(60)', (c) => c.primaryKey())
      .addColumn('country_iso3', 'varchar(3)', (c) => c.notNull())
      .addColumn('instrument_code', 'varchar(10)', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('date_sent', 'varchar(10)', (c) => c.notNull())
      .addColumn('link', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reports_received_country').on('reports_received').column('country_iso3').execute();
    await db.schema
      .createTable('representative_organisations')
      .addColumn('iso3', 'varchar(3)', (c) => c.primaryKey())
      .addColumn('employers', 'text', (c) => c.notNull())
      .addColumn('workers', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .execute();
    // From which due date a State's receipts are recorded here completely (decision 095).
    await db.schema
      .createTable('report_receipts_complete')
      .addColumn('iso3', 'varchar(3)', (c) => c.primaryKey())
      .addColumn('since', 'varchar(10)', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    for (const table of [
      'report_receipts_complete',
      'representative_organisations',
      'reports_received',
      'reporting_group_years',
      'reporting_rule_sets',
    ])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
