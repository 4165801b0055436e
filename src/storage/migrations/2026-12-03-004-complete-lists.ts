import type { Kysely } from 'kysely';
import type { DialectInfo } from '../dialect.ts';

/**
 * Issue 8 item 18: which ratification lists are complete (the rest are partial), and source ids
 * that are URLs or long citations (ratifications_other.csv names its sources by URL), which do not
 * fit the first schema's varchar(80) on PostgreSQL. SQLite does not enforce lengths.
 */
export const createCompleteLists = {
  async up(db: Kysely<any>, dialect: DialectInfo): Promise<void> {
    await db.schema
      .createTable('complete_lists')
      .addColumn('list_key', 'varchar(40)', (c) => c.primaryKey())
      .addColumn('scope', 'varchar(20)', (c) => c.notNull())
      .addColumn('code', 'varchar(10)', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('basis', 'text', (c) => c.notNull())
      .execute();
    if (dialect.name === 'postgres') {
      await db.schema
        .alterTable('sources')
        .alterColumn('id', (c) => c.setDataType('text'))
        .execute();
    }
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('complete_lists').ifExists().execute();
  },
};
