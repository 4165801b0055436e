/**
 * Validation of a hand-written national night-work rule (`nightWork` in
 * data/national-profiles-extra.json), e.g. UU 13/2003 Pasal 76(1). Kept apart from
 * build-profiles.ts, which passes in its own checks so every problem is reported the same way.
 */
import { type NationalNightWork, SEXES, type Sex } from '../src/domain/child-labour/index.ts';

export interface FieldChecks {
  problem(message: string): void;
  /** Each reports its own problem and returns whether the value is good. */
  age(value: unknown, where: string): boolean;
  source(value: unknown, where: string): boolean;
  citation(value: unknown, where: string): boolean;
}

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const FIELDS = ['underAge', 'sex', 'from', 'to', 'source', 'citation'];

/** The rule, or null after reporting every problem it has (not only the first). */
export function checkNightWork(v: unknown, where: string, check: FieldChecks): NationalNightWork | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    check.problem(`${where}: expected { underAge, sex?, from, to, source, citation? }`);
    return null;
  }
  const rule = v as Record<string, unknown>;
  let ok = true;
  const fail = (message: string) => {
    check.problem(message);
    ok = false;
  };
  for (const key of Object.keys(rule)) if (!FIELDS.includes(key)) fail(`${where}.${key}: unknown field`);
  if (!check.age(rule.underAge, `${where}.underAge`)) ok = false;
  if (rule.sex !== undefined && !(SEXES as readonly unknown[]).includes(rule.sex)) {
    fail(`${where}.sex: must be one of ${SEXES.join(', ')}, or left out when the rule covers every worker`);
  }
  for (const key of ['from', 'to'] as const) {
    const time = rule[key];
    if (typeof time !== 'string' || !CLOCK_TIME.test(time)) fail(`${where}.${key}: must be a time HH:MM, got ${JSON.stringify(time)}`);
  }
  if (!check.source(rule.source, `${where}.source`)) ok = false;
  if (!check.citation(rule.citation, where)) ok = false;
  if (!ok) return null;
  // Built in the order the type lists its fields, for a stable, readable output.
  const out = { underAge: rule.underAge as number } as NationalNightWork;
  if (rule.sex !== undefined) out.sex = rule.sex as Sex;
  out.from = rule.from as string;
  out.to = rule.to as string;
  out.source = rule.source as string;
  if (typeof rule.citation === 'string') out.citation = rule.citation;
  return out;
}
