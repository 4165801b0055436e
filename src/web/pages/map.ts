import type { InstrumentDetail } from '../../services/registry-service.ts';
import { html } from '../html.ts';
import type { MapMember } from '../map/render.ts';
import { instrumentTitle, instrumentTitlePlain } from '../views/components.ts';
import { layout } from '../views/layout.ts';
import { ratificationMap } from '../views/ratification-map.ts';
import type { View } from '../views/view.ts';

export interface MapPageData {
  /** The code typed in the form, as given (kept in the field). */
  value: string;
  detail: InstrumentDetail;
  members: readonly MapMember[];
}

/** GET /{lang}/map?instrument=C138: the ratification map of one Convention or Protocol, with a form to choose another. */
export function renderMapPage(v: View, data: MapPageData): string {
  const { t, lang } = v;
  const i = data.detail.instrument;
  const body = html`<h1>${t.mapPageTitle(i.code)}</h1>
<p><a href="/${lang}/instruments/${i.code}">${i.code}</a>: ${instrumentTitle(v, i)}</p>
<p>${t.mapPageIntro}</p>
<form method="get" action="/${lang}/map" class="inline-form">
<label for="map-instrument">${t.mapChooseLabel}</label>
<input id="map-instrument" name="instrument" value="${data.value}" size="8" maxlength="12" aria-describedby="map-instrument-hint">
<button type="submit">${t.mapShowButton}</button>
<span id="map-instrument-hint" class="hint">${t.mapChooseHint}</span>
</form>
${
  i.type === 'recommendation'
    ? html`<p>${t.mapNoRatifications}</p>`
    : // A heading between the page's h1 and the key's h3 (heading levels in order).
      html`<section aria-labelledby="map-page-heading">
<h2 id="map-page-heading">${t.mapSvgTitle(i.code)}</h2>
${ratificationMap(v, data.detail, data.members, {
  tableHref: `/${lang}/instruments/${i.code}#ratifications-heading`,
  pageLink: false,
})}
</section>`
}`;
  return layout(v, { title: `${t.mapPageTitle(i.code)}: ${instrumentTitlePlain(v, i)}`, section: 'instruments', body });
}
