import type { FieldIssue } from '../errors.ts';
import { isCertainlyBefore } from '../partial-date.ts';

/**
 * Facts an edit may not record because they cannot be true, and facts that are odd but may be
 * sourced. Pure: the caller gathers the stored facts (adoption, membership, registration) and today.
 * Partial dates are compared as the range of days they stand for, so a rule fires only when every
 * reading of the dates breaks it.
 */
export const FACT_RULES = {
  /** A registration is an act already done: a date after today has not happened. */
  registrationInFuture: 'registration-in-future',
  /** An instrument can be ratified only once the Conference has adopted it (ILO Constitution Art 19(5)). */
  registrationBeforeAdoption: 'registration-before-adoption',
  /** Only a registered ratification can be denounced (e.g. C138 Art 13(1), C182 Art 11(1)). */
  denunciationBeforeRatification: 'denunciation-before-ratification',
  /** C138 Art 3(1): the age for hazardous work is not less than 18, at least the general minimum age. */
  hazardousBelowGeneral: 'hazardous-age-below-general-age',
  /** C138 Art 3(3): hazardous work from 16 only under strict conditions, never younger. */
  hazardousBelow16: 'hazardous-age-below-16',
  /**
   * Warning only: a State ratifies as a Member (ILO Constitution Art 19(5)(d)), yet successor States
   * (HRV, MKD, MNE) have dates of succession recorded before their admission; the source decides.
   */
  registrationBeforeMembership: 'registration-before-membership',
} as const;

export interface FactFindings {
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

export interface RatificationFacts {
  country: string;
  instrument: string;
  registrationDate: string | null;
  /** Where the registration date is read from in the caller's terms (an API field or a CSV column). */
  registrationField?: string;
  adoptionDate: string | null;
  membershipDate: string | null;
  /** Dates of minimum-age declarations the change records, keyed by their field. */
  declarationDates?: { field: string; date: string }[];
  /** Today, YYYY-MM-DD, from the clock the service is given. */
  today: string;
}

export function checkRatificationFacts(facts: RatificationFacts): FactFindings {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const field = facts.registrationField ?? 'registrationDate';
  const date = facts.registrationDate;
  if (date) {
    if (isCertainlyBefore(facts.today, date))
      errors.push({
        field,
        rule: FACT_RULES.registrationInFuture,
        message: `${date} is after today (${facts.today}): a ratification cannot be registered in the future`,
      });
    if (facts.adoptionDate && isCertainlyBefore(date, facts.adoptionDate))
      errors.push({
        field,
        rule: FACT_RULES.registrationBeforeAdoption,
        message: `${date} is before ${facts.instrument} was adopted (${facts.adoptionDate}): an instrument cannot be ratified before its adoption`,
      });
    warnings.push(
      ...ratificationWarnings({
        country: facts.country,
        registrationDate: date,
        registrationField: field,
        membershipDate: facts.membershipDate,
      }),
    );
  }
  for (const d of facts.declarationDates ?? [])
    if (isCertainlyBefore(facts.today, d.date))
      errors.push({
        field: d.field,
        rule: FACT_RULES.registrationInFuture,
        message: `${d.date} is after today (${facts.today}): a declaration cannot be registered in the future`,
      });
  return { errors, warnings };
}

/** The odd-but-possible facts of a recorded ratification: shown to the editor, never refused. */
export function ratificationWarnings(facts: {
  country: string;
  registrationDate: string | null;
  registrationField?: string;
  membershipDate: string | null;
}): FieldIssue[] {
  const date = facts.registrationDate;
  if (!date || !facts.membershipDate || !isCertainlyBefore(date, facts.membershipDate)) return [];
  return [
    {
      field: facts.registrationField ?? 'registrationDate',
      rule: FACT_RULES.registrationBeforeMembership,
      message: `${date} is before ${facts.country} joined the ILO (${facts.membershipDate}); saved as sourced (a successor State's date of succession can be earlier): check the source`,
    },
  ];
}

export function checkDenunciationFacts(facts: { date: string; registrationDate: string | null; today: string }): FieldIssue[] {
  const errors: FieldIssue[] = [];
  if (isCertainlyBefore(facts.today, facts.date))
    errors.push({
      field: 'date',
      rule: FACT_RULES.registrationInFuture,
      message: `${facts.date} is after today (${facts.today}): a denunciation cannot be registered in the future`,
    });
  if (facts.registrationDate && isCertainlyBefore(facts.date, facts.registrationDate))
    errors.push({
      field: 'date',
      rule: FACT_RULES.denunciationBeforeRatification,
      message: `${facts.date} is before the ratification was registered (${facts.registrationDate}): only a ratification already registered can be denounced`,
    });
  return errors;
}

/**
 * The ages of one national profile after a change. `changed` names the age the change sets, so the
 * error points at the field the editor touched.
 */
export function checkProfileAges(ages: {
  general: number | null;
  hazardous: number | null;
  changed: 'generalMinimumAge' | 'hazardousMinimumAge';
}): FieldIssue[] {
  const { general, hazardous } = ages;
  if (hazardous === null) return [];
  const errors: FieldIssue[] = [];
  if (hazardous < 16)
    errors.push({
      field: 'hazardousMinimumAge',
      rule: FACT_RULES.hazardousBelow16,
      message: `${hazardous} is below 16: C138 Art 3(3) allows hazardous work from 16 at the earliest`,
    });
  if (general !== null && hazardous < general)
    errors.push({
      field: ages.changed,
      rule: FACT_RULES.hazardousBelowGeneral,
      message: `the hazardous-work age (${hazardous}) is below the general minimum age (${general}) of the same profile (C138 Art 3(1))`,
    });
  return errors;
}
