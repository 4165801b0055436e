import { type Kysely, sql } from 'kysely';
import type { DbHandle } from './db.ts';
import { migrationProvider } from './migrations/index.ts';

/* What a database holds, read for the backup's schema check: applied migrations and tables with their columns. */

/** The migrations this code defines, in order: a backup restores only into the same schema. */
export async function codeMigrations(handle: DbHandle): Promise<string[]> {
  return Object.keys(await migrationProvider(handle.dialect).getMigrations()).sort();
}

export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    return rows.rows.map((r) => r.name);
  } catch {
    return [];
  }
}

/** The tables actually present (without Kysely's own), with their columns. */
export async function actualTables(db: Kysely<any>, handle: DbHandle): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (handle.dialect.name === 'postgres') {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
    for (const r of rows) {
      if (!out.has(r.table_name)) out.set(r.table_name, new Set());
      out.get(r.table_name)?.add(r.column_name);
    }
  } else {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select m.name as table_name, p.name as column_name
      from sqlite_master m join pragma_table_info(m.name) p
      where m.type = 'table' and m.name not like 'sqlite_%' order by m.name, p.cid`.execute(db);
    for (const r of rows) {
      if (!out.has(r.table_name)) out.set(r.table_name, new Set());
      out.get(r.table_name)?.add(r.column_name);
    }
  }
  for (const name of [...out.keys()]) if (name.startsWith('kysely_migration')) out.delete(name);
  return out;
}
