import { ageOn, renderCitation, SEXES, WORK_KINDS, type WorkKind } from '../../domain/child-labour/index.ts';
import type { DomainError } from '../../domain/errors.ts';
import { normaliseInstrumentCode } from '../../domain/instrument.ts';
import { isIsoDay } from '../../domain/partial-date.ts';
import { type CheckAnswer, type CheckRequest, MAX_AGE, MAX_HOURS_PER_DAY } from '../../services/compliance-service.ts';
import type { CountryRef } from '../../services/registry-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { countryLink, countryNamePlain, unknown } from '../views/components.ts';
import { describedBy, errorSummary, type FieldError, field, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';
import { openCaseFromCheckHref } from './case-new.ts';

/** The form's fields, named as in the API's CheckRequest so a URL reads like a request. */
export const CHECK_FIELDS = ['country', 'age', 'birthDate', 'on', 'work', 'hoursPerDay', 'sex'] as const;
export type CheckField = (typeof CHECK_FIELDS)[number];

/** The id of each control: error summary links and aria-describedby point at these. */
export const CHECK_FIELD_IDS: Record<CheckField | 'night', string> = {
  country: 'check-country',
  age: 'check-age',
  birthDate: 'check-birth-date',
  on: 'check-on',
  work: 'check-work',
  hoursPerDay: 'check-hours',
  night: 'check-night',
  sex: 'check-sex',
};

/** The article each kind of work comes from, shown next to its name in the form. */
export const WORK_ARTICLES: Record<WorkKind, string> = {
  regular: 'C138 Art 2',
  light: 'C138 Art 7',
  hazardous: 'C138 Art 3',
  slavery: 'C182 Art 3(a)',
  sexual_exploitation: 'C182 Art 3(b)',
  illicit: 'C182 Art 3(c)',
  training: 'C138 Art 6',
  school: 'C138 Art 6',
  artistic: 'C138 Art 8',
};

/** What the reader typed, kept as text so the form shows it back unchanged. */
export interface CheckFormValues {
  country: string;
  age: string;
  birthDate: string;
  on: string;
  work: string;
  hoursPerDay: string;
  night: boolean;
  /** '' when not stated. */
  sex: string;
}

export interface CheckFormInput {
  /** True when the form was sent (it always sends `work`); a link that only names a country just fills the form. */
  submitted: boolean;
  values: CheckFormValues;
  /** The values as the service takes them (without `lang`); text that is not a number becomes NaN for the service to refuse. */
  request: CheckRequest;
}

const MAX_VALUE_LENGTH = 100;
const TRUE_VALUES = new Set(['1', 'on', 'yes', 'true']);

function number(raw: string, pattern: RegExp): number | null {
  if (raw === '') return null;
  return pattern.test(raw) ? Number(raw.replace(',', '.')) : Number.NaN;
}

export function parseCheckForm(params: URLSearchParams): CheckFormInput {
  const get = (name: string) => (params.get(name) ?? '').trim().slice(0, MAX_VALUE_LENGTH);
  const values: CheckFormValues = {
    country: get('country').toUpperCase(),
    age: get('age'),
    birthDate: get('birthDate'),
    on: get('on'),
    work: get('work'),
    hoursPerDay: get('hoursPerDay'),
    night: TRUE_VALUES.has(get('night').toLowerCase()),
    sex: get('sex').toLowerCase(),
  };
  return {
    submitted: params.has('work'),
    values,
    request: {
      country: values.country,
      age: number(values.age, /^\d{1,4}$/),
      birthDate: values.birthDate || null,
      on: values.on || null,
      work: values.work,
      // Indonesian readers write a decimal comma (7,5).
      hoursPerDay: number(values.hoursPerDay, /^\d{1,3}(?:[.,]\d{1,4})?$/),
      night: values.night,
      // Anything but the two options reaches the service, which refuses it with a field error.
      sex: values.sex || null,
    },
  };
}

/** One message per field, in the reader's language, worked out from what was typed. */
function issueMessage(v: View, fieldName: string, values: CheckFormValues, today: string): string {
  const { t, f } = v;
  switch (fieldName) {
    case 'country':
      return values.country ? t.checkFieldCountryInvalid(values.country) : t.checkFieldCountryMissing;
    case 'work':
      return values.work ? t.checkFieldWorkInvalid(values.work) : t.checkFieldWorkMissing;
    case 'age':
      if (values.age && values.birthDate) return t.checkFieldAgeBoth;
      if (!values.age) return t.checkFieldAgeMissing;
      return t.checkFieldAgeInvalid(f.number(MAX_AGE));
    case 'birthDate': {
      if (!isIsoDay(values.birthDate)) return t.checkFieldBirthDateInvalid;
      const age = ageOn(values.birthDate, values.on || today);
      return age === null ? t.checkFieldBirthDateAfter : t.checkFieldBirthDateTooOld(f.number(MAX_AGE));
    }
    case 'on':
      return t.checkFieldOnInvalid;
    case 'hoursPerDay':
      return t.checkFieldHoursInvalid(f.number(MAX_HOURS_PER_DAY));
    case 'sex':
      return t.checkFieldSexInvalid;
    default:
      return t.checkFieldOther(fieldName);
  }
}

/**
 * The service's refusal as messages next to the fields: `invalid` issues by field (one per field,
 * in the form's order), and an unknown State (`not_found`) next to the country.
 */
export function checkErrors(v: View, error: DomainError, values: CheckFormValues, today: string): FieldError[] {
  if (error.code === 'not_found') return [{ id: CHECK_FIELD_IDS.country, message: v.t.checkFieldCountryUnknown(values.country) }];
  const fields = [...new Set(error.issues.map((i) => i.field))];
  const known = CHECK_FIELDS.filter((name) => fields.includes(name));
  const others = fields.filter((name) => !(CHECK_FIELDS as readonly string[]).includes(name));
  return [
    ...known.map((name) => ({ id: CHECK_FIELD_IDS[name], message: issueMessage(v, name, values, today) })),
    // A field the form does not have (should not happen): shown in the summary, linked to the first control.
    ...others.map((name) => ({ id: CHECK_FIELD_IDS.country, message: issueMessage(v, name, values, today) })),
  ];
}

export interface CheckPageData {
  countries: readonly Pick<CountryRef, 'iso3' | 'nameEn' | 'nameId'>[];
  values: CheckFormValues;
  /** Today as YYYY-MM-DD: the reference date the form shows when none was given. */
  today: string;
  answer: CheckAnswer | null;
  errors: readonly FieldError[];
}

function workLabel(v: View, work: WorkKind): string {
  return v.t.work[work].label;
}

/** An ILO citation (C029 Art 1(1), R190 Para 3(e)) links to its instrument; a national one (UU 13/2003 Pasal 69) is text. */
export function citationHtml(v: View, citation: string): SafeHtml {
  const text = renderCitation(citation, v.lang);
  const m = /^([CP]\d{1,3}) Art\b|^(R\d{1,3}) Para\b/.exec(citation);
  const instrument = m?.[1] ?? m?.[2];
  const code = instrument ? normaliseInstrumentCode(instrument) : null;
  return code ? html`<a href="/${v.lang}/instruments/${code}">${text}</a>` : html`<span class="citation">${text}</span>`;
}

const VERDICT_ICONS: Record<CheckAnswer['verdict'], string> = {
  permitted: '✓',
  other_law: '§',
  conditional: '!',
  prohibited: '✕',
  worst_form: '✕',
};

/** The verdict as a large badge: colour, a symbol and the word, so colour is never the only signal. */
export function verdictBadge(v: View, verdict: CheckAnswer['verdict']): SafeHtml {
  return html`<p class="verdict verdict-${verdict.replace('_', '-')}"><span class="verdict-icon" aria-hidden="true">${VERDICT_ICONS[verdict]}</span><span class="verdict-text"><span class="verdict-prefix">${v.t.checkVerdictPrefix}</span> ${v.t.verdict[verdict]}</span></p>`;
}

function ageText(v: View, answer: CheckAnswer, values: CheckFormValues): SafeHtml {
  const { t, f } = v;
  const years = t.ageYears(f.number(answer.age));
  const on = f.date(answer.on);
  const born = values.birthDate ? f.date(values.birthDate) : null;
  if (!born || !on) return html`${years}`;
  return html`${t.checkAgeOn(years, on.text)} <span class="note">(${t.checkBornOn(born.text)})</span>`;
}

function minimumAgeText(v: View, answer: CheckAnswer): SafeHtml {
  const { t, f } = v;
  const basis = t.minimumAgeBasis[answer.minimumAgeBasis];
  if (answer.minimumAge === null) return unknown(answer.minimumAgeBasis === 'unknown' ? basis : t.notRecorded);
  return html`<strong>${t.ageYears(f.number(answer.minimumAge))}</strong>: ${basis}`;
}

/** A note is marked as one; a rule shows its verdict, so "permitted" is never put on a note. */
function reasonLabel(v: View, r: CheckAnswer['reasons'][number]): SafeHtml {
  const { t } = v;
  if (r.kind === 'note') return html`<span class="reason-kind">${t.checkReasonNote}</span>`;
  return html`<span class="reason-verdict">${t.checkReasonVerdict(t.verdict[r.verdict])}</span>`;
}

/** For a signed-in reader and an answer that is child labour: open a case with these work facts (issue 11). */
function openCaseLink(v: View, answer: CheckAnswer, values: CheckFormValues): SafeHtml | null {
  if (!v.session || !['prohibited', 'worst_form', 'conditional'].includes(answer.verdict)) return null;
  const facts = {
    age: answer.age,
    work: answer.work,
    hours: values.hoursPerDay,
    night: values.night,
    sex: answer.sex ?? null,
    country: answer.country.iso3,
  };
  return html`<p><a href="${openCaseFromCheckHref(v.lang, facts)}">${v.t.casesOpenFromCheck}</a></p>`;
}

function resultSection(v: View, answer: CheckAnswer, values: CheckFormValues): SafeHtml {
  const { t, f } = v;
  const name = countryNamePlain(v, answer.country);
  const hours = values.hoursPerDay !== '' ? Number(values.hoursPerDay.replace(',', '.')) : null;
  const conditions = answer.verdict === 'conditional' && answer.conditions.length > 0;
  return html`<section class="result" aria-labelledby="result-heading">
<h2 id="result-heading">${t.checkResultHeading}</h2>
${verdictBadge(v, answer.verdict)}
<p class="verdict-explained">${t.checkVerdictExplained[answer.verdict]}</p>
${answer.uncertain ? html`<p class="warning"><strong>${t.checkUncertainTitle}:</strong> ${t.checkUncertain}</p>` : null}
${answer.bindsC138 ? null : html`<p class="notice">${t.checkNotBound(name)}</p>`}
${answer.nationalShortfall ? html`<p class="notice">${t.checkShortfall(f.number(answer.nationalShortfall.national), f.number(answer.nationalShortfall.declared))}</p>` : null}
<h3 id="case-heading">${t.checkCaseHeading}</h3>
<dl class="facts">
<dt>${t.checkLabelCountry}</dt><dd>${countryLink(v, answer.country)}</dd>
<dt>${t.checkLabelWork}</dt><dd>${workLabel(v, answer.work)} <span class="note">(${renderCitation(WORK_ARTICLES[answer.work], v.lang)})</span></dd>
<dt>${t.checkLabelAge}</dt><dd>${ageText(v, answer, values)}</dd>
${hours !== null && Number.isFinite(hours) ? html`<dt>${t.checkLabelHours}</dt><dd>${t.checkHours(f.decimal(hours))}</dd>` : null}
<dt>${t.checkLabelNight}</dt><dd>${values.night ? t.checkNightYes : t.checkNightNo}</dd>
<dt>${t.checkLabelSex}</dt><dd>${answer.sex ? t.checkSexOption[answer.sex] : t.checkSexNotStated}</dd>
<dt>${t.checkLabelMinimumAge}</dt><dd>${minimumAgeText(v, answer)}</dd>
</dl>
<h3 id="reasons-heading">${t.checkReasonsHeading}</h3>
<ol class="reasons">
${answer.reasons.map(
  (r) =>
    html`<li${r.kind === 'note' ? html` class="reason-note"` : null}><span class="reason-citation">${citationHtml(v, r.citation)}</span> ${reasonLabel(v, r)}<br>${r.message}</li>`,
)}
</ol>
${
  conditions
    ? html`<h3 id="conditions-heading">${t.checkConditionsHeading}</h3>
<ul class="conditions">
${answer.conditions.map((c) => html`<li>${c.message}</li>`)}
</ul>`
    : null
}
${openCaseLink(v, answer, values)}
<p class="note">${t.checkDisclaimer}</p>
</section>`;
}

function countrySelect(v: View, data: CheckPageData, error: FieldError | undefined): SafeHtml {
  const { t, lang } = v;
  const id = CHECK_FIELD_IDS.country;
  const options = data.countries
    .map((c) => ({ c, name: countryNamePlain(v, c) }))
    .sort((a, b) => v.f.compare(a.name, b.name))
    .map(
      ({ c, name }) =>
        html`<option value="${c.iso3}"${c.iso3 === data.values.country ? html` selected` : null}${lang === 'id' && !c.nameId ? html` lang="en"` : null}>${name}</option>`,
    );
  return field(
    error,
    html`<label for="${id}">${t.checkCountryLabel}</label>
<p class="hint" id="${id}-hint">${t.checkCountryHint}</p>
${fieldError(v, error)}
<select id="${id}" name="country"${describedBy(`${id}-hint`, error)}>
<option value="">${t.checkCountryChoose}</option>
${options}
</select>`,
  );
}

function workSelect(v: View, data: CheckPageData, error: FieldError | undefined): SafeHtml {
  const { t, lang } = v;
  const id = CHECK_FIELD_IDS.work;
  return field(
    error,
    html`<label for="${id}">${t.checkWorkLabel}</label>
<p class="hint" id="${id}-hint">${t.checkWorkHint}</p>
${fieldError(v, error)}
<select id="${id}" name="work"${describedBy(`${id}-hint`, error)}>
<option value="">${t.checkWorkChoose}</option>
${WORK_KINDS.map(
  (w) =>
    html`<option value="${w}"${w === data.values.work ? html` selected` : null}>${t.work[w].label} (${renderCitation(WORK_ARTICLES[w], lang)})</option>`,
)}
</select>
<details class="work-help">
<summary>${t.checkWorkExplained}</summary>
<dl>
${WORK_KINDS.map((w) => html`<dt>${t.work[w].label} <span class="note">(${renderCitation(WORK_ARTICLES[w], lang)})</span></dt><dd>${t.work[w].explanation}</dd>`)}
</dl>
</details>`,
  );
}

function sexSelect(v: View, values: CheckFormValues, error: FieldError | undefined): SafeHtml {
  const { t } = v;
  const id = CHECK_FIELD_IDS.sex;
  return field(
    error,
    html`<label for="${id}">${t.checkSexLabel} <span class="optional">${t.optional}</span></label>
<p class="hint" id="${id}-hint">${t.checkSexHint}</p>
${fieldError(v, error)}
<select id="${id}" name="sex"${describedBy(`${id}-hint`, error)}>
<option value="">${t.checkSexNotStated}</option>
${SEXES.map((s) => html`<option value="${s}"${s === values.sex ? html` selected` : null}>${t.checkSexOption[s]}</option>`)}
</select>`,
  );
}

function checkForm(v: View, data: CheckPageData): SafeHtml {
  const { t, lang } = v;
  const values = data.values;
  const err = (name: CheckField) => data.errors.find((e) => e.id === CHECK_FIELD_IDS[name]);
  const ids = CHECK_FIELD_IDS;
  const heading = data.answer ? t.checkChangeHeading : t.checkFormHeading;
  return html`<section aria-labelledby="form-heading">
<h2 id="form-heading">${heading}</h2>
<form class="check-form" method="get" action="/${lang}/compliance/check" novalidate>
${countrySelect(v, data, err('country'))}
<fieldset class="group" aria-describedby="age-hint">
<legend>${t.checkAgeLegend}</legend>
<p class="hint" id="age-hint">${t.checkAgeHint}</p>
${field(
  err('age'),
  html`<label for="${ids.age}">${t.checkAgeLabel}</label>
${fieldError(v, err('age'))}
<input type="number" class="input-short" id="${ids.age}" name="age" value="${values.age}" min="0" max="${MAX_AGE}" step="1" inputmode="numeric"${describedBy(null, err('age'))}>`,
)}
<p class="or">${t.checkOr}</p>
<div class="fields">
${field(
  err('birthDate'),
  html`<label for="${ids.birthDate}">${t.checkBirthDateLabel}</label>
${fieldError(v, err('birthDate'))}
<input type="date" id="${ids.birthDate}" name="birthDate" value="${values.birthDate}"${describedBy(null, err('birthDate'))}>`,
)}
${field(
  err('on'),
  html`<label for="${ids.on}">${t.checkOnLabel}</label>
<p class="hint" id="${ids.on}-hint">${t.checkOnHint}</p>
${fieldError(v, err('on'))}
<input type="date" id="${ids.on}" name="on" value="${values.on || data.today}"${describedBy(`${ids.on}-hint`, err('on'))}>`,
)}
</div>
</fieldset>
${workSelect(v, data, err('work'))}
${field(
  err('hoursPerDay'),
  html`<label for="${ids.hoursPerDay}">${t.checkHoursLabel} <span class="optional">${t.optional}</span></label>
<p class="hint" id="${ids.hoursPerDay}-hint">${t.checkHoursHint}</p>
${fieldError(v, err('hoursPerDay'))}
<input type="number" class="input-short" id="${ids.hoursPerDay}" name="hoursPerDay" value="${values.hoursPerDay}" min="0" max="${MAX_HOURS_PER_DAY}" step="0.5" inputmode="decimal"${describedBy(`${ids.hoursPerDay}-hint`, err('hoursPerDay'))}>`,
)}
<div class="field checkbox">
<input type="checkbox" id="${ids.night}" name="night" value="yes"${values.night ? html` checked` : null}>
<label for="${ids.night}">${t.checkNightLabel}</label>
</div>
${sexSelect(v, values, err('sex'))}
<button type="submit">${t.checkSubmit}</button>
</form>
</section>`;
}

export function renderComplianceCheck(v: View, data: CheckPageData): string {
  const { t, lang } = v;
  const body = html`<h1>${t.checkTitle}</h1>
<p class="lead">${t.checkIntro}</p>
${errorSummary(v, data.errors)}
${data.answer && !data.errors.length ? resultSection(v, data.answer, data.values) : null}
${checkForm(v, data)}
<p><a href="/${lang}/compliance/screen">${t.checkScreenLink}</a></p>`;
  let title = t.checkTitle;
  if (data.errors.length) title = t.errorTitlePrefix(t.checkTitle);
  else if (data.answer) {
    const verdict = t.verdict[data.answer.verdict];
    const capitalised = verdict.charAt(0).toLocaleUpperCase(v.f.locale) + verdict.slice(1);
    title = `${capitalised}: ${countryNamePlain(v, data.answer.country)} – ${t.checkTitle}`;
  }
  return layout(v, { title, section: 'compliance', body });
}
