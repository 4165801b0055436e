import type { FieldIssue } from '../../domain/errors.ts';
import type { IloOffice } from '../../domain/governance/offices.ts';
import type { OfficeInput } from '../../services/office-edits.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfInput } from '../views/edit-fields.ts';
import { errorSummary, type FieldError, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

/** The secretariat's no-JS office form (decision 201). */
export type OfficeFieldName = keyof View['t']['officeFormField'];
export type OfficeFormValues = Record<OfficeFieldName, string>;

export const OFFICE_FIELDS: OfficeFieldName[] = ['city', 'address', 'phone', 'email', 'covers', 'coversOther', 'notes', 'source', 'reason'];
const LONG: OfficeFieldName[] = ['coversOther', 'notes'];
export const officeFieldId = (name: string) => `of-${name}`;

export function officeValues(o: IloOffice): OfficeFormValues {
  return {
    city: o.city ?? '',
    address: o.address ?? '',
    phone: o.phone ?? '',
    email: o.email ?? '',
    covers: o.covers.join(', '),
    coversOther: o.coversOther.join('\n'),
    notes: o.notes ?? '',
    source: '',
    reason: '',
  };
}

export function readOfficeForm(form: Record<string, unknown>): OfficeFormValues {
  return Object.fromEntries(OFFICE_FIELDS.map((n) => [n, typeof form[n] === 'string' ? (form[n] as string) : ''])) as OfficeFormValues;
}

const text = (s: string) => (s.trim() ? s.trim() : null);

/** Only what the form changed (a field sent back as shown keeps its stored value), with the citation. */
export function officeInput(values: OfficeFormValues, original: OfficeFormValues): OfficeInput {
  const input: OfficeInput = { source: values.source, reason: text(values.reason) };
  const changed = (n: OfficeFieldName) => values[n] !== original[n];
  if (changed('city')) input.city = text(values.city);
  if (changed('address')) input.address = text(values.address);
  if (changed('phone')) input.phone = text(values.phone);
  if (changed('email')) input.email = text(values.email);
  if (changed('notes')) input.notes = text(values.notes);
  if (changed('covers'))
    input.covers = values.covers
      .split(/[,;\s]+/)
      .map((x) => x.trim())
      .filter(Boolean);
  if (changed('coversOther'))
    input.coversOther = values.coversOther
      .split(/\r?\n/)
      .map((x) => x.trim())
      .filter(Boolean);
  return input;
}

export function officeIssueErrors(issues: readonly FieldIssue[]): FieldError[] {
  return issues.map((i) => {
    const name = i.field.split('.')[0] ?? '';
    const known = (OFFICE_FIELDS as string[]).includes(name);
    return { id: officeFieldId(known ? name : 'source'), message: known ? `${i.field}: ${i.message}` : i.message };
  });
}

function control(v: View, name: OfficeFieldName, values: OfficeFormValues, error: FieldError | undefined): SafeHtml {
  const id = officeFieldId(name);
  const aria = error ? html` aria-invalid="true" aria-describedby="${id}-error"` : null;
  const type = name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text';
  const input = LONG.includes(name)
    ? html`<textarea id="${id}" name="${name}" rows="3"${aria}>${values[name]}</textarea>`
    : html`<input type="${type}" id="${id}" name="${name}" value="${values[name]}"${name === 'source' ? html` required` : null}${aria}>`;
  return html`<div class="field"><label for="${id}">${v.t.officeFormField[name]}</label>${input}${fieldError(v, error)}</div>`;
}

export function renderOfficeForm(
  v: View,
  d: { office: IloOffice; action: string; values: OfficeFormValues; errors: FieldError[] },
): string {
  const { t, lang } = v;
  const byId = new Map(d.errors.map((e) => [e.id, e]));
  const title = t.officeEditTitle(d.office.name);
  const body = html`<h1>${t.officeEditTitle('')}<span lang="en">${d.office.name}</span></h1>
${errorSummary(v, d.errors)}
<p>${t.officeFormIntro}</p>
<form method="post" action="${d.action}" class="edit-form" novalidate>
${csrfInput(v)}
${OFFICE_FIELDS.map((name) => control(v, name, d.values, byId.get(officeFieldId(name))))}
<div class="field"><button type="submit">${t.saveRecord}</button></div>
</form>
<p><a href="/${lang}/office">${t.backToOffice}</a></p>`;
  return layout(v, { title, section: 'governing-body', body });
}
