import {
  CASE_STATUSES,
  type CaseStatus,
  CLOSURE_REASONS,
  type ClosureReason,
  comparePriority,
  consecutiveClearVisits,
  type FollowUpIntervals,
  followUpState,
  PRIORITY_TIERS,
  type PriorityTier,
  type Visit,
} from '../../domain/child-labour/cases/index.ts';
import { actionNotesField, openCaseFields, openValue, visitNotesField } from '../../storage/case-codec.ts';
import type { ActionRow, CaseRow, UnitRow, VisitFact, VisitRow } from '../../storage/case-repository.ts';
import type { Keyring } from '../../storage/field-crypto.ts';
import type { ActionView, CaseEventView, CaseSummary, CaseView, VisitView } from './case-types.ts';

/*
 * Rows to the views the API, portal and CLI show (issue 11). Identifying columns are opened only
 * when `keys` is given, i.e. for a caller whose role may see them (seeIdentifying); otherwise they
 * are null and `identifying` is false.
 */
const DEFAULT_INTERVALS: FollowUpIntervals = { worst_form: 14, hazardous: 30, vulnerable: 60, other: 90 };

export function intervalsOf(unit: UnitRow): FollowUpIntervals {
  try {
    const parsed = JSON.parse(unit.follow_up_days) as Record<string, unknown>;
    const out = { ...DEFAULT_INTERVALS };
    for (const tier of PRIORITY_TIERS) {
      const v = parsed[tier];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 1) out[tier] = v;
    }
    return out;
  } catch {
    return DEFAULT_INTERVALS;
  }
}

const flag = (v: number | null): boolean | null => (v === null || v === undefined ? null : Number(v) === 1);
const num = (v: number | string | null): number | null => (v === null || v === undefined ? null : Number(v));

function jsonList(text: string | null): string[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** Visits that count for the overdue rule and the closure rule: the child was found and seen. */
export function domainVisits(rows: readonly Pick<VisitFact, 'visited_on' | 'kind' | 'in_child_labour'>[]): Visit[] {
  return rows
    .filter((v) => v.kind !== 'attempt' && v.in_child_labour !== null)
    .map((v) => ({ date: v.visited_on, inChildLabour: Number(v.in_child_labour) === 1 }));
}

/** Follow-up visits only (not the identification visit): the closure rule counts these. */
export function followUpVisits(rows: readonly Pick<VisitFact, 'visited_on' | 'kind' | 'in_child_labour'>[]): Visit[] {
  return domainVisits(rows.filter((v) => v.kind === 'follow_up'));
}

export function summaryOf(
  row: CaseRow,
  visits: readonly Pick<VisitFact, 'visited_on' | 'kind' | 'in_child_labour'>[],
  intervals: FollowUpIntervals,
  today: string,
  keys: Keyring | null,
): CaseSummary {
  const status = (CASE_STATUSES as readonly string[]).includes(row.status) ? (row.status as CaseStatus) : 'identified';
  const priority = (PRIORITY_TIERS as readonly string[]).includes(row.priority) ? (row.priority as PriorityTier) : 'other';
  const due = followUpState(
    { identifiedOn: row.identified_on, tier: priority, visits: domainVisits(visits), closed: status === 'closed' },
    intervals,
    today,
  );
  return {
    id: row.id,
    unitId: Number(row.unit_id),
    caseNumber: Number(row.case_number),
    status,
    priority,
    identifiedOn: row.identified_on,
    sex: row.sex,
    ageYears: num(row.age_years),
    district: row.district,
    verdict: row.verdict,
    nextVisitDue: due?.due ?? null,
    overdue: due?.overdue ?? false,
    assignedTo: num(row.assigned_to),
    name: keys ? openValue(keys, row.id, 'name', row.name_enc) : null,
  };
}

function visitView(row: VisitRow, caseId: string, keys: Keyring | null): VisitView {
  return {
    id: Number(row.id),
    visitedOn: row.visited_on,
    kind: row.kind as VisitView['kind'],
    monitor: row.monitor_email,
    childFound: Number(row.child_found) === 1,
    inChildLabour: flag(row.in_child_labour),
    atSchool: flag(row.at_school),
    notes: keys ? openValue(keys, caseId, visitNotesField, row.notes_enc) : null,
  };
}

export function actionView(row: ActionRow, caseId: string, today: string, keys: Keyring | null): ActionView {
  return {
    id: Number(row.id),
    kind: row.kind,
    responsible: row.responsible,
    dueOn: row.due_on,
    providedOn: row.provided_on,
    programmeId: row.programme_id,
    overdue: row.provided_on === null && row.due_on < today,
    notes: keys ? openValue(keys, caseId, actionNotesField, row.notes_enc) : null,
  };
}

export function caseViewOf(
  row: CaseRow,
  unit: UnitRow,
  visits: readonly VisitRow[],
  actions: readonly ActionRow[],
  today: string,
  keys: Keyring | null,
): CaseView {
  const intervals = intervalsOf(unit);
  const summary = summaryOf(row, visits, intervals, today, keys);
  const opened = keys ? openCaseFields(keys, row.id, row) : null;
  let reasons: CaseView['reasons'] = [];
  try {
    const parsed = row.assessment ? (JSON.parse(row.assessment) as { reasons?: CaseView['reasons'] }) : null;
    reasons = Array.isArray(parsed?.reasons) ? parsed.reasons : [];
  } catch {
    reasons = [];
  }
  const hasConsent = row.consent_on !== null || row.consent_relation !== null;
  return {
    ...summary,
    origin: row.origin as CaseView['origin'],
    workerRef: row.worker_ref,
    agePrecision: row.age_precision as CaseView['agePrecision'],
    province: row.province,
    householdRef: row.household_ref,
    schoolEnrolled: flag(row.school_enrolled),
    schoolAttending: flag(row.school_attending),
    workTask: row.work_task,
    commodity: row.commodity,
    hoursPerDay: num(row.hours_per_day),
    nightWork: flag(row.night_work),
    hazards: jsonList(row.hazards),
    country: row.country_iso3,
    minimumAge: num(row.minimum_age),
    reasons,
    identifying: keys !== null,
    birthDate: opened?.birth_date ?? null,
    village: opened?.village ?? null,
    location: opened?.location ?? null,
    contact: opened?.contact ?? null,
    notes: opened?.notes ?? null,
    consent: hasConsent
      ? { by: opened?.consent_by ?? null, relation: row.consent_relation, on: row.consent_on, purposes: jsonList(row.consent_purposes) }
      : null,
    closedOn: row.closed_on,
    closureReason: (CLOSURE_REASONS as readonly string[]).includes(row.closure_reason ?? '') ? (row.closure_reason as ClosureReason) : null,
    visits: visits.map((v) => visitView(v, row.id, keys)),
    actions: actions.map((a) => actionView(a, row.id, today, keys)),
    clearVisits: consecutiveClearVisits(followUpVisits(visits)),
  };
}

const RANK: Record<PriorityTier, number> = { worst_form: 1, hazardous: 2, vulnerable: 3, other: 4 };

/** Most urgent first: comparePriority (tier, then the younger child), then the next visit's due day. */
export function sortSummaries(items: CaseSummary[]): CaseSummary[] {
  return items
    .map((s) => ({ s, p: { priority: { tier: s.priority, rank: RANK[s.priority], citations: [] }, age: s.ageYears } }))
    .sort(
      (a, b) =>
        comparePriority(a.p, b.p) ||
        (a.s.nextVisitDue ?? '9999').localeCompare(b.s.nextVisitDue ?? '9999') ||
        a.s.caseNumber - b.s.caseNumber,
    )
    .map((x) => x.s);
}

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Sealed envelopes (v1.…) are shown as 'sealed', never as text. */
function hideSealed(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('v1.') ? 'sealed' : value;
  if (Array.isArray(value)) return value.map(hideSealed);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hideSealed(v)]));
  return value;
}

export function eventView(e: {
  id: number;
  at: string;
  actor: string;
  action: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}): CaseEventView {
  return {
    id: Number(e.id),
    at: e.at,
    actor: e.actor,
    action: e.action,
    before: hideSealed(parse(e.before)),
    after: hideSealed(parse(e.after)),
    reason: e.reason,
  };
}
