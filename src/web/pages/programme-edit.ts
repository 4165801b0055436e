import { canWrite } from '../../domain/access/policy.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import { CONFIDENCES } from '../../domain/facts.ts';
import {
  ORGANIZATION_ROLES,
  type OrganizationRole,
  PROGRAMME_THEMES,
  type Programme,
  type ProgrammeTheme,
} from '../../domain/programmes/programme.ts';
import type { ProgrammeInput } from '../../services/programme-edits.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfInput } from '../views/edit-fields.ts';
import { errorSummary, type FieldError, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

/** The secretariat's no-JS programme form (decision 200): every value as the form sent it (text). */
export type ProgrammeFormValues = Record<ProgrammeFieldName, string>;
export type ProgrammeFieldName = keyof View['t']['programmeFormField'];

export const PROGRAMME_FIELDS: ProgrammeFieldName[] = [
  'id',
  'nameEn',
  'nameId',
  'aimEn',
  'aimId',
  'countries',
  'area',
  'startYear',
  'endYear',
  'durationYears',
  'closedPerSource',
  'donors',
  'partners',
  'instruments',
  'themes',
  'roles',
  'activities',
  'outcomes',
  'url',
  'confidence',
  'notes',
  'source',
  'reason',
];
const LONG: ProgrammeFieldName[] = ['aimEn', 'aimId', 'donors', 'partners', 'activities', 'outcomes', 'notes'];
const NUMBERS = ['startYear', 'endYear', 'durationYears'] as const;

export const programmeFieldId = (name: string) => `pf-${name}`;

const lines = (items: readonly string[] | null | undefined) => (items ?? []).join('\n');

export function programmeValues(p: Programme | null): ProgrammeFormValues {
  return {
    id: p?.id ?? '',
    nameEn: p?.nameEn ?? '',
    nameId: p?.nameId ?? '',
    aimEn: p?.aimEn ?? '',
    aimId: p?.aimId ?? '',
    countries: (p?.countries ?? []).join(', '),
    area: p?.area ?? '',
    startYear: p?.startYear?.toString() ?? '',
    endYear: p?.endYear?.toString() ?? '',
    durationYears: p?.durationYears?.toString() ?? '',
    closedPerSource: p?.closedPerSource ? 'on' : '',
    donors: lines(p?.donors),
    partners: lines(p?.partners),
    instruments: (p?.instruments ?? []).join(', '),
    themes: (p?.themes ?? []).join(','),
    roles: (p?.roles ?? []).join(','),
    activities: lines(p?.activities),
    outcomes: lines(p?.outcomes),
    url: p?.url ?? '',
    confidence: p?.confidence ?? 'medium',
    notes: p?.notes ?? '',
    source: '',
    reason: '',
  };
}

/** The posted form (parsed with `all: true`, so ticked boxes of one name come as a list). */
export function readProgrammeForm(form: Record<string, unknown>): ProgrammeFormValues {
  const one = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
  const many = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : typeof v === 'string' ? [v] : []).join(',');
  return Object.fromEntries(
    PROGRAMME_FIELDS.map((n) => [n, n === 'themes' || n === 'roles' ? many(form[n]) : one(form[n])]),
  ) as ProgrammeFormValues;
}

export function programmeNumberErrors(v: View, values: ProgrammeFormValues): FieldError[] {
  return NUMBERS.filter((n) => values[n].trim() && !/^\d{1,4}$/.test(values[n].trim())).map((n) => ({
    id: programmeFieldId(n),
    message: v.t.formWholeYear(v.t.programmeFormField[n]),
  }));
}

const num = (s: string) => (s.trim() ? Number(s.trim()) : null);
const text = (s: string) => (s.trim() ? s.trim() : null);
/** Codes separated by commas, semicolons or spaces; empty: unknown (null). */
const codes = (s: string) => {
  const list = s
    .split(/[,;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
  return list.length ? list : null;
};
/** One item per line; empty: unknown (null). */
const perLine = (s: string) => {
  const list = s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);
  return list.length ? list : null;
};
const ticked = (s: string) => s.split(',').filter(Boolean);

/**
 * The form as the service's input. On an edit, a field sent back as the form showed it is left out
 * (kept as stored), so saving an untouched form changes nothing, not even an empty list into unknown.
 */
export function programmeInput(values: ProgrammeFormValues, original: ProgrammeFormValues | null): ProgrammeInput {
  const isNew = original === null;
  const roles = ticked(values.roles) as OrganizationRole[];
  const all: ProgrammeInput = {
    ...(isNew && text(values.id) ? { id: text(values.id) as string } : {}),
    nameEn: values.nameEn,
    nameId: text(values.nameId),
    aimEn: text(values.aimEn),
    aimId: text(values.aimId),
    countries: codes(values.countries),
    area: text(values.area),
    startYear: num(values.startYear),
    endYear: num(values.endYear),
    durationYears: num(values.durationYears),
    closedPerSource: values.closedPerSource === 'on',
    donors: perLine(values.donors),
    partners: perLine(values.partners),
    instruments: codes(values.instruments),
    themes: ticked(values.themes) as ProgrammeTheme[],
    roles: roles.length ? roles : null,
    activities: perLine(values.activities),
    outcomes: perLine(values.outcomes),
    url: text(values.url),
    confidence: (values.confidence || 'medium') as ProgrammeInput['confidence'],
    notes: text(values.notes),
    source: values.source,
    reason: text(values.reason),
  };
  if (isNew) return all;
  const kept = Object.entries(all).filter(
    ([k]) => k === 'source' || k === 'reason' || values[k as ProgrammeFieldName] !== original[k as ProgrammeFieldName],
  );
  return Object.fromEntries(kept) as unknown as ProgrammeInput;
}

/** The service's issues ("countries.0", "endYear") as errors on the form's controls. */
export function programmeIssueErrors(issues: readonly FieldIssue[]): FieldError[] {
  return issues.map((i) => {
    const name = i.field.split('.')[0] ?? '';
    const known = (PROGRAMME_FIELDS as string[]).includes(name);
    return { id: programmeFieldId(known ? name : 'source'), message: known ? `${i.field}: ${i.message}` : i.message };
  });
}

function boxes(v: View, name: 'themes' | 'roles', values: ProgrammeFormValues, error: FieldError | undefined): SafeHtml {
  const { t } = v;
  const options: readonly string[] = name === 'themes' ? PROGRAMME_THEMES : ORGANIZATION_ROLES;
  const words: Record<string, string> = name === 'themes' ? t.programmeTheme : t.programmeRole;
  const chosen = new Set(ticked(values[name]));
  const id = programmeFieldId(name);
  return html`<fieldset class="field" id="${id}"${error ? html` aria-describedby="${id}-error"` : null}><legend>${t.programmeFormField[name]}</legend>
${fieldError(v, error)}
${options.map((o) => html`<div><input type="checkbox" id="${id}-${o}" name="${name}" value="${o}"${chosen.has(o) ? html` checked` : null}> <label for="${id}-${o}">${words[o] ?? o}</label></div>`)}
</fieldset>`;
}

function control(
  v: View,
  name: ProgrammeFieldName,
  values: ProgrammeFormValues,
  error: FieldError | undefined,
  isNew: boolean,
): SafeHtml | null {
  const { t } = v;
  const id = programmeFieldId(name);
  const value = values[name];
  const label = t.programmeFormField[name];
  const aria = error ? html` aria-invalid="true" aria-describedby="${id}-error"` : null;
  if (name === 'id' && !isNew) return null;
  if (name === 'themes' || name === 'roles') return boxes(v, name, values, error);
  if (name === 'closedPerSource')
    return html`<div class="field"><input type="checkbox" id="${id}" name="${name}"${value === 'on' ? html` checked` : null}> <label for="${id}">${label}</label></div>`;
  let input: SafeHtml;
  if (name === 'confidence')
    input = html`<select id="${id}" name="${name}"${aria}>${CONFIDENCES.map((o) => html`<option value="${o}"${o === value ? html` selected` : null}>${t.confidenceOption[o]}</option>`)}</select>`;
  else if (LONG.includes(name)) input = html`<textarea id="${id}" name="${name}" rows="3"${aria}>${value}</textarea>`;
  else {
    const numeric = (NUMBERS as readonly string[]).includes(name) ? html` inputmode="numeric"` : null;
    const required = name === 'source' || name === 'nameEn' ? html` required` : null;
    input = html`<input type="text" id="${id}" name="${name}" value="${value}"${numeric}${required}${aria}>`;
  }
  return html`<div class="field"><label for="${id}">${label}</label>${input}${fieldError(v, error)}</div>`;
}

export interface ProgrammeFormData {
  title: string;
  action: string;
  values: ProgrammeFormValues;
  errors: FieldError[];
  isNew: boolean;
  back: string;
}

export function renderProgrammeForm(v: View, d: ProgrammeFormData): string {
  const { t } = v;
  const byId = new Map(d.errors.map((e) => [e.id, e]));
  const body = html`<h1>${d.title}</h1>
${errorSummary(v, d.errors)}
<p>${t.programmeFormIntro}</p>
<form method="post" action="${d.action}" class="edit-form" novalidate>
${csrfInput(v)}
${PROGRAMME_FIELDS.map((name) => control(v, name, d.values, byId.get(programmeFieldId(name)), d.isNew))}
<div class="field"><button type="submit">${t.saveRecord}</button></div>
</form>
<p><a href="${d.back}">${t.programmesAll}</a></p>`;
  return layout(v, { title: d.title, section: 'programmes', body });
}

/** Whether the reader may record programmes and offices (the forms' links are shown to them only). */
export function mayEditRecords(v: View): boolean {
  return v.session ? canWrite(v.session.actor, { kind: 'secretariat_record' }).allowed : false;
}
