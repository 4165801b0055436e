import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs the import's multi-row statements (decision 150). Kysely builds, compiles and prepares every
 * query afresh; for a statement of 1,000 rows that costs more than SQLite's own work. Here each
 * statement shape (a kind of statement × a number of rows) is compiled by Kysely once, and run with
 * its bound values:
 * - on SQLite, through the better-sqlite3 connection Kysely holds, with the prepared statement kept
 *   and reused (SQLite prepares a 1,000-row insert in about as long as it takes to run it);
 * - on any other engine, through Kysely as a compiled query (PostgreSQL parses each statement on the
 *   server; what is saved is Kysely's building and compiling).
 * Both run inside the caller's transaction: better-sqlite3 has one connection, and Kysely holds it
 * for the transaction, so a statement run on it directly is part of that transaction.
 */

type Row = Record<string, unknown>;

/** The better-sqlite3 connection under each SQLite Kysely instance, registered where it is opened (db.ts). */
const SQLITE_CONNECTIONS = new WeakMap<Kysely<Database>, BetterSqlite3.Database>();

export function registerSqliteConnection(db: Kysely<Database>, connection: BetterSqlite3.Database): void {
  SQLITE_CONNECTIONS.set(db, connection);
}

/** The better-sqlite3 connection under `db`, when it is a SQLite instance opened by `openDb` (tests look at its statements). */
export function sqliteConnectionOf(db: Kysely<Database>): BetterSqlite3.Database | undefined {
  return SQLITE_CONNECTIONS.get(db);
}

/** Prepared statements kept per connection; shapes are few (two per kind, see `statementShapes`), the bound is a safeguard. */
const MAX_PREPARED = 64;
const PREPARED = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement<unknown[]>>>();

function prepared(connection: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement<unknown[]> {
  let cache = PREPARED.get(connection);
  if (!cache) {
    cache = new Map();
    PREPARED.set(connection, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = connection.prepare<unknown[]>(sql);
    if (cache.size >= MAX_PREPARED) cache.delete(cache.keys().next().value as string);
    cache.set(sql, statement);
  }
  return statement;
}

/** Compiled SQL per engine (its quoting and placeholders), kept for the life of the process. */
const TEXTS = new Map<string, Map<string, string>>();

/** Compiled SQL per shape, for one Kysely instance. */
export class StatementShapes {
  private readonly texts: Map<string, string>;
  /** The better-sqlite3 connection when `db` is a SQLite instance opened by `openDb`. */
  readonly connection: BetterSqlite3.Database | undefined;

  /** `engine`: the dialect's name, when known, so that every instance on that engine shares the compiled SQL. */
  constructor(
    private readonly db: Kysely<Database>,
    engine?: string,
  ) {
    this.connection = sqliteConnectionOf(db);
    let texts = engine === undefined ? undefined : TEXTS.get(engine);
    if (!texts) {
      texts = new Map();
      if (engine !== undefined) TEXTS.set(engine, texts);
    }
    this.texts = texts;
  }

  /** Whether prepared statements are kept: then every batch is cut into a few fixed shapes. */
  get reusesStatements(): boolean {
    return this.connection !== undefined;
  }

  /**
   * The SQL of `kind` for `rows` rows, compiled once by `build` (given the instance to build on, and
   * the number of rows) and then taken from memory.
   */
  sql(kind: string, rows: number, build: (db: Kysely<Database>, rows: number) => { compile(): CompiledQuery }): string {
    const key = `${kind}:${rows}`;
    let text = this.texts.get(key);
    if (text === undefined) {
      text = build(this.db, rows).compile().sql;
      this.texts.set(key, text);
    }
    return text;
  }

  /** Runs compiled SQL with its values in the open transaction `trx`; the rows it returns, if any. */
  async run<R = Row>(trx: Transaction<Database>, sql: string, values: readonly unknown[]): Promise<R[]> {
    if (this.connection) {
      const statement = prepared(this.connection, sql);
      if (statement.reader) return statement.all(values as unknown[]) as R[];
      statement.run(values as unknown[]);
      return [];
    }
    return (await trx.executeQuery<R>(CompiledQuery.raw(sql, values as unknown[]))).rows as R[];
  }
}

/**
 * Sizes of the statements that carry `count` items at most `max` a statement, in order. Where
 * statements are reused, the rest after the full statements goes one item a statement: every batch
 * then uses two shapes only, each prepared once per connection (a prepared single-row statement
 * runs in a few microseconds, about what preparing a statement for the rest would cost once).
 * Elsewhere the rest goes in one statement.
 */
export function statementShapes(count: number, max: number, reuse: boolean): number[] {
  const sizes: number[] = [];
  let left = count;
  while (left >= max) {
    sizes.push(max);
    left -= max;
  }
  if (left === 0) return sizes;
  if (!reuse) return [...sizes, left];
  for (; left > 0; left--) sizes.push(1);
  return sizes;
}
