import type { Generated } from 'kysely';

/** Tables of issue 11, child-labour monitoring (migration 2026-12-04-013-monitoring, decision 210). */
export interface MonitoringUnitsTable {
  id: Generated<number>;
  name: string;
  /** company_supply_chain | cooperative | labour_office | ngo_project | other */
  kind: string;
  country_iso3: string;
  province: string | null;
  district: string | null;
  supply_chain: string | null;
  commodity: string | null;
  /** JSON {"worst_form": days, ...}: follow-up interval per priority tier (FollowUpIntervals). */
  follow_up_days: string;
  lost_after_attempts: number;
  /** Closed cases are anonymised this many months after closing (retention.ts). */
  retention_months: number;
  next_case_number: Generated<number>;
  created_at: string;
  created_by: number | null;
}

export interface UnitMembersTable {
  id: Generated<number>;
  unit_id: number;
  user_id: number;
  /** monitor | case_manager | viewer | unit_admin (src/domain/monitoring/unit-roles.ts) */
  role: string;
  added_at: string;
  added_by: number | null;
}

export interface CasesTable {
  id: string;
  unit_id: number;
  case_number: number;
  worker_ref: string | null;
  /** visit | screening | referral | check */
  origin: string;
  status: string;
  /** PriorityTier */
  priority: string;
  priority_rank: number;
  identified_on: string;
  assigned_to: number | null;
  sex: string | null;
  age_years: number | null;
  /** exact | estimated | unknown */
  age_precision: string;
  province: string | null;
  district: string | null;
  household_ref: string | null;
  school_enrolled: number | null;
  school_attending: number | null;
  work_task: string | null;
  commodity: string | null;
  hours_per_day: number | null;
  night_work: number | null;
  /** JSON string[] */
  hazards: Generated<string>;
  country_iso3: string;
  verdict: string | null;
  minimum_age: number | null;
  /** JSON: the engine's reasons (rule, citation, verdict) kept with the case. */
  assessment: string | null;
  name_enc: string | null;
  birth_date_enc: string | null;
  village_enc: string | null;
  location_enc: string | null;
  contact_enc: string | null;
  notes_enc: string | null;
  consent_by_enc: string | null;
  consent_relation: string | null;
  consent_on: string | null;
  /** JSON string[] */
  consent_purposes: string | null;
  closed_on: string | null;
  closure_reason: string | null;
  anonymised_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CaseVisitsTable {
  id: Generated<number>;
  case_id: string;
  visited_on: string;
  /** identification | follow_up | attempt (child not found) */
  kind: string;
  monitor_user_id: number | null;
  child_found: Generated<number>;
  in_child_labour: number | null;
  at_school: number | null;
  notes_enc: string | null;
  created_at: string;
}

export interface CaseActionsTable {
  id: Generated<number>;
  case_id: string;
  kind: string;
  responsible: string;
  due_on: string;
  provided_on: string | null;
  programme_id: string | null;
  notes_enc: string | null;
  created_at: string;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  unit_id: number;
  at: string;
  user_id: number | null;
  actor: string;
  action: string;
  /** JSON; identifying values only as sealed envelopes, never in clear. */
  before: string | null;
  after: string | null;
  reason: string | null;
}

/** A unit's own history (migration 015, decision 226): settings and membership changes. */
export interface UnitEventsTable {
  id: Generated<number>;
  unit_id: number;
  at: string;
  user_id: number | null;
  actor: string;
  /** create | update | add_member | change_role | remove_member */
  action: string;
  before: string | null;
  after: string | null;
}
