import type { IloRegion } from '../../domain/country.ts';
import type { OverdueRow, OverdueSummary } from '../../services/reporting-service.ts';
import type { OverdueByRegion } from '../../services/submission-service.ts';
import { type HtmlValue, html, type SafeHtml } from '../html.ts';
import { tableRegion, unknown } from '../views/components.ts';
import { layout } from '../views/layout.ts';
import { labelCells, STACKED_TABLE } from '../views/stacked-table.ts';
import type { View } from '../views/view.ts';
import { regionTable } from './submissions-dashboard.ts';

function table(
  v: View,
  id: string,
  caption: string,
  keyHeading: string,
  rows: readonly OverdueRow[],
  keyCell: (row: OverdueRow) => HtmlValue,
): SafeHtml {
  const { t, f } = v;
  if (!rows.length) return html`<p>${t.noReportsInSection}</p>`;
  const labels = [t.colOverdue, t.colStates, t.colUnknownDates];
  return tableRegion(
    `${id}-caption`,
    html`<table class="${STACKED_TABLE}">
<caption id="${id}-caption">${caption}</caption>
<thead><tr><th scope="col">${keyHeading}</th><th scope="col">${t.colOverdue}</th><th scope="col">${t.colStates}</th><th scope="col">${t.colUnknownDates}</th></tr></thead>
<tbody>
${rows.map((r) => labelCells(labels, html`<tr><th scope="row">${keyCell(r)}</th><td>${f.number(r.overdue)}</td><td>${f.number(r.states)}</td><td>${f.number(r.unknown)}</td></tr>`))}
</tbody>
</table>`,
  );
}

/** The secretariat's dashboard: overdue reports of every State, by region and by instrument. */
export function renderObligationsDashboard(
  v: View,
  byRegion: OverdueSummary,
  byInstrument: OverdueSummary,
  submissionsByRegion: readonly OverdueByRegion[] = [],
): string {
  const { t, lang, f } = v;
  const region = (r: OverdueRow): HtmlValue => (r.key ? (t.region[r.key as IloRegion] ?? r.key) : unknown(t.regionMissing));
  const instrument = (r: OverdueRow): HtmlValue => html`<a href="/${lang}/instruments/${r.key ?? ''}">${r.key}</a>`;
  const body = html`<h1>${t.dashboardTitle}</h1>
<p>${t.dashboardIntro}</p>
<p>${t.obligationsComputedOn(f.date(byRegion.today)?.text ?? byRegion.today)} ${t.overdueMeaning} ${t.overdueTotal(f.number(byRegion.total))}</p>
<section aria-labelledby="by-region-heading">
<h2 id="by-region-heading">${t.byRegionCaption}</h2>
${table(v, 'by-region', t.byRegionCaption, t.colRegionName, byRegion.rows, region)}
</section>
<section aria-labelledby="by-instrument-heading">
<h2 id="by-instrument-heading">${t.byInstrumentCaption}</h2>
<p>${t.instrumentsWithoutOverdue}</p>
${table(
  v,
  'by-instrument',
  t.byInstrumentCaption,
  t.colInstrument,
  byInstrument.rows.filter((r) => r.overdue > 0),
  instrument,
)}
</section>
<section aria-labelledby="submissions-overdue-heading">
<h2 id="submissions-overdue-heading">${t.submissionsDashboardTitle}</h2>
${submissionsByRegion.length ? regionTable(v, submissionsByRegion) : html`<p>${t.submissionsNoneOverdue}</p>`}
<p><a href="/${lang}/submissions">${t.submissionsAllStatesLink}</a></p>
</section>
<p><a href="/${lang}/obligations/rules">${t.rulesLink}</a></p>`;
  return layout(v, { title: t.dashboardTitle, section: null, body });
}
