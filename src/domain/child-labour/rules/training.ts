import type { ConditionKey } from '../types.ts';
import { ageParams, finding, minimumAgeCitation, noAges, type Rule } from './rule.ts';

/** C138 Art 6: work in an undertaking as part of training is allowed from 14. */
export const TRAINING_MIN_AGE = 14;

const TRAINING_CONDITIONS: readonly ConditionKey[] = ['training-authority-conditions', 'training-part-of-programme'];

/**
 * C138 Art 6: work by persons of at least 14 in undertakings, as an integral part of an education,
 * training or orientation programme and under conditions the competent authority prescribes.
 */
export const trainingRule: Rule = {
  id: 'c138.training',
  appliesTo: ['training'],
  evaluate(ctx) {
    if (ctx.age >= ctx.minimumAge) {
      return finding(this.id, minimumAgeCitation(ctx.basis), 'permitted', 'training.reached-minimum-age', ageParams(ctx));
    }
    return ctx.age >= TRAINING_MIN_AGE
      ? finding(this.id, 'C138 Art 6', 'conditional', 'training.allowed', ageParams(ctx), TRAINING_CONDITIONS)
      : finding(this.id, 'C138 Art 6', 'prohibited', 'training.under-14', ageParams(ctx));
  },
  agesCompared: ({ minimumAge }) => [minimumAge, TRAINING_MIN_AGE],
};

/** C138 Art 6: the Convention does not apply to work done in schools or training institutions. */
export const schoolRule: Rule = {
  id: 'c138.school',
  appliesTo: ['school'],
  evaluate(ctx) {
    return finding(this.id, 'C138 Art 6', 'permitted', 'school.outside-scope', { age: ctx.age });
  },
  agesCompared: noAges,
};
