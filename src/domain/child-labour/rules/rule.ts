import type { ConditionKey, CountryFacts, MessageKey, MinimumAgeBasis, NationalProfile, Reason, Sex, Verdict, WorkKind } from '../types.ts';

/** Everything a rule may look at for one evaluation, computed once by the engine. */
export interface RuleContext {
  readonly facts: CountryFacts;
  readonly profile: NationalProfile | null;
  readonly age: number;
  readonly work: WorkKind;
  readonly hoursPerDay: number | null;
  readonly night: boolean | null;
  /** Null when not stated: a rule that turns on it says what it would be either way. */
  readonly sex: Sex | null;
  /** M for this run; when the declaration is unrecorded, one of the candidate ages in turn. */
  readonly minimumAge: number;
  readonly basis: MinimumAgeBasis;
}

export interface Finding {
  readonly reason: Reason;
  /** Conditions a `conditional` finding is subject to; never empty for one. */
  readonly conditions: readonly ConditionKey[];
}

/** What the ages a rule compares with may depend on: the State and M, not the row. */
export type AgeScope = Pick<RuleContext, 'facts' | 'profile' | 'minimumAge'>;

/**
 * One rule per file, each citing its article. `appliesTo` lets the engine index rules by work kind
 * once, so an evaluation only runs the rules that can apply.
 */
export interface Rule {
  readonly id: string;
  readonly appliesTo: readonly WorkKind[];
  evaluate(ctx: RuleContext): Finding | null;
  /**
   * Every age a at which the finding can change: the rule compares `age >= a` or `age < a` (and
   * `age <= b` counts as b + 1). Callers that group ages between breakpoints (the screener's cache)
   * rely on this being complete; the engine tests check it against `evaluate` at every age.
   */
  agesCompared(scope: AgeScope): readonly number[];
}

const NO_AGES: readonly number[] = [];
/** For rules that never look at the age. */
export function noAges(): readonly number[] {
  return NO_AGES;
}

const NONE: readonly ConditionKey[] = [];

export function finding(
  rule: string,
  citation: string,
  verdict: Verdict,
  messageKey: MessageKey,
  params: Record<string, string | number>,
  conditions: readonly ConditionKey[] = NONE,
): Finding {
  return { reason: { rule, kind: 'rule', citation, verdict, messageKey, params }, conditions };
}

/** A note: a fact the answer rests on that restricts nothing by itself (see ReasonKind). */
export function note(rule: string, citation: string, messageKey: MessageKey, params: Record<string, string | number>): Finding {
  return { reason: { rule, kind: 'note', citation, verdict: 'permitted', messageKey, params }, conditions: NONE };
}

/**
 * The citation of a national fact: its provision where the profile names one, otherwise the
 * source it comes from, so national law is never cited as if it were a Convention article.
 */
export function nationalCitation(fact: { citation?: string; source: string }): string {
  return fact.citation ?? `national law (${fact.source.split(';').join(', ')})`;
}

/** Kinds whose verdict depends on the general minimum age M. */
export const AGE_BOUND_WORK: readonly WorkKind[] = ['regular', 'light', 'training', 'artistic'];
/** Kinds C138 governs (the worst forms of C182 Art 3(a)-(c) are C182's alone). */
export const C138_WORK: readonly WorkKind[] = ['regular', 'light', 'hazardous', 'training', 'school', 'artistic'];
/** Kinds C138 governs that are done in employment or work (C138 Art 6 leaves school work outside). */
export const C138_EMPLOYMENT: readonly WorkKind[] = ['regular', 'light', 'hazardous', 'training', 'artistic'];
/** Kinds that are real work a school-age child might be kept from school by. */
export const SCHOOL_RELEVANT_WORK: readonly WorkKind[] = ['regular', 'light', 'hazardous', 'training', 'artistic'];

/** C138 Art 2(1) for a declared or national age; Art 2(3) when the floor of 15 stands in. */
export function minimumAgeCitation(basis: MinimumAgeBasis): string {
  return basis === 'baseline' ? 'C138 Art 2(3)' : 'C138 Art 2(1)';
}

/** Facts every age-bound message shows, so a verdict can be defended. */
export function ageParams(ctx: RuleContext): Record<string, string | number> {
  return { age: ctx.age, minimumAge: ctx.minimumAge, basis: ctx.basis };
}
