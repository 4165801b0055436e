import { splitSources } from '../../domain/facts.ts';
import type { IloOffice } from '../../domain/governance/offices.ts';
import type { OfficeOverview } from '../../services/organs-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { englishText, lowMark, tableRegion, unknown } from '../views/components.ts';
import { dataLink } from '../views/data-link.ts';
import { layout } from '../views/layout.ts';
import { type CountryNames, officeCity, stateLink } from '../views/organs.ts';
import { labelCells, STACKED_TABLE } from '../views/stacked-table.ts';
import type { View } from '../views/view.ts';
import { mayEditRecords } from './programme-edit.ts';

function covers(v: View, o: IloOffice, names: CountryNames): SafeHtml {
  if (!o.covers.length && !o.coversOther.length) return unknown(v.t.gbNotInSources);
  const parts: SafeHtml[] = [...o.covers.map((iso3) => stateLink(v, iso3, names)), ...o.coversOther.map((name) => englishText(v, name))];
  return html`${parts.map((p, i) => html`${i ? ', ' : ''}${p}`)}`;
}

function contact(v: View, o: IloOffice): SafeHtml {
  const bits = [o.address, o.phone, o.email].filter((x): x is string => Boolean(x));
  return bits.length ? html`${bits.join('; ')}` : unknown(v.t.gbNotInSources);
}

function officeTable(v: View, key: 'regional' | 'local' | 'dwt', offices: readonly IloOffice[], names: CountryNames): SafeHtml {
  const { t } = v;
  const editor = mayEditRecords(v);
  const edit = (o: IloOffice) =>
    editor
      ? html` <a class="edit-link" href="/${v.lang}/office/${o.id}/edit" aria-label="${t.officeEditLink(o.name)}">${t.editLink}</a>`
      : null;
  const labels = [t.officeColName, t.officeColRegion, t.officeColCity, t.officeColState, t.officeColCovers, t.officeColContact];
  const rows = offices.map((o) =>
    labelCells(
      labels.slice(1),
      html`<tr id="office-${o.id}"><th scope="row"><span lang="en">${o.name}</span>${lowMark(v, o.confidence)}${edit(o)}</th>
<td>${o.region ? t.region[o.region] : unknown(t.notRecorded)}</td>
<td>${officeCity(v, o)}</td>
<td>${o.countryIso3 ? stateLink(v, o.countryIso3, names) : o.countryName ? englishText(v, o.countryName) : unknown(t.gbNotInSources)}</td>
<td>${covers(v, o, names)}</td>
<td>${contact(v, o)}</td></tr>`,
    ),
  );
  return tableRegion(
    `office-${key}-caption`,
    html`<table class="${STACKED_TABLE}">
<caption id="office-${key}-caption">${t.officeCaption[key]}</caption>
<thead><tr>${labels.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
  );
}

export function renderOffice(v: View, data: OfficeOverview, names: CountryNames): string {
  const { t, lang } = v;
  const dg = data.directorGeneral;
  const regional = data.offices.filter((o) => o.type === 'regional_office');
  const local = data.offices.filter((o) => o.type === 'country_office' || o.type === 'area_office');
  const dwt = data.offices.filter((o) => o.type === 'dwt');
  const sources = [...new Set(data.offices.flatMap((o) => splitSources(o.source)))];
  const body = html`<h1>${t.officeTitle}</h1>
<p class="lead">${t.officeIntro}</p>
<section aria-labelledby="dg-heading">
<h2 id="dg-heading">${t.dgHeading}</h2>
${dg ? html`<p><span lang="en">${dg.name}</span>${dg.since ? html`, ${t.dgSince(v.f.date(dg.since)?.text ?? dg.since)}` : null}${lowMark(v, dg.confidence)}</p>` : html`<p>${unknown(t.dgUnknown)}</p>`}
</section>
<section aria-labelledby="office-regional-heading">
<h2 id="office-regional-heading">${t.officeRegionalHeading}</h2>
${officeTable(v, 'regional', regional, names)}
</section>
<section aria-labelledby="office-local-heading">
<h2 id="office-local-heading">${t.officeLocalHeading}</h2>
${officeTable(v, 'local', local, names)}
</section>
<section aria-labelledby="office-dwt-heading">
<h2 id="office-dwt-heading">${t.officeDwtHeading}</h2>
${officeTable(v, 'dwt', dwt, names)}
</section>
<p class="note">${t.gbSourceLabel}: ${englishText(v, sources.join('; '))}</p>
<p><a href="/${lang}/governing-body">${t.gbTitle}</a></p>`;
  return layout(v, { title: t.officeTitle, section: 'governing-body', body: html`${body}${dataLink(v, 'offices')}` });
}
