import type { Confidence } from '../../domain/facts.ts';
import type { CoveringOffice, IloOffice } from '../../domain/governance/offices.ts';
import type { CountryRef } from '../../services/registry-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { countryLink, englishText, lowMark, unknown } from './components.ts';
import type { View } from './view.ts';

/** Shared pieces of the Governing Body and Office pages, and the country profile's offices section. */

export type CountryNames = ReadonlyMap<string, Pick<CountryRef, 'iso3' | 'nameEn' | 'nameId'>>;

/** A State by its ISO3 code: a link to its profile with its name when the registry knows it. */
export function stateLink(v: View, iso3: string, names: CountryNames): SafeHtml {
  const ref = names.get(iso3);
  return ref ? countryLink(v, ref) : html`${iso3}`;
}

/** "Source: … (confidence)", the source as written in the reference data. */
export function sourceLine(v: View, source: string | null, confidence: Confidence | null): SafeHtml {
  const { t } = v;
  return html`<p class="note">${t.gbSourceLabel}: ${source ? englishText(v, source) : unknown(t.notRecorded)}${
    confidence ? html`; ${t.gbConfidenceLabel.toLowerCase()}: ${t.confidence[confidence]}` : null
  }${lowMark(v, confidence)}</p>`;
}

export function officeCity(v: View, o: IloOffice): SafeHtml {
  return o.city ? html`<span lang="en">${o.city}</span>` : unknown(v.t.gbNotInSources);
}

/** Whom to write to or call (decision 201): the office's email and telephone, when recorded. */
function officeContacts(v: View, o: IloOffice): SafeHtml | null {
  const bits = [
    o.email ? html`${v.t.officeContactEmail}: <a href="mailto:${o.email}">${o.email}</a>` : null,
    o.phone ? html`${v.t.officeContactPhone}: ${o.phone}` : null,
  ].filter((b) => b !== null);
  return bits.length ? html`; ${bits.map((b, i) => html`${i ? ', ' : ''}${b}`)}` : null;
}

/** The country profile's section: the offices covering the State, each with why it is listed. */
export function officesSection(v: View, offices: readonly CoveringOffice[] | undefined): SafeHtml | null {
  if (offices === undefined) return null;
  const { t, lang } = v;
  const list = offices.length
    ? html`<p>${t.officesIntro}</p>
<ul>
${offices.map(
  ({ office, basis }) =>
    html`<li><span lang="en">${office.name}</span>, ${officeCity(v, office)} (${t.officeType[office.type]}; ${t.officeBasis[basis]})${lowMark(v, office.confidence)}${officeContacts(v, office)}</li>`,
)}
</ul>`
    : html`<p>${unknown(t.officesNone)}</p>`;
  return html`<section aria-labelledby="offices-heading">
<h2 id="offices-heading">${t.officesHeading}</h2>
${list}
<p><a href="/${lang}/office">${t.officesAll}</a></p>
</section>`;
}
