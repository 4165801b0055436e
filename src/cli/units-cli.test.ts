import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from './index.ts';

let dir: string;

async function cli(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: { TRIPARTITE_DB: join(dir, 'cli.db'), LOG_LEVEL: 'silent' },
    ...(stdin === undefined
      ? {}
      : {
          stdin: (async function* () {
            yield stdin;
          })() as never,
        }),
  });
  return { code, stdout, stderr };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tripartite-units-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('units create prints the new unit id alone; --json prints the unit; units list shows both', async () => {
  const plain = await cli([
    'units',
    'create',
    '--name',
    'Cocoa cooperative, Luwu',
    '--country',
    'idn',
    '--kind',
    'cooperative',
    '--commodity',
    'cocoa',
  ]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, /^\d+\n$/);
  const firstId = Number(plain.stdout);

  const json = await cli(['units', 'create', '--name', 'District labour office', '--country', 'GHA', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const unit = JSON.parse(json.stdout);
  assert.equal(unit.country, 'GHA');
  assert.equal(unit.kind, 'other');
  assert.deepEqual(unit.followUpDays, { worst_form: 14, hazardous: 30, vulnerable: 60, other: 90 });
  assert.notEqual(unit.id, firstId);

  const list = await cli(['units', 'list', '--json']);
  assert.equal(list.code, 0, list.stderr);
  assert.deepEqual(
    JSON.parse(list.stdout).items.map((u: { id: number; name: string }) => [u.id, u.name]),
    [
      [firstId, 'Cocoa cooperative, Luwu'],
      [unit.id, 'District labour office'],
    ],
  );
  const table = await cli(['units', 'list']);
  assert.match(table.stdout, /Cocoa cooperative, Luwu\s+IDN\s+cooperative\s+cocoa/);
});

test('units add-member gives an account a role; an unknown email or unit fails with one line', async () => {
  const user = await cli(
    ['user', 'create', '--email', 'monitor@example.org', '--role', 'reader', '--password-stdin'],
    'correct horse battery staple\n',
  );
  assert.equal(user.code, 0, user.stderr);
  const created = await cli(['units', 'create', '--name', 'Members unit', '--country', 'IDN']);
  const unitId = created.stdout.trim();
  const added = await cli(['units', 'add-member', '--unit', unitId, '--email', 'monitor@example.org', '--role', 'monitor']);
  assert.equal(added.code, 0, added.stderr);
  assert.equal(added.stdout, `Added monitor@example.org to unit ${unitId} as monitor\n`);
  const again = await cli(['units', 'add-member', '--unit', unitId, '--email', 'monitor@example.org', '--role', 'viewer']);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already a member/);
  const ghost = await cli(['units', 'add-member', '--unit', unitId, '--email', 'ghost@example.org', '--role', 'monitor']);
  assert.equal(ghost.code, 2);
  assert.match(ghost.stderr, /--email names no active account/);
  const noUnit = await cli(['units', 'add-member', '--unit', '99999', '--email', 'monitor@example.org', '--role', 'monitor']);
  assert.equal(noUnit.code, 1);
  assert.match(noUnit.stderr, /No monitoring unit 99999/);
});

test('bad usage exits 2 naming the flag', async () => {
  const noName = await cli(['units', 'create', '--country', 'IDN']);
  assert.equal(noName.code, 2);
  assert.match(noName.stderr, /needs --name/);
  const badCountry = await cli(['units', 'create', '--name', 'x', '--country', 'XXX']);
  assert.equal(badCountry.code, 2);
  assert.match(badCountry.stderr, /--country XXX is not a member State/);
  const badKind = await cli(['units', 'create', '--name', 'x', '--country', 'IDN', '--kind', 'club']);
  assert.equal(badKind.code, 2);
  assert.match(badKind.stderr, /--kind must be one of/);
  const badRole = await cli(['units', 'add-member', '--unit', '1', '--email', 'a@example.org', '--role', 'boss']);
  assert.equal(badRole.code, 2);
  assert.match(badRole.stderr, /--role must be one of monitor, case_manager, viewer, unit_admin/);
  const help = await cli(['units', '--help']);
  assert.match(help.stdout, /units create/);
  assert.match(help.stdout, /units add-member/);
});
