import type { NationalProfile } from '../../domain/child-labour/types.ts';
import type { MemberState } from '../../domain/country.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import { MAX_REASON_LENGTH, MAX_SOURCE_LENGTH, MAX_TEXT_LENGTH, type ProfileInput } from '../../services/edit-service.ts';
import { html } from '../html.ts';
import { countryNamePlain } from '../views/components.ts';
import { type Choice, csrfInput, fieldErrorsFrom, selectControl, textareaControl, textControl } from '../views/edit-fields.ts';
import { ruleTexts } from '../views/fact-rules.ts';
import { errorSummary, type FieldError } from '../views/forms.ts';
import { type HistoryBlock, historySection } from '../views/history.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

/** The ages the edit service accepts for national law (whole years, 10 to 21). */
export const NATIONAL_AGE_RANGE = { min: 10, max: 21 } as const;

export const PROFILE_AGE_FIELDS = ['generalMinimumAge', 'hazardousMinimumAge', 'compulsoryEducationAge'] as const;
export type ProfileAgeField = (typeof PROFILE_AGE_FIELDS)[number];

export const PROFILE_FIELD_IDS = {
  generalMinimumAge: 'nat-general',
  hazardousMinimumAge: 'nat-hazardous',
  compulsoryEducationAge: 'nat-education',
  generalMinimumAgeCitation: 'nat-general-citation',
  hazardousMinimumAgeCitation: 'nat-hazardous-citation',
  compulsoryEducationAgeCitation: 'nat-education-citation',
  source: 'nat-source',
  reason: 'nat-reason',
} as const;

/** Each age with its provision: the form sends both, so a provision can be corrected on its own. */
export interface ProfileFormValues {
  generalMinimumAge: string;
  hazardousMinimumAge: string;
  compulsoryEducationAge: string;
  generalMinimumAgeCitation: string;
  hazardousMinimumAgeCitation: string;
  compulsoryEducationAgeCitation: string;
  source: string;
  reason: string;
}

const text = (form: Record<string, unknown>, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

export function profileValues(p: NationalProfile | null): ProfileFormValues {
  const age = (field: ProfileAgeField) => (p?.[field] ? String(p[field].value) : '');
  const provision = (field: ProfileAgeField) => p?.[field]?.citation ?? '';
  return {
    generalMinimumAge: age('generalMinimumAge'),
    hazardousMinimumAge: age('hazardousMinimumAge'),
    compulsoryEducationAge: age('compulsoryEducationAge'),
    generalMinimumAgeCitation: provision('generalMinimumAge'),
    hazardousMinimumAgeCitation: provision('hazardousMinimumAge'),
    compulsoryEducationAgeCitation: provision('compulsoryEducationAge'),
    source: '',
    reason: '',
  };
}

export function parseProfileForm(form: Record<string, unknown>): ProfileFormValues {
  return {
    generalMinimumAge: text(form, 'generalMinimumAge').trim(),
    hazardousMinimumAge: text(form, 'hazardousMinimumAge').trim(),
    compulsoryEducationAge: text(form, 'compulsoryEducationAge').trim(),
    generalMinimumAgeCitation: text(form, 'generalMinimumAgeCitation'),
    hazardousMinimumAgeCitation: text(form, 'hazardousMinimumAgeCitation'),
    compulsoryEducationAgeCitation: text(form, 'compulsoryEducationAgeCitation'),
    source: text(form, 'source'),
    reason: text(form, 'reason'),
  };
}

/** '' is "unknown" (null); anything that is not a whole number reaches the service as NaN and is refused there. */
function age(raw: string): number | null {
  if (raw === '') return null;
  return /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
}

export function profileInput(values: ProfileFormValues, country: string): ProfileInput {
  return {
    country,
    generalMinimumAge: age(values.generalMinimumAge),
    hazardousMinimumAge: age(values.hazardousMinimumAge),
    compulsoryEducationAge: age(values.compulsoryEducationAge),
    generalMinimumAgeCitation: values.generalMinimumAgeCitation,
    hazardousMinimumAgeCitation: values.hazardousMinimumAgeCitation,
    compulsoryEducationAgeCitation: values.compulsoryEducationAgeCitation,
    source: values.source,
    reason: values.reason,
  };
}

export function profileErrors(v: View, issues: readonly FieldIssue[], values: ProfileFormValues): FieldError[] {
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
      case 'generalMinimumAgeCitation':
      case 'hazardousMinimumAgeCitation':
      case 'compulsoryEducationAgeCitation':
        return e.tooLong(v.f.number(MAX_TEXT_LENGTH));
      case 'generalMinimumAge':
      case 'hazardousMinimumAge':
      case 'compulsoryEducationAge':
        return e.nationalAge(v.f.number(NATIONAL_AGE_RANGE.min), v.f.number(NATIONAL_AGE_RANGE.max));
      default:
        return v.t.checkFieldOther(name);
    }
  };
  return fieldErrorsFrom(issues, PROFILE_FIELD_IDS, message, PROFILE_FIELD_IDS.source);
}

export interface ProfileEditData {
  country: Pick<MemberState, 'iso3' | 'nameEn' | 'nameId'>;
  profile: NationalProfile | null;
  values: ProfileFormValues;
  errors: readonly FieldError[];
  history: HistoryBlock | null;
}

export function profileAgeLabel(v: View, field: ProfileAgeField): string {
  const { t } = v;
  if (field === 'generalMinimumAge') return t.generalMinimumAgeLabel;
  if (field === 'hazardousMinimumAge') return t.hazardousMinimumAgeLabel;
  return t.compulsoryEducationAgeLabel;
}

export function renderProfileEdit(v: View, data: ProfileEditData): string {
  const { t, lang, f } = v;
  const ids = PROFILE_FIELD_IDS;
  const name = countryNamePlain(v, data.country);
  const iso3 = data.country.iso3;
  const values = data.values;
  const ageChoices = (current: string): Choice[] => {
    const ages: string[] = [];
    for (let a = NATIONAL_AGE_RANGE.min; a <= NATIONAL_AGE_RANGE.max; a++) ages.push(String(a));
    // A value outside the list (sent back after an error) stays visible rather than silently lost.
    if (current && !ages.includes(current)) ages.push(current);
    return [
      { value: '', label: t.ageUnknownOption },
      ...ages.map((a) => ({ value: a, label: /^\d+$/.test(a) ? t.ageYears(f.number(Number(a))) : a })),
    ];
  };
  const heading = t.editProfileTitle(name);
  const body = html`<p class="breadcrumb"><a href="/${lang}/countries/${iso3}">${name}</a></p>
<h1>${heading}</h1>
<p>${t.editIntro}</p>
${errorSummary(v, data.errors)}
<form class="edit-form" method="post" action="/${lang}/countries/${iso3}/profile/edit" novalidate>
${csrfInput(v)}
<p class="hint">${t.nationalAgesHint}</p>
${PROFILE_AGE_FIELDS.map(
  (field) =>
    html`<fieldset class="group"><legend>${profileAgeLabel(v, field)}</legend>
${selectControl(v, { id: ids[field], name: field, label: t.ageLabel }, ageChoices(values[field]), values[field], data.errors, {
  className: 'select-short',
})}
${textControl(
  v,
  { id: ids[`${field}Citation`], name: `${field}Citation`, label: t.fieldCitation, hint: t.fieldCitationHint, optional: true },
  values[`${field}Citation`],
  data.errors,
  { maxlength: MAX_TEXT_LENGTH },
)}
</fieldset>`,
)}
${textControl(v, { id: ids.source, name: 'source', label: t.fieldSource, hint: t.fieldSourceHint }, values.source, data.errors, {
  maxlength: MAX_SOURCE_LENGTH,
})}
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
<p><a href="/${lang}/countries/${iso3}#national-law-heading">${t.cancelEdit}</a></p>
${historySection(v, data.history)}`;
  return layout(v, { title: data.errors.length ? t.errorTitlePrefix(heading) : heading, section: 'countries', body });
}
