import { dayNumber } from '../../domain/child-labour/cases/types.ts';
import { ACTION_KINDS } from '../../services/cases/case-input.ts';
import type { ActionInput, CaseAccess, CaseView } from '../../services/cases/case-types.ts';
import { html } from '../html.ts';
import { csrfInput, errorFor, selectControl, statusNotice, textareaControl, textControl } from '../views/edit-fields.ts';
import { errorSummary, type FieldError, fieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';
import { caseHref, caseNav, dayText } from './case-parts.ts';

/*
 * The support plan of a case (issue 11): add an action (kind, responsible party, due date, an
 * optional programme of the registry, optional notes) and mark an action provided, each with its
 * own small form. No script.
 */

export interface ActionValues {
  kind: string;
  responsible: string;
  dueOn: string;
  programmeId: string;
  notes: string;
}

export const ACTION_IDS = {
  kind: 'action-kind',
  responsible: 'action-responsible',
  dueOn: 'action-due',
  programmeId: 'action-programme',
  notes: 'action-notes',
} as const;

const str = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');

export function actionValues(form: Record<string, unknown> | null): ActionValues {
  if (!form) return { kind: ACTION_KINDS[0], responsible: '', dueOn: '', programmeId: '', notes: '' };
  return {
    kind: str(form, 'kind'),
    responsible: str(form, 'responsible'),
    dueOn: str(form, 'dueOn').trim(),
    programmeId: str(form, 'programmeId').trim(),
    notes: str(form, 'notes'),
  };
}

export function actionInput(v: View, values: ActionValues): { ok: true; input: ActionInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!values.responsible.trim()) errors.push({ id: ACTION_IDS.responsible, message: v.t.casesActionNeedResponsible });
  if (dayNumber(values.dueOn) === null) errors.push({ id: ACTION_IDS.dueOn, message: v.t.casesActionBadDue });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      kind: values.kind,
      responsible: values.responsible.trim(),
      dueOn: values.dueOn,
      programmeId: values.programmeId || null,
      notes: values.notes.trim() || null,
    },
  };
}

/** The service's field names on this form's controls. */
export const ACTION_FIELD_IDS: Record<string, string> = {
  kind: ACTION_IDS.kind,
  responsible: ACTION_IDS.responsible,
  dueOn: ACTION_IDS.dueOn,
  programmeId: ACTION_IDS.programmeId,
  notes: ACTION_IDS.notes,
  providedOn: 'provided-on',
};

export interface ActionsPageData {
  kase: CaseView;
  access: CaseAccess;
  values: ActionValues;
  errors: FieldError[];
  today: string;
  notice?: string | null;
}

export function renderActionsPage(v: View, d: ActionsPageData): string {
  const { t } = v;
  const k = d.kase;
  const title = t.casesActionsTitle(v.f.number(k.caseNumber));
  const closed = k.status === 'closed';
  const dueError = errorFor(d.errors, ACTION_IDS.dueOn);
  const providedError = errorFor(d.errors, 'provided-on');
  const list = k.actions.length
    ? html`<ul class="case-action-list">${k.actions.map(
        (
          a,
        ) => html`<li><strong>${t.casesActionKind[a.kind] ?? a.kind}</strong> – ${a.responsible} – ${t.casesDueOn(v.f.date(a.dueOn)?.text ?? a.dueOn)}${a.overdue ? html` <strong class="case-overdue">(${t.casesOverdueMark})</strong>` : null}
${
  a.providedOn
    ? html`<p>${t.casesColProvided}: ${dayText(v, a.providedOn)}</p>`
    : closed
      ? null
      : html`<form method="post" action="${caseHref(v, k.id, `/actions/${a.id}/provided`)}" class="inline-form case-provided">
${csrfInput(v)}
<label for="provided-on-${a.id}">${t.casesActionProvidedOn}</label>
<input type="date" id="provided-on-${a.id}" name="providedOn" value="${d.today}" max="${d.today}" class="input-date">
<button type="submit">${t.casesActionMarkProvided}</button>
</form>`
}</li>`,
      )}</ul>`
    : html`<p>${t.casesNone}</p>`;
  const body = html`<h1>${title}</h1>
${d.notice ? statusNotice(d.notice) : null}
${errorSummary(v, d.errors)}
${providedError ? html`<p class="field-error" id="provided-on">${providedError.message}</p>` : null}
<h2>${t.casesActionsHeading}</h2>
${list}
${
  closed
    ? html`<p>${t.casesCloseAlready}</p>`
    : html`<h2>${t.casesActionAdd}</h2>
<p>${t.casesActionsIntro}</p>
<form method="post" action="${caseHref(v, k.id, '/actions')}" class="edit-form" novalidate>
${csrfInput(v)}
${selectControl(
  v,
  { id: ACTION_IDS.kind, name: 'kind', label: t.casesActionKindLabel },
  ACTION_KINDS.map((kind) => ({ value: kind, label: t.casesActionKind[kind] ?? kind })),
  d.values.kind,
  d.errors,
)}
${textControl(v, { id: ACTION_IDS.responsible, name: 'responsible', label: t.casesActionResponsible }, d.values.responsible, d.errors, { maxlength: 200 })}
<div class="field${dueError ? ' field-has-error' : ''}"><label for="${ACTION_IDS.dueOn}">${t.casesActionDue}</label>
${fieldError(v, dueError)}
<input type="date" id="${ACTION_IDS.dueOn}" name="dueOn" value="${d.values.dueOn}" class="input-date"${dueError ? html` aria-invalid="true" aria-describedby="${ACTION_IDS.dueOn}-error"` : null}></div>
${textControl(v, { id: ACTION_IDS.programmeId, name: 'programmeId', label: t.casesActionProgramme, optional: true }, d.values.programmeId, d.errors, { maxlength: 80, spellcheck: false })}
${textareaControl(v, { id: ACTION_IDS.notes, name: 'notes', label: t.casesActionNotes, optional: true }, d.values.notes, d.errors, { rows: 3, maxlength: 4000 })}
<div class="field"><button type="submit">${t.casesActionAdd}</button></div>
</form>`
}
${caseNav(v, k.id, k.unitId, 'actions', { ...d.access, closed })}`;
  return layout(v, { title, section: null, body });
}
