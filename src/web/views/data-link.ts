import type { TableName } from '../../services/open-data/tables.ts';
import { html, type SafeHtml } from '../html.ts';
import type { View } from './view.ts';

/**
 * "Download this table" (issue 10, decision 202): under every page that shows a table, the matching
 * open-data downloads (GET /api/export/<table>.csv and .json, as on /{lang}/data) and a link to all
 * open data. Plain links: no script, and the same on every page so readers learn where to look.
 */
export function dataLink(v: View, ...tables: TableName[]): SafeHtml {
  const { t } = v;
  const label = (name: string) => t.dataTableLabel[name] ?? name;
  const one = (name: TableName) =>
    html`${tables.length > 1 ? html`${label(name)}: ` : null}<a href="/api/export/${name}.csv" aria-label="${t.dataLinkCsv(label(name))}" download>CSV</a> · <a href="/api/export/${name}.json" aria-label="${t.dataLinkJson(label(name))}">JSON</a>`;
  return html`<p class="data-link">${t.dataLinkLabel}: ${tables.map((name, i) => html`${i ? '; ' : ''}${one(name)}`)} (<a href="/${v.lang}/data">${t.dataLinkAll}</a>)</p>`;
}
