import type { Lang } from '../../domain/facts.ts';
import { html } from '../html.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

export interface ErrorPageOptions {
  status: number;
  /** Shown for client errors only; a server error never shows its message. */
  detail: string | null;
  /** The language `detail` is written in, when it differs from the page's. */
  detailLang?: Lang;
}

export function renderError(v: View, { status, detail, detailLang }: ErrorPageOptions): string {
  const { t, lang } = v;
  const titles: Record<number, string> = { 400: t.errorTitle400, 403: t.errorTitle403, 404: t.errorTitle404, 409: t.errorTitle409 };
  const title = titles[status] ?? (status >= 500 ? t.errorTitle500 : t.errorTitleOther);
  let text: string;
  if (status >= 500) text = t.errorText500;
  else if (status === 404) text = t.errorText404;
  else if (status === 403) text = t.errorText403;
  else if (status === 409) text = t.errorText409;
  else text = t.errorText400;
  const shown = status < 500 ? detail : null;
  const body = html`<p class="error-status">${t.errorStatus(String(status))}</p>
<h1>${title}</h1>
${status === 404 && shown ? null : html`<p>${text}</p>`}
${shown ? html`<p${detailLang && detailLang !== lang ? html` lang="${detailLang}"` : null}><strong>${shown}</strong></p>` : null}
<p><a href="/${lang}/">${t.backHome}</a></p>`;
  return layout(v, { title, section: null, body });
}
