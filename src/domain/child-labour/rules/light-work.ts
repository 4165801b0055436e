import type { ConditionKey } from '../types.ts';
import { ageParams, finding, minimumAgeCitation, type Rule } from './rule.ts';

const LIGHT_WORK_CONDITIONS: readonly ConditionKey[] = ['light-not-harmful', 'light-no-school-prejudice', 'light-authority-determined'];

/**
 * C138 Art 7(1): light work from 13 up to the minimum age, if not harmful to health or development
 * and not prejudicing school; Art 7(3): the competent authority determines the activities and hours.
 * Art 7(4): a State that specified 14 may use 12 instead of 13.
 */
export function lightWorkAge(minimumAge: number): number {
  return minimumAge === 14 ? 12 : 13;
}

export const lightWorkRule: Rule = {
  id: 'c138.light-work',
  appliesTo: ['light'],
  evaluate(ctx) {
    // Checked first: at or above M light work is ordinary work, whatever the light-work age.
    if (ctx.age >= ctx.minimumAge) {
      return finding(this.id, minimumAgeCitation(ctx.basis), 'permitted', 'light-work.reached-minimum-age', ageParams(ctx));
    }
    const lightAge = lightWorkAge(ctx.minimumAge);
    const citation = lightAge === 12 ? 'C138 Art 7(4)' : 'C138 Art 7(1)';
    const params = { age: ctx.age, minimumAge: ctx.minimumAge, basis: ctx.basis, lightWorkAge: lightAge };
    return ctx.age >= lightAge
      ? finding(this.id, citation, 'conditional', 'light-work.allowed', params, LIGHT_WORK_CONDITIONS)
      : finding(this.id, citation, 'prohibited', 'light-work.below-age', params);
  },
  agesCompared: ({ minimumAge }) => [minimumAge, lightWorkAge(minimumAge)],
};
