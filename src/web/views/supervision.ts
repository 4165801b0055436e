import { canWrite } from '../../domain/access/policy.ts';
import { type SupervisoryComment, type SupervisoryProcedure, stageArticle } from '../../domain/supervision/comments.ts';
import type { CountryRef } from '../../services/registry-service.ts';
import type { SupervisionBlock } from '../../services/supervision-service.ts';
import { type HtmlValue, html, type SafeHtml } from '../html.ts';
import { confidenceText, countryLink, englishText, instrumentLink, tableRegion, unknown } from './components.ts';
import { labelCells, STACKED_TABLE } from './stacked-table.ts';
import type { View } from './view.ts';

/** Names of the States a list shows (the instrument page and the supervision page list several). */
export type CountryNames = ReadonlyMap<string, Pick<CountryRef, 'iso3' | 'nameEn' | 'nameId'>>;

/** What the country profile and the instrument page pass to `supervisionSections`. */
export interface SupervisionSectionData extends SupervisionBlock {
  /** 'country': the page of one State (no State column); 'instrument': the page of one Convention. */
  scope: 'country' | 'instrument';
  countries?: CountryNames;
}

export function isSecretariat(v: View): boolean {
  return canWrite(v.session?.actor ?? null, { kind: 'secretariat_record' }).allowed;
}

function stateCell(v: View, iso3: string, names: CountryNames | undefined): SafeHtml {
  const ref = names?.get(iso3);
  return ref ? countryLink(v, ref) : html`<a href="/${v.lang}/countries/${iso3}">${iso3}</a>`;
}

function conventions(v: View, codes: readonly string[]): SafeHtml {
  return html`${codes.map((c, i) => html`${i ? ', ' : ''}${instrumentLink(v, c)}`)}`;
}

export function kindText(v: View, c: SupervisoryComment): SafeHtml {
  return c.kind ? html`${v.t.commentKind[c.kind]}` : unknown(v.t.kindNotStated);
}

export function yearText(v: View, year: number | null): SafeHtml {
  return year === null ? unknown(v.t.yearNotStated) : html`${String(year)}`;
}

export function sessionCell(v: View, session: number | null, sessionYear: number | null): SafeHtml {
  if (session === null) return unknown(v.t.sessionNotStated);
  return html`${v.t.sessionText(v.f.number(session), sessionYear === null ? null : String(sessionYear))}`;
}

/** Our own summary in the page's language; the English one marked on Indonesian pages; or "no summary recorded". */
export function summaryText(v: View, en: string | null, id: string | null, missing: string = v.t.noSummary): SafeHtml {
  if (v.lang === 'id' && id) return html`${id}`;
  if (en) return englishText(v, en);
  return unknown(missing);
}

export function stageText(v: View, p: SupervisoryProcedure): SafeHtml {
  return p.stage ? html`${v.t.stage[p.stage]}` : unknown(v.t.stageUnknown);
}

/** The outcome as the source words it: English, verbatim. */
export function outcomeText(v: View, p: SupervisoryProcedure): SafeHtml {
  return p.outcome ? englishText(v, p.outcome) : unknown(v.t.outcomeNotStated);
}

export function commentLink(v: View, c: SupervisoryComment): SafeHtml {
  return html`<a href="/${v.lang}/supervision/comments/${encodeURIComponent(c.id)}">${c.id}</a>`;
}

export function procedureLink(v: View, p: SupervisoryProcedure, label: HtmlValue = v.t.procedureShort[p.procedure]): SafeHtml {
  return html`<a href="/${v.lang}/supervision/procedures/${encodeURIComponent(p.id)}">${label}</a>`;
}

/** A table of comments; `withState`: a column naming each comment's State. */
export function commentsTable(
  v: View,
  comments: readonly SupervisoryComment[],
  captionId: string,
  caption: string,
  withState: boolean,
  names?: CountryNames,
): SafeHtml {
  const { t } = v;
  const labels = [
    ...(withState ? [t.colCommentCountry] : []),
    t.colCommentConventions,
    t.colCommentKind,
    t.colCommentYear,
    t.colCommentSession,
    t.colCommentSummary,
    t.colCommentSource,
  ];
  const rows = comments.map((c) =>
    labelCells(
      labels,
      html`<tr>
${withState ? html`<td>${stateCell(v, c.country, names)}</td>` : null}
<td>${conventions(v, c.instruments)}</td>
<td>${kindText(v, c)}</td>
<td>${yearText(v, c.year)}</td>
<td>${sessionCell(v, c.session, c.sessionYear)}</td>
<td>${summaryText(v, c.summaryEn, c.summaryId)}${c.requestsReply ? html`<br><span class="note">${t.requestsReply}</span>` : null}</td>
<td>${commentLink(v, c)}${c.confidence === 'low' ? html` ${confidenceText(v, c.confidence)}` : null}</td>
</tr>`,
    ),
  );
  return tableRegion(
    captionId,
    html`<table class="${STACKED_TABLE}">
<caption id="${captionId}">${caption}</caption>
<thead><tr>${labels.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
  );
}

export function proceduresTable(
  v: View,
  procedures: readonly SupervisoryProcedure[],
  captionId: string,
  caption: string,
  withState: boolean,
  names?: CountryNames,
): SafeHtml {
  const { t } = v;
  const labels = [
    t.colProcedure,
    ...(withState ? [t.colCommentCountry] : []),
    t.colCommentConventions,
    t.colProcedureYear,
    t.colProcedureStage,
    t.colProcedureOutcome,
  ];
  const rows = procedures.map((p) =>
    labelCells(
      labels,
      html`<tr>
<td>${procedureLink(v, p)}</td>
${withState ? html`<td>${stateCell(v, p.country, names)}</td>` : null}
<td>${conventions(v, p.instruments)}</td>
<td>${yearText(v, p.year)}</td>
<td>${stageText(v, p)}<br><span class="note">${stageArticle(p.procedure, p.stage)}</span></td>
<td>${outcomeText(v, p)}${p.confidence === 'low' ? html` ${confidenceText(v, p.confidence)}` : null}</td>
</tr>`,
    ),
  );
  return tableRegion(
    captionId,
    html`<table class="${STACKED_TABLE}">
<caption id="${captionId}">${caption}</caption>
<thead><tr>${labels.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
  );
}

/**
 * "Supervisory comments" and "Representations and complaints" on a country profile or an
 * instrument page: one call from each page. Nothing is shown when no data was passed.
 */
export function supervisionSections(v: View, data: SupervisionSectionData | null | undefined): SafeHtml | null {
  if (!data) return null;
  const { t, f, lang } = v;
  const withState = data.scope === 'instrument';
  const n = (x: number) => f.number(x);
  const comments = data.comments.length
    ? commentsTable(
        v,
        data.comments,
        'supervision-comments-caption',
        t.commentsCaption(n(1), n(data.comments.length), n(data.comments.length)),
        withState,
        data.countries,
      )
    : html`<p>${t.noComments}</p>`;
  const procedures = data.procedures.length
    ? proceduresTable(
        v,
        data.procedures,
        'supervision-procedures-caption',
        t.proceduresCaption(n(1), n(data.procedures.length), n(data.procedures.length)),
        withState,
        data.countries,
      )
    : html`<p>${t.noProcedures}</p>`;
  return html`<section aria-labelledby="supervision-comments-heading">
<h2 id="supervision-comments-heading">${t.commentsHeading}</h2>
${comments}
</section>
<section aria-labelledby="supervision-procedures-heading">
<h2 id="supervision-procedures-heading">${t.proceduresHeading}</h2>
${procedures}
<p><a href="/${lang}/supervision">${t.supervisionLink}</a></p>
</section>`;
}
