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
  // One connection per process and a write transaction already holds the database lock.
  seedLock: async () => {},
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
