import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

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
}

export const SQLITE: DialectInfo = {
  name: 'sqlite',
  identity: (col) => col.primaryKey().autoIncrement(),
  maxParams: 30_000,
};

export const POSTGRES: DialectInfo = {
  name: 'postgres',
  identity: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
  maxParams: 60_000,
};

export type AnyKysely = Kysely<any>;
