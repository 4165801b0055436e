import type { Lang } from '../domain/facts.ts';
import type { Labels } from './labels.ts';

export function orNotRecorded(value: string | number | null | undefined, l: Labels): string {
  return value === null || value === undefined || value === '' ? l.notRecorded : String(value);
}

export function listOrNone(values: readonly string[], l: Labels): string {
  return values.length ? values.join(', ') : l.none;
}

/** Indonesian text where the data has it; otherwise English, visibly marked. */
export function localised(en: string, id: string | null, lang: Lang, l: Labels): string {
  if (lang === 'en') return en;
  return id ? id : `${l.englishFallback} ${en}`;
}

const MAX_CELL = 64;

function width(s: string): number {
  return [...s].length;
}

function clip(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}

/** Plain-text table; long cells are clipped so a row fits a terminal, and no cell is ever blank. */
export function table(headers: string[], rows: string[][], options: { clip?: boolean } = {}): string {
  const body = rows.map((r) => r.map((c) => (options.clip === false ? c : clip(c, MAX_CELL))));
  const widths = headers.map((h, i) => Math.max(width(h), ...body.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - width(c))))
      .join('  ')
      .trimEnd();
  return `${[line(headers), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')}\n`;
}

/** Label/value pairs, labels padded to one column. */
export function fields(pairs: [string, string][]): string {
  const w = Math.max(...pairs.map(([k]) => width(k)));
  return `${pairs.map(([k, v]) => `${k}${' '.repeat(w - width(k))}  ${v}`).join('\n')}\n`;
}
