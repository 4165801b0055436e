import type { ReportStatus } from '../../domain/supervision/report-status.ts';
import type { ReportView } from '../../services/reporting-service.ts';
import { type HtmlValue, html, type SafeHtml } from '../html.ts';
import { dateText, instrumentTitle, tableRegion, unknown } from './components.ts';
import { labelCells, STACKED_TABLE } from './stacked-table.ts';
import type { View } from './view.ts';

/** The line on the country profile that leads to the State's obligations page. */
export function obligationsLink(v: View, iso3: string): SafeHtml {
  return html`<p class="obligations-link"><a href="/${v.lang}/countries/${iso3}/obligations">${v.t.obligationsLinkText}</a></p>`;
}

/** A link to the report when it is a web address; a file reference is shown as text. */
function linkOrText(link: string): HtmlValue {
  return /^https?:\/\/\S+$/i.test(link) ? html`<a href="${link}" rel="noopener noreferrer">${link}</a>` : link;
}

export function statusBadge(v: View, status: ReportStatus): SafeHtml {
  return html`<span class="status status-${status.replace(/_/g, '-')}">${v.t.reportStatus[status]}</span>`;
}

function reasons(v: View, r: ReportView): SafeHtml[] {
  return r.reasons.map((reason) =>
    reason.kind === 'missed'
      ? html`<br><span class="note">${v.t.reasonMissed(String(reason.year))}</span>`
      : html`<br><span class="note">${v.t.reasonReply(String(reason.year))}</span>`,
  );
}

function groupCell(v: View, r: ReportView): HtmlValue {
  if (r.missing) return unknown(v.t.missingDatum[r.missing.datum as keyof typeof v.t.missingDatum] ?? r.missing.detail);
  if (r.group) return v.t.groupCycle(r.group.label, v.f.number(r.group.cycleYears), String(r.group.baseYear));
  return '–';
}

function row(v: View, r: ReportView): SafeHtml {
  const { t, lang } = v;
  return html`<tr>
<th scope="row"><a href="/${lang}/instruments/${r.instrument}">${r.instrument}</a> <span class="note">${instrumentTitle(v, r.instrumentRef)}</span></th>
<td>${t.reportKind[r.kind]}${reasons(v, r)}</td>
<td>${r.year === null ? unknown(t.reportStatus.unknown) : String(r.year)}</td>
<td>${r.dueDate ? dateText(v, r.dueDate) : unknown(t.reportStatus.unknown)}</td>
<td>${statusBadge(v, r.status)}</td>
<td><ul class="plain">${r.legalBasis.map((c) => html`<li lang="en">${c}</li>`)}</ul></td>
<td>${groupCell(v, r)}</td>
<td>${r.received ? html`${t.sentOn(v.f.date(r.received.dateSent)?.text ?? r.received.dateSent)}: ${linkOrText(r.received.link)}` : '–'}</td>
</tr>`;
}

/** One table of reports, with a caption naming the section; "None." when it is empty. */
export function reportsTable(v: View, id: string, caption: string, reports: readonly ReportView[]): SafeHtml {
  const { t } = v;
  if (!reports.length) return html`<p>${t.noReportsInSection}</p>`;
  // The instrument is the row header (<th>); the cells after it carry their column names.
  const labels = [t.colReport, t.colReportYear, t.colDueDate, t.colStatus, t.colLegalBasis, t.colGroupCycle, t.colSent];
  return tableRegion(
    `${id}-caption`,
    html`<table class="${STACKED_TABLE}">
<caption id="${id}-caption">${caption}</caption>
<thead><tr><th scope="col">${t.colInstrument}</th><th scope="col">${t.colReport}</th><th scope="col">${t.colReportYear}</th><th scope="col">${t.colDueDate}</th><th scope="col">${t.colStatus}</th><th scope="col">${t.colLegalBasis}</th><th scope="col">${t.colGroupCycle}</th><th scope="col">${t.colSent}</th></tr></thead>
<tbody>
${reports.map((r) => labelCells(labels, row(v, r)))}
</tbody>
</table>`,
  );
}
