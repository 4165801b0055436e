import { GOOD_KINDS, type GoodKind } from '../../domain/usdol/usdol.ts';
import type { CountryRef } from '../../services/registry-service.ts';
import type { GoodsList } from '../../services/usdol-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { countryLink, tableRegion } from '../views/components.ts';
import { dataLink } from '../views/data-link.ts';
import { describedBy, errorSummary, type FieldError, field, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import { labelCells, STACKED_TABLE } from '../views/stacked-table.ts';
import { goodKinds, sourceCell } from '../views/usdol.ts';
import type { View } from '../views/view.ts';

export const GOODS_FIELD_IDS = { good: 'goods-good', country: 'goods-country', kind: 'goods-kind' } as const;
const MAX_GOOD_LENGTH = 100;

export interface GoodsForm {
  values: { good: string; country: string; kind: string };
  errors: FieldError[];
}

/** The filter form's values (GET, so a filtered list has an address); bad values are named in the reader's language. */
export function parseGoodsForm(v: View, params: URLSearchParams): GoodsForm {
  const { t } = v;
  const good = (params.get('good') ?? '').trim();
  const country = (params.get('country') ?? '').trim().toUpperCase();
  const kind = (params.get('kind') ?? '').trim();
  const errors: FieldError[] = [];
  if (good.length > MAX_GOOD_LENGTH) errors.push({ id: GOODS_FIELD_IDS.good, message: t.goodsErrorGood(String(MAX_GOOD_LENGTH)) });
  if (country && !/^[A-Z]{3}$/.test(country)) errors.push({ id: GOODS_FIELD_IDS.country, message: t.goodsErrorCountry });
  if (kind && !(GOOD_KINDS as readonly string[]).includes(kind)) errors.push({ id: GOODS_FIELD_IDS.kind, message: t.goodsErrorKind });
  return { values: { good: good.slice(0, MAX_GOOD_LENGTH * 2), country: country.slice(0, 3), kind: kind.slice(0, 40) }, errors };
}

/** A State's name: the registry's (in the reader's language, linked) for member States, USDOL's otherwise. */
function countryCell(v: View, iso3: string, usdolName: string, members: ReadonlyMap<string, CountryRef>): SafeHtml {
  const member = members.get(iso3);
  return member ? countryLink(v, member) : html`<span lang="en">${usdolName}</span> <span class="note">(${v.t.goodsNotMember})</span>`;
}

function filterForm(v: View, list: GoodsList, form: GoodsForm, members: ReadonlyMap<string, CountryRef>): SafeHtml {
  const { t, lang } = v;
  const err = (id: string) => form.errors.find((e) => e.id === id);
  const name = (c: { iso3: string; countryUsdol: string }) => {
    const m = members.get(c.iso3);
    return m ? (lang === 'id' && m.nameId ? m.nameId : m.nameEn) : c.countryUsdol;
  };
  const countries = [...list.countries].sort((a, b) => v.f.compare(name(a), name(b)));
  return html`<form class="filters" method="get" action="/${lang}/goods" aria-labelledby="goods-filter-heading">
<h2 id="goods-filter-heading">${t.goodsFilterLegend}</h2>
<div class="fields">
${field(
  err(GOODS_FIELD_IDS.good),
  html`<label for="${GOODS_FIELD_IDS.good}">${t.goodsFilterGood}</label>${fieldError(v, err(GOODS_FIELD_IDS.good))}<input type="text" id="${GOODS_FIELD_IDS.good}" name="good" value="${form.values.good}" maxlength="${MAX_GOOD_LENGTH}"${describedBy(null, err(GOODS_FIELD_IDS.good))}>`,
)}
${field(
  err(GOODS_FIELD_IDS.country),
  html`<label for="${GOODS_FIELD_IDS.country}">${t.goodsFilterCountry}</label>${fieldError(v, err(GOODS_FIELD_IDS.country))}<select id="${GOODS_FIELD_IDS.country}" name="country"${describedBy(null, err(GOODS_FIELD_IDS.country))}><option value="">${t.goodsAny}</option>${countries.map(
    (c) => html`<option value="${c.iso3}"${c.iso3 === form.values.country ? html` selected` : null}>${name(c)}</option>`,
  )}</select>`,
)}
${field(
  err(GOODS_FIELD_IDS.kind),
  html`<label for="${GOODS_FIELD_IDS.kind}">${t.goodsFilterKind}</label>${fieldError(v, err(GOODS_FIELD_IDS.kind))}<select id="${GOODS_FIELD_IDS.kind}" name="kind"${describedBy(null, err(GOODS_FIELD_IDS.kind))}><option value="">${t.goodsAny}</option>${GOOD_KINDS.map(
    (k: GoodKind) => html`<option value="${k}"${k === form.values.kind ? html` selected` : null}>${t.goodsKind[k]}</option>`,
  )}</select>`,
)}
<div class="field"><button type="submit">${t.goodsFilterSubmit}</button></div>
</div>
<p><a href="/${lang}/goods">${t.clearFilters}</a></p>
</form>`;
}

function goodsTable(v: View, list: GoodsList, members: ReadonlyMap<string, CountryRef>): SafeHtml {
  const { t, f } = v;
  if (!list.items.length) return html`<p role="status">${t.goodsNone}</p>`;
  const labels = [t.goodsColGood, t.goodsColCountry, t.goodsColSector, t.goodsColKinds, t.goodsColSource];
  return tableRegion(
    'goods-caption',
    html`<table class="${STACKED_TABLE}">
<caption id="goods-caption">${t.goodsCaption(f.number(list.total))}</caption>
<thead><tr>${labels.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>
<tbody>
${list.items.map((g) =>
  labelCells(
    labels.slice(1),
    html`<tr><th scope="row" lang="en">${g.good}</th><td>${countryCell(v, g.iso3, g.countryUsdol, members)}</td><td>${t.goodsSector[g.sector]}</td><td>${goodKinds(v, g)}</td><td>${sourceCell(v, g)}</td></tr>`,
  ),
)}
</tbody>
</table>`,
  );
}

export function renderGoods(v: View, list: GoodsList | null, form: GoodsForm, members: ReadonlyMap<string, CountryRef>): string {
  const { t, lang } = v;
  const all = list ?? { items: [], total: 0, goods: [], countries: [], source: '', year: 0 };
  const body = html`<h1>${t.goodsTitle}</h1>
<p class="lead">${t.goodsIntro}</p>
${list ? html`<p class="note">${t.goodsSourceLine(list.source, String(list.year))}</p>` : null}
${errorSummary(v, form.errors)}
${filterForm(v, all, form, members)}
${list ? goodsTable(v, list, members) : null}
<section aria-labelledby="goods-by-good-heading">
<h2 id="goods-by-good-heading">${t.goodsByGoodHeading}</h2>
<ul class="country-list">
${all.goods.map((g) => html`<li><a href="/${lang}/goods?good=${encodeURIComponent(g)}" lang="en">${g}</a></li>`)}
</ul>
</section>
<section aria-labelledby="goods-by-country-heading">
<h2 id="goods-by-country-heading">${t.goodsByCountryHeading}</h2>
<ul class="country-list">
${all.countries.map((c) => {
  const m = members.get(c.iso3);
  const label = m ? (lang === 'id' && m.nameId ? m.nameId : m.nameEn) : c.countryUsdol;
  return html`<li><a href="/${lang}/goods?country=${c.iso3}"${m ? null : html` lang="en"`}>${label}</a></li>`;
})}
</ul>
</section>`;
  return layout(v, { title: t.goodsTitle, section: 'goods', body: html`${body}${dataLink(v, 'usdol-goods')}` });
}
