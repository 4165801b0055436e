/** The statistics charts, shared by the portal page and the API's SVG downloads (in English there). */
import type { Lang } from '../../domain/facts.ts';
import type { ChildLabourStatistics, RatificationStatistics } from '../../services/statistics-service.ts';
import { type Formats, formatsFor } from '../i18n/format.ts';
import { type Dict, dictFor } from '../i18n/index.ts';
import type { BarChartSpec } from './bar-chart.ts';

export interface ChartLocale {
  t: Dict;
  f: Formats;
}

export function chartLocale(lang: Lang): ChartLocale {
  return { t: dictFor(lang), f: formatsFor(lang) };
}

export function childLabourChart(data: ChildLabourStatistics, { t, f }: ChartLocale): BarChartSpec {
  return {
    id: 'chart-child-labour',
    title: t.chartChildLabourTitle,
    desc: t.chartChildLabourDesc,
    categories: data.estimates.map((e) => String(e.year)),
    series: [
      { label: t.chartSeriesChildLabour, values: data.estimates.map((e) => e.childLabour) },
      { label: t.chartSeriesHazardous, values: data.estimates.map((e) => e.hazardousWork) },
    ],
    formatValue: (n) => t.chartMillions(f.number(Math.round(n / 1e6))),
  };
}

export function ratificationsChart(data: RatificationStatistics, { t, f }: ChartLocale): BarChartSpec {
  const categories =
    data.by === 'year'
      ? data.rows.map((r) => (r.year === null ? '?' : String(r.year)))
      : data.rows.map((r) => (r.region === null ? '?' : t.chartRegionShort[r.region]));
  return {
    id: `chart-ratifications-${data.by}`,
    title: t.chartRatificationsTitle(data.instrument.code, data.by === 'year'),
    desc: t.chartRatificationsDesc,
    categories,
    series: [{ label: t.chartSeriesRatifications, values: data.rows.map((r) => r.count) }],
    formatValue: (n) => f.decimal(n),
  };
}
