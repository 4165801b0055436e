import type { SearchResult } from '../../services/registry-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { countryLink, instrumentLink, instrumentTitle, lowMark } from '../views/components.ts';
import { layout } from '../views/layout.ts';
import { queryString, type View } from '../views/view.ts';

/** The GET search form; used on the home page and the search page. */
export function searchForm(v: View, q: string): SafeHtml {
  const { t, lang } = v;
  return html`<form class="search" method="get" action="/${lang}/search" role="search">
<div class="field">
<label for="q">${t.searchLabel}</label>
<p class="hint" id="q-hint">${t.searchHint}</p>
<div class="search-row">
<input type="search" id="q" name="q" value="${q}" maxlength="200" aria-describedby="q-hint">
<button type="submit">${t.searchButton}</button>
</div>
</div>
</form>`;
}

export function renderSearch(v: View, result: SearchResult | null): string {
  const { t, f, lang } = v;
  const q = result?.q ?? '';
  let results: SafeHtml | null = null;
  if (result && q) {
    const nothing = result.instruments.length === 0 && result.countries.length === 0;
    results = nothing
      ? html`<p role="status">${t.searchNothing(q)}</p>`
      : html`<h2 id="results-heading">${t.searchResultsFor(q)}</h2>
${
  result.instruments.length
    ? html`<section aria-labelledby="instrument-results">
<h3 id="instrument-results">${t.searchInstrumentsHeading(f.number(result.instrumentTotal))}</h3>
<ul>
${result.instruments.map((i) => html`<li>${instrumentLink(v, i.code)}: ${instrumentTitle(v, i)}${lowMark(v, i.confidence)} <span class="note">(${t.instrumentType[i.type]})</span></li>`)}
</ul>
${
  result.instrumentTotal > result.instruments.length
    ? html`<p>${t.searchShowingFirst(f.number(result.instruments.length), f.number(result.instrumentTotal))} <a href="/${lang}/instruments${queryString({ q })}">${t.searchSeeAll}</a></p>`
    : null
}
</section>`
    : null
}
${
  result.countries.length
    ? html`<section aria-labelledby="country-results">
<h3 id="country-results">${t.searchCountriesHeading(f.number(result.countries.length))}</h3>
<ul>
${result.countries.map((c) => html`<li>${countryLink(v, c)} <span class="note">(${c.iso3})</span></li>`)}
</ul>
</section>`
    : null
}`;
  }
  const body = html`<h1>${t.searchTitle}</h1>
${searchForm(v, q)}
${results ?? html`<p>${t.searchPrompt}</p>`}`;
  return layout(v, { title: q ? `${t.searchResultsFor(q)}` : t.searchTitle, section: 'search', body });
}
