import type { ConditionKey, NationalNightWork, Sex } from '../types.ts';
import { type AgeScope, C138_EMPLOYMENT, finding, nationalCitation, type Rule, type RuleContext } from './rule.ts';
import { CHILD_AGE } from './worst-forms.ts';

/*
 * Night work by a person under 18, for every kind of employment or work C138 governs (work in a
 * school is outside it, Art 6). The night flag is never ignored:
 * - where the State's profile has a national night rule covering this worker (e.g. UU 13/2003
 *   Pasal 76(1): female workers under 18, 23.00-07.00), night work is prohibited under it;
 * - where that rule turns on the worker's sex and the sex is not stated, the answer is conditional:
 *   prohibited if the worker is of that sex, which is said as a condition rather than assumed;
 * - otherwise the work is conditional on R190 Para 3(e): work during the night is among the
 *   conditions national law should consider in determining hazardous work for persons under 18
 *   (C182 Art 4(1), C138 Art 3(2)), so whether this night work is hazardous must be established.
 */

const HAZARD_CONDITIONS: readonly ConditionKey[] = ['night-hazard-considered'];
const NOT_SEX_CONDITIONS: Record<Sex, readonly ConditionKey[]> = {
  female: ['national-night-not-female', 'night-hazard-considered'],
  male: ['national-night-not-male', 'night-hazard-considered'],
};

function nationalRule(ctx: Pick<RuleContext, 'profile'>): NationalNightWork | null {
  return ctx.profile?.nightWork ?? null;
}

function nightParams(ctx: RuleContext, nw: NationalNightWork): Record<string, string | number> {
  return {
    age: ctx.age,
    underAge: nw.underAge,
    nightSex: nw.sex ?? 'any',
    from: nw.from,
    to: nw.to,
    nationalCitation: nw.citation ?? 'national-law',
    source: nw.source,
  };
}

export const nightWorkRule: Rule = {
  id: 'r190.night-work',
  appliesTo: C138_EMPLOYMENT,
  evaluate(ctx) {
    // Age first: the screener keys its cache on night only for rows whose rules read it (adults' never do).
    if (ctx.age >= CHILD_AGE || ctx.night !== true) return null;
    const nw = nationalRule(ctx);
    if (nw && ctx.age < nw.underAge) {
      const citation = nationalCitation(nw);
      if (nw.sex === undefined || nw.sex === ctx.sex) {
        return finding('national.night-work', citation, 'prohibited', 'night-work.national', nightParams(ctx, nw));
      }
      if (ctx.sex === null) {
        return finding(
          'national.night-work',
          citation,
          'conditional',
          'night-work.national-sex-unknown',
          nightParams(ctx, nw),
          NOT_SEX_CONDITIONS[nw.sex],
        );
      }
      return finding(
        'r190.night-work',
        'R190 Para 3(e)',
        'conditional',
        'night-work.national-other-sex',
        nightParams(ctx, nw),
        HAZARD_CONDITIONS,
      );
    }
    return finding(
      'r190.night-work',
      'R190 Para 3(e)',
      'conditional',
      'night-work.hazard-consideration',
      { age: ctx.age, childAge: CHILD_AGE },
      HAZARD_CONDITIONS,
    );
  },
  agesCompared: (scope: AgeScope) => {
    const nw = nationalRule(scope);
    return nw ? [CHILD_AGE, nw.underAge] : [CHILD_AGE];
  },
};
