/** The human-readable summary of `tripartite screen`, in English or Indonesian. */
import { renderVerdict, type Verdict } from '../../domain/child-labour/index.ts';
import type { Lang } from '../../domain/facts.ts';
import type { ScreenSummary } from '../../screening/index.ts';

const TEXT = {
  en: {
    screened: (file: string, on: string, s: ScreenSummary) =>
      `Screened ${file} on ${on}: ${s.rows} rows, ${s.valid} valid, ${s.invalid} invalid`,
    verdicts: 'Verdicts:',
    uncertain: (n: number) => `  (uncertain: ${n}, depending on an unrecorded C138 declaration)`,
    problems: (kept: number, bad: number | null) => `Problems (first ${kept}${bad !== null ? `, of ${bad} bad rows` : ''}):`,
    line: 'line',
    more: (n: number) => `  … ${n} more (use --json for all)`,
  },
  id: {
    screened: (file: string, on: string, s: ScreenSummary) =>
      `Diperiksa ${file} pada ${on}: ${s.rows} baris, ${s.valid} sah, ${s.invalid} tidak sah`,
    verdicts: 'Putusan:',
    uncertain: (n: number) => `  (tidak pasti: ${n}, bergantung pada deklarasi C138 yang tidak tercatat)`,
    problems: (kept: number, bad: number | null) =>
      `Masalah (${kept} pertama${bad !== null ? `, dari ${bad} baris tidak sah` : ''}; rinciannya dalam bahasa Inggris):`,
    line: 'baris',
    more: (n: number) => `  … ${n} lagi (gunakan --json untuk semuanya)`,
  },
} as const;

/** Each verdict's code (as in the CSV's verdict column), its count and its name in `lang`. */
export function humanSummary(s: ScreenSummary, file: string, on: string, lang: Lang): string {
  const t = TEXT[lang];
  const lines = [
    t.screened(file, on, s),
    '',
    t.verdicts,
    ...Object.entries(s.verdicts).map(([v, n]) => `  ${v.padEnd(12)} ${String(n).padStart(9)}  ${renderVerdict(v as Verdict, lang)}`),
    t.uncertain(s.uncertain),
  ];
  if (s.errors.length) {
    lines.push('', t.problems(s.errors.length, s.truncatedErrors ? s.invalid : null));
    for (const e of s.errors.slice(0, 20)) lines.push(`  ${t.line} ${e.line}: ${e.message}`);
    if (s.errors.length > 20) lines.push(t.more(s.errors.length - 20));
  }
  return `${lines.join('\n')}\n`;
}
