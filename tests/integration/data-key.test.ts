/**
 * The data key at start-up (issue 11, decision 210), against the real server process
 * (`tripartite serve`): a PostgreSQL server without TRIPARTITE_DATA_KEY exits non-zero naming the
 * setting; a server given another key than the one the database was first started with refuses to
 * start (both databases); an embedded SQLite server without a key creates an owner-only key file
 * beside the database and says so in its start log.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createServices } from '../../src/container.ts';
import { OPERATOR } from '../../src/services/cases/unit-service.ts';
import { sealValue } from '../../src/storage/case-codec.ts';
import { keyring, parseDataKey } from '../../src/storage/field-crypto.ts';
import { PROJECT_ROOT } from '../../src/storage/paths.ts';
import { postgresDatabase, sqliteDatabase, TEST_DATA_KEY } from '../support/databases.ts';

/** A server that neither listens nor exits fails here instead of hanging the suite (not a timing assertion). */
const SAFETY_NET_MS = 60_000;

interface Outcome {
  /** 'listening': it started (and was then stopped); 'exited': it ended by itself before listening. */
  kind: 'listening' | 'exited';
  code: number | null;
  stdout: string;
  stderr: string;
}

const children = new Set<ChildProcess>();
after(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** `tripartite serve` with exactly these database and key settings; stopped with SIGTERM once it listens. */
function serve(env: Record<string, string>): Promise<Outcome> {
  const {
    DATABASE_URL: _url,
    TRIPARTITE_PG_SCHEMA: _schema,
    TRIPARTITE_DB: _db,
    TRIPARTITE_DATA_KEY: _key,
    TRIPARTITE_DATA_KEYS_OLD: _old,
    ...inherited
  } = process.env;
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/tripartite.js'), 'serve'], {
    cwd: PROJECT_ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  let listening = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (!listening && stdout.includes('Tripartite listening on')) {
      listening = true;
      child.kill('SIGTERM');
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve neither listened nor exited within ${SAFETY_NET_MS} ms\n${stdout}\n${stderr}`));
    }, SAFETY_NET_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ kind: listening ? 'listening' : 'exited', code, stdout, stderr });
    });
  });
}

const otherKey = () => randomBytes(32).toString('base64');

describe('data key at start-up on PostgreSQL', async () => {
  const database = await postgresDatabase();
  after(() => database.cleanup());
  const target = { DATABASE_URL: database.config.databaseUrl ?? '', TRIPARTITE_PG_SCHEMA: database.config.pgSchema };

  test('without TRIPARTITE_DATA_KEY the server exits non-zero naming the setting', { skip: database.skip }, async () => {
    const run = await serve(target);
    assert.equal(run.kind, 'exited', run.stdout);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /TRIPARTITE_DATA_KEY is not set/);
    assert.doesNotMatch(run.stdout, /Tripartite listening/);
  });

  test('with another key than the first start it refuses to start; the right key starts', { skip: database.skip }, async () => {
    const first = await serve({ ...target, TRIPARTITE_DATA_KEY: TEST_DATA_KEY });
    assert.equal(first.kind, 'listening', first.stderr);
    assert.equal(first.code, 0, first.stderr);

    const wrong = otherKey();
    const refused = await serve({ ...target, TRIPARTITE_DATA_KEY: wrong });
    assert.equal(refused.kind, 'exited', refused.stdout);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /TRIPARTITE_DATA_KEY does not open the data this database holds/);
    // The message names the setting, never a key.
    assert.ok(!refused.stderr.includes(wrong) && !refused.stderr.includes(TEST_DATA_KEY));

    const again = await serve({ ...target, TRIPARTITE_DATA_KEY: TEST_DATA_KEY });
    assert.equal(again.kind, 'listening', again.stderr);
  });

  test('a malformed key is a configuration error naming the setting', { skip: database.skip }, async () => {
    const run = await serve({ ...target, TRIPARTITE_DATA_KEY: 'not-a-key' });
    assert.equal(run.kind, 'exited');
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /TRIPARTITE_DATA_KEY/);
    assert.ok(!run.stderr.includes('not-a-key'), 'the value itself is not echoed');
  });
});

describe('data key at start-up on SQLite', () => {
  const database = sqliteDatabase();
  after(() => database.cleanup());
  const dbPath = database.config.sqlitePath;
  const keyPath = `${dbPath}.key`;

  test('without a key: a key file is created beside the database, owner-only, and the start log says so', async () => {
    assert.equal(existsSync(keyPath), false);
    const run = await serve({ TRIPARTITE_DB: dbPath });
    assert.equal(run.kind, 'listening', run.stderr);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(existsSync(keyPath), 'the key file exists');
    assert.equal(statSync(keyPath).mode & 0o777, 0o600);
    const key = readFileSync(keyPath, 'utf8').trim();
    assert.equal(Buffer.from(key, 'base64').length, 32);
    const notice = run.stdout.split('\n').find((line) => line.includes('created the key file'));
    assert.ok(notice, `the start log names the key file:\n${run.stdout}`);
    assert.ok(notice.includes(keyPath));
    assert.ok(!run.stdout.includes(key), 'the log never shows the key');

    // A second start reuses the file (and says which file it uses), creating nothing new.
    const second = await serve({ TRIPARTITE_DB: dbPath });
    assert.equal(second.kind, 'listening', second.stderr);
    assert.match(second.stdout, /sealing children's identifying data with the key file/);
    assert.equal(readFileSync(keyPath, 'utf8').trim(), key);
  });

  test('a TRIPARTITE_DATA_KEY other than the key file the database was sealed with: refuses to start', async () => {
    const refused = await serve({ TRIPARTITE_DB: dbPath, TRIPARTITE_DATA_KEY: otherKey() });
    assert.equal(refused.kind, 'exited', refused.stdout);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /TRIPARTITE_DATA_KEY does not open the data this database holds/);

    // The key file's key, given as the setting, is the right key.
    const key = readFileSync(keyPath, 'utf8').trim();
    const right = await serve({ TRIPARTITE_DB: dbPath, TRIPARTITE_DATA_KEY: key });
    assert.equal(right.kind, 'listening', right.stderr);
  });

  test('without its key file, a database with no child’s data adopts the new key file; one with sealed data refuses', async () => {
    // Copied (or restored) alone before any case was opened: nothing is sealed, so the new file serves.
    const key = readFileSync(keyPath, 'utf8');
    rmSync(keyPath);
    const adopted = await serve({ TRIPARTITE_DB: dbPath });
    assert.equal(adopted.kind, 'listening', adopted.stderr);
    assert.match(adopted.stdout, /created the key file/);
    const adoptedKey = readFileSync(keyPath, 'utf8');
    assert.notEqual(adoptedKey, key);

    // Now a case with a sealed name, as the case service stores it.
    const keys = keyring(parseDataKey(adoptedKey.trim()));
    const services = await createServices({ ...database.config, dataKeys: keys }, { prepare: true });
    try {
      const unit = await services.units.create(OPERATOR, { name: 'Key test unit', country: 'IDN' }, new Date());
      const id = randomUUID();
      const at = new Date().toISOString();
      await services.handle.db
        .insertInto('cases')
        .values({
          id,
          unit_id: unit.id,
          case_number: 1,
          origin: 'visit',
          status: 'identified',
          priority: 'worst_form',
          priority_rank: 1,
          identified_on: at.slice(0, 10),
          age_precision: 'estimated',
          country_iso3: 'IDN',
          name_enc: sealValue(keys, id, 'name', 'Siti Rahayu'),
          created_at: at,
          updated_at: at,
        })
        .execute();
    } finally {
      await services.close();
    }
    assert.ok(!readFileSync(dbPath).includes('Siti Rahayu'), 'the name is sealed in the file');

    rmSync(keyPath);
    const refused = await serve({ TRIPARTITE_DB: dbPath });
    assert.equal(refused.kind, 'exited', refused.stdout);
    assert.notEqual(refused.code, 0);
    assert.match(
      refused.stderr,
      /TRIPARTITE_DATA_KEY is not set and the key file .*test\.db\.key does not open the data this database holds/,
    );
    // Putting the key file back is the cure.
    writeFileSync(keyPath, adoptedKey, { mode: 0o600 });
    const restored = await serve({ TRIPARTITE_DB: dbPath });
    assert.equal(restored.kind, 'listening', restored.stderr);
  });
});
