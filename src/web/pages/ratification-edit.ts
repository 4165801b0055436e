import { renderCitation } from '../../domain/child-labour/index.ts';
import type { MemberState } from '../../domain/country.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import { CONFIDENCES, type Confidence } from '../../domain/facts.ts';
import { type Declaration, RATIFICATION_STATUSES, type RatificationStatus } from '../../domain/ratification.ts';
import { MAX_REASON_LENGTH, MAX_SOURCE_LENGTH, MAX_TEXT_LENGTH, type RatificationInput } from '../../services/edit-service.ts';
import type { InstrumentRef, RatificationView } from '../../services/registry-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { countryNamePlain, instrumentTitle } from '../views/components.ts';
import { type Choice, csrfInput, fieldErrorsFrom, selectControl, textareaControl, textControl } from '../views/edit-fields.ts';
import { ruleTexts } from '../views/fact-rules.ts';
import { errorSummary, type FieldError } from '../views/forms.ts';
import { type HistoryBlock, historySection } from '../views/history.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

export const AGE_ARTICLES = ['C138 Art 2(1)', 'C138 Art 2(2)'] as const;
type AgeArticle = (typeof AGE_ARTICLES)[number];
/** The ages C138 Art 2(1) and 2(4) allow a State to specify; a higher age notified later is kept when recorded. */
const DECLARABLE_AGES = [14, 15, 16];

export const RATIFICATION_FIELD_IDS = {
  instrument: 'rat-instrument',
  registrationDate: 'rat-registration-date',
  status: 'rat-status',
  legalAct: 'rat-legal-act',
  nationalTitle: 'rat-national-title',
  minimumAge: 'rat-minimum-age',
  'minimumAge.article': 'rat-minimum-age-article',
  'minimumAge.date': 'rat-minimum-age-date',
  confidence: 'rat-confidence',
  source: 'rat-source',
  reason: 'rat-reason',
} as const;

export const DENOUNCE_FIELD_IDS = { date: 'den-date', source: 'den-source', reason: 'den-reason' } as const;

export interface RatificationFormValues {
  instrument: string;
  registrationDate: string;
  status: string;
  legalAct: string;
  nationalTitle: string;
  minimumAge: string;
  minimumAgeArticle: string;
  minimumAgeDate: string;
  confidence: string;
  source: string;
  reason: string;
}

export interface DenounceFormValues {
  date: string;
  source: string;
  reason: string;
}

const text = (form: Record<string, unknown>, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

export function emptyRatificationValues(instrument = ''): RatificationFormValues {
  return {
    instrument,
    registrationDate: '',
    status: '',
    legalAct: '',
    nationalTitle: '',
    minimumAge: '',
    minimumAgeArticle: 'C138 Art 2(1)',
    minimumAgeDate: '',
    confidence: 'medium',
    source: '',
    reason: '',
  };
}

/** The form filled from the record; the source and reason are the editor's own, so they start empty. */
export function ratificationValues(r: RatificationView): RatificationFormValues {
  const age = r.minimumAge;
  return {
    instrument: r.instrument,
    registrationDate: r.registrationDate ?? '',
    status: r.status ?? '',
    legalAct: r.legalAct ?? '',
    nationalTitle: r.nationalTitle ?? '',
    minimumAge: age ? String(age.value) : '',
    minimumAgeArticle: age?.article ?? 'C138 Art 2(1)',
    minimumAgeDate: age?.date ?? '',
    confidence: r.confidence ?? 'medium',
    source: '',
    reason: '',
  };
}

export function parseRatificationForm(form: Record<string, unknown>): RatificationFormValues {
  return {
    instrument: text(form, 'instrument').trim(),
    registrationDate: text(form, 'registrationDate').trim(),
    status: text(form, 'status'),
    legalAct: text(form, 'legalAct'),
    nationalTitle: text(form, 'nationalTitle'),
    minimumAge: text(form, 'minimumAge'),
    minimumAgeArticle: text(form, 'minimumAgeArticle') || 'C138 Art 2(1)',
    minimumAgeDate: text(form, 'minimumAgeDate').trim(),
    confidence: text(form, 'confidence'),
    source: text(form, 'source'),
    reason: text(form, 'reason'),
  };
}

export function parseDenounceForm(form: Record<string, unknown>): DenounceFormValues {
  return { date: text(form, 'date').trim(), source: text(form, 'source'), reason: text(form, 'reason') };
}

/**
 * What the form asks the service to save. The declared age is sent only when the editor changed
 * it: an untouched declaration keeps its own source and confidence.
 */
export function ratificationInput(
  values: RatificationFormValues,
  country: string,
  instrument: string,
  declarations: readonly Declaration[],
): RatificationInput {
  let minimumAge: RatificationInput['minimumAge'];
  let removeMinimumAge: RatificationInput['removeMinimumAge'];
  const same = declarations.find((d) => d.kind === 'minimum_age' && d.article === values.minimumAgeArticle);
  if (values.minimumAge !== '') {
    const value = /^\d{1,3}$/.test(values.minimumAge) ? Number(values.minimumAge) : Number.NaN;
    const unchanged = same && same.value === value && (same.date ?? '') === values.minimumAgeDate;
    if (!unchanged) minimumAge = { value, article: values.minimumAgeArticle as AgeArticle, date: values.minimumAgeDate || null };
  } else if (same) {
    // "Not recorded" chosen for a recorded declaration: it comes off the record.
    removeMinimumAge = values.minimumAgeArticle as AgeArticle;
  }
  return {
    country,
    instrument,
    registrationDate: values.registrationDate,
    status: values.status === '' ? null : (values.status as RatificationStatus),
    legalAct: values.legalAct,
    nationalTitle: values.nationalTitle,
    confidence: values.confidence === '' ? null : (values.confidence as Confidence),
    minimumAge,
    removeMinimumAge,
    source: values.source,
    reason: values.reason,
  };
}

/** Messages for the problems the edit service reports, in the page's language. */
export function ratificationErrors(v: View, issues: readonly FieldIssue[], values: RatificationFormValues): FieldError[] {
  const e = v.t.editError;
  const ruled = ruleTexts(v, issues);
  const message = (name: string): string => {
    const byRule = ruled.get(name);
    if (byRule) return byRule;
    switch (name) {
      case 'source':
        return values.source.trim() ? e.tooLong(v.f.number(MAX_SOURCE_LENGTH)) : e.sourceMissing;
      case 'reason':
        return e.tooLong(v.f.number(MAX_REASON_LENGTH));
      case 'registrationDate':
        return e.registrationDate;
      case 'status':
      case 'confidence':
      case 'minimumAge.article':
        return e.chooseFromList;
      case 'legalAct':
      case 'nationalTitle':
        return e.tooLong(v.f.number(MAX_TEXT_LENGTH));
      case 'minimumAge':
        return values.instrument && values.instrument !== 'C138' ? e.minimumAgeOnlyC138 : e.minimumAge;
      case 'minimumAge.date':
        return e.declarationDate;
      case 'instrument':
        return /^\s*r/i.test(values.instrument) ? e.instrumentRecommendation : e.instrumentCode;
      default:
        return v.t.checkFieldOther(name);
    }
  };
  return fieldErrorsFrom(issues, RATIFICATION_FIELD_IDS, message, RATIFICATION_FIELD_IDS.source);
}

export function denounceErrors(v: View, issues: readonly FieldIssue[], values: DenounceFormValues): FieldError[] {
  const e = v.t.editError;
  const ruled = ruleTexts(v, issues);
  const message = (name: string): string => {
    const byRule = ruled.get(name);
    if (byRule) return byRule;
    if (name === 'date') return e.denounceDate;
    if (name === 'source') return values.source.trim() ? e.tooLong(v.f.number(MAX_SOURCE_LENGTH)) : e.sourceMissing;
    if (name === 'reason') return e.tooLong(v.f.number(MAX_REASON_LENGTH));
    return v.t.checkFieldOther(name);
  };
  return fieldErrorsFrom(issues, DENOUNCE_FIELD_IDS, message, DENOUNCE_FIELD_IDS.source);
}

export interface RatificationEditData {
  mode: 'edit' | 'new';
  country: Pick<MemberState, 'iso3' | 'nameEn' | 'nameId'>;
  /** The instrument being edited (edit mode). */
  instrument: InstrumentRef | null;
  current: RatificationView | null;
  values: RatificationFormValues;
  errors: readonly FieldError[];
  denounce: { values: DenounceFormValues; errors: readonly FieldError[] };
  /** A refusal that concerns the record rather than a field (a conflict). */
  problem?: string | null;
  history: HistoryBlock | null;
}

function ageFields(v: View, data: RatificationEditData): SafeHtml {
  const { t, lang, f } = v;
  const ids = RATIFICATION_FIELD_IDS;
  const values = data.values;
  const ages = new Set(DECLARABLE_AGES.map(String));
  if (values.minimumAge && /^\d{1,3}$/.test(values.minimumAge)) ages.add(values.minimumAge);
  const ageChoices: Choice[] = [
    { value: '', label: t.minimumAgeNotRecorded },
    ...[...ages].sort((a, b) => Number(a) - Number(b)).map((a) => ({ value: a, label: t.ageYears(f.number(Number(a))) })),
  ];
  const articleChoices: Choice[] = AGE_ARTICLES.map((a) => ({ value: a, label: renderCitation(a, lang) }));
  const recorded = (data.current?.declarations.length ?? 0) > 0;
  return html`<fieldset class="group" aria-describedby="rat-age-hint">
<legend>${data.mode === 'new' ? t.minimumAgeLegendNew : t.minimumAgeLegend}</legend>
<p class="hint" id="rat-age-hint">${t.minimumAgeHint}${recorded ? html` ${t.minimumAgeKeptHint}` : null}</p>
<div class="fields">
${selectControl(v, { id: ids.minimumAge, name: 'minimumAge', label: t.fieldMinimumAge }, ageChoices, values.minimumAge, data.errors)}
${selectControl(v, { id: ids['minimumAge.article'], name: 'minimumAgeArticle', label: t.fieldMinimumAgeArticle }, articleChoices, values.minimumAgeArticle, data.errors)}
</div>
${textControl(
  v,
  { id: ids['minimumAge.date'], name: 'minimumAgeDate', label: t.fieldDeclarationDate, hint: t.declarationDateHint, optional: true },
  values.minimumAgeDate,
  data.errors,
  { className: 'input-date', maxlength: 10, spellcheck: false },
)}
</fieldset>`;
}

function ratificationForm(v: View, data: RatificationEditData, action: string): SafeHtml {
  const { t } = v;
  const ids = RATIFICATION_FIELD_IDS;
  const values = data.values;
  const statusChoices: Choice[] = [
    { value: '', label: t.statusNotRecorded },
    ...RATIFICATION_STATUSES.map((s) => ({ value: s, label: t.ratificationStatus[s] })),
  ];
  const confidenceChoices: Choice[] = CONFIDENCES.map((c) => ({ value: c, label: t.confidence[c] }));
  const showAge = data.mode === 'new' || data.instrument?.code === 'C138';
  const currentSource = data.current?.source;
  return html`<form class="edit-form" method="post" action="${action}" novalidate>
${csrfInput(v)}
${
  data.mode === 'new'
    ? textControl(
        v,
        { id: ids.instrument, name: 'instrument', label: t.fieldInstrument, hint: t.fieldInstrumentHint },
        values.instrument,
        data.errors,
        { className: 'input-short', maxlength: 6, spellcheck: false },
      )
    : null
}
${textControl(
  v,
  { id: ids.registrationDate, name: 'registrationDate', label: t.fieldRegistrationDate, hint: t.fieldRegistrationDateHint },
  values.registrationDate,
  data.errors,
  { className: 'input-date', maxlength: 10, spellcheck: false },
)}
${selectControl(v, { id: ids.status, name: 'status', label: t.fieldStatus }, statusChoices, values.status, data.errors)}
${textControl(
  v,
  { id: ids.legalAct, name: 'legalAct', label: t.fieldLegalAct, hint: t.fieldLegalActHint, optional: true },
  values.legalAct,
  data.errors,
  { maxlength: MAX_TEXT_LENGTH },
)}
${textControl(
  v,
  { id: ids.nationalTitle, name: 'nationalTitle', label: t.fieldNationalTitle, hint: t.fieldNationalTitleHint, optional: true },
  values.nationalTitle,
  data.errors,
  { maxlength: MAX_TEXT_LENGTH },
)}
${showAge ? ageFields(v, data) : null}
${selectControl(v, { id: ids.confidence, name: 'confidence', label: t.fieldConfidence, hint: t.fieldConfidenceHint }, confidenceChoices, values.confidence, data.errors)}
${textControl(
  v,
  {
    id: ids.source,
    name: 'source',
    label: t.fieldSource,
    hint: html`${t.fieldSourceHint}${currentSource ? html` ${t.currentlyRecorded}: <span class="source-ids">${currentSource}</span>` : null}`,
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
</form>`;
}

function denounceSection(v: View, data: RatificationEditData, base: string): SafeHtml | null {
  const { t } = v;
  if (data.mode !== 'edit' || !data.current) return null;
  if (data.current.status === 'denounced') {
    return html`<section aria-labelledby="denounce-heading"><h2 id="denounce-heading">${t.denounceHeading}</h2><p>${t.alreadyDenounced}</p></section>`;
  }
  const ids = DENOUNCE_FIELD_IDS;
  const { values, errors } = data.denounce;
  return html`<section aria-labelledby="denounce-heading">
<h2 id="denounce-heading">${t.denounceHeading}</h2>
<p>${t.denounceIntro}</p>
${errorSummary(v, errors)}
<form class="edit-form" method="post" action="${base}/denounce" novalidate>
${csrfInput(v)}
${textControl(v, { id: ids.date, name: 'date', label: t.fieldDenounceDate, hint: t.fieldDenounceDateHint }, values.date, errors, {
  className: 'input-date',
  maxlength: 10,
  spellcheck: false,
})}
${textControl(v, { id: ids.source, name: 'source', label: t.fieldSource, hint: t.fieldSourceHint }, values.source, errors, {
  maxlength: MAX_SOURCE_LENGTH,
})}
${textareaControl(v, { id: ids.reason, name: 'reason', label: t.fieldReason, optional: true }, values.reason, errors, {
  rows: 2,
  maxlength: MAX_REASON_LENGTH,
})}
<button type="submit" class="button-secondary">${t.denounceSubmit}</button>
</form>
</section>`;
}

export function renderRatificationEdit(v: View, data: RatificationEditData): string {
  const { t, lang } = v;
  const name = countryNamePlain(v, data.country);
  const iso3 = data.country.iso3;
  const code = data.instrument?.code ?? '';
  const base = `/${lang}/countries/${iso3}/ratifications/${code}`;
  const action = data.mode === 'new' ? `/${lang}/countries/${iso3}/ratifications/new` : `${base}/edit`;
  const heading = data.mode === 'new' ? t.newRatificationTitle(name) : t.editRatificationTitle(code, name);
  const problem = data.problem
    ? html`<div class="error-summary" role="alert" aria-labelledby="problem-title" tabindex="-1"><h2 id="problem-title">${t.errorSummaryTitle}</h2><p>${data.problem}</p></div>`
    : null;
  const body = html`<p class="breadcrumb"><a href="/${lang}/countries/${iso3}">${name}</a></p>
<h1>${heading}</h1>
${data.instrument ? html`<p class="lead">${code}: ${instrumentTitle(v, data.instrument)}</p>` : null}
<p>${t.editIntro}</p>
${problem}
${errorSummary(v, data.errors)}
${ratificationForm(v, data, action)}
<p><a href="/${lang}/countries/${iso3}">${t.cancelEdit}</a></p>
${denounceSection(v, data, base)}
${historySection(v, data.history)}`;
  const failed = data.errors.length > 0 || data.denounce.errors.length > 0 || Boolean(data.problem);
  return layout(v, { title: failed ? t.errorTitlePrefix(heading) : heading, section: 'countries', body });
}
