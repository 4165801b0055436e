import { ageParams, finding, minimumAgeCitation, type Rule } from './rule.ts';

/** C138 Art 2(1): no one under the minimum age is admitted to employment or work. */
export const minimumAgeRule: Rule = {
  id: 'c138.minimum-age',
  appliesTo: ['regular'],
  evaluate(ctx) {
    const citation = minimumAgeCitation(ctx.basis);
    return ctx.age >= ctx.minimumAge
      ? finding(this.id, citation, 'permitted', 'minimum-age.reached', ageParams(ctx))
      : finding(this.id, citation, 'prohibited', 'minimum-age.below', ageParams(ctx));
  },
  agesCompared: ({ minimumAge }) => [minimumAge],
};
