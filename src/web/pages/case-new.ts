import { CONSENT_PURPOSES } from '../../domain/child-labour/cases/consent.ts';
import { dayNumber } from '../../domain/child-labour/cases/types.ts';
import { WORK_KINDS } from '../../domain/child-labour/types.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import type { OpenCaseInput } from '../../services/cases/case-types.ts';
import { html, type SafeHtml } from '../html.ts';
import { type Choice, csrfInput, selectControl, textareaControl, textControl } from '../views/edit-fields.ts';
import { errorSummary, type FieldError, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';
import { unitHref } from './case-parts.ts';

/*
 * Opening a case by hand (issue 11): consent first (who, relation, day, purposes), then the child
 * and the work (what the compliance engine needs to assess the case), then the identifying fields,
 * which the service refuses without consent (UU 27/2022 Pasal 25(2)). The compliance check's answer
 * links here with the work facts in the query, so they arrive filled in.
 */

const TEXTS = [
  'origin',
  'identifiedOn',
  'sex',
  'ageYears',
  'agePrecision',
  'country',
  'province',
  'district',
  'householdRef',
  'schoolEnrolled',
  'schoolAttending',
  'work',
  'workTask',
  'commodity',
  'hoursPerDay',
  'nightWork',
  'hazards',
  'name',
  'birthDate',
  'village',
  'location',
  'contact',
  'notes',
  'consentGiven',
  'consentBy',
  'consentRelation',
  'consentOn',
] as const;
type Name = (typeof TEXTS)[number];
export type NewCaseValues = Record<Name, string> & { purposes: string[] };

/** Control id of each form field, and of each service field (consent.by → the consent name box). */
const id = (name: string) => `nc-${name}`;
export const NEW_CASE_FIELD_IDS: Record<string, string> = {
  ...Object.fromEntries(TEXTS.map((n) => [n, id(n)])),
  'consent.by': id('consentBy'),
  'consent.relation': id('consentRelation'),
  'consent.on': id('consentOn'),
  'consent.purposes': id('purposes'),
};

const str = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');

export function newCaseValues(form: Record<string, unknown> | URLSearchParams | null, today: string, prefill = false): NewCaseValues {
  const empty = Object.fromEntries(TEXTS.map((n) => [n, ''])) as Record<Name, string>;
  const base: NewCaseValues = {
    ...empty,
    origin: 'visit',
    identifiedOn: today,
    agePrecision: 'estimated',
    work: 'regular',
    consentRelation: 'parent',
    consentOn: today,
    purposes: ['case_management'],
  };
  if (!form) return base;
  if (form instanceof URLSearchParams) {
    // From the compliance check's answer: the work facts only, never anything identifying.
    if (!prefill) return base;
    const pick = (k: string) => form.get(k) ?? '';
    return {
      ...base,
      origin: 'check',
      ageYears: /^\d{1,2}$/.test(pick('age')) ? pick('age') : '',
      work: (WORK_KINDS as readonly string[]).includes(pick('work')) ? pick('work') : base.work,
      hoursPerDay: /^\d{1,2}(\.\d{1,2})?$/.test(pick('hours')) ? pick('hours') : '',
      nightWork: pick('night') === 'true' || pick('night') === 'on' ? 'yes' : '',
      sex: pick('sex') === 'female' || pick('sex') === 'male' ? pick('sex') : '',
      country: /^[A-Za-z]{3}$/.test(pick('country')) ? pick('country').toUpperCase() : '',
    };
  }
  const values = Object.fromEntries(TEXTS.map((n) => [n, str(form, n)])) as Record<Name, string>;
  const raw = form.purposes;
  const purposes = (Array.isArray(raw) ? raw : [raw]).filter((p): p is string => typeof p === 'string');
  return { ...values, purposes };
}

const tri = (s: string) => (s === 'yes' ? true : s === 'no' ? false : null);
const opt = (s: string) => (s.trim() ? s.trim() : null);

/** The form as the service's input; numbers and days that are not are errors before the service. */
export function openCaseInput(v: View, x: NewCaseValues): { ok: true; input: OpenCaseInput } | { ok: false; errors: FieldError[] } {
  const { t } = v;
  const errors: FieldError[] = [];
  const age = x.ageYears.trim();
  if (age && !/^\d{1,2}$/.test(age)) errors.push({ id: id('ageYears'), message: t.casesNewBadNumber(t.casesNewAge) });
  const hours = x.hoursPerDay.trim().replace(',', '.');
  if (hours && !/^\d{1,2}(\.\d{1,2})?$/.test(hours))
    errors.push({ id: id('hoursPerDay'), message: t.casesNewBadNumber(t.casesHoursPerDay) });
  if (dayNumber(x.identifiedOn) === null) errors.push({ id: id('identifiedOn'), message: t.casesNewBadDate(t.casesNewIdentifiedOn) });
  if (x.birthDate && dayNumber(x.birthDate) === null) errors.push({ id: id('birthDate'), message: t.casesNewBadDate(t.casesBirthDate) });
  const consent = x.consentGiven === 'on';
  if (consent && dayNumber(x.consentOn) === null) errors.push({ id: id('consentOn'), message: t.casesNewBadDate(t.casesNewConsentOn) });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      origin: (x.origin || 'visit') as OpenCaseInput['origin'],
      identifiedOn: x.identifiedOn,
      sex: (opt(x.sex) as OpenCaseInput['sex']) ?? null,
      ageYears: age ? Number(age) : null,
      agePrecision: x.agePrecision === 'exact' ? 'exact' : 'estimated',
      country: opt(x.country),
      province: opt(x.province),
      district: opt(x.district),
      householdRef: opt(x.householdRef),
      schoolEnrolled: tri(x.schoolEnrolled),
      schoolAttending: tri(x.schoolAttending),
      work: x.work,
      workTask: opt(x.workTask),
      commodity: opt(x.commodity),
      hoursPerDay: hours ? Number(hours) : null,
      nightWork: tri(x.nightWork),
      hazards: x.hazards
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
      name: opt(x.name),
      birthDate: opt(x.birthDate),
      village: opt(x.village),
      location: opt(x.location),
      contact: opt(x.contact),
      notes: opt(x.notes),
      consent: consent
        ? {
            by: x.consentBy.trim(),
            relation: x.consentRelation === 'guardian' ? 'guardian' : 'parent',
            on: x.consentOn,
            purposes: x.purposes,
          }
        : null,
    },
  };
}

/** The service's refusals on this form's controls (its messages are English and name the field). */
export function newCaseErrors(issues: readonly FieldIssue[]): FieldError[] {
  return issues.map((i) => ({ id: NEW_CASE_FIELD_IDS[i.field] ?? id('origin'), message: i.message }));
}

export interface NewCaseData {
  unit: { id: number; name: string };
  values: NewCaseValues;
  errors: FieldError[];
  today: string;
}

export function renderNewCase(v: View, d: NewCaseData): string {
  const { t } = v;
  const x = d.values;
  const e = d.errors;
  const title = t.casesNewTitle(d.unit.name);
  const text = (name: Name, label: string, optional = true, max = 200) =>
    textControl(v, { id: id(name), name, label, optional }, x[name], e, { maxlength: max });
  const select = (name: Name, label: string, choices: readonly Choice[]) =>
    selectControl(v, { id: id(name), name, label }, choices, x[name], e);
  const ynu: Choice[] = [
    { value: '', label: t.casesUnknown },
    { value: 'yes', label: t.casesYes },
    { value: 'no', label: t.casesNo },
  ];
  const date = (name: Name, label: string, optional = false): SafeHtml => {
    const err = e.find((f) => f.id === id(name));
    return html`<div class="field${err ? ' field-has-error' : ''}"><label for="${id(name)}">${label}${optional ? html` <span class="optional">${t.optional}</span>` : null}</label>${fieldError(v, err)}<input type="date" id="${id(name)}" name="${name}" value="${x[name]}" max="${d.today}" class="input-date"${err ? html` aria-invalid="true" aria-describedby="${id(name)}-error"` : null}></div>`;
  };
  const purposeError = e.find((f) => f.id === id('purposes'));
  const body = html`<h1>${title}</h1>
${errorSummary(v, e)}
<p>${t.casesNewIntro}</p>
<form method="post" action="${unitHref(v, d.unit.id, '/cases/new')}" class="edit-form" novalidate>
${csrfInput(v)}
<fieldset class="group"><legend>${t.casesNewConsentLegend}</legend>
<div class="field checkbox"><input type="checkbox" id="${id('consentGiven')}" name="consentGiven"${x.consentGiven === 'on' ? html` checked` : null}><label for="${id('consentGiven')}">${t.casesNewConsentGiven}</label></div>
${text('consentBy', t.casesNewConsentBy)}
${select('consentRelation', t.casesNewConsentRelation, [
  { value: 'parent', label: t.casesConsentRelation.parent ?? 'parent' },
  { value: 'guardian', label: t.casesConsentRelation.guardian ?? 'guardian' },
])}
${date('consentOn', t.casesNewConsentOn)}
<fieldset class="group${purposeError ? ' field-has-error' : ''}"><legend>${t.casesConsentPurposes}</legend>${fieldError(v, purposeError)}
${CONSENT_PURPOSES.map(
  (p, i) =>
    html`<div class="field checkbox"><input type="checkbox" id="${i === 0 ? id('purposes') : id(`purposes-${p}`)}" name="purposes" value="${p}"${x.purposes.includes(p) ? html` checked` : null}><label for="${i === 0 ? id('purposes') : id(`purposes-${p}`)}">${t.casesConsentPurpose[p] ?? p}</label></div>`,
)}
</fieldset>
</fieldset>
<fieldset class="group"><legend>${t.casesNewFactsLegend}</legend>
${select(
  'origin',
  t.casesNewOrigin,
  (['visit', 'referral', 'check'] as const).map((o) => ({ value: o, label: t.casesOrigin[o] })),
)}
${date('identifiedOn', t.casesNewIdentifiedOn)}
${select('sex', t.casesNewSex, [
  { value: '', label: t.casesSex.unknown },
  { value: 'female', label: t.casesSex.female },
  { value: 'male', label: t.casesSex.male },
])}
${textControl(v, { id: id('ageYears'), name: 'ageYears', label: t.casesNewAge }, x.ageYears, e, { inputmode: 'numeric', className: 'input-short', maxlength: 2 })}
${select('agePrecision', t.casesNewAgePrecision, [
  { value: 'estimated', label: t.casesAgePrecision.estimated },
  { value: 'exact', label: t.casesAgePrecision.exact },
])}
${text('country', t.casesCountry)}
${text('province', t.casesNewProvince)}
${text('district', t.casesNewDistrict)}
${text('householdRef', t.casesHousehold)}
${select('schoolEnrolled', t.casesSchoolEnrolled, ynu)}
${select('schoolAttending', t.casesSchoolAttending, ynu)}
${select(
  'work',
  t.casesNewWorkKind,
  WORK_KINDS.map((w) => ({ value: w, label: t.work[w].label })),
)}
${text('workTask', t.casesWorkTask)}
${text('commodity', t.casesCommodity)}
${textControl(v, { id: id('hoursPerDay'), name: 'hoursPerDay', label: t.casesHoursPerDay, optional: true }, x.hoursPerDay, e, { inputmode: 'text', className: 'input-short', maxlength: 5 })}
${select('nightWork', t.casesNightWork, ynu)}
${text('hazards', t.casesNewHazards, true, 2000)}
</fieldset>
<fieldset class="group"><legend>${t.casesNewIdentifyingLegend}</legend>
${text('name', t.casesName)}
${date('birthDate', t.casesBirthDate, true)}
${text('village', t.casesVillage)}
${text('location', t.casesLocation, true, 300)}
${text('contact', t.casesContact)}
${textareaControl(v, { id: id('notes'), name: 'notes', label: t.casesNotes, optional: true }, x.notes, e, { rows: 3, maxlength: 4000 })}
</fieldset>
<div class="field"><button type="submit">${t.casesNewSubmit}</button></div>
</form>`;
  return layout(v, { title, section: null, body });
}

/** The work facts the compliance check's answer hands to the open-case form (nothing identifying). */
export const CHECK_PREFILL_KEYS = ['age', 'work', 'hours', 'night', 'sex', 'country'] as const;

/** The link under the compliance check's answer: to the unit chooser, with the work facts. */
export function openCaseFromCheckHref(
  lang: string,
  facts: { age: number | null; work: string; hours: string; night: boolean; sex: string | null; country: string },
): string {
  const q = new URLSearchParams({ from: 'check', work: facts.work, country: facts.country });
  if (facts.age !== null) q.set('age', String(facts.age));
  if (facts.hours) q.set('hours', facts.hours);
  if (facts.night) q.set('night', 'true');
  if (facts.sex) q.set('sex', facts.sex);
  return `/${lang}/cases/new?${q.toString()}`;
}

/** Which unit the case opens in: a number (the unit's id), the work facts passed on as they came. */
export function renderUnitChooser(v: View, params: URLSearchParams, error: FieldError | null): string {
  const { t } = v;
  const title = t.casesOpenFromCheck;
  const body = html`<h1>${title}</h1>
${errorSummary(v, error ? [error] : [])}
<form method="get" action="/${v.lang}/cases/new" class="edit-form" novalidate>
${CHECK_PREFILL_KEYS.map((k) => (params.get(k) ? html`<input type="hidden" name="${k}" value="${(params.get(k) ?? '').slice(0, 20)}">` : null))}
<input type="hidden" name="from" value="check">
${textControl(v, { id: 'nc-unit', name: 'unit', label: t.casesChooseUnit, hint: t.casesChooseUnitHint }, params.get('unit') ?? '', error ? [error] : [], { inputmode: 'numeric', className: 'input-short', maxlength: 9 })}
<div class="field"><button type="submit">${t.casesChooseUnitSubmit}</button></div>
</form>`;
  return layout(v, { title, section: null, body });
}
