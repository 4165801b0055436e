import { invalid } from '../errors.ts';
import { DECLARATION_CANDIDATES, resolveMinimumAge } from './minimum-age.ts';
import { RULES, RULES_BY_WORK, type Rule, type RuleContext } from './rules/index.ts';
import type { CheckInput, CheckResult, ConditionKey, CountryFacts, MinimumAgeBasis, Reason, Verdict } from './types.ts';
import { SEXES, WORK_KINDS } from './types.ts';
import { compareVerdicts } from './verdict.ts';

interface Run {
  verdict: Verdict;
  reasons: Reason[];
  conditions: ConditionKey[];
}

const NO_CONDITIONS: ConditionKey[] = [];

/**
 * Judges one piece of work by one person in one State under C138 and C182, plus the State's national
 * profile. Pure and deterministic: the same facts and input always give the same result. The verdict
 * is the most severe of the rules that applied, and every rule that applied is in `reasons`.
 *
 * Throws a DomainError `invalid` for an input that names no real age or work kind.
 */
export function evaluate(facts: CountryFacts, input: CheckInput): CheckResult {
  validate(facts, input);
  const rules = RULES_BY_WORK[input.work];
  const resolution = resolveMinimumAge(facts);
  if (resolution.minimumAge !== null) {
    const run = runRules(rules, context(facts, input, resolution.minimumAge, resolution.basis));
    return {
      verdict: run.verdict,
      age: input.age,
      minimumAge: resolution.minimumAge,
      minimumAgeBasis: resolution.basis,
      uncertain: false,
      reasons: decidingFirst(run.reasons, run.verdict),
      conditions: run.conditions,
      bindsC138: facts.c138.ratified,
      nationalShortfall: resolution.nationalShortfall,
    };
  }
  return evaluateUnrecordedDeclaration(rules, facts, input);
}

/**
 * Built field by field on purpose: an object spread here (`{ ...base, minimumAge }`) made each
 * evaluation about 25 times slower on Node 20 (V8), and the batch screener calls this millions of times.
 */
function context(facts: CountryFacts, input: CheckInput, minimumAge: number, basis: MinimumAgeBasis): RuleContext {
  return {
    facts,
    profile: facts.profile,
    age: input.age,
    work: input.work,
    hoursPerDay: input.hoursPerDay ?? null,
    night: input.night ?? null,
    sex: input.sex ?? null,
    minimumAge,
    basis,
  };
}

/**
 * Every age at which `evaluate` can change its answer for this State, whatever the work, hours or
 * night: the ages each rule compares with (`Rule.agesCompared`) under the State's minimum age, or
 * under every age it could have declared when that is unrecorded. Between two consecutive
 * breakpoints every age gets the same result, which is what lets the screener evaluate a few
 * thousand times for millions of rows. Sorted, without repeats.
 */
export function ageBreakpoints(facts: CountryFacts): number[] {
  const m = resolveMinimumAge(facts).minimumAge;
  const ages = new Set<number>();
  for (const minimumAge of m !== null ? [m] : DECLARATION_CANDIDATES) {
    const scope = { facts, profile: facts.profile, minimumAge };
    for (const rule of RULES) for (const a of rule.agesCompared(scope)) ages.add(a);
  }
  return [...ages].sort((a, b) => a - b);
}

/**
 * A ratifying State whose declared age is not recorded: try every age it could have declared rather
 * than assume one. If all give the same verdict, that is the answer; if not, the most severe is
 * given, marked uncertain, with a reason saying it turns on the unrecorded declaration.
 */
function evaluateUnrecordedDeclaration(rules: readonly Rule[], facts: CountryFacts, input: CheckInput): CheckResult {
  const params: Record<string, string | number> = { age: input.age };
  const reasons: Reason[] = [];
  const conditions: ConditionKey[] = [];
  let verdict: Verdict = 'permitted';
  let first: Verdict | null = null;
  let same = true;
  for (const candidate of DECLARATION_CANDIDATES) {
    const run = runRules(rules, context(facts, input, candidate, 'unknown'));
    params[`verdictIf${candidate}`] = run.verdict;
    if (first === null) first = run.verdict;
    else if (run.verdict !== first) same = false;
    if (compareVerdicts(run.verdict, verdict) > 0) verdict = run.verdict;
    // Reasons that do not depend on M (worst forms, notes) come out of every run alike: list them once.
    for (const reason of run.reasons) if (!reasons.some((r) => sameReason(r, reason))) reasons.push(reason);
    if (run.verdict === 'conditional') addAll(conditions, run.conditions);
  }
  // It states the verdict of every candidate declaration, the most severe of which is the answer,
  // so it is a deciding reason and comes first.
  const ordered = decidingFirst(reasons, verdict);
  ordered.unshift({
    rule: 'c138.declaration-unrecorded',
    kind: 'rule',
    citation: 'C138 Art 2(1)',
    verdict,
    messageKey: same ? 'note.declaration-unrecorded-same' : 'note.declaration-unrecorded-differs',
    params,
  });
  return {
    verdict,
    age: input.age,
    minimumAge: null,
    minimumAgeBasis: 'unknown',
    uncertain: !same,
    reasons: ordered,
    // Conditions of a candidate that was conditional are moot if another one prohibits.
    conditions: verdict === 'conditional' ? conditions : [],
    bindsC138: facts.c138.ratified,
    nationalShortfall: null,
  };
}

function runRules(rules: readonly Rule[], ctx: RuleContext): Run {
  let verdict: Verdict = 'permitted';
  const reasons: Reason[] = [];
  let conditions: ConditionKey[] = NO_CONDITIONS;
  for (const rule of rules) {
    const f = rule.evaluate(ctx);
    if (!f) continue;
    reasons.push(f.reason);
    if (compareVerdicts(f.reason.verdict, verdict) > 0) verdict = f.reason.verdict;
    if (f.reason.verdict === 'conditional') {
      if (conditions === NO_CONDITIONS) conditions = [];
      addAll(conditions, f.conditions);
    }
  }
  // Conditions matter only when they are the answer; a prohibition makes them moot.
  return { verdict, reasons, conditions: verdict === 'conditional' ? conditions : [] };
}

/**
 * Reasons in the order a reader needs them: the rule(s) whose verdict is the answer, then the other
 * rules from most to least severe, then notes. Within a group the RULES order stands (stable sort).
 */
export function decidingFirst(reasons: readonly Reason[], verdict: Verdict): Reason[] {
  const group = (r: Reason) => (r.kind === 'note' ? 2 : r.verdict === verdict ? 0 : 1);
  return [...reasons].sort((a, b) => group(a) - group(b) || (group(a) === 1 ? compareVerdicts(b.verdict, a.verdict) : 0));
}

function addAll(into: ConditionKey[], from: readonly ConditionKey[]): void {
  for (const c of from) if (!into.includes(c)) into.push(c);
}

function sameReason(a: Reason, b: Reason): boolean {
  if (a.rule !== b.rule || a.messageKey !== b.messageKey || a.verdict !== b.verdict || a.citation !== b.citation) return false;
  const keys = Object.keys(a.params);
  if (keys.length !== Object.keys(b.params).length) return false;
  for (const k of keys) if (a.params[k] !== b.params[k]) return false;
  return true;
}

const MAX_AGE = 150;

function validate(facts: CountryFacts, input: CheckInput): void {
  if (!Number.isInteger(input.age) || input.age < 0 || input.age > MAX_AGE) {
    throw invalid(`age must be a whole number of completed years from 0 to ${MAX_AGE}`, [{ field: 'age', message: 'not an age' }]);
  }
  if (!(WORK_KINDS as readonly string[]).includes(input.work)) {
    throw invalid(`work must be one of ${WORK_KINDS.join(', ')}`, [{ field: 'work', message: 'unknown work kind' }]);
  }
  const hours = input.hoursPerDay;
  if (hours !== undefined && hours !== null && !(Number.isFinite(hours) && hours >= 0 && hours <= 24)) {
    throw invalid('hoursPerDay must be a number of hours from 0 to 24', [{ field: 'hoursPerDay', message: 'not an hour count' }]);
  }
  const sex = input.sex;
  if (sex !== undefined && sex !== null && !(SEXES as readonly string[]).includes(sex)) {
    throw invalid(`sex must be one of ${SEXES.join(', ')}, or left out when not stated`, [{ field: 'sex', message: 'unknown sex' }]);
  }
  const declared = facts.c138.declaredAge;
  // C138 Art 2(1) and 2(4): no declaration below 14 is possible; anything else is a data error.
  if (declared !== null && !(Number.isInteger(declared) && declared >= 14 && declared <= 21)) {
    throw invalid('c138.declaredAge must be a whole number of years from 14 to 21', [
      { field: 'c138.declaredAge', message: 'not a declarable age' },
    ]);
  }
}
