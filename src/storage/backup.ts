import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, rename, stat, unlink } from 'node:fs/promises';
import { pipeline as pipelineCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { type Kysely, sql, type Transaction } from 'kysely';
import { actualTables, appliedMigrations, codeMigrations } from './backup-schema.ts';
import type { DbHandle } from './db.ts';
import { bumpEverything } from './record-versions.ts';
import type { Database } from './schema.ts';

export { codeMigrations } from './backup-schema.ts';

/**
 * Logical backup and restore over Kysely, identical for SQLite and PostgreSQL so that a backup
 * taken on one engine restores on the other.
 *
 * The file is gzip'd JSON Lines:
 *   {"format":"tripartite-backup","version":1,"createdAt":…,"engine":…,"migrations":[…],"tables":[…]}
 *   {"table":"instruments","row":{…}}            one line per row, tables in TABLES order
 *   {"end":{"rows":{"instruments":N,…},"total":N}}  written last: a file without it is incomplete
 * Rows are the columns exactly as stored (ISO text dates, JSON text lists), so nothing is
 * converted on the way out or in.
 */
export const BACKUP_FORMAT = 'tripartite-backup';
export const BACKUP_VERSION = 1;
const PAGE_SIZE = 1000;
const MAX_BATCH_ROWS = 500;

import { TABLES, type TableName } from './backup-tables.ts';

export { TABLES, type TableName };

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: 'sqlite' | 'postgres';
  migrations: string[];
  tables: string[];
}

export interface BackupSummary {
  header: BackupHeader;
  rows: Record<string, number>;
  total: number;
  bytes: number;
}

export interface RestoreSummary {
  header: BackupHeader;
  rows: Record<string, number>;
  total: number;
}

/** The backup file cannot be used (corrupt, truncated, wrong format or schema); nothing was changed. */
export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

/** The database is not in a state to back up or restore (not migrated, holds data without `replace`). */
export class BackupRefused extends Error {
  override name = 'BackupRefused';
}

async function checkSchema(db: Kysely<any>, handle: DbHandle): Promise<{ migrations: string[]; columns: Map<string, Set<string>> }> {
  const [expected, applied, columns] = await Promise.all([codeMigrations(handle), appliedMigrations(db), actualTables(db, handle)]);
  if (applied.join() !== expected.join()) {
    throw new BackupRefused(
      applied.length === 0
        ? `the database ${handle.describe} has no migrations applied (run tripartite db migrate)`
        : `the database has migrations ${applied.join(', ')} but this version of tripartite has ${expected.join(', ')} (run tripartite db migrate)`,
    );
  }
  const known = new Set<string>(TABLES.map((t) => t.name));
  const unknown = [...columns.keys()].filter((t) => !known.has(t));
  const missing = [...known].filter((t) => !columns.has(t));
  if (unknown.length || missing.length) {
    throw new BackupRefused(
      `the database tables do not match the tables a backup covers (${[
        unknown.length ? `not covered: ${unknown.join(', ')}` : '',
        missing.length ? `missing: ${missing.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ')})`,
    );
  }
  return { migrations: applied, columns };
}

async function* tableRows(trx: Kysely<any>, table: string, key: string): AsyncGenerator<Record<string, unknown>[]> {
  let last: unknown;
  for (;;) {
    let q = trx.selectFrom(table).selectAll().orderBy(key).limit(PAGE_SIZE);
    if (last !== undefined) q = q.where(key, '>', last);
    const page = (await q.execute()) as Record<string, unknown>[];
    if (page.length === 0) return;
    yield page;
    if (page.length < PAGE_SIZE) return;
    last = page[page.length - 1]?.[key];
  }
}

/**
 * A backup holds password hashes, session and token digests: readable by its owner only. The
 * rename puts this file in place of any file of the same name, so an older, laxer mode never survives.
 */
export const BACKUP_FILE_MODE = 0o600;

/**
 * Writes a consistent backup of every table to `file` while the server may keep writing: on
 * PostgreSQL in one REPEATABLE READ read-only transaction, on SQLite in one read transaction (WAL
 * keeps its snapshot). Streams page by page; the file appears under its name only when complete.
 */
export async function backupDatabase(handle: DbHandle, file: string, now: Date = new Date()): Promise<BackupSummary> {
  const partial = `${file}.partial-${process.pid}-${randomUUID().slice(0, 8)}`;
  const rows: Record<string, number> = {};
  let total = 0;
  let header: BackupHeader | undefined;
  const run = async (trx: Transaction<Database>) => {
    const db = trx as unknown as Kysely<any>;
    const { migrations } = await checkSchema(db, handle);
    header = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now.toISOString(),
      engine: handle.dialect.name,
      migrations,
      tables: TABLES.map((t) => t.name),
    };
    const h = header;
    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(h)}\n`;
      for (const { name, key } of TABLES) {
        rows[name] = 0;
        for await (const page of tableRows(db, name, key)) {
          rows[name] += page.length;
          total += page.length;
          yield page.map((row) => `${JSON.stringify({ table: name, row })}\n`).join('');
        }
      }
      yield `${JSON.stringify({ end: { rows, total } })}\n`;
    }
    await pipeline(lines, createGzip(), createWriteStream(partial, { flags: 'wx', mode: BACKUP_FILE_MODE }));
    // The mode given at creation passes through the umask; set it outright before the file gets its name.
    await chmod(partial, BACKUP_FILE_MODE);
  };
  try {
    if (handle.dialect.name === 'postgres') {
      await handle.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(run);
    } else {
      // A deferred transaction whose first statement reads: SQLite (WAL) keeps that snapshot to the end.
      await handle.db.transaction().execute(run);
    }
    await rename(partial, file);
  } catch (error) {
    await unlink(partial).catch(() => {});
    throw error;
  }
  return { header: header as BackupHeader, rows, total, bytes: (await stat(file)).size };
}

/** JSON Lines of a gzip'd file, with their line numbers; a corrupt or truncated gzip stream throws. */
async function* backupLines(file: string): AsyncGenerator<{ n: number; text: string }> {
  const source = pipelineCallback(createReadStream(file), createGunzip(), () => {});
  const decoder = new StringDecoder('utf8');
  let buffered = '';
  let n = 0;
  try {
    for await (const chunk of source) {
      buffered += decoder.write(chunk as Buffer);
      let nl = buffered.indexOf('\n');
      while (nl >= 0) {
        const text = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        n++;
        yield { n, text };
        nl = buffered.indexOf('\n');
      }
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR') throw new BackupFileError(`cannot read ${file}: ${e.message}`);
    if (e.code === 'Z_DATA_ERROR') throw new BackupFileError(`${file} is not a gzip'd tripartite backup, or is corrupt (${e.message})`);
    if (e.code === 'Z_BUF_ERROR' || /unexpected end/i.test(e.message))
      throw new BackupFileError(`${file} is truncated: the gzip stream ends early (after line ${n})`);
    throw new BackupFileError(`cannot read ${file}: ${e.message}`);
  } finally {
    source.destroy();
  }
  buffered += decoder.end();
  if (buffered !== '') yield { n: n + 1, text: buffered };
}

function parseLine(file: string, n: number, text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    throw new BackupFileError(`${file} line ${n} is not JSON: the file is corrupt`);
  }
}

function checkHeader(file: string, value: any, expectedMigrations: string[]): BackupHeader {
  if (!value || value.format !== BACKUP_FORMAT)
    throw new BackupFileError(`${file} is not a tripartite backup (its first line has no format "${BACKUP_FORMAT}")`);
  if (value.version !== BACKUP_VERSION)
    throw new BackupFileError(
      `${file} is a backup of format version ${value.version}; this version of tripartite reads version ${BACKUP_VERSION}`,
    );
  const migrations = Array.isArray(value.migrations) ? (value.migrations as unknown[]).map(String) : null;
  if (!migrations) throw new BackupFileError(`${file} has no migration list in its header`);
  if (migrations.join() !== expectedMigrations.join()) {
    throw new BackupFileError(
      `${file} was made with migrations ${migrations.join(', ') || '(none)'}, but this version of tripartite has ${expectedMigrations.join(', ')}; restore it with the version that made it`,
    );
  }
  const tables = Array.isArray(value.tables) ? (value.tables as unknown[]).map(String) : [];
  const expected = TABLES.map((t) => t.name);
  if (tables.join() !== expected.join())
    throw new BackupFileError(`${file} lists tables ${tables.join(', ')}; expected ${expected.join(', ')}`);
  return value as BackupHeader;
}

/** A row the database refuses (a constraint, a bad value), as opposed to the database failing. */
function isBadRowError(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  // SQLite: SQLITE_CONSTRAINT_*, SQLITE_MISMATCH; PostgreSQL SQLSTATE classes 22 (data) and 23 (integrity).
  return /^SQLITE_(CONSTRAINT|MISMATCH)/.test(code) || /^2[23][0-9A-Z]{3}$/.test(code);
}

/** Reads and checks only the header line: format, version and migration list. */
export async function readBackupHeader(handle: DbHandle, file: string): Promise<BackupHeader> {
  const lines = backupLines(file);
  try {
    const first = await lines.next();
    if (first.done) throw new BackupFileError(`${file} is empty`);
    return checkHeader(file, parseLine(file, first.value.n, first.value.text), await codeMigrations(handle));
  } finally {
    await lines.return(undefined);
  }
}

/** True when any table holds a row (a freshly migrated database holds none). */
export async function databaseHasData(handle: DbHandle): Promise<boolean> {
  const db = handle.db as unknown as Kysely<any>;
  for (const { name } of TABLES) {
    const row = await db.selectFrom(name).select(sql`1`.as('x')).limit(1).executeTakeFirst();
    if (row) return true;
  }
  return false;
}

/**
 * Replaces every row of every table with the backup's, in one transaction: a corrupt or truncated
 * file, or any failed insert, leaves the database as it was. The database must be migrated to
 * the same migrations as the backup. Afterwards identity sequences continue after the restored
 * ids and the data version changes, so running instances drop their caches.
 */
export async function restoreDatabase(handle: DbHandle, file: string, options: { replace: boolean }): Promise<RestoreSummary> {
  const lines = backupLines(file);
  try {
    const first = await lines.next();
    if (first.done) throw new BackupFileError(`${file} is empty`);
    const header = checkHeader(file, parseLine(file, first.value.n, first.value.text), await codeMigrations(handle));
    const { columns } = await checkSchema(handle.db as unknown as Kysely<any>, handle);
    if (!options.replace && (await databaseHasData(handle)))
      throw new BackupRefused(`the database ${handle.describe} already holds data; restoring replaces all of it`);

    const order = new Map<string, number>(TABLES.map((t, i) => [t.name, i]));
    const rows: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t.name, 0]));
    let total = 0;
    await handle.db.transaction().execute(async (trx) => {
      const db = trx as unknown as Kysely<any>;
      for (const { name } of [...TABLES].reverse()) await db.deleteFrom(name).execute();
      if (handle.dialect.name === 'sqlite') await sql`delete from sqlite_sequence`.execute(db).catch(() => {});

      let current = -1;
      let batch: Record<string, unknown>[] = [];
      let batchTable = '';
      let batchLimit = MAX_BATCH_ROWS;
      const flush = async () => {
        if (batch.length === 0) return;
        try {
          await insertBatch();
        } catch (error) {
          // A damaged deflate stream can still yield well-formed lines whose rows break a constraint
          // before gzip's checksum at the end is read: that is a bad file, not a database failure.
          if (!isBadRowError(error)) throw error;
          throw new BackupFileError(
            `${file}: ${batch.length} rows of ${batchTable} cannot be stored (${(error as Error).message}); the file is corrupt`,
          );
        }
        batch = [];
      };
      const insertBatch = async () => {
        if (handle.dialect.name === 'postgres') {
          // One JSON parameter per batch: far cheaper for PostgreSQL than thousands of bound values.
          const columns = sql.join([...new Set(batch.flatMap((r) => Object.keys(r)))].map((c) => sql.ref(c)));
          const table = sql.table(batchTable);
          await sql`insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${table}, ${JSON.stringify(batch)}::json)`.execute(
            db,
          );
        } else {
          await db.insertInto(batchTable).values(batch).execute();
        }
      };
      let end: { rows?: Record<string, unknown>; total?: unknown } | null = null;
      for await (const { n, text } of lines) {
        if (end) throw new BackupFileError(`${file} has data after its end line (line ${n})`);
        if (text === '') throw new BackupFileError(`${file} line ${n} is empty: the file is corrupt`);
        const value = parseLine(file, n, text);
        if (value && typeof value.end === 'object' && value.end !== null) {
          end = value.end;
          continue;
        }
        const table = typeof value?.table === 'string' ? value.table : '';
        const index = order.get(table);
        const row = value?.row;
        if (index === undefined || !row || typeof row !== 'object' || Array.isArray(row))
          throw new BackupFileError(`${file} line ${n} is not a {table,row} line of a known table`);
        if (index < current)
          throw new BackupFileError(`${file} line ${n}: table ${table} comes after its children; the file is not in order`);
        const allowed = columns.get(table) as Set<string>;
        for (const c of Object.keys(row))
          if (!allowed.has(c)) throw new BackupFileError(`${file} line ${n}: table ${table} has no column ${c}`);
        if (table !== batchTable || batch.length >= batchLimit) {
          await flush();
          batchTable = table;
          batchLimit =
            handle.dialect.name === 'postgres'
              ? PAGE_SIZE
              : Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(handle.dialect.maxParams / Math.max(1, allowed.size))));
        }
        current = index;
        batch.push(row as Record<string, unknown>);
        rows[table] = (rows[table] ?? 0) + 1;
        total++;
      }
      await flush();
      if (!end) throw new BackupFileError(`${file} is truncated: it has no end line (${total} rows read)`);
      const expected = end.rows ?? {};
      for (const { name } of TABLES) {
        if (Number(expected[name] ?? 0) !== rows[name])
          throw new BackupFileError(
            `${file} is inconsistent: its end line counts ${expected[name] ?? 0} rows of ${name}, the file holds ${rows[name]}`,
          );
      }

      if (handle.dialect.name === 'postgres') {
        const { rows: identities } = await sql<{ table_name: string }>`
          select table_name from information_schema.columns
          where table_schema = current_schema() and column_name = 'id' and is_identity = 'YES'`.execute(db);
        for (const { table_name } of identities) {
          await sql`select setval(pg_get_serial_sequence(${table_name}, 'id'), coalesce(max(id), 1), max(id) is not null) from ${sql.table(table_name)}`.execute(
            db,
          );
        }
      }
      await trx
        .insertInto('meta')
        .values({ key: 'data_version', value: randomUUID() })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
        .execute();
      // Every instance drops every cached document: the restored rows may carry any version.
      await bumpEverything(trx);
    });
    return { header, rows, total };
  } finally {
    await lines.return(undefined);
  }
}
