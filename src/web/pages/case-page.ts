import type { CaseAccess, CaseEventView, CaseView } from '../../services/cases/case-types.ts';
import { html, type SafeHtml } from '../html.ts';
import { statusNotice } from '../views/edit-fields.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';
import { caseNav, childLine, dayText, priorityWord, statusWord, verdictWord, yesNo } from './case-parts.ts';

/*
 * The child's case (issue 11): verdict with its reasons and article citations, priority, status,
 * consent, visits, support actions and the case's own history. Identifying fields appear only when
 * the service returned them (the caller's role may see them); otherwise a sentence says why not.
 */

export interface CasePageData {
  kase: CaseView;
  access: CaseAccess;
  events: readonly CaseEventView[];
  notice?: string | null;
}

const row = (label: string, value: SafeHtml | string | number | null) =>
  html`<div><dt>${label}</dt><dd>${value === null || value === '' ? '–' : value}</dd></div>`;

function assessment(v: View, k: CaseView): SafeHtml {
  const { t } = v;
  return html`<section aria-labelledby="case-assessment">
<h2 id="case-assessment">${t.casesAssessmentHeading}</h2>
<dl class="case-facts">
${row(t.casesVerdictLabel, verdictWord(v, k.verdict))}
${row(t.casesMinimumAge, k.minimumAge === null ? t.casesUnknown : v.f.number(k.minimumAge))}
${row(t.casesColPriority, priorityWord(v, k.priority))}
${row(t.casesCountry, k.country)}
</dl>
<h3>${t.casesReasonsHeading}</h3>
${
  k.reasons.length === 0
    ? html`<p>${t.casesNoReasons}</p>`
    : html`<ul class="case-reasons">${k.reasons.map(
        (r) =>
          html`<li><strong>${r.citation}</strong> (${verdictWord(v, r.verdict)})${r.message ? html`: <span lang="en">${r.message}</span>` : null} <code>${r.rule}</code></li>`,
      )}</ul>`
}
</section>`;
}

function work(v: View, k: CaseView): SafeHtml {
  const { t } = v;
  return html`<section aria-labelledby="case-work">
<h2 id="case-work">${t.casesWorkHeading}</h2>
<dl class="case-facts">
${row(t.casesWorkTask, k.workTask)}
${row(t.casesCommodity, k.commodity)}
${row(t.casesHoursPerDay, k.hoursPerDay === null ? null : v.f.decimal(k.hoursPerDay))}
${row(t.casesNightWork, yesNo(v, k.nightWork))}
${row(t.casesHazards, k.hazards.length ? k.hazards.join(', ') : null)}
${row(t.casesSchoolEnrolled, yesNo(v, k.schoolEnrolled))}
${row(t.casesSchoolAttending, yesNo(v, k.schoolAttending))}
</dl>
</section>`;
}

function identifying(v: View, k: CaseView): SafeHtml {
  const { t } = v;
  const consent = k.consent
    ? html`<p>${t.casesConsentGiven(k.consent.by ?? '–', t.casesConsentRelation[k.consent.relation ?? ''] ?? k.consent.relation ?? '–', k.consent.on ? (v.f.date(k.consent.on)?.text ?? k.consent.on) : '–')}</p>
<p>${t.casesConsentPurposes}: ${k.consent.purposes.map((p) => t.casesConsentPurpose[p] ?? p).join(', ') || '–'}</p>`
    : html`<p>${t.casesConsentNone}</p>`;
  if (!k.identifying) {
    return html`<section aria-labelledby="case-child"><h2 id="case-child">${t.casesIdentifyingHeading}</h2><p>${t.casesIdentifyingHidden}</p></section>`;
  }
  return html`<section aria-labelledby="case-child">
<h2 id="case-child">${t.casesIdentifyingHeading}</h2>
<dl class="case-facts">
${row(t.casesName, k.name)}
${row(t.casesBirthDate, k.birthDate ? dayText(v, k.birthDate) : null)}
${row(t.casesVillage, k.village)}
${row(t.casesLocation, k.location)}
${row(t.casesContact, k.contact)}
${row(t.casesNotes, k.notes)}
</dl>
<h3>${t.casesConsentHeading}</h3>
${consent}
</section>`;
}

function visits(v: View, k: CaseView): SafeHtml {
  const { t } = v;
  const body = k.visits.length
    ? html`<div class="table-wrap"><table class="stacked">
<thead><tr><th scope="col">${t.casesColDate}</th><th scope="col">${t.casesColKind}</th><th scope="col">${t.casesColInChildLabour}</th><th scope="col">${t.casesColAtSchool}</th><th scope="col">${t.casesColMonitor}</th>${k.identifying ? html`<th scope="col">${t.casesColNotes}</th>` : null}</tr></thead>
<tbody>${k.visits.map(
        (x) =>
          html`<tr><td data-label="${t.casesColDate}">${dayText(v, x.visitedOn)}</td><td data-label="${t.casesColKind}">${t.casesVisitKind[x.kind]}</td><td data-label="${t.casesColInChildLabour}">${x.childFound ? yesNo(v, x.inChildLabour) : '–'}</td><td data-label="${t.casesColAtSchool}">${x.childFound ? yesNo(v, x.atSchool) : '–'}</td><td data-label="${t.casesColMonitor}">${x.monitor ?? '–'}</td>${k.identifying ? html`<td data-label="${t.casesColNotes}">${x.notes ?? ''}</td>` : null}</tr>`,
      )}</tbody></table></div>`
    : html`<p>${t.casesNone}</p>`;
  return html`<section aria-labelledby="case-visits"><h2 id="case-visits">${t.casesVisitsHeading}</h2>
<p>${t.casesClearVisits}: <strong>${v.f.number(k.clearVisits)}</strong></p>
${body}</section>`;
}

export function actionsTable(v: View, k: CaseView): SafeHtml {
  const { t } = v;
  if (!k.actions.length) return html`<p>${t.casesNone}</p>`;
  return html`<div class="table-wrap"><table class="stacked">
<thead><tr><th scope="col">${t.casesColAction}</th><th scope="col">${t.casesColResponsible}</th><th scope="col">${t.casesColDue}</th><th scope="col">${t.casesColProvided}</th></tr></thead>
<tbody>${k.actions.map(
    (a) =>
      html`<tr><td data-label="${t.casesColAction}">${t.casesActionKind[a.kind] ?? a.kind}${a.programmeId ? html` (<a href="/${v.lang}/programmes/${encodeURIComponent(a.programmeId)}">${a.programmeId}</a>)` : null}</td><td data-label="${t.casesColResponsible}">${a.responsible}</td><td data-label="${t.casesColDue}">${dayText(v, a.dueOn)}${a.overdue ? html` <strong class="case-overdue">(${t.casesOverdueMark})</strong>` : null}</td><td data-label="${t.casesColProvided}">${a.providedOn ? dayText(v, a.providedOn) : t.casesNotProvided}</td></tr>`,
  )}</tbody></table></div>`;
}

function history(v: View, events: readonly CaseEventView[]): SafeHtml {
  const { t } = v;
  const body = events.length
    ? html`<ol class="case-history">${events.map(
        (e) =>
          html`<li><strong>${t.casesEventAction[e.action] ?? e.action}</strong> – ${v.f.dateTime(e.at) ?? e.at} – ${e.actor}${e.reason ? html`: ${e.reason}` : null}</li>`,
      )}</ol>`
    : html`<p>${t.casesNone}</p>`;
  return html`<section aria-labelledby="case-history"><h2 id="case-history">${t.casesHistoryHeading}</h2>${body}</section>`;
}

export function renderCasePage(v: View, d: CasePageData): string {
  const { t } = v;
  const k = d.kase;
  const title = t.casesCaseTitle(v.f.number(k.caseNumber));
  const closed = k.status === 'closed';
  const body = html`<h1>${title}</h1>
${d.notice ? statusNotice(d.notice) : null}
${caseNav(v, k.id, k.unitId, 'case', { ...d.access, closed })}
<section aria-labelledby="case-summary">
<h2 id="case-summary">${t.casesSummaryHeading}</h2>
<dl class="case-facts">
${row(t.casesColStatus, statusWord(v, k.status))}
${row(t.casesColPriority, priorityWord(v, k.priority))}
${row(t.casesColChild, childLine(v, k))}
${row(t.casesColDistrict, [k.district, k.province].filter(Boolean).join(', '))}
${row(t.casesOriginLabel, t.casesOrigin[k.origin])}
${row(t.casesColIdentified, dayText(v, k.identifiedOn))}
${row(t.casesColNextVisit, k.nextVisitDue ? html`${dayText(v, k.nextVisitDue)}${k.overdue ? html` <strong class="case-overdue">(${t.casesOverdueMark})</strong>` : null}` : null)}
${k.closedOn ? row(t.casesCloseReason, t.casesClosedOn(v.f.date(k.closedOn)?.text ?? k.closedOn, k.closureReason ? t.casesClosureReason[k.closureReason] : '–')) : null}
</dl>
</section>
${assessment(v, k)}
${work(v, k)}
${identifying(v, k)}
${visits(v, k)}
<section aria-labelledby="case-actions"><h2 id="case-actions">${t.casesActionsHeading}</h2>${actionsTable(v, k)}</section>
${history(v, d.events)}`;
  return layout(v, { title, section: null, body });
}
