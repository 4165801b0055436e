/**
 * Vocabulary of the child-labour rule engine (C138 Minimum Age, C182 Worst Forms of Child Labour).
 * Ages are completed years on the date the caller chose (see age.ts); the engine never reads a clock.
 */

/**
 * Kinds of work the engine can judge. `school` is work in a school or training institution, which
 * C138 Art 6 leaves outside the Convention; `training` is work in an undertaking as part of a
 * training programme, which Art 6 allows from 14 under conditions.
 */
export const WORK_KINDS = [
  'regular',
  'light',
  'hazardous',
  'slavery',
  'sexual_exploitation',
  'illicit',
  'training',
  'school',
  'artistic',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/**
 * Ordered by severity, least first: the answer is the most severe verdict of the rules that applied.
 * `other_law`: an adult (18 or over) in an activity that C182 Art 3(b)-(c) names a worst form for
 * children; it is not child labour, but it is not "permitted" either: criminal or other law governs it.
 */
export const VERDICTS = ['permitted', 'other_law', 'conditional', 'prohibited', 'worst_form'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * Where the minimum age M came from: the State's C138 Art 2(1) declaration, national law (higher
 * than the declaration, or the only age known), the C138 Art 2(3) floor of 15 for a State that has
 * not ratified and whose law is unknown, or `unknown` (ratified, declaration not recorded).
 */
export const MINIMUM_AGE_BASES = ['declared', 'national', 'baseline', 'unknown'] as const;
export type MinimumAgeBasis = (typeof MINIMUM_AGE_BASES)[number];

/**
 * Conditions a `conditional` verdict is subject to. International ones come from the Convention
 * article named in the comment; national ones are generic so any profile can list them as data.
 */
export const CONDITION_KEYS = [
  // C138 Art 7(1)(a): light work not likely to be harmful to health or development.
  'light-not-harmful',
  // C138 Art 7(1)(b): not such as to prejudice school attendance or vocational orientation/training.
  'light-no-school-prejudice',
  // C138 Art 7(3): the competent authority determines the activities and prescribes hours and conditions.
  'light-authority-determined',
  // C138 Art 3(3): authorised by national law or the competent authority after consulting employers and workers.
  'hazardous-authorised-by-law',
  // C138 Art 3(3): health, safety and morals fully protected.
  'hazardous-full-protection',
  // C138 Art 3(3): adequate specific instruction or vocational training in the branch of activity.
  'hazardous-specific-instruction',
  // C138 Art 6: conditions prescribed by the competent authority after consulting employers and workers.
  'training-authority-conditions',
  // C138 Art 6(a)-(c): an integral part of an education, training or orientation programme.
  'training-part-of-programme',
  // C138 Art 8(1): a permit granted in the individual case by the competent authority.
  'artistic-individual-permit',
  // C138 Art 8(2): the permit limits the hours and prescribes the conditions of work.
  'artistic-permit-limits',
  // National rules (generic; a profile names them as data).
  'national-max-hours-per-day',
  'national-daytime-only',
  'national-outside-school-hours',
  'national-written-parental-consent',
  'national-employment-agreement-with-parent',
  'national-occupational-safety-health',
  'national-clear-employment-relationship',
  'national-wages-per-regulations',
  // National night-work rules that turn on the worker's sex, when the sex is not stated.
  'national-night-not-female',
  'national-night-not-male',
  // R190 Para 3(e): work during the night is among the conditions to consider in determining hazardous work.
  'night-hazard-considered',
] as const;
export type ConditionKey = (typeof CONDITION_KEYS)[number];

/** One fact of national law, with the source id it rests on and, where known, the provision. */
export interface SourcedAge {
  value: number;
  /** Source id(s), semicolon-separated as elsewhere in data/ (e.g. 'USDOL-SWEATTOIL-2022;UU-13-2003'). */
  source: string;
  /** The provision, e.g. 'UU 13/2003 Pasal 74'; absent when the source gives only the age. */
  citation?: string;
}

/**
 * A national light-work exception: ages minAge..maxAge (inclusive) may do light work within these
 * limits. Stricter than C138 Art 7 where it is narrower; it never widens Art 7.
 */
export interface NationalLightWork {
  minAge: number;
  maxAge: number;
  maxHoursPerDay: number | null;
  daytimeOnly: boolean;
  outsideSchoolHours: boolean;
  /** Further conditions the law lists (for Indonesia, Pasal 69(2)). */
  conditions: ConditionKey[];
  source: string;
  citation?: string;
}

/**
 * A national rule against night work by young workers, e.g. UU 13/2003 Pasal 76(1): female workers
 * under 18 may not be employed between 23.00 and 07.00.
 */
export interface NationalNightWork {
  /** The rule covers workers under this age. */
  underAge: number;
  /** Only workers of this sex; absent when the rule covers everyone. */
  sex?: Sex;
  /** The night period as the law sets it, local time HH:MM. */
  from: string;
  to: string;
  source: string;
  citation?: string;
}

export interface NationalProfile {
  iso3: string;
  generalMinimumAge: SourcedAge | null;
  hazardousMinimumAge: SourcedAge | null;
  compulsoryEducationAge: SourcedAge | null;
  lightWork?: NationalLightWork;
  nightWork?: NationalNightWork;
  /** National definition of a child (under this age), e.g. UU 13/2003 Pasal 1 angka 26. */
  childUnderAge?: SourcedAge;
  /** Source ids backing at least one field. */
  sources: string[];
  /** Source values that could not be used (kept visible rather than dropped silently). */
  notes?: string[];
}

export interface CountryFacts {
  iso3: string;
  c138: {
    ratified: boolean;
    /** Age declared under C138 Art 2(1) (or raised under Art 2(2)); null when not recorded. */
    declaredAge: number | null;
    declarationArticle?: string;
  };
  c182: { ratified: boolean };
  profile: NationalProfile | null;
}

/** Sex of the person, optional: some national rules differ by it (e.g. UU 13/2003 Pasal 76(1)). */
export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export interface CheckInput {
  /** Completed years (see ageOn). */
  age: number;
  work: WorkKind;
  hoursPerDay?: number | null;
  night?: boolean | null;
  /** Unknown when absent or null: a rule that turns on it must say so rather than assume. */
  sex?: Sex | null;
}

/**
 * `rule`: a rule that judged the case (its verdict counts towards the answer). `note`: a fact the
 * answer rests on that restricts nothing by itself (e.g. a national definition of a child, a
 * Convention not ratified); its verdict is always `permitted` and is not shown as one.
 */
export const REASON_KINDS = ['rule', 'note'] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

export interface Reason {
  /** Stable kebab id, e.g. 'c138.light-work'. */
  rule: string;
  kind: ReasonKind;
  /** The provision applied, e.g. 'C138 Art 7(1)'. */
  citation: string;
  /** What this rule alone requires; notes carry 'permitted'. */
  verdict: Verdict;
  messageKey: MessageKey;
  /** The facts the rule used, so the verdict can be defended (age, minimum age, basis, sources…). */
  params: Record<string, string | number>;
}

export interface CheckResult {
  verdict: Verdict;
  age: number;
  /** The minimum age M applied; null when it rests on an unrecorded declaration. */
  minimumAge: number | null;
  minimumAgeBasis: MinimumAgeBasis;
  /** True when the verdict would differ with the declared age, which is not recorded. */
  uncertain: boolean;
  reasons: Reason[];
  /** Non-empty only for a `conditional` verdict. */
  conditions: ConditionKey[];
  bindsC138: boolean;
  /** National general minimum age below the C138 declaration (the declaration still governs). */
  nationalShortfall: { declared: number; national: number } | null;
}

export const MESSAGE_KEYS = [
  'minimum-age.reached',
  'minimum-age.below',
  'light-work.reached-minimum-age',
  'light-work.allowed',
  'light-work.below-age',
  'national-light-work.allowed',
  'national-light-work.below-age',
  'national-light-work.too-many-hours',
  'national-light-work.night',
  'national-light-work.band-ends-at-minimum-age',
  'hazardous.adult',
  'hazardous.adult-national-higher',
  'hazardous.below-minimum-age',
  'hazardous.under-16',
  'hazardous.below-national-age',
  'hazardous.national-exception',
  'hazardous.national-age-unknown',
  'hazardous.worst-form',
  'national-hazardous.below-age',
  'national-hazardous.adult-below-age',
  'worst-form.child',
  'worst-form.adult',
  'forced-labour.any-age',
  'night-work.national',
  'night-work.national-sex-unknown',
  'night-work.national-other-sex',
  'night-work.hazard-consideration',
  'training.reached-minimum-age',
  'training.allowed',
  'training.under-14',
  'school.outside-scope',
  'artistic.permit',
  'artistic.reached-minimum-age',
  'note.c138-not-bound',
  'note.c182-not-bound',
  'note.national-shortfall',
  'note.declaration-unrecorded-national',
  'note.national-below-any-declaration',
  'note.declaration-unrecorded-same',
  'note.declaration-unrecorded-differs',
  'note.compulsory-education',
  'note.national-child',
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];
