import { canWrite, type WriteTarget } from '../../domain/access/policy.ts';
import { GAP_KINDS, type Gap, type GapKind } from '../../domain/gaps.ts';
import type { Page } from '../../services/ports.ts';
import type { CountryRef } from '../../services/registry-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { countryName, countryNamePlain, tableRegion } from '../views/components.ts';
import { layout } from '../views/layout.ts';
import { labelCells, STACKED_TABLE } from '../views/stacked-table.ts';
import { queryString, type View } from '../views/view.ts';
import { type Parsed, parsePage } from './instruments-list.ts';
import { RATIFICATION_FIELD_IDS } from './ratification-edit.ts';

export const GAPS_PAGE_SIZE = 50;

export interface GapsQuery {
  country: string;
  kind: GapKind | '';
  page: number;
}

export interface GapsPageData {
  query: GapsQuery;
  result: Page<Gap> & { counts: Record<string, number> };
  countries: readonly Pick<CountryRef, 'iso3' | 'nameEn' | 'nameId'>[];
}

export function parseGapsQuery(v: View, params: URLSearchParams, countries: readonly { iso3: string }[]): Parsed<GapsQuery> {
  const { t } = v;
  const problems: string[] = [];
  const country = (params.get('country') ?? '').trim().toUpperCase();
  const kind = (params.get('kind') ?? '').trim();
  if (country && !countries.some((c) => c.iso3 === country))
    problems.push(t.invalidValue(t.gapsFilterCountry, country, t.gapsCountryCodes));
  if (kind && !(GAP_KINDS as readonly string[]).includes(kind)) problems.push(t.invalidValue(t.gapsFilterKind, kind, GAP_KINDS.join(', ')));
  const page = parsePage(params.get('page'));
  if (page === null) problems.push(t.invalidPage);
  if (problems.length) return { ok: false, message: problems.join(' ') };
  return { ok: true, value: { country, kind: kind as GapKind | '', page: page ?? 1 } };
}

/** The write a gap needs, for the policy: who may fill it. */
export function gapTarget(gap: Gap): WriteTarget {
  if (gap.recordType === 'instrument') return { kind: 'instrument' };
  if (gap.recordType === 'gb_period') return { kind: 'secretariat_record' };
  return { kind: gap.recordType, country: gap.country ?? '' };
}

/** The control of the ratification form that fills each kind of gap. */
const RATIFICATION_GAP_FIELDS: Partial<Record<GapKind, string>> = {
  'c138-minimum-age': RATIFICATION_FIELD_IDS.minimumAge,
  'ratification-date': RATIFICATION_FIELD_IDS.registrationDate,
  'ratification-day': RATIFICATION_FIELD_IDS.registrationDate,
  'ratification-status': RATIFICATION_FIELD_IDS.status,
  'low-confidence-ratification': RATIFICATION_FIELD_IDS.source,
};

/** The form that fills a gap (at the control that fills it). */
export function gapFormPath(v: View, gap: Gap): string {
  const { lang } = v;
  if (gap.recordType === 'instrument') return `/${lang}/instruments/${gap.instrument}/edit`;
  if (gap.recordType === 'gb_period') return `/${lang}/governing-body#period-${gap.record}`;
  if (gap.recordType === 'national_profile') return `/${lang}/countries/${gap.country}/profile/edit`;
  const anchor = RATIFICATION_GAP_FIELDS[gap.kind];
  return `/${lang}/countries/${gap.country}/ratifications/${gap.instrument}/edit${anchor ? `#${anchor}` : ''}`;
}

function recordCell(v: View, gap: Gap, names: Map<string, Pick<CountryRef, 'iso3' | 'nameEn' | 'nameId'>>): SafeHtml {
  const { t, lang } = v;
  if (gap.recordType === 'instrument') return html`<a href="/${lang}/instruments/${gap.instrument}">${gap.instrument}</a>`;
  if (gap.recordType === 'gb_period') return html`<a href="/${lang}/governing-body#period-${gap.record}">${t.gbGapRecord(gap.record)}</a>`;
  const ref = gap.country ? names.get(gap.country) : undefined;
  const name = ref ? countryName(v, ref) : html`${gap.country}`;
  if (gap.recordType === 'national_profile')
    return html`<a href="/${lang}/countries/${gap.country}#national-law-heading">${name}: ${t.nationalLawShort}</a>`;
  return html`<a href="/${lang}/countries/${gap.country}#ratifications-heading">${name}: ${gap.instrument}</a>`;
}

function row(v: View, gap: Gap, names: Map<string, Pick<CountryRef, 'iso3' | 'nameEn' | 'nameId'>>): SafeHtml {
  const { t } = v;
  const allowed = v.session ? canWrite(v.session.actor, gapTarget(gap)).allowed : false;
  const fill = allowed
    ? html`<a href="${gapFormPath(v, gap)}">${t.gapFill}<span class="visually-hidden">: ${t.gapDescription[gap.kind]} (${gap.record})</span></a>`
    : null;
  return html`<tr>
<td>${t.gapDescription[gap.kind]}</td>
<td>${recordCell(v, gap, names)}</td>
<td>${t.gapRole[gap.role]}</td>
${v.session ? html`<td>${fill ?? html`<span class="unknown">${t.gapNotYours}</span>`}</td>` : null}
</tr>`;
}

function gapLabels(v: View): string[] {
  const { t } = v;
  const labels = [t.colGap, t.colRecord, t.colWhoMayFill];
  return v.session ? [...labels, t.colFill] : labels;
}

function filterForm(v: View, data: GapsPageData): SafeHtml {
  const { t, lang } = v;
  const countries = data.countries
    .map((c) => ({ c, name: countryNamePlain(v, c) }))
    .sort((a, b) => v.f.compare(a.name, b.name))
    .map(
      ({ c, name }) =>
        html`<option value="${c.iso3}"${c.iso3 === data.query.country ? html` selected` : null}${lang === 'id' && !c.nameId ? html` lang="en"` : null}>${name}</option>`,
    );
  return html`<form class="filters" method="get" action="/${lang}/gaps" aria-labelledby="filter-heading">
<h2 id="filter-heading">${t.filterHeading}</h2>
<div class="fields">
<div class="field"><label for="g-country">${t.gapsFilterCountry}</label><select id="g-country" name="country"><option value="">${t.anyOption}</option>${countries}</select></div>
<div class="field"><label for="g-kind">${t.gapsFilterKind}</label><select id="g-kind" name="kind"><option value="">${t.anyOption}</option>${GAP_KINDS.map(
    (k) => html`<option value="${k}"${k === data.query.kind ? html` selected` : null}>${t.gapKind[k]}</option>`,
  )}</select></div>
<div class="field"><button type="submit">${t.applyFilters}</button></div>
</div>
<p><a href="/${lang}/gaps">${t.clearFilters}</a></p>
</form>`;
}

function countsTable(v: View, data: GapsPageData): SafeHtml {
  const { t, f, lang } = v;
  const total = GAP_KINDS.reduce((sum, k) => sum + (data.result.counts[k] ?? 0), 0);
  return tableRegion(
    'counts-caption',
    html`<table class="counts">
<caption id="counts-caption">${data.query.country ? t.gapsCountsCaptionFor(data.query.country) : t.gapsCountsCaption}</caption>
<thead><tr><th scope="col">${t.colGapKind}</th><th scope="col" class="num">${t.colCount}</th></tr></thead>
<tbody>
${GAP_KINDS.map((k) => {
  const n = data.result.counts[k] ?? 0;
  const label = n
    ? html`<a href="/${lang}/gaps${queryString({ country: data.query.country, kind: k })}">${t.gapKind[k]}</a>`
    : html`${t.gapKind[k]}`;
  return html`<tr><th scope="row">${label}</th><td class="num">${f.number(n)}</td></tr>`;
})}
<tr class="total"><th scope="row">${t.gapsTotal}</th><td class="num">${f.number(total)}</td></tr>
</tbody>
</table>`,
  );
}

function pagination(v: View, query: GapsQuery, pages: number): SafeHtml | null {
  if (pages <= 1) return null;
  const { t, f, lang } = v;
  const link = (p: number) => `/${lang}/gaps${queryString({ country: query.country, kind: query.kind, page: p === 1 ? undefined : p })}`;
  return html`<nav class="pagination" aria-label="${t.paginationLabel}">
${query.page > 1 ? html`<a href="${link(Math.min(query.page - 1, pages))}" rel="prev">${t.previousPage}</a>` : null}
<span aria-current="page">${t.pageOf(f.number(query.page), f.number(pages))}</span>
${query.page < pages ? html`<a href="${link(query.page + 1)}" rel="next">${t.nextPage}</a>` : null}
</nav>`;
}

export function renderGaps(v: View, data: GapsPageData): string {
  const { t, f } = v;
  const { query, result } = data;
  const names = new Map(data.countries.map((c) => [c.iso3, c]));
  const pages = Math.max(1, Math.ceil(result.total / GAPS_PAGE_SIZE));
  const from = (query.page - 1) * GAPS_PAGE_SIZE + 1;
  let listing: SafeHtml;
  if (result.total === 0) listing = html`<p role="status">${t.noGaps}</p>`;
  else if (!result.items.length)
    listing = html`<p role="status">${t.noInstrumentsOnPage(f.number(pages))}</p>${pagination(v, query, pages)}`;
  else
    listing = html`${tableRegion(
      'gaps-caption',
      html`<table class="${STACKED_TABLE}">
<caption id="gaps-caption">${t.gapsCaption(f.number(from), f.number(from + result.items.length - 1), f.number(result.total))}</caption>
<thead><tr><th scope="col">${t.colGap}</th><th scope="col">${t.colRecord}</th><th scope="col">${t.colWhoMayFill}</th>${v.session ? html`<th scope="col">${t.colFill}</th>` : null}</tr></thead>
<tbody>
${result.items.map((g) => labelCells(gapLabels(v), row(v, g, names)))}
</tbody>
</table>`,
    )}
${pagination(v, query, pages)}`;
  const mine = v.session?.actor.role === 'focal_point' ? html`<p class="notice">${t.gapsYoursFirst}</p>` : null;
  const body = html`<h1>${t.gapsTitle}</h1>
<p class="lead">${t.gapsIntro}</p>
${mine}
${filterForm(v, data)}
<h2 id="counts-heading">${t.gapsCountsHeading}</h2>
${countsTable(v, data)}
<h2 id="list-heading">${t.gapsListHeading}</h2>
${listing}`;
  const title = query.page > 1 ? `${t.gapsTitle} (${t.pageOf(f.number(query.page), f.number(pages))})` : t.gapsTitle;
  return layout(v, { title, section: 'gaps', body });
}
