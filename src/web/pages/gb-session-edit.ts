import type { FieldIssue } from '../../domain/errors.ts';
import { MAX_REASON_LENGTH, MAX_SOURCE_LENGTH, MAX_TEXT_LENGTH } from '../../services/edit-service.ts';
import { MAX_AGENDA_ITEMS, type SessionInput } from '../../services/governing-body-edits.ts';
import { html } from '../html.ts';
import { csrfInput, fieldErrorsFrom, textareaControl, textControl } from '../views/edit-fields.ts';
import { errorSummary, type FieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

/** The secretariat's form to record a Governing Body session (POST /{lang}/governing-body/sessions/new). */

export const GB_SESSION_FIELD_IDS = {
  number: 'gbs-number',
  startDate: 'gbs-start',
  endDate: 'gbs-end',
  place: 'gbs-place',
  agenda: 'gbs-agenda',
  source: 'gbs-source',
  reason: 'gbs-reason',
} as const;

export interface GbSessionFormValues {
  number: string;
  startDate: string;
  endDate: string;
  place: string;
  agenda: string;
  source: string;
  reason: string;
}

export const EMPTY_GB_SESSION: GbSessionFormValues = {
  number: '',
  startDate: '',
  endDate: '',
  place: '',
  agenda: '',
  source: '',
  reason: '',
};

export function parseGbSessionForm(form: Record<string, unknown>): GbSessionFormValues {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  return {
    number: text('number'),
    startDate: text('startDate'),
    endDate: text('endDate'),
    place: text('place'),
    agenda: text('agenda'),
    source: text('source'),
    reason: text('reason'),
  };
}

/** The form as the service's input: one agenda item per line; a number that is no whole number is -1 (refused, named). */
export function gbSessionInput(values: GbSessionFormValues): SessionInput {
  const n = values.number.trim();
  return {
    number: /^\d{1,4}$/.test(n) ? Number(n) : -1,
    startDate: values.startDate,
    endDate: values.endDate,
    place: values.place,
    agenda: values.agenda
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    source: values.source,
    reason: values.reason,
  };
}

export function gbSessionErrors(v: View, issues: readonly FieldIssue[], values: GbSessionFormValues): FieldError[] {
  const { t } = v;
  const ids: Record<string, string> = { ...GB_SESSION_FIELD_IDS };
  const fieldOf = (name: string) => (name.startsWith('agenda') ? 'agenda' : name);
  const message = (name: string): string => {
    switch (name) {
      case 'number':
        return t.gbFormNumber;
      case 'startDate':
      case 'endDate':
        return issues.some((i) => i.field === 'endDate' && /before/.test(i.message)) && name === 'endDate'
          ? t.gbFormEndBeforeStart
          : t.gbFormDate;
      case 'agenda':
        return t.gbFormAgenda(v.f.number(MAX_AGENDA_ITEMS));
      case 'place':
        return t.editError.tooLong(v.f.number(MAX_TEXT_LENGTH));
      case 'source':
        return values.source.trim() ? t.editError.tooLong(v.f.number(MAX_SOURCE_LENGTH)) : t.editError.sourceMissing;
      case 'reason':
        return t.editError.tooLong(v.f.number(MAX_REASON_LENGTH));
      default:
        return t.checkFieldOther(name);
    }
  };
  // Listed in the order of the form's controls, so the summary reads top to bottom.
  const order: string[] = Object.values(GB_SESSION_FIELD_IDS);
  return fieldErrorsFrom(
    issues.map((i) => ({ ...i, field: fieldOf(i.field) })),
    ids,
    message,
    GB_SESSION_FIELD_IDS.source,
  ).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

export function renderGbSessionNew(v: View, values: GbSessionFormValues, errors: readonly FieldError[]): string {
  const { t, lang } = v;
  const ids = GB_SESSION_FIELD_IDS;
  const heading = t.gbFormTitle;
  const dateOptions = { maxlength: 10, spellcheck: false } as const;
  const body = html`<p class="breadcrumb"><a href="/${lang}/governing-body">${t.gbTitle}</a></p>
<h1>${heading}</h1>
<p>${t.gbFormIntro}</p>
${errorSummary(v, errors)}
<form class="edit-form" method="post" action="/${lang}/governing-body/sessions/new" novalidate>
${csrfInput(v)}
${textControl(v, { id: ids.number, name: 'number', label: t.gbFormNumberLabel, hint: t.gbFormNumberHint }, values.number, errors, {
  inputmode: 'numeric',
  maxlength: 4,
})}
${textControl(v, { id: ids.startDate, name: 'startDate', label: t.gbFormStartLabel, hint: t.gbFormDateHint, optional: true }, values.startDate, errors, dateOptions)}
${textControl(v, { id: ids.endDate, name: 'endDate', label: t.gbFormEndLabel, hint: t.gbFormDateHint, optional: true }, values.endDate, errors, dateOptions)}
${textControl(v, { id: ids.place, name: 'place', label: t.gbColPlace, optional: true }, values.place, errors, { maxlength: MAX_TEXT_LENGTH })}
${textareaControl(
  v,
  { id: ids.agenda, name: 'agenda', label: t.gbAgendaHeading, hint: t.gbFormAgendaHint, optional: true },
  values.agenda,
  errors,
  {
    rows: 6,
  },
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
<button type="submit">${t.saveChange}</button>
</form>
<p><a href="/${lang}/governing-body">${t.cancelEdit}</a></p>`;
  return layout(v, { title: errors.length ? t.errorTitlePrefix(heading) : heading, section: 'governing-body', body });
}
