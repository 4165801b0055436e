import type { ConditionKey, NationalLightWork } from '../types.ts';
import { type AgeScope, finding, type Rule, type RuleContext } from './rule.ts';

/*
 * A national light-work exception (e.g. UU 13/2003 Pasal 69: ages 13-15, at most 3 hours a day, in
 * the daytime, not disturbing school). National rules only tighten C138 Art 7: they can add
 * conditions or prohibit, never permit what Art 7 forbids, because each is a separate rule and the
 * engine keeps the most severe verdict.
 *
 * The band applies as the law writes it, even where it reaches the minimum age M: Indonesia's runs
 * to 15 and M is 15, so light work at 15 still has Pasal 69's limits (Pasal 68 forbids employing
 * anyone under 18 except as Pasal 69-71 allow).
 */

/** A citation outside the profile's own law falls back to the article that lets States set these rules. */
const FALLBACK_CITATION = 'C138 Art 7(3)';

function inBand(lw: NationalLightWork, age: number): boolean {
  return age >= lw.minAge && age <= lw.maxAge;
}

function bandAges({ profile }: AgeScope): readonly number[] {
  const lw = profile?.lightWork;
  return lw ? [lw.minAge, lw.maxAge + 1] : [];
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
    if (inBand(lw, ctx.age)) {
      const params = bandParams(ctx, lw);
      params.hoursLimit = lw.maxHoursPerDay ?? 'none';
      return finding(this.id, citation, 'conditional', 'national-light-work.allowed', params, cachedConditions(lw));
    }
    // Below the band national law allows no light work at all. (Not only below M: a band that
    // started above M would otherwise make an older child's light work stricter than a younger's.)
    if (ctx.age < lw.minAge) {
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
    if (!lw || lw.maxHoursPerDay === null || ctx.hoursPerDay === null || !inBand(lw, ctx.age)) return null;
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
    if (!lw?.daytimeOnly || ctx.night !== true || !inBand(lw, ctx.age)) return null;
    return finding(this.id, lw.citation ?? FALLBACK_CITATION, 'prohibited', 'national-light-work.night', bandParams(ctx, lw));
  },
  agesCompared: bandAges,
};
