import { html } from '../html.ts';
import { tableRegion } from '../views/components.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

export interface OpenDataPageData {
  /** Short data version (first 8 characters) and the release date, as in the ZIP's name. */
  version: string;
  releaseDate: string;
  tables: { name: string; description: string }[];
}

/** /{lang}/data: the ZIP and each table's CSV and JSON (decision 185); plain links, no script. */
export function renderOpenData(v: View, data: OpenDataPageData): string {
  const { t } = v;
  const label = (name: string) => t.dataTableLabel[name] ?? name;
  const body = html`<h1>${t.dataTitle}</h1>
<p class="lead">${t.dataIntro}</p>
<p class="note">${t.dataVersionLine(data.version, data.releaseDate)}</p>
<section aria-labelledby="data-zip-heading">
<h2 id="data-zip-heading">${t.dataZipHeading}</h2>
<p><a href="/api/export.zip" download>${t.dataZipLink}</a></p>
<p>${t.dataZipNote}</p>
</section>
<section aria-labelledby="data-tables-heading">
<h2 id="data-tables-heading">${t.dataTablesHeading}</h2>
<p>${t.dataSpreadsheetNote}</p>
${tableRegion(
  'data-tables-caption',
  html`<table>
<caption id="data-tables-caption">${t.dataTablesCaption}</caption>
<thead><tr><th scope="col">${t.dataColTable}</th><th scope="col">${t.dataColDownload}</th></tr></thead>
<tbody>
${data.tables.map(
  (tb) =>
    html`<tr><th scope="row">${label(tb.name)}</th><td><a href="/api/export/${tb.name}.csv" aria-label="${t.dataCsv(label(tb.name))}">CSV</a> · <a href="/api/export/${tb.name}.json" aria-label="${t.dataJson(label(tb.name))}">JSON</a></td></tr>`,
)}
</tbody>
</table>`,
)}
</section>`;
  return layout(v, { title: t.dataTitle, section: null, body });
}
