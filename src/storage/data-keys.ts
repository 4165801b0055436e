import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DbTarget } from './db.ts';
import {
  DATA_KEY_ENV,
  decryptField,
  encryptField,
  ensureKeyFile,
  FieldCryptoError,
  type Keyring,
  keyring,
  needsRotation,
  parseDataKey,
  rotateField,
} from './field-crypto.ts';
import type { Database } from './schema.ts';

/**
 * Which key seals children's identifying data (issue 11, decision 210): the configured TRIPARTITE_DATA_KEY; without it, an embedded SQLite file gets a key file
 * beside it (owner-only), an in-memory SQLite database a key that lives as long as the process,
 * and PostgreSQL none: a multi-instance deployment must share one key, so a server refuses to start
 * (`required`), while tools that never touch children's data (migrate, backup) run without one.
 */
export interface ResolvedDataKeys {
  keys: Keyring | null;
  /** What to tell the operator at start (a key file was created or is in use); null: nothing to say. */
  notice: string | null;
  /** The key file the key was read from (SQLite without TRIPARTITE_DATA_KEY); null: the setting or memory. */
  keyFile?: string | null;
}

export function resolveDataKeys(target: DbTarget & { dataKeys?: Keyring | null }, required: boolean): ResolvedDataKeys {
  if (target.dataKeys) return { keys: target.dataKeys, notice: null };
  if (target.databaseUrl) {
    if (required) {
      throw new FieldCryptoError(
        `${DATA_KEY_ENV} is not set: a PostgreSQL deployment needs the key that seals children's identifying data (32 random bytes in base64, e.g. from \`openssl rand -base64 32\`), the same on every instance`,
      );
    }
    return { keys: null, notice: null };
  }
  if (target.sqlitePath === ':memory:') {
    return { keys: keyring(parseDataKey(randomBytes(32).toString('base64'))), notice: null };
  }
  const file = ensureKeyFile(target.sqlitePath);
  return {
    keys: keyring(file.key),
    keyFile: file.path,
    notice: file.created
      ? `${DATA_KEY_ENV} is not set: created the key file ${file.path} (owner-only) to seal children's identifying data; back it up with the database, or set ${DATA_KEY_ENV}`
      : `${DATA_KEY_ENV} is not set: sealing children's identifying data with the key file ${file.path}`,
  };
}

const CHECK_KEY = 'data_key_check';
const CHECK_TEXT = 'tripartite data key check';

/**
 * A database remembers a value sealed with the key it was first opened with; a server given
 * another key refuses to start instead of failing on every case later (or serving garbage); only a
 * key file (never TRIPARTITE_DATA_KEY) is adopted, and only while nothing is sealed yet.
 */
export async function verifyDataKey(db: Kysely<Database>, keys: Keyring, keyFile: string | null = null): Promise<void> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', CHECK_KEY).executeTakeFirst();
  if (!row) {
    await db
      .insertInto('meta')
      .values({ key: CHECK_KEY, value: encryptField(keys, CHECK_TEXT, CHECK_KEY) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return;
  }
  let opened: string | null = null;
  try {
    opened = decryptField(keys, row.value, CHECK_KEY);
  } catch {
    opened = null;
  }
  if (opened !== CHECK_TEXT) {
    // A database copied or restored without its key file: the file beside it is not the one it was
    // sealed with. If the database holds no sealed value yet (no case, so no case event), the key
    // file has nothing to open: it becomes the database's key. A key set in TRIPARTITE_DATA_KEY is
    // never adopted so (a PostgreSQL instance with another key than its peers must not start).
    if (keyFile && !(await holdsSealedValues(db))) {
      await db
        .updateTable('meta')
        .set({ value: encryptField(keys, CHECK_TEXT, CHECK_KEY) })
        .where('key', '=', CHECK_KEY)
        .execute();
      return;
    }
    if (keyFile)
      throw new FieldCryptoError(
        `${DATA_KEY_ENV} is not set and the key file ${keyFile} does not open the data this database holds: put back the key file it was sealed with, or set ${DATA_KEY_ENV} to that key`,
      );
    throw new FieldCryptoError(
      `${DATA_KEY_ENV} does not open the data this database holds: set the key it was sealed with (after a rotation, list the old key in TRIPARTITE_DATA_KEYS_OLD)`,
    );
  }
}

/** Part of completing a rotation (src/storage/case-rekey.ts): the check value moves to the current key. */
export async function rekeyDataKeyCheck(db: Kysely<Database>, keys: Keyring): Promise<boolean> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', CHECK_KEY).executeTakeFirst();
  if (!row || !needsRotation(keys, row.value)) return false;
  await db
    .updateTable('meta')
    .set({ value: rotateField(keys, row.value, CHECK_KEY) })
    .where('key', '=', CHECK_KEY)
    .execute();
  return true;
}

/** Sealed values live only in the case tables (decision 210); case events exist only with cases. */
async function holdsSealedValues(db: Kysely<Database>): Promise<boolean> {
  const [aCase, anEvent] = await Promise.all([
    db.selectFrom('cases').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('case_events').select('id').limit(1).executeTakeFirst(),
  ]);
  return Boolean(aCase || anEvent);
}
