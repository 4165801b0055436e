import type { FieldIssue } from '../errors.ts';
import type { Confidence, Provenance } from '../facts.ts';
import { parsePartialDate } from '../partial-date.ts';

/**
 * The Governing Body of the International Labour Office (Constitution Art 7): its composition by
 * group, the seats held by the States of chief industrial importance, the members known for a
 * period and its sessions. Pure: the reference date is passed in, and every count comes from
 * sourced data (data/governing-body.json), never from this file. What the sources do not say
 * (which States held the elected seats in a period) stays unknown: an unknown seat is counted as
 * unknown, not as empty, and becomes a gap in the worklist.
 */

export const GB_GROUPS = ['government', 'employers', 'workers'] as const;
export type GbGroup = (typeof GB_GROUPS)[number];

export const GB_MEMBER_TYPES = ['titular', 'deputy'] as const;
export type GbMemberType = (typeof GB_MEMBER_TYPES)[number];

/** A government seat is held by a State of chief industrial importance (permanent) or by an elected State. */
export const GB_SEAT_KINDS = ['permanent', 'elected'] as const;
export type GbSeatKind = (typeof GB_SEAT_KINDS)[number];

/** The articles each rule rests on (the Constitution as in force; the 1986 amendment is not). */
export const GB_ARTICLES = {
  composition: 'Constitution Art 7(1)',
  chiefIndustrialImportance: 'Constitution Art 7(2)',
  nonGovernmentElection: 'Constitution Art 7(4)',
  term: 'Constitution Art 7(5)',
  substitutes: 'Constitution Art 7(6)',
} as const;

/**
 * The titular composition the Constitution sets (Art 7(1)): 56 persons, 28 representing governments,
 * 14 the employers and 14 the workers; 10 of the government seats are appointed by the Members of
 * chief industrial importance (Art 7(2)). Used only to check the sourced counts, never to fill them.
 */
export const ART_7_TITULAR = { government: 28, employers: 14, workers: 14, total: 56, permanent: 10 } as const;

/** The months the Governing Body usually meets in (March, June after the Conference, November). */
export const GB_SESSION_MONTHS = [3, 6, 11] as const;

export interface SeatCount extends Provenance {
  group: GbGroup | 'all';
  memberType: GbMemberType;
  seats: number;
}

export interface PermanentSeat extends Provenance {
  iso3: string;
}

export interface ElectionCycle extends Provenance {
  /** Years between elections (Art 7(5): three), as the source gives it. */
  years: number | null;
  /** The last election the source knows of ('YYYY-MM'), or null. */
  lastElection: string | null;
  /** The source's own words. */
  text: string;
}

export interface CompositionRules {
  seats: SeatCount[];
  permanentSeats: PermanentSeat[];
  electionCycle: ElectionCycle | null;
}

export interface GbMember {
  /** The State holding a government seat (or the country of an employers' or workers' member), or null. */
  holderIso3: string | null;
  /** The person or organisation (employers' and workers' members), or null for a State's seat. */
  holderName: string | null;
  group: GbGroup;
  memberType: GbMemberType;
  seat: GbSeatKind;
  source: string;
  confidence: Confidence | null;
  notes: string | null;
}

export interface GbPeriod extends Provenance {
  /** 'YYYY-YYYY', e.g. '2021-2024'. */
  id: string;
  /** Partial dates: the election that opened the period and the one that closes it. */
  startDate: string | null;
  endDate: string | null;
  /** The members the sources name; every seat not listed is unknown. */
  members: GbMember[];
}

export interface GbSession extends Provenance {
  /** The session's number, e.g. 349 (the 349th Session). */
  number: number;
  startDate: string | null;
  endDate: string | null;
  place: string | null;
  agenda: string[];
}

export interface CompositionCell {
  group: GbGroup;
  memberType: GbMemberType;
  /** Seats the sources give for the group (null: not in the sources). */
  seats: number | null;
  /** Government seats held by the States of chief industrial importance (titular government only). */
  permanent: number;
  /** Members the sources name, other than the permanent seats. */
  knownElected: number;
  /** Seats whose holder is unknown (null when the seat count itself is unknown). */
  unknown: number | null;
}

export type MembershipStatus = 'complete' | 'partial' | 'unknown';

export interface Composition {
  cells: CompositionCell[];
  totals: Record<GbMemberType, { seats: number | null; known: number; unknown: number | null }>;
  membership: MembershipStatus;
  /** Problems of the data itself (counts that do not add up, a State with two seats…). */
  issues: FieldIssue[];
  citations: string[];
}

export function seatCount(rules: CompositionRules, group: GbGroup | 'all', memberType: GbMemberType): number | null {
  return rules.seats.find((s) => s.group === group && s.memberType === memberType)?.seats ?? null;
}

/** The seat counts add up (groups to the total) and the titular ones are those of Art 7(1) and 7(2). */
export function checkSeatArithmetic(rules: CompositionRules): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const type of GB_MEMBER_TYPES) {
    const parts = GB_GROUPS.map((g) => seatCount(rules, g, type));
    const total = seatCount(rules, 'all', type);
    if (total !== null && parts.every((p) => p !== null)) {
      const sum = parts.reduce((a: number, b) => a + (b ?? 0), 0);
      if (sum !== total)
        issues.push({ field: `seats.${type}`, message: `the groups' ${type} seats add up to ${sum}, not ${total}`, rule: 'seats-add-up' });
    }
  }
  const titular = { government: seatCount(rules, 'government', 'titular'), employers: seatCount(rules, 'employers', 'titular') };
  for (const group of GB_GROUPS) {
    const n = seatCount(rules, group, 'titular');
    if (n !== null && n !== ART_7_TITULAR[group])
      issues.push({
        field: `seats.${group}.titular`,
        message: `${GB_ARTICLES.composition} gives ${ART_7_TITULAR[group]} titular ${group} seats, the data ${n}`,
        rule: 'article-7-1',
      });
  }
  const total = seatCount(rules, 'all', 'titular');
  if (total !== null && total !== ART_7_TITULAR.total)
    issues.push({
      field: 'seats.all.titular',
      message: `${GB_ARTICLES.composition} gives ${ART_7_TITULAR.total} titular seats, the data ${total}`,
      rule: 'article-7-1',
    });
  if (rules.permanentSeats.length !== ART_7_TITULAR.permanent)
    issues.push({
      field: 'permanentSeats',
      message: `${GB_ARTICLES.chiefIndustrialImportance} gives ${ART_7_TITULAR.permanent} seats to the States of chief industrial importance, the data lists ${rules.permanentSeats.length}`,
      rule: 'article-7-2',
    });
  const seen = new Set<string>();
  for (const p of rules.permanentSeats) {
    if (seen.has(p.iso3)) issues.push({ field: 'permanentSeats', message: `${p.iso3} is listed twice`, rule: 'one-government-seat' });
    seen.add(p.iso3);
  }
  if (titular.government !== null && rules.permanentSeats.length > titular.government)
    issues.push({ field: 'permanentSeats', message: 'more permanent seats than government seats', rule: 'article-7-2' });
  return issues;
}

/**
 * The members of a period against the rules: a State holds at most one government seat; a
 * permanent seat is a titular government seat of a listed State of chief industrial importance,
 * and such a State is not elected besides (Art 7(2)); no group has more members than seats.
 */
export function checkMembers(rules: CompositionRules, members: readonly GbMember[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const permanent = new Set(rules.permanentSeats.map((p) => p.iso3));
  const governmentSeats = new Map<string, number>();
  members.forEach((m, i) => {
    const field = `members[${i}]`;
    if (m.group === 'government') {
      if (!m.holderIso3) issues.push({ field: `${field}.holderIso3`, message: 'a government seat is held by a State: give its ISO3 code' });
      else governmentSeats.set(m.holderIso3, (governmentSeats.get(m.holderIso3) ?? 0) + 1);
    } else if (!m.holderName && !m.holderIso3)
      issues.push({ field: `${field}.holderName`, message: "name the employers' or workers' member (or their country)" });
    if (m.seat === 'permanent') {
      if (m.group !== 'government' || m.memberType !== 'titular')
        issues.push({
          field: `${field}.seat`,
          message: `only titular government seats are permanent (${GB_ARTICLES.chiefIndustrialImportance})`,
          rule: 'article-7-2',
        });
      else if (m.holderIso3 && !permanent.has(m.holderIso3))
        issues.push({
          field: `${field}.holderIso3`,
          message: `${m.holderIso3} is not among the States of chief industrial importance in the data (${[...permanent].join(', ')})`,
          rule: 'article-7-2',
        });
    } else if (m.group === 'government' && m.holderIso3 && permanent.has(m.holderIso3))
      issues.push({
        field: `${field}.seat`,
        message: `${m.holderIso3} holds a permanent seat and is not elected besides (${GB_ARTICLES.chiefIndustrialImportance})`,
        rule: 'article-7-2',
      });
  });
  for (const [iso3, n] of governmentSeats)
    if (n > 1)
      issues.push({
        field: 'members',
        message: `${iso3} holds ${n} government seats; a State holds at most one`,
        rule: 'one-government-seat',
      });
  for (const type of GB_MEMBER_TYPES)
    for (const group of GB_GROUPS) {
      const seats = seatCount(rules, group, type);
      const n = members.filter((m) => m.group === group && m.memberType === type).length;
      if (seats !== null && n > seats)
        issues.push({ field: 'members', message: `${n} ${type} ${group} members for ${seats} seats`, rule: 'seats-add-up' });
    }
  return issues;
}

/** Seat counts by group and type for a period, with what is known and what is not. */
export function composition(rules: CompositionRules, period: Pick<GbPeriod, 'members'>): Composition {
  const cells: CompositionCell[] = [];
  for (const memberType of GB_MEMBER_TYPES)
    for (const group of GB_GROUPS) {
      const here = period.members.filter((m) => m.group === group && m.memberType === memberType);
      const permanent = here.filter((m) => m.seat === 'permanent').length;
      const knownElected = here.length - permanent;
      const seats = seatCount(rules, group, memberType);
      cells.push({ group, memberType, seats, permanent, knownElected, unknown: seats === null ? null : Math.max(0, seats - here.length) });
    }
  const totals = Object.fromEntries(
    GB_MEMBER_TYPES.map((type) => {
      const mine = cells.filter((c) => c.memberType === type);
      const seats = seatCount(rules, 'all', type);
      const known = mine.reduce((a, c) => a + c.permanent + c.knownElected, 0);
      const unknown = mine.some((c) => c.unknown === null) ? null : mine.reduce((a, c) => a + (c.unknown ?? 0), 0);
      return [type, { seats, known, unknown }];
    }),
  ) as Composition['totals'];
  const known = totals.titular.known + totals.deputy.known;
  const unknown = (totals.titular.unknown ?? 1) + (totals.deputy.unknown ?? 1);
  const membership: MembershipStatus = unknown === 0 ? 'complete' : known === 0 ? 'unknown' : 'partial';
  return {
    cells,
    totals,
    membership,
    issues: [...checkSeatArithmetic(rules), ...checkMembers(rules, period.members)],
    citations: [GB_ARTICLES.composition, GB_ARTICLES.chiefIndustrialImportance, GB_ARTICLES.nonGovernmentElection, GB_ARTICLES.term],
  };
}

/** The period ids look like '2021-2024'; the second year follows the first. */
export function parsePeriodId(id: string): { startYear: number; endYear: number } | null {
  const m = /^(\d{4})-(\d{4})$/.exec(id);
  if (!m) return null;
  const startYear = Number(m[1]);
  const endYear = Number(m[2]);
  return endYear > startYear ? { startYear, endYear } : null;
}

/** The stored period that covers the reference date (YYYY-MM-DD), or null. */
export function periodAt<P extends Pick<GbPeriod, 'id' | 'startDate' | 'endDate'>>(periods: readonly P[], asOf: string): P | null {
  const day = asOf.slice(0, 10);
  return (
    periods.find((p) => {
      const start = p.startDate ?? String(parsePeriodId(p.id)?.startYear ?? '');
      const end = p.endDate ?? String(parsePeriodId(p.id)?.endYear ?? '');
      // A partial date compares by its known prefix: '2021-06' starts the period, '2024-06' ends it.
      return start !== '' && end !== '' && day.slice(0, start.length) >= start && day.slice(0, end.length) < end;
    }) ?? null
  );
}

/**
 * The period the election cycle puts the reference date in, counted from the last election the
 * source knows of (Art 7(5): three years). Derived, not sourced: shown as such, its members unknown.
 */
export function cyclePeriodAt(cycle: ElectionCycle | null, asOf: string): { id: string; startDate: string; endDate: string } | null {
  const last = parsePartialDate(cycle?.lastElection);
  if (!cycle?.years || !last) return null;
  const month = last.month ?? 1;
  const year = Number(asOf.slice(0, 4));
  const monthOf = Number(asOf.slice(5, 7)) || 1;
  // Whole cycles since the last known election, counting a year whose election month has not come yet as before it.
  const elapsed = year - last.year - (monthOf < month ? 1 : 0);
  if (elapsed < 0) return null;
  const start = last.year + Math.floor(elapsed / cycle.years) * cycle.years;
  const mm = last.month ? `-${String(month).padStart(2, '0')}` : '';
  return { id: `${start}-${start + cycle.years}`, startDate: `${start}${mm}`, endDate: `${start + cycle.years}${mm}` };
}

/** The problems of a session record: a positive number and dates in order; an unusual month is a warning. */
export function checkSession(s: Pick<GbSession, 'number' | 'startDate' | 'endDate'>): { errors: FieldIssue[]; warnings: FieldIssue[] } {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  if (!Number.isInteger(s.number) || s.number < 1 || s.number > 9999)
    errors.push({ field: 'number', message: 'number must be a whole number from 1 to 9999' });
  const start = parsePartialDate(s.startDate);
  const end = parsePartialDate(s.endDate);
  if (s.startDate && !start) errors.push({ field: 'startDate', message: 'startDate must be a date YYYY-MM-DD (or YYYY-MM, YYYY)' });
  if (s.endDate && !end) errors.push({ field: 'endDate', message: 'endDate must be a date YYYY-MM-DD (or YYYY-MM, YYYY)' });
  if (start && end && s.startDate && s.endDate && s.endDate.length === s.startDate.length && s.endDate < s.startDate)
    errors.push({ field: 'endDate', message: `the session cannot end (${s.endDate}) before it opens (${s.startDate})` });
  if (start?.month && !(GB_SESSION_MONTHS as readonly number[]).includes(start.month))
    warnings.push({
      field: 'startDate',
      message: 'the Governing Body usually meets in March, June and November: check the date against the source',
      rule: 'session-month',
    });
  return { errors, warnings };
}
