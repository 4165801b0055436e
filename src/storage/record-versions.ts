import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { EVERYTHING } from '../services/cache-dependencies.ts';
import type { Database } from './schema.ts';

async function readVersionMap(db: Kysely<Database>, keys: string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('record_versions').select(['key', 'version']).where('key', 'in', keys).execute();
  return new Map(rows.map((r) => [r.key, r.version]));
}

/**
 * Reads versions for every cache lookup, batching the lookups of one turn of the event loop into
 * one indexed query: under load, concurrent requests share a query (and a pooled connection)
 * instead of taking one each. A lookup joins only a batch whose query has not been sent yet, so
 * the answer reflects every write acknowledged before the lookup was made.
 */
export class VersionReader {
  private pending: { keys: Set<string>; versions: Promise<Map<string, string>> } | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  async versionsOf(keys: string[]): Promise<string> {
    let batch = this.pending;
    if (!batch) {
      const keysOfBatch = new Set<string>();
      const versions = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.pending = null;
        return readVersionMap(this.db, [...keysOfBatch]);
      });
      batch = { keys: keysOfBatch, versions };
      this.pending = batch;
    }
    for (const key of keys) batch.keys.add(key);
    const byKey = await batch.versions;
    return keys.map((k) => byKey.get(k) ?? '-').join(' ');
  }
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
 * Gives each key a new version inside the writing transaction. Keys are written in sorted order, so
 * two PostgreSQL transactions bumping overlapping keys lock them in the same order and never
 * deadlock on them; a large set (a bulk import) goes in several statements, each within the
 * database's parameter limit (two parameters a key), still in that order.
 */
export async function bumpVersions(
  trx: Transaction<Database> | Kysely<Database>,
  keys: Iterable<string>,
  maxParams = 30_000,
): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  const perStatement = Math.max(1, Math.floor(maxParams / 2));
  for (let start = 0; start < sorted.length; start += perStatement) {
    await trx
      .insertInto('record_versions')
      .values(sorted.slice(start, start + perStatement).map((key) => ({ key, version: randomUUID() })))
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ version: eb.ref('excluded.version') })))
      .execute();
  }
}

/** Invalidates every cached document on every instance (seeding, restore). */
export function bumpEverything(trx: Transaction<Database> | Kysely<Database>): Promise<void> {
  return bumpVersions(trx, [EVERYTHING]);
}
