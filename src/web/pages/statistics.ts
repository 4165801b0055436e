/**
 * GET /{lang}/statistics: the child-labour estimates (chart, table, downloads) and, for an
 * instrument chosen with a GET form, its ratifications by year of registration and by ILO region.
 * Each chart is an inline SVG (role="img" with title and desc); the table after it holds the same
 * numbers and is the accessible alternative. No script.
 */
import type { ChildLabourStatistics, RatificationStatistics } from '../../services/statistics-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { barChartSvg } from '../views/bar-chart.ts';
import { confidenceText, instrumentTitle, tableRegion, unknown } from '../views/components.ts';
import { dataLink } from '../views/data-link.ts';
import { describedBy, errorSummary, type FieldError, field, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import { childLabourChart, ratificationsChart } from '../views/statistics-charts.ts';
import type { View } from '../views/view.ts';

export const STATS_INSTRUMENT_FIELD = 'stats-instrument';

export interface StatisticsPageData {
  childLabour: ChildLabourStatistics;
  /** The instrument as typed (kept in the form). */
  instrument: string;
  byYear: RatificationStatistics | null;
  byRegion: RatificationStatistics | null;
  error: FieldError | null;
}

function figure(v: View, n: number | null): SafeHtml {
  return n === null ? unknown(v.t.statsNotInSources) : html`<data value="${n}">${v.f.number(n)}</data>`;
}

function downloads(v: View, csv: string, svg: string, label: string): SafeHtml {
  const { t } = v;
  return html`<p class="downloads">${t.statsDownloads} <a href="${csv}" download aria-describedby="${label}">${t.statsDownloadCsv}</a> · <a href="${svg}" download aria-describedby="${label}">${t.statsDownloadSvg}</a></p>`;
}

function childLabourSection(v: View, data: ChildLabourStatistics): SafeHtml {
  const { t } = v;
  const body = data.estimates.length
    ? html`<figure class="chart-figure">${barChartSvg(childLabourChart(data, v))}</figure>
${tableRegion(
  'stats-cl-caption',
  html`<table class="stats-table" id="stats-child-labour-table">
<caption id="stats-cl-caption">${t.statsChildLabourCaption}</caption>
<thead><tr><th scope="col">${t.statsColYear}</th><th scope="col">${t.statsColAgeGroup}</th><th scope="col">${t.statsColChildLabour}</th><th scope="col">${t.statsColHazardous}</th><th scope="col">${t.statsColSource}</th><th scope="col">${t.statsColConfidence}</th></tr></thead>
<tbody>
${data.estimates.map(
  (e) =>
    html`<tr><th scope="row">${e.year}</th><td>${e.ageGroup}</td><td class="num">${figure(v, e.childLabour)}</td><td class="num">${figure(v, e.hazardousWork)}</td><td>${e.source ? html`<span class="source-id">${e.source.split(/\s*;\s*/).join('; ')}</span>` : unknown(t.noSources)}</td><td>${confidenceText(v, e.confidence)}</td></tr>`,
)}
</tbody>
</table>`,
)}
${downloads(v, '/api/statistics/child-labour?format=csv', '/api/statistics/child-labour.svg', 'stats-cl-caption')}`
    : html`<p>${unknown(t.statsNoEstimates)}</p>`;
  return html`<section aria-labelledby="stats-cl-heading">
<h2 id="stats-cl-heading">${t.statsChildLabourHeading}</h2>
<p>${t.statsChildLabourIntro}</p>
${body}
</section>`;
}

function instrumentForm(v: View, data: StatisticsPageData): SafeHtml {
  const { t, lang } = v;
  const id = STATS_INSTRUMENT_FIELD;
  const error = data.error ?? undefined;
  return html`<form class="filters" method="get" action="/${lang}/statistics#stats-rat-heading" novalidate>
${field(
  error,
  html`<label for="${id}">${t.statsInstrumentLabel}</label>
<p class="hint" id="${id}-hint">${t.statsInstrumentHint}</p>
${fieldError(v, error)}
<input id="${id}" name="instrument" value="${data.instrument}" maxlength="4" class="input-short" spellcheck="false" autocomplete="off"${describedBy(`${id}-hint`, error)}>`,
)}
<button type="submit">${t.statsShow}</button>
</form>`;
}

function apiQuery(code: string, by: 'year' | 'region', format: 'csv' | 'svg'): string {
  return `/api/statistics/ratifications?instrument=${encodeURIComponent(code)}&by=${by}&format=${format}`;
}

function ratificationsBlock(v: View, stats: RatificationStatistics): SafeHtml {
  const { t } = v;
  const code = stats.instrument.code;
  const caption = `stats-rat-${stats.by}-caption`;
  const heading = stats.by === 'year' ? t.statsByYearHeading : t.statsByRegionHeading;
  const table =
    stats.by === 'year'
      ? html`<table class="stats-table" id="stats-by-year-table">
<caption id="${caption}">${t.statsByYearCaption(code)}</caption>
<thead><tr><th scope="col">${t.statsColYear}</th><th scope="col">${t.statsColRatifications}</th><th scope="col">${t.statsColCumulative}</th></tr></thead>
<tbody>
${stats.rows.map(
  (r) =>
    html`<tr><th scope="row">${r.year ?? unknown(t.statsYearUnknown)}</th><td class="num">${v.f.number(r.count)}</td><td class="num">${r.cumulative === null ? '' : v.f.number(r.cumulative)}</td></tr>`,
)}
</tbody>
</table>`
      : html`<table class="stats-table" id="stats-by-region-table">
<caption id="${caption}">${t.statsByRegionCaption(code)}</caption>
<thead><tr><th scope="col">${t.statsColRegion}</th><th scope="col">${t.statsColRatifications}</th></tr></thead>
<tbody>
${stats.rows.map(
  (r) =>
    html`<tr><th scope="row">${r.region ? t.region[r.region] : unknown(t.statsRegionUnknown)}</th><td class="num">${v.f.number(r.count)}</td></tr>`,
)}
</tbody>
</table>`;
  return html`<h3>${heading}</h3>
<figure class="chart-figure">${barChartSvg(ratificationsChart(stats, v))}</figure>
${tableRegion(caption, table)}
${downloads(v, apiQuery(code, stats.by, 'csv'), apiQuery(code, stats.by, 'svg'), caption)}`;
}

function ratificationsSection(v: View, data: StatisticsPageData): SafeHtml {
  const { t } = v;
  const first = data.byYear ?? data.byRegion;
  let results: SafeHtml | null = null;
  if (first && data.byYear && data.byRegion) {
    results =
      first.total === 0
        ? html`<p>${t.statsNoRatifications}</p>`
        : html`<p>${instrumentTitle(v, first.instrument)} (${first.instrument.code}). ${t.statsTotal(v.f.number(first.total))}</p>
${ratificationsBlock(v, data.byYear)}
${ratificationsBlock(v, data.byRegion)}`;
  }
  return html`<section aria-labelledby="stats-rat-heading">
<h2 id="stats-rat-heading">${t.statsRatificationsHeading}</h2>
<p>${t.statsRatificationsIntro}</p>
${errorSummary(v, data.error ? [data.error] : [])}
${instrumentForm(v, data)}
${results}
</section>`;
}

export function renderStatistics(v: View, data: StatisticsPageData): string {
  const { t } = v;
  const body = html`<h1>${t.statsTitle}</h1>
<p class="lead">${t.statsIntro}</p>
${childLabourSection(v, data.childLabour)}
${ratificationsSection(v, data)}`;
  return layout(v, {
    title: t.statsTitle,
    section: 'statistics',
    body: html`${body}${dataLink(v, 'child-labour-estimates', 'ratifications')}`,
  });
}
