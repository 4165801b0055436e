/**
 * GET /{lang}/units/{id}/metrics: a monitoring unit's figures for a period (issue 11, decision
 * 223), for any member who may see them (viewers too). A period form (GET), the unit's totals,
 * closings by reason, and for each breakdown (sex, age band, district) an inline SVG bar chart
 * (role="img" with title and desc) followed by a table with the same numbers, the accessible
 * alternative; a CSV download of everything. Counts only: no child is named. No script.
 */
import { CLOSURE_REASONS } from '../../domain/child-labour/cases/index.ts';
import type { MetricsBreakdown, MetricsGroup } from '../../domain/child-labour/cases/metrics-report.ts';
import type { UnitMetricsReport } from '../../services/cases/metrics-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { type BarChartSpec, barChartSvg } from '../views/bar-chart.ts';
import { tableRegion, unknown } from '../views/components.ts';
import { describedBy, errorSummary, type FieldError, field, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

export const UM_FROM_FIELD = 'um-from';
export const UM_TO_FIELD = 'um-to';

export interface UnitMetricsPageData {
  unitId: number;
  /** As typed, kept in the form. */
  from: string;
  to: string;
  report: UnitMetricsReport | null;
  errors: FieldError[];
}

function count(v: View, n: number | null): SafeHtml {
  return n === null ? unknown(v.t.umUnknown) : html`<data value="${n}">${v.f.number(n)}</data>`;
}

function rate(v: View, r: number | null): SafeHtml {
  return r === null ? unknown(v.t.umUnknown) : html`<data value="${r}">${v.f.decimal(Math.round(r * 1000) / 10)} %</data>`;
}

function median(v: View, d: number | null): SafeHtml {
  return d === null ? unknown(v.t.umUnknown) : html`<data value="${d}">${v.f.decimal(d)}</data>`;
}

function groupLabel(v: View, by: MetricsBreakdown, key: string): string {
  const { t } = v;
  if (by === 'sex') return t.umSex[key] ?? key;
  if (by === 'ageBand') return t.umAgeBand(key);
  return key === 'unknown' ? t.umNotRecorded : key;
}

function periodForm(v: View, data: UnitMetricsPageData): SafeHtml {
  const { t, lang } = v;
  const errorOf = (id: string) => data.errors.find((e) => e.id === id);
  const input = (id: string, name: string, label: string, value: string) => {
    const error = errorOf(id);
    return field(
      error,
      html`<label for="${id}">${label}</label>
<p class="hint" id="${id}-hint">${t.umDayHint}</p>
${fieldError(v, error)}
<input id="${id}" name="${name}" value="${value}" maxlength="10" class="input-short" inputmode="numeric" autocomplete="off"${describedBy(`${id}-hint`, error)}>`,
    );
  };
  return html`<form class="filters" method="get" action="/${lang}/units/${data.unitId}/metrics" novalidate>
${input(UM_FROM_FIELD, 'from', t.umFrom, data.from)}
${input(UM_TO_FIELD, 'to', t.umTo, data.to)}
<button type="submit">${t.umShow}</button>
</form>`;
}

function totals(v: View, r: UnitMetricsReport): SafeHtml {
  const { t } = v;
  const m = r.totals;
  const rows: [string, SafeHtml][] = [
    [t.umMonitored, count(v, m.childrenMonitored)],
    [t.umIdentified, count(v, m.identifiedInChildLabour)],
    [t.umRate, rate(v, m.identificationRate)],
    [t.umSupported, count(v, m.supported)],
    [t.umVisits, count(v, m.monitoringVisits)],
    [t.umTwoFollowUps, count(v, m.withTwoFollowUps)],
    [t.umNoLonger, count(v, m.noLongerInChildLabourAtLastVisit)],
    [t.umMedian, median(v, m.medianDaysToFirstSupport)],
    [t.umOverdue, count(v, r.overdueVisits)],
  ];
  const closed = CLOSURE_REASONS.filter((reason) => (m.closedByReason[reason] ?? 0) > 0);
  return html`<section aria-labelledby="um-totals-heading">
<h2 id="um-totals-heading">${t.umTotalsHeading}</h2>
${tableRegion(
  'um-totals-caption',
  html`<table class="stats-table" id="um-totals-table">
<caption id="um-totals-caption">${t.umTotalsCaption}</caption>
<thead><tr><th scope="col">${t.umColFigure}</th><th scope="col">${t.umColValue}</th></tr></thead>
<tbody>
${rows.map(([label, value]) => html`<tr><th scope="row">${label}</th><td class="num">${value}</td></tr>`)}
</tbody>
</table>`,
)}
<h3 id="um-closed-heading">${t.umClosedHeading}</h3>
${
  closed.length === 0
    ? html`<p>${t.umNoneClosed}</p>`
    : tableRegion(
        'um-closed-caption',
        html`<table class="stats-table" id="um-closed-table">
<caption id="um-closed-caption">${t.umClosedCaption}</caption>
<thead><tr><th scope="col">${t.umColReason}</th><th scope="col">${t.umColCases}</th></tr></thead>
<tbody>
${closed.map((reason) => html`<tr><th scope="row">${t.umClosureReason[reason]}</th><td class="num">${count(v, m.closedByReason[reason] ?? 0)}</td></tr>`)}
</tbody>
</table>`,
      )
}
</section>`;
}

function chart(v: View, by: MetricsBreakdown, groups: readonly MetricsGroup[]): BarChartSpec {
  const { t } = v;
  return {
    id: `um-chart-${by}`,
    title: t.umChartTitle(t.umByWord[by]),
    desc: t.umChartDesc,
    categories: groups.map((g) => groupLabel(v, by, g.key)),
    series: [
      { label: t.umSeriesMonitored, values: groups.map((g) => g.metrics.childrenMonitored) },
      { label: t.umSeriesIdentified, values: groups.map((g) => g.metrics.identifiedInChildLabour) },
      { label: t.umSeriesNoLonger, values: groups.map((g) => g.metrics.noLongerInChildLabourAtLastVisit) },
    ],
    formatValue: (n) => v.f.decimal(n),
  };
}

function breakdown(v: View, by: MetricsBreakdown, heading: string, groups: readonly MetricsGroup[]): SafeHtml {
  const { t } = v;
  const caption = `um-${by}-caption`;
  return html`<section aria-labelledby="um-${by}-heading">
<h2 id="um-${by}-heading">${heading}</h2>
<figure class="chart-figure">${barChartSvg(chart(v, by, groups))}</figure>
${tableRegion(
  caption,
  html`<table class="stats-table" id="um-${by}-table">
<caption id="${caption}">${t.umBreakdownCaption(t.umByWord[by])}</caption>
<thead><tr><th scope="col">${t.umColGroup[by]}</th><th scope="col">${t.umMonitored}</th><th scope="col">${t.umIdentified}</th><th scope="col">${t.umRate}</th><th scope="col">${t.umSupported}</th><th scope="col">${t.umTwoFollowUps}</th><th scope="col">${t.umNoLonger}</th><th scope="col">${t.umMedian}</th><th scope="col">${t.umOverdue}</th></tr></thead>
<tbody>
${groups.map(
  (g) =>
    html`<tr><th scope="row">${groupLabel(v, by, g.key)}</th><td class="num">${count(v, g.metrics.childrenMonitored)}</td><td class="num">${count(v, g.metrics.identifiedInChildLabour)}</td><td class="num">${rate(v, g.metrics.identificationRate)}</td><td class="num">${count(v, g.metrics.supported)}</td><td class="num">${count(v, g.metrics.withTwoFollowUps)}</td><td class="num">${count(v, g.metrics.noLongerInChildLabourAtLastVisit)}</td><td class="num">${median(v, g.metrics.medianDaysToFirstSupport)}</td><td class="num">${count(v, g.overdueVisits)}</td></tr>`,
)}
</tbody>
</table>`,
)}
</section>`;
}

export function renderUnitMetrics(v: View, data: UnitMetricsPageData, unitName: string): string {
  const { t } = v;
  const r = data.report;
  const csv = r ? `/api/units/${r.unitId}/metrics?from=${r.from}&to=${r.to}&format=csv` : null;
  const figures = r
    ? html`<p>${t.umPeriod(r.from, r.to)} ${t.umOverdueOn(r.asOf)}</p>
${r.totals.childrenMonitored === 0 ? html`<p>${t.umNoChildren}</p>` : null}
${totals(v, r)}
${breakdown(v, 'sex', t.umBySexHeading, r.bySex)}
${breakdown(v, 'ageBand', t.umByAgeHeading, r.byAgeBand)}
${breakdown(v, 'district', t.umByDistrictHeading, r.byDistrict)}
<p class="downloads">${t.umDownloads} <a href="${csv}" download>${t.umDownloadCsv}</a></p>`
    : null;
  const body = html`<h1>${t.umTitle(unitName)}</h1>
<p class="lead">${t.umIntro}</p>
${errorSummary(v, data.errors)}
${periodForm(v, data)}
${figures}`;
  return layout(v, { title: t.umTitle(unitName), section: null, body });
}
