import type { Lang } from '../../domain/facts.ts';
import type { SubmissionItem } from '../../services/submission-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { formatsFor } from '../i18n/format.ts';
import type { Dict } from '../i18n/index.ts';
import { dateText, englishText, instrumentLink, instrumentTitle, tableRegion, unknown } from './components.ts';
import { labelCells, STACKED_TABLE } from './stacked-table.ts';
import type { View } from './view.ts';

/* The submission rows (Constitution Art 19(5)(b), 19(6)(b)), shared by the State's page and the obligations section. */

const isLink = (value: string) => /^https?:\/\/\S+$/i.test(value);

export function statusCell(v: View, item: SubmissionItem): SafeHtml {
  const { t } = v;
  const label = html`<span class="submission-status submission-${item.status}">${t.submissionStatus[item.status]}</span>`;
  const late = item.late ? html` <span class="badge">${t.submissionLate}</span>` : null;
  const reason = item.reason ? html`<br><span class="note">${t.submissionReason[item.reason]}</span>` : null;
  return html`${label}${late}${reason}`;
}

export function submittedCell(v: View, item: SubmissionItem): SafeHtml | null {
  const r = item.record;
  if (!r?.submittedDate) return null;
  const { t } = v;
  const reference = r.reference
    ? isLink(r.reference)
      ? html`<br><a href="${r.reference}" rel="noopener noreferrer">${t.submissionReference}</a>`
      : html`<br>${t.submissionReference}: ${englishText(v, r.reference)}`
    : null;
  return html`${dateText(v, r.submittedDate)}${r.authority ? html`<br>${t.submissionAuthority(r.authority)}` : null}${reference}`;
}

function instrumentCell(v: View, item: SubmissionItem): SafeHtml {
  return html`${instrumentLink(v, item.instrument)} ${instrumentTitle(v, { titleEn: item.instrumentTitleEn, titleId: item.instrumentTitleId })}`;
}

function labels(v: View): string[] {
  const { t } = v;
  return [
    t.colInstrument,
    t.submissionColSession,
    t.submissionColDueDate,
    t.submissionColLatestDate,
    t.submissionColStatus,
    t.submissionColSubmitted,
    t.submissionColLegalBasis,
    t.submissionColSource,
  ];
}

/** The full table of one State's submissions. */
export function submissionsTable(v: View, items: readonly SubmissionItem[], caption: string, captionId: string): SafeHtml {
  const { t, f } = v;
  const cols = labels(v);
  return tableRegion(
    captionId,
    html`<table class="${STACKED_TABLE}">
<caption id="${captionId}">${caption}</caption>
<thead><tr>${cols.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>
${items.map((item) =>
  labelCells(
    cols,
    html`<tr><td>${instrumentCell(v, item)}</td><td>${f.number(item.session)}</td><td>${dateText(v, item.dueDate, t.dateNotRecorded)}</td><td>${dateText(v, item.latestDate, t.dateNotRecorded)}</td><td>${statusCell(v, item)}</td><td>${submittedCell(v, item) ?? unknown(t.diffNone)}</td><td>${item.legalBasis}</td><td>${item.record?.source ? englishText(v, item.record.source) : unknown(t.diffNone)}</td></tr>`,
  ),
)}
</tbody>
</table>`,
  );
}

/**
 * The due and overdue submissions of one State as a section with its own heading, for the
 * "obligations" page: `items` are `SubmissionService.dueAndOverdue(iso3, today)` (overdue first).
 */
export function renderSubmissionsSection(dict: Dict, lang: Lang, items: readonly SubmissionItem[], country?: string): SafeHtml {
  const v: View = { lang, t: dict, f: formatsFor(lang), path: '/', search: '', session: null };
  const t = dict;
  const sorted = [...items].sort((a, b) => (a.status === b.status ? 0 : a.status === 'overdue' ? -1 : 1));
  const iso3 = country ?? items[0]?.country;
  const cols = [t.colInstrument, t.submissionColSession, t.submissionColStatus, t.submissionColDueDate, t.submissionColLatestDate];
  const table = sorted.length
    ? tableRegion(
        'submissions-section-caption',
        html`<table class="${STACKED_TABLE}">
<caption id="submissions-section-caption" class="visually-hidden">${t.submissionSectionHeading}</caption>
<thead><tr>${cols.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>
${sorted.map((item) =>
  labelCells(
    cols,
    html`<tr><td>${instrumentCell(v, item)}</td><td>${v.f.number(item.session)}</td><td>${statusCell(v, item)}</td><td>${dateText(v, item.dueDate)}</td><td>${dateText(v, item.latestDate)}</td></tr>`,
  ),
)}
</tbody>
</table>`,
      )
    : html`<p>${t.submissionSectionEmpty}</p>`;
  return html`<section aria-labelledby="submissions-section-heading">
<h2 id="submissions-section-heading">${t.submissionSectionHeading}</h2>
${table}
${iso3 ? html`<p><a href="/${lang}/countries/${iso3}/submissions">${t.submissionSectionMore}</a></p>` : null}
</section>`;
}
