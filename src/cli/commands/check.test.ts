import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { compareVerdicts, type Verdict } from '../../domain/child-labour/index.ts';
import type { CheckAnswer } from '../../services/compliance-service.ts';
import { runCli } from '../index.ts';

/* The `check` command end to end on a seeded SQLite database, as cli.test.ts runs the CLI. */

let dir: string;
let env: NodeJS.ProcessEnv;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

async function check(args: string[]): Promise<CheckAnswer> {
  const r = await cli(['check', ...args, '--json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as CheckAnswer;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tripartite-check-'));
  env = { TRIPARTITE_DB: join(dir, 'check.db'), LOG_LEVEL: 'silent', TRIPARTITE_TODAY: '2026-06-15' };
  const seeded = await cli(['db', 'seed']);
  assert.equal(seeded.code, 0, seeded.stderr);
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('tripartite check', () => {
  test('Indonesia, 15, 4 hours a day: light and regular work agree in severity (item 2)', async () => {
    const base = ['--country', 'IDN', '--age', '15', '--hours-per-day', '4'];
    const light = await check([...base, '--work', 'light']);
    const regular = await check([...base, '--work', 'regular']);
    assert.equal(compareVerdicts(light.verdict, regular.verdict), 0, `light ${light.verdict}, regular ${regular.verdict}`);
    assert.equal(regular.verdict, 'permitted');
    // The reading of Pasal 69 is explained, not silent.
    assert.ok(light.reasons.some((r) => r.kind === 'note' && /C138 Art 7\(1\)/.test(r.message)));
  });

  test('slavery is never permitted, at any age (item 1)', async () => {
    for (const age of ['10', '17', '18', '40']) {
      const a = await check(['--country', 'IDN', '--age', age, '--work', 'slavery']);
      assert.ok(compareVerdicts(a.verdict, 'prohibited') >= 0, `${age}: ${a.verdict}`);
    }
    const adult = await cli(['check', '--country', 'IDN', '--age', '18', '--work', 'sexual_exploitation']);
    assert.equal(adult.code, 0, adult.stderr);
    assert.match(adult.stdout, /^Verdict: NOT CHILD LABOUR \(AN ADULT\): OTHER LAW APPLIES\n/);
  });

  test('--sex: a female worker of 16 at night in Indonesia is prohibited under Pasal 76(1) (item 3)', async () => {
    const female = await check(['--country', 'IDN', '--age', '16', '--work', 'regular', '--night', '--sex', 'female']);
    assert.equal(female.verdict, 'prohibited');
    assert.equal(female.sex, 'female');
    assert.equal(female.reasons[0]?.citation, 'UU 13/2003 Pasal 76(1)');
    const unstated: Verdict = (await check(['--country', 'IDN', '--age', '16', '--work', 'regular', '--night'])).verdict;
    assert.equal(unstated, 'conditional');
    const bad = await cli(['check', '--country', 'IDN', '--age', '16', '--work', 'regular', '--sex', 'f']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--sex must be one of female, male, got "f"/);
    const help = await cli(['check', '--help']);
    assert.match(help.stdout, /--sex female\|male/);
  });

  test('notes are labelled as notes, never "permitted" (item 5)', async () => {
    const r = await cli(['check', '--country', 'IDN', '--age', '16', '--work', 'hazardous']);
    assert.equal(r.code, 0, r.stderr);
    const reasons = r.stdout.split('\n').filter((line) => line.startsWith('  ['));
    assert.match(reasons[0]!, /^ {2}\[C182 Art 3\(d\)\] worst form of child labour: /);
    assert.match(reasons.at(-1)!, /^ {2}\[UU 13\/2003 Pasal 1 angka 26\] note: /);
  });

  test('Indonesian output has no English word of the basis, verdict or note vocabulary (item 6)', async () => {
    const ENGLISH =
      /\b(declared|national|baseline|unknown|basis|permitted|conditional|prohibited|worst form|other law|note|Art|Minimum age|Verdict|Rules applied|Conditions|female|male|night|hours)\b/;
    const cases = [
      ['--country', 'IDN', '--age', '15', '--work', 'regular'],
      ['--country', 'IDN', '--age', '14', '--work', 'light', '--hours-per-day', '3'],
      ['--country', 'IDN', '--age', '16', '--work', 'hazardous'],
      ['--country', 'IDN', '--age', '16', '--work', 'regular', '--night', '--sex', 'female'],
      ['--country', 'IDN', '--age', '17', '--work', 'light', '--night'],
      ['--country', 'IDN', '--age', '18', '--work', 'slavery'],
      ['--country', 'IDN', '--age', '20', '--work', 'illicit'],
      ['--country', 'ZMB', '--age', '18', '--work', 'hazardous'],
      ['--country', 'BRA', '--age', '13', '--work', 'training'],
      ['--country', 'USA', '--age', '15', '--work', 'regular'],
    ];
    for (const args of cases) {
      const r = await cli(['check', ...args, '--lang', 'id']);
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stdout, ENGLISH, `${args.join(' ')}:\n${r.stdout}`);
      assert.match(r.stdout, /^Putusan: /);
    }
    const basis = await cli(['check', '--country', 'IDN', '--age', '15', '--work', 'regular', '--lang', 'id']);
    assert.match(basis.stdout, /Usia minimum: 15, sebagaimana dinyatakan Negara berdasarkan Pasal 2 ayat \(1\) Konvensi ILO No\. 138\n/);
  });
});
