import type { WorkKind } from '../types.ts';
import { finding, type Rule } from './rule.ts';

/** C182 Art 2: a child is any person under 18. */
export const CHILD_AGE = 18;

/**
 * C182 Art 3(b)-(c): commercial sexual exploitation and illicit activities are worst forms for every
 * child, with no exception and no minimum age to meet. From 18 they leave the child-labour
 * Conventions, which is not to say they are lawful: the answer is `other_law` (never `permitted`)
 * and the message says that other law governs the activity.
 */
function worstFormRule(id: string, work: WorkKind, citation: string): Rule {
  return {
    id,
    appliesTo: [work],
    evaluate(ctx) {
      const params = { age: ctx.age, childAge: CHILD_AGE, work: ctx.work };
      return ctx.age < CHILD_AGE
        ? finding(id, citation, 'worst_form', 'worst-form.child', params)
        : finding(id, 'C182 Art 2', 'other_law', 'worst-form.adult', { age: ctx.age, childAge: CHILD_AGE, adultActivity: ctx.work });
    },
    agesCompared: () => [CHILD_AGE],
  };
}

/**
 * Slavery and practices similar to it are a worst form for a child (C182 Art 3(a)); for an adult they
 * are still forced or compulsory labour, which C029 Art 1(1) requires every ratifying State to
 * suppress, as defined in Art 2(1) (work exacted under menace of a penalty, not offered voluntarily).
 * So slavery is prohibited at every age and never falls to `other_law` or `permitted`.
 */
export const slaveryRule: Rule = {
  id: 'c182.slavery',
  appliesTo: ['slavery'],
  evaluate(ctx) {
    const params = { age: ctx.age, childAge: CHILD_AGE, work: ctx.work };
    return ctx.age < CHILD_AGE
      ? finding(this.id, 'C182 Art 3(a)', 'worst_form', 'worst-form.child', params)
      : finding('c029.forced-labour', 'C029 Art 1(1)', 'prohibited', 'forced-labour.any-age', params);
  },
  agesCompared: () => [CHILD_AGE],
};
export const sexualExploitationRule = worstFormRule('c182.sexual-exploitation', 'sexual_exploitation', 'C182 Art 3(b)');
export const illicitActivitiesRule = worstFormRule('c182.illicit-activities', 'illicit', 'C182 Art 3(c)');
