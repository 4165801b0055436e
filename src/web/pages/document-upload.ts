import { DOCUMENT_KINDS } from '../../domain/documents/document.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import { CONFIDENCES } from '../../domain/facts.ts';
import type { DocumentInput } from '../../services/document-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfInput } from '../views/edit-fields.ts';
import { describedBy, errorSummary, type FieldError, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

/* The secretariat's upload form, /{lang}/documents/new: multipart, no JavaScript. */

export const UPLOAD_FIELDS = [
  'titleEn',
  'titleId',
  'kind',
  'date',
  'language',
  'countries',
  'instruments',
  'file',
  'url',
  'confidence',
  'notes',
  'source',
  'reason',
] as const;
export type UploadField = (typeof UPLOAD_FIELDS)[number];
export type UploadValues = Record<Exclude<UploadField, 'file'>, string>;

export const uploadFieldId = (name: string) => `doc-${name}`;

export function emptyUploadValues(): UploadValues {
  return {
    titleEn: '',
    titleId: '',
    kind: 'report',
    date: '',
    language: '',
    countries: '',
    instruments: '',
    url: '',
    confidence: 'medium',
    notes: '',
    source: '',
    reason: '',
  };
}

export function readUploadValues(form: Record<string, unknown>): UploadValues {
  const values = emptyUploadValues();
  for (const key of Object.keys(values) as (keyof UploadValues)[]) {
    const raw = form[key];
    values[key] = typeof raw === 'string' ? raw.slice(0, 5000) : key === 'kind' || key === 'confidence' ? values[key] : '';
  }
  return values;
}

export function uploadInput(values: UploadValues): DocumentInput {
  return {
    titleEn: values.titleEn,
    titleId: values.titleId,
    kind: (DOCUMENT_KINDS as readonly string[]).includes(values.kind) ? (values.kind as DocumentInput['kind']) : 'other',
    date: values.date,
    language: values.language,
    countries: values.countries,
    instruments: values.instruments,
    url: values.url,
    confidence: (CONFIDENCES as readonly string[]).includes(values.confidence)
      ? (values.confidence as DocumentInput['confidence'])
      : 'medium',
    notes: values.notes,
    source: values.source,
    reason: values.reason,
  };
}

/** The service's issues on the form's controls ("countries.1" → the countries field). */
export function uploadErrors(issues: readonly FieldIssue[]): FieldError[] {
  return issues.map((i) => {
    const name = i.field.split('.')[0] ?? '';
    // 'title' (the English title) and anything unnamed point at the first control.
    const field = (UPLOAD_FIELDS as readonly string[]).includes(name) ? name : 'titleEn';
    return { id: uploadFieldId(field), message: i.message };
  });
}

function label(v: View, name: UploadField): string {
  const { t } = v;
  const labels: Record<UploadField, string> = {
    titleEn: t.documentFieldTitleEn,
    titleId: t.documentFieldTitleId,
    kind: t.documentFieldKind,
    date: t.documentFieldDate,
    language: t.documentFieldLanguage,
    countries: t.documentFieldCountries,
    instruments: t.documentFieldInstruments,
    file: t.documentFieldFile,
    url: t.documentFieldUrl,
    confidence: t.documentFieldConfidence,
    notes: t.documentFieldNotes,
    source: t.documentFieldSource,
    reason: t.documentFieldReason,
  };
  return labels[name];
}

function control(v: View, name: UploadField, values: UploadValues, errors: readonly FieldError[]): SafeHtml {
  const id = uploadFieldId(name);
  const error = errors.find((e) => e.id === id);
  const aria = describedBy(null, error);
  const required = name === 'titleEn' || name === 'source' ? html` required` : null;
  let input: SafeHtml;
  if (name === 'file')
    input = html`<input type="file" id="${id}" name="file" accept=".pdf,.html,.htm,.txt,.md,.csv,application/pdf,text/html,text/plain"${aria}>`;
  else if (name === 'kind')
    input = html`<select id="${id}" name="kind"${aria}>${DOCUMENT_KINDS.map((k) => html`<option value="${k}"${k === values.kind ? html` selected` : null}>${v.t.documentKind[k]}</option>`)}</select>`;
  else if (name === 'confidence')
    input = html`<select id="${id}" name="confidence"${aria}>${CONFIDENCES.map((c) => html`<option value="${c}"${c === values.confidence ? html` selected` : null}>${v.t.confidence[c]}</option>`)}</select>`;
  else if (name === 'notes') input = html`<textarea id="${id}" name="notes" rows="3" maxlength="4000"${aria}>${values.notes}</textarea>`;
  else input = html`<input type="${name === 'url' ? 'url' : 'text'}" id="${id}" name="${name}" value="${values[name]}"${required}${aria}>`;
  return html`<div class="field${error ? ' field-has-error' : ''}"><label for="${id}">${label(v, name)}${
    required ? null : html` <span class="optional">${v.t.optional}</span>`
  }</label>${fieldError(v, error)}${input}</div>`;
}

export function renderUploadForm(v: View, values: UploadValues, errors: readonly FieldError[]): string {
  const { t, lang } = v;
  const body = html`<h1>${t.documentNewTitle}</h1>
<p class="lead">${t.documentNewIntro}</p>
${errorSummary(v, errors)}
<form method="post" action="/${lang}/documents/new" enctype="multipart/form-data" class="edit-form">
${csrfInput(v)}
${UPLOAD_FIELDS.map((name) => control(v, name, values, errors))}
<div class="form-actions"><button type="submit">${t.documentSubmit}</button> <a href="/${lang}/documents">${t.documentsAll}</a></div>
</form>`;
  return layout(v, { title: t.documentNewTitle, section: 'documents', body });
}
