import { PRIORITY_TIERS } from '../../domain/child-labour/cases/index.ts';
import type { UnitCapabilities } from '../../domain/monitoring/unit-roles.ts';
import { UNIT_ROLES } from '../../domain/monitoring/unit-roles.ts';
import { UNIT_KINDS } from '../../domain/monitoring/unit-settings.ts';
import type { UnitView } from '../../services/cases/case-types.ts';
import type { UnitMemberRecord } from '../../services/cases/unit-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { dateText, tableRegion, unknown } from '../views/components.ts';
import { csrfInput, selectControl, statusNotice, textControl } from '../views/edit-fields.ts';
import { errorSummary, type FieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import { labelCells, STACKED_TABLE } from '../views/stacked-table.ts';
import type { View } from '../views/view.ts';
import { settingsForm, settingsValues } from './unit-settings-form.ts';

/* The monitoring-unit pages (issue 11, decision 211): /{lang}/units and /{lang}/units/{id}. No JavaScript. */

export type FormValues = Record<string, string>;

/** Control ids of the create form, by the service's field names. */
export const CREATE_FIELDS = ['name', 'country', 'kind', 'province', 'district', 'supplyChain', 'commodity'] as const;
export const createFieldId = (name: string) => `unit-${name}`;
export const MEMBER_EMAIL_ID = 'member-email';
export const MEMBER_ROLE_ID = 'member-role';

export type UnitNotice = 'created' | 'added' | 'changed' | 'removed' | 'saved';

export function noticeOf(search: string): UnitNotice | null {
  const done = new URLSearchParams(search).get('done');
  return done === 'created' || done === 'added' || done === 'changed' || done === 'removed' || done === 'saved' ? done : null;
}

function area(v: View, u: UnitView): SafeHtml {
  const parts = [u.province, u.district, u.supplyChain, u.commodity].filter((p): p is string => p !== null);
  return parts.length ? html`${parts.join(', ')}` : unknown(v.t.unitAreaNone);
}

function roleText(v: View, role: string | null): string {
  return role === null ? v.t.unitRolePlatformAdmin : (v.t.unitRole[role] ?? role);
}

export interface UnitListData {
  units: UnitView[];
  canCreate: boolean;
  values: FormValues;
  errors: FieldError[];
  notice: UnitNotice | null;
}

function createForm(v: View, d: UnitListData): SafeHtml {
  const { t, lang } = v;
  const text = (name: (typeof CREATE_FIELDS)[number], options: { maxlength: number; spellcheck?: boolean }) =>
    textControl(v, { id: createFieldId(name), name, label: t.unitField[name] ?? name }, d.values[name] ?? '', d.errors, options);
  return html`<section aria-labelledby="unit-create-heading">
<h2 id="unit-create-heading">${t.unitCreateTitle}</h2>
<p>${t.unitCreateIntro}</p>
<form method="post" action="/${lang}/units" class="edit-form" novalidate>
${csrfInput(v)}
${text('name', { maxlength: 200 })}
${text('country', { maxlength: 3, spellcheck: false })}
${selectControl(
  v,
  { id: createFieldId('kind'), name: 'kind', label: t.unitField.kind ?? 'kind' },
  UNIT_KINDS.map((k) => ({ value: k, label: t.unitKind[k] ?? k })),
  d.values.kind || 'other',
  d.errors,
)}
${text('province', { maxlength: 120 })}
${text('district', { maxlength: 120 })}
${text('supplyChain', { maxlength: 200 })}
${text('commodity', { maxlength: 120 })}
<div class="field"><button type="submit">${t.unitCreateButton}</button></div>
</form>
</section>`;
}

export function renderUnitList(v: View, d: UnitListData): string {
  const { t, lang } = v;
  const labels = [t.unitColName, t.unitColCountry, t.unitColKind, t.unitColArea, t.unitColRole];
  const list = d.units.length
    ? tableRegion(
        'units-caption',
        html`<table class="${STACKED_TABLE}">
<caption id="units-caption">${t.unitsListCaption}</caption>
<thead><tr>${labels.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>
<tbody>
${d.units.map((u) =>
  labelCells(
    labels,
    html`<tr><td><a href="/${lang}/units/${u.id}">${u.name}</a></td><td>${u.country}</td><td>${t.unitKind[u.kind] ?? u.kind}</td><td>${area(v, u)}</td><td>${roleText(v, u.myRole)}</td></tr>`,
  ),
)}
</tbody>
</table>`,
      )
    : html`<p>${d.canCreate ? t.unitsNoneAdmin : t.unitsNone}</p>`;
  const body = html`<h1>${t.unitsTitle}</h1>
${d.notice ? statusNotice(t.unitNotice[d.notice]) : null}
${errorSummary(v, d.errors)}
<p>${t.unitsIntro}</p>
${list}
${d.canCreate ? createForm(v, d) : null}`;
  return layout(v, { title: t.unitsTitle, section: null, body });
}

export interface UnitPageData {
  unit: UnitView;
  caps: UnitCapabilities;
  /** null: the reader may not see the members (a monitor or a viewer). */
  members: UnitMemberRecord[] | null;
  values: FormValues;
  errors: FieldError[];
  notice: UnitNotice | null;
  /** The settings form as sent (after a refusal) or as stored; only for who manages the unit. */
  settingsValues?: FormValues;
  settingsErrors?: FieldError[];
}

function settings(v: View, u: UnitView, form: SafeHtml | null): SafeHtml {
  const { t } = v;
  return html`<section aria-labelledby="unit-settings-heading">
<h2 id="unit-settings-heading">${t.unitSettingsTitle}</h2>
<dl class="facts">
<dt>${t.unitCountry}</dt><dd><a href="/${v.lang}/countries/${u.country}">${u.country}</a></dd>
<dt>${t.unitKindLabel}</dt><dd>${t.unitKind[u.kind] ?? u.kind}</dd>
<dt>${t.unitArea}</dt><dd>${area(v, u)}</dd>
<dt>${t.unitYourRole}</dt><dd>${roleText(v, u.myRole)}</dd>
<dt>${t.unitLostAfter}</dt><dd>${t.unitAttempts(u.lostAfterAttempts)}</dd>
<dt>${t.unitRetention}</dt><dd>${t.unitMonths(u.retentionMonths)}</dd>
</dl>
<h3>${t.unitFollowUpTitle}</h3>
<dl class="facts">
${PRIORITY_TIERS.map((tier) => html`<dt>${t.unitTier[tier] ?? tier}</dt><dd>${t.unitDays(u.followUpDays[tier])}</dd>`)}
</dl>
${form}
</section>`;
}

function work(v: View, u: UnitView, caps: UnitCapabilities): SafeHtml {
  const { t, lang } = v;
  const base = `/${lang}/units/${u.id}`;
  const links: SafeHtml[] = [];
  if (caps.seeCases) {
    links.push(html`<li><a href="${base}/cases">${t.unitLinkCases}</a></li>`);
    links.push(html`<li><a href="${base}/worklist">${t.unitLinkWorklist}</a></li>`);
  }
  if (caps.seeMetrics) links.push(html`<li><a href="${base}/metrics">${t.unitLinkMetrics}</a></li>`);
  if (!links.length) return html``;
  return html`<section aria-labelledby="unit-work-heading">
<h2 id="unit-work-heading">${t.unitWorkTitle}</h2>
<ul>${links}</ul>
</section>`;
}

function roleChoices(v: View) {
  return UNIT_ROLES.map((r) => ({ value: r, label: v.t.unitRole[r] ?? r }));
}

function memberRow(v: View, unitId: number, m: UnitMemberRecord, manage: boolean): SafeHtml {
  const { t, lang } = v;
  const action = `/${lang}/units/${unitId}/members/${m.userId}`;
  const selectId = `role-${m.userId}`;
  const change = manage
    ? html`<form method="post" action="${action}" class="inline-form">
${csrfInput(v)}
<label for="${selectId}" class="visually-hidden">${t.unitRoleFor(m.email)}</label>
<select id="${selectId}" name="role">${roleChoices(v).map((c) => html`<option value="${c.value}"${c.value === m.role ? html` selected` : null}>${c.label}</option>`)}</select>
<button type="submit">${t.unitChangeRole}</button>
</form>
<form method="post" action="${action}/remove" class="inline-form">
${csrfInput(v)}
<button type="submit" class="button-secondary" aria-label="${t.unitRemoveMemberLabel(m.email)}">${t.unitRemoveMember}</button>
</form>`
    : null;
  return html`<tr><td>${m.email}</td><td>${t.unitRole[m.role] ?? m.role}</td><td>${dateText(v, m.addedAt.slice(0, 10))}</td>${manage ? html`<td>${change}</td>` : null}</tr>`;
}

function members(v: View, d: UnitPageData): SafeHtml | null {
  if (!d.members) return null;
  const { t, lang } = v;
  const manage = d.caps.manageMembers;
  const labels = [t.unitColEmail, t.unitColMemberRole, t.unitColAdded, ...(manage ? [t.unitColActions] : [])];
  const table = d.members.length
    ? tableRegion(
        'members-caption',
        html`<table class="${STACKED_TABLE}">
<caption id="members-caption">${t.unitMembersCaption}</caption>
<thead><tr>${labels.map((l) => html`<th scope="col">${l}</th>`)}</tr></thead>
<tbody>
${d.members.map((m) => labelCells(labels, memberRow(v, d.unit.id, m, manage)))}
</tbody>
</table>`,
      )
    : html`<p>${t.unitMembersNone}</p>`;
  const add = manage
    ? html`<h3 id="member-add-heading">${t.unitAddTitle}</h3>
<form method="post" action="/${lang}/units/${d.unit.id}/members" class="edit-form" novalidate aria-labelledby="member-add-heading">
${csrfInput(v)}
${textControl(v, { id: MEMBER_EMAIL_ID, name: 'email', label: t.unitAddEmail, hint: t.unitAddEmailHint }, d.values.email ?? '', d.errors, {
  type: 'email',
  autocomplete: 'off',
  maxlength: 320,
  spellcheck: false,
})}
${selectControl(v, { id: MEMBER_ROLE_ID, name: 'role', label: t.unitAddRole, hint: t.unitRoleHint }, roleChoices(v), d.values.role || 'monitor', d.errors)}
<div class="field"><button type="submit">${t.unitAddButton}</button></div>
</form>`
    : null;
  return html`<section aria-labelledby="unit-members-heading">
<h2 id="unit-members-heading">${t.unitMembersTitle}</h2>
${table}
${add}
</section>`;
}

export function renderUnitPage(v: View, d: UnitPageData): string {
  const { t, lang } = v;
  const body = html`<h1>${d.unit.name}</h1>
${d.notice ? statusNotice(t.unitNotice[d.notice]) : null}
${errorSummary(v, [...d.errors, ...(d.settingsErrors ?? [])])}
${work(v, d.unit, d.caps)}
${settings(v, d.unit, d.caps.manageMembers ? settingsForm(v, d.unit.id, d.settingsValues ?? settingsValues(d.unit), d.settingsErrors ?? []) : null)}
${members(v, d)}
<p><a href="/${lang}/units">${t.unitBackToList}</a></p>`;
  return layout(v, { title: d.unit.name, section: null, body });
}
