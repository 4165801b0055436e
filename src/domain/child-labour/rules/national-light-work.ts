import type { ConditionKey, NationalLightWork } from '../types.ts';
import { type AgeScope, finding, note, type Rule, type RuleContext } from './rule.ts';

/*
 * A national light-work exception (e.g. UU 13/2003 Pasal 69: ages 13-15, at most 3 hours a day, in
 * the daytime, not disturbing school). National rules only tighten C138 Art 7: they can add
 * conditions or prohibit, never permit what Art 7 forbids, because each is a separate rule and the
 * engine keeps the most severe verdict.
 *
 * The band never applies at or above the general minimum age M: from M, light work is ordinary
 * work, allowed as regular work is (C138 Art 7(1) allows light work *below* the minimum age; it
 * adds nothing once that age is reached). Indonesia's UU 13/2003 Pasal 69(1) says "13 sampai
 * dengan 15 tahun", words taken from C138 Art 7(1) "persons 13 to 15 years of age", which the
 * Convention's supervisory bodies read as from 13 until the minimum age of 15 is reached; Pasal 69
 * is read the same way, so at 15 its hour and daytime limits no longer apply, and a note says so.
 * Otherwise a 15-year-old's light work would be judged more severely than the same person's
 * regular work.
 */

/** A citation outside the profile's own law falls back to the article that lets States set these rules. */
const FALLBACK_CITATION = 'C138 Art 7(3)';

function inBand(lw: NationalLightWork, ctx: Pick<RuleContext, 'age' | 'minimumAge'>): boolean {
  return ctx.age >= lw.minAge && ctx.age <= lw.maxAge && ctx.age < ctx.minimumAge;
}

function bandAges({ profile, minimumAge }: AgeScope): readonly number[] {
  const lw = profile?.lightWork;
  return lw ? [lw.minAge, lw.maxAge + 1, minimumAge] : [];
}

function bandParams(ctx: RuleContext, lw: NationalLightWork): Record<string, string | number> {
  return {
    age: ctx.age,
    minimumAge: ctx.minimumAge,
    basis: ctx.basis,
    minAge: lw.minAge,
    maxAge: lw.maxAge,
    nationalCitation: lw.citation ?? 'national-law',
    source: lw.source,
  };
}

/** Conditions of the national exception. Light work is by definition not harmful (Pasal 69(1), Art 7(1)(a)). */
function conditionsOf(lw: NationalLightWork): readonly ConditionKey[] {
  const out: ConditionKey[] = ['light-not-harmful'];
  if (lw.maxHoursPerDay !== null) out.push('national-max-hours-per-day');
  if (lw.daytimeOnly) out.push('national-daytime-only');
  if (lw.outsideSchoolHours) out.push('national-outside-school-hours');
  for (const c of lw.conditions) if (!out.includes(c)) out.push(c);
  return out;
}

// The condition list depends only on the profile's data, so it is built once per profile object.
const CONDITIONS_CACHE = new WeakMap<NationalLightWork, readonly ConditionKey[]>();
function cachedConditions(lw: NationalLightWork): readonly ConditionKey[] {
  let c = CONDITIONS_CACHE.get(lw);
  if (!c) {
    c = conditionsOf(lw);
    CONDITIONS_CACHE.set(lw, c);
  }
  return c;
}

export const nationalLightWorkRule: Rule = {
  id: 'national.light-work',
  appliesTo: ['light'],
  evaluate(ctx) {
    const lw = ctx.profile?.lightWork;
    if (!lw) return null;
    const citation = lw.citation ?? FALLBACK_CITATION;
    if (inBand(lw, ctx)) {
      const params = bandParams(ctx, lw);
      params.hoursLimit = lw.maxHoursPerDay ?? 'none';
      return finding(this.id, citation, 'conditional', 'national-light-work.allowed', params, cachedConditions(lw));
    }
    // The law's words reach this age, but the band ends at M (see the comment at the top).
    if (ctx.age >= ctx.minimumAge && ctx.age >= lw.minAge && ctx.age <= lw.maxAge) {
      return note(this.id, citation, 'national-light-work.band-ends-at-minimum-age', bandParams(ctx, lw));
    }
    // Below the band, and below M, national law allows no light work at all.
    if (ctx.age < lw.minAge && ctx.age < ctx.minimumAge) {
      return finding(this.id, citation, 'prohibited', 'national-light-work.below-age', bandParams(ctx, lw));
    }
    return null;
  },
  agesCompared: bandAges,
};

export const nationalLightWorkHoursRule: Rule = {
  id: 'national.light-work-hours',
  appliesTo: ['light'],
  evaluate(ctx) {
    const lw = ctx.profile?.lightWork;
    // The band first: outside it the hours do not matter, and the screener keys on them only where read.
    if (!lw || lw.maxHoursPerDay === null || !inBand(lw, ctx) || ctx.hoursPerDay === null) return null;
    if (ctx.hoursPerDay <= lw.maxHoursPerDay) return null;
    const params = bandParams(ctx, lw);
    params.hoursPerDay = ctx.hoursPerDay;
    params.maxHoursPerDay = lw.maxHoursPerDay;
    return finding(this.id, lw.citation ?? FALLBACK_CITATION, 'prohibited', 'national-light-work.too-many-hours', params);
  },
  agesCompared: bandAges,
};

export const nationalLightWorkNightRule: Rule = {
  id: 'national.light-work-night',
  appliesTo: ['light'],
  evaluate(ctx) {
    const lw = ctx.profile?.lightWork;
    if (!lw?.daytimeOnly || !inBand(lw, ctx) || ctx.night !== true) return null;
    return finding(this.id, lw.citation ?? FALLBACK_CITATION, 'prohibited', 'national-light-work.night', bandParams(ctx, lw));
  },
  agesCompared: bandAges,
};
