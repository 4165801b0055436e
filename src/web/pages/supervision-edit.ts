import type { FieldIssue } from '../../domain/errors.ts';
import { CONFIDENCES } from '../../domain/facts.ts';
import {
  ALL_STAGES,
  COMMENT_KINDS,
  PROCEDURES,
  type SupervisoryComment,
  type SupervisoryProcedure,
} from '../../domain/supervision/comments.ts';
import type { CommentInput, ProcedureInput } from '../../services/supervision-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfInput } from '../views/edit-fields.ts';
import { errorSummary, type FieldError, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

/** The no-JS secretariat forms of comments and procedures: every value as the form sent it (text). */
export type FormValues = Record<string, string>;
type FieldName = keyof View['t']['formField'];

export const COMMENT_FIELDS: FieldName[] = [
  'country',
  'instruments',
  'kind',
  'year',
  'session',
  'sessionYear',
  'normlexId',
  'url',
  'summaryEn',
  'summaryId',
  'requestsReply',
  'confidence',
  'notes',
  'source',
  'reason',
];
export const PROCEDURE_FIELDS: FieldName[] = [
  'procedure',
  'country',
  'instruments',
  'year',
  'session',
  'filedBy',
  'stage',
  'outcome',
  'conclusionsEn',
  'conclusionsId',
  'url',
  'confidence',
  'notes',
  'source',
  'reason',
];
const LONG: FieldName[] = ['summaryEn', 'summaryId', 'notes', 'outcome', 'conclusionsEn', 'conclusionsId'];
const NUMBERS = ['year', 'session', 'sessionYear'] as const;

const fieldId = (name: string) => `sf-${name}`;

export function commentValues(c: SupervisoryComment | null): FormValues {
  return {
    country: c?.country ?? '',
    instruments: c?.instruments.join(', ') ?? '',
    kind: c?.kind ?? '',
    year: c?.year?.toString() ?? '',
    session: c?.session?.toString() ?? '',
    sessionYear: c?.sessionYear?.toString() ?? '',
    normlexId: c?.normlexId ?? '',
    url: c?.url ?? '',
    summaryEn: c?.summaryEn ?? '',
    summaryId: c?.summaryId ?? '',
    requestsReply: c?.requestsReply ? 'on' : '',
    confidence: c?.confidence ?? 'medium',
    notes: c?.notes ?? '',
    source: '',
    reason: '',
  };
}

export function procedureValues(p: SupervisoryProcedure | null): FormValues {
  return {
    procedure: p?.procedure ?? '',
    country: p?.country ?? '',
    instruments: p?.instruments.join(', ') ?? '',
    year: p?.year?.toString() ?? '',
    session: p?.session?.toString() ?? '',
    filedBy: p?.filedBy ?? '',
    stage: p?.stage ?? '',
    outcome: p?.outcome ?? '',
    conclusionsEn: p?.conclusionsEn ?? '',
    conclusionsId: p?.conclusionsId ?? '',
    url: p?.url ?? '',
    confidence: p?.confidence ?? 'medium',
    notes: p?.notes ?? '',
    source: '',
    reason: '',
  };
}

export function readValues(form: Record<string, unknown>, names: readonly string[]): FormValues {
  return Object.fromEntries(names.map((n) => [n, typeof form[n] === 'string' ? (form[n] as string) : '']));
}

/** Numbers that are not numbers are form errors (before the service sees them). */
export function numberErrors(v: View, values: FormValues): FieldError[] {
  return NUMBERS.filter((n) => n in values && values[n]?.trim() && !/^\d{1,4}$/.test(values[n]?.trim() ?? '')).map((n) => ({
    id: fieldId(n),
    message: v.t.notANumber(v.t.formField[n]),
  }));
}

const num = (s: string | undefined) => (s?.trim() ? Number(s.trim()) : null);
const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);
const list = (s: string | undefined) =>
  (s ?? '')
    .split(/[,;\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function commentInput(values: FormValues): CommentInput {
  return {
    country: values.country ?? '',
    instruments: list(values.instruments),
    kind: (text(values.kind) as CommentInput['kind']) ?? null,
    year: num(values.year),
    session: num(values.session),
    sessionYear: num(values.sessionYear),
    normlexId: text(values.normlexId),
    url: text(values.url),
    summaryEn: text(values.summaryEn),
    summaryId: text(values.summaryId),
    requestsReply: values.requestsReply === 'on',
    confidence: (values.confidence || 'medium') as CommentInput['confidence'],
    notes: text(values.notes),
    source: values.source ?? '',
    reason: text(values.reason),
  };
}

export function procedureInput(values: FormValues, isNew: boolean): ProcedureInput {
  return {
    ...(isNew ? { procedure: (text(values.procedure) ?? undefined) as ProcedureInput['procedure'] } : {}),
    country: values.country ?? '',
    instruments: list(values.instruments),
    year: num(values.year),
    session: num(values.session),
    filedBy: text(values.filedBy),
    stage: (text(values.stage) as ProcedureInput['stage']) ?? null,
    outcome: text(values.outcome),
    conclusionsEn: text(values.conclusionsEn),
    conclusionsId: text(values.conclusionsId),
    url: text(values.url),
    confidence: (values.confidence || 'medium') as ProcedureInput['confidence'],
    notes: text(values.notes),
    source: values.source ?? '',
    reason: text(values.reason),
  };
}

/** The service's issues ("instruments.0", "sessionYear") as errors on the form's controls. */
export function issueErrors(issues: readonly FieldIssue[], names: readonly string[]): FieldError[] {
  return issues.map((i) => {
    const name = i.field.split('.')[0] ?? '';
    return { id: fieldId(names.includes(name) ? name : 'source'), message: i.message };
  });
}

function control(v: View, name: FieldName, values: FormValues, error: FieldError | undefined, isNew: boolean): SafeHtml | null {
  const { t } = v;
  const id = fieldId(name);
  const value = values[name] ?? '';
  const label = t.formField[name];
  const aria = error ? html` aria-invalid="true" aria-describedby="${id}-error"` : null;
  const select = (options: readonly string[], words: Record<string, string>, blank: string | null) =>
    html`<select id="${id}" name="${name}"${aria}>${blank === null ? null : html`<option value="">${blank}</option>`}${options.map((o) => html`<option value="${o}"${o === value ? html` selected` : null}>${words[o] ?? o}</option>`)}</select>`;
  let input: SafeHtml;
  if (name === 'requestsReply')
    return html`<div class="field"><input type="checkbox" id="${id}" name="${name}"${value === 'on' ? html` checked` : null}> <label for="${id}">${label}</label></div>`;
  if (name === 'procedure') {
    if (!isNew) return null;
    input = select(PROCEDURES, t.procedureShort, null);
  } else if (name === 'kind') input = select(COMMENT_KINDS, t.commentKind, t.notStatedOption);
  else if (name === 'stage') input = select(ALL_STAGES, t.stage, t.notStatedOption);
  else if (name === 'confidence') input = select(CONFIDENCES, t.confidenceOption, null);
  else if (LONG.includes(name)) input = html`<textarea id="${id}" name="${name}" rows="3"${aria}>${value}</textarea>`;
  else input = html`<input type="text" id="${id}" name="${name}" value="${value}"${name === 'source' ? html` required` : null}${aria}>`;
  return html`<div class="field"><label for="${id}">${label}</label>${input}${fieldError(v, error)}</div>`;
}

export interface SupervisionFormData {
  title: string;
  action: string;
  fields: readonly FieldName[];
  values: FormValues;
  errors: FieldError[];
  isNew: boolean;
}

export function renderSupervisionForm(v: View, d: SupervisionFormData): string {
  const { t } = v;
  const byId = new Map(d.errors.map((e) => [e.id, e]));
  const body = html`<h1>${d.title}</h1>
${errorSummary(v, d.errors)}
<p>${t.formIntro}</p>
<form method="post" action="${d.action}" class="edit-form" novalidate>
${csrfInput(v)}
${d.fields.map((name) => control(v, name, d.values, byId.get(fieldId(name)), d.isNew))}
<div class="field"><button type="submit">${t.saveRecord}</button></div>
</form>
<p><a href="/${v.lang}/supervision">${t.backToSupervision}</a></p>`;
  return layout(v, { title: d.title, section: null, body });
}
