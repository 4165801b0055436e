import { canWrite } from '../../domain/access/policy.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import { INSTRUMENT_CATEGORIES, type InstrumentCategory } from '../../domain/instrument.ts';
import { MAX_REASON_LENGTH, MAX_SOURCE_LENGTH } from '../../services/edit-service.ts';
import type { GroupYearInput, RuleSetInput } from '../../services/reporting-input.ts';
import type { ReportingRules } from '../../services/reporting-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { tableRegion } from '../views/components.ts';
import {
  type Choice,
  csrfInput,
  fieldErrorsFrom,
  selectControl,
  statusNotice,
  textareaControl,
  textControl,
} from '../views/edit-fields.ts';
import { errorSummary, type FieldError } from '../views/forms.ts';
import { type HistoryBlock, historySection } from '../views/history.ts';
import { layout } from '../views/layout.ts';
import { labelCells, STACKED_TABLE } from '../views/stacked-table.ts';
import type { View } from '../views/view.ts';

export const RULE_SET_FIELD_IDS = {
  id: 'rs-id',
  category: 'rs-category',
  cycleYears: 'rs-cycle',
  sinceYear: 'rs-since',
  untilYear: 'rs-until',
  notes: 'rs-notes',
  source: 'rs-source',
  reason: 'rs-reason',
} as const;

export const GROUP_FIELD_IDS = {
  ruleSetId: 'gy-rule-set',
  label: 'gy-label',
  firstLetter: 'gy-first',
  lastLetter: 'gy-last',
  subject: 'gy-subject',
  baseYear: 'gy-base',
  source: 'gy-source',
  reason: 'gy-reason',
} as const;

type Values<T> = Record<keyof T, string>;
export type RuleSetValues = Values<typeof RULE_SET_FIELD_IDS>;
export type GroupValues = Values<typeof GROUP_FIELD_IDS>;

const text = (form: Record<string, unknown>, name: string): string => (typeof form[name] === 'string' ? (form[name] as string) : '');

export function parseRuleSetForm(form: Record<string, unknown>): RuleSetValues {
  const out = {} as RuleSetValues;
  for (const k of Object.keys(RULE_SET_FIELD_IDS) as (keyof RuleSetValues)[]) out[k] = text(form, k);
  return out;
}

export function parseGroupForm(form: Record<string, unknown>): GroupValues {
  const out = {} as GroupValues;
  for (const k of Object.keys(GROUP_FIELD_IDS) as (keyof GroupValues)[]) out[k] = text(form, k);
  return out;
}

/** '' is no year (null); anything else that is not four digits reaches the service as NaN and is refused there. */
const year = (raw: string): number | null => (raw.trim() === '' ? null : /^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN);

export function ruleSetInput(values: RuleSetValues): RuleSetInput {
  return {
    id: values.id.trim(),
    category: values.category as InstrumentCategory,
    cycleYears: year(values.cycleYears) ?? Number.NaN,
    sinceYear: year(values.sinceYear) ?? Number.NaN,
    untilYear: year(values.untilYear),
    notes: values.notes,
    source: values.source,
    reason: values.reason,
  };
}

export function groupInput(values: GroupValues): GroupYearInput {
  return {
    ruleSetId: values.ruleSetId,
    label: values.label,
    firstLetter: values.firstLetter,
    lastLetter: values.lastLetter,
    subject: values.subject,
    baseYear: year(values.baseYear) ?? Number.NaN,
    source: values.source,
    reason: values.reason,
  };
}

export function ruleErrors(v: View, issues: readonly FieldIssue[], ids: Readonly<Record<string, string>>, source: string): FieldError[] {
  const e = v.t.editError;
  const message = (field: string): string => {
    if (field === 'source') return source.trim() ? e.tooLong(v.f.number(MAX_SOURCE_LENGTH)) : e.sourceMissing;
    if (field === 'reason') return e.tooLong(v.f.number(MAX_REASON_LENGTH));
    if (['sinceYear', 'untilYear', 'baseYear'].includes(field)) return v.t.yearInvalid;
    return issues.find((i) => i.field === field)?.message ?? v.t.ruleFieldError(field);
  };
  return fieldErrorsFrom(issues, ids, message, ids.source ?? 'rs-source');
}

export interface RulesPageData {
  rules: ReportingRules;
  ruleSetForm: { values: RuleSetValues; errors: readonly FieldError[] } | null;
  groupForm: { values: GroupValues; errors: readonly FieldError[] } | null;
  notice: 'saved' | 'unchanged' | null;
  history: HistoryBlock | null;
}

const emptyValues = <T extends object>(ids: T): Values<T> => Object.fromEntries(Object.keys(ids).map((k) => [k, ''])) as Values<T>;

function ruleSetsTable(v: View, rules: ReportingRules): SafeHtml {
  const { t } = v;
  if (!rules.ruleSets.length) return html`<p>${t.noRuleSets}</p>`;
  const labels = [t.colRuleCategory, t.colCycle, t.colValidity, t.colSourceOf];
  return tableRegion(
    'rule-sets-caption',
    html`<table class="${STACKED_TABLE}"><caption id="rule-sets-caption">${t.ruleSetsCaption}</caption>
<thead><tr><th scope="col">${t.colRuleSet}</th><th scope="col">${t.colRuleCategory}</th><th scope="col">${t.colCycle}</th><th scope="col">${t.colValidity}</th><th scope="col">${t.colSourceOf}</th></tr></thead>
<tbody>${rules.ruleSets.map((r) =>
      labelCells(
        labels,
        html`<tr><th scope="row">${r.id}</th><td>${t.category[r.category]}</td><td>${t.cycleYears(v.f.number(r.cycleYears))}</td><td>${r.untilYear === null ? t.validFrom(String(r.sinceYear)) : t.validFromTo(String(r.sinceYear), String(r.untilYear))}</td><td lang="en">${r.source}</td></tr>`,
      ),
    )}</tbody></table>`,
  );
}

function groupsTable(v: View, rules: ReportingRules): SafeHtml {
  const { t } = v;
  if (!rules.groups.length) return html`<p>${t.noGroupYears}</p>`;
  const labels = [t.colGroup, t.colLetters, t.colSubject, t.colBaseYear, t.colSourceOf];
  return tableRegion(
    'groups-caption',
    html`<table class="${STACKED_TABLE}"><caption id="groups-caption">${t.groupYearsCaption}</caption>
<thead><tr><th scope="col">${t.colRuleSet}</th><th scope="col">${t.colGroup}</th><th scope="col">${t.colLetters}</th><th scope="col">${t.colSubject}</th><th scope="col">${t.colBaseYear}</th><th scope="col">${t.colSourceOf}</th></tr></thead>
<tbody>${rules.groups.map((g) =>
      labelCells(
        labels,
        html`<tr><th scope="row">${g.ruleSetId}</th><td>${g.label}</td><td>${g.firstLetter}–${g.lastLetter}</td><td>${g.subject ?? t.anySubject}</td><td>${String(g.baseYear)}</td><td lang="en">${g.source}</td></tr>`,
      ),
    )}</tbody></table>`,
  );
}

function citationFields(
  v: View,
  ids: { source: string; reason: string },
  values: { source: string; reason: string },
  errors: readonly FieldError[],
): SafeHtml {
  const { t } = v;
  return html`${textControl(v, { id: ids.source, name: 'source', label: t.fieldSource, hint: t.fieldSourceHint }, values.source, errors, { maxlength: MAX_SOURCE_LENGTH })}
${textareaControl(v, { id: ids.reason, name: 'reason', label: t.fieldReason, hint: t.fieldReasonHint, optional: true }, values.reason, errors, { maxlength: MAX_REASON_LENGTH })}`;
}

function forms(v: View, data: RulesPageData): SafeHtml | null {
  const { t, lang } = v;
  if (!canWrite(v.session?.actor ?? null, { kind: 'secretariat_record' }).allowed) return null;
  const rs = data.ruleSetForm ?? { values: emptyValues(RULE_SET_FIELD_IDS), errors: [] };
  const gy = data.groupForm ?? { values: emptyValues(GROUP_FIELD_IDS), errors: [] };
  const r = RULE_SET_FIELD_IDS;
  const g = GROUP_FIELD_IDS;
  const categories: Choice[] = [{ value: '', label: '–' }, ...INSTRUMENT_CATEGORIES.map((c) => ({ value: c, label: t.category[c] }))];
  const ruleSets: Choice[] = [{ value: '', label: '–' }, ...data.rules.ruleSets.map((s) => ({ value: s.id, label: s.id }))];
  const short = { maxlength: 4, className: 'input-short', spellcheck: false } as const;
  const groupForm = data.rules.ruleSets.length
    ? html`<form class="edit-form" method="post" action="/${lang}/obligations/rules/group-year" novalidate>
${csrfInput(v)}
${errorSummary(v, gy.errors)}
${selectControl(v, { id: g.ruleSetId, name: 'ruleSetId', label: t.fieldRuleSet }, ruleSets, gy.values.ruleSetId, gy.errors)}
${textControl(v, { id: g.label, name: 'label', label: t.fieldGroupLabel, hint: t.fieldGroupLabelHint }, gy.values.label, gy.errors, { maxlength: 20 })}
${textControl(v, { id: g.firstLetter, name: 'firstLetter', label: t.fieldFirstLetter }, gy.values.firstLetter, gy.errors, { maxlength: 1, className: 'input-short' })}
${textControl(v, { id: g.lastLetter, name: 'lastLetter', label: t.fieldLastLetter }, gy.values.lastLetter, gy.errors, { maxlength: 1, className: 'input-short' })}
${textControl(v, { id: g.subject, name: 'subject', label: t.fieldSubject, hint: t.fieldSubjectHint, optional: true }, gy.values.subject, gy.errors, { maxlength: 500 })}
${textControl(v, { id: g.baseYear, name: 'baseYear', label: t.fieldBaseYear }, gy.values.baseYear, gy.errors, { ...short, inputmode: 'numeric' })}
${citationFields(v, g, gy.values, gy.errors)}
<button type="submit">${t.saveGroupYear}</button>
</form>`
    : html`<p>${t.enterRuleSetFirst}</p>`;
  return html`<section aria-labelledby="rule-set-form-heading">
<h2 id="rule-set-form-heading">${t.ruleSetFormHeading}</h2>
${errorSummary(v, rs.errors)}
<form class="edit-form" method="post" action="/${lang}/obligations/rules/rule-set" novalidate>
${csrfInput(v)}
${textControl(v, { id: r.id, name: 'id', label: t.fieldRuleSetId, hint: t.fieldRuleSetIdHint }, rs.values.id, rs.errors, { maxlength: 60, spellcheck: false })}
${selectControl(v, { id: r.category, name: 'category', label: t.fieldCategory }, categories, rs.values.category, rs.errors)}
${textControl(v, { id: r.cycleYears, name: 'cycleYears', label: t.fieldCycleYears }, rs.values.cycleYears, rs.errors, { ...short, maxlength: 2, inputmode: 'numeric' })}
${textControl(v, { id: r.sinceYear, name: 'sinceYear', label: t.fieldSinceYear }, rs.values.sinceYear, rs.errors, { ...short, inputmode: 'numeric' })}
${textControl(v, { id: r.untilYear, name: 'untilYear', label: t.fieldUntilYear, hint: t.fieldUntilYearHint, optional: true }, rs.values.untilYear, rs.errors, { ...short, inputmode: 'numeric' })}
${textControl(v, { id: r.notes, name: 'notes', label: t.fieldNotes, optional: true }, rs.values.notes, rs.errors, { maxlength: 500 })}
${citationFields(v, r, rs.values, rs.errors)}
<button type="submit">${t.saveRuleSet}</button>
</form>
</section>
<section aria-labelledby="group-form-heading">
<h2 id="group-form-heading">${t.groupYearFormHeading}</h2>
${groupForm}
</section>`;
}

/** The calendar rules entered so far, and (for the secretariat) the forms to enter them. */
export function renderReportingRules(v: View, data: RulesPageData): string {
  const { t, lang } = v;
  const notice =
    data.notice === 'saved' ? statusNotice(t.savedNotice) : data.notice === 'unchanged' ? statusNotice(t.unchangedNotice) : null;
  const failed = (data.ruleSetForm?.errors.length ?? 0) + (data.groupForm?.errors.length ?? 0) > 0;
  const body = html`<p class="breadcrumb"><a href="/${lang}/obligations">${t.dashboardTitle}</a></p>
<h1>${t.rulesTitle}</h1>
${notice}
<p>${t.rulesIntro}</p>
<section aria-labelledby="rule-sets-heading"><h2 id="rule-sets-heading">${t.ruleSetsCaption}</h2>${ruleSetsTable(v, data.rules)}</section>
<section aria-labelledby="groups-heading"><h2 id="groups-heading">${t.groupYearsCaption}</h2>${groupsTable(v, data.rules)}</section>
${forms(v, data)}
${historySection(v, data.history)}`;
  return layout(v, { title: failed ? t.errorTitlePrefix(t.rulesTitle) : t.rulesTitle, section: null, body });
}
