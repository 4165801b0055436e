import type { CountryProfile, RatificationView } from '../../services/registry-service.ts';
import { html, type SafeHtml } from '../html.ts';
import {
  confidenceText,
  countryName,
  countryNamePlain,
  dateText,
  englishText,
  instrumentLink,
  instrumentTitle,
  lowMark,
  sourcesSection,
  tableRegion,
  unknown,
} from '../views/components.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

const C138_AGE_ARTICLE = 'C138 Art 2(1)';

function eifCell(v: View, r: RatificationView): SafeHtml {
  const { t } = v;
  if (r.entryIntoForce) {
    return html`${dateText(v, r.entryIntoForce)}${r.entryIntoForceRule ? html`<br><span class="note">${t.underRule(r.entryIntoForceRule)}</span>` : null}`;
  }
  if (!r.registrationDate) return unknown(t.eifNotComputable);
  return unknown(r.entryIntoForceRule ? t.eifNotPlaceable : t.eifRuleUnknown);
}

/** Ratified, denounced or none recorded, with the registration date when there is one. */
function ratificationState(v: View, r: RatificationView | null): SafeHtml {
  const { t } = v;
  if (!r) return unknown(t.notRatifiedRecorded);
  const state = r.status === 'denounced' ? t.denouncedRatification : t.ratified;
  return html`<strong>${state}</strong>; ${t.registeredOn} ${dateText(v, r.registrationDate)}${lowMark(v, r.confidence)}`;
}

function childLabourBox(v: View, p: CountryProfile): SafeHtml {
  const { t, f } = v;
  const { c138, c182 } = p.childLabour;
  const age = c138.ratification?.minimumAge ?? null;
  const ageText = age ? html`<strong>${t.ageYears(f.number(age.value))}</strong>${lowMark(v, age.confidence)}` : unknown(t.notRecorded);
  return html`<section class="box" aria-labelledby="child-labour-heading">
<h2 id="child-labour-heading">${t.childLabourBoxHeading}</h2>
<dl class="facts">
<dt>${instrumentLink(v, 'C138')}${c138.ratification ? html`: ${instrumentTitle(v, c138.ratification.instrumentRef)}` : null}</dt>
<dd>${ratificationState(v, c138.ratification)}</dd>
<dt>${t.declaredMinimumAge(age?.article ?? C138_AGE_ARTICLE)}</dt>
<dd>${ageText}</dd>
<dt>${instrumentLink(v, 'C182')}${c182.ratification ? html`: ${instrumentTitle(v, c182.ratification.instrumentRef)}` : null}</dt>
<dd>${ratificationState(v, c182.ratification)}</dd>
</dl>
<p><a href="/${v.lang}/compliance/check?country=${p.country.iso3}">${t.checkInCountry(countryNamePlain(v, p.country))}</a></p>
</section>`;
}

function row(v: View, r: RatificationView): SafeHtml {
  const { t } = v;
  return html`<tr>
<td>${instrumentLink(v, r.instrument)}: ${instrumentTitle(v, r.instrumentRef)}</td>
<td>${dateText(v, r.registrationDate)}</td>
<td>${eifCell(v, r)}</td>
<td>${r.status ? t.ratificationStatus[r.status] : unknown(t.statusNotRecorded)}</td>
<td>${r.legalAct ?? unknown(t.notRecorded)}</td>
<td>${r.nationalTitle ?? unknown(t.notRecorded)}</td>
<td>${confidenceText(v, r.confidence)}</td>
<td>${r.notes ? html`<details><summary>${t.showNotes}</summary>${englishText(v, r.notes)}</details>` : unknown(t.noneRecorded)}</td>
</tr>`;
}

export function renderCountryProfile(v: View, p: CountryProfile): string {
  const { t, f } = v;
  const c = p.country;
  const name = countryNamePlain(v, c);
  const table = p.ratifications.length
    ? html`${tableRegion(
        'ratifications-caption',
        html`<table>
<caption id="ratifications-caption">${t.profileRatificationsCaption(name, f.number(p.ratifications.length))}</caption>
<thead><tr><th scope="col">${t.colInstrument}</th><th scope="col">${t.colRegistrationDate}</th><th scope="col">${t.colEntryIntoForceState}</th><th scope="col">${t.colStatus}</th><th scope="col">${t.colLegalAct}</th><th scope="col">${t.colNationalTitle}</th><th scope="col">${t.colConfidence}</th><th scope="col">${t.colNotes}</th></tr></thead>
<tbody>
${p.ratifications.map((r) => row(v, r))}
</tbody>
</table>`,
      )}
<p class="legend">${t.unverifiedLegend}</p>`
    : html`<p>${t.noCountryRatifications}</p>`;
  const body = html`<h1>${countryName(v, c)}</h1>
<section aria-labelledby="membership-heading">
<h2 id="membership-heading">${t.profileFactsHeading}</h2>
<dl class="facts">
<dt>${t.nameEnLabel}</dt><dd lang="en">${c.nameEn}</dd>
<dt>${t.nameIdLabel}</dt><dd>${c.nameId ? html`<span lang="id">${c.nameId}</span>` : unknown(t.notRecorded)}</dd>
<dt>${t.iso3Label}</dt><dd>${c.iso3}</dd>
<dt>${t.iso2Label}</dt><dd>${c.iso2 || unknown(t.notRecorded)}</dd>
<dt>${t.regionLabel}</dt><dd>${c.region ? t.region[c.region] : unknown(t.regionNotRecorded)}</dd>
<dt>${t.membershipLabel}</dt><dd>${dateText(v, c.membershipDate)}${lowMark(v, c.confidence)}${c.membershipNote ? html`<br>${englishText(v, c.membershipNote)}` : null}</dd>
</dl>
</section>
${childLabourBox(v, p)}
<section aria-labelledby="ratifications-heading">
<h2 id="ratifications-heading">${t.ratificationsHeading}</h2>
${table}
</section>
${sourcesSection(v, p.sources)}`;
  return layout(v, { title: name, section: 'countries', body });
}
