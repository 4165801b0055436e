import { type HtmlValue, html, type SafeHtml } from '../html.ts';
import type { View } from './view.ts';

/** A problem with one form control: `id` is the control's id, which the summary links to. */
export interface FieldError {
  id: string;
  message: string;
}

/**
 * The list of problems at the top of a form (GOV.UK pattern): announced on load, each item a link
 * that moves to its control. Nothing when there is no problem.
 */
export function errorSummary(v: View, errors: readonly FieldError[]): SafeHtml | null {
  if (!errors.length) return null;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${v.t.errorSummaryTitle}</h2>
<ul>
${errors.map((e) => html`<li><a href="#${e.id}">${e.message}</a></li>`)}
</ul>
</div>`;
}

/** The message under a control, referenced by its aria-describedby (`<id>-error`). */
export function fieldError(v: View, error: FieldError | undefined): SafeHtml | null {
  if (!error) return null;
  return html`<p class="field-error" id="${error.id}-error"><span class="visually-hidden">${v.t.errorPrefix}</span> ${error.message}</p>`;
}

/**
 * The accessibility attributes of a control: its hint and error as aria-describedby, and
 * aria-invalid when it has an error.
 */
export function describedBy(hintId: string | null, error: FieldError | undefined): SafeHtml {
  const ids = [hintId, error ? `${error.id}-error` : null].filter(Boolean).join(' ');
  return html`${ids ? html` aria-describedby="${ids}"` : null}${error ? html` aria-invalid="true"` : null}`;
}

/** `<div class="field">` with the error class when the control has a problem. */
export function field(error: FieldError | undefined, content: HtmlValue): SafeHtml {
  return html`<div class="field${error ? ' field-has-error' : ''}">${content}</div>`;
}
