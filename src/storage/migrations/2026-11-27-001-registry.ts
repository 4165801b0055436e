import type { Kysely } from 'kysely';
import type { DialectInfo } from '../dialect.ts';

export const createRegistry = {
  async up(db: Kysely<any>, d: DialectInfo): Promise<void> {
    await db.schema
      .createTable('instruments')
      .addColumn('code', 'varchar(8)', (c) => c.primaryKey())
      .addColumn('type', 'varchar(20)', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('title_id', 'text')
      .addColumn('title_id_kind', 'varchar(20)')
      .addColumn('title_id_source', 'text')
      .addColumn('title_id_act', 'text')
      .addColumn('adoption_date', 'varchar(10)')
      .addColumn('ilc_session', 'integer')
      .addColumn('entry_into_force', 'varchar(10)')
      .addColumn('status', 'varchar(30)')
      .addColumn('category', 'varchar(20)')
      .addColumn('subjects', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('revises', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('eif_months', 'integer')
      .addColumn('eif_article', 'text')
      .addColumn('verified_fields', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('published_count', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('source', 'text')
      .addColumn('confidence', 'varchar(10)')
      .addColumn('notes', 'text')
      .execute();
    await db.schema.createIndex('instruments_type_number').on('instruments').columns(['type', 'number']).execute();

    await db.schema
      .createTable('countries')
      .addColumn('iso3', 'varchar(3)', (c) => c.primaryKey())
      .addColumn('iso2', 'varchar(2)', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('name_id', 'text')
      .addColumn('region', 'varchar(40)')
      .addColumn('membership_date', 'varchar(10)')
      .addColumn('membership_note', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('source', 'text')
      .addColumn('confidence', 'varchar(10)')
      .addColumn('notes', 'text')
      .execute();

    await db.schema
      .createTable('ratifications')
      .addColumn('id', 'integer', d.identity)
      .addColumn('country_iso3', 'varchar(3)', (c) => c.notNull().references('countries.iso3'))
      .addColumn('instrument_code', 'varchar(8)', (c) => c.notNull().references('instruments.code'))
      .addColumn('registration_date', 'varchar(10)')
      .addColumn('status', 'varchar(20)')
      .addColumn('legal_act', 'text')
      .addColumn('national_title', 'text')
      .addColumn('source', 'text')
      .addColumn('confidence', 'varchar(10)')
      .addColumn('notes', 'text')
      .addUniqueConstraint('ratifications_country_instrument', ['country_iso3', 'instrument_code'])
      .execute();
    await db.schema.createIndex('ratifications_instrument').on('ratifications').column('instrument_code').execute();

    await db.schema
      .createTable('declarations')
      .addColumn('id', 'integer', d.identity)
      .addColumn('ratification_id', 'integer', (c) => c.notNull().references('ratifications.id').onDelete('cascade'))
      .addColumn('kind', 'varchar(30)', (c) => c.notNull())
      .addColumn('article', 'text', (c) => c.notNull())
      .addColumn('value', 'integer', (c) => c.notNull())
      .addColumn('date', 'varchar(10)')
      .addColumn('source', 'text')
      .addColumn('confidence', 'varchar(10)')
      .addColumn('notes', 'text')
      .execute();
    await db.schema.createIndex('declarations_ratification').on('declarations').column('ratification_id').execute();

    await db.schema
      .createTable('ilc_sessions')
      .addColumn('number', 'integer', (c) => c.primaryKey())
      .addColumn('year', 'integer')
      .addColumn('opening_date', 'varchar(10)')
      .addColumn('closing_date', 'varchar(10)')
      .addColumn('place', 'text')
      .addColumn('source', 'text')
      .addColumn('confidence', 'varchar(10)')
      .addColumn('notes', 'text')
      .execute();

    await db.schema
      .createTable('sources')
      .addColumn('id', 'varchar(80)', (c) => c.primaryKey())
      .addColumn('description', 'text')
      .execute();

    await db.schema
      .createTable('meta')
      .addColumn('key', 'varchar(80)', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    for (const t of ['meta', 'sources', 'ilc_sessions', 'declarations', 'ratifications', 'countries', 'instruments']) {
      await db.schema.dropTable(t).ifExists().execute();
    }
  },
};
