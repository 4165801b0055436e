import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/storage/schema.ts';

/*
 * Monitoring units and generated cases written straight into the tables with Kysely (batched), for
 * the metrics, export and retention tests and the metrics page's browser test. Deterministic: the
 * same seed gives the same cases (ids aside).
 */
export const FOLLOW_UP_DAYS = { worst_form: 30, hazardous: 60, vulnerable: 90, other: 120 };

export async function insertUnit(
  db: Kysely<Database>,
  name: string,
  options: { retentionMonths?: number; followUpDays?: Record<string, number> } = {},
): Promise<number> {
  const row = await db
    .insertInto('monitoring_units')
    .values({
      name,
      kind: 'cooperative',
      country_iso3: 'IDN',
      province: 'Sulawesi Tengah',
      district: null,
      supply_chain: null,
      commodity: 'cocoa',
      follow_up_days: JSON.stringify(options.followUpDays ?? FOLLOW_UP_DAYS),
      lost_after_attempts: 3,
      retention_months: options.retentionMonths ?? 24,
      created_at: '2026-01-01T00:00:00.000Z',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function addMember(db: Kysely<Database>, unitId: number, userId: number, role: string): Promise<void> {
  await db
    .insertInto('unit_members')
    .values({ unit_id: unitId, user_id: userId, role, added_at: '2026-01-01T00:00:00.000Z', added_by: null })
    .execute();
}

/** A deterministic generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export interface GeneratedCase {
  id: string;
  identified_on: string;
  verdict: string | null;
  sex: string | null;
  age_years: number | null;
  district: string | null;
  priority: string;
  closed_on: string | null;
  closure_reason: string | null;
}
export interface GeneratedVisit {
  case_id: string;
  visited_on: string;
  kind: string;
  child_found: number;
  in_child_labour: number | null;
}
export interface GeneratedAction {
  case_id: string;
  due_on: string;
  provided_on: string | null;
}
export interface Generated {
  cases: GeneratedCase[];
  visits: GeneratedVisit[];
  actions: GeneratedAction[];
}

const PRIORITY_RANK: Record<string, number> = { worst_form: 1, hazardous: 2, vulnerable: 3, other: 4 };

/** `n` cases identified from 2023-01-01 over about four years, with visits (distinct days per case) and actions. */
export function generateCases(n: number, seed: number): Generated {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out: Generated = { cases: [], visits: [], actions: [] };
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    const identified = addDays('2023-01-01', Math.floor(r() * 1400));
    const closed = r() < 0.3;
    out.cases.push({
      id,
      identified_on: identified,
      verdict: pick(['worst_form', 'prohibited', 'prohibited', 'conditional', null]),
      sex: pick(['female', 'male', 'male', null]),
      age_years: r() < 0.1 ? null : 3 + Math.floor(r() * 17),
      district: pick(['Poso', 'Sigi', 'Donggala', null]),
      priority: pick(['worst_form', 'hazardous', 'vulnerable', 'other']),
      closed_on: closed ? addDays(identified, 20 + Math.floor(r() * 600)) : null,
      closure_reason: closed ? pick(['no_longer_in_child_labour', 'moved_away', 'turned_18', 'lost_to_follow_up', 'duplicate']) : null,
    });
    if (r() < 0.5)
      out.visits.push({ case_id: id, visited_on: identified, kind: 'identification', child_found: 1, in_child_labour: r() < 0.6 ? 1 : 0 });
    let day = identified;
    for (let v = Math.floor(r() * 6); v > 0; v--) {
      day = addDays(day, 1 + Math.floor(r() * 150));
      const found = r() < 0.85;
      out.visits.push({
        case_id: id,
        visited_on: day,
        kind: found ? 'follow_up' : 'attempt',
        child_found: found ? 1 : 0,
        in_child_labour: found ? pick([1, 0, 0, null]) : null,
      });
    }
    for (let a = Math.floor(r() * 4); a > 0; a--) {
      out.actions.push({
        case_id: id,
        due_on: addDays(identified, Math.floor(r() * 60)),
        provided_on: r() < 0.7 ? addDays(identified, Math.floor(r() * 200)) : null,
      });
    }
  }
  return out;
}

const BATCH = 400;

export async function insertGenerated(db: Kysely<Database>, unitId: number, g: Generated, firstNumber = 1): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  for (let i = 0; i < g.cases.length; i += BATCH) {
    await db
      .insertInto('cases')
      .values(
        g.cases.slice(i, i + BATCH).map((c, j) => ({
          ...c,
          unit_id: unitId,
          case_number: firstNumber + i + j,
          worker_ref: null,
          origin: 'screening',
          status: c.closed_on ? 'closed' : 'follow_up',
          priority_rank: PRIORITY_RANK[c.priority] ?? 4,
          age_precision: c.age_years === null ? 'unknown' : 'estimated',
          country_iso3: 'IDN',
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  }
  for (let i = 0; i < g.visits.length; i += BATCH) {
    await db
      .insertInto('case_visits')
      .values(g.visits.slice(i, i + BATCH).map((v) => ({ ...v, monitor_user_id: null, created_at: at })))
      .execute();
  }
  for (let i = 0; i < g.actions.length; i += BATCH) {
    await db
      .insertInto('case_actions')
      .values(g.actions.slice(i, i + BATCH).map((a) => ({ ...a, kind: 'school_kit', responsible: 'cooperative', created_at: at })))
      .execute();
  }
}
