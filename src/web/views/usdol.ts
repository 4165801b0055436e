import type { ChildWorkMeasure, UsdolFigure, UsdolGood, UsdolLegalStandard, UsdolValue } from '../../domain/usdol/usdol.ts';
import type { CountryUsdol } from '../../services/usdol-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { tableRegion, unknown } from './components.ts';
import { labelCells, STACKED_TABLE } from './stacked-table.ts';
import type { View } from './view.ts';

/** Measures USDOL gives as a share (0.12 = 12 %). */
const SHARES = new Set<string>([
  'share_working',
  'share_agriculture',
  'share_industry',
  'share_services',
  'attendance_share',
  'primary_completion_rate',
]);

/** A sourced value in the reader's language: Yes/No words, numbers formatted, shares as percentages, text as written. */
export function usdolValueText(v: View, value: UsdolValue, measure = ''): SafeHtml {
  const { t, f } = v;
  if (value === null) return unknown(t.usdolUnknown);
  if (typeof value === 'boolean') return html`${value ? t.usdolYes : t.usdolNo}`;
  if (typeof value === 'number') return html`${SHARES.has(measure) ? `${f.decimal(value * 100)} %` : f.number(value)}`;
  return v.lang === 'en' ? html`${value}` : html`<span lang="en">${value}</span>`;
}

export function sourceCell(v: View, item: { source: string; year: number }): SafeHtml {
  return html`${v.t.usdolSourceCell(item.source, String(item.year))}`;
}

/** The kinds a good is listed for, in words. */
export function goodKinds(v: View, g: UsdolGood): SafeHtml {
  const { t } = v;
  const kinds = [
    g.childLabour ? t.goodsKind.child_labour : null,
    g.forcedLabour ? t.goodsKind.forced_labour : null,
    g.forcedChildLabour ? t.goodsKind.forced_child_labour : null,
  ].filter((k): k is string => k !== null);
  return html`${kinds.join('; ')}${g.derivedFromExploitation ? html` <span class="note">(${t.goodsDerived})</span>` : null}`;
}

function legalTable(v: View, rows: readonly UsdolLegalStandard[]): SafeHtml {
  const { t } = v;
  const labels = [t.usdolColStandard, t.usdolColInLaw, t.usdolColAge, t.usdolColConforms, t.usdolColSource];
  return tableRegion(
    'usdol-legal-caption',
    html`<table class="${STACKED_TABLE}">
<caption id="usdol-legal-caption">${t.usdolLegalCaption}</caption>
<thead><tr>${labels.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>
<tbody>
${rows.map((r) =>
  labelCells(
    labels.slice(1),
    html`<tr><th scope="row">${t.usdolStandard[r.standard]}</th><td>${usdolValueText(v, r.inLaw)}</td><td>${r.age === null && !r.ageApplies ? html`<span class="note">${t.usdolNotApplicable}</span>` : usdolValueText(v, r.age)}</td><td>${usdolValueText(v, r.conforms)}</td><td>${sourceCell(v, r)}</td></tr>`,
  ),
)}
</tbody>
</table>`,
  );
}

function figureTable<K extends string>(
  v: View,
  id: string,
  caption: string,
  rows: readonly UsdolFigure<K>[],
  label: (k: K) => string,
): SafeHtml {
  const { t } = v;
  const labels = [t.usdolColMeasure, t.usdolColValue, t.usdolColSource];
  return tableRegion(
    id,
    html`<table class="${STACKED_TABLE}">
<caption id="${id}">${caption}</caption>
<thead><tr>${labels.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>
<tbody>
${rows.map((r) =>
  labelCells(
    labels.slice(1),
    html`<tr><th scope="row">${label(r.measure)}</th><td>${usdolValueText(v, r.value, r.measure)}</td><td>${sourceCell(v, r)}</td></tr>`,
  ),
)}
</tbody>
</table>`,
  );
}

/** The country profile's USDOL section; undefined: left out (no USDOL service). */
export function usdolSection(v: View, data: CountryUsdol | undefined): SafeHtml | null {
  if (data === undefined) return null;
  const { t, lang } = v;
  const facts = data.facts;
  const goods = data.goods.length
    ? html`<ul>
${data.goods.map((g) => html`<li><span lang="en">${g.good}</span>: ${goodKinds(v, g)} <span class="note">(${sourceCell(v, g)})</span></li>`)}
</ul>`
    : html`<p>${unknown(t.usdolGoodsNone)}</p>`;
  const body = facts
    ? html`${
        facts.advancementLevel
          ? html`<p>${t.usdolAdvancement}: ${usdolValueText(v, facts.advancementLevel.value)} <span class="note">(${sourceCell(v, facts.advancementLevel)})</span></p>`
          : null
      }
<h3 id="usdol-legal-heading">${t.usdolLegalHeading}</h3>
${facts.legalStandards ? legalTable(v, facts.legalStandards) : html`<p>${unknown(t.usdolUnknown)}</p>`}
<h3 id="usdol-enforcement-heading">${t.usdolEnforcementHeading}</h3>
${
  facts.enforcement
    ? figureTable(v, 'usdol-enforcement-caption', t.usdolEnforcementCaption, facts.enforcement, (k) => t.usdolEnforcement[k])
    : html`<p>${unknown(t.usdolUnknown)}</p>`
}
<h3 id="usdol-child-work-heading">${t.usdolChildWorkHeading}</h3>
${
  facts.childWork
    ? figureTable<ChildWorkMeasure>(v, 'usdol-child-work-caption', t.usdolChildWorkCaption, facts.childWork, (k) => t.usdolChildWork[k])
    : html`<p>${unknown(t.usdolUnknown)}</p>`
}`
    : html`<p>${unknown(t.usdolNone)}</p>`;
  return html`<section aria-labelledby="usdol-heading" id="usdol">
<h2 id="usdol-heading">${t.usdolHeading}</h2>
<p>${t.usdolIntro}</p>
<h3 id="usdol-goods-heading">${t.usdolGoodsHeading}</h3>
${goods}
<p><a href="/${lang}/goods">${t.usdolAllGoods}</a></p>
${body}
</section>`;
}
