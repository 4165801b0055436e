import type { FieldIssue } from '../../domain/errors.ts';
import { CREDENTIAL_STATUSES, DELEGATE_ROLES, DELEGATION_GROUPS, type Delegation } from '../../domain/governance/delegation.ts';
import type { ConferenceSession } from '../../domain/governance/session.ts';
import { VOTE_KINDS } from '../../domain/governance/vote.ts';
import type { DelegationInput, SessionInput, VoteInput } from '../../services/conference-service.ts';
import { MAX_REASON_LENGTH, MAX_SOURCE_LENGTH } from '../../services/edit-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { csrfInput, selectControl, textareaControl, textControl } from '../views/edit-fields.ts';
import { errorSummary, type FieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

/* The secretariat's and focal points' forms for sessions, delegations and votes (plain POST + CSRF, no script). */

type Form = Record<string, unknown>;
const text = (form: Form, name: string): string => (typeof form[name] === 'string' ? (form[name] as string) : '');
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const numberOrUndefined = (s: string): number | undefined =>
  s.trim() === '' ? undefined : /^-?\d{1,9}$/.test(s.trim()) ? Number(s) : Number.NaN;

/** A refused change's problems next to their controls: `idOf` maps the service's field names to control ids. */
export function conferenceErrors(v: View, issues: readonly FieldIssue[], idOf: (field: string) => string): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const id = idOf(issue.field);
    if (seen.has(id)) continue;
    seen.add(id);
    const own = v.t.confFieldMessage(issue.field.replace(/\[\d+\]/g, ''));
    out.push({ id, message: own ?? v.t.confFieldProblem(issue.field, issue.message) });
  }
  return out;
}

function citationControls(v: View, prefix: string, values: { source: string; reason: string }, errors: readonly FieldError[]): SafeHtml {
  const { t } = v;
  return html`${textControl(
    v,
    { id: `${prefix}-source`, name: 'source', label: t.fieldSource, hint: t.fieldSourceHint },
    values.source,
    errors,
    {
      maxlength: MAX_SOURCE_LENGTH,
    },
  )}
${textareaControl(
  v,
  { id: `${prefix}-reason`, name: 'reason', label: t.fieldReason, hint: t.fieldReasonHint, optional: true },
  values.reason,
  errors,
  {
    maxlength: MAX_REASON_LENGTH,
  },
)}`;
}

function page(v: View, heading: string, back: string, errors: readonly FieldError[], form: SafeHtml): string {
  const { t } = v;
  const body = html`<p class="breadcrumb"><a href="${back}">${t.confBackToList}</a></p>
<h1>${heading}</h1>
<p>${t.editIntro}</p>
${errorSummary(v, errors)}
${form}
<p><a href="${back}">${t.cancelEdit}</a></p>`;
  return layout(v, { title: errors.length ? t.errorTitlePrefix(heading) : heading, section: 'conference', body });
}

// ─── Session ──────────────────────────────────────────────────────────────────────────────────

export interface SessionFormValues {
  year: string;
  openingDate: string;
  closingDate: string;
  place: string;
  agenda: string;
  source: string;
  reason: string;
}

export function sessionValues(s: ConferenceSession): SessionFormValues {
  return {
    year: s.year === null ? '' : String(s.year),
    openingDate: s.openingDate ?? '',
    closingDate: s.closingDate ?? '',
    place: s.place ?? '',
    agenda: s.agenda.map((i) => (i.instrument ? `${i.instrument}: ${i.text}` : i.text)).join('\n'),
    source: '',
    reason: '',
  };
}

export function parseSessionForm(form: Form): SessionFormValues {
  const names = ['year', 'openingDate', 'closingDate', 'place', 'agenda', 'source', 'reason'] as const;
  return Object.fromEntries(names.map((n) => [n, text(form, n)])) as unknown as SessionFormValues;
}

export function sessionInput(values: SessionFormValues, number: number): SessionInput {
  const year = numberOrUndefined(values.year);
  return {
    number,
    year: year === undefined ? null : year,
    openingDate: orNull(values.openingDate),
    closingDate: orNull(values.closingDate),
    place: orNull(values.place),
    agenda: values.agenda
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const m = /^([CPRcpr]\d{1,3})\s*:\s*(.+)$/.exec(line);
        return m ? { instrument: m[1] as string, text: m[2] as string } : { text: line, instrument: null };
      }),
    source: values.source,
    reason: values.reason,
  };
}

const SESSION_IDS: Record<string, string> = {
  year: 's-year',
  openingDate: 's-opening',
  closingDate: 's-closing',
  place: 's-place',
  source: 's-source',
  reason: 's-reason',
};
export const sessionFieldId = (field: string) => SESSION_IDS[field] ?? (field.startsWith('agenda') ? 's-agenda' : 's-source');

export function renderSessionEdit(v: View, n: number, values: SessionFormValues, errors: readonly FieldError[]): string {
  const { t, lang } = v;
  const back = `/${lang}/conference/${n}`;
  const form = html`<form class="edit-form" method="post" action="${back}/edit" novalidate>
${csrfInput(v)}
${textControl(v, { id: 's-year', name: 'year', label: t.confFieldYear, optional: true }, values.year, errors, { inputmode: 'numeric', maxlength: 4, className: 'input-short' })}
${textControl(v, { id: 's-opening', name: 'openingDate', label: t.confFieldOpening, hint: t.confFieldDateHint, optional: true }, values.openingDate, errors, { maxlength: 10, spellcheck: false })}
${textControl(v, { id: 's-closing', name: 'closingDate', label: t.confFieldClosing, hint: t.confFieldDateHint, optional: true }, values.closingDate, errors, { maxlength: 10, spellcheck: false })}
${textControl(v, { id: 's-place', name: 'place', label: t.confFieldPlace, optional: true }, values.place, errors, { maxlength: 200 })}
${textareaControl(v, { id: 's-agenda', name: 'agenda', label: t.confFieldAgenda, hint: t.confFieldAgendaHint, optional: true }, values.agenda, errors, { rows: 8 })}
${citationControls(v, 's', values, errors)}
<button type="submit">${t.saveChange}</button>
</form>`;
  return page(v, t.confEditSessionTitle(n), back, errors, form);
}

// ─── Delegation ───────────────────────────────────────────────────────────────────────────────

export const BLANK_DELEGATE_ROWS = 4;
export const MAX_DELEGATE_ROWS = 200;

export interface DelegateRow {
  id: string;
  name: string;
  group: string;
  role: string;
  credentials: string;
}

export interface DelegationFormValues {
  rows: DelegateRow[];
  inArrears: boolean;
  arrearsVotingPermitted: boolean;
  source: string;
  reason: string;
}

const blankRow = (): DelegateRow => ({ id: '', name: '', group: 'government', role: 'delegate', credentials: 'accepted' });

export function delegationValues(d: Delegation | null): DelegationFormValues {
  const rows = (d?.delegates ?? []).map((p) => ({ ...p }) as DelegateRow);
  for (let i = 0; i < BLANK_DELEGATE_ROWS; i++) rows.push(blankRow());
  return { rows, inArrears: d?.inArrears ?? false, arrearsVotingPermitted: d?.arrearsVotingPermitted ?? false, source: '', reason: '' };
}

export function parseDelegationForm(form: Form): DelegationFormValues {
  const count = Math.min(MAX_DELEGATE_ROWS, Math.max(0, Number.parseInt(text(form, 'rows'), 10) || 0));
  const rows: DelegateRow[] = [];
  for (let i = 0; i < count; i++)
    rows.push({
      id: text(form, `id-${i}`),
      name: text(form, `name-${i}`),
      group: text(form, `group-${i}`),
      role: text(form, `role-${i}`),
      credentials: text(form, `credentials-${i}`),
    });
  return {
    rows,
    inArrears: text(form, 'inArrears') === 'on',
    arrearsVotingPermitted: text(form, 'arrearsVotingPermitted') === 'on',
    source: text(form, 'source'),
    reason: text(form, 'reason'),
  };
}

/** Rows with a name, in order; `index` maps each delegate of the input back to its form row. */
export function delegationInput(
  values: DelegationFormValues,
  session: number,
  country: string,
): { input: DelegationInput; index: number[] } {
  const index: number[] = [];
  const delegates = values.rows.flatMap((r, i) => {
    if (!r.name.trim()) return [];
    index.push(i);
    return [{ id: orNull(r.id), name: r.name, group: r.group, role: r.role, credentials: orNull(r.credentials) }];
  });
  return {
    input: {
      session,
      country,
      delegates,
      inArrears: values.inArrears,
      arrearsVotingPermitted: values.arrearsVotingPermitted,
      source: values.source,
      reason: values.reason,
    },
    index,
  };
}

export function delegationFieldId(index: readonly number[]) {
  return (field: string): string => {
    const m = /^delegates\[(\d+)\]\.(\w+)$/.exec(field);
    if (m) return `d-${index[Number(m[1])] ?? 0}-${m[2] === 'id' ? 'name' : m[2]}`;
    if (field === 'inArrears' || field === 'arrearsVotingPermitted') return field === 'inArrears' ? 'd-arrears' : 'd-permitted';
    if (field === 'reason') return 'd-reason';
    return field === 'delegates' ? 'd-0-name' : 'd-source';
  };
}

function checkbox(id: string, name: string, label: string, checked: boolean): SafeHtml {
  return html`<div class="field checkbox"><input type="checkbox" id="${id}" name="${name}"${checked ? html` checked` : null}><label for="${id}">${label}</label></div>`;
}

export function renderDelegationEdit(
  v: View,
  n: number,
  country: { iso3: string; name: string },
  values: DelegationFormValues,
  errors: readonly FieldError[],
): string {
  const { t, lang, f } = v;
  const back = `/${lang}/conference/${n}`;
  const choices = <K extends string>(list: readonly K[], labels: Record<K, string>) =>
    list.map((value) => ({ value, label: labels[value] }));
  const rows = values.rows.map(
    (r, i) => html`<fieldset class="group"><legend>${t.confDelegateLegend(f.number(i + 1))}${r.id ? html` (${r.id})` : null}</legend>
<input type="hidden" name="id-${i}" value="${r.id}">
${textControl(v, { id: `d-${i}-name`, name: `name-${i}`, label: t.confFieldName, optional: true }, r.name, errors, { maxlength: 200 })}
${selectControl(v, { id: `d-${i}-group`, name: `group-${i}`, label: t.confFieldGroup }, choices(DELEGATION_GROUPS, t.confGroupTitle), r.group, errors)}
${selectControl(v, { id: `d-${i}-role`, name: `role-${i}`, label: t.confFieldRole }, choices(DELEGATE_ROLES, t.confRole), r.role, errors)}
${selectControl(v, { id: `d-${i}-credentials`, name: `credentials-${i}`, label: t.confFieldCredentials }, choices(CREDENTIAL_STATUSES, t.confCredentials), r.credentials || 'accepted', errors)}
</fieldset>`,
  );
  const form = html`<form class="edit-form" method="post" action="${back}/delegations/${country.iso3}/edit" novalidate>
${csrfInput(v)}
<input type="hidden" name="rows" value="${values.rows.length}">
<p class="hint">${t.confDelegateHint}</p>
${rows}
${checkbox('d-arrears', 'inArrears', t.confFieldInArrears, values.inArrears)}
${checkbox('d-permitted', 'arrearsVotingPermitted', t.confFieldPermitted, values.arrearsVotingPermitted)}
${citationControls(v, 'd', values, errors)}
<button type="submit">${t.saveChange}</button>
</form>`;
  return page(v, t.confEditDelegationTitle(country.name, n), back, errors, form);
}

// ─── Vote ─────────────────────────────────────────────────────────────────────────────────────

export interface VoteFormValues {
  kind: string;
  date: string;
  agendaItem: string;
  for: string;
  against: string;
  abstain: string;
  delegatesAttending: string;
  ballots: string;
  instrumentCode: string;
  instrumentTitle: string;
  notes: string;
  source: string;
  reason: string;
}

const VOTE_FIELDS = [
  'kind',
  'date',
  'agendaItem',
  'for',
  'against',
  'abstain',
  'delegatesAttending',
  'ballots',
  'instrumentCode',
  'instrumentTitle',
  'notes',
  'source',
  'reason',
] as const;

export const emptyVoteValues = (): VoteFormValues =>
  Object.fromEntries(VOTE_FIELDS.map((n) => [n, n === 'kind' ? 'ordinary' : ''])) as unknown as VoteFormValues;

export function parseVoteForm(form: Form): VoteFormValues {
  return Object.fromEntries(VOTE_FIELDS.map((n) => [n, text(form, n)])) as unknown as VoteFormValues;
}

export function voteInput(values: VoteFormValues, session: number): VoteInput {
  const ballots = values.ballots
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [delegateId = '', vote = ''] = l.split(/[\s,;]+/);
      return { delegateId, vote: vote.toLowerCase() as 'for' };
    });
  const code = orNull(values.instrumentCode);
  return {
    session,
    kind: values.kind as VoteInput['kind'],
    date: values.date.trim(),
    agendaItem: numberOrUndefined(values.agendaItem) ?? null,
    for: ballots.length ? undefined : numberOrUndefined(values.for),
    against: ballots.length ? undefined : numberOrUndefined(values.against),
    abstain: ballots.length ? undefined : numberOrUndefined(values.abstain),
    delegatesAttending: numberOrUndefined(values.delegatesAttending) ?? Number.NaN,
    ballots: ballots.length ? ballots : null,
    instrument: code ? { code, titleEn: orNull(values.instrumentTitle) } : null,
    notes: orNull(values.notes),
    source: values.source,
    reason: values.reason,
  };
}

const VOTE_IDS: Record<string, string> = {
  kind: 'v-kind',
  date: 'v-date',
  agendaItem: 'v-item',
  for: 'v-for',
  against: 'v-against',
  abstain: 'v-abstain',
  delegatesAttending: 'v-attending',
  'instrument.code': 'v-icode',
  'instrument.type': 'v-icode',
  instrument: 'v-icode',
  'instrument.titleEn': 'v-ititle',
  notes: 'v-notes',
  source: 'v-source',
  reason: 'v-reason',
};
export const voteFieldId = (field: string) => VOTE_IDS[field] ?? (field.startsWith('ballots') ? 'v-ballots' : 'v-source');

export function renderVoteForm(v: View, s: ConferenceSession, values: VoteFormValues, errors: readonly FieldError[]): string {
  const { t, lang, f } = v;
  const back = `/${lang}/conference/${s.number}`;
  const numeric = { inputmode: 'numeric' as const, maxlength: 6, className: 'input-short' };
  const items = [
    { value: '', label: t.confNoAgendaItem },
    ...s.agenda.map((i) => ({ value: String(i.position), label: `${f.number(i.position)}. ${i.text}`, lang: 'en' })),
  ];
  const form = html`<form class="edit-form" method="post" action="${back}/votes/new" novalidate>
${csrfInput(v)}
${selectControl(
  v,
  { id: 'v-kind', name: 'kind', label: t.confFieldKind },
  VOTE_KINDS.map((k) => ({ value: k, label: t.confVoteKind[k] })),
  values.kind,
  errors,
)}
${textControl(v, { id: 'v-date', name: 'date', label: t.confFieldDate, hint: 'YYYY-MM-DD' }, values.date, errors, { maxlength: 10, spellcheck: false })}
${selectControl(v, { id: 'v-item', name: 'agendaItem', label: t.confFieldAgendaItem, optional: true }, items, values.agendaItem, errors)}
${textControl(v, { id: 'v-for', name: 'for', label: t.confFieldFor }, values.for, errors, numeric)}
${textControl(v, { id: 'v-against', name: 'against', label: t.confFieldAgainst }, values.against, errors, numeric)}
${textControl(v, { id: 'v-abstain', name: 'abstain', label: t.confFieldAbstain }, values.abstain, errors, numeric)}
${textControl(v, { id: 'v-attending', name: 'delegatesAttending', label: t.confFieldAttending }, values.delegatesAttending, errors, numeric)}
${textareaControl(v, { id: 'v-ballots', name: 'ballots', label: t.confFieldBallots, hint: t.confFieldBallotsHint, optional: true }, values.ballots, errors, { rows: 6 })}
${textControl(v, { id: 'v-icode', name: 'instrumentCode', label: t.confFieldInstrumentCode, hint: t.confFieldInstrumentCodeHint, optional: true }, values.instrumentCode, errors, { maxlength: 4, className: 'input-short', spellcheck: false })}
${textControl(v, { id: 'v-ititle', name: 'instrumentTitle', label: t.confFieldInstrumentTitle, optional: true }, values.instrumentTitle, errors, { maxlength: 500 })}
${textControl(v, { id: 'v-notes', name: 'notes', label: t.confFieldNotes, optional: true }, values.notes, errors, { maxlength: 500 })}
${citationControls(v, 'v', values, errors)}
<button type="submit">${t.confRecordVote}</button>
</form>`;
  return page(v, t.confRecordVoteTitle(s.number), back, errors, form);
}
