import { type Kysely, sql } from 'kysely';
import type { DialectInfo } from '../dialect.ts';

/**
 * Decision 200: a programme's id is up to 80 characters and an office's up to about 60, longer than
 * the 40 the history's `events.record_key` held. PostgreSQL widens the column to 120 (a metadata
 * change for varchar, no rewrite); SQLite does not enforce a varchar length, so nothing changes there.
 */
export const widenEventRecordKeys = {
  async up(db: Kysely<any>, dialect: DialectInfo): Promise<void> {
    if (dialect.name === 'postgres') await sql`ALTER TABLE events ALTER COLUMN record_key TYPE varchar(120)`.execute(db);
  },
  async down(db: Kysely<any>, dialect: DialectInfo): Promise<void> {
    if (dialect.name === 'postgres') await sql`ALTER TABLE events ALTER COLUMN record_key TYPE varchar(40)`.execute(db);
  },
};
