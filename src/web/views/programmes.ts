import type { ProgrammeView } from '../../services/programme-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { englishText, lowMark, unknown } from './components.ts';
import type { View } from './view.ts';

/** Shared pieces of the programmes pages and the country profile's programmes section (issue 10). */

/** The programme's name in the page language; an English-only name on an Indonesian page is marked. */
export function programmeName(v: View, p: Pick<ProgrammeView, 'nameEn' | 'nameId'>): SafeHtml {
  if (v.lang === 'en') return html`${p.nameEn}`;
  if (p.nameId) return html`${p.nameId}`;
  return html`<span lang="en">${p.nameEn}</span> <span class="note">${v.t.programmeNameEnglishOnly}</span>`;
}

export function programmeLink(v: View, p: ProgrammeView): SafeHtml {
  return html`<a href="/${v.lang}/programmes/${p.id}">${programmeName(v, p)}</a>${lowMark(v, p.confidence)}`;
}

/** A list of English free-text items (donors, partners, activities): unknown when the source is silent. */
export function textList(v: View, items: readonly string[] | null): SafeHtml {
  if (items === null || items.length === 0) return unknown(v.t.programmeUnknown);
  if (items.length === 1 && items[0]) return englishText(v, items[0]);
  return html`<ul>${items.map((i) => html`<li>${englishText(v, i)}</li>`)}</ul>`;
}

/** Shown on the profile; the rest are one click away on the filtered list. */
const PROFILE_LIMIT = 10;

/** The country profile's section: the programmes recorded in the State. Undefined: left out. */
export function programmesSection(v: View, iso3: string, programmes: readonly ProgrammeView[] | undefined): SafeHtml | null {
  if (programmes === undefined) return null;
  const { t, lang, f } = v;
  const shown = programmes.slice(0, PROFILE_LIMIT);
  const list = programmes.length
    ? html`<p>${t.programmesOfCountryIntro(f.number(programmes.length))}</p>
<ul>
${shown.map((p) => html`<li>${programmeLink(v, p)} (${t.programmeStatus[p.status]})</li>`)}
</ul>`
    : html`<p>${unknown(t.programmesOfCountryNone)}</p>`;
  return html`<section aria-labelledby="programmes-heading">
<h2 id="programmes-heading">${t.programmesOfCountryHeading}</h2>
${list}
<p><a href="/${lang}/programmes?country=${iso3}">${
    programmes.length > PROFILE_LIMIT ? t.programmesOfCountryMore(f.number(programmes.length)) : t.programmesAll
  }</a></p>
</section>`;
}
