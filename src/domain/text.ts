import { type FieldIssue, invalid } from './errors.ts';

/**
 * PostgreSQL cannot store U+0000 in text, and no legitimate field holds it; refusing it up front
 * gives the same clear 400 on both engines instead of a database error.
 */
export function refuseNul(input: unknown, path = ''): void {
  // The common case first, naming nothing: each field's name is spelt out only when one holds a NUL.
  if (!containsNul(input)) return;
  const issues: FieldIssue[] = [];
  const walk = (value: unknown, at: string) => {
    if (typeof value === 'string') {
      if (value.includes('\u0000')) issues.push({ field: at || 'value', message: 'contains a NUL character' });
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${at}[${i}]`);
    } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, at ? `${at}.${k}` : k);
  };
  walk(input, path);
  if (issues.length) throw invalid(issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) if (containsNul((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}
