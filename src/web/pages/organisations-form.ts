import { canWrite } from '../../domain/access/policy.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import type { RepresentativeOrganisations } from '../../domain/supervision/report-status.ts';
import { MAX_REASON_LENGTH, MAX_SOURCE_LENGTH } from '../../services/edit-service.ts';
import type { OrganisationsInput } from '../../services/reporting-input.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfInput, fieldErrorsFrom, textareaControl, textControl } from '../views/edit-fields.ts';
import { errorSummary, type FieldError } from '../views/forms.ts';
import type { View } from '../views/view.ts';

export const ORG_FIELD_IDS = { employers: 'org-employers', workers: 'org-workers', source: 'org-source', reason: 'org-reason' } as const;

export interface OrgFormValues {
  employers: string;
  workers: string;
  source: string;
  reason: string;
}

const text = (form: Record<string, unknown>, name: string): string => (typeof form[name] === 'string' ? (form[name] as string) : '');

export function parseOrgForm(form: Record<string, unknown>): OrgFormValues {
  return { employers: text(form, 'employers'), workers: text(form, 'workers'), source: text(form, 'source'), reason: text(form, 'reason') };
}

/** One organisation a line. */
const lines = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function orgInput(values: OrgFormValues, country: string): OrganisationsInput {
  return { country, employers: lines(values.employers), workers: lines(values.workers), source: values.source, reason: values.reason };
}

export function orgErrors(v: View, issues: readonly FieldIssue[], values: OrgFormValues): FieldError[] {
  const e = v.t.editError;
  const message = (field: string): string => {
    if (field === 'source') return values.source.trim() ? e.tooLong(v.f.number(MAX_SOURCE_LENGTH)) : e.sourceMissing;
    if (field === 'reason') return e.tooLong(v.f.number(MAX_REASON_LENGTH));
    return v.t.organisationsInvalid;
  };
  return fieldErrorsFrom(issues, ORG_FIELD_IDS, message, ORG_FIELD_IDS.source);
}

/** The focal point's (or secretariat's) form for the organisations that receive copies (Art 23(2)). */
export function organisationsForm(
  v: View,
  iso3: string,
  current: RepresentativeOrganisations | null,
  form: { values: OrgFormValues; errors: readonly FieldError[] } | null,
): SafeHtml | null {
  const { t, lang } = v;
  if (!canWrite(v.session?.actor ?? null, { kind: 'country_record', country: iso3 }).allowed) return null;
  const values = form?.values ?? {
    employers: (current?.employers ?? []).join('\n'),
    workers: (current?.workers ?? []).join('\n'),
    source: '',
    reason: '',
  };
  const errors = form?.errors ?? [];
  const ids = ORG_FIELD_IDS;
  return html`<h3 id="org-form-heading">${t.organisationsFormHeading}</h3>
${errorSummary(v, errors)}
<form class="edit-form" method="post" action="/${lang}/countries/${iso3}/obligations/organisations" aria-labelledby="org-form-heading" novalidate>
${csrfInput(v)}
${textareaControl(v, { id: ids.employers, name: 'employers', label: t.employersLabel, hint: t.organisationsHint }, values.employers, errors, { maxlength: 10_000 })}
${textareaControl(v, { id: ids.workers, name: 'workers', label: t.workersLabel, hint: t.organisationsHint }, values.workers, errors, { maxlength: 10_000 })}
${textControl(v, { id: ids.source, name: 'source', label: t.fieldSource, hint: t.fieldSourceHint }, values.source, errors, { maxlength: MAX_SOURCE_LENGTH })}
${textareaControl(v, { id: ids.reason, name: 'reason', label: t.fieldReason, hint: t.fieldReasonHint, optional: true }, values.reason, errors, { maxlength: MAX_REASON_LENGTH })}
<button type="submit">${t.organisationsSave}</button>
</form>`;
}
