import { CLOSURE_REASONS, type ClosureReason } from '../../domain/child-labour/cases/closure.ts';
import { dayNumber } from '../../domain/child-labour/cases/types.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import type { CaseAccess, CaseView, CloseInput } from '../../services/cases/case-types.ts';
import { html } from '../html.ts';
import { csrfInput, errorFor, selectControl, textareaControl } from '../views/edit-fields.ts';
import { errorSummary, type FieldError, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';
import { caseHref, caseNav } from './case-parts.ts';

/*
 * Closing a case (issue 11): a reason, the day, a note. The closure rule is the domain's
 * (closure.ts, applied by the service); when it refuses, the page answers 400 and shows the rule's
 * message next to the form, in the page's language where the refusal is known.
 */

export interface CloseValues {
  reason: string;
  on: string;
  note: string;
}

export const CLOSE_IDS = { reason: 'close-reason', on: 'close-on', note: 'close-note' } as const;

const str = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');

export function closeValues(form: Record<string, unknown> | null, today: string): CloseValues {
  if (!form) return { reason: 'no_longer_in_child_labour', on: today, note: '' };
  return { reason: str(form, 'reason'), on: str(form, 'on').trim(), note: str(form, 'note') };
}

export function closeInput(v: View, values: CloseValues): { ok: true; input: CloseInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!(CLOSURE_REASONS as readonly string[]).includes(values.reason)) errors.push({ id: CLOSE_IDS.reason, message: v.t.casesCloseReason });
  if (dayNumber(values.on) === null) errors.push({ id: CLOSE_IDS.on, message: v.t.casesNewBadDate(v.t.casesCloseOn) });
  if (errors.length) return { ok: false, errors };
  return { ok: true, input: { reason: values.reason as ClosureReason, on: values.on, note: values.note.trim() || null } };
}

/** The refusal in the page's language when the rule is known; the service's own words otherwise. */
export function refusalMessage(v: View, issue: FieldIssue, kase: CaseView): { text: string; lang: 'en' | null } {
  const words = issue.rule ? v.t.casesRefusal[issue.rule] : undefined;
  if (!words) return { text: issue.message, lang: v.lang === 'en' ? null : 'en' };
  if (issue.rule === 'too-few-clear-visits') return { text: words(v.f.number(kase.clearVisits), v.f.number(2)), lang: null };
  if (issue.rule === 'too-few-attempts') return { text: issue.message, lang: v.lang === 'en' ? null : 'en' };
  return { text: words('', ''), lang: null };
}

export interface CloseFormData {
  kase: CaseView;
  access: CaseAccess;
  values: CloseValues;
  errors: FieldError[];
  /** The closure rule's refusal, shown beside the form. */
  refusal: { text: string; lang: 'en' | null } | null;
  today: string;
}

export function renderCloseForm(v: View, d: CloseFormData): string {
  const { t } = v;
  const k = d.kase;
  const title = t.casesCloseTitle(v.f.number(k.caseNumber));
  const closed = k.status === 'closed';
  const onError = errorFor(d.errors, CLOSE_IDS.on);
  const refusal = d.refusal
    ? html`<div class="error-summary case-refusal" role="alert" aria-labelledby="close-refused-title" tabindex="-1">
<h2 id="close-refused-title">${t.casesCloseRefused}</h2>
<p${d.refusal.lang ? html` lang="${d.refusal.lang}"` : null}>${d.refusal.text}</p>
</div>`
    : null;
  const form = closed
    ? html`<p>${t.casesCloseAlready}</p>`
    : html`<p>${t.casesCloseIntro}</p>
<p>${t.casesClearVisits}: <strong>${v.f.number(k.clearVisits)}</strong></p>
<form method="post" action="${caseHref(v, k.id, '/close')}" class="edit-form" novalidate>
${csrfInput(v)}
${selectControl(
  v,
  { id: CLOSE_IDS.reason, name: 'reason', label: t.casesCloseReason },
  CLOSURE_REASONS.map((r) => ({ value: r, label: t.casesClosureReason[r] })),
  d.values.reason,
  d.errors,
)}
<div class="field${onError ? ' field-has-error' : ''}"><label for="${CLOSE_IDS.on}">${t.casesCloseOn}</label>
${fieldError(v, onError)}
<input type="date" id="${CLOSE_IDS.on}" name="on" value="${d.values.on}" max="${d.today}" class="input-date"${onError ? html` aria-invalid="true" aria-describedby="${CLOSE_IDS.on}-error"` : null}></div>
${textareaControl(v, { id: CLOSE_IDS.note, name: 'note', label: t.casesCloseNote, optional: true, hint: t.casesCloseNoteHint }, d.values.note, d.errors, { rows: 3, maxlength: 1000 })}
<div class="field"><button type="submit">${t.casesCloseSubmit}</button></div>
</form>`;
  const body = html`<h1>${title}</h1>
${refusal}
${errorSummary(v, d.errors)}
${form}
${caseNav(v, k.id, k.unitId, 'close', { ...d.access, closed })}`;
  return layout(v, { title, section: null, body });
}
