import { canWrite } from '../../domain/access/policy.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import { REPORT_KINDS, type ReportKind } from '../../domain/supervision/report-status.ts';
import { MAX_REASON_LENGTH, MAX_SOURCE_LENGTH } from '../../services/edit-service.ts';
import type { ReportSentInput } from '../../services/reporting-input.ts';
import type { CountryReports, ReportView } from '../../services/reporting-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { countryName, countryNamePlain, unknown } from '../views/components.ts';
import {
  type Choice,
  csrfInput,
  fieldErrorsFrom,
  selectControl,
  statusNotice,
  textareaControl,
  textControl,
} from '../views/edit-fields.ts';
import { errorSummary, type FieldError } from '../views/forms.ts';
import { type HistoryBlock, historySection } from '../views/history.ts';
import { layout } from '../views/layout.ts';
import { reportsTable } from '../views/reporting.ts';
import type { View } from '../views/view.ts';
import { type OrgFormValues, organisationsForm } from './organisations-form.ts';
import { type CompleteFormValues, receiptsCompleteSection } from './receipts-complete-form.ts';

export const SENT_FIELD_IDS = {
  report: 'sent-report',
  instrument: 'sent-report',
  year: 'sent-report',
  kind: 'sent-report',
  dateSent: 'sent-date',
  link: 'sent-link',
  source: 'sent-source',
  reason: 'sent-reason',
} as const;

export interface SentFormValues {
  report: string;
  dateSent: string;
  link: string;
  source: string;
  reason: string;
}

export const EMPTY_SENT: SentFormValues = { report: '', dateSent: '', link: '', source: '', reason: '' };

const text = (form: Record<string, unknown>, name: string): string => (typeof form[name] === 'string' ? (form[name] as string) : '');

export function parseSentForm(form: Record<string, unknown>): SentFormValues {
  return {
    report: text(form, 'report'),
    dateSent: text(form, 'dateSent').trim(),
    link: text(form, 'link'),
    source: text(form, 'source'),
    reason: text(form, 'reason'),
  };
}

/** The report chosen in the form ('C138|2027|regular'), or null when the choice is not one. */
export function sentInput(values: SentFormValues, country: string): ReportSentInput | null {
  const [instrument = '', year = '', kind = ''] = values.report.split('|');
  if (!/^\d{4}$/.test(year) || !(REPORT_KINDS as readonly string[]).includes(kind)) return null;
  return {
    country,
    instrument,
    year: Number(year),
    kind: kind as ReportKind,
    dateSent: values.dateSent,
    link: values.link,
    source: values.source,
    reason: values.reason,
  };
}

export function sentErrors(v: View, issues: readonly FieldIssue[], values: SentFormValues): FieldError[] {
  const e = v.t.editError;
  const m = v.t.markSentErrors;
  const message = (field: string): string => {
    switch (field) {
      case 'source':
        return values.source.trim() ? e.tooLong(v.f.number(MAX_SOURCE_LENGTH)) : e.sourceMissing;
      case 'reason':
        return e.tooLong(v.f.number(MAX_REASON_LENGTH));
      case 'dateSent':
        return m.dateSent;
      case 'link':
        return m.link;
      default:
        return m.report;
    }
  };
  return fieldErrorsFrom(issues, SENT_FIELD_IDS, message, SENT_FIELD_IDS.report);
}

export interface ObligationsData {
  reports: CountryReports;
  form: { values: SentFormValues; errors: readonly FieldError[] } | null;
  /** The organisations form sent back with its problems, if that was the form posted. */
  orgForm?: { values: OrgFormValues; errors: readonly FieldError[] } | null;
  /** The receipts-completeness form sent back with its problems, if that was the form posted. */
  completeForm?: { values: CompleteFormValues; errors: readonly FieldError[] } | null;
  notice: 'saved' | 'unchanged' | null;
  history: HistoryBlock | null;
  /**
   * Further sections of the State's obligations, rendered after the reports: the place where the
   * submissions to the competent authorities (Art 19(5)-(6)) join the page, e.g.
   * `[renderSubmissionsSection(v.t, v.lang, items)]`.
   */
  extraSections?: readonly SafeHtml[];
}

const SECTIONS = ['due', 'overdue', 'not_recorded', 'received', 'upcoming', 'unknown'] as const;

function inSection(r: ReportView, section: (typeof SECTIONS)[number]): boolean {
  return section === 'upcoming' ? r.status === 'not_yet_due' : r.status === section;
}

function organisations(v: View, data: CountryReports, form: ObligationsData['orgForm']): SafeHtml {
  const { t } = v;
  const o = data.organisations;
  const names = (list: readonly string[]) => (list.length ? list.join(', ') : unknown(t.organisationsUnknown));
  return html`<section aria-labelledby="copies-heading">
<h2 id="copies-heading">${t.copiesHeading}</h2>
${
  o
    ? html`<dl class="facts">
<dt>${t.employersLabel}</dt><dd>${names(o.employers)}</dd>
<dt>${t.workersLabel}</dt><dd>${names(o.workers)}</dd>
<dt>${t.fieldSource}</dt><dd lang="en">${o.source}</dd>
</dl>`
    : html`<p>${unknown(t.organisationsUnknown)}</p>`
}
${organisationsForm(v, data.country.iso3, o, form ?? null)}
</section>`;
}

function sentForm(v: View, data: ObligationsData): SafeHtml | null {
  const { t, lang } = v;
  const iso3 = data.reports.country.iso3;
  if (!canWrite(v.session?.actor ?? null, { kind: 'country_record', country: iso3 }).allowed) return null;
  const open = data.reports.reports.filter((r) => r.year !== null && r.status !== 'received');
  if (!open.length)
    return html`<section aria-labelledby="sent-heading"><h2 id="sent-heading">${t.markSentHeading}</h2><p>${t.noReportToMark}</p></section>`;
  const values = data.form?.values ?? EMPTY_SENT;
  const errors = data.form?.errors ?? [];
  const choices: Choice[] = [
    { value: '', label: '–' },
    ...open.map((r) => ({
      value: `${r.instrument}|${r.year}|${r.kind}`,
      label: t.reportChoice(r.instrument, t.reportKind[r.kind], String(r.year)),
    })),
  ];
  return html`<section aria-labelledby="sent-heading">
<h2 id="sent-heading">${t.markSentHeading}</h2>
<p>${t.markSentIntro}</p>
${errorSummary(v, errors)}
<form class="edit-form" method="post" action="/${lang}/countries/${iso3}/obligations/sent" novalidate>
${csrfInput(v)}
${selectControl(v, { id: SENT_FIELD_IDS.report, name: 'report', label: t.fieldReport }, choices, values.report, errors)}
${textControl(v, { id: SENT_FIELD_IDS.dateSent, name: 'dateSent', label: t.fieldDateSent, hint: t.fieldDateSentHint }, values.dateSent, errors, { maxlength: 10, spellcheck: false, className: 'input-date' })}
${textControl(v, { id: SENT_FIELD_IDS.link, name: 'link', label: t.fieldLink, hint: t.fieldLinkHint }, values.link, errors, { maxlength: 500, spellcheck: false })}
${textControl(v, { id: SENT_FIELD_IDS.source, name: 'source', label: t.fieldSource, hint: t.fieldSourceHint }, values.source, errors, { maxlength: MAX_SOURCE_LENGTH })}
${textareaControl(v, { id: SENT_FIELD_IDS.reason, name: 'reason', label: t.fieldReason, hint: t.fieldReasonHint, optional: true }, values.reason, errors, { maxlength: MAX_REASON_LENGTH })}
<button type="submit">${t.markSentButton}</button>
</form>
</section>`;
}

/** A State's obligations: its Art 22 reports by status, the feed, the copies, the focal point's form, and room for other obligations. */
export function renderObligations(v: View, data: ObligationsData): string {
  const { t, lang, f } = v;
  const c = data.reports.country;
  const name = countryNamePlain(v, c);
  const notice =
    data.notice === 'saved' ? statusNotice(t.savedNotice) : data.notice === 'unchanged' ? statusNotice(t.unchangedNotice) : null;
  const heading = t.obligationsTitle(name);
  const body = html`<p class="breadcrumb"><a href="/${lang}/countries/${c.iso3}">${countryName(v, c)}</a></p>
<h1>${heading}</h1>
${notice}
<p>${t.obligationsIntro}</p>
<p>${t.obligationsComputedOn(f.date(data.reports.today)?.text ?? data.reports.today)} ${t.overdueMeaning}</p>
<p><a href="/api/countries/${c.iso3}/reports.ics" type="text/calendar">${t.icsLink}</a><br><span class="hint">${t.icsHint}</span></p>
${SECTIONS.map((section) => {
  const reports = data.reports.reports.filter((r) => inSection(r, section));
  return html`<section aria-labelledby="reports-${section}-heading">
<h2 id="reports-${section}-heading">${t.reportSection[section]}</h2>
${reportsTable(v, `reports-${section}`, t.reportsCaption(t.reportSection[section], name, f.number(reports.length)), reports)}
</section>`;
})}
${receiptsCompleteSection(v, data.reports, data.completeForm ?? null)}
${organisations(v, data.reports, data.orgForm)}
${data.extraSections ?? null}
${sentForm(v, data)}
${historySection(v, data.history)}
<p><a href="/${lang}/obligations">${t.dashboardTitle}</a></p>`;
  const failed = (data.form?.errors.length ?? 0) + (data.orgForm?.errors.length ?? 0) + (data.completeForm?.errors.length ?? 0) > 0;
  return layout(v, { title: failed ? t.errorTitlePrefix(heading) : heading, section: 'countries', body });
}
