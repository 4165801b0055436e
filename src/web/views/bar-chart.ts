/**
 * A server-rendered SVG bar chart (no library, no script, no inline style: presentation
 * attributes only, so the page's CSP holds). The chart is `role="img"` with `<title>` and `<desc>`;
 * the page puts a table with the same numbers beside it, which is the accessible alternative. A
 * missing value (a gap in the sources) draws no bar and is marked "?" on the axis.
 */
import { html, type SafeHtml } from '../html.ts';

export interface BarSeries {
  label: string;
  values: readonly (number | null)[];
}

export interface BarChartSpec {
  id: string;
  title: string;
  desc: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Formats an axis value (e.g. millions). */
  formatValue: (n: number) => string;
}

/** Fills with at least 3:1 contrast against white (WCAG 1.4.11), told apart also by the legend order. */
const FILLS = ['#1f4e79', '#b34700', '#2e6b30'];
const WIDTH = 720;
const HEIGHT = 320;
const PAD = { top: 30, right: 12, bottom: 44, left: 64 };

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

export function barChartSvg(spec: BarChartSpec, standalone = false): SafeHtml {
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = niceMax(Math.max(0, ...values));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const n = Math.max(1, spec.categories.length);
  const band = plotW / n;
  const barW = Math.max(1, (band * 0.8) / Math.max(1, spec.series.length));
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  // Label every category when they fit, otherwise every k-th.
  const every = Math.max(1, Math.ceil(n / 16));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  const ns = standalone ? html` xmlns="http://www.w3.org/2000/svg"` : null;
  return html`<svg${ns} id="${spec.id}" class="chart" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" preserveAspectRatio="xMidYMid meet" font-family="sans-serif" font-size="12">
<title id="${titleId}">${spec.title}</title>
<desc id="${descId}">${spec.desc}</desc>
<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>
${ticks.map(
  (t) =>
    html`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#c8c8c8" stroke-width="1"/><text x="${PAD.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" fill="#1a1a1a">${spec.formatValue(t)}</text>`,
)}
${spec.categories.map((cat, i) => {
  const x0 = PAD.left + i * band + band * 0.1;
  const bars = spec.series.map((s, k) => {
    const v = s.values[i] ?? null;
    if (v === null)
      return html`<text x="${(x0 + k * barW + barW / 2).toFixed(1)}" y="${(PAD.top + plotH - 4).toFixed(1)}" text-anchor="middle" fill="#1a1a1a">?</text>`;
    return html`<rect x="${(x0 + k * barW).toFixed(1)}" y="${y(v).toFixed(1)}" width="${(barW * 0.95).toFixed(1)}" height="${(PAD.top + plotH - y(v)).toFixed(1)}" fill="${FILLS[k % FILLS.length]}"/>`;
  });
  const label =
    i % every === 0
      ? html`<text x="${(PAD.left + i * band + band / 2).toFixed(1)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle" fill="#1a1a1a">${cat}</text>`
      : null;
  return html`<g>${bars}${label}</g>`;
})}
<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH}" stroke="#1a1a1a" stroke-width="1"/>
${spec.series.map(
  (s, k) =>
    html`<rect x="${PAD.left + k * 240}" y="8" width="12" height="12" fill="${FILLS[k % FILLS.length]}"/><text x="${PAD.left + k * 240 + 18}" y="18" fill="#1a1a1a">${s.label}</text>`,
)}
</svg>`;
}

/** A chart as a downloadable SVG document. */
export function barChartDocument(spec: BarChartSpec): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${barChartSvg(spec, true).value}\n`;
}
