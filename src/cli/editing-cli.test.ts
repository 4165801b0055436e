import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import type { ChangeEvent } from '../services/history-ports.ts';
import { TABLES } from '../storage/backup.ts';
import { COMMANDS, runCli } from './index.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const PASSWORD = 'correct horse battery staple';
let dir: string;
let dbFile: string;

function envFor(file: string): NodeJS.ProcessEnv {
  return { TRIPARTITE_DB: file, LOG_LEVEL: 'silent' };
}

async function cli(args: string[], stdin?: string | string[], file = dbFile): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (s: string) => (stdout += s),
    stderr: (s: string) => (stderr += s),
    env: envFor(file),
    // A non-TTY stream, like a pipe; an empty one unless the test gives input.
    stdin: Readable.from(stdin === undefined ? [] : Array.isArray(stdin) ? stdin : [stdin]),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

function assertOneLine(stderr: string): void {
  assert.match(stderr, /^tripartite: [^\n]+\n$/, `expected one stderr line, got ${JSON.stringify(stderr)}`);
}

function rows(sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

function tableCounts(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['ratifications', 'declarations', 'events', 'meta', 'users'])
    out[t] = Number((rows(`select count(*) as n from ${t}`)[0] as { n: number }).n);
  return out;
}

function csv(file: string, lines: string[]): string {
  const path = join(dir, file);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tripartite-editing-cli-'));
  dbFile = join(dir, 'cli.db');
  const seeded = await cli(['db', 'seed']);
  assert.equal(seeded.code, 0, seeded.stderr);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('help lists the new commands, and user is a group', async () => {
  const top = await cli(['--help']);
  for (const name of ['user create', 'user list', 'import', 'history', 'backup', 'restore'])
    assert.ok(COMMANDS.some((c) => c.name === name) && top.stdout.includes(name), name);
  const group = await cli(['user', '--help']);
  assert.match(group.stdout, /user create/);
  const create = await cli(['user', 'create', '--help']);
  assert.match(create.stdout, /--password-stdin/);
  assert.match(create.stdout, /\[--country ISO3\]\.\.\./);
});

test('user create --password-stdin creates the user from the first line of standard input', async () => {
  const r = await cli(['user', 'create', '--email', 'Admin@Example.org', '--role', 'admin', '--password-stdin'], `${PASSWORD}\nignored\n`);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^Created user \d+ admin@example\.org \(admin\)\n$/);
  const fp = await cli(
    [
      'user',
      'create',
      '--email',
      'fp@example.org',
      '--role',
      'focal_point',
      '--country',
      'idn,tls',
      '--country',
      'PHL',
      '--password-stdin',
      '--json',
    ],
    [PASSWORD.slice(0, 5), `${PASSWORD.slice(5)}\r\n`],
  );
  assert.equal(fp.code, 0, fp.stderr);
  assert.deepEqual(JSON.parse(fp.stdout).countries, ['IDN', 'TLS', 'PHL']);
  const list = await cli(['user', 'list', '--json']);
  assert.equal(list.code, 0, list.stderr);
  const items = JSON.parse(list.stdout).items as { email: string; role: string }[];
  assert.deepEqual(
    items.map((u) => `${u.email} ${u.role}`),
    ['admin@example.org admin', 'fp@example.org focal_point'],
  );
  for (const u of items) assert.equal('passwordHash' in u, false, 'no hash in the listing');
  const table = await cli(['user', 'list']);
  assert.match(table.stdout, /fp@example\.org\s+focal_point\s+IDN, TLS, PHL/);
  // The password is stored hashed, never as given.
  const stored = rows('select password_hash from users where email = ?', 'admin@example.org')[0] as { password_hash: string };
  assert.match(stored.password_hash, /^\$argon2id\$/);
});

test('user create: a duplicate email exits 1, bad usage and a weak password exit 2, each with one line', async () => {
  const dup = await cli(['user', 'create', '--email', 'admin@example.org', '--role', 'secretariat', '--password-stdin'], `${PASSWORD}\n`);
  assert.equal(dup.code, 1);
  assertOneLine(dup.stderr);
  assert.match(dup.stderr, /already exists/);

  const noRole = await cli(['user', 'create', '--email', 'x@example.org', '--password-stdin'], `${PASSWORD}\n`);
  assert.equal(noRole.code, 2);
  assertOneLine(noRole.stderr);
  assert.match(noRole.stderr, /needs --role/);

  const badRole = await cli(['user', 'create', '--email', 'x@example.org', '--role', 'owner', '--password-stdin'], `${PASSWORD}\n`);
  assert.equal(badRole.code, 2);
  assertOneLine(badRole.stderr);

  const weak = await cli(['user', 'create', '--email', 'x@example.org', '--role', 'admin', '--password-stdin'], 'short\n');
  assert.equal(weak.code, 2);
  assertOneLine(weak.stderr);
  assert.match(weak.stderr, /password: the password must have at least 12 characters/);
  const common = await cli(['user', 'create', '--email', 'x@example.org', '--role', 'admin', '--password-stdin'], 'qwertyuiop123\n');
  assert.equal(common.code, 2);
  assertOneLine(common.stderr);
  assert.match(common.stderr, /password: the password is too common or too easy to guess/);

  const badEmail = await cli(['user', 'create', '--email', 'not-an-address', '--role', 'admin', '--password-stdin'], `${PASSWORD}\n`);
  assert.equal(badEmail.code, 2);
  assertOneLine(badEmail.stderr);

  const noCountry = await cli(['user', 'create', '--email', 'x@example.org', '--role', 'focal_point', '--password-stdin'], `${PASSWORD}\n`);
  assert.equal(noCountry.code, 2);
  assertOneLine(noCountry.stderr);

  const unknownCountry = await cli(
    ['user', 'create', '--email', 'x@example.org', '--role', 'focal_point', '--country', 'XXX', '--password-stdin'],
    `${PASSWORD}\n`,
  );
  assert.equal(unknownCountry.code, 2);
  assertOneLine(unknownCountry.stderr);
  assert.match(unknownCountry.stderr, /"XXX" is not an ILO member State/);

  // Not a terminal and no --password-stdin: nothing to prompt on, and no default password.
  const noTty = await cli(['user', 'create', '--email', 'x@example.org', '--role', 'admin']);
  assert.equal(noTty.code, 2);
  assertOneLine(noTty.stderr);
  assert.match(noTty.stderr, /give the password on standard input with --password-stdin/);

  assert.equal(rows("select count(*) as n from users where email = 'x@example.org'")[0]?.n, 0);
});

test('import with one bad row writes nothing and reports that row with its line and field', async () => {
  const before = tableCounts();
  const idnC138 = rows("select * from ratifications where country_iso3 = 'IDN' and instrument_code = 'C138'");
  const file = csv('bad.csv', [
    'country,instrument,registration_date,minimum_age,source,reason',
    'IDN,C138,1999-06-07,16,"Act No. 20/1999, Art 2","raised, ""as notified"""',
    'MYS,C155,2026,,NORMLEX,',
    'TLS,C155,2025,fifteen,NORMLEX,',
  ]);
  const r = await cli(['import', file, '--as', 'admin@example.org']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    `line 4, minimum_age: must be a whole number of years such as 15, got "fifteen"\ntripartite: 1 problem in ${file}; nothing was imported\n`,
  );
  assert.deepEqual(tableCounts(), before);
  assert.deepEqual(rows("select * from ratifications where country_iso3 = 'IDN' and instrument_code = 'C138'"), idnC138);

  // A problem only the edit service finds (the age range) also rolls back every row before it.
  const range = csv('range.csv', ['country,instrument,source,minimum_age', 'MYS,C155,NORMLEX,', 'IDN,C138,NORMLEX,25']);
  const r2 = await cli(['import', range, '--as', 'admin@example.org', '--json']);
  assert.equal(r2.code, 1);
  const body = JSON.parse(r2.stdout) as { problems: { line: number; field: string; message: string }[]; created: number };
  assert.deepEqual(
    body.problems.map((p) => `${p.line} ${p.field}`),
    ['3 minimum_age'],
  );
  assert.equal(body.created, 0);
  assert.deepEqual(tableCounts(), before);

  // Outside the focal point's countries: reported per row, nothing written.
  const scope = csv('scope.csv', ['country,instrument,source', 'IDN,C155,NORMLEX', 'MYS,C155,NORMLEX']);
  const r3 = await cli(['import', scope, '--as', 'fp@example.org']);
  assert.equal(r3.code, 1);
  assert.match(r3.stderr, /^line 3, country: You are the focal point for IDN, TLS, PHL, not for MYS\.\n/);
  assert.deepEqual(tableCounts(), before);

  const nobody = await cli(['import', scope, '--as', 'nobody@example.org']);
  assert.equal(nobody.code, 1);
  assertOneLine(nobody.stderr);
  const noAs = await cli(['import', scope]);
  assert.equal(noAs.code, 2);
  assertOneLine(noAs.stderr);
});

test('a good import lands in one go; history lists its events by that user, newest first', async () => {
  const file = csv('good.csv', [
    // Header order is free; a BOM and CRLF are accepted.
    '\uFEFFsource,country,instrument,registration_date,status,minimum_age,minimum_age_article,confidence,reason',
    '"Act No. 20/1999, Art 2",IDN,C138,,,16,C138 Art 2(2),high,"raised, ""as notified"""',
    'NORMLEX,MYS,C155,2026,not_in_force,,,,',
    'NORMLEX,TLS,C155,2025,,,,,',
  ]);
  const r = await cli(['import', file, '--as', 'admin@example.org']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /Imported 3 rows from .*: 2 created, 1 updated, 0 unchanged\n$/);

  const again = await cli(['import', file, '--as', 'admin@example.org', '--json']);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(JSON.parse(again.stdout), { rows: 3, created: 0, updated: 0, unchanged: 3, problems: [], warnings: [] });

  const admin = (rows("select id from users where email = 'admin@example.org'")[0] as { id: number }).id;
  const page = JSON.parse((await cli(['history', '--json', '--user', String(admin)])).stdout) as {
    items: ChangeEvent[];
    total: number;
    page: number;
    pageSize: number;
  };
  assert.deepEqual(Object.keys(page).sort(), ['items', 'page', 'pageSize', 'total']);
  assert.equal(page.total, 3);
  assert.deepEqual(
    page.items.map((e) => `${e.action} ${e.recordKey} ${e.actor}`),
    ['create TLS/C155 admin@example.org', 'create MYS/C155 admin@example.org', 'update IDN/C138 admin@example.org'],
  );
  const idn = page.items[2] as ChangeEvent;
  assert.equal(idn.userId, admin);
  assert.equal(idn.source, 'Act No. 20/1999, Art 2');
  assert.equal(idn.reason, 'raised, "as notified"');
  const declared = (idn.after as { declarations: { article: string; value: number }[] }).declarations;
  assert.ok(declared.some((d) => d.article === 'C138 Art 2(2)' && d.value === 16));

  const byEmail = JSON.parse((await cli(['history', '--editor', 'Admin@Example.org', '--json'])).stdout) as { total: number };
  assert.equal(byEmail.total, 3, 'the editor filter matches the email case-insensitively');
  const nobody = JSON.parse((await cli(['history', '--editor', 'nobody@example.org', '--json'])).stdout) as { total: number };
  assert.equal(nobody.total, 0);

  const table = await cli(['history']);
  assert.equal(table.code, 0, table.stderr);
  const lines = table.stdout.split('\n');
  assert.match(lines[0] ?? '', /^ID\s+At\s+Actor\s+Action\s+Record\s+Source\s+Reason$/);
  assert.match(lines[2] ?? '', /^\d+\s+\S+\s+admin@example\.org\s+create\s+TLS\/C155\s+NORMLEX\s+-$/);
  assert.match(table.stdout, /Page 1 of 1 · 3 changes\n$/);

  const one = JSON.parse((await cli(['history', '--record', 'idn/c138', '--json'])).stdout) as { items: ChangeEvent[] };
  assert.deepEqual(
    one.items.map((e) => e.recordKey),
    ['IDN/C138'],
  );
  const country = JSON.parse((await cli(['history', '--country', 'MYS', '--from', '2000-01-01', '--json'])).stdout) as { total: number };
  assert.equal(country.total, 1);
  const none = await cli(['history', '--to', '2000-01-01']);
  assert.match(none.stdout, /^No changes match\./);
});

test('import reports every problem of every row in one pass: form, values, registry, scope and rules together', async () => {
  const before = tableCounts();
  const file = csv('many-problems.csv', [
    'country,instrument,registration_date,status,minimum_age,source',
    // Form (date, status) and registry (no such State) on one row.
    'XXA,C155,2023-02-30,ratified,,NORMLEX',
    // Scope (MYS is not the focal point's) with a value the service refuses (age 25) and no source.
    'MYS,C138,,,25,',
    // A rule (before C182 was adopted on 1999-06-17) with form (bad status) and an unknown instrument elsewhere.
    'IDN,C182,1998-12-01,maybe,,NORMLEX',
    'PHL,C999,2999,,,NORMLEX',
    // A good row: nothing is reported for it, and it is not written either.
    'TLS,C155,2025,,,NORMLEX',
  ]);
  const r = await cli(['import', file, '--as', 'fp@example.org', '--json']);
  assert.equal(r.code, 1, r.stderr);
  const body = JSON.parse(r.stdout) as { problems: { line: number; field: string; message: string }[]; created: number };
  assert.deepEqual(body.problems.map((p) => `${p.line} ${p.field}`).sort(), [
    '2 country',
    '2 registration_date',
    '2 status',
    '3 country',
    '3 minimum_age',
    '3 source',
    '4 registration_date',
    '4 status',
    '5 instrument',
    '5 registration_date',
  ]);
  const message = (line: number, field: string) => body.problems.find((p) => p.line === line && p.field === field)?.message ?? '';
  assert.match(message(2, 'country'), /"XXA" is not an ILO member State/);
  assert.match(message(3, 'country'), /not for MYS/);
  assert.match(message(4, 'registration_date'), /before C182 was adopted \(1999-06-17\).*registration-before-adoption/);
  assert.match(message(5, 'registration_date'), /after today.*registration-in-future/);
  assert.equal(body.created, 0);
  assert.deepEqual(tableCounts(), before);

  const text = await cli(['import', file, '--as', 'fp@example.org']);
  assert.equal(text.code, 1);
  const lines = text.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 11);
  assert.match(lines[0] ?? '', /^line 2, /);
  assert.equal(lines[10], `tripartite: 10 problems in ${file}; nothing was imported`);
});

test('import accepts a ratification dated before ILO membership, with a warning naming the rule', async () => {
  // North Macedonia joined on 1993-05-28; its C138 date of succession, 1991-11-17, is in the reference data.
  const file = csv('succession.csv', ['country,instrument,registration_date,source', 'MKD,C138,1991-11-17,NORMLEX (succession)']);
  const r = await cli(['import', file, '--as', 'admin@example.org', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const body = JSON.parse(r.stdout) as { problems: unknown[]; warnings: { line: number; field: string; message: string }[] };
  assert.deepEqual(body.problems, []);
  assert.deepEqual(
    body.warnings.map((w) => `${w.line} ${w.field}`),
    ['2 registration_date'],
  );
  assert.match(body.warnings[0]?.message ?? '', /before MKD joined the ILO \(1993-05-28\).*registration-before-membership/);
  const text = await cli(['import', file, '--as', 'admin@example.org']);
  assert.equal(text.code, 0);
  assert.match(text.stderr, /^warning: line 2, registration_date: 1991-11-17 is before MKD joined the ILO/);
});

test('history names the flag and the missing day for an impossible date', async () => {
  for (const [flag, day, reason] of [
    ['--from', '2023-02-30', 'February 2023 has 28 days'],
    ['--to', '2024-04-31', 'April 2024 has 30 days'],
    ['--from', '2023-13-01', 'there is no month 13'],
  ] as const) {
    const r = await cli(['history', flag, day]);
    assert.equal(r.code, 2, `${flag} ${day}`);
    assertOneLine(r.stderr);
    assert.ok(r.stderr.includes(`${flag} ${day} is not a date: ${reason}`), r.stderr);
  }
  const backwards = await cli(['history', '--from', '2024-03-01', '--to', '2024-02-29']);
  assert.equal(backwards.code, 2);
  assert.match(backwards.stderr, /--from 2024-03-01 is after --to 2024-02-29/);
  const leap = await cli(['history', '--from', '2024-02-29']);
  assert.equal(leap.code, 0, leap.stderr);
});

test('history rejects malformed filters with exit 2 and one line', async () => {
  for (const args of [
    ['--record', 'IDN/R146'],
    ['--record', 'nonsense'],
    ['--country', 'ID'],
    ['--user', '0'],
    ['--from', 'yesterday'],
    ['--page-size', '1000'],
  ]) {
    const r = await cli(['history', ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assertOneLine(r.stderr);
  }
});

test('backup and restore from the command line: refuses to overwrite, asks for --yes, rejects a truncated file', async () => {
  const file = join(dir, 'cli-backup.jsonl.gz');
  const b = await cli(['backup', file]);
  assert.equal(b.code, 0, b.stderr);
  assert.match(b.stdout, new RegExp(`^Backed up \\d+ rows of ${TABLES.length} tables from SQLite .* to .*cli-backup\\.jsonl\\.gz`));
  // It holds password hashes: readable by its owner only.
  assert.equal(statSync(file).mode & 0o777, 0o600);
  const again = await cli(['backup', file]);
  assert.equal(again.code, 2);
  assertOneLine(again.stderr);

  const missing = await cli(['backup', join(dir, 'x.gz')], undefined, join(dir, 'no-such.db'));
  assert.equal(missing.code, 1);
  assertOneLine(missing.stderr);

  const before = tableCounts();
  const refused = await cli(['restore', file]);
  assert.equal(refused.code, 2);
  assertOneLine(refused.stderr);
  assert.match(refused.stderr, /already holds data .* add --yes/);

  const copy = join(dir, 'restored.db');
  const r = await cli(['restore', file], undefined, copy);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^Restored \\d+ rows of ${TABLES.length} tables into SQLite .*restored\\.db`));
  const original = await cli(['history', '--json']);
  const restored = await cli(['history', '--json'], undefined, copy);
  assert.equal(restored.stdout, original.stdout);

  const truncated = join(dir, 'truncated.jsonl.gz');
  writeFileSync(truncated, readFileSync(file).subarray(0, 4000));
  const bad = await cli(['restore', truncated, '--yes']);
  assert.equal(bad.code, 1);
  assertOneLine(bad.stderr);
  assert.match(bad.stderr, /truncated.*the database is unchanged/);
  assert.deepEqual(tableCounts(), before);
});
