import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/**
 * What differs between the two engines, stated as capabilities rather than `if (pg)` checks
 * scattered through queries.
 */
export interface DialectInfo {
  name: 'sqlite' | 'postgres';
  /** Column builder for an auto-incrementing integer primary key. */
  identity: (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  /** Largest number of bound parameters safe in one statement. */
  maxParams: number;
  /** Serialises seeding across instances that start together on one database. */
  seedLock: (trx: AnyKysely) => Promise<void>;
}

export const SQLITE: DialectInfo = {
  name: 'sqlite',
  identity: (col) => col.primaryKey().autoIncrement(),
  maxParams: 30_000,
  // A deferred transaction that reads first and then writes fails with SQLITE_BUSY (not a wait)
  // when another process is writing; a write as the first statement takes the lock up front and
  // waits for busy_timeout instead.
  seedLock: async (trx) => {
    await sql`update meta set value = value where key = 'seed-lock'`.execute(trx);
  },
};

export const POSTGRES: DialectInfo = {
  name: 'postgres',
  identity: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
  maxParams: 60_000,
  seedLock: async (trx) => {
    await sql`select pg_advisory_xact_lock(7310138182)`.execute(trx);
  },
};

export type AnyKysely = Kysely<any>;
