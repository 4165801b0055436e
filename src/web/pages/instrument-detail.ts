import { canWrite } from '../../domain/access/policy.ts';
import type { Instrument } from '../../domain/instrument.ts';
import type { InstrumentDetail, InstrumentRef, RatificationView } from '../../services/registry-service.ts';
import { html, type SafeHtml } from '../html.ts';
import type { MapMember } from '../map/render.ts';
import {
  countryLink,
  countryNamePlain,
  dateText,
  instrumentLink,
  instrumentTitle,
  instrumentTitlePlain,
  lowMark,
  tableRegion,
  unknown,
} from '../views/components.ts';
import { instrumentCoverageText } from '../views/coverage.ts';
import { dataLink } from '../views/data-link.ts';
import { statusNotice } from '../views/edit-fields.ts';
import { type HistoryBlock, historySection } from '../views/history.ts';
import { layout } from '../views/layout.ts';
import { confidenceWords, editorNotes, provenanceText, type SourceEntry, sourceNames, sourcesSection } from '../views/provenance.ts';
import { ratificationMapSection } from '../views/ratification-map.ts';
import { labelCells, STACKED_TABLE } from '../views/stacked-table.ts';
import { type SupervisionSectionData, supervisionSections } from '../views/supervision.ts';
import type { View } from '../views/view.ts';
import { subjectLabel } from './instruments-list.ts';

function indonesianTitle(v: View, i: Instrument): SafeHtml {
  const { t } = v;
  if (!i.titleId) return unknown(t.noIndonesianTitle);
  const kind =
    i.titleIdKind === 'official' ? (i.titleIdAct ? t.titleIdOfficial(i.titleIdAct) : t.titleIdOfficialNoAct) : t.titleIdUnofficial;
  return html`<span lang="id">${i.titleId}</span><br><span class="note">${kind}</span>`;
}

function sessionText(v: View, d: InstrumentDetail): SafeHtml {
  const { t } = v;
  const n = d.instrument.ilcSession;
  if (n === null) return unknown(t.sessionNotRecorded);
  const s = d.session;
  const place = s?.place ? t.placeName(s.place) : null;
  const year = s?.year ?? (s?.openingDate ? Number(s.openingDate.slice(0, 4)) : null);
  const label = t.sessionLabel(n, place, year === null ? null : String(year));
  const gap = !place && year === null ? html` <span class="unknown">${t.sessionDetailsNotRecorded}</span>` : null;
  // The session's own page: its agenda, delegations and votes (src/web/pages/conference-session.ts).
  return html`<a href="/${v.lang}/conference/${n}">${label}</a>${gap}${lowMark(v, s?.confidence)}`;
}

function refList(v: View, refs: InstrumentRef[]): SafeHtml {
  if (!refs.length) return unknown(v.t.noneRecorded);
  return html`<ul class="plain">${refs.map((r) => html`<li>${instrumentLink(v, r.code)}: ${instrumentTitle(v, r)}</li>`)}</ul>`;
}

/** Why an entry-into-force date is missing, in words. */
export function eifMissing(v: View, r: Pick<RatificationView, 'registrationDate'>, eifMonths: number | null): SafeHtml {
  if (!r.registrationDate) return unknown(v.t.eifNotComputable);
  if (eifMonths === null) return unknown(v.t.eifRuleUnknown);
  return unknown(v.t.eifNotPlaceable);
}

function publishedCount(v: View, i: Instrument, sources: readonly SourceEntry[]): SafeHtml {
  const { t, f } = v;
  const p = i.publishedCount;
  if (!p || p.count === null) return unknown(t.publishedCountUnknown);
  const asOf = v.f.date(p.asOf);
  return html`<strong>${f.number(p.count)}</strong> (${asOf ? t.asOf(asOf.text) : t.asOfUnknown}; ${t.sourceLabel}: ${sourceNames(v, p.source, sources)})${lowMark(v, p.confidence)}`;
}

function ratificationRow(v: View, r: RatificationView, eifMonths: number | null, withAge: boolean): SafeHtml {
  const { t, f } = v;
  const age = r.minimumAge;
  return html`<tr>
<td>${countryLink(v, r.countryRef)}</td>
<td>${dateText(v, r.registrationDate)}</td>
<td>${r.entryIntoForce ? dateText(v, r.entryIntoForce) : eifMissing(v, r, eifMonths)}</td>
<td>${r.status ? t.ratificationStatus[r.status] : unknown(t.statusNotRecorded)}</td>
${withAge ? html`<td>${age ? html`${t.ageYears(f.number(age.value))}${lowMark(v, age.confidence)}` : unknown(t.notRecorded)}</td>` : null}
<td>${confidenceWords(v, r.confidence)}</td>
</tr>`;
}

function rowLabels(v: View, withAge: boolean): string[] {
  const { t } = v;
  const before = [t.colMemberState, t.colRegistrationDate, t.colEntryIntoForceState, t.colStatus];
  return withAge ? [...before, t.colDeclaredMinimumAge, t.colConfidence] : [...before, t.colConfidence];
}

function ratificationsSection(v: View, d: InstrumentDetail): SafeHtml {
  const { t, f } = v;
  const i = d.instrument;
  if (i.type === 'recommendation') {
    return html`<section aria-labelledby="ratifications-heading"><h2 id="ratifications-heading">${t.ratificationsHeading}</h2><p>${t.recommendationsNotRatified}</p></section>`;
  }
  const withAge = i.code === 'C138' || d.ratifications.some((r) => r.minimumAge !== null);
  const rows = d.ratifications
    .map((r) => ({ r, name: countryNamePlain(v, r.countryRef) }))
    .sort((a, b) => v.f.compare(a.name, b.name))
    .map(({ r }) => labelCells(rowLabels(v, withAge), ratificationRow(v, r, i.ratificationEifMonths, withAge)));
  const rule = i.ratificationEifArticle ? html` <span class="note">(${t.underRule(i.ratificationEifArticle)})</span>` : null;
  const table = d.ratifications.length
    ? html`${tableRegion(
        'ratifications-caption',
        html`<table class="${STACKED_TABLE}">
<caption id="ratifications-caption">${t.ratificationsCaption(i.code, f.number(d.recordedRatifications))}</caption>
<thead><tr><th scope="col">${t.colMemberState}</th><th scope="col">${t.colRegistrationDate}</th><th scope="col">${t.colEntryIntoForceState}${rule}</th><th scope="col">${t.colStatus}</th>${withAge ? html`<th scope="col">${t.colDeclaredMinimumAge}</th>` : null}<th scope="col">${t.colConfidence}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
      )}
<p class="legend">${t.unverifiedLegend}</p>`
    : html`<p>${t.noRatifications}</p>`;
  return html`<section aria-labelledby="ratifications-heading">
<h2 id="ratifications-heading">${t.ratificationsHeading}</h2>
${d.coverage ? instrumentCoverageText(v, d.coverage) : null}
<dl class="facts">
<dt>${t.labelPublishedCount}</dt><dd>${publishedCount(v, i, d.sources)}</dd>
<dt>${t.labelRecordedCount}</dt><dd><strong>${f.number(d.recordedRatifications)}</strong></dd>
</dl>
${table}
</section>`;
}

export interface InstrumentPageExtras {
  history?: HistoryBlock | null;
  notice?: 'saved' | 'unchanged' | null;
  /** Supervisory comments and procedures on the Convention (left out when not given). */
  supervision?: SupervisionSectionData | null;
  /** Member States for the ratification map (left out when not given). */
  mapMembers?: readonly MapMember[] | null;
}

export function renderInstrument(v: View, d: InstrumentDetail, extras: InstrumentPageExtras = {}): string {
  const { t, f, lang } = v;
  const i = d.instrument;
  const canEdit = canWrite(v.session?.actor ?? null, { kind: 'instrument' }).allowed;
  const notice =
    extras.notice === 'saved' ? statusNotice(t.savedNotice) : extras.notice === 'unchanged' ? statusNotice(t.unchangedNotice) : null;
  const subjects = i.subjects.length ? i.subjects.map((s) => subjectLabel(v, s)).join(', ') : null;
  const body = html`<h1>${i.code}: ${instrumentTitle(v, i)}${lowMark(v, i.confidence)}</h1>
${notice}
${i.category === 'fundamental' ? html`<p><span class="badge badge-fundamental">${t.fundamentalBadge}</span></p>` : null}
${canEdit ? html`<p><a href="/${lang}/instruments/${i.code}/edit">${t.editInstrumentLink}</a></p>` : null}
<section aria-labelledby="facts-heading">
<h2 id="facts-heading">${t.factsHeading}</h2>
<dl class="facts">
<dt>${t.titleEnLabel}</dt><dd><span lang="en">${i.titleEn}</span>${lowMark(v, i.confidence)}</dd>
<dt>${t.titleIdLabel}</dt><dd>${indonesianTitle(v, i)}</dd>
<dt>${t.labelType}</dt><dd>${t.instrumentType[i.type]}</dd>
<dt>${t.labelNumber}</dt><dd>${f.number(i.number)}</dd>
<dt>${t.labelAdoptionDate}</dt><dd>${dateText(v, i.adoptionDate)}</dd>
<dt>${t.labelSession}</dt><dd>${sessionText(v, d)}</dd>
${i.type === 'recommendation' ? null : html`<dt>${t.labelEntryIntoForce}</dt><dd>${dateText(v, i.entryIntoForce)}</dd>`}
<dt>${t.labelStatus}</dt><dd>${i.status ? t.instrumentStatus[i.status] : unknown(t.statusNotRecorded)}</dd>
<dt>${t.labelCategory}</dt><dd>${i.category ? t.category[i.category] : unknown(t.categoryNotRecorded)}</dd>
<dt>${t.labelSubjects}</dt><dd>${subjects ?? unknown(t.noneRecorded)}</dd>
<dt>${t.labelRevises}</dt><dd>${refList(v, d.revises)}</dd>
<dt>${t.labelRevisedBy}</dt><dd>${refList(v, d.revisedBy)}</dd>
<dt>${t.provenanceLabel}</dt><dd>${provenanceText(v, { source: i.source, confidence: i.confidence, authority: i.titleIdKind === 'official' ? i.titleIdAct : null }, d.sources)}${editorNotes(v, i.notes)}</dd>
</dl>
</section>
${ratificationMapSection(v, d, extras.mapMembers)}
${ratificationsSection(v, d)}
${supervisionSections(v, extras.supervision)}
${historySection(v, extras.history)}
${sourcesSection(v, d.sources)}`;
  return layout(v, {
    title: `${i.code}: ${instrumentTitlePlain(v, i)}`,
    section: 'instruments',
    body: html`${body}${dataLink(v, 'ratifications')}`,
  });
}
