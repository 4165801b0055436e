import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  decryptField,
  encryptField,
  ensureKeyFile,
  envelopeKeyId,
  FieldCryptoError,
  keyring,
  keyringFromEnv,
  needsRotation,
  parseDataKey,
  rotateField,
} from './field-crypto.ts';

const b64 = () => randomBytes(32).toString('base64');
const NAME = 'Siti Aminah';

describe('field encryption', () => {
  const ring = keyringFromEnv({ TRIPARTITE_DATA_KEY: b64() })!;

  test('round trip; the envelope holds no clear text and differs every time', () => {
    const a = encryptField(ring, NAME, 'child.name:1');
    const b = encryptField(ring, NAME, 'child.name:1');
    assert.notEqual(a, b);
    assert.equal(a.includes('Siti'), false);
    assert.match(a, /^v1\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.equal(decryptField(ring, a, 'child.name:1'), NAME);
    assert.equal(decryptField(ring, encryptField(ring, ''), ''), '');
  });

  test('tampering with any part is detected', () => {
    const env = encryptField(ring, NAME);
    const parts = env.split('.');
    for (const i of [2, 3, 4]) {
      const p = parts[i]!;
      const flipped = (p[0] === 'A' ? 'B' : 'A') + p.slice(1);
      const bad = [...parts.slice(0, i), flipped, ...parts.slice(i + 1)].join('.');
      assert.throws(() => decryptField(ring, bad), FieldCryptoError);
    }
  });

  test('a value moved to another field or record does not open', () => {
    const env = encryptField(ring, NAME, 'child.name:1');
    assert.throws(() => decryptField(ring, env, 'child.name:2'), /authentication failed/);
  });

  test('a wrong key is refused, and the error carries no value', () => {
    const other = keyring(parseDataKey(b64()));
    const env = encryptField(ring, NAME);
    assert.throws(
      () => decryptField(other, env),
      (e: Error) => e instanceof FieldCryptoError && !e.message.includes(NAME) && /neither the current key/.test(e.message),
    );
  });

  test('rotation: old values open with a listed old key and re-seal with the current one', () => {
    const oldKey = b64();
    const before = keyringFromEnv({ TRIPARTITE_DATA_KEY: oldKey })!;
    const env = encryptField(before, NAME, 'c');
    const rotated = keyringFromEnv({ TRIPARTITE_DATA_KEY: b64(), TRIPARTITE_DATA_KEYS_OLD: ` ${oldKey} ` })!;
    assert.equal(decryptField(rotated, env, 'c'), NAME);
    assert.equal(needsRotation(rotated, env), true);
    const resealed = rotateField(rotated, env, 'c');
    assert.equal(envelopeKeyId(resealed), rotated.current.id);
    assert.equal(needsRotation(rotated, resealed), false);
    assert.equal(decryptField(rotated, resealed, 'c'), NAME);
    // Once the old key is dropped, old values no longer open.
    assert.throws(() => decryptField(keyring(rotated.current), env, 'c'), FieldCryptoError);
  });

  test('the key setting is validated with a clear error that never echoes it', () => {
    const secretish = 'not-base64!!';
    const table: [string, RegExp][] = [
      [secretish, /TRIPARTITE_DATA_KEY: not base64/],
      [randomBytes(16).toString('base64'), /TRIPARTITE_DATA_KEY: decodes to 16 bytes, expected 32/],
      [randomBytes(33).toString('base64'), /decodes to 33 bytes/],
    ];
    for (const [value, message] of table) {
      assert.throws(
        () => keyringFromEnv({ TRIPARTITE_DATA_KEY: value }),
        (e: Error) => message.test(e.message) && !e.message.includes(value),
      );
    }
    assert.throws(() => keyringFromEnv({ TRIPARTITE_DATA_KEY: b64(), TRIPARTITE_DATA_KEYS_OLD: 'abc' }), /TRIPARTITE_DATA_KEYS_OLD\[0\]/);
    assert.equal(keyringFromEnv({}), null);
    assert.equal(keyringFromEnv({ TRIPARTITE_DATA_KEY: '  ' }), null);
  });

  test('something that is not an envelope is refused', () => {
    assert.throws(() => decryptField(ring, NAME), /not an encrypted field envelope/);
  });
});

describe('key file beside the SQLite database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'field-crypto-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('created once with mode 0600, then read back', () => {
    const db = join(dir, 'tripartite.db');
    const first = ensureKeyFile(db);
    assert.equal(first.created, true);
    assert.equal(first.path, `${db}.key`);
    if (process.platform !== 'win32') assert.equal(statSync(first.path).mode & 0o777, 0o600);
    const second = ensureKeyFile(db);
    assert.equal(second.created, false);
    assert.equal(second.key.id, first.key.id);
    const ring = keyring(first.key);
    assert.equal(decryptField(keyring(second.key), encryptField(ring, NAME)), NAME);
  });

  test('a key file others can read is refused', { skip: process.platform === 'win32' }, () => {
    const db = join(dir, 'open.db');
    writeFileSync(`${db}.key`, `${b64()}\n`, { mode: 0o644 });
    assert.throws(() => ensureKeyFile(db), /readable by group or others/);
  });

  test('a corrupt key file is a clear error naming the file', () => {
    const db = join(dir, 'corrupt.db');
    writeFileSync(`${db}.key`, 'short\n', { mode: 0o600 });
    assert.throws(
      () => ensureKeyFile(db),
      (e: Error) => e.message.startsWith(`${db}.key:`),
    );
  });
});
