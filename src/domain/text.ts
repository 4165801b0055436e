import { type FieldIssue, invalid } from './errors.ts';

/**
 * PostgreSQL cannot store U+0000 in text, and no legitimate field holds it; refusing it up front
 * gives the same clear 400 on both engines instead of a database error.
 */
export function refuseNul(input: unknown, path = ''): void {
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
