import { canWrite } from '../../domain/access/policy.ts';
import type { IlcSession } from '../../domain/ilc-session.ts';
import { MAX_REASON_LENGTH, MAX_SOURCE_LENGTH } from '../../services/edit-service.ts';
import type { OverdueByCountry, OverdueByRegion, TrackedSessionView } from '../../services/submission-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { countryLink, tableRegion, unknown } from '../views/components.ts';
import { type Choice, csrfInput, selectControl, statusNotice, textareaControl, textControl } from '../views/edit-fields.ts';
import { errorSummary, type FieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import { labelCells, STACKED_TABLE } from '../views/stacked-table.ts';
import type { View } from '../views/view.ts';
import { trackedSessionsList } from './submissions-country.ts';

export const TRACKING_FIELD_IDS = { session: 'track-session', source: 'track-source', reason: 'track-reason' } as const;

export interface TrackingFormValues {
  session: string;
  source: string;
  reason: string;
}

export const EMPTY_TRACKING_FORM: TrackingFormValues = { session: '', source: '', reason: '' };

export interface SubmissionsDashboardData {
  byRegion: readonly OverdueByRegion[];
  byCountry: readonly OverdueByCountry[];
  trackedSessions: readonly TrackedSessionView[];
  /** Sessions the secretariat may open (those not tracked yet). */
  sessions: readonly IlcSession[];
  values: TrackingFormValues;
  errors: readonly FieldError[];
  notice: 'saved' | 'unchanged' | null;
}

/** Overdue submissions by region; also shown on the secretariat's obligations dashboard. */
export function regionTable(v: View, rows: readonly OverdueByRegion[]): SafeHtml {
  const { t, f } = v;
  const cols = [t.submissionColRegion, t.submissionColOverdue, t.submissionColStates];
  return tableRegion(
    'overdue-region-caption',
    html`<table class="${STACKED_TABLE}">
<caption id="overdue-region-caption">${t.submissionsByRegionCaption}</caption>
<thead><tr>${cols.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>
${rows.map((r) =>
  labelCells(
    cols,
    html`<tr><td>${r.region ? t.region[r.region] : unknown(t.submissionRegionUnknown)}</td><td>${f.number(r.overdue)}</td><td>${f.number(r.states)}</td></tr>`,
  ),
)}
</tbody>
</table>`,
  );
}

function countryTable(v: View, rows: readonly OverdueByCountry[]): SafeHtml {
  const { t, f, lang } = v;
  const cols = [t.submissionColState, t.submissionColRegion, t.submissionColOverdue, t.submissionColInstruments];
  return tableRegion(
    'overdue-state-caption',
    html`<table class="${STACKED_TABLE}">
<caption id="overdue-state-caption">${t.submissionsByStateCaption}</caption>
<thead><tr>${cols.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>
${rows.map((r) =>
  labelCells(
    cols,
    html`<tr><td>${countryLink(v, { iso3: r.country, nameEn: r.nameEn, nameId: r.nameId })} (<a href="/${lang}/countries/${r.country}/submissions">${r.country}</a>)</td><td>${r.region ? t.region[r.region] : unknown(t.submissionRegionUnknown)}</td><td>${f.number(r.overdue)}</td><td>${r.instruments.join(', ')}</td></tr>`,
  ),
)}
</tbody>
</table>`,
  );
}

function trackingForm(v: View, data: SubmissionsDashboardData): SafeHtml {
  const { t, f, lang } = v;
  const ids = TRACKING_FIELD_IDS;
  const choices: Choice[] = [
    { value: '', label: '–' },
    ...data.sessions.map((s) => ({
      value: String(s.number),
      label: `${t.submissionsTrackedItem(f.number(s.number), s.year === null ? t.dateNotRecorded : String(s.year))}${s.closingDate ? ` – ${f.date(s.closingDate)?.text ?? s.closingDate}` : ''}`,
    })),
  ];
  return html`<section aria-labelledby="tracking-form-heading">
<h2 id="tracking-form-heading">${t.submissionTrackingFormHeading}</h2>
<p>${t.submissionTrackingFormIntro}</p>
${errorSummary(v, data.errors)}
<form class="edit-form" method="post" action="/${lang}/submissions/tracking" novalidate>
${csrfInput(v)}
${selectControl(v, { id: ids.session, name: 'session', label: t.submissionFieldSession }, choices, data.values.session, data.errors)}
${textControl(v, { id: ids.source, name: 'source', label: t.fieldSource, hint: t.fieldSourceHint }, data.values.source, data.errors, {
  maxlength: MAX_SOURCE_LENGTH,
})}
${textareaControl(
  v,
  { id: ids.reason, name: 'reason', label: t.fieldReason, hint: t.fieldReasonHint, optional: true },
  data.values.reason,
  data.errors,
  {
    maxlength: MAX_REASON_LENGTH,
  },
)}
<button type="submit">${t.submissionTrackingOpen}</button>
</form>
</section>`;
}

/** The secretariat's view of overdue submissions: by region and by member State, and the sessions tracked. */
export function renderSubmissionsDashboard(v: View, data: SubmissionsDashboardData): string {
  const { t } = v;
  const canTrack = canWrite(v.session?.actor ?? null, { kind: 'secretariat_record' }).allowed;
  const heading = t.submissionsDashboardTitle;
  const notice =
    data.notice === 'saved' ? statusNotice(t.savedNotice) : data.notice === 'unchanged' ? statusNotice(t.unchangedNotice) : null;
  const none = html`<p>${t.submissionsNoneOverdue}</p>`;
  const body = html`<h1>${heading}</h1>
${notice}
<p>${t.submissionsIntro}</p>
<p class="note">${t.submissionsTrackingNote}</p>
<section aria-labelledby="tracked-heading">
<h2 id="tracked-heading">${t.submissionsTrackedHeading}</h2>
${trackedSessionsList(v, data.trackedSessions)}
</section>
<section aria-labelledby="by-region-heading">
<h2 id="by-region-heading">${t.submissionsByRegionHeading}</h2>
${data.byRegion.length ? regionTable(v, data.byRegion) : none}
</section>
<section aria-labelledby="by-state-heading">
<h2 id="by-state-heading">${t.submissionsByStateHeading}</h2>
${data.byCountry.length ? countryTable(v, data.byCountry) : none}
</section>
${canTrack ? trackingForm(v, data) : null}`;
  return layout(v, { title: data.errors.length ? t.errorTitlePrefix(heading) : heading, section: null, body });
}
