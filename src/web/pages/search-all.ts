import type { SearchGroup, SearchHit } from '../../services/search/search-index.ts';
import type { SearchResponse } from '../../services/search/search-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';
import { searchForm } from './search.ts';

/* The search page over everything (decision 175): a GET form, results grouped by kind, no script. */

function hitItem(v: View, hit: SearchHit): SafeHtml {
  const href = `/${v.lang}${hit.path}`;
  if (hit.kind === 'instrument') return html`<li><a href="${href}">${hit.key}</a>: ${hit.title}</li>`;
  if (hit.kind === 'country') return html`<li><a href="${href}">${hit.title}</a> <span class="note">(${hit.key})</span></li>`;
  return html`<li><a href="${href}">${hit.title}</a></li>`;
}

function groupSection(v: View, g: SearchGroup): SafeHtml {
  const { t, f } = v;
  const id = `results-${g.kind}`;
  return html`<section aria-labelledby="${id}">
<h3 id="${id}">${t.searchKindCount(t.searchKindHeading[g.kind], f.number(g.total))}</h3>
<ul>
${g.hits.map((h) => hitItem(v, h))}
</ul>
${g.total > g.hits.length ? html`<p class="note">${t.searchShowingSome(f.number(g.hits.length), f.number(g.total))}</p>` : null}
</section>`;
}

export function renderSearchAll(v: View, result: SearchResponse | null): string {
  const { t, f } = v;
  const q = result?.q ?? '';
  let results: SafeHtml | null = null;
  if (result && q) {
    results =
      result.groups.length === 0
        ? html`<p role="status">${t.searchNothing(q)}</p>`
        : html`<h2 id="results-heading">${t.searchResultsFor(q)}</h2>
${result.matched === 'any' ? html`<p role="status">${t.searchSomeWords}</p>` : null}
${
  result.groups.length > 1
    ? html`<nav aria-label="${t.searchKindsNav}"><ul class="inline">
${result.groups.map((g) => html`<li><a href="#results-${g.kind}">${t.searchKindCount(t.searchKindHeading[g.kind], f.number(g.total))}</a></li>`)}
</ul></nav>`
    : null
}
${result.groups.map((g) => groupSection(v, g))}`;
  }
  const body = html`<h1>${t.searchTitle}</h1>
${searchForm(v, q)}
${
  results ??
  html`<p>${t.searchAllPrompt}</p>
<p class="note">${t.searchAllHint}</p>`
}`;
  return layout(v, { title: q ? t.searchResultsFor(q) : t.searchTitle, section: 'search', body });
}
