import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { VoteEvaluation } from '../../services/vote-evaluation.ts';
import { runCli } from '../index.ts';

/* `votes evaluate` needs no database: it runs with an empty environment. */

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {} });
  return { code, stdout, stderr };
}

const ISSUE_EXAMPLE = [
  'votes',
  'evaluate',
  '--kind',
  'instrument',
  '--for',
  '298',
  '--against',
  '148',
  '--abstain',
  '30',
  '--attending',
  '476',
];

describe('tripartite votes evaluate', () => {
  test('the issue example: adopted with exactly two-thirds of 446 votes cast', async () => {
    const r = await cli(ISSUE_EXAMPLE);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ADOPTED: Final adoption of a Convention or Recommendation/);
    assert.match(r.stdout, /Votes cast: 446\nQuorum: 238 \(met\)\nVotes for required: 298\nMargin: 0\n/);
    assert.match(r.stdout, /Constitution Art 19\(2\)/);
  });

  test('--json prints the API object; --lang id explains in Indonesian', async () => {
    const r = await cli([...ISSUE_EXAMPLE, '--json', '--lang', 'id']);
    assert.equal(r.code, 0, r.stderr);
    const body = JSON.parse(r.stdout) as VoteEvaluation;
    assert.deepEqual(
      [body.outcome, body.votesCast, body.quorum, body.quorumMet, body.required, body.margin, body.lang],
      ['adopted', 446, 238, true, 298, 0, 'id'],
    );
    assert.deepEqual(body.citations, ['Constitution Art 17(3)', 'Constitution Art 19(2)']);
    assert.match(body.explanation[0]!, /^Diterima: 298 setuju, 148 menolak, 30 abstain; dua pertiga dari 446/);
  });

  test('the abstention parameter is a flag', async () => {
    const r = await cli([...ISSUE_EXAMPLE, '--abstentions-are-votes-cast', '--json']);
    const body = JSON.parse(r.stdout) as VoteEvaluation;
    assert.equal(body.votesCast, 476);
    assert.equal(body.outcome, 'rejected');
    assert.equal(body.abstentionsAreVotesCast, true);
  });

  test('a void vote says so', async () => {
    const r = await cli([
      'votes',
      'evaluate',
      '--kind',
      'ordinary',
      '--for',
      '150',
      '--against',
      '87',
      '--abstain',
      '200',
      '--attending',
      '476',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^VOID/);
    assert.match(r.stdout, /Quorum: 238 \(not met\)/);
  });

  const bad: [string[], RegExp][] = [
    [['--for', '1', '--against', '1', '--attending', '2'], /needs --kind/],
    [['--kind', 'final', '--for', '1', '--against', '1', '--attending', '2'], /--kind must be one of ordinary, instrument, amendment/],
    [['--kind', 'ordinary', '--against', '1', '--attending', '2'], /needs --for/],
    [['--kind', 'ordinary', '--for', '1.5', '--against', '1', '--attending', '2'], /--for must be a whole number of 0 or more, got "1.5"/],
    [['--kind', 'ordinary', '--for', '1', '--against', '-1', '--attending', '2'], /--against must be a whole number of 0 or more/],
    [['--kind', 'ordinary', '--for', '1', '--against', '1', '--abstain', 'x', '--attending', '2'], /--abstain must be a whole number/],
    [
      ['--kind', 'ordinary', '--for', '2', '--against', '1', '--attending', '2'],
      /tripartite: --attending \(2\) is fewer than the votes for \+ against \+ abstain \(3\)/,
    ],
    [['--kind', 'ordinary', '--for', '1', '--against', '1', '--attending', '2', '--lang', 'fr'], /--lang must be one of en, id/],
  ];
  for (const [args, message] of bad) {
    test(`bad flags exit 2 naming the flag: ${args.join(' ')}`, async () => {
      const r = await cli(['votes', 'evaluate', ...args]);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.match(r.stderr, /^tripartite: [^\n]+\n$/);
    });
  }

  test('votes is a group listed in help', async () => {
    const top = await cli(['--help']);
    assert.match(top.stdout, /votes evaluate +Decide a Conference vote/);
    const group = await cli(['votes', '--help']);
    assert.match(group.stdout, /votes evaluate/);
  });
});
