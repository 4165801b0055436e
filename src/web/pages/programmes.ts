import { normaliseInstrumentCode } from '../../domain/instrument.ts';
import {
  PROGRAMME_STATUSES,
  PROGRAMME_THEMES,
  type ProgrammeFilter,
  type ProgrammeStatus,
  type ProgrammeTheme,
} from '../../domain/programmes/programme.ts';
import type { Page } from '../../services/ports.ts';
import type { ProgrammeView } from '../../services/programme-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { confidenceText, englishText, instrumentLink, tableRegion, unknown } from '../views/components.ts';
import { dataLink } from '../views/data-link.ts';
import { statusNotice } from '../views/edit-fields.ts';
import { type HistoryBlock, historySection } from '../views/history.ts';
import { layout } from '../views/layout.ts';
import type { CountryNames } from '../views/organs.ts';
import { stateLink } from '../views/organs.ts';
import { programmeLink, programmeName, textList } from '../views/programmes.ts';
import { sourceName } from '../views/provenance.ts';
import { queryString, type View } from '../views/view.ts';
import { parsePage } from './instruments-list.ts';
import { mayEditRecords } from './programme-edit.ts';

export const PROGRAMMES_PAGE_SIZE = 25;

export interface ProgrammeListQuery {
  filter: ProgrammeFilter;
  page: number;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates the no-JS filter form; empty fields mean "all". */
export function parseProgrammeListQuery(v: View, params: URLSearchParams): Parsed<ProgrammeListQuery> {
  const { t } = v;
  const problems: string[] = [];
  const filter: ProgrammeFilter = {};
  const country = (params.get('country') ?? '').trim();
  if (country) {
    if (/^[A-Za-z]{3}$/.test(country)) filter.country = country.toUpperCase();
    else problems.push(t.programmeBadCountry);
  }
  const instrument = (params.get('instrument') ?? '').trim();
  if (instrument) {
    const code = instrument.length <= 12 ? normaliseInstrumentCode(instrument) : null;
    if (code) filter.instrument = code;
    else problems.push(t.programmeBadInstrument);
  }
  const theme = params.get('theme') ?? '';
  if (theme) {
    if ((PROGRAMME_THEMES as readonly string[]).includes(theme)) filter.theme = theme as ProgrammeTheme;
    else problems.push(t.programmeBadTheme);
  }
  const status = params.get('status') ?? '';
  if (status) {
    if ((PROGRAMME_STATUSES as readonly string[]).includes(status)) filter.status = status as ProgrammeStatus;
    else problems.push(t.programmeBadStatus);
  }
  const page = parsePage(params.get('page'));
  if (page === null) problems.push(t.invalidPage);
  if (problems.length) return { ok: false, message: `${t.programmeBadFilter} ${problems.join(' ')}` };
  return { ok: true, value: { filter, page: page ?? 1 } };
}

function options<T extends string>(v: View, values: readonly T[], labels: Record<T, string>, selected: string | undefined): SafeHtml {
  return html`<option value="">${v.t.anyOption}</option>${values.map(
    (value) => html`<option value="${value}"${value === selected ? html` selected` : null}>${labels[value]}</option>`,
  )}`;
}

function filterForm(v: View, filter: ProgrammeFilter): SafeHtml {
  const { t, lang } = v;
  return html`<form class="filters" method="get" action="/${lang}/programmes" aria-labelledby="filter-heading">
<h2 id="filter-heading">${t.filterHeading}</h2>
<div class="fields">
<div class="field"><label for="p-country">${t.programmeFilterCountry}</label><input type="text" id="p-country" name="country" value="${filter.country ?? ''}" maxlength="3" autocomplete="off"></div>
<div class="field"><label for="p-instrument">${t.programmeFilterInstrument}</label><input type="text" id="p-instrument" name="instrument" value="${filter.instrument ?? ''}" maxlength="12" autocomplete="off"></div>
<div class="field"><label for="p-theme">${t.programmeFilterTheme}</label><select id="p-theme" name="theme">${options(v, PROGRAMME_THEMES, t.programmeTheme, filter.theme)}</select></div>
<div class="field"><label for="p-status">${t.programmeFilterStatus}</label><select id="p-status" name="status">${options(v, PROGRAMME_STATUSES, t.programmeStatus, filter.status)}</select></div>
<div class="field"><button type="submit">${t.applyFilters}</button></div>
</div>
<p><a href="/${lang}/programmes">${t.clearFilters}</a></p>
</form>`;
}

function countries(v: View, p: ProgrammeView, names: CountryNames): SafeHtml {
  if (p.countries === null || p.countries.length === 0) return p.area ? englishText(v, p.area) : unknown(v.t.programmeUnknown);
  return html`${p.countries.map((iso3, i) => html`${i ? ', ' : ''}${stateLink(v, iso3, names)}`)}`;
}

function pagination(v: View, filter: ProgrammeFilter, page: number, pages: number): SafeHtml | null {
  if (pages <= 1) return null;
  const { t, f, lang } = v;
  const link = (p: number) => `/${lang}/programmes${queryString({ ...filter, page: p === 1 ? undefined : p })}`;
  return html`<nav class="pagination" aria-label="${t.paginationLabel}">
${page > 1 ? html`<a href="${link(Math.min(page - 1, pages))}" rel="prev">${t.previousPage}</a>` : null}
<span aria-current="page">${t.pageOf(f.number(page), f.number(pages))}</span>
${page < pages ? html`<a href="${link(page + 1)}" rel="next">${t.nextPage}</a>` : null}
</nav>`;
}

export function renderProgrammeList(v: View, query: ProgrammeListQuery, result: Page<ProgrammeView>, names: CountryNames): string {
  const { t, f } = v;
  const pages = Math.max(1, Math.ceil(result.total / PROGRAMMES_PAGE_SIZE));
  const from = (query.page - 1) * PROGRAMMES_PAGE_SIZE + 1;
  const to = from + result.items.length - 1;
  let listing: SafeHtml;
  if (result.total === 0) listing = html`<p role="status">${t.programmesNone}</p>`;
  else if (result.items.length === 0)
    listing = html`<p role="status">${t.programmesNoneOnPage(f.number(pages))}</p>${pagination(v, query.filter, query.page, pages)}`;
  else {
    const table = html`<table>
<caption id="programmes-caption">${t.programmesCaption(f.number(from), f.number(to), f.number(result.total))}</caption>
<thead><tr><th scope="col">${t.programmeColName}</th><th scope="col">${t.programmeColCountries}</th><th scope="col">${t.programmeColStatus}</th><th scope="col">${t.programmeColDonors}</th></tr></thead>
<tbody>
${result.items.map(
  (p) =>
    html`<tr><td>${programmeLink(v, p)}</td><td>${countries(v, p, names)}</td><td>${t.programmeStatus[p.status]}</td><td>${textList(v, p.donors)}</td></tr>`,
)}
</tbody>
</table>`;
    listing = html`${tableRegion('programmes-caption', table)}
<p class="legend">${t.unverifiedLegend}</p>
${pagination(v, query.filter, query.page, pages)}`;
  }
  const body = html`<h1>${t.programmesTitle}</h1>
<p class="lead">${t.programmesIntro}</p>
${mayEditRecords(v) ? html`<p><a href="/${v.lang}/programmes/new">${t.programmeNewLink}</a></p>` : null}
${filterForm(v, query.filter)}
${listing}`;
  const title = query.page > 1 ? `${t.programmesTitle} (${t.pageOf(f.number(query.page), f.number(pages))})` : t.programmesTitle;
  return layout(v, { title, section: 'programmes', body: html`${body}${dataLink(v, 'programmes')}` });
}

function period(v: View, p: ProgrammeView): SafeHtml {
  const { t, f } = v;
  const years =
    p.startYear !== null || p.endYear !== null
      ? html`${p.startYear === null ? unknown(t.programmeUnknown) : String(p.startYear)}–${p.endYear === null ? unknown(t.programmeUnknown) : String(p.endYear)}`
      : null;
  const duration = p.durationYears !== null ? html`${t.programmeDuration(f.number(p.durationYears))}` : null;
  if (!years && !duration) return unknown(t.programmeUnknown);
  return html`${years}${years && duration ? '; ' : null}${duration}`;
}

export function renderProgramme(v: View, p: ProgrammeView, names: CountryNames, history?: HistoryBlock): string {
  const { t, lang } = v;
  const q = new URLSearchParams(v.search);
  const notice = !v.session
    ? null
    : q.get('saved') === '1'
      ? statusNotice(t.savedNotice)
      : q.get('unchanged') === '1'
        ? statusNotice(t.unchangedNotice)
        : null;
  const aim = lang === 'id' && p.aimId ? html`${p.aimId}` : p.aimEn ? englishText(v, p.aimEn) : unknown(t.programmeUnknown);
  const row = (label: string, value: SafeHtml) => html`<dt>${label}</dt><dd>${value}</dd>`;
  const status = html`${t.programmeStatus[p.status]}${p.closedPerSource ? html` (${t.programmeClosedPerSource})` : null}`;
  const body = html`${notice}<h1>${programmeName(v, p)}</h1>
${lang === 'id' && p.nameId ? html`<p lang="en">${p.nameEn}</p>` : null}
<dl class="facts">
${row(t.programmeAim, aim)}
${row(t.programmeCountries, countries(v, p, names))}
${p.area && p.countries?.length ? row(t.programmeArea, englishText(v, p.area)) : null}
${row(t.programmePeriod, period(v, p))}
${row(t.programmeStatusLabel, status)}
${row(t.programmeDonors, textList(v, p.donors))}
${row(t.programmePartners, textList(v, p.partners))}
${row(
  t.programmeInstruments,
  p.instruments?.length ? html`${p.instruments.map((c, i) => html`${i ? ', ' : ''}${instrumentLink(v, c)}`)}` : unknown(t.programmeUnknown),
)}
${row(t.programmeThemes, p.themes.length ? html`${p.themes.map((x) => t.programmeTheme[x]).join(', ')}` : unknown(t.programmeUnknown))}
${row(t.programmeRoles, p.roles?.length ? html`${p.roles.map((r) => t.programmeRole[r]).join(', ')}` : unknown(t.programmeUnknown))}
${row(t.programmeActivities, textList(v, p.activities))}
${row(t.programmeOutcomes, textList(v, p.outcomes))}
${row(t.programmeLink, p.url ? html`<a href="${p.url}" rel="nofollow noopener">${p.url}</a>` : unknown(t.programmeUnknown))}
${row(t.programmeSource, html`${p.source.split(/\s*;\s*/).map((id, i) => html`${i ? ', ' : ''}${sourceName(v, id, null)}`)}`)}
${row(t.programmeConfidence, confidenceText(v, p.confidence))}
${p.notes ? row(t.programmeNotes, englishText(v, p.notes)) : null}
</dl>
<p class="note">${t.programmeEditingLater}</p>
${mayEditRecords(v) ? html`<p><a href="/${lang}/programmes/${p.id}/edit">${t.programmeEditLink}</a></p>` : null}
${historySection(v, history)}
<p><a href="/${lang}/programmes">${t.programmesAll}</a></p>`;
  const title = lang === 'id' && p.nameId ? p.nameId : p.nameEn;
  return layout(v, { title, section: 'programmes', body });
}
