import {
  COMMENT_KINDS,
  PROCEDURES,
  type SupervisoryComment,
  type SupervisoryProcedure,
  stageArticle,
} from '../../domain/supervision/comments.ts';
import type { Page } from '../../services/ports.ts';
import type { CommentFilter, ProcedureFilter } from '../../services/supervision-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { confidenceText, englishText, unknown } from '../views/components.ts';
import { dataLink } from '../views/data-link.ts';
import { type HistoryBlock, historySection } from '../views/history.ts';
import { layout } from '../views/layout.ts';
import { editorNotes } from '../views/provenance.ts';
import {
  type CountryNames,
  commentsTable,
  isSecretariat,
  kindText,
  outcomeText,
  proceduresTable,
  sessionCell,
  stageText,
  summaryText,
  yearText,
} from '../views/supervision.ts';
import { queryString, type View } from '../views/view.ts';

export const SUPERVISION_PAGE_SIZE = 25;

export interface SupervisionQuery {
  country?: string;
  instrument?: string;
  kind?: (typeof COMMENT_KINDS)[number];
  year?: number;
  procedure?: (typeof PROCEDURES)[number];
  /** Page of the comments and of the procedures (each list pages on its own). */
  cpage: number;
  ppage: number;
}

/** Reads the no-JS filter form; a bad value names its field (400). */
export function parseSupervisionQuery(params: URLSearchParams): { ok: true; value: SupervisionQuery } | { ok: false; field: string } {
  const value: SupervisionQuery = { cpage: 1, ppage: 1 };
  const country = (params.get('country') ?? '').trim().toUpperCase();
  if (country) {
    if (!/^[A-Z]{3}$/.test(country)) return { ok: false, field: 'country' };
    value.country = country;
  }
  const instrument = (params.get('instrument') ?? '').trim().toUpperCase();
  if (instrument) {
    const m = /^([CP])0*(\d{1,3})$/.exec(instrument);
    if (!m) return { ok: false, field: 'instrument' };
    value.instrument = `${m[1]}${(m[2] as string).padStart(3, '0')}`;
  }
  const kind = params.get('kind') ?? '';
  if (kind) {
    if (!(COMMENT_KINDS as readonly string[]).includes(kind)) return { ok: false, field: 'kind' };
    value.kind = kind as SupervisionQuery['kind'];
  }
  const procedure = params.get('procedure') ?? '';
  if (procedure) {
    if (!(PROCEDURES as readonly string[]).includes(procedure)) return { ok: false, field: 'procedure' };
    value.procedure = procedure as SupervisionQuery['procedure'];
  }
  const year = (params.get('year') ?? '').trim();
  if (year) {
    if (!/^\d{4}$/.test(year) || Number(year) < 1919 || Number(year) > 2100) return { ok: false, field: 'year' };
    value.year = Number(year);
  }
  for (const key of ['cpage', 'ppage'] as const) {
    const raw = (params.get(key) ?? '').trim();
    if (!raw) continue;
    if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) return { ok: false, field: key };
    value[key] = Number(raw);
  }
  return { ok: true, value };
}

export function commentFilter(q: SupervisionQuery): CommentFilter {
  return { country: q.country, instrument: q.instrument, kind: q.kind, year: q.year };
}

export function procedureFilter(q: SupervisionQuery): ProcedureFilter {
  return { country: q.country, instrument: q.instrument, procedure: q.procedure, year: q.year };
}

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return html`<option value="${value}"${selected === value ? html` selected` : null}>${label}</option>`;
}

function filterForm(v: View, q: SupervisionQuery): SafeHtml {
  const { t, lang } = v;
  return html`<form class="filters" method="get" action="/${lang}/supervision" aria-labelledby="supervision-filter-heading">
<h2 id="supervision-filter-heading">${t.supervisionFilterHeading}</h2>
<div class="fields">
<div class="field"><label for="s-country">${t.supervisionFilterCountry}</label><input type="text" id="s-country" name="country" value="${q.country ?? ''}" maxlength="3" autocomplete="off"></div>
<div class="field"><label for="s-instrument">${t.supervisionFilterInstrument}</label><input type="text" id="s-instrument" name="instrument" value="${q.instrument ?? ''}" maxlength="4" autocomplete="off"></div>
<div class="field"><label for="s-kind">${t.supervisionFilterKind}</label><select id="s-kind" name="kind">${option('', t.supervisionAny, q.kind ?? '')}${COMMENT_KINDS.map((k) => option(k, t.commentKind[k], q.kind))}</select></div>
<div class="field"><label for="s-procedure">${t.supervisionFilterProcedure}</label><select id="s-procedure" name="procedure">${option('', t.supervisionAny, q.procedure ?? '')}${PROCEDURES.map((p) => option(p, t.procedureShort[p], q.procedure))}</select></div>
<div class="field"><label for="s-year">${t.supervisionFilterYear}</label><input type="text" inputmode="numeric" id="s-year" name="year" value="${q.year ?? ''}" maxlength="4" autocomplete="off"></div>
<div class="field"><button type="submit">${t.supervisionApply}</button></div>
</div>
<p><a href="/${lang}/supervision">${t.supervisionClear}</a></p>
</form>`;
}

function pagination(v: View, q: SupervisionQuery, key: 'cpage' | 'ppage', pages: number, label: string): SafeHtml | null {
  if (pages <= 1) return null;
  const { t, f, lang } = v;
  const current = q[key];
  const link = (p: number) =>
    `/${lang}/supervision${queryString({
      country: q.country,
      instrument: q.instrument,
      kind: q.kind,
      procedure: q.procedure,
      year: q.year,
      cpage: key === 'cpage' ? (p === 1 ? undefined : p) : q.cpage === 1 ? undefined : q.cpage,
      ppage: key === 'ppage' ? (p === 1 ? undefined : p) : q.ppage === 1 ? undefined : q.ppage,
    })}`;
  return html`<nav class="pagination" aria-label="${label}">
${current > 1 ? html`<a href="${link(Math.min(current - 1, pages))}" rel="prev">${t.previousPage}</a>` : null}
<span aria-current="page">${t.pageOf(f.number(Math.min(current, pages)), f.number(pages))}</span>
${current < pages ? html`<a href="${link(current + 1)}" rel="next">${t.nextPage}</a>` : null}
</nav>`;
}

export interface SupervisionPageData {
  query: SupervisionQuery;
  comments: Page<SupervisoryComment>;
  procedures: Page<SupervisoryProcedure>;
  countries: CountryNames;
}

export function renderSupervision(v: View, d: SupervisionPageData): string {
  const { t, f } = v;
  const { query: q } = d;
  const caption = (p: Page<unknown>, text: (a: string, b: string, c: string) => string) => {
    const from = (p.page - 1) * p.pageSize + 1;
    return text(f.number(from), f.number(from + p.items.length - 1), f.number(p.total));
  };
  const cPages = Math.max(1, Math.ceil(d.comments.total / SUPERVISION_PAGE_SIZE));
  const pPages = Math.max(1, Math.ceil(d.procedures.total / SUPERVISION_PAGE_SIZE));
  const comments = d.comments.items.length
    ? commentsTable(v, d.comments.items, 'supervision-comments-caption', caption(d.comments, t.commentsCaption), true, d.countries)
    : html`<p role="status">${t.noComments}</p>`;
  const procedures = d.procedures.items.length
    ? proceduresTable(
        v,
        d.procedures.items,
        'supervision-procedures-caption',
        caption(d.procedures, t.proceduresCaption),
        true,
        d.countries,
      )
    : html`<p role="status">${t.noProcedures}</p>`;
  const body = html`<h1>${t.supervisionTitle}</h1>
<p class="lead">${t.supervisionIntro}</p>
${filterForm(v, q)}
${isSecretariat(v) ? html`<p><a href="/${v.lang}/supervision/comments/new">${t.addCommentLink}</a> · <a href="/${v.lang}/supervision/procedures/new">${t.addProcedureLink}</a></p>` : null}
<section aria-labelledby="supervision-comments-heading">
<h2 id="supervision-comments-heading">${t.commentsHeading}</h2>
${comments}
${pagination(v, q, 'cpage', cPages, t.commentsPagination)}
</section>
<section aria-labelledby="supervision-procedures-heading">
<h2 id="supervision-procedures-heading">${t.proceduresHeading}</h2>
${procedures}
${pagination(v, q, 'ppage', pPages, t.proceduresPagination)}
</section>
<p class="legend">${t.unverifiedLegend}</p>`;
  return layout(v, {
    title: t.supervisionTitle,
    section: 'supervision',
    body: html`${body}${dataLink(v, 'supervisory-comments', 'supervisory-procedures')}`,
  });
}

function link(url: string | null, label: string): SafeHtml | null {
  return url ? html`<a href="${url}" rel="noopener">${label}</a>` : null;
}

function stateName(v: View, iso3: string, names: CountryNames): SafeHtml {
  const ref = names.get(iso3);
  const name = ref ? (v.lang === 'id' && ref.nameId ? ref.nameId : ref.nameEn) : iso3;
  return html`<a href="/${v.lang}/countries/${iso3}">${name}</a>`;
}

function instrumentsList(v: View, codes: readonly string[]): SafeHtml {
  return html`${codes.map((c, i) => html`${i ? ', ' : ''}<a href="/${v.lang}/instruments/${c}">${c}</a>`)}`;
}

function editLink(v: View, path: string): SafeHtml | null {
  return isSecretariat(v) ? html`<p><a href="/${v.lang}${path}/edit">${v.t.editRecordLink}</a></p>` : null;
}

export function renderCommentDetail(v: View, c: SupervisoryComment, names: CountryNames, history: HistoryBlock | null): string {
  const { t } = v;
  const body = html`<h1>${t.commentTitle(c.id)}</h1>
${editLink(v, `/supervision/comments/${c.id}`)}
<dl class="facts">
<dt>${t.colCommentCountry}</dt><dd>${stateName(v, c.country, names)}</dd>
<dt>${t.colCommentConventions}</dt><dd>${instrumentsList(v, c.instruments)}</dd>
<dt>${t.colCommentKind}</dt><dd>${kindText(v, c)}</dd>
<dt>${t.colCommentYear}</dt><dd>${yearText(v, c.year)}</dd>
<dt>${t.colCommentSession}</dt><dd>${sessionCell(v, c.session, c.sessionYear)}</dd>
<dt>${t.colCommentSummary}</dt><dd>${summaryText(v, c.summaryEn, c.summaryId)}</dd>
<dt>${t.replyLabel}</dt><dd>${c.requestsReply ? t.replyYes : unknown(t.replyNo)}</dd>
<dt>${t.stageArticleLabel}</dt><dd>Constitution Art 22</dd>
<dt>${t.normlexIdLabel}</dt><dd>${c.normlexId ?? unknown(t.sessionNotStated)} ${link(c.url, t.normlexLink)}</dd>
<dt>${t.colCommentSource}</dt><dd>${c.source}</dd>
<dt>${t.confidenceLabelSupervision}</dt><dd>${confidenceText(v, c.confidence)}</dd>
</dl>
${editorNotes(v, c.notes)}
${historySection(v, history)}
<p><a href="/${v.lang}/supervision">${t.backToSupervision}</a></p>`;
  return layout(v, { title: t.commentTitle(c.id), section: 'supervision', body });
}

export function renderProcedureDetail(v: View, p: SupervisoryProcedure, names: CountryNames, history: HistoryBlock | null): string {
  const { t } = v;
  const ref = names.get(p.country);
  const title = t.procedureTitle(t.procedureName[p.procedure], ref ? (v.lang === 'id' && ref.nameId ? ref.nameId : ref.nameEn) : p.country);
  const body = html`<h1>${title}</h1>
${editLink(v, `/supervision/procedures/${p.id}`)}
<dl class="facts">
<dt>${t.colCommentCountry}</dt><dd>${stateName(v, p.country, names)}</dd>
<dt>${t.colCommentConventions}</dt><dd>${instrumentsList(v, p.instruments)}</dd>
<dt>${t.colProcedureYear}</dt><dd>${yearText(v, p.year)}</dd>
${p.procedure === 'cas' ? html`<dt>${t.colCommentSession}</dt><dd>${sessionCell(v, p.session, null)}</dd>` : html`<dt>${t.colFiledBy}</dt><dd>${p.filedBy ? englishText(v, p.filedBy) : unknown(t.filedByUnknown)}</dd>`}
<dt>${t.colProcedureStage}</dt><dd>${stageText(v, p)}</dd>
<dt>${t.stageArticleLabel}</dt><dd>${stageArticle(p.procedure, p.stage)}</dd>
<dt>${t.colProcedureOutcome}</dt><dd>${outcomeText(v, p)}</dd>
${p.procedure === 'cas' ? html`<dt>${t.conclusionsLabel}</dt><dd>${summaryText(v, p.conclusionsEn, p.conclusionsId, t.noConclusions)}</dd>` : null}
<dt>${t.colCommentSource}</dt><dd>${p.source} ${link(p.url, t.sourceLinkLabel)}</dd>
<dt>${t.confidenceLabelSupervision}</dt><dd>${confidenceText(v, p.confidence)}</dd>
</dl>
${editorNotes(v, p.notes)}
${historySection(v, history)}
<p><a href="/${v.lang}/supervision">${t.backToSupervision}</a></p>`;
  return layout(v, { title, section: 'supervision', body });
}
