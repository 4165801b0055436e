import { DOCUMENT_KINDS, type DocumentKind } from '../../domain/documents/document.ts';
import { normaliseInstrumentCode } from '../../domain/instrument.ts';
import type { DocumentFilter, DocumentView } from '../../services/document-service.ts';
import type { Page } from '../../services/ports.ts';
import { html, type SafeHtml } from '../html.ts';
import { confidenceText, dateText, englishText, instrumentLink, tableRegion, unknown } from '../views/components.ts';
import { dataLink } from '../views/data-link.ts';
import { layout } from '../views/layout.ts';
import { type CountryNames, stateLink } from '../views/organs.ts';
import { queryString, type View } from '../views/view.ts';
import { parsePage } from './instruments-list.ts';

/* The documents library's list and detail pages (issue 10, decision 196), no JavaScript. */

export const DOCUMENTS_PAGE_SIZE = 25;

export interface DocumentListQuery {
  filter: DocumentFilter;
  page: number;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates the filter form; empty fields mean "all". */
export function parseDocumentListQuery(v: View, params: URLSearchParams): Parsed<DocumentListQuery> {
  const { t } = v;
  const problems: string[] = [];
  const filter: DocumentFilter = {};
  const country = (params.get('country') ?? '').trim();
  if (country) {
    if (/^[A-Za-z]{3}$/.test(country)) filter.country = country.toUpperCase();
    else problems.push(t.documentBadCountry);
  }
  const instrument = (params.get('instrument') ?? '').trim();
  if (instrument) {
    const code = instrument.length <= 12 ? normaliseInstrumentCode(instrument) : null;
    if (code) filter.instrument = code;
    else problems.push(t.documentBadInstrument);
  }
  const kind = params.get('kind') ?? '';
  if (kind) {
    if ((DOCUMENT_KINDS as readonly string[]).includes(kind)) filter.kind = kind as DocumentKind;
    else problems.push(t.documentBadKind);
  }
  const q = (params.get('q') ?? '').trim();
  if (q.length > 200) problems.push(t.documentBadWords);
  else if (q) filter.q = q;
  const page = parsePage(params.get('page'));
  if (page === null) problems.push(t.invalidPage);
  if (problems.length) return { ok: false, message: `${t.documentBadFilter} ${problems.join(' ')}` };
  return { ok: true, value: { filter, page: page ?? 1 } };
}

export function documentTitle(v: View, d: Pick<DocumentView, 'titleEn' | 'titleId'>): SafeHtml {
  return v.lang === 'id' && d.titleId ? html`${d.titleId}` : v.lang === 'id' ? englishText(v, d.titleEn) : html`${d.titleEn}`;
}

function filterForm(v: View, filter: DocumentFilter): SafeHtml {
  const { t, lang } = v;
  return html`<form class="filters" method="get" action="/${lang}/documents" aria-labelledby="filter-heading">
<h2 id="filter-heading">${t.filterHeading}</h2>
<div class="fields">
<div class="field"><label for="d-q">${t.documentFilterWords}</label><input type="search" id="d-q" name="q" value="${filter.q ?? ''}" maxlength="200"></div>
<div class="field"><label for="d-country">${t.documentFilterCountry}</label><input type="text" id="d-country" name="country" value="${filter.country ?? ''}" maxlength="3" autocomplete="off"></div>
<div class="field"><label for="d-instrument">${t.documentFilterInstrument}</label><input type="text" id="d-instrument" name="instrument" value="${filter.instrument ?? ''}" maxlength="12" autocomplete="off"></div>
<div class="field"><label for="d-kind">${t.documentFilterKind}</label><select id="d-kind" name="kind"><option value="">${t.anyOption}</option>${DOCUMENT_KINDS.map(
    (k) => html`<option value="${k}"${k === filter.kind ? html` selected` : null}>${t.documentKind[k]}</option>`,
  )}</select></div>
<div class="field"><button type="submit">${t.applyFilters}</button></div>
</div>
<p><a href="/${lang}/documents">${t.clearFilters}</a></p>
</form>`;
}

function states(v: View, list: readonly string[], names: CountryNames): SafeHtml {
  if (!list.length) return unknown(v.t.documentNone);
  return html`${list.map((iso3, i) => html`${i ? ', ' : ''}${stateLink(v, iso3, names)}`)}`;
}

function pagination(v: View, filter: DocumentFilter, page: number, pages: number): SafeHtml | null {
  if (pages <= 1) return null;
  const { t, f, lang } = v;
  const link = (p: number) => `/${lang}/documents${queryString({ ...filter, page: p === 1 ? undefined : p })}`;
  return html`<nav class="pagination" aria-label="${t.paginationLabel}">
${page > 1 ? html`<a href="${link(Math.min(page - 1, pages))}" rel="prev">${t.previousPage}</a>` : null}
<span aria-current="page">${t.pageOf(f.number(page), f.number(pages))}</span>
${page < pages ? html`<a href="${link(page + 1)}" rel="next">${t.nextPage}</a>` : null}
</nav>`;
}

export function renderDocumentList(
  v: View,
  query: DocumentListQuery,
  result: Page<DocumentView>,
  names: CountryNames,
  mayAdd: boolean,
): string {
  const { t, f, lang } = v;
  const pages = Math.max(1, Math.ceil(result.total / DOCUMENTS_PAGE_SIZE));
  const from = (query.page - 1) * DOCUMENTS_PAGE_SIZE + 1;
  const to = from + result.items.length - 1;
  let listing: SafeHtml;
  if (result.total === 0) listing = html`<p role="status">${t.documentsNone}</p>`;
  else if (result.items.length === 0)
    listing = html`<p role="status">${t.documentsNoneOnPage(f.number(pages))}</p>${pagination(v, query.filter, query.page, pages)}`;
  else {
    const table = html`<table>
<caption id="documents-caption">${t.documentsCaption(f.number(from), f.number(to), f.number(result.total))}</caption>
<thead><tr><th scope="col">${t.documentColTitle}</th><th scope="col">${t.documentColKind}</th><th scope="col">${t.documentColDate}</th><th scope="col">${t.documentColCountries}</th></tr></thead>
<tbody>
${result.items.map(
  (d) =>
    html`<tr><td><a href="/${lang}/documents/${d.id}">${documentTitle(v, d)}</a></td><td>${t.documentKind[d.kind]}</td><td>${dateText(v, d.date)}</td><td>${states(v, d.countries, names)}</td></tr>`,
)}
</tbody>
</table>`;
    listing = html`${tableRegion('documents-caption', table)}
${pagination(v, query.filter, query.page, pages)}`;
  }
  const body = html`<h1>${t.documentsTitle}</h1>
<p class="lead">${t.documentsIntro}</p>
${mayAdd ? html`<p><a href="/${lang}/documents/new">${t.documentAdd}</a></p>` : null}
${filterForm(v, query.filter)}
${listing}`;
  const title = query.page > 1 ? `${t.documentsTitle} (${t.pageOf(f.number(query.page), f.number(pages))})` : t.documentsTitle;
  return layout(v, { title, section: 'documents', body: html`${body}${dataLink(v, 'documents')}` });
}

function fileRow(v: View, d: DocumentView): SafeHtml {
  const { t, f } = v;
  if (!d.file) return unknown(t.documentNone);
  const kb = f.number(Math.max(1, Math.round(d.file.size / 1024)));
  return html`<a href="/api/documents/${d.id}/file" download>${t.documentDownload(d.file.fileName, t.documentSize(kb))}</a>; ${t.documentFileType[d.file.mediaType]}`;
}

export function renderDocument(v: View, d: DocumentView, names: CountryNames): string {
  const { t, lang } = v;
  const row = (label: string, value: SafeHtml) => html`<dt>${label}</dt><dd>${value}</dd>`;
  const body = html`<h1>${documentTitle(v, d)}</h1>
${lang === 'id' && d.titleId ? html`<p lang="en">${d.titleEn}</p>` : null}
<dl class="facts">
${row(t.documentKindLabel, html`${t.documentKind[d.kind]}`)}
${row(t.documentDate, dateText(v, d.date))}
${row(t.documentLanguage, d.language ? html`${d.language}` : unknown(t.documentUnknown))}
${row(t.documentCountries, states(v, d.countries, names))}
${row(t.documentInstruments, d.instruments.length ? html`${d.instruments.map((c, i) => html`${i ? ', ' : ''}${instrumentLink(v, c)}`)}` : unknown(t.documentNone))}
${row(t.documentFile, fileRow(v, d))}
${d.url ? row(t.documentLink, html`<a href="${d.url}" rel="nofollow noopener">${d.url}</a>`) : null}
${d.file ? row(t.documentTextSearched, html`${d.hasText ? t.documentTextYes : t.documentTextNo}`) : null}
${row(t.documentSource, englishText(v, d.source))}
${row(t.documentConfidence, confidenceText(v, d.confidence))}
${d.notes ? row(t.documentNotes, englishText(v, d.notes)) : null}
</dl>
<p><a href="/${lang}/documents">${t.documentsAll}</a></p>`;
  const title = lang === 'id' && d.titleId ? d.titleId : d.titleEn;
  return layout(v, { title, section: 'documents', body });
}
