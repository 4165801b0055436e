import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/*
 * Flat reads for a unit's metrics and exports (issue 11, decision 223). Each query selects only
 * the columns the figures need: no sealed column is read for the metrics, so nothing identifying
 * is ever in memory while they are computed. Visits and actions come in one query each (joined to
 * the unit's cases), not one query per case.
 */
export interface MetricsCaseRow {
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

export interface MetricsVisitRow {
  case_id: string;
  visited_on: string;
  kind: string;
  child_found: number;
  in_child_labour: number | null;
}

export interface MetricsActionRow {
  case_id: string;
  kind: string;
  due_on: string;
  provided_on: string | null;
}

export interface UnitSettingsRow {
  id: number;
  name: string;
  follow_up_days: string;
  retention_months: number;
}

export class KyselyCaseMetricsReader {
  constructor(private readonly db: Kysely<Database>) {}

  async unitSettings(unitId: number): Promise<UnitSettingsRow | null> {
    const row = await this.db
      .selectFrom('monitoring_units')
      .select(['id', 'name', 'follow_up_days', 'retention_months'])
      .where('id', '=', unitId)
      .executeTakeFirst();
    return row ?? null;
  }

  /** Cases identified on or before `to` (a case identified later has no figure in the window). */
  async cases(unitId: number, to: string): Promise<MetricsCaseRow[]> {
    return this.db
      .selectFrom('cases')
      .select(['id', 'identified_on', 'verdict', 'sex', 'age_years', 'district', 'priority', 'closed_on', 'closure_reason'])
      .where('unit_id', '=', unitId)
      .where('identified_on', '<=', to)
      .orderBy('id')
      .execute();
  }

  async visits(unitId: number, to: string): Promise<MetricsVisitRow[]> {
    return this.db
      .selectFrom('case_visits as v')
      .innerJoin('cases as c', 'c.id', 'v.case_id')
      .select(['v.case_id', 'v.visited_on', 'v.kind', 'v.child_found', 'v.in_child_labour'])
      .where('c.unit_id', '=', unitId)
      .where('v.visited_on', '<=', to)
      .orderBy('v.case_id')
      .orderBy('v.visited_on')
      .orderBy('v.id')
      .execute();
  }

  async actions(unitId: number): Promise<MetricsActionRow[]> {
    return this.db
      .selectFrom('case_actions as a')
      .innerJoin('cases as c', 'c.id', 'a.case_id')
      .select(['a.case_id', 'a.kind', 'a.due_on', 'a.provided_on'])
      .where('c.unit_id', '=', unitId)
      .orderBy('a.case_id')
      .orderBy('a.id')
      .execute();
  }
}
