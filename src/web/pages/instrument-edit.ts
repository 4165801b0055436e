import { INSTRUMENT_STATUSES, type Instrument, type InstrumentStatus } from '../../domain/instrument.ts';
import { type InstrumentInput, MAX_REASON_LENGTH, MAX_SOURCE_LENGTH, MAX_TEXT_LENGTH } from '../../services/edit-service.ts';
import { html } from '../html.ts';
import { instrumentTitlePlain } from '../views/components.ts';
import {
  type Choice,
  csrfInput,
  fieldErrorsFrom,
  radioControl,
  selectControl,
  textareaControl,
  textControl,
} from '../views/edit-fields.ts';
import { errorSummary, type FieldError } from '../views/forms.ts';
import { type HistoryBlock, historySection } from '../views/history.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

export const INSTRUMENT_FIELD_IDS = {
  status: 'ins-status',
  titleEn: 'ins-title-en',
  titleId: 'ins-title-id',
  titleIdKind: 'ins-title-id-kind',
  source: 'ins-source',
  reason: 'ins-reason',
} as const;

export interface InstrumentFormValues {
  status: string;
  titleEn: string;
  titleId: string;
  titleIdKind: string;
  source: string;
  reason: string;
}

const text = (form: Record<string, unknown>, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

export function instrumentValues(i: Instrument): InstrumentFormValues {
  return {
    status: i.status ?? '',
    titleEn: i.titleEn,
    titleId: i.titleId ?? '',
    titleIdKind: i.titleIdKind ?? '',
    source: '',
    reason: '',
  };
}

export function parseInstrumentForm(form: Record<string, unknown>): InstrumentFormValues {
  return {
    status: text(form, 'status'),
    titleEn: text(form, 'titleEn'),
    titleId: text(form, 'titleId'),
    titleIdKind: text(form, 'titleIdKind'),
    source: text(form, 'source'),
    reason: text(form, 'reason'),
  };
}

export function instrumentInput(values: InstrumentFormValues, code: string): InstrumentInput {
  return {
    code,
    status: values.status === '' ? null : (values.status as InstrumentStatus),
    titleEn: values.titleEn,
    titleId: values.titleId,
    // Sent as given (an unknown kind is refused by the service, with a message next to the field).
    titleIdKind: values.titleIdKind ? (values.titleIdKind as 'official' | 'unofficial') : undefined,
    source: values.source,
    reason: values.reason,
  };
}

export function instrumentErrors(
  v: View,
  issues: readonly { field: string; message: string }[],
  values: InstrumentFormValues,
): FieldError[] {
  const e = v.t.editError;
  const message = (name: string): string => {
    switch (name) {
      case 'source':
        return values.source.trim() ? e.tooLong(v.f.number(MAX_SOURCE_LENGTH)) : e.sourceMissing;
      case 'reason':
        return e.tooLong(v.f.number(MAX_REASON_LENGTH));
      case 'status':
        return e.chooseFromList;
      case 'titleEn':
        return e.titleEn(v.f.number(MAX_TEXT_LENGTH));
      case 'titleId':
        return e.tooLong(v.f.number(MAX_TEXT_LENGTH));
      case 'titleIdKind':
        return e.titleIdKind;
      default:
        return v.t.checkFieldOther(name);
    }
  };
  return fieldErrorsFrom(issues, INSTRUMENT_FIELD_IDS, message, INSTRUMENT_FIELD_IDS.source);
}

export interface InstrumentEditData {
  instrument: Instrument;
  values: InstrumentFormValues;
  errors: readonly FieldError[];
  history: HistoryBlock | null;
}

export function renderInstrumentEdit(v: View, data: InstrumentEditData): string {
  const { t, lang } = v;
  const i = data.instrument;
  const ids = INSTRUMENT_FIELD_IDS;
  const values = data.values;
  const statusChoices: Choice[] = [
    { value: '', label: t.statusNotRecorded },
    ...INSTRUMENT_STATUSES.map((s) => ({ value: s, label: t.instrumentStatus[s] })),
  ];
  const kindChoices: Choice[] = [
    { value: 'official', label: t.titleIdKindOfficial },
    { value: 'unofficial', label: t.titleIdKindUnofficial },
  ];
  const heading = t.editInstrumentTitle(i.code);
  const body = html`<p class="breadcrumb"><a href="/${lang}/instruments/${i.code}">${i.code}: ${instrumentTitlePlain(v, i)}</a></p>
<h1>${heading}</h1>
<p>${t.editIntro}</p>
${errorSummary(v, data.errors)}
<form class="edit-form" method="post" action="/${lang}/instruments/${i.code}/edit" novalidate>
${csrfInput(v)}
${selectControl(v, { id: ids.status, name: 'status', label: t.fieldInstrumentStatus }, statusChoices, values.status, data.errors)}
${textControl(v, { id: ids.titleEn, name: 'titleEn', label: t.titleEnLabel }, values.titleEn, data.errors, { maxlength: MAX_TEXT_LENGTH })}
${textControl(
  v,
  { id: ids.titleId, name: 'titleId', label: t.titleIdLabel, hint: t.fieldTitleIdHint, optional: true },
  values.titleId,
  data.errors,
  { maxlength: MAX_TEXT_LENGTH },
)}
${radioControl(v, { id: ids.titleIdKind, name: 'titleIdKind', label: t.titleIdKindLegend }, kindChoices, values.titleIdKind, data.errors)}
${textControl(
  v,
  {
    id: ids.source,
    name: 'source',
    label: t.fieldSource,
    hint: html`${t.fieldSourceHint}${i.source ? html` ${t.currentlyRecorded}: <span class="source-ids">${i.source}</span>` : null}`,
  },
  values.source,
  data.errors,
  { maxlength: MAX_SOURCE_LENGTH },
)}
${textareaControl(
  v,
  { id: ids.reason, name: 'reason', label: t.fieldReason, hint: t.fieldReasonHint, optional: true },
  values.reason,
  data.errors,
  {
    maxlength: MAX_REASON_LENGTH,
  },
)}
<button type="submit">${t.saveChange}</button>
</form>
<p><a href="/${lang}/instruments/${i.code}">${t.cancelEdit}</a></p>
${historySection(v, data.history)}`;
  return layout(v, { title: data.errors.length ? t.errorTitlePrefix(heading) : heading, section: 'instruments', body });
}
