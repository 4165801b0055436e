import type { WorkKind } from '../types.ts';
import { finding, type Rule } from './rule.ts';

/** C182 Art 2: a child is any person under 18. */
export const CHILD_AGE = 18;

/**
 * C182 Art 3(a)-(c): slavery and similar practices, commercial sexual exploitation and illicit
 * activities are worst forms for every child, with no exception and no minimum age to meet. From 18
 * they leave the child-labour Conventions, which is not to say they are lawful: other law (C029,
 * criminal law) still applies, and the message says so.
 */
function worstFormRule(id: string, work: WorkKind, citation: string): Rule {
  return {
    id,
    appliesTo: [work],
    evaluate(ctx) {
      const params = { age: ctx.age, childAge: CHILD_AGE, work: ctx.work };
      return ctx.age < CHILD_AGE
        ? finding(id, citation, 'worst_form', 'worst-form.child', params)
        : finding(id, 'C182 Art 2', 'permitted', 'worst-form.adult', params);
    },
    agesCompared: () => [CHILD_AGE],
  };
}

export const slaveryRule = worstFormRule('c182.slavery', 'slavery', 'C182 Art 3(a)');
export const sexualExploitationRule = worstFormRule('c182.sexual-exploitation', 'sexual_exploitation', 'C182 Art 3(b)');
export const illicitActivitiesRule = worstFormRule('c182.illicit-activities', 'illicit', 'C182 Art 3(c)');
