import type { Kysely } from 'kysely';
import type { DialectInfo } from '../dialect.ts';

/**
 * Issue 11: a monitoring unit's own append-only history (decision 226): who created it, changed
 * its settings, and gave, changed or took away a member's role (and with it the right to see
 * children's data). Read only by the unit's administrators, never in the public history.
 */
export const createUnitEvents = {
  async up(db: Kysely<any>, d: DialectInfo): Promise<void> {
    await db.schema
      .createTable('unit_events')
      .addColumn('id', 'integer', d.identity)
      .addColumn('unit_id', 'integer', (c) => c.notNull())
      .addColumn('at', 'varchar(30)', (c) => c.notNull())
      .addColumn('user_id', 'integer')
      .addColumn('actor', 'varchar(254)', (c) => c.notNull())
      .addColumn('action', 'varchar(30)', (c) => c.notNull())
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .execute();
    await db.schema.createIndex('unit_events_unit').on('unit_events').columns(['unit_id', 'id']).execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('unit_events').ifExists().execute();
  },
};
