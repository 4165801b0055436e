/**
 * Problems and warnings of one scripts/build-data.ts run, the state every reader shares.
 * Problems: collected, not thrown, so one run reports every bad cell at once; any problem stops the
 * build before anything is written. Warnings are printed and the data kept as sourced.
 */
export interface Problem {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

export const problems: Problem[] = [];
export const warnings: string[] = [];

export function problem(file: string, line: number | null, field: string | null, message: string): void {
  problems.push({ file, line, field, message });
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line === null ? null : String(p.line)].filter((x) => x !== null).join(':');
  return `${where}${p.field ? ` [${p.field}]` : ''}: ${p.message}`;
}
