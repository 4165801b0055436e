import { type HtmlValue, html, type SafeHtml } from '../html.ts';
import { describedBy, type FieldError, field, fieldError } from './forms.ts';
import type { View } from './view.ts';

/**
 * Labelled form controls for the editing forms, in the pattern of the compliance forms: a label, an
 * optional hint, the error message right above the control, and aria-describedby tying them together.
 */

/** The hidden CSRF field every POST form of a signed-in reader carries (empty when anonymous). */
export function csrfInput(v: View): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${v.session?.csrfToken ?? ''}">`;
}

export interface ControlSpec {
  id: string;
  name: string;
  label: string;
  hint?: HtmlValue;
  /** Adds "(optional)" to the label. */
  optional?: boolean;
}

export function errorFor(errors: readonly FieldError[], id: string): FieldError | undefined {
  return errors.find((e) => e.id === id);
}

function labelFor(v: View, spec: ControlSpec): SafeHtml {
  return html`<label for="${spec.id}">${spec.label}${spec.optional ? html` <span class="optional">${v.t.optional}</span>` : null}</label>`;
}

function hintFor(spec: ControlSpec): { markup: SafeHtml | null; id: string | null } {
  if (spec.hint === undefined || spec.hint === null || spec.hint === '') return { markup: null, id: null };
  const id = `${spec.id}-hint`;
  return { markup: html`<p class="hint" id="${id}">${spec.hint}</p>`, id };
}

export interface TextOptions {
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  maxlength?: number;
  inputmode?: 'numeric' | 'text';
  className?: string;
  /** For a password: the value is never written back into the page. */
  keepValue?: boolean;
  /** Attributes for a field the browser should not spell-check (codes, dates). */
  spellcheck?: boolean;
}

export function textControl(v: View, spec: ControlSpec, value: string, errors: readonly FieldError[], options: TextOptions = {}): SafeHtml {
  const error = errorFor(errors, spec.id);
  const hint = hintFor(spec);
  const type = options.type ?? 'text';
  const shown = type === 'password' || options.keepValue === false ? '' : value;
  return field(
    error,
    html`${labelFor(v, spec)}
${hint.markup}
${fieldError(v, error)}
<input type="${type}" id="${spec.id}" name="${spec.name}" value="${shown}"${options.className ? html` class="${options.className}"` : null}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : null}${options.maxlength ? html` maxlength="${options.maxlength}"` : null}${options.inputmode ? html` inputmode="${options.inputmode}"` : null}${options.spellcheck === false ? html` spellcheck="false"` : null}${describedBy(hint.id, error)}>`,
  );
}

export function textareaControl(
  v: View,
  spec: ControlSpec,
  value: string,
  errors: readonly FieldError[],
  options: { rows?: number; maxlength?: number } = {},
): SafeHtml {
  const error = errorFor(errors, spec.id);
  const hint = hintFor(spec);
  return field(
    error,
    html`${labelFor(v, spec)}
${hint.markup}
${fieldError(v, error)}
<textarea id="${spec.id}" name="${spec.name}" rows="${options.rows ?? 3}"${options.maxlength ? html` maxlength="${options.maxlength}"` : null}${describedBy(hint.id, error)}>${value}</textarea>`,
  );
}

export interface Choice {
  value: string;
  label: string;
  /** Set when the label is in another language than the page (an English name on an Indonesian page). */
  lang?: string;
}

export function selectControl(
  v: View,
  spec: ControlSpec,
  choices: readonly Choice[],
  selected: string,
  errors: readonly FieldError[],
  options: { className?: string } = {},
): SafeHtml {
  const error = errorFor(errors, spec.id);
  const hint = hintFor(spec);
  return field(
    error,
    html`${labelFor(v, spec)}
${hint.markup}
${fieldError(v, error)}
<select id="${spec.id}" name="${spec.name}"${options.className ? html` class="${options.className}"` : null}${describedBy(hint.id, error)}>
${choices.map(
  (c) =>
    html`<option value="${c.value}"${c.value === selected ? html` selected` : null}${c.lang && c.lang !== v.lang ? html` lang="${c.lang}"` : null}>${c.label}</option>`,
)}
</select>`,
  );
}

/** Radio buttons in a fieldset; the error and the summary link point at the first button. */
export function radioControl(
  v: View,
  spec: ControlSpec,
  choices: readonly Choice[],
  selected: string,
  errors: readonly FieldError[],
): SafeHtml {
  const error = errorFor(errors, spec.id);
  const hint = hintFor(spec);
  const ids = [hint.id, error ? `${spec.id}-error` : null].filter(Boolean).join(' ');
  return html`<fieldset class="group${error ? ' field-has-error' : ''}"${ids ? html` aria-describedby="${ids}"` : null}>
<legend>${spec.label}${spec.optional ? html` <span class="optional">${v.t.optional}</span>` : null}</legend>
${hint.markup}
${fieldError(v, error)}
${choices.map(
  (c, i) =>
    html`<div class="field checkbox"><input type="radio" id="${i === 0 ? spec.id : `${spec.id}-${i}`}" name="${spec.name}" value="${c.value}"${c.value === selected ? html` checked` : null}${error ? html` aria-invalid="true"` : null}><label for="${i === 0 ? spec.id : `${spec.id}-${i}`}">${c.label}</label></div>`,
)}
</fieldset>`;
}

/** A notice after a redirect ("saved"), announced politely. */
export function statusNotice(text: HtmlValue): SafeHtml {
  return html`<p class="notice" role="status">${text}</p>`;
}

/**
 * The field problems of a refused change, one per form control: `ids` maps the service's field
 * names to control ids; `message` words each problem in the page's language. A field the form does
 * not have is listed too, linked to `fallbackId`.
 */
export function fieldErrorsFrom(
  issues: readonly { field: string; message: string }[],
  ids: Readonly<Record<string, string>>,
  message: (field: string) => string,
  fallbackId: string,
): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const id = ids[issue.field] ?? fallbackId;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ id, message: message(issue.field) });
  }
  return out;
}
