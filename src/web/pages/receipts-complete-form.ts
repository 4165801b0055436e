import { canWrite } from '../../domain/access/policy.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import { MAX_REASON_LENGTH, MAX_SOURCE_LENGTH } from '../../services/edit-service.ts';
import type { ReceiptsCompleteInput } from '../../services/reporting-input.ts';
import type { CountryReports } from '../../services/reporting-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { unknown } from '../views/components.ts';
import { csrfInput, fieldErrorsFrom, textareaControl, textControl } from '../views/edit-fields.ts';
import { errorSummary, type FieldError } from '../views/forms.ts';
import type { View } from '../views/view.ts';

/** The form that declares from which due date a State's receipts are all recorded (decision 095). */
export const COMPLETE_FIELD_IDS = { since: 'complete-since', source: 'complete-source', reason: 'complete-reason' } as const;

export interface CompleteFormValues {
  since: string;
  source: string;
  reason: string;
}

const text = (form: Record<string, unknown>, name: string): string => (typeof form[name] === 'string' ? (form[name] as string) : '');

export function parseCompleteForm(form: Record<string, unknown>): CompleteFormValues {
  return { since: text(form, 'since'), source: text(form, 'source'), reason: text(form, 'reason') };
}

/** An empty date withdraws the declaration. */
export function completeInput(values: CompleteFormValues, country: string): ReceiptsCompleteInput {
  const since = values.since.trim();
  return { country, since: since === '' ? null : since, source: values.source, reason: values.reason };
}

export function completeErrors(v: View, issues: readonly FieldIssue[], values: CompleteFormValues): FieldError[] {
  const e = v.t.editError;
  const message = (field: string): string => {
    if (field === 'source') return values.source.trim() ? e.tooLong(v.f.number(MAX_SOURCE_LENGTH)) : e.sourceMissing;
    if (field === 'reason') return e.tooLong(v.f.number(MAX_REASON_LENGTH));
    return v.t.receiptsCompleteInvalid;
  };
  return fieldErrorsFrom(issues, COMPLETE_FIELD_IDS, message, COMPLETE_FIELD_IDS.source);
}

/** What the registry's record of receipts claims for this State, and (for its editors) the form to change it. */
export function receiptsCompleteSection(
  v: View,
  data: CountryReports,
  form: { values: CompleteFormValues; errors: readonly FieldError[] } | null,
): SafeHtml {
  const { t, lang, f } = v;
  const declared = data.receiptsComplete;
  const iso3 = data.country.iso3;
  const editable = canWrite(v.session?.actor ?? null, { kind: 'country_record', country: iso3 }).allowed;
  const values = form?.values ?? { since: declared?.since ?? '', source: '', reason: '' };
  const errors = form?.errors ?? [];
  const ids = COMPLETE_FIELD_IDS;
  return html`<section aria-labelledby="receipts-complete-heading">
<h2 id="receipts-complete-heading">${t.receiptsCompleteHeading}</h2>
<p>${t.receiptsCompleteIntro}</p>
${
  declared
    ? html`<dl class="facts">
<dt>${t.receiptsCompleteSince}</dt><dd>${f.date(declared.since)?.text ?? declared.since}</dd>
<dt>${t.fieldSource}</dt><dd lang="en">${declared.source}</dd>
</dl>`
    : html`<p>${unknown(t.receiptsCompleteNone)}</p>`
}
${
  editable
    ? html`${errorSummary(v, errors)}
<form class="edit-form" method="post" action="/${lang}/countries/${iso3}/obligations/receipts-complete" aria-labelledby="receipts-complete-heading" novalidate>
${csrfInput(v)}
${textControl(v, { id: ids.since, name: 'since', label: t.receiptsCompleteSince, hint: t.receiptsCompleteSinceHint, optional: true }, values.since, errors, { maxlength: 10, spellcheck: false, className: 'input-date' })}
${textControl(v, { id: ids.source, name: 'source', label: t.fieldSource, hint: t.fieldSourceHint }, values.source, errors, { maxlength: MAX_SOURCE_LENGTH })}
${textareaControl(v, { id: ids.reason, name: 'reason', label: t.fieldReason, hint: t.fieldReasonHint, optional: true }, values.reason, errors, { maxlength: MAX_REASON_LENGTH })}
<button type="submit">${t.receiptsCompleteSave}</button>
</form>`
    : null
}
</section>`;
}
