/**
 * A tiny HTML templating kernel: `html` escapes every interpolated value unless it is SafeHtml
 * (the result of another `html` call or of `raw`). Arrays are concatenated, and null, undefined
 * and false render as nothing, so `${cond && html`…`}` and `${rows.map(row)}` just work.
 *
 * @example
 *   html`<h1>${title}</h1>`          // title "<script>" renders as &lt;script&gt;
 *   html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPE = /[&<>"']/;
const ESCAPE_ALL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  // Most values (codes, dates, numbers) need no escaping; testing first avoids a replace call.
  return ESCAPE.test(text) ? text.replace(ESCAPE_ALL, (ch) => ENTITIES[ch] as string) : text;
}

/** Marks trusted markup as safe; never pass user input or data to it. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === 'string') return escapeHtml(value);
  if (Array.isArray(value)) {
    let out = '';
    for (const v of value as readonly HtmlValue[]) out += render(v);
    return out;
  }
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Joins pieces with a separator, escaping plain strings. */
export function join(pieces: readonly HtmlValue[], separator: HtmlValue): SafeHtml {
  const sep = render(separator);
  return new SafeHtml(pieces.map(render).join(sep));
}
