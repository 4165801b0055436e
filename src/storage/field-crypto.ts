import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, constants, linkSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';

/*
 * Authenticated encryption of identifying fields (issue 11; decision 191). AES-256-GCM from
 * node:crypto with a fresh 12-byte IV per value. The stored value is a versioned envelope,
 *   v1.<keyId>.<iv>.<tag>.<ciphertext>   (each part base64url)
 * where keyId is the first 8 bytes of SHA-256 of the key, so a value names the key that sealed it
 * and keys can be rotated: encrypt with the current key, decrypt with the current or any listed old
 * one. An optional context (e.g. 'child.name:<case id>') is bound as additional authenticated data,
 * so a value moved to another field or record fails to open. Errors never include a value or a key.
 */
export const DATA_KEY_ENV = 'TRIPARTITE_DATA_KEY';
/** Comma-separated old keys (base64), kept only to read values sealed before a rotation. */
export const OLD_DATA_KEYS_ENV = 'TRIPARTITE_DATA_KEYS_OLD';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class FieldCryptoError extends Error {
  override name = 'FieldCryptoError';
}

export interface DataKey {
  id: string;
  key: Buffer;
}

export interface Keyring {
  current: DataKey;
  old: readonly DataKey[];
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A 32-byte key from its base64 text; the error names the setting and the problem, never the value. */
export function parseDataKey(text: string, setting: string = DATA_KEY_ENV): DataKey {
  const trimmed = text.trim();
  if (!BASE64.test(trimmed) || trimmed.length % 4 !== 0) {
    throw new FieldCryptoError(`${setting}: not base64 (expected 32 random bytes in base64, e.g. from \`openssl rand -base64 32\`)`);
  }
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) throw new FieldCryptoError(`${setting}: decodes to ${key.length} bytes, expected ${KEY_BYTES}`);
  return { id: keyId(key), key };
}

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest().subarray(0, 8).toString('base64url');
}

export function keyring(current: DataKey, old: readonly DataKey[] = []): Keyring {
  return { current, old: old.filter((k) => k.id !== current.id) };
}

/** The keyring from the environment, or null when TRIPARTITE_DATA_KEY is unset (see ensureKeyFile). */
export function keyringFromEnv(env: Readonly<Record<string, string | undefined>>): Keyring | null {
  const current = env[DATA_KEY_ENV];
  if (current === undefined || current.trim() === '') return null;
  const old = (env[OLD_DATA_KEYS_ENV] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s, i) => parseDataKey(s, `${OLD_DATA_KEYS_ENV}[${i}]`));
  return keyring(parseDataKey(current), old);
}

export function encryptField(ring: Keyring, plaintext: string, context = ''): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', ring.current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(`${VERSION}|${context}`, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, ring.current.id, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
}

export function isEnvelope(value: string): boolean {
  return value.startsWith(`${VERSION}.`) && value.split('.').length === 5;
}

/** The key id that sealed a stored value (for re-encryption after a rotation). */
export function envelopeKeyId(envelope: string): string {
  if (!isEnvelope(envelope)) throw new FieldCryptoError('not an encrypted field envelope');
  return envelope.split('.')[1]!;
}

export function decryptField(ring: Keyring, envelope: string, context = ''): string {
  if (!isEnvelope(envelope)) throw new FieldCryptoError('not an encrypted field envelope');
  const [, id, ivText, tagText, ctText] = envelope.split('.') as [string, string, string, string, string];
  const dataKey = [ring.current, ...ring.old].find((k) => k.id === id);
  if (!dataKey) throw new FieldCryptoError(`sealed with key ${id}, which is neither the current key nor a listed old key`);
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new FieldCryptoError('malformed envelope');
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`${VERSION}|${context}`, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(ctText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new FieldCryptoError('authentication failed: the value was altered, moved, or sealed with another key');
  }
}

/** True when a value sealed with an old key should be re-encrypted with the current one. */
export function needsRotation(ring: Keyring, envelope: string): boolean {
  return envelopeKeyId(envelope) !== ring.current.id;
}

export function rotateField(ring: Keyring, envelope: string, context = ''): string {
  return needsRotation(ring, envelope) ? encryptField(ring, decryptField(ring, envelope, context), context) : envelope;
}

/**
 * The embedded SQLite default when TRIPARTITE_DATA_KEY is unset: a key file beside the database
 * (`<database>.key`), created with mode 0600 (exclusive create, so two processes never write two
 * keys) or read if present. An existing file readable by group or others is refused. Not yet
 * wired into start-up; the caller says at start that it used the file, and a PostgreSQL
 * deployment must not call this (it requires the environment key).
 */
export function ensureKeyFile(databasePath: string): { path: string; created: boolean; key: DataKey } {
  const path = `${databasePath}.key`;
  let created = false;
  // Written whole under a temporary name, then linked into place: a process starting at the same
  // moment sees either no key file or a complete one, never an empty file it would take for a key.
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    writeSync(fd, `${randomBytes(KEY_BYTES).toString('base64')}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    chmodSync(temp, 0o600);
    linkSync(temp, path);
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new FieldCryptoError(`${path}: readable by group or others; restrict it with chmod 600`);
  }
  return { path, created, key: parseDataKey(readFileSync(path, 'utf8'), path) };
}
