/**
 * The Governing Body for scripts/build-data.ts, from governing_body.csv: seat counts by group and
 * member type, the ten government seats of the States of chief industrial importance, the election
 * cycle, and the one period the source places in time (opened by the election it names). Which
 * States hold the elected seats is not in the source: those seats stay unknown (never filled here).
 */
import { resolve } from 'node:path';
import {
  type CompositionRules,
  checkMembers,
  checkSeatArithmetic,
  type ElectionCycle,
  GB_GROUPS,
  type GbGroup,
  type GbMember,
  type GbPeriod,
  type GbSession,
  type PermanentSeat,
  type SeatCount,
} from '../../src/domain/governance/governing-body.ts';
import { readCsv, rowsOf } from './csv.ts';
import { REF } from './paths.ts';
import { problem } from './problems.ts';

export interface GoverningBodyData {
  rules: CompositionRules;
  periods: GbPeriod[];
  /** No session is in the reference data; the secretariat records them. */
  sessions: GbSession[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "every 3 years; last election June 2021 (…)" → 3 and '2021-06'; null for what the text does not say. */
export function parseElectionCycle(text: string): { years: number | null; lastElection: string | null } {
  const years = /every (\d+) years?/i.exec(text);
  const last = /last election (?:held )?(?:in )?([A-Za-z]+)?\s*(\d{4})/i.exec(text);
  let lastElection: string | null = null;
  if (last?.[2]) {
    const month = last[1] ? MONTHS.indexOf(last[1].toLowerCase()) + 1 : 0;
    lastElection = month > 0 ? `${last[2]}-${String(month).padStart(2, '0')}` : last[2];
  }
  return { years: years?.[1] ? Number(years[1]) : null, lastElection };
}

function groupOf(raw: string): GbGroup | 'all' | null {
  const g = raw.trim().toLowerCase();
  if (g === 'all') return 'all';
  return (GB_GROUPS as readonly string[]).includes(g) ? (g as GbGroup) : null;
}

export function readGoverningBody(memberStates: ReadonlySet<string>): GoverningBodyData {
  const file = 'governing_body.csv';
  const table = readCsv(resolve(REF, file), file, ['item', 'group', 'member_type', 'value', 'source', 'confidence', 'notes']);
  const seats: SeatCount[] = [];
  const permanentSeats: PermanentSeat[] = [];
  let electionCycle: ElectionCycle | null = null;
  for (const c of rowsOf(table)) {
    const item = c.required('item');
    const provenance = { source: c.text('source'), confidence: c.confidence('confidence', { required: true }), notes: c.text('notes') };
    if (item === 'seats') {
      const group = groupOf(c.raw('group'));
      if (!group) c.bad('group', `unknown group "${c.raw('group')}"`);
      const memberType = c.raw('member_type');
      if (memberType !== 'titular' && memberType !== 'deputy') c.bad('member_type', `expected titular or deputy, got "${memberType}"`);
      const value = c.int('value', { required: true });
      if (group && value !== null && (memberType === 'titular' || memberType === 'deputy')) {
        if (seats.some((s) => s.group === group && s.memberType === memberType)) c.bad('group', `${group} ${memberType} seats given twice`);
        seats.push({ group, memberType, seats: value, ...provenance });
      }
    } else if (item === 'state_of_chief_industrial_importance') {
      const iso3 = c.required('value');
      if (!memberStates.has(iso3)) c.bad('value', `${iso3} is not a member State in member_states.csv`);
      if (!/permanent/.test(c.raw('member_type')))
        c.bad('member_type', 'a seat of chief industrial importance is a permanent titular seat');
      permanentSeats.push({ iso3, ...provenance });
    } else if (item === 'election_cycle') {
      const text = c.required('value');
      const parsed = parseElectionCycle(text);
      if (parsed.years === null) c.bad('value', `no cycle length ("every N years") in "${text}"`);
      electionCycle = { text, ...parsed, ...provenance };
    } else c.bad('item', `unknown item "${item}" (expected seats, state_of_chief_industrial_importance, election_cycle)`);
  }
  const rules: CompositionRules = { seats, permanentSeats, electionCycle };
  for (const issue of checkSeatArithmetic(rules)) problem(file, null, issue.field, issue.message);
  const periods = knownPeriods(rules);
  for (const p of periods)
    for (const issue of checkMembers(rules, p.members)) problem(file, null, issue.field, `${p.id}: ${issue.message}`);
  return { rules, periods, sessions: [] };
}

/**
 * The period opened by the last election the source names (its end follows from the cycle): its
 * only known members are the permanent seats, which the same source places in it.
 */
function knownPeriods(rules: CompositionRules): GbPeriod[] {
  const cycle = rules.electionCycle;
  const start = cycle?.lastElection ?? null;
  if (!cycle?.years || !start) return [];
  const startYear = Number(start.slice(0, 4));
  const endYear = startYear + cycle.years;
  const members: GbMember[] = rules.permanentSeats.map((p) => ({
    holderIso3: p.iso3,
    holderName: null,
    group: 'government',
    memberType: 'titular',
    seat: 'permanent',
    source: p.source ?? '',
    confidence: p.confidence,
    notes: null,
  }));
  return [
    {
      id: `${startYear}-${endYear}`,
      startDate: start,
      endDate: `${endYear}${start.slice(4)}`,
      members,
      source: cycle.source,
      confidence: cycle.confidence,
      notes: `Opened by the election the source dates ${start}; it ends at the next election ${cycle.years} years later (Constitution Art 7(5): derived, not in the source). The source names no elected member: every elected seat is unknown.`,
    },
  ];
}
