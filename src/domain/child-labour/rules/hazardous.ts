import type { ConditionKey, SourcedAge } from '../types.ts';
import { type AgeScope, finding, minimumAgeCitation, nationalCitation, note, type Rule, type RuleContext } from './rule.ts';

/** C138 Art 3(1) and C182 Art 2: the age from which hazardous work is not child labour. */
export const HAZARDOUS_WORK_AGE = 18;
/** C138 Art 3(3): national law may allow hazardous work from 16, never younger. */
export const HAZARDOUS_EXCEPTION_FLOOR = 16;

const EXCEPTION_CONDITIONS: readonly ConditionKey[] = ['hazardous-full-protection', 'hazardous-specific-instruction'];
// Where the national age is unknown, the authorisation itself is one more thing to establish.
const UNKNOWN_LAW_CONDITIONS: readonly ConditionKey[] = ['hazardous-authorised-by-law', ...EXCEPTION_CONDITIONS];

function nationalAge(ctx: Pick<RuleContext, 'profile'>): SourcedAge | null {
  return ctx.profile?.hazardousMinimumAge ?? null;
}

function hazardousAges(scope: AgeScope): readonly number[] {
  const national = nationalAge(scope);
  return national === null
    ? [HAZARDOUS_WORK_AGE, HAZARDOUS_EXCEPTION_FLOOR, scope.minimumAge]
    : [HAZARDOUS_WORK_AGE, HAZARDOUS_EXCEPTION_FLOOR, scope.minimumAge, national.value];
}

/**
 * C138 Art 3(1): no one under 18 does work likely to jeopardise health, safety or morals. Art 3(3):
 * national law may allow it from 16 if health, safety and morals are fully protected and the young
 * person has had specific instruction or vocational training.
 *
 * Art 3(3) is an exception to Art 3(1) only: hazardous work is still employment or work, so the
 * general minimum age of Art 2(1) applies to it too. Where M is above 16 (say 17), a 16-year-old may
 * do no work at all, and hazardous work cannot be less restricted than regular work.
 */
export const hazardousC138Rule: Rule = {
  id: 'c138.hazardous-work',
  appliesTo: ['hazardous'],
  evaluate(ctx) {
    const { age } = ctx;
    const national = nationalAge(ctx);
    if (age >= HAZARDOUS_WORK_AGE) {
      const params = { age, hazardousAge: HAZARDOUS_WORK_AGE };
      // A higher national age decides (nationalHazardousRule); saying "not restricted" here as a
      // rule would read as if the answer were "permitted" next to a national prohibition.
      if (national !== null && age < national.value) return note(this.id, 'C138 Art 3(1)', 'hazardous.adult-national-higher', params);
      return finding(this.id, 'C138 Art 3(1)', 'permitted', 'hazardous.adult', params);
    }
    if (age < HAZARDOUS_EXCEPTION_FLOOR) return finding(this.id, 'C138 Art 3(1)', 'prohibited', 'hazardous.under-16', { age });
    if (age < ctx.minimumAge) {
      return finding(this.id, minimumAgeCitation(ctx.basis), 'prohibited', 'hazardous.below-minimum-age', {
        age,
        minimumAge: ctx.minimumAge,
        basis: ctx.basis,
      });
    }
    if (national === null) {
      return finding(this.id, 'C138 Art 3(3)', 'conditional', 'hazardous.national-age-unknown', { age }, UNKNOWN_LAW_CONDITIONS);
    }
    const params = { age, nationalHazardousAge: national.value, source: national.source };
    return age >= national.value
      ? finding(this.id, 'C138 Art 3(3)', 'conditional', 'hazardous.national-exception', params, EXCEPTION_CONDITIONS)
      : finding(this.id, 'C138 Art 3(1)', 'prohibited', 'hazardous.below-national-age', params);
  },
  agesCompared: hazardousAges,
};

/**
 * C182 Art 3(d): hazardous work by a child (under 18, Art 2) is a worst form. Which work is hazardous
 * is for national law (Art 4(1)), so work that C138 Art 3(3) lets national law allow at 16 or 17 is
 * not judged a worst form here; everything below 16, or below the national age, is.
 */
export const hazardousC182Rule: Rule = {
  id: 'c182.hazardous-work',
  appliesTo: ['hazardous'],
  evaluate(ctx) {
    const { age } = ctx;
    if (age >= HAZARDOUS_WORK_AGE) return null;
    const national = nationalAge(ctx);
    const belowNational = national !== null && age < national.value;
    if (age >= HAZARDOUS_EXCEPTION_FLOOR && !belowNational) return null;
    return finding(this.id, 'C182 Art 3(d)', 'worst_form', 'hazardous.worst-form', { age, childAge: HAZARDOUS_WORK_AGE });
  },
  agesCompared: hazardousAges,
};

/**
 * The national minimum age for hazardous work (e.g. 18 with no exception, UU 13/2003 Pasal 74). It
 * can only add protection: below it, a child's hazardous work is a worst form (C182 Art 3(d), the
 * work being hazardous as national law determines it under Art 4(1)) and an adult's is prohibited by
 * national law alone (a national age above 18, e.g. Zambia's 19). Either way the finding cites the
 * national provision, or its source where the provision is not recorded: the age is national law's,
 * not a Convention's.
 */
export const nationalHazardousRule: Rule = {
  id: 'national.hazardous-minimum-age',
  appliesTo: ['hazardous'],
  evaluate(ctx) {
    const national = nationalAge(ctx);
    if (national === null || ctx.age >= national.value) return null;
    const child = ctx.age < HAZARDOUS_WORK_AGE;
    return finding(
      this.id,
      nationalCitation(national),
      child ? 'worst_form' : 'prohibited',
      child ? 'national-hazardous.below-age' : 'national-hazardous.adult-below-age',
      {
        age: ctx.age,
        nationalHazardousAge: national.value,
        nationalCitation: national.citation ?? 'national-law',
        source: national.source,
        childAge: HAZARDOUS_WORK_AGE,
      },
    );
  },
  agesCompared: hazardousAges,
};
