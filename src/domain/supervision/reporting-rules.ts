import type { InstrumentCategory } from '../instrument.ts';

/**
 * The calendar rules of Constitution Art 22 reporting, as data. The Governing Body sets how often
 * ratifying States report on each category of Convention and staggers the States in alphabetical
 * groups; it changes these rules every few years, so each rule set carries a validity period and
 * its source, and nothing here is a constant: until the secretariat enters a rule set and its
 * groups' base years, the regular reports it would give are "unknown" (never guessed).
 */

/** The reporting cycle of one category of Convention over a period (Governing Body decision). */
export interface ReportingRuleSet {
  /** A stable key chosen by the secretariat, e.g. 'fundamental-2012'. */
  id: string;
  category: InstrumentCategory;
  /** Years between two regular reports on one Convention (e.g. 3, 6). */
  cycleYears: number;
  /** First calendar year the rule set applies to (the cycle counts from here). */
  sinceYear: number;
  /** Last calendar year it applies to; null while it is the rule in force. */
  untilYear: number | null;
  source: string;
  notes: string | null;
}

/**
 * The calendar year in which one alphabetical group of States reports under a rule set (and every
 * year a whole cycle before or after it). `subject` narrows it to the Conventions on one subject
 * (so that Conventions on the same subject are reported on in the same year); null: every
 * Convention of the rule set's category.
 */
export interface GroupBaseYear {
  ruleSetId: string;
  /** The group as the Governing Body names it, e.g. 'A–F'. */
  label: string;
  /** First and last initial (A–Z) of the English names of the States in the group, inclusive. */
  firstLetter: string;
  lastLetter: string;
  subject: string | null;
  baseYear: number;
  source: string;
}

/** The key of a group's base year in the history and the API: rule set, group, subject ('*': any). */
export function groupBaseYearKey(g: Pick<GroupBaseYear, 'ruleSetId' | 'label' | 'subject'>): string {
  return `${g.ruleSetId}/${g.label}/${g.subject ?? '*'}`;
}

/** The rule set of a category that applies in `year`, if one was entered. */
export function ruleSetFor(ruleSets: readonly ReportingRuleSet[], category: InstrumentCategory, year: number): ReportingRuleSet | null {
  return ruleSets.find((r) => r.category === category && r.sinceYear <= year && (r.untilYear === null || year <= r.untilYear)) ?? null;
}

/**
 * The initial a State is grouped under: the first letter of its English name, without accents and
 * without a leading "The" (the groups follow the alphabetical order of the names).
 */
export function groupInitial(nameEn: string): string | null {
  const plain = nameEn
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^\s*the\s+/i, '')
    .trim();
  const first = plain.charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : null;
}

/**
 * The base year that applies to a State and a Convention under a rule set: the group whose letters
 * hold the State's initial, for one of the Convention's subjects first, then for any subject.
 */
export function groupYearFor(
  groups: readonly GroupBaseYear[],
  ruleSetId: string,
  initial: string,
  subjects: readonly string[],
): GroupBaseYear | null {
  const candidates = groups.filter((g) => g.ruleSetId === ruleSetId && g.firstLetter <= initial && initial <= g.lastLetter);
  return candidates.find((g) => g.subject !== null && subjects.includes(g.subject)) ?? candidates.find((g) => g.subject === null) ?? null;
}

/** The years from `from` to `to` (inclusive) in which a group with this base year reports on a cycle. */
export function cycleYears(baseYear: number, cycle: number, from: number, to: number): number[] {
  const years: number[] = [];
  if (cycle < 1) return years;
  const offset = (((from - baseYear) % cycle) + cycle) % cycle;
  for (let y = offset === 0 ? from : from + (cycle - offset); y <= to; y += cycle) years.push(y);
  return years;
}
