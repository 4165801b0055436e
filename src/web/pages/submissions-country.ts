import { canWrite } from '../../domain/access/policy.ts';
import type { MemberState } from '../../domain/country.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import { MAX_REASON_LENGTH, MAX_SOURCE_LENGTH, MAX_TEXT_LENGTH } from '../../services/edit-service.ts';
import type { SubmissionInput, SubmissionItem, TrackedSessionView } from '../../services/submission-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { countryName, countryNamePlain, instrumentTitlePlain } from '../views/components.ts';
import {
  type Choice,
  csrfInput,
  errorFor,
  fieldErrorsFrom,
  selectControl,
  statusNotice,
  textareaControl,
  textControl,
} from '../views/edit-fields.ts';
import { errorSummary, type FieldError, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import { submissionsTable } from '../views/submissions.ts';
import type { View } from '../views/view.ts';

export const SUBMISSION_FIELD_IDS = {
  instrument: 'sub-instrument',
  submittedDate: 'sub-date',
  authority: 'sub-authority',
  exceptionalCircumstances: 'sub-exceptional',
  reference: 'sub-reference',
  source: 'sub-source',
  reason: 'sub-reason',
} as const;

export interface SubmissionFormValues {
  instrument: string;
  submittedDate: string;
  authority: string;
  exceptionalCircumstances: boolean;
  reference: string;
  source: string;
  reason: string;
}

export const EMPTY_SUBMISSION_FORM: SubmissionFormValues = {
  instrument: '',
  submittedDate: '',
  authority: '',
  exceptionalCircumstances: false,
  reference: '',
  source: '',
  reason: '',
};

const text = (form: Record<string, unknown>, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

export function parseSubmissionForm(form: Record<string, unknown>): SubmissionFormValues {
  return {
    instrument: text(form, 'instrument').trim(),
    submittedDate: text(form, 'submittedDate').trim(),
    authority: text(form, 'authority'),
    exceptionalCircumstances: text(form, 'exceptionalCircumstances') === '1',
    reference: text(form, 'reference'),
    source: text(form, 'source'),
    reason: text(form, 'reason'),
  };
}

/** The form sends the whole record: an empty field clears it, an unticked box clears the flag. */
export function submissionInput(values: SubmissionFormValues, country: string): SubmissionInput {
  return {
    country,
    instrument: values.instrument,
    submittedDate: values.submittedDate || null,
    authority: values.authority,
    exceptionalCircumstances: values.exceptionalCircumstances,
    reference: values.reference,
    source: values.source,
    reason: values.reason,
  };
}

export function submissionErrors(v: View, issues: readonly FieldIssue[], values: SubmissionFormValues): FieldError[] {
  const { t } = v;
  const e = t.editError;
  const byMessage = new Map(issues.map((i) => [i.field, i.message]));
  const message = (name: string): string => {
    switch (name) {
      case 'instrument':
        return t.submissionError.instrumentMissing;
      case 'submittedDate': {
        const m = byMessage.get(name) ?? '';
        if (/in the future/.test(m)) return t.submissionError.dateFuture;
        if (/before session/.test(m)) return t.submissionError.dateBeforeSession;
        if (/or record exceptional/.test(m)) return t.submissionError.dateOrExceptional;
        return t.submissionError.dateInvalid;
      }
      case 'source':
        return values.source.trim() ? e.tooLong(v.f.number(MAX_SOURCE_LENGTH)) : e.sourceMissing;
      case 'reason':
        return e.tooLong(v.f.number(MAX_REASON_LENGTH));
      default:
        return e.tooLong(v.f.number(MAX_TEXT_LENGTH));
    }
  };
  return fieldErrorsFrom(issues, SUBMISSION_FIELD_IDS, message, SUBMISSION_FIELD_IDS.source);
}

export interface SubmissionsCountryData {
  country: Pick<MemberState, 'iso3' | 'nameEn' | 'nameId'>;
  items: readonly SubmissionItem[];
  trackedSessions: readonly TrackedSessionView[];
  values: SubmissionFormValues;
  errors: readonly FieldError[];
  notice: 'saved' | 'unchanged' | null;
}

export function trackedSessionsList(v: View, sessions: readonly TrackedSessionView[]): SafeHtml {
  const { t, f } = v;
  if (!sessions.length) return html`<p>${t.submissionsNoneTracked}</p>`;
  return html`<ul>${sessions.map(
    (s) => html`<li>${t.submissionsTrackedItem(f.number(s.session), s.year === null ? t.dateNotRecorded : String(s.year))}</li>`,
  )}</ul>`;
}

function form(v: View, data: SubmissionsCountryData): SafeHtml {
  const { t, lang } = v;
  const ids = SUBMISSION_FIELD_IDS;
  const { values, errors } = data;
  const open = data.items.filter((i) => i.status !== 'not_tracked' && i.status !== 'not_owed');
  if (!open.length) return html`<p>${t.submissionNoOpenInstrument}</p>`;
  const choices: Choice[] = [
    { value: '', label: '–' },
    ...open.map((i) => ({
      value: i.instrument,
      label: `${i.instrument} – ${instrumentTitlePlain(v, { titleEn: i.instrumentTitleEn, titleId: i.instrumentTitleId })} (${t.submissionColSession} ${v.f.number(i.session)})`,
    })),
  ];
  const exceptionalError = errorFor(errors, ids.exceptionalCircumstances);
  return html`<section aria-labelledby="submission-form-heading">
<h2 id="submission-form-heading">${t.submissionFormHeading}</h2>
<p>${t.submissionFormIntro}</p>
${errorSummary(v, errors)}
<form class="edit-form" method="post" action="/${lang}/countries/${data.country.iso3}/submissions" novalidate>
${csrfInput(v)}
${selectControl(v, { id: ids.instrument, name: 'instrument', label: t.submissionFieldInstrument }, choices, values.instrument, errors)}
${textControl(
  v,
  { id: ids.submittedDate, name: 'submittedDate', label: t.submissionFieldDate, hint: t.submissionFieldDateHint, optional: true },
  values.submittedDate,
  errors,
  { maxlength: 10, spellcheck: false, className: 'input-date' },
)}
${textControl(
  v,
  { id: ids.authority, name: 'authority', label: t.submissionFieldAuthority, hint: t.submissionFieldAuthorityHint, optional: true },
  values.authority,
  errors,
  { maxlength: MAX_TEXT_LENGTH },
)}
<div class="field checkbox">${fieldError(v, exceptionalError)}<input type="checkbox" id="${ids.exceptionalCircumstances}" name="exceptionalCircumstances" value="1"${values.exceptionalCircumstances ? html` checked` : null}><label for="${ids.exceptionalCircumstances}">${t.submissionFieldExceptional}</label></div>
${textControl(
  v,
  { id: ids.reference, name: 'reference', label: t.submissionFieldReference, hint: t.submissionFieldReferenceHint, optional: true },
  values.reference,
  errors,
  { maxlength: MAX_TEXT_LENGTH },
)}
${textControl(v, { id: ids.source, name: 'source', label: t.fieldSource, hint: t.fieldSourceHint }, values.source, errors, {
  maxlength: MAX_SOURCE_LENGTH,
})}
${textareaControl(
  v,
  { id: ids.reason, name: 'reason', label: t.fieldReason, hint: t.fieldReasonHint, optional: true },
  values.reason,
  errors,
  {
    maxlength: MAX_REASON_LENGTH,
  },
)}
<button type="submit">${t.submissionSave}</button>
</form>
</section>`;
}

export function renderSubmissionsCountry(v: View, data: SubmissionsCountryData): string {
  const { t, f, lang } = v;
  const name = countryNamePlain(v, data.country);
  const iso3 = data.country.iso3;
  const canEdit = canWrite(v.session?.actor ?? null, { kind: 'country_record', country: iso3 }).allowed;
  const heading = t.submissionsTitle(name);
  const notice =
    data.notice === 'saved' ? statusNotice(t.savedNotice) : data.notice === 'unchanged' ? statusNotice(t.unchangedNotice) : null;
  const body = html`<p class="breadcrumb"><a href="/${lang}/countries/${iso3}">${countryName(v, data.country)}</a></p>
<h1>${heading}</h1>
${notice}
<p>${t.submissionsIntro}</p>
<p class="note">${t.submissionsTrackingNote}</p>
<section aria-labelledby="tracked-heading">
<h2 id="tracked-heading">${t.submissionsTrackedHeading}</h2>
${trackedSessionsList(v, data.trackedSessions)}
</section>
<section aria-labelledby="submissions-heading">
<h2 id="submissions-heading">${t.submissionsListHeading}</h2>
${data.items.length ? submissionsTable(v, data.items, t.submissionsCaption(name, f.number(data.items.length)), 'submissions-caption') : html`<p>${t.submissionsEmpty}</p>`}
</section>
${canEdit ? form(v, data) : null}
<p><a href="/${lang}/submissions">${t.submissionsAllStatesLink}</a></p>`;
  return layout(v, { title: data.errors.length ? t.errorTitlePrefix(heading) : heading, section: 'countries', body });
}
