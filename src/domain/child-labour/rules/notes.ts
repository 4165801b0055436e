import { LOWEST_DECLARABLE_AGE } from '../minimum-age.ts';
import { AGE_BOUND_WORK, C138_WORK, nationalCitation, noAges, note, type Rule, SCHOOL_RELEVANT_WORK } from './rule.ts';

/*
 * Notes: rules that restrict nothing by themselves (kind `note`) but state a fact the answer
 * rests on, so that a reader can see why the minimum age is what it is.
 */

/** C138 Art 12(1): the Convention binds only the Members whose ratification is registered. */
export const c138NotBoundRule: Rule = {
  id: 'c138.not-bound',
  appliesTo: C138_WORK,
  evaluate(ctx) {
    if (ctx.facts.c138.ratified) return null;
    return note(this.id, 'C138 Art 12(1)', 'note.c138-not-bound', { minimumAge: ctx.minimumAge, basis: ctx.basis });
  },
  agesCompared: noAges,
};

/** C182 Art 10(1): likewise for C182; its worst forms remain the international reference. */
export const c182NotBoundRule: Rule = {
  id: 'c182.not-bound',
  appliesTo: ['hazardous', 'slavery', 'sexual_exploitation', 'illicit'],
  evaluate(ctx) {
    if (ctx.facts.c182.ratified) return null;
    return note(this.id, 'C182 Art 10(1)', 'note.c182-not-bound', { age: ctx.age });
  },
  agesCompared: noAges,
};

/** C138 Art 2(1): national law below the declared age falls short of it; the declaration governs. */
export const nationalShortfallRule: Rule = {
  id: 'c138.national-shortfall',
  appliesTo: AGE_BOUND_WORK,
  evaluate(ctx) {
    const declared = ctx.facts.c138.declaredAge;
    const national = ctx.profile?.generalMinimumAge;
    if (!ctx.facts.c138.ratified || declared === null || !national || national.value >= declared) return null;
    return note(this.id, 'C138 Art 2(1)', 'note.national-shortfall', {
      declared,
      national: national.value,
      source: national.source,
    });
  },
  agesCompared: noAges,
};

/**
 * C138 Art 2(1): a ratifying State with no recorded declaration. A national age of at least 14 is
 * used as M; one below 14 cannot be (no declaration may be lower, Art 2(4)), so it is set aside.
 */
export const declarationUnrecordedRule: Rule = {
  id: 'c138.declaration-unrecorded',
  appliesTo: AGE_BOUND_WORK,
  evaluate(ctx) {
    const national = ctx.profile?.generalMinimumAge;
    if (!ctx.facts.c138.ratified || ctx.facts.c138.declaredAge !== null || !national) return null;
    const params = { national: national.value, source: national.source };
    return national.value >= LOWEST_DECLARABLE_AGE
      ? note(this.id, 'C138 Art 2(1)', 'note.declaration-unrecorded-national', params)
      : note(this.id, 'C138 Art 2(4)', 'note.national-below-any-declaration', params);
  },
  agesCompared: noAges,
};

/** C138 Art 2(3): the minimum age is tied to the end of compulsory schooling; work must not displace school. */
export const compulsoryEducationRule: Rule = {
  id: 'national.compulsory-education',
  appliesTo: SCHOOL_RELEVANT_WORK,
  evaluate(ctx) {
    const education = ctx.profile?.compulsoryEducationAge;
    if (!education || ctx.age >= education.value) return null;
    return note(this.id, 'C138 Art 2(3)', 'note.compulsory-education', {
      age: ctx.age,
      educationAge: education.value,
      source: education.source,
    });
  },
  agesCompared: ({ profile }) => (profile?.compulsoryEducationAge ? [profile.compulsoryEducationAge.value] : []),
};

/** The national definition of a child (e.g. under 18, UU 13/2003 Pasal 1 angka 26). */
export const nationalChildRule: Rule = {
  id: 'national.child',
  appliesTo: ['regular', 'light', 'hazardous', 'slavery', 'sexual_exploitation', 'illicit', 'training', 'school', 'artistic'],
  evaluate(ctx) {
    const child = ctx.profile?.childUnderAge;
    if (!child || ctx.age >= child.value) return null;
    return note(this.id, nationalCitation(child), 'note.national-child', {
      age: ctx.age,
      childUnderAge: child.value,
      nationalCitation: child.citation ?? 'national-law',
      source: child.source,
    });
  },
  agesCompared: ({ profile }) => (profile?.childUnderAge ? [profile.childUnderAge.value] : []),
};
