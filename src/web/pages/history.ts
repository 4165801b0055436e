import { normaliseInstrumentCode } from '../../domain/instrument.ts';
import { isIsoDay } from '../../domain/partial-date.ts';
import type { ChangeEvent, HistoryFilter } from '../../services/history-ports.ts';
import type { Page } from '../../services/ports.ts';
import { html, type SafeHtml } from '../html.ts';
import { textControl } from '../views/edit-fields.ts';
import { errorSummary, type FieldError } from '../views/forms.ts';
import { eventList } from '../views/history.ts';
import { layout } from '../views/layout.ts';
import { queryString, type View } from '../views/view.ts';
import { parsePage } from './instruments-list.ts';

export const HISTORY_PAGE_SIZE = 25;
const MAX_USER_ID = 2_147_483_647;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

export const HISTORY_FIELD_IDS = {
  record: 'h-record',
  country: 'h-country',
  user: 'h-user',
  editor: 'h-editor',
  from: 'h-from',
  to: 'h-to',
} as const;

export interface HistoryQueryValues {
  record: string;
  country: string;
  user: string;
  /** An editor's email: a filter for signed-in editors only (decision 062). */
  editor: string;
  from: string;
  to: string;
}

export interface HistoryQuery {
  values: HistoryQueryValues;
  filter: HistoryFilter;
  page: number;
  /** Field problems, plus one that belongs to no field: an anonymous reader's editor filter. */
  errors: FieldError[];
}

/** 'idn/c138' → 'IDN/C138', 'c29' → 'C029', 'idn' → 'IDN'; null when it is none of the three shapes. */
export function normaliseRecordKey(raw: string): string | null {
  const value = raw.trim();
  if (value.length > 40) return null;
  const ratification = /^([A-Za-z]{3})\/([CPcp]\s*\d{1,3})$/.exec(value);
  if (ratification?.[1] && ratification[2]) {
    const code = normaliseInstrumentCode(ratification[2]);
    return code ? `${ratification[1].toUpperCase()}/${code}` : null;
  }
  if (/^[A-Za-z]{3}$/.test(value)) return value.toUpperCase();
  // Conference records: a session '113', a delegation '113/IDN', a vote '113/2'.
  if (/^\d{1,3}(\/([A-Za-z]{3}|\d{1,6}))?$/.test(value)) return value.toUpperCase();
  // Governing Body records (decision 111): a period such as 2021-2024, or a session number.
  if (/^\d{4}-\d{4}$/.test(value) || /^\d{1,4}$/.test(value)) return value;
  // Supervisory comments (NORMLEX id or LOCAL-N) and procedures (ART26-POL-1982, CAS-IDN-C098): decision 141.
  if (/^(?:\d{5,10}|(?:local|art24|art26|cas)-[a-z0-9-]{1,34})$/i.test(value)) return value.toUpperCase();
  return normaliseInstrumentCode(value);
}

export function parseHistoryQuery(v: View, params: URLSearchParams): HistoryQuery {
  const { t } = v;
  const ids = HISTORY_FIELD_IDS;
  const get = (name: string) => (params.get(name) ?? '').trim();
  const values: HistoryQueryValues = {
    record: get('record'),
    country: get('country'),
    user: get('user'),
    editor: get('editor'),
    from: get('from'),
    to: get('to'),
  };
  const errors: FieldError[] = [];
  const filter: HistoryFilter = {};
  if (values.record) {
    const key = normaliseRecordKey(values.record);
    if (key) filter.recordKey = key;
    else errors.push({ id: ids.record, message: t.historyRecordInvalid });
  }
  if (values.country) {
    if (/^[A-Za-z]{3}$/.test(values.country)) filter.country = values.country.toUpperCase();
    else errors.push({ id: ids.country, message: t.historyCountryInvalid });
  }
  if (values.user) {
    const n = /^\d{1,10}$/.test(values.user) ? Number(values.user) : 0;
    if (n >= 1 && n <= MAX_USER_ID) filter.userId = n;
    else errors.push({ id: ids.user, message: t.historyUserInvalid });
  }
  if (values.editor) {
    // An anonymous reader has no such field; a hand-made address is refused, not silently ignored.
    if (!v.session) errors.push({ id: ids.editor, message: t.historyEditorSignIn });
    else if (values.editor.length <= 320 && EMAIL_SHAPE.test(values.editor)) filter.editor = values.editor.toLowerCase();
    else errors.push({ id: ids.editor, message: t.historyEditorInvalid });
  }
  for (const name of ['from', 'to'] as const) {
    if (!values[name]) continue;
    if (isIsoDay(values[name])) filter[name] = values[name];
    else errors.push({ id: ids[name], message: t.historyDateInvalid });
  }
  if (filter.from && filter.to && filter.from > filter.to) errors.push({ id: ids.to, message: t.historyDateOrder });
  const page = parsePage(params.get('page'));
  if (page === null) errors.push({ id: ids.record, message: t.invalidPage });
  return { values, filter, page: page ?? 1, errors };
}

export interface HistoryPageData {
  query: HistoryQuery;
  result: Page<ChangeEvent> | null;
  /** A change that could not be made (a revert refused), shown above the list. */
  problem?: string | null;
  notice?: string | null;
}

function filterForm(v: View, query: HistoryQuery): SafeHtml {
  const { t, lang } = v;
  const ids = HISTORY_FIELD_IDS;
  const { values, errors } = query;
  return html`<form class="filters" method="get" action="/${lang}/history" novalidate aria-labelledby="filter-heading">
<h2 id="filter-heading">${t.filterHeading}</h2>
<div class="fields">
${textControl(v, { id: ids.record, name: 'record', label: t.historyFilterRecord, hint: t.historyFilterRecordHint }, values.record, errors, {
  maxlength: 40,
  spellcheck: false,
})}
${textControl(
  v,
  { id: ids.country, name: 'country', label: t.historyFilterCountry, hint: t.historyFilterCountryHint },
  values.country,
  errors,
  {
    className: 'input-short',
    maxlength: 3,
    spellcheck: false,
  },
)}
${textControl(v, { id: ids.user, name: 'user', label: t.historyFilterUser, hint: t.historyFilterUserHint }, values.user, errors, {
  className: 'input-short',
  inputmode: 'numeric',
  maxlength: 10,
})}
${
  v.session
    ? textControl(
        v,
        { id: ids.editor, name: 'editor', label: t.historyFilterEditor, hint: t.historyFilterEditorHint },
        values.editor,
        errors,
        { type: 'email', maxlength: 320, spellcheck: false, autocomplete: 'off' },
      )
    : null
}
${textControl(v, { id: ids.from, name: 'from', label: t.historyFilterFrom, hint: t.dateHintDay }, values.from, errors, {
  className: 'input-date',
  maxlength: 10,
  spellcheck: false,
})}
${textControl(v, { id: ids.to, name: 'to', label: t.historyFilterTo, hint: t.dateHintDay }, values.to, errors, {
  className: 'input-date',
  maxlength: 10,
  spellcheck: false,
})}
<div class="field"><button type="submit">${t.applyFilters}</button></div>
</div>
<p><a href="/${lang}/history">${t.clearFilters}</a></p>
</form>`;
}

function pagination(v: View, values: HistoryQueryValues, page: number, pages: number): SafeHtml | null {
  if (pages <= 1) return null;
  const { t, f, lang } = v;
  const link = (p: number) => `/${lang}/history${queryString({ ...values, page: p === 1 ? undefined : p })}`;
  return html`<nav class="pagination" aria-label="${t.paginationLabel}">
${page > 1 ? html`<a href="${link(Math.min(page - 1, pages))}" rel="prev">${t.previousPage}</a>` : null}
<span aria-current="page">${t.pageOf(f.number(page), f.number(pages))}</span>
${page < pages ? html`<a href="${link(page + 1)}" rel="next">${t.nextPage}</a>` : null}
</nav>`;
}

export function renderHistory(v: View, data: HistoryPageData): string {
  const { t, f, lang } = v;
  const { query, result } = data;
  let listing: SafeHtml | null = null;
  if (result) {
    const pages = Math.max(1, Math.ceil(result.total / HISTORY_PAGE_SIZE));
    const from = (query.page - 1) * HISTORY_PAGE_SIZE + 1;
    const back = `/${lang}${v.path}${v.search}`;
    if (result.total === 0) listing = html`<p role="status">${t.historyNone}</p>`;
    else if (!result.items.length)
      listing = html`<p role="status">${t.noInstrumentsOnPage(f.number(pages))}</p>${pagination(v, query.values, query.page, pages)}`;
    else
      listing = html`<h2 id="changes-heading">${t.historyCount(f.number(from), f.number(from + result.items.length - 1), f.number(result.total))}</h2>
${eventList(v, result.items, back)}
${pagination(v, query.values, query.page, pages)}`;
  }
  // An anonymous reader's editor filter has no field on the page to point at: said as a problem.
  const fieldless = v.session ? null : query.errors.find((e) => e.id === HISTORY_FIELD_IDS.editor);
  const problemText = data.problem ?? fieldless?.message ?? null;
  const problem = problemText
    ? html`<div class="error-summary" role="alert" aria-labelledby="problem-title" tabindex="-1"><h2 id="problem-title">${t.errorSummaryTitle}</h2><p>${problemText}</p></div>`
    : null;
  const body = html`<h1>${t.historyTitle}</h1>
<p class="lead">${t.historyIntro}</p>
${problem}
${data.notice ? html`<p class="notice" role="status">${data.notice}</p>` : null}
${errorSummary(
  v,
  query.errors.filter((e) => e !== fieldless),
)}
${filterForm(v, query)}
${listing}`;
  const failed = query.errors.length > 0 || Boolean(data.problem);
  return layout(v, { title: failed ? t.errorTitlePrefix(t.historyTitle) : t.historyTitle, section: 'history', body });
}
