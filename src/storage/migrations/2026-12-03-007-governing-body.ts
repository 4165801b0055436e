import type { Kysely } from 'kysely';

/**
 * Issue 9 (organs): the Governing Body (the sourced composition facts, periods with the members
 * the sources name, sessions) and the International Labour Office's field offices. Lists are JSON
 * text and dates partial ISO text, as elsewhere. Each table has a one-column key (the backup
 * orders rows by it): a member's key is its period and its place in the period's list.
 */
export const createGoverningBody = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('gb_rules')
      .addColumn('id', 'varchar(60)', (c) => c.primaryKey())
      .addColumn('item', 'varchar(40)', (c) => c.notNull())
      .addColumn('grp', 'varchar(20)')
      .addColumn('member_type', 'varchar(20)')
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('confidence', 'varchar(10)')
      .addColumn('notes', 'text')
      .execute();
    await db.schema
      .createTable('gb_periods')
      .addColumn('id', 'varchar(9)', (c) => c.primaryKey())
      .addColumn('start_date', 'varchar(10)')
      .addColumn('end_date', 'varchar(10)')
      .addColumn('source', 'text')
      .addColumn('confidence', 'varchar(10)')
      .addColumn('notes', 'text')
      .execute();
    await db.schema
      .createTable('gb_members')
      .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
      .addColumn('period_id', 'varchar(9)', (c) => c.notNull().references('gb_periods.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('holder_iso3', 'varchar(3)')
      .addColumn('holder_name', 'text')
      .addColumn('grp', 'varchar(20)', (c) => c.notNull())
      .addColumn('member_type', 'varchar(20)', (c) => c.notNull())
      .addColumn('seat', 'varchar(20)', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('confidence', 'varchar(10)')
      .addColumn('notes', 'text')
      .execute();
    await db.schema.createIndex('gb_members_period').on('gb_members').columns(['period_id', 'position']).execute();
    await db.schema
      .createTable('gb_sessions')
      .addColumn('number', 'integer', (c) => c.primaryKey())
      .addColumn('start_date', 'varchar(10)')
      .addColumn('end_date', 'varchar(10)')
      .addColumn('place', 'text')
      .addColumn('agenda', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('source', 'text')
      .addColumn('confidence', 'varchar(10)')
      .addColumn('notes', 'text')
      .execute();
    await db.schema
      .createTable('ilo_offices')
      .addColumn('id', 'varchar(120)', (c) => c.primaryKey())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'varchar(20)', (c) => c.notNull())
      .addColumn('region', 'varchar(40)')
      .addColumn('city', 'text')
      .addColumn('country_iso3', 'varchar(3)')
      .addColumn('country_name', 'text')
      .addColumn('address', 'text')
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('covers', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('covers_other', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('source', 'text')
      .addColumn('confidence', 'varchar(10)')
      .addColumn('notes', 'text')
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    for (const table of ['ilo_offices', 'gb_sessions', 'gb_members', 'gb_periods', 'gb_rules'])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
