import type { ConditionKey } from '../types.ts';
import { ageParams, finding, minimumAgeCitation, type Rule } from './rule.ts';

const ARTISTIC_CONDITIONS: readonly ConditionKey[] = ['artistic-individual-permit', 'artistic-permit-limits'];

/**
 * C138 Art 8: below the minimum age, artistic performances need a permit granted in the individual
 * case, which limits the hours and prescribes the conditions (Art 8(2)). Art 8 sets no lower age.
 */
export const artisticRule: Rule = {
  id: 'c138.artistic',
  appliesTo: ['artistic'],
  evaluate(ctx) {
    return ctx.age >= ctx.minimumAge
      ? finding(this.id, minimumAgeCitation(ctx.basis), 'permitted', 'artistic.reached-minimum-age', ageParams(ctx))
      : finding(this.id, 'C138 Art 8(1)', 'conditional', 'artistic.permit', ageParams(ctx), ARTISTIC_CONDITIONS);
  },
  agesCompared: ({ minimumAge }) => [minimumAge],
};
