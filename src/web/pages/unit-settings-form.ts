import { PRIORITY_TIERS } from '../../domain/child-labour/cases/index.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import { UNIT_KINDS, type UnitSettingsInput } from '../../domain/monitoring/unit-settings.ts';
import type { UnitView } from '../../services/cases/case-types.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfInput, selectControl, textControl } from '../views/edit-fields.ts';
import type { FieldError } from '../views/forms.ts';
import type { View } from '../views/view.ts';

/*
 * The unit administrator's settings form on /{lang}/units/{id} (issue 11, decision 211): the area
 * and the follow-up intervals, lost-to-follow-up attempts and retention. No JavaScript.
 */

export type FormValues = Record<string, string>;

const TEXTS = ['name', 'province', 'district', 'supplyChain', 'commodity'] as const;
const NUMBERS = [...PRIORITY_TIERS.map((t) => `followUpDays.${t}`), 'lostAfterAttempts', 'retentionMonths'] as const;
export const SETTINGS_FIELDS = [...TEXTS, 'kind', ...NUMBERS] as const;
export const settingsFieldId = (name: string) => `settings-${name.replace('.', '-')}`;

export function settingsValues(u: UnitView): FormValues {
  return {
    name: u.name,
    kind: u.kind,
    province: u.province ?? '',
    district: u.district ?? '',
    supplyChain: u.supplyChain ?? '',
    commodity: u.commodity ?? '',
    ...Object.fromEntries(PRIORITY_TIERS.map((t) => [`followUpDays.${t}`, String(u.followUpDays[t])])),
    lostAfterAttempts: String(u.lostAfterAttempts),
    retentionMonths: String(u.retentionMonths),
  };
}

/** A number field that is no whole number reaches the service as NaN, which names the field. */
const whole = (raw: string | undefined): number | undefined => {
  const text = raw?.trim() ?? '';
  if (text === '') return undefined;
  return /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
};

export function settingsInput(values: FormValues): UnitSettingsInput {
  const followUpDays: Record<string, number | undefined> = {};
  for (const tier of PRIORITY_TIERS) followUpDays[tier] = whole(values[`followUpDays.${tier}`]);
  return {
    name: values.name ?? '',
    kind: (values.kind || undefined) as UnitSettingsInput['kind'],
    province: values.province ?? null,
    district: values.district ?? null,
    supplyChain: values.supplyChain ?? null,
    commodity: values.commodity ?? null,
    followUpDays,
    lostAfterAttempts: whole(values.lostAfterAttempts),
    retentionMonths: whole(values.retentionMonths),
  };
}

export function settingsErrors(v: View, issues: readonly FieldIssue[]): FieldError[] {
  return issues.map((i) => {
    const known = (SETTINGS_FIELDS as readonly string[]).includes(i.field);
    return { id: settingsFieldId(known ? i.field : 'name'), message: v.t.unitInvalidField(labelOf(v, i.field), i.message) };
  });
}

function labelOf(v: View, field: string): string {
  const { t } = v;
  if (field.startsWith('followUpDays.')) return t.unitTier[field.slice('followUpDays.'.length)] ?? field;
  if (field === 'lostAfterAttempts') return t.unitLostAfterLabel;
  if (field === 'retentionMonths') return t.unitRetentionLabel;
  return t.unitField[field] ?? field;
}

export function settingsForm(v: View, unitId: number, values: FormValues, errors: readonly FieldError[]): SafeHtml {
  const { t, lang } = v;
  const text = (name: (typeof TEXTS)[number], maxlength: number) =>
    textControl(v, { id: settingsFieldId(name), name, label: t.unitField[name] ?? name }, values[name] ?? '', errors, { maxlength });
  const number = (name: (typeof NUMBERS)[number]) =>
    textControl(v, { id: settingsFieldId(name), name, label: labelOf(v, name) }, values[name] ?? '', errors, {
      inputmode: 'numeric',
      maxlength: 4,
      className: 'input-short',
    });
  return html`<details${errors.length ? html` open` : null}>
<summary>${t.unitSettingsEdit}</summary>
<form method="post" action="/${lang}/units/${unitId}/settings" class="edit-form" novalidate>
${csrfInput(v)}
${text('name', 200)}
${selectControl(
  v,
  { id: settingsFieldId('kind'), name: 'kind', label: t.unitField.kind ?? 'kind' },
  UNIT_KINDS.map((k) => ({ value: k, label: t.unitKind[k] ?? k })),
  values.kind || 'other',
  errors,
)}
${text('province', 120)}
${text('district', 120)}
${text('supplyChain', 200)}
${text('commodity', 120)}
<fieldset class="group"><legend>${t.unitFollowUpTitle}</legend>
${PRIORITY_TIERS.map((tier) => number(`followUpDays.${tier}`))}
</fieldset>
${number('lostAfterAttempts')}
${number('retentionMonths')}
<div class="field"><button type="submit">${t.unitSettingsSave}</button></div>
</form>
</details>`;
}
