import type { CaseAssessment } from './types.ts';

/*
 * Priority of a case, from the screening verdict the case carries (issue 11, "Priority and
 * worklists"): worst forms first, then hazardous work, then younger children and children out of
 * school, then the rest. Each tier cites what puts the case there:
 * - worst_form: the verdict's C182 Art 3 reasons (slavery, sexual exploitation, illicit activities,
 *   or hazardous work of a person under 18, Art 3(d));
 * - hazardous: a prohibited verdict resting on a hazardous-work rule (C138 Art 3(1), national
 *   hazardous age), or night work, which R190 Para 3(e) names among the conditions of hazardous work;
 * - vulnerable: a child under the light-work floor (C138 Art 7(1): 13; configurable) or out of school
 *   (C138 Art 2(3): the minimum age is not below the end of compulsory schooling);
 * - other: every other verdict (prohibited, conditional, other_law).
 * Within a tier, younger children come first; an unknown age sorts last.
 */
export const PRIORITY_TIERS = ['worst_form', 'hazardous', 'vulnerable', 'other'] as const;
export type PriorityTier = (typeof PRIORITY_TIERS)[number];

export interface Priority {
  tier: PriorityTier;
  /** 1 (most urgent) to 4. */
  rank: number;
  citations: string[];
}

export interface PriorityOptions {
  /** Children under this age rank as vulnerable; C138 Art 7(1) allows no light work below 13. */
  youngAge: number;
}

export const DEFAULT_PRIORITY_OPTIONS: PriorityOptions = { youngAge: 13 };

const HAZARDOUS_RULES = new Set(['c138.hazardous-work', 'national.hazardous-minimum-age']);
const NIGHT_RULES = new Set(['r190.night-work', 'national.night-work', 'national.light-work-night']);

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function casePriority(a: CaseAssessment, options: PriorityOptions = DEFAULT_PRIORITY_OPTIONS): Priority {
  const deciding = a.reasons.filter((r) => r.verdict === a.verdict);
  if (a.verdict === 'worst_form') {
    return { tier: 'worst_form', rank: 1, citations: unique(deciding.map((r) => r.citation)) };
  }
  if (a.verdict === 'prohibited') {
    const hazard = a.reasons.filter((r) => r.verdict === 'prohibited' && HAZARDOUS_RULES.has(r.rule)).map((r) => r.citation);
    const night = a.night || a.reasons.some((r) => NIGHT_RULES.has(r.rule));
    if (hazard.length > 0 || night) {
      const nightCitations = night ? ['R190 Para 3(e)', ...a.reasons.filter((r) => NIGHT_RULES.has(r.rule)).map((r) => r.citation)] : [];
      return { tier: 'hazardous', rank: 2, citations: unique([...hazard, ...nightCitations]) };
    }
  }
  const citations: string[] = [];
  if (a.age !== null && a.age < options.youngAge) citations.push('C138 Art 7(1)');
  if (a.inSchool === false) citations.push('C138 Art 2(3)');
  if (citations.length > 0 && (a.verdict === 'prohibited' || a.verdict === 'conditional')) {
    return { tier: 'vulnerable', rank: 3, citations: unique([...citations, ...deciding.map((r) => r.citation)]) };
  }
  return { tier: 'other', rank: 4, citations: unique(deciding.map((r) => r.citation)) };
}

/** Worklist order: tier, then the younger child first, unknown ages last. */
export function comparePriority(a: { priority: Priority; age: number | null }, b: { priority: Priority; age: number | null }): number {
  if (a.priority.rank !== b.priority.rank) return a.priority.rank - b.priority.rank;
  return (a.age ?? Number.POSITIVE_INFINITY) - (b.age ?? Number.POSITIVE_INFINITY);
}
