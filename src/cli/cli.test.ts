import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Ratification } from '../domain/ratification.ts';
import { BUNDLED_DATA_DIR, PROJECT_ROOT } from '../storage/paths.ts';
import { COMMANDS, runCli } from './index.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;
let dbFile: string;

const bundled = JSON.parse(readFileSync(join(BUNDLED_DATA_DIR, 'ratifications.json'), 'utf8')) as Ratification[];

// Only what the CLI needs: an inherited DATABASE_URL must not send these tests to PostgreSQL.
function envFor(file: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { TRIPARTITE_DB: file, LOG_LEVEL: 'silent', ...extra };
}

async function cli(args: string[], env: NodeJS.ProcessEnv = envFor(dbFile), signal?: AbortSignal): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env, signal });
  return { code, stdout, stderr };
}

async function json<T>(args: string[]): Promise<T> {
  const r = await cli(args);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  return JSON.parse(r.stdout) as T;
}

function assertOneLine(stderr: string): void {
  assert.match(stderr, /^tripartite: [^\n]+\n$/, `expected one stderr line, got ${JSON.stringify(stderr)}`);
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
}

/** Records in an RFC 4180 document (line breaks inside quotes do not end a record). */
function csvRecords(text: string): string[] {
  const records: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      records.push(current);
      current = '';
      i++;
      continue;
    }
    current += ch;
  }
  if (current) records.push(current);
  return records;
}

function dbCounts(file: string): { ratifications: number; declarations: number; instruments: number } {
  const db = new Database(file, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return { ratifications: count('ratifications'), declarations: count('declarations'), instruments: count('instruments') };
  } finally {
    db.close();
  }
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tripartite-cli-'));
  dbFile = join(dir, 'cli.db');
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('db migrate applies the migrations once, then reports the database up to date', async () => {
  const file = join(dir, 'migrate.db');
  const first = await cli(['db', 'migrate'], envFor(file));
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^Applied \d+ migrations? to sqlite:/);
  const second = await cli(['db', 'migrate'], envFor(file));
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /^Database is up to date/);
});

test('db seed twice prints identical counts and does not duplicate rows', async () => {
  const first = await cli(['db', 'seed']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, new RegExp(`ratifications\\s+${bundled.length}\\n`));
  const afterFirst = dbCounts(dbFile);
  const second = await cli(['db', 'seed', '--data', BUNDLED_DATA_DIR]);
  assert.equal(second.code, 0, second.stderr);
  const countsOf = (out: string) => out.slice(out.indexOf('Seeded'));
  assert.equal(countsOf(second.stdout).replace(/ from \S+/, ''), countsOf(first.stdout).replace(/ from \S+/, ''));
  const afterSecond = dbCounts(dbFile);
  assert.deepEqual(afterSecond, afterFirst);
  assert.equal(afterSecond.ratifications, bundled.length);
  assert.equal(
    afterSecond.declarations,
    bundled.reduce((n, r) => n + r.declarations.length, 0),
  );
});

test('db seed --data with a folder lacking the data files fails with one line', async () => {
  const empty = mkdtempSync(join(dir, 'empty-'));
  const r = await cli(['db', 'seed', '--data', empty], envFor(join(dir, 'seed-empty.db')));
  assert.equal(r.code, 1);
  assertOneLine(r.stderr);
  assert.match(r.stderr, /instruments\.json|countries\.json|ratifications\.json/);
});

test('instrument C138 --json is the API detail object', async () => {
  const detail = await json<{
    instrument: { code: string; adoptionDate: string; ilcSession: number };
    recordedRatifications: number;
    ratifications: unknown[];
  }>(['instrument', 'C138', '--json']);
  assert.equal(detail.instrument.code, 'C138');
  assert.equal(detail.instrument.adoptionDate, '1973-06-26');
  assert.equal(detail.instrument.ilcSession, 58);
  assert.equal(detail.recordedRatifications, bundled.filter((r) => r.instrument === 'C138').length);
  assert.equal(detail.ratifications.length, detail.recordedRatifications);
  const lower = await json<typeof detail>(['instrument', 'c138', '--json']);
  assert.deepEqual(lower, detail);
});

test('instrument C138 prints metadata and the first ratifications; --all prints every one', async () => {
  const r = await cli(['instrument', 'C138']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^C138 {2}Minimum Age Convention, 1973\n/);
  assert.match(r.stdout, /Adopted\s+1973-06-26, 58th session/);
  assert.match(r.stdout, /Minimum age/);
  assert.match(r.stdout, /--all lists every one/);
  const all = await cli(['instrument', 'C138', '--all']);
  const c138 = bundled.filter((x) => x.instrument === 'C138');
  for (const x of c138) assert.match(all.stdout, new RegExp(`  ${x.country}  `));
  const id = await cli(['instrument', 'C138', '--lang', 'id']);
  assert.match(id.stdout, /^C138 {2}Konvensi ILO mengenai Usia Minimum/);
  assert.match(id.stdout, /Diadopsi\s+1973-06-26, Sidang ke-58/);
});

test('country IDN --json is the API profile with 20 ratifications and C138 minimum age 15', async () => {
  const profile = await json<{
    country: { iso3: string };
    ratifications: unknown[];
    childLabour: { c138: { minimumAge: number | null }; c182: { ratified: boolean } };
  }>(['country', 'IDN', '--json']);
  assert.equal(profile.country.iso3, 'IDN');
  assert.equal(profile.ratifications.length, 20);
  assert.equal(profile.childLabour.c138.minimumAge, 15);
  assert.equal(profile.childLabour.c182.ratified, true);
  assert.deepEqual(await json(['country', 'idn', '--json']), profile);
});

test('country IDN prints the child-labour summary and every ratification, in English and Indonesian', async () => {
  const r = await cli(['country', 'IDN']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Indonesia \(IDN\)\n/);
  assert.match(r.stdout, /C138 {2}ratified 1999, declared minimum age 15/);
  for (const x of bundled.filter((b) => b.country === 'IDN')) assert.match(r.stdout, new RegExp(`^${x.instrument}  `, 'm'));
  const id = await cli(['country', 'IDN', '--lang', 'id']);
  assert.match(id.stdout, /Pekerja anak/);
  assert.match(id.stdout, /usia minimum yang dinyatakan 15/);
  assert.doesNotMatch(id.stdout, /not recorded/);
});

test('a State without a C138 declaration says "not recorded" rather than leaving it blank', async () => {
  const withoutAge = bundled.find((r) => r.instrument === 'C138' && r.declarations.length === 0);
  const c138Parties = new Set(bundled.filter((r) => r.instrument === 'C138').map((r) => r.country));
  assert.ok(withoutAge, 'the data has a C138 ratification without a declaration');
  const r = await cli(['country', withoutAge.country]);
  assert.match(r.stdout, /declared minimum age not recorded/);
  const all = (await json<{ country: string }[]>(['export', '--format', 'json'])).map((r) => r.country);
  const other = all.find((c) => !c138Parties.has(c));
  assert.ok(other, 'the data has a State with ratifications but not C138');
  const profile = await cli(['country', other]);
  assert.match(profile.stdout, /C138 {2}not ratified/);
});

test('instruments --category fundamental --json is the API page with 11 instruments', async () => {
  const page = await json<{ items: { code: string; recordedRatifications: number }[]; total: number; page: number; pageSize: number }>([
    'instruments',
    '--category',
    'fundamental',
    '--json',
  ]);
  assert.deepEqual(Object.keys(page).sort(), ['items', 'page', 'pageSize', 'total']);
  assert.equal(page.total, 11);
  assert.equal(page.page, 1);
  assert.equal(page.pageSize, 20);
  assert.ok(page.items.some((i) => i.code === 'C138'));
});

test('instruments prints an aligned table and honours paging', async () => {
  const r = await cli(['instruments', '--category', 'fundamental', '--page-size', '5', '--page', '2']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.match(lines[0] ?? '', /^Code {2}Title\s+Adopted\s+Category\s+Recorded ratifications$/);
  assert.match(lines[1] ?? '', /^-+ {2}-+/);
  assert.equal(lines.filter((l) => /^[CPR]\d{3} /.test(l)).length, 5);
  assert.match(r.stdout, /Page 2 of 3 · 11 instruments/);
  const adoptedAt = (lines[0] ?? '').indexOf('Adopted');
  for (const l of lines.slice(2, 7)) assert.notEqual(l[adoptedAt], ' ', `column aligned in ${JSON.stringify(l)}`);
});

test('export --format csv has the API columns and one row per ratification', async () => {
  const r = await cli(['export', '--format', 'csv']);
  assert.equal(r.code, 0, r.stderr);
  const records = csvRecords(r.stdout);
  assert.equal(
    records[0],
    'country_iso3,country_name,instrument,instrument_title,registration_date,status,entry_into_force,minimum_age_declared,minimum_age_article,legal_act,source,confidence,notes',
  );
  assert.equal(records.length - 1, bundled.length);
});

test('export --format json with filters, and --out writes a file', async () => {
  const c138 = await json<{ instrument: string; countryRef: { nameEn: string } }[]>(['export', '--format', 'json', '--instrument', 'c138']);
  assert.equal(c138.length, bundled.filter((r) => r.instrument === 'C138').length);
  assert.ok(c138.every((r) => r.instrument === 'C138' && r.countryRef.nameEn));
  const idn = await json<unknown[]>(['export', '--format', 'json', '--country', 'idn']);
  assert.equal(idn.length, 20);
  const out = join(dir, 'idn.csv');
  const r = await cli(['export', '--format', 'csv', '--country', 'IDN', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Wrote 20 ratifications as CSV to /);
  assert.equal(csvRecords(readFileSync(out, 'utf8')).length, 21);
});

const badArguments: [string[], RegExp][] = [
  [['instrument'], /needs <code>/],
  [['instrument', 'XYZ'], /"XYZ"/],
  [['instruments', '--page', '-1'], /--page .*"-1"/],
  [['instruments', '--page', '0'], /--page/],
  [['instruments', '--page-size', '201'], /--page-size/],
  [['instruments', '--type', 'treaty'], /--type .*"treaty"/],
  [['instruments', '--status', 'current'], /--status/],
  [['instruments', '--subject', 'Child Labour'], /--subject/],
  [['instruments', '--lang', 'fr'], /--lang/],
  [['instruments', '--page'], /--page .*needs a value/],
  [['instruments', '--json=yes'], /--json .*takes no value/],
  [['nosuch'], /unknown command "nosuch"/],
  [['instruments', '--foo'], /unknown flag --foo for "instruments"/],
  [['instruments', 'extra'], /unexpected argument "extra"/],
  [['--foo'], /unknown flag --foo/],
  [[], /missing command/],
  [['db'], /"db" needs a subcommand/],
  [['db', 'drop'], /unknown command "db drop"/],
  [['country', 'ID'], /"ID"/],
  [['export'], /needs --format/],
  [['export', '--format', 'xml'], /--format .*"xml"/],
  [['export', '--format', 'csv', '--country', 'Indonesia'], /--country .*"Indonesia"/],
  [['serve', '--port', '70000'], /--port/],
];

for (const [args, problem] of badArguments) {
  test(`bad arguments: tripartite ${args.join(' ') || '(nothing)'} → exit 2 and one line`, async () => {
    const r = await cli(args);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assertOneLine(r.stderr);
    assert.match(r.stderr, problem);
  });
}

test('unknown instrument or State → exit 1 and one line', async () => {
  for (const [args, message] of [
    [['instrument', 'C999'], 'tripartite: no instrument with code "C999"\n'],
    [['instrument', 'c999', '--json'], 'tripartite: no instrument with code "C999"\n'],
    [['country', 'XXX'], 'tripartite: no member State with ISO 3166 alpha-3 code "XXX"\n'],
    [['export', '--format', 'csv', '--instrument', 'C999'], 'tripartite: no instrument with code "C999"\n'],
  ] as const) {
    const r = await cli([...args]);
    assert.equal(r.code, 1, args.join(' '));
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, message);
  }
});

test('a service error is worded with the flag, and a day that does not exist is named', async () => {
  const base = ['check', '--country', 'IDN', '--work', 'light'];
  const leap = await cli([...base, '--birth-date', '2011-02-29', '--on', '2026-11-27']);
  assert.equal(leap.code, 2);
  assertOneLine(leap.stderr);
  assert.match(leap.stderr, /^tripartite: --birth-date 2011-02-29 is not a date: February 2011 has 28 days /);
  assert.doesNotMatch(leap.stderr, /birthDate/);
  const later = await cli([...base, '--birth-date', '2027-01-01', '--on', '2026-11-27']);
  assert.equal(later.code, 2);
  assert.match(later.stderr, /^tripartite: --birth-date 2027-01-01 is after the reference date 2026-11-27 /);
  const on = await cli([...base, '--birth-date', '2011-03-01', '--on', '2026-06-31']);
  assert.equal(on.code, 2);
  assert.match(on.stderr, /--on 2026-06-31 is not a date: June 2026 has 30 days/);
  const fine = await cli([...base, '--birth-date', '2012-02-29', '--on', '2026-11-27']);
  assert.equal(fine.code, 0, fine.stderr);
});

test('bad configuration → exit 2; an unopenable database → exit 1; both one line', async () => {
  const config = await cli(['instruments'], { DATABASE_URL: 'mysql://localhost/x' });
  assert.equal(config.code, 2);
  assertOneLine(config.stderr);
  assert.match(config.stderr, /DATABASE_URL/);
  const unopenable = await cli(['instruments'], envFor(dir));
  assert.equal(unopenable.code, 1);
  assertOneLine(unopenable.stderr);
  assert.match(unopenable.stderr, /cannot open the database/);
});

test('every command --help exits 0 and mentions each of its flags', async () => {
  for (const spec of COMMANDS) {
    for (const flag of ['--help', '-h']) {
      const r = await cli([...spec.name.split(' '), flag]);
      assert.equal(r.code, 0, `${spec.name} ${flag}`);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, new RegExp(`^Usage: tripartite ${spec.name}`));
      for (const name of [...Object.keys(spec.flags), 'help'])
        assert.ok(r.stdout.includes(`--${name}`), `${spec.name} --help mentions --${name}`);
      for (const p of spec.positionals) assert.ok(r.stdout.includes(`<${p.name}>`), `${spec.name} --help mentions <${p.name}>`);
    }
  }
  const top = await cli(['--help']);
  assert.equal(top.code, 0);
  for (const spec of COMMANDS) assert.ok(top.stdout.includes(spec.name), `top-level help lists ${spec.name}`);
  assert.ok(top.stdout.includes('--version'));
  const db = await cli(['db', '--help']);
  assert.equal(db.code, 0);
  assert.match(db.stdout, /db migrate[\s\S]*db seed/);
  const helpCommand = await cli(['help', 'export']);
  assert.equal(helpCommand.code, 0);
  assert.match(helpCommand.stdout, /^Usage: tripartite export/);
  const version = await cli(['--version']);
  assert.equal(version.code, 0);
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(version.stdout, `tripartite ${pkg.version}\n`);
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

test('serve --port starts the API on that port and stops when signalled', async () => {
  const port = await freePort();
  const controller = new AbortController();
  const running = cli(['serve', '--port', String(port)], envFor(dbFile, { HOST: '127.0.0.1' }), controller.signal);
  let response: Response | null = null;
  for (let attempt = 0; attempt < 100 && !response; attempt++) {
    response = await fetch(`http://127.0.0.1:${port}/api/instruments/C138`).catch(() => null);
    if (!response) await new Promise((r) => setTimeout(r, 50));
  }
  try {
    assert.ok(response, 'server answered');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { instrument: { ilcSession: number } };
    assert.equal(body.instrument.ilcSession, 58);
  } finally {
    controller.abort();
  }
  const r = await running;
  assert.equal(r.code, 0, r.stderr);
});

test('bin/tripartite.js runs as a child process and sets the exit code', () => {
  const bin = join(PROJECT_ROOT, 'bin', 'tripartite.js');
  const env = { PATH: process.env.PATH, TRIPARTITE_DB: join(dir, 'child.db') };
  const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', env });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /^Usage: tripartite <command>/);
  const bad = spawnSync(process.execPath, [bin, 'instruments', '--foo'], { encoding: 'utf8', env });
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, 'tripartite: unknown flag --foo for "instruments" (see tripartite instruments --help)\n');
});
