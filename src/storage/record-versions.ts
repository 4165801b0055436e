import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { EVERYTHING } from '../services/cache-dependencies.ts';
import type { Database } from './schema.ts';

/** The versions of these keys, in their order, as one string (one indexed query). */
export async function readVersions(db: Kysely<Database>, keys: string[]): Promise<string> {
  const rows = await db.selectFrom('record_versions').select(['key', 'version']).where('key', 'in', keys).execute();
  const byKey = new Map(rows.map((r) => [r.key, r.version]));
  return keys.map((k) => byKey.get(k) ?? '-').join(' ');
}

/** A digest of every version: changes whenever any registry data changes. */
export async function allVersionsDigest(db: Kysely<Database>): Promise<string> {
  const rows = await db.selectFrom('record_versions').select(['key', 'version']).orderBy('key').execute();
  if (rows.length === 0) return 'empty';
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.key}=${r.version}\n`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * Gives each key a new version inside the writing transaction. Keys are written in sorted order in
 * one statement, so two PostgreSQL transactions bumping overlapping keys lock them in the same
 * order and never deadlock on them.
 */
export async function bumpVersions(trx: Transaction<Database> | Kysely<Database>, keys: Iterable<string>): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  await trx
    .insertInto('record_versions')
    .values(sorted.map((key) => ({ key, version: randomUUID() })))
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ version: eb.ref('excluded.version') })))
    .execute();
}

/** Invalidates every cached document on every instance (seeding, restore). */
export function bumpEverything(trx: Transaction<Database> | Kysely<Database>): Promise<void> {
  return bumpVersions(trx, [EVERYTHING]);
}
