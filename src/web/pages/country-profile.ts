import { canWrite } from '../../domain/access/policy.ts';
import type { NationalNightWork, NationalProfile, SourcedAge } from '../../domain/child-labour/types.ts';
import type { CoveringOffice } from '../../domain/governance/offices.ts';
import type { ProgrammeView } from '../../services/programme-service.ts';
import type { CountryProfile, RatificationView } from '../../services/registry-service.ts';
import type { CountryUsdol } from '../../services/usdol-service.ts';
import { html, type SafeHtml } from '../html.ts';
import {
  countryName,
  countryNamePlain,
  dateText,
  instrumentLink,
  instrumentTitle,
  lowMark,
  tableRegion,
  unknown,
} from '../views/components.ts';
import { countryCoverageText } from '../views/coverage.ts';
import { dataLink } from '../views/data-link.ts';
import { statusNotice } from '../views/edit-fields.ts';
import { savedFactWarnings } from '../views/fact-rules.ts';
import { type HistoryBlock, historySection } from '../views/history.ts';
import { layout } from '../views/layout.ts';
import { officesSection } from '../views/organs.ts';
import { programmesSection } from '../views/programmes.ts';
import { confidenceWords, editorNotes, type SourceEntry, sourceNames, sourcesSection } from '../views/provenance.ts';
import { obligationsLink } from '../views/reporting.ts';
import { labelCells, STACKED_TABLE } from '../views/stacked-table.ts';
import { type SupervisionSectionData, supervisionSections } from '../views/supervision.ts';
import { usdolSection } from '../views/usdol.ts';
import type { View } from '../views/view.ts';
import { PROFILE_AGE_FIELDS, profileAgeLabel } from './profile-edit.ts';

/** What the country page shows beyond the registry profile: national law, history, a notice after a save. */
export interface CountryPageExtras {
  /** undefined: the section is left out; null: no national law recorded (every age unknown). */
  national?: NationalProfile | null;
  history?: HistoryBlock | null;
  notice?: 'saved' | 'unchanged' | null;
  /** The ILO offices covering the State (src/services/organs-service.ts officesForCountry); undefined: left out. */
  offices?: CoveringOffice[];
  /** Programmes recorded in the State (src/services/programme-service.ts forCountry); undefined: left out. */
  programmes?: ProgrammeView[];
  /** Supervisory comments and procedures of the State (left out when not given). */
  supervision?: SupervisionSectionData | null;
  /** USDOL's goods and country facts (src/services/usdol-service.ts country); undefined: left out. */
  usdol?: CountryUsdol;
}

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

/** Known membership notes in the page's language; any other note is a research note, for editors. */
function membershipNote(v: View, note: string | null): SafeHtml | null {
  if (!note) return null;
  const words = v.t.membershipNotes[note];
  return words ? html`<br>${words}` : editorNotes(v, note);
}

function sourceIds(source: string): SafeHtml {
  return html`<span class="source-ids">${source
    .split(/\s*;\s*/)
    .filter(Boolean)
    .join(', ')}</span>`;
}

function nationalAge(v: View, age: SourcedAge | null | undefined): SafeHtml {
  const { t, f } = v;
  if (!age) return unknown(t.unknownAge);
  const citation = age.citation ? html`${t.provisionLabel}: ${age.citation}` : unknown(t.citationNotRecorded);
  return html`<strong>${t.ageYears(f.number(age.value))}</strong><br><span class="note">${citation}; ${t.sourceLabel}: ${sourceIds(age.source)}</span>`;
}

/** A national night-work rule (e.g. UU 13/2003 Pasal 76(1)), shown only where the profile has one. */
function nightWorkRule(v: View, nw: NationalNightWork): SafeHtml {
  const { t, f } = v;
  const citation = nw.citation ? html`${t.provisionLabel}: ${nw.citation}` : unknown(t.citationNotRecorded);
  const rule = t.nightWorkRule(t.nightWorkWho[nw.sex ?? 'any'], f.number(nw.underAge), nw.from, nw.to);
  return html`<dt>${t.nightWorkRuleLabel}</dt><dd>${rule}<br><span class="note">${citation}; ${t.sourceLabel}: ${sourceIds(nw.source)}</span></dd>`;
}

/** National child-labour law, read-only, with the source and provision of each age. */
function nationalLawSection(v: View, p: CountryProfile, national: NationalProfile | null, canEdit: boolean): SafeHtml {
  const { t, lang } = v;
  return html`<section aria-labelledby="national-law-heading">
<h2 id="national-law-heading">${t.nationalLawHeading}</h2>
<dl class="facts">
${PROFILE_AGE_FIELDS.map((field) => html`<dt>${profileAgeLabel(v, field)}</dt><dd>${nationalAge(v, national?.[field])}</dd>`)}
${national?.nightWork ? nightWorkRule(v, national.nightWork) : null}
</dl>
${canEdit ? html`<p><a href="/${lang}/countries/${p.country.iso3}/profile/edit">${t.editNationalLawLink}</a></p>` : null}
</section>`;
}

/** The C138 age a State declared; other instruments have none to declare. */
function declaredAgeCell(v: View, r: RatificationView): SafeHtml {
  const { t, f } = v;
  if (r.minimumAge) return html`${t.ageYears(f.number(r.minimumAge.value))}${lowMark(v, r.minimumAge.confidence)}`;
  return unknown(r.instrument === 'C138' ? t.notRecorded : t.ageNotApplicable);
}

function row(v: View, r: RatificationView, canEdit: boolean, sources: readonly SourceEntry[]): SafeHtml {
  const { t, lang } = v;
  const edit = canEdit
    ? html`<td><a href="/${lang}/countries/${r.country}/ratifications/${r.instrument}/edit">${t.editLink}<span class="visually-hidden"> ${r.instrument}</span></a></td>`
    : null;
  return html`<tr>
<td>${instrumentLink(v, r.instrument)}: ${instrumentTitle(v, r.instrumentRef)}</td>
<td>${dateText(v, r.registrationDate)}</td>
<td>${eifCell(v, r)}</td>
<td>${r.status ? t.ratificationStatus[r.status] : unknown(t.statusNotRecorded)}</td>
<td>${declaredAgeCell(v, r)}</td>
<td>${r.legalAct ?? unknown(t.notRecorded)}</td>
<td>${r.nationalTitle ?? unknown(t.notRecorded)}</td>
<td>${confidenceWords(v, r.confidence)}</td>
<td>${sourceNames(v, r.source, sources)}${editorNotes(v, r.notes)}</td>
${edit}
</tr>`;
}

function ratificationLabels(v: View, canEdit: boolean): string[] {
  const { t } = v;
  const labels = [
    t.colInstrument,
    t.colRegistrationDate,
    t.colEntryIntoForceState,
    t.colStatus,
    t.colDeclaredMinimumAge,
    t.colLegalAct,
    t.colNationalTitle,
    t.colConfidence,
    t.colProvenance,
  ];
  return canEdit ? [...labels, t.colEdit] : labels;
}

export function renderCountryProfile(v: View, p: CountryProfile, extras: CountryPageExtras = {}): string {
  const { t, f, lang } = v;
  const c = p.country;
  const name = countryNamePlain(v, c);
  const actor = v.session?.actor ?? null;
  const canEditRatifications = canWrite(actor, { kind: 'ratification', country: c.iso3 }).allowed;
  const canEditProfile = canWrite(actor, { kind: 'national_profile', country: c.iso3 }).allowed;
  const addLink = canEditRatifications
    ? html`<p><a href="/${lang}/countries/${c.iso3}/ratifications/new">${t.addRatificationLink}</a></p>`
    : null;
  const notice =
    extras.notice === 'saved'
      ? html`${statusNotice(t.savedNotice)}${savedFactWarnings(v, p)}`
      : extras.notice === 'unchanged'
        ? statusNotice(t.unchangedNotice)
        : null;
  const table = p.ratifications.length
    ? html`${tableRegion(
        'ratifications-caption',
        html`<table class="${STACKED_TABLE}">
<caption id="ratifications-caption">${t.profileRatificationsCaption(name, f.number(p.ratifications.length))}</caption>
<thead><tr><th scope="col">${t.colInstrument}</th><th scope="col">${t.colRegistrationDate}</th><th scope="col">${t.colEntryIntoForceState}</th><th scope="col">${t.colStatus}</th><th scope="col">${t.colDeclaredMinimumAge}</th><th scope="col">${t.colLegalAct}</th><th scope="col">${t.colNationalTitle}</th><th scope="col">${t.colConfidence}</th><th scope="col">${t.colProvenance}</th>${canEditRatifications ? html`<th scope="col">${t.colEdit}</th>` : null}</tr></thead>
<tbody>
${p.ratifications.map((r) => labelCells(ratificationLabels(v, canEditRatifications), row(v, r, canEditRatifications, p.sources)))}
</tbody>
</table>`,
      )}
<p class="legend">${t.unverifiedLegend}</p>`
    : html`<p>${t.noCountryRatifications}</p>`;
  const body = html`<h1>${countryName(v, c)}</h1>
${notice}
<section aria-labelledby="membership-heading">
<h2 id="membership-heading">${t.profileFactsHeading}</h2>
<dl class="facts">
<dt>${t.nameEnLabel}</dt><dd lang="en">${c.nameEn}</dd>
<dt>${t.nameIdLabel}</dt><dd>${c.nameId ? html`<span lang="id">${c.nameId}</span>` : unknown(t.notRecorded)}</dd>
<dt>${t.iso3Label}</dt><dd>${c.iso3}</dd>
<dt>${t.iso2Label}</dt><dd>${c.iso2 || unknown(t.notRecorded)}</dd>
<dt>${t.regionLabel}</dt><dd>${c.region ? t.region[c.region] : unknown(t.regionNotRecorded)}</dd>
<dt>${t.membershipLabel}</dt><dd>${dateText(v, c.membershipDate)}${lowMark(v, c.confidence)}${membershipNote(v, c.membershipNote)}</dd>
</dl>
</section>
${childLabourBox(v, p)}
<p><a href="/${lang}/countries/${c.iso3}/submissions">${t.submissionsLink}</a></p>
${obligationsLink(v, c.iso3)}
${extras.national === undefined ? null : nationalLawSection(v, p, extras.national, canEditProfile)}
<section aria-labelledby="ratifications-heading">
<h2 id="ratifications-heading">${t.ratificationsHeading}</h2>
${countryCoverageText(v, p.coverage, p.sources)}
${addLink}
${table}
</section>
${officesSection(v, extras.offices)}
${programmesSection(v, c.iso3, extras.programmes)}
${usdolSection(v, extras.usdol)}
${supervisionSections(v, extras.supervision)}
${historySection(v, extras.history)}
${sourcesSection(v, p.sources)}`;
  return layout(v, { title: name, section: 'countries', body: html`${body}${dataLink(v, 'ratifications', 'national-profiles')}` });
}
