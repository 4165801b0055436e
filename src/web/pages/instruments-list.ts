import {
  INSTRUMENT_CATEGORIES,
  INSTRUMENT_STATUSES,
  INSTRUMENT_TYPES,
  type InstrumentCategory,
  type InstrumentStatus,
  type InstrumentType,
} from '../../domain/instrument.ts';
import type { InstrumentFilter, Page } from '../../services/ports.ts';
import type { InstrumentListEntry } from '../../services/registry-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { dateText, instrumentLink, instrumentTitle, lowMark, tableRegion, unknown } from '../views/components.ts';
import { coverageMark } from '../views/coverage.ts';
import { dataLink } from '../views/data-link.ts';
import { layout } from '../views/layout.ts';
import { queryString, type View } from '../views/view.ts';

export const INSTRUMENTS_PAGE_SIZE = 50;
export const MAX_QUERY_LENGTH = 200;
const MAX_PAGE = 100_000;

export interface InstrumentListQuery {
  filter: InstrumentFilter;
  page: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function pick<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reads a page number; '' means page 1. */
export function parsePage(raw: string | null): number | null {
  if (raw === null || raw === '') return 1;
  if (!/^\d{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= MAX_PAGE ? n : null;
}

/**
 * Validates the filter form. Empty fields mean "all" (the form submits every field); unknown values
 * give one readable message naming the allowed ones.
 */
export function parseInstrumentListQuery(v: View, params: URLSearchParams, subjects: readonly string[]): Parsed<InstrumentListQuery> {
  const { t } = v;
  const problems: string[] = [];
  const filter: InstrumentFilter = {};
  const check = <T extends string>(
    name: 'type' | 'status' | 'category' | 'subject',
    label: string,
    allowed: readonly T[],
  ): T | undefined => {
    const raw = params.get(name)?.trim() ?? '';
    if (!raw) return undefined;
    const value = pick(allowed, raw);
    if (!value) problems.push(t.invalidValue(label, raw, allowed.join(', ')));
    return value;
  };
  const type = check<InstrumentType>('type', t.filterType, INSTRUMENT_TYPES);
  const status = check<InstrumentStatus>('status', t.filterStatus, INSTRUMENT_STATUSES);
  const category = check<InstrumentCategory>('category', t.filterCategory, INSTRUMENT_CATEGORIES);
  const subject = check<string>('subject', t.filterSubject, subjects);
  if (type) filter.type = type;
  if (status) filter.status = status;
  if (category) filter.category = category;
  if (subject) filter.subject = subject;
  const q = params.get('q')?.trim() ?? '';
  if (q.length > MAX_QUERY_LENGTH) problems.push(t.queryTooLong(String(MAX_QUERY_LENGTH)));
  else if (q) filter.q = q;
  const page = parsePage(params.get('page'));
  if (page === null) problems.push(t.invalidPage);
  if (problems.length) return { ok: false, message: problems.join(' ') };
  return { ok: true, value: { filter, page: page ?? 1 } };
}

function options<T extends string>(v: View, values: readonly T[], labels: Record<T, string>, selected: string | undefined): SafeHtml {
  return html`<option value="">${v.t.anyOption}</option>${values.map(
    (value) => html`<option value="${value}"${value === selected ? html` selected` : null}>${labels[value]}</option>`,
  )}`;
}

export function subjectLabel(v: View, slug: string): string {
  return (v.t.subject as Record<string, string>)[slug] ?? slug.replace(/-/g, ' ');
}

function filterForm(v: View, filter: InstrumentFilter, subjects: readonly string[]): SafeHtml {
  const { t, lang, f } = v;
  const subjectLabels = Object.fromEntries(subjects.map((s) => [s, subjectLabel(v, s)])) as Record<string, string>;
  const sortedSubjects = [...subjects].sort((a, b) => f.compare(subjectLabels[a] ?? a, subjectLabels[b] ?? b));
  return html`<form class="filters" method="get" action="/${lang}/instruments" aria-labelledby="filter-heading">
<h2 id="filter-heading">${t.filterHeading}</h2>
<div class="fields">
<div class="field"><label for="f-type">${t.filterType}</label><select id="f-type" name="type">${options(v, INSTRUMENT_TYPES, t.instrumentType, filter.type)}</select></div>
<div class="field"><label for="f-status">${t.filterStatus}</label><select id="f-status" name="status">${options(v, INSTRUMENT_STATUSES, t.instrumentStatus, filter.status)}</select></div>
<div class="field"><label for="f-category">${t.filterCategory}</label><select id="f-category" name="category">${options(v, INSTRUMENT_CATEGORIES, t.category, filter.category)}</select></div>
<div class="field"><label for="f-subject">${t.filterSubject}</label><select id="f-subject" name="subject">${options(v, sortedSubjects, subjectLabels, filter.subject)}</select></div>
<div class="field"><label for="f-q">${t.filterText}</label><input type="text" id="f-q" name="q" value="${filter.q ?? ''}" maxlength="${MAX_QUERY_LENGTH}"></div>
<div class="field"><button type="submit">${t.applyFilters}</button></div>
</div>
<p><a href="/${lang}/instruments">${t.clearFilters}</a></p>
</form>`;
}

function row(v: View, i: InstrumentListEntry): SafeHtml {
  const { t, f } = v;
  return html`<tr>
<td class="code">${instrumentLink(v, i.code)}</td>
<td>${instrumentTitle(v, i)}${lowMark(v, i.confidence)}</td>
<td>${t.instrumentType[i.type]}</td>
<td>${dateText(v, i.adoptionDate)}</td>
<td>${i.category ? t.category[i.category] : unknown(t.categoryNotRecorded)}</td>
<td>${i.status ? t.instrumentStatus[i.status] : unknown(t.statusNotRecorded)}</td>
<td class="num">${i.type === 'recommendation' ? html`<span class="unknown">${t.notRatifiable}</span>` : html`${f.number(i.recordedRatifications)}${coverageMark(v, i.coverage)}`}</td>
</tr>`;
}

function pagination(v: View, filter: InstrumentFilter, page: number, pages: number): SafeHtml | null {
  if (pages <= 1) return null;
  const { t, f, lang } = v;
  const link = (p: number) => `/${lang}/instruments${queryString({ ...filter, page: p === 1 ? undefined : p })}`;
  return html`<nav class="pagination" aria-label="${t.paginationLabel}">
${page > 1 ? html`<a href="${link(Math.min(page - 1, pages))}" rel="prev">${t.previousPage}</a>` : null}
<span aria-current="page">${t.pageOf(f.number(page), f.number(pages))}</span>
${page < pages ? html`<a href="${link(page + 1)}" rel="next">${t.nextPage}</a>` : null}
</nav>`;
}

export function renderInstrumentList(
  v: View,
  query: InstrumentListQuery,
  result: Page<InstrumentListEntry>,
  subjects: readonly string[],
): string {
  const { t, f } = v;
  const pages = Math.max(1, Math.ceil(result.total / INSTRUMENTS_PAGE_SIZE));
  const from = (query.page - 1) * INSTRUMENTS_PAGE_SIZE + 1;
  const to = from + result.items.length - 1;
  let listing: SafeHtml;
  if (result.total === 0) listing = html`<p role="status">${t.noInstruments}</p>`;
  else if (result.items.length === 0)
    listing = html`<p role="status">${t.noInstrumentsOnPage(f.number(pages))}</p>${pagination(v, query.filter, query.page, pages)}`;
  else {
    const table = html`<table>
<caption id="instruments-caption">${t.instrumentsCaption(f.number(from), f.number(to), f.number(result.total))}</caption>
<thead><tr><th scope="col">${t.colCode}</th><th scope="col">${t.colTitle}</th><th scope="col">${t.colType}</th><th scope="col">${t.colAdopted}</th><th scope="col">${t.colCategory}</th><th scope="col">${t.colStatus}</th><th scope="col" class="num">${t.colRatificationsRecorded}</th></tr></thead>
<tbody>
${result.items.map((i) => row(v, i))}
</tbody>
</table>`;
    listing = html`${tableRegion('instruments-caption', table)}
<p class="legend">${t.unverifiedLegend}</p>
${pagination(v, query.filter, query.page, pages)}`;
  }
  const body = html`<h1>${t.instrumentsTitle}</h1>
<p class="lead">${t.instrumentsIntro}</p>
${filterForm(v, query.filter, subjects)}
${listing}`;
  const title = query.page > 1 ? `${t.instrumentsTitle} (${t.pageOf(f.number(query.page), f.number(pages))})` : t.instrumentsTitle;
  return layout(v, { title, section: 'instruments', body: html`${body}${dataLink(v, 'instruments')}` });
}
