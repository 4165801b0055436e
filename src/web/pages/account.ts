import type { Actor } from '../../domain/access/policy.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import { PASSWORD_TOO_COMMON, PASSWORD_UNCHANGED } from '../../services/password-strength.ts';
import type { CountryRef } from '../../services/registry-service.ts';
import { html, type SafeHtml } from '../html.ts';
import { countryLink, tableRegion, unknown } from '../views/components.ts';
import { csrfInput, statusNotice, textControl } from '../views/edit-fields.ts';
import { errorSummary, type FieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

export const PASSWORD_FIELD_IDS = { current: 'password-current', next: 'password-next', confirm: 'password-confirm' } as const;
/** The password service's refusals as messages next to the form's fields, in the page's language. */
export function passwordErrors(v: View, issues: readonly FieldIssue[], minLength: number): FieldError[] {
  const ids = PASSWORD_FIELD_IDS;
  return issues.map((i) => {
    if (i.field === 'current') return { id: ids.current, message: v.t.passwordCurrentWrong };
    if (i.message === PASSWORD_UNCHANGED) return { id: ids.next, message: v.t.passwordUnchanged };
    if (i.message === PASSWORD_TOO_COMMON) return { id: ids.next, message: v.t.passwordTooCommon };
    return { id: ids.next, message: v.t.passwordTooShort(v.f.number(minLength)) };
  });
}
export const TOKEN_FIELD_IDS = { name: 'token-name' } as const;
export const MAX_TOKEN_NAME = 100;

/** A token as the page shows it: never its secret or hash. */
export interface TokenRow {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type AccountNotice = 'password' | 'revoked' | null;

export interface AccountPageData {
  actor: Actor;
  countries: readonly Pick<CountryRef, 'iso3' | 'nameEn' | 'nameId'>[];
  tokens: readonly TokenRow[];
  minPasswordLength: number;
  tokenName: string;
  errors: readonly FieldError[];
  notice?: AccountNotice;
}

function moment(v: View, iso: string | null, missing: string): SafeHtml {
  if (!iso) return unknown(missing);
  const text = v.f.dateTime(iso);
  return text ? html`<time datetime="${iso}">${text}</time>` : html`${iso}`;
}

function profileSection(v: View, data: AccountPageData): SafeHtml {
  const { t } = v;
  const { actor } = data;
  const byCode = new Map(data.countries.map((c) => [c.iso3, c]));
  const countries =
    actor.role === 'focal_point'
      ? html`<ul class="plain">${actor.countries.map((iso3) => {
          const c = byCode.get(iso3);
          return html`<li>${c ? countryLink(v, c) : iso3} (${iso3})</li>`;
        })}</ul>`
      : html`${t.accountAllCountries}`;
  return html`<section aria-labelledby="profile-heading">
<h2 id="profile-heading">${t.accountDetailsHeading}</h2>
<dl class="facts">
<dt>${t.accountEmail}</dt><dd>${actor.email}</dd>
<dt>${t.accountRole}</dt><dd>${t.role[actor.role]}<br><span class="note">${t.roleExplained[actor.role]}</span></dd>
<dt>${t.accountCountries}</dt><dd>${countries}</dd>
</dl>
</section>`;
}

function passwordSection(v: View, data: AccountPageData): SafeHtml {
  const { t, lang, f } = v;
  const ids = PASSWORD_FIELD_IDS;
  return html`<section aria-labelledby="password-heading">
<h2 id="password-heading">${t.passwordHeading}</h2>
<form class="edit-form" method="post" action="/${lang}/account/password" novalidate>
${csrfInput(v)}
${textControl(v, { id: ids.current, name: 'current', label: t.passwordCurrentLabel }, '', data.errors, {
  type: 'password',
  autocomplete: 'current-password',
  maxlength: 256,
})}
${textControl(
  v,
  { id: ids.next, name: 'next', label: t.passwordNextLabel, hint: t.passwordNextHint(f.number(data.minPasswordLength)) },
  '',
  data.errors,
  { type: 'password', autocomplete: 'new-password', maxlength: 256 },
)}
${textControl(v, { id: ids.confirm, name: 'confirm', label: t.passwordConfirmLabel }, '', data.errors, {
  type: 'password',
  autocomplete: 'new-password',
  maxlength: 256,
})}
<button type="submit">${t.passwordSubmit}</button>
</form>
</section>`;
}

function everywhereSection(v: View): SafeHtml {
  const { t, lang } = v;
  return html`<section aria-labelledby="everywhere-heading">
<h2 id="everywhere-heading">${t.everywhereHeading}</h2>
<p>${t.everywhereText}</p>
<form method="post" action="/${lang}/account/logout-everywhere">
${csrfInput(v)}
<button type="submit" class="button-secondary">${t.everywhereSubmit}</button>
</form>
</section>`;
}

function tokenRow(v: View, token: TokenRow): SafeHtml {
  const { t, lang } = v;
  const action = token.revokedAt
    ? unknown(t.tokenAlreadyRevoked)
    : html`<form method="post" action="/${lang}/account/tokens/${token.id}/revoke" class="inline-form">
${csrfInput(v)}
<button type="submit" class="button-secondary">${t.revokeToken}<span class="visually-hidden"> ${token.name}</span></button>
</form>`;
  return html`<tr>
<td>${token.name}</td>
<td>${moment(v, token.createdAt, t.notRecorded)}</td>
<td>${moment(v, token.lastUsedAt, t.neverUsed)}</td>
<td>${token.revokedAt ? moment(v, token.revokedAt, t.notRecorded) : t.tokenActive}</td>
<td>${action}</td>
</tr>`;
}

function tokensSection(v: View, data: AccountPageData): SafeHtml {
  const { t, lang, f } = v;
  const table = data.tokens.length
    ? tableRegion(
        'tokens-caption',
        html`<table>
<caption id="tokens-caption">${t.tokensCaption(f.number(data.tokens.length))}</caption>
<thead><tr><th scope="col">${t.colTokenName}</th><th scope="col">${t.colCreated}</th><th scope="col">${t.colLastUsed}</th><th scope="col">${t.colRevoked}</th><th scope="col">${t.colActions}</th></tr></thead>
<tbody>
${data.tokens.map((token) => tokenRow(v, token))}
</tbody>
</table>`,
      )
    : html`<p>${t.noTokens}</p>`;
  return html`<section aria-labelledby="tokens-heading">
<h2 id="tokens-heading">${t.tokensHeading}</h2>
<p>${t.tokensIntro}</p>
${table}
<h3 id="new-token-heading">${t.tokenNewHeading}</h3>
<form class="edit-form" method="post" action="/${lang}/account/tokens" novalidate aria-labelledby="new-token-heading">
${csrfInput(v)}
${textControl(v, { id: TOKEN_FIELD_IDS.name, name: 'name', label: t.tokenNameLabel, hint: t.tokenNameHint }, data.tokenName, data.errors, {
  maxlength: MAX_TOKEN_NAME,
})}
<button type="submit">${t.tokenCreate}</button>
</form>
</section>`;
}

export function renderAccount(v: View, data: AccountPageData): string {
  const { t } = v;
  const notice =
    data.notice === 'password' ? statusNotice(t.passwordChanged) : data.notice === 'revoked' ? statusNotice(t.tokenRevoked) : null;
  const body = html`<h1>${t.accountTitle}</h1>
${notice}
${errorSummary(v, data.errors)}
${profileSection(v, data)}
${passwordSection(v, data)}
${tokensSection(v, data)}
${everywhereSection(v)}`;
  return layout(v, { title: data.errors.length ? t.errorTitlePrefix(t.accountTitle) : t.accountTitle, section: 'account', body });
}

/** The one page that ever shows a token's secret: right after it is created, with a warning. */
export function renderTokenCreated(v: View, data: { name: string; token: string }): string {
  const { t, lang } = v;
  const body = html`<h1>${t.tokenCreatedTitle}</h1>
<div class="warning" role="alert"><p><strong>${t.tokenCreatedWarningTitle}</strong> ${t.tokenCreatedWarning}</p></div>
<div class="field token-secret">
<label for="new-token">${t.tokenLabel(data.name)}</label>
<input type="text" id="new-token" value="${data.token}" readonly spellcheck="false" autocomplete="off">
</div>
<p>${t.tokenUsage}</p>
<pre class="example"><code>Authorization: Bearer ${data.token}</code></pre>
<p><a href="/${lang}/account#tokens-heading">${t.backToAccount}</a></p>`;
  return layout(v, { title: t.tokenCreatedTitle, section: 'account', body });
}
