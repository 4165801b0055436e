import type { SessionListItem } from '../../services/conference-ports.ts';
import { html, type SafeHtml } from '../html.ts';
import { dateText, instrumentLink, lowMark, tableRegion, unknown } from '../views/components.ts';
import { dataLink } from '../views/data-link.ts';
import { layout } from '../views/layout.ts';
import { labelCells, STACKED_TABLE } from '../views/stacked-table.ts';
import type { View } from '../views/view.ts';

/** The dates of a session, each shown as unknown when the sources lack it. */
export function sessionDates(v: View, s: Pick<SessionListItem, 'openingDate' | 'closingDate'>): SafeHtml {
  const missing = v.t.confUnknown;
  if (!s.openingDate && !s.closingDate) return unknown(missing);
  return html`${dateText(v, s.openingDate, missing)} – ${dateText(v, s.closingDate, missing)}`;
}

function row(v: View, s: SessionListItem): SafeHtml {
  const { t, f, lang } = v;
  return html`<tr>
<td><a href="/${lang}/conference/${s.number}">${t.confSessionName(s.number)}</a>${lowMark(v, s.confidence)}</td>
<td>${s.year === null ? unknown(t.confUnknown) : String(s.year)}</td>
<td>${s.place ?? unknown(t.confUnknown)}</td>
<td>${sessionDates(v, s)}</td>
<td>${s.adopted.length ? s.adopted.map((i, n) => html`${n ? ', ' : ''}${instrumentLink(v, i.code)}`) : unknown(t.confNoneAdopted)}${s.delegations || s.votes ? html`<br><span class="note">${t.confDelegationsHeading}: ${f.number(s.delegations)}; ${t.confVotesHeading}: ${f.number(s.votes)}</span>` : null}</td>
</tr>`;
}

export function renderConferenceList(v: View, sessions: readonly SessionListItem[]): string {
  const { t } = v;
  const labels = [t.confColSession, t.confColYear, t.confColPlace, t.confColDates, t.confColAdopted];
  const newestFirst = [...sessions].sort((a, b) => b.number - a.number);
  const body = html`<h1>${t.confTitle}</h1>
<p>${t.confIntro}</p>
<p><a href="/${v.lang}/conference/vote-calculator">${t.voteCalcTitle}</a></p>
${tableRegion(
  'sessions-caption',
  html`<table class="${STACKED_TABLE}">
<caption id="sessions-caption">${t.confSessionsTableCaption}</caption>
<thead><tr>${labels.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>
<tbody>
${newestFirst.map((s) => labelCells(labels, row(v, s)))}
</tbody>
</table>`,
)}`;
  return layout(v, { title: t.confTitle, section: 'conference', body: html`${body}${dataLink(v, 'ilc-sessions')}` });
}
