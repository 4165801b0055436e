import { PRIORITY_TIERS, type PriorityTier } from '../../domain/child-labour/cases/priority.ts';
import { CASE_STATUSES, type CaseStatus } from '../../domain/child-labour/cases/status.ts';
import type { CaseAccess, CaseSummary, Worklist } from '../../services/cases/case-types.ts';
import { html, type SafeHtml } from '../html.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';
import { caseHref, childLine, dayText, nextVisit, priorityWord, statusWord, unitHref } from './case-parts.ts';

/*
 * A unit's cases (issue 11), filtered by status, priority and overdue with a plain GET form, most
 * urgent first; and the worklist: the caller's due and overdue visits and actions (a case
 * manager's: the unit's overdue list). Names appear only when the service returned them.
 */

export interface CaseListQuery {
  status?: CaseStatus;
  priority?: PriorityTier;
  overdue?: boolean;
}

export function parseCaseListQuery(params: URLSearchParams): { ok: true; value: CaseListQuery } | { ok: false; field: string } {
  const value: CaseListQuery = {};
  const status = params.get('status') ?? '';
  if (status) {
    if (!(CASE_STATUSES as readonly string[]).includes(status)) return { ok: false, field: 'status' };
    value.status = status as CaseStatus;
  }
  const priority = params.get('priority') ?? '';
  if (priority) {
    if (!(PRIORITY_TIERS as readonly string[]).includes(priority)) return { ok: false, field: 'priority' };
    value.priority = priority as PriorityTier;
  }
  const overdue = params.get('overdue') ?? '';
  if (overdue) {
    if (overdue !== '1' && overdue !== 'true') return { ok: false, field: 'overdue' };
    value.overdue = true;
  }
  return { ok: true, value };
}

export interface UnitLabel {
  id: number;
  name: string;
}

function caseTable(v: View, cases: readonly CaseSummary[], caption: string): SafeHtml {
  const { t } = v;
  const names = cases.some((c) => c.name !== null);
  return html`<div class="table-wrap"><table class="stacked">
<caption>${caption}</caption>
<thead><tr><th scope="col">${t.casesColNumber}</th>${names ? html`<th scope="col">${t.casesColName}</th>` : null}<th scope="col">${t.casesColPriority}</th><th scope="col">${t.casesColStatus}</th><th scope="col">${t.casesColChild}</th><th scope="col">${t.casesColDistrict}</th><th scope="col">${t.casesColNextVisit}</th></tr></thead>
<tbody>${cases.map(
    (c) =>
      html`<tr><td data-label="${t.casesColNumber}"><a href="${caseHref(v, c.id)}">${t.casesCaseTitle(v.f.number(c.caseNumber))}</a></td>${names ? html`<td data-label="${t.casesColName}">${c.name ?? '–'}</td>` : null}<td data-label="${t.casesColPriority}">${priorityWord(v, c.priority)}</td><td data-label="${t.casesColStatus}">${statusWord(v, c.status)}</td><td data-label="${t.casesColChild}">${childLine(v, c)}</td><td data-label="${t.casesColDistrict}">${c.district ?? '–'}</td><td data-label="${t.casesColNextVisit}">${nextVisit(v, c)}</td></tr>`,
  )}</tbody></table></div>`;
}

function unitLinks(v: View, unit: UnitLabel, access: CaseAccess, current: 'cases' | 'worklist'): SafeHtml {
  const { t } = v;
  const mark = (key: typeof current) => (key === current ? html` aria-current="page"` : null);
  return html`<nav class="case-nav" aria-label="${t.casesNavLabel}"><ul>
<li><a href="${unitHref(v, unit.id, '/cases')}"${mark('cases')}>${t.casesLinkList}</a></li>
<li><a href="${unitHref(v, unit.id, '/worklist')}"${mark('worklist')}>${t.casesLinkWorklist}</a></li>
${access.openCase ? html`<li><a href="${unitHref(v, unit.id, '/cases/new')}">${t.casesLinkNew}</a></li>` : null}
</ul></nav>`;
}

export interface CaseListData {
  unit: UnitLabel;
  access: CaseAccess;
  query: CaseListQuery;
  cases: readonly CaseSummary[];
}

export function renderCaseList(v: View, d: CaseListData): string {
  const { t } = v;
  const title = t.casesListTitle(d.unit.name);
  const q = d.query;
  const body = html`<h1>${title}</h1>
${unitLinks(v, d.unit, d.access, 'cases')}
<form method="get" action="${unitHref(v, d.unit.id, '/cases')}" class="filters">
<div class="fields">
<div class="field"><label for="f-status">${t.casesFilterStatus}</label><select id="f-status" name="status"><option value="">${t.casesFilterAny}</option>${CASE_STATUSES.map((s) => html`<option value="${s}"${q.status === s ? html` selected` : null}>${t.casesStatus[s]}</option>`)}</select></div>
<div class="field"><label for="f-priority">${t.casesFilterPriority}</label><select id="f-priority" name="priority"><option value="">${t.casesFilterAny}</option>${PRIORITY_TIERS.map((p) => html`<option value="${p}"${q.priority === p ? html` selected` : null}>${t.casesPriority[p]}</option>`)}</select></div>
<div class="field checkbox"><input type="checkbox" id="f-overdue" name="overdue" value="1"${q.overdue ? html` checked` : null}><label for="f-overdue">${t.casesFilterOverdue}</label></div>
<div class="field"><button type="submit">${t.casesFilterApply}</button></div>
</div>
</form>
${d.cases.length ? caseTable(v, d.cases, t.casesCount(v.f.number(d.cases.length))) : html`<p>${t.casesEmpty}</p>`}`;
  return layout(v, { title, section: null, body });
}

export interface WorklistData {
  unit: UnitLabel;
  access: CaseAccess;
  worklist: Worklist;
}

export function renderWorklist(v: View, d: WorklistData): string {
  const { t } = v;
  const w = d.worklist;
  const title = t.casesWorklistTitle(d.unit.name);
  const actions = w.actions.length
    ? html`<ul class="case-worklist">${w.actions.map(
        (a) =>
          html`<li><a href="${caseHref(v, a.caseId, '/actions')}">${t.casesCaseTitle(v.f.number(a.caseNumber))}</a> – ${priorityWord(v, a.priority)} – ${t.casesActionKind[a.action.kind] ?? a.action.kind} – ${a.action.responsible} – ${t.casesDueOn(v.f.date(a.action.dueOn)?.text ?? a.action.dueOn)}${a.action.overdue ? html` <strong class="case-overdue">(${t.casesOverdueMark})</strong>` : null}</li>`,
      )}</ul>`
    : html`<p>${t.casesWorklistNothing}</p>`;
  const visits = w.visits.length
    ? html`<ul class="case-worklist">${w.visits.map(
        (c) =>
          html`<li><a href="${caseHref(v, c.id, d.access.recordVisit ? '/visit' : '')}">${t.casesCaseTitle(v.f.number(c.caseNumber))}</a>${c.name ? html` – ${c.name}` : null} – ${priorityWord(v, c.priority)} – ${childLine(v, c)} – ${c.nextVisitDue ? html`${t.casesColNextVisit}: ${dayText(v, c.nextVisitDue)}` : null}${c.overdue ? html` <strong class="case-overdue">(${t.casesOverdueMark})</strong>` : null}</li>`,
      )}</ul>`
    : html`<p>${t.casesWorklistNothing}</p>`;
  const body = html`<h1>${title}</h1>
${unitLinks(v, d.unit, d.access, 'worklist')}
<p>${w.scope === 'unit' ? t.casesWorklistUnitOverdue : t.casesWorklistIntro}</p>
<h2>${t.casesWorklistVisits}</h2>
${visits}
<h2>${t.casesWorklistActions}</h2>
${actions}`;
  return layout(v, { title, section: null, body });
}
