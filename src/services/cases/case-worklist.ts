import { addDays, comparePriority, PRIORITY_TIERS, type PriorityTier } from '../../domain/child-labour/cases/index.ts';
import type { KyselyCaseRepository, UnitRow, VisitFact } from '../../storage/case-repository.ts';
import type { Keyring } from '../../storage/field-crypto.ts';
import type { CaseSummary, Worklist } from './case-types.ts';
import { actionView, intervalsOf, summaryOf } from './case-view.ts';

/** Visits and actions due within this many days count as due (a week's planning); later ones are not on the list yet. */
export const WORKLIST_HORIZON_DAYS = 7;

const RANK: Record<PriorityTier, number> = { worst_form: 1, hazardous: 2, vulnerable: 3, other: 4 };

export interface WorklistScope {
  scope: 'monitor' | 'unit';
  /** A monitor's list: the cases assigned to them and the unassigned ones. */
  assignee?: number;
  /** A case manager's list: the overdue items only. */
  overdueOnly: boolean;
}

/**
 * Due and overdue work of a unit (issue 11, "Priority and worklists"): the open cases whose next
 * follow-up visit (followUpState, with the unit's interval per priority tier) is due within the
 * horizon or overdue, and the support actions not yet provided, most urgent first. Two queries
 * for the whole unit, whatever its size.
 */
export async function buildWorklist(
  repo: KyselyCaseRepository,
  unit: UnitRow,
  today: string,
  scope: WorklistScope,
  keys: Keyring | null,
): Promise<Worklist> {
  const unitId = Number(unit.id);
  const [rows, facts, actions] = await Promise.all([repo.listCases({ unitId }), repo.unitVisitFacts(unitId), repo.unitOpenActions(unitId)]);
  const mine = (assigned: number | null) => scope.assignee === undefined || assigned === null || Number(assigned) === scope.assignee;
  const byCase = new Map<string, VisitFact[]>();
  for (const f of facts) {
    const list = byCase.get(f.case_id);
    if (list) list.push(f);
    else byCase.set(f.case_id, [f]);
  }
  const horizon = addDays(today, WORKLIST_HORIZON_DAYS);
  const intervals = intervalsOf(unit);
  const visits: CaseSummary[] = [];
  for (const row of rows) {
    if (row.status === 'closed' || !mine(row.assigned_to)) continue;
    const s = summaryOf(row, byCase.get(row.id) ?? [], intervals, today, keys);
    if (s.nextVisitDue === null) continue;
    if (scope.overdueOnly ? s.overdue : s.nextVisitDue <= horizon) visits.push(s);
  }
  visits.sort(
    (a, b) =>
      comparePriority(
        { priority: { tier: a.priority, rank: RANK[a.priority], citations: [] }, age: a.ageYears },
        { priority: { tier: b.priority, rank: RANK[b.priority], citations: [] }, age: b.ageYears },
      ) ||
      (a.nextVisitDue ?? '').localeCompare(b.nextVisitDue ?? '') ||
      a.caseNumber - b.caseNumber,
  );
  const due = actions
    .filter((a) => mine(a.assigned_to) && (scope.overdueOnly ? a.due_on < today : a.due_on <= horizon))
    .map((a) => ({
      caseId: a.case_id,
      caseNumber: Number(a.case_number),
      priority: (PRIORITY_TIERS as readonly string[]).includes(a.priority) ? (a.priority as PriorityTier) : 'other',
      action: actionView(a, a.case_id, today, keys),
    }))
    .sort((a, b) => RANK[a.priority] - RANK[b.priority] || a.action.dueOn.localeCompare(b.action.dueOn) || a.caseNumber - b.caseNumber);
  return { unitId, today, scope: scope.scope, visits, actions: due, horizonDays: WORKLIST_HORIZON_DAYS };
}
