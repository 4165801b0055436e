import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { generateCases, insertGenerated, insertUnit } from '../../tests/support/monitoring-fixture.ts';
import { loadConfig } from '../config/env.ts';
import { createServices } from '../container.ts';
import { runCli } from './index.ts';

/* tripartite cases metrics and cases anonymise (issue 11, decisions 223 and 225), on a SQLite file. */
const dir = mkdtempSync(join(tmpdir(), 'tripartite-cases-cli-'));
const env = { TRIPARTITE_DB: join(dir, 'cli.db'), LOG_LEVEL: 'silent' };
let unit = 0;
let closedLongAgo = 0;

before(async () => {
  const services = await createServices(loadConfig(env));
  try {
    unit = await insertUnit(services.handle.db, 'CLI unit', { retentionMonths: 12 });
    const g = generateCases(300, 21);
    await insertGenerated(services.handle.db, unit, g);
    closedLongAgo = g.cases.filter((c) => c.closed_on !== null && c.closed_on <= '2025-12-04').length;
  } finally {
    await services.close();
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

test('tripartite cases metrics: --json is the service report, --csv its CSV, the table names the window', async () => {
  const json = await cli(['cases', 'metrics', '--unit', String(unit), '--from', '2024-01-01', '--to', '2025-12-31', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const doc = JSON.parse(json.stdout);
  assert.equal(doc.unitId, unit);
  assert.equal(doc.from, '2024-01-01');
  assert.ok(doc.totals.childrenMonitored > 0);
  const sexes = doc.bySex.reduce((s: number, g: { metrics: { childrenMonitored: number } }) => s + g.metrics.childrenMonitored, 0);
  assert.equal(sexes, doc.totals.childrenMonitored);
  const csv = await cli(['cases', 'metrics', '--unit', String(unit), '--from', '2024-01-01', '--to', '2025-12-31', '--csv']);
  assert.match(
    csv.stdout,
    new RegExp(
      `^unit_id,from,to,breakdown,group,children_monitored,.*\\r\\n${unit},2024-01-01,2025-12-31,total,all,${doc.totals.childrenMonitored},`,
    ),
  );
  const text = await cli(['cases', 'metrics', '--unit', String(unit), '--from', '2024-01-01', '--to', '2025-12-31']);
  assert.match(text.stdout, new RegExp(`^Unit ${unit}, 2024-01-01 to 2025-12-31`));
  assert.match(text.stdout, /district\s+Poso/);
});

test('tripartite cases metrics: usage errors name the flag (exit 2); no such unit fails (exit 1)', async () => {
  const missing = await cli(['cases', 'metrics']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--unit/);
  const bad = await cli(['cases', 'metrics', '--unit', String(unit), '--from', '2025-02-30']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--from 2025-02-30 is not a date/);
  const reversed = await cli(['cases', 'metrics', '--unit', String(unit), '--from', '2025-02-01', '--to', '2025-01-01']);
  assert.equal(reversed.code, 2);
  assert.match(reversed.stderr, /--from/);
  const none = await cli(['cases', 'metrics', '--unit', '999999']);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /999999/);
});

test('tripartite cases anonymise --today: the closed cases past 12 months, once', async () => {
  const first = await cli(['cases', 'anonymise', '--unit', String(unit), '--today', '2026-12-04', '--json']);
  assert.equal(first.code, 0, first.stderr);
  const result = JSON.parse(first.stdout);
  assert.equal(result.cutoff, '2025-12-04');
  assert.equal(result.anonymised, closedLongAgo);
  assert.ok(closedLongAgo > 10);
  const again = await cli(['cases', 'anonymise', '--unit', String(unit), '--today', '2026-12-04']);
  assert.match(again.stdout, /0 closed case\(s\) anonymised \(closed on or before 2025-12-04; retention 12 months\)/);
  const help = await cli(['cases', '--help']);
  assert.match(help.stdout, /cases metrics/);
  assert.match(help.stdout, /cases anonymise/);
});
