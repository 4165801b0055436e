import { ILO_REGIONS, type IloRegion } from '../../domain/country.ts';
import type { CountryFilter } from '../../services/ports.ts';
import type { CountryListEntry } from '../../services/registry-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { countryLink, countryNamePlain, lowMark } from '../views/components.ts';
import { countriesCoverageNote, coverageShort } from '../views/coverage.ts';
import { dataLink } from '../views/data-link.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';
import { MAX_QUERY_LENGTH, type Parsed } from './instruments-list.ts';

export function parseCountryListQuery(v: View, params: URLSearchParams): Parsed<CountryFilter> {
  const { t } = v;
  const problems: string[] = [];
  const filter: CountryFilter = {};
  const region = params.get('region')?.trim() ?? '';
  if (region) {
    if ((ILO_REGIONS as readonly string[]).includes(region)) filter.region = region;
    else problems.push(t.invalidValue(t.filterRegion, region, ILO_REGIONS.join(', ')));
  }
  const q = params.get('q')?.trim() ?? '';
  if (q.length > MAX_QUERY_LENGTH) problems.push(t.queryTooLong(String(MAX_QUERY_LENGTH)));
  else if (q) filter.q = q;
  return problems.length ? { ok: false, message: problems.join(' ') } : { ok: true, value: filter };
}

function filterForm(v: View, filter: CountryFilter): SafeHtml {
  const { t, lang } = v;
  return html`<form class="filters" method="get" action="/${lang}/countries" aria-labelledby="filter-heading">
<h2 id="filter-heading">${t.filterHeading}</h2>
<div class="fields">
<div class="field"><label for="f-region">${t.filterRegion}</label><select id="f-region" name="region"><option value="">${t.anyOption}</option>${ILO_REGIONS.map(
    (r) => html`<option value="${r}"${r === filter.region ? html` selected` : null}>${t.region[r]}</option>`,
  )}</select></div>
<div class="field"><label for="f-q">${t.filterText}</label><input type="text" id="f-q" name="q" value="${filter.q ?? ''}" maxlength="${MAX_QUERY_LENGTH}"></div>
<div class="field"><button type="submit">${t.applyFilters}</button></div>
</div>
<p><a href="/${lang}/countries">${t.clearFilters}</a></p>
</form>`;
}

function regionSection(v: View, id: string, heading: string, countries: CountryListEntry[]): SafeHtml {
  const { t, f } = v;
  const sorted = countries
    .map((c) => ({ c, name: countryNamePlain(v, c) }))
    .sort((a, b) => f.compare(a.name, b.name))
    .map(({ c }) => c);
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${heading} <span class="note">(${f.number(countries.length)})</span></h2>
<ul class="country-list">
${sorted.map(
  (c) =>
    html`<li>${countryLink(v, c)}${lowMark(v, c.confidence)} <span class="note">${c.iso3} · ${t.ratificationsRecorded(c.recordedRatifications, f.number(c.recordedRatifications))} (${coverageShort(v, c.coverage)})</span></li>`,
)}
</ul>
</section>`;
}

export function renderCountryList(v: View, filter: CountryFilter, countries: CountryListEntry[]): string {
  const { t, f } = v;
  const groups = new Map<IloRegion | null, CountryListEntry[]>();
  for (const c of countries) {
    const list = groups.get(c.region);
    if (list) list.push(c);
    else groups.set(c.region, [c]);
  }
  const sections: SafeHtml[] = [];
  ILO_REGIONS.forEach((region, n) => {
    const list = groups.get(region);
    if (list) sections.push(regionSection(v, `region-${n + 1}`, t.region[region], list));
  });
  const unplaced = groups.get(null);
  if (unplaced) sections.push(regionSection(v, 'region-none', t.regionNotRecorded, unplaced));
  const body = html`<h1>${t.countriesTitle}</h1>
<p class="lead">${t.countriesIntro}</p>
${countries[0]?.coverage.completeFor.length ? html`<p class="coverage">${countriesCoverageNote(v, countries[0].coverage.completeFor)}</p>` : null}
${filterForm(v, filter)}
<p role="status">${countries.length ? t.countriesCount(f.number(countries.length)) : t.noCountries}</p>
${sections}`;
  return layout(v, { title: t.countriesTitle, section: 'countries', body: html`${body}${dataLink(v, 'countries')}` });
}
