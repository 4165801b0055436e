import { dayNumber } from '../../domain/child-labour/cases/types.ts';
import type { CaseAccess, CaseView, VisitInput } from '../../services/cases/case-types.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfInput, errorFor, textareaControl } from '../views/edit-fields.ts';
import { errorSummary, type FieldError, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';
import { caseHref, caseNav, childLine } from './case-parts.ts';

/*
 * THE visit form (issue 11): a monitor fills it on a phone at 390 px on a slow connection. So: one
 * date (today already in it, a native date picker), three yes/no questions as large radio buttons,
 * optional notes, one button. No script; the whole page is a few kilobytes.
 */

export interface VisitValues {
  visitedOn: string;
  found: string;
  inWork: string;
  atSchool: string;
  notes: string;
}

export const VISIT_IDS = {
  visitedOn: 'visit-date',
  found: 'visit-found',
  inWork: 'visit-in-work',
  atSchool: 'visit-at-school',
  notes: 'visit-notes',
} as const;

const str = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');

export function visitValues(form: Record<string, unknown> | null, today: string): VisitValues {
  if (!form) return { visitedOn: today, found: 'yes', inWork: '', atSchool: '', notes: '' };
  return {
    visitedOn: str(form, 'visitedOn').trim(),
    found: str(form, 'found'),
    inWork: str(form, 'inWork'),
    atSchool: str(form, 'atSchool'),
    notes: str(form, 'notes'),
  };
}

const yes = (s: string) => (s === 'yes' ? true : s === 'no' ? false : null);

/** The form's answers as the service's input, or the questions left unanswered. */
export function visitInput(
  v: View,
  values: VisitValues,
  today: string,
): { ok: true; input: VisitInput } | { ok: false; errors: FieldError[] } {
  const { t } = v;
  const errors: FieldError[] = [];
  const day = dayNumber(values.visitedOn);
  const limit = dayNumber(today);
  if (day === null || (limit !== null && day > limit)) errors.push({ id: VISIT_IDS.visitedOn, message: t.casesVisitBadDate });
  const found = yes(values.found);
  if (found === null) errors.push({ id: VISIT_IDS.found, message: t.casesVisitNeedAnswer(t.casesVisitFound) });
  const inWork = yes(values.inWork);
  const atSchool = yes(values.atSchool);
  if (found === true && inWork === null) errors.push({ id: VISIT_IDS.inWork, message: t.casesVisitNeedAnswer(t.casesVisitInWork) });
  if (errors.length) return { ok: false, errors };
  const notes = values.notes.trim() || null;
  if (found === false) {
    return {
      ok: true,
      input: { visitedOn: values.visitedOn, kind: 'attempt', childFound: false, inChildLabour: null, atSchool: null, notes },
    };
  }
  return { ok: true, input: { visitedOn: values.visitedOn, kind: 'follow_up', childFound: true, inChildLabour: inWork, atSchool, notes } };
}

function yesNoRadios(
  v: View,
  id: string,
  name: string,
  legend: string,
  value: string,
  errors: readonly FieldError[],
  noLabel?: string,
): SafeHtml {
  const error = errorFor(errors, id);
  const choices = [
    { value: 'yes', label: v.t.casesYes },
    { value: 'no', label: noLabel ?? v.t.casesNo },
  ];
  return html`<fieldset class="group case-choice${error ? ' field-has-error' : ''}"${error ? html` aria-describedby="${id}-error"` : null}>
<legend>${legend}</legend>
${fieldError(v, error)}
${choices.map((c, i) => {
  const cid = i === 0 ? id : `${id}-${c.value}`;
  return html`<div class="field checkbox"><input type="radio" id="${cid}" name="${name}" value="${c.value}"${value === c.value ? html` checked` : null}${error ? html` aria-invalid="true"` : null}><label for="${cid}">${c.label}</label></div>`;
})}
</fieldset>`;
}

export interface VisitFormData {
  kase: CaseView;
  access: CaseAccess;
  values: VisitValues;
  errors: FieldError[];
  today: string;
}

export function renderVisitForm(v: View, d: VisitFormData): string {
  const { t } = v;
  const k = d.kase;
  const title = t.casesVisitTitle(v.f.number(k.caseNumber));
  const dateError = errorFor(d.errors, VISIT_IDS.visitedOn);
  const body = html`<h1>${title}</h1>
${errorSummary(v, d.errors)}
<p>${childLine(v, k)}${k.identifying && k.name ? html` – ${k.name}` : null}</p>
<p>${t.casesVisitIntro}</p>
<form method="post" action="${caseHref(v, k.id, '/visit')}" class="edit-form case-visit" novalidate>
${csrfInput(v)}
<div class="field${dateError ? ' field-has-error' : ''}"><label for="${VISIT_IDS.visitedOn}">${t.casesVisitDate}</label>
${fieldError(v, dateError)}
<input type="date" id="${VISIT_IDS.visitedOn}" name="visitedOn" value="${d.values.visitedOn}" max="${d.today}" class="input-date" required${dateError ? html` aria-invalid="true" aria-describedby="${VISIT_IDS.visitedOn}-error"` : null}></div>
${yesNoRadios(v, VISIT_IDS.found, 'found', t.casesVisitFound, d.values.found, d.errors, t.casesVisitFoundNo)}
${yesNoRadios(v, VISIT_IDS.inWork, 'inWork', t.casesVisitInWork, d.values.inWork, d.errors)}
${yesNoRadios(v, VISIT_IDS.atSchool, 'atSchool', t.casesVisitAtSchool, d.values.atSchool, d.errors)}
${textareaControl(v, { id: VISIT_IDS.notes, name: 'notes', label: t.casesVisitNotes, optional: true }, d.values.notes, d.errors, { rows: 3, maxlength: 2000 })}
<div class="field"><button type="submit">${t.casesVisitSave}</button></div>
</form>
${caseNav(v, k.id, k.unitId, 'visit', { ...d.access, closed: k.status === 'closed' })}`;
  return layout(v, { title, section: null, body });
}
