import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createServices } from '../container.ts';
import { argon2Hasher } from '../storage/argon2-hasher.ts';
import { runCli } from './index.ts';

let dir: string;
let env: NodeJS.ProcessEnv;
const source = 'Test: ILC record (fixture)';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tripartite-conference-cli-'));
  env = { TRIPARTITE_DB: join(dir, 't.db'), LOG_LEVEL: 'silent' };
  const services = await createServices(
    { databaseUrl: null, sqlitePath: join(dir, 't.db'), pgSchema: 'public' },
    { hasher: argon2Hasher({ memoryCost: 1024, timeCost: 1 }) },
  );
  const at = new Date('2026-12-03T10:00:00.000Z');
  const sec = await services.accounts.createUser(
    { email: 'sec@example.org', password: 'correct horse battery staple', role: 'secretariat' },
    at,
  );
  const actor = { id: sec.id, email: 'sec@example.org', role: 'secretariat' as const, countries: [] };
  await services.conference.recordVote(
    actor,
    { session: 111, kind: 'ordinary', date: '2023-06-15', for: 2, against: 2, abstain: 0, delegatesAttending: 4, source },
    at,
  );
  await services.close();
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('conference sessions lists every session with the instruments it adopted, and --json the API shape', async () => {
  const text = await cli(['conference', 'sessions']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^108\s+2019\s+Geneva\s+2019-06-10 – 2019-06-21\s+C190$/m);
  const json = await cli(['conference', 'sessions', '--json']);
  const items = (JSON.parse(json.stdout) as { items: { number: number; votes: number }[] }).items;
  assert.equal(items.find((s) => s.number === 111)?.votes, 1);
});

test('conference session shows the votes with their outcome, in en and id; an unknown session exits 1 with one line', async () => {
  const en = await cli(['conference', 'session', '111']);
  assert.equal(en.code, 0, en.stderr);
  assert.match(en.stdout, /111\/1\s+2023-06-15\s+ordinary/);
  assert.match(en.stdout, /Rejected/);
  const id = await cli(['conference', 'session', '111', '--lang', 'id']);
  assert.match(id.stdout, /Ditolak/);
  const json = JSON.parse((await cli(['conference', 'session', '111', '--json'])).stdout);
  assert.equal(json.votes[0].result.outcome, 'rejected');
  assert.ok(json.votes[0].explanation.length > 1);
  const missing = await cli(['conference', 'session', '997']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^tripartite: no session 997 of the Conference is recorded\n$/);
  const bad = await cli(['conference', 'session', 'abc']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /<number> must be a whole number/);
});
