/**
 * `npm test`: every *.test.ts under src/ and tests/, through node:test. Node 20's runner takes
 * no globs, so the files are listed here. Suites that need PostgreSQL or Chromium skip with a
 * loud line when those are missing, unless TRIPARTITE_REQUIRE_PG / TRIPARTITE_REQUIRE_BROWSER is 1
 * (CI sets both, so nothing is skipped there).
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../src/storage/paths.ts';

function findTests(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith('.test.ts')) out.push(relative(PROJECT_ROOT, path));
  }
  return out;
}

const filter = process.argv.slice(2);
let files = [...findTests(join(PROJECT_ROOT, 'src')), ...findTests(join(PROJECT_ROOT, 'tests'))].sort();
if (filter.length) files = files.filter((f) => filter.some((p) => f.includes(p)));
if (files.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], {
  cwd: PROJECT_ROOT,
  stdio: 'inherit',
  env: { ...process.env, TZ: 'UTC', NO_COLOR: process.env.NO_COLOR ?? '1' },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
