import type { PriorityTier } from '../../domain/child-labour/cases/priority.ts';
import type { CaseStatus } from '../../domain/child-labour/cases/status.ts';
import type { CaseSummary } from '../../services/cases/case-types.ts';
import { html, type SafeHtml } from '../html.ts';
import type { View } from '../views/view.ts';

/*
 * Pieces shared by the case pages (issue 11): words for statuses and priorities, yes/no/unknown,
 * a day, the child in one line (sex and age, never the name unless the caller passes it), and the
 * links between the pages of a case and of its unit.
 */

export const caseHref = (v: View, id: string, rest = '') => `/${v.lang}/cases/${encodeURIComponent(id)}${rest}`;
export const unitHref = (v: View, unitId: number, rest = '') => `/${v.lang}/units/${unitId}${rest}`;

export function yesNo(v: View, value: boolean | null | undefined): string {
  if (value === null || value === undefined) return v.t.casesUnknown;
  return value ? v.t.casesYes : v.t.casesNo;
}

export function dayText(v: View, day: string | null | undefined): SafeHtml | string {
  if (!day) return v.t.casesUnknown;
  const d = v.f.date(day);
  return d ? html`<time datetime="${d.iso}">${d.text}</time>` : day;
}

export function statusWord(v: View, status: CaseStatus): string {
  return v.t.casesStatus[status] ?? status;
}

export function priorityWord(v: View, priority: PriorityTier): string {
  return v.t.casesPriority[priority] ?? priority;
}

export function verdictWord(v: View, verdict: string | null): string {
  if (!verdict) return v.t.casesUnknown;
  return (v.t.verdict as Record<string, string>)[verdict] ?? verdict;
}

export function sexWord(v: View, sex: string | null): string {
  return (v.t.casesSex as Record<string, string>)[sex ?? 'unknown'] ?? sex ?? v.t.casesSex.unknown;
}

export function childLine(v: View, c: Pick<CaseSummary, 'sex' | 'ageYears'>): string {
  const age = c.ageYears === null ? v.t.casesAgeUnknown : v.t.casesAgeYears(v.f.number(c.ageYears));
  return v.t.casesChildSummary(sexWord(v, c.sex), age);
}

export function caseNumber(v: View, n: number): string {
  return v.f.number(n);
}

/** The next visit: its day, and "overdue" in words (never colour alone). */
export function nextVisit(v: View, c: Pick<CaseSummary, 'nextVisitDue' | 'overdue'>): SafeHtml | string {
  if (!c.nextVisitDue) return '–';
  return html`${dayText(v, c.nextVisitDue)}${c.overdue ? html` <strong class="case-overdue">(${v.t.casesOverdueMark})</strong>` : null}`;
}

/** A short navigation between a case's pages; the current one is marked. */
export function caseNav(
  v: View,
  id: string,
  unitId: number,
  current: 'case' | 'visit' | 'actions' | 'close',
  can: { recordVisit: boolean; planSupport: boolean; closeCase: boolean; closed: boolean },
): SafeHtml {
  const { t } = v;
  const link = (key: typeof current, rest: string, label: string) =>
    html`<li><a href="${caseHref(v, id, rest)}"${key === current ? html` aria-current="page"` : null}>${label}</a></li>`;
  return html`<nav class="case-nav" aria-label="${t.casesNavLabel}"><ul>
${link('case', '', t.casesBackToCase)}
${can.recordVisit && !can.closed ? link('visit', '/visit', t.casesLinkVisit) : null}
${can.planSupport ? link('actions', '/actions', t.casesLinkActions) : null}
${can.closeCase && !can.closed ? link('close', '/close', t.casesLinkClose) : null}
<li><a href="${unitHref(v, unitId, '/cases')}">${t.casesLinkList}</a></li>
<li><a href="${unitHref(v, unitId, '/worklist')}">${t.casesLinkWorklist}</a></li>
</ul></nav>`;
}
