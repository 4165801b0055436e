import { html } from '../html.ts';
import { csrfInput, statusNotice, textControl } from '../views/edit-fields.ts';
import { errorSummary, type FieldError } from '../views/forms.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

export const LOGIN_FIELD_IDS = { email: 'login-email', password: 'login-password' } as const;

export interface LoginPageData {
  email: string;
  /** Where to go once signed in (already checked to be a page of this site). */
  next: string | null;
  errors: readonly FieldError[];
  /** A failure that concerns no single field: wrong credentials, too many attempts. */
  problem?: string | null;
  notice?: 'signed-out' | 'everywhere' | null;
}

export function renderLogin(v: View, data: LoginPageData): string {
  const { t, lang } = v;
  const ids = LOGIN_FIELD_IDS;
  const problem = data.problem
    ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${t.errorSummaryTitle}</h2>
<p>${data.problem}</p>
</div>`
    : errorSummary(v, data.errors);
  const notice =
    data.notice === 'everywhere' ? statusNotice(t.signedOutEverywhere) : data.notice === 'signed-out' ? statusNotice(t.signedOut) : null;
  const body = html`<h1>${t.loginTitle}</h1>
${notice}
${v.session ? html`<p class="notice">${t.loginAlreadySignedIn(v.session.actor.email)} <a href="/${lang}/account">${t.navAccount}</a></p>` : null}
<p class="lead">${t.loginIntro}</p>
${problem}
<form class="edit-form" method="post" action="/${lang}/login" novalidate>
${csrfInput(v)}
${data.next ? html`<input type="hidden" name="next" value="${data.next}">` : null}
${textControl(v, { id: ids.email, name: 'email', label: t.loginEmailLabel }, data.email, data.errors, {
  type: 'email',
  autocomplete: 'username',
  maxlength: 254,
  spellcheck: false,
})}
${textControl(v, { id: ids.password, name: 'password', label: t.loginPasswordLabel }, '', data.errors, {
  type: 'password',
  autocomplete: 'current-password',
  maxlength: 256,
})}
<button type="submit">${t.loginSubmit}</button>
</form>
<p class="note">${t.loginNoAccount}</p>`;
  const failed = Boolean(data.problem) || data.errors.length > 0;
  return layout(v, { title: failed ? t.errorTitlePrefix(t.loginTitle) : t.loginTitle, section: 'login', body });
}
