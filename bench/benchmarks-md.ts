import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/storage/paths.ts';

/** Puts `body` (which starts with its `## ` heading, `section`) in place of that section of BENCHMARKS.md, or appends it. */
export function replaceBenchmarkSection(section: string, body: string): void {
  const path = join(PROJECT_ROOT, 'BENCHMARKS.md');
  let doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = doc.indexOf(section);
  if (start >= 0) {
    const next = doc.indexOf('\n## ', start + section.length);
    doc = doc.slice(0, start) + body + (next >= 0 ? `\n${doc.slice(next + 1)}` : '');
  } else doc = `${doc.replace(/\n*$/, '\n\n')}${body}`;
  writeFileSync(path, doc);
  console.log(`BENCHMARKS.md: ${section} updated`);
}
