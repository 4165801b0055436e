import { type Actor, canWrite, type WriteTarget } from '../../domain/access/policy.ts';
import type { ChangeEvent } from '../../services/history-ports.ts';
import { recordKind } from '../../services/record-kinds.ts';
import { isReportingRecordType } from '../../services/reporting-record-types.ts';
import { parseRevertSource } from '../../services/revert-source.ts';
import { type HtmlValue, html, type SafeHtml } from '../html.ts';
import { unknown } from './components.ts';
import { csrfInput } from './edit-fields.ts';
import { reportingRecordPath } from './reporting-paths.ts';
import type { View } from './view.ts';

/** The latest changes of one record (or one State), shown on its page, with a link to all of them. */
export interface HistoryBlock {
  events: readonly ChangeEvent[];
  total: number;
  /** The full history page filtered to this record, e.g. '/history?record=C138'. */
  fullPath: string;
}

/** How many changes a record page lists; the rest are on the history page. */
export const RECORD_HISTORY_LIMIT = 10;

/** Longest value shown in a diff before it is cut (with an ellipsis): the diff stays compact. */
const MAX_DIFF_TEXT = 160;

/** Record fields that are bookkeeping rather than facts: left out of the diff. */
const HIDDEN_FIELDS = new Set(['country', 'instrument', 'code', 'iso3']);

export function eventTarget(event: Pick<ChangeEvent, 'recordType' | 'recordKey' | 'country'>): WriteTarget {
  return recordKind(event.recordType).target(event);
}

export function mayRevert(actor: Actor | null | undefined, event: Pick<ChangeEvent, 'recordType' | 'recordKey' | 'country'>): boolean {
  return canWrite(actor ?? null, eventTarget(event)).allowed;
}

/** Where a record is read: a ratification and a national profile on the State's page, an instrument on its own. */
export function recordPath(v: View, event: Pick<ChangeEvent, 'recordType' | 'recordKey'>): string {
  if (event.recordType.startsWith('ilc_')) return `/${v.lang}/conference/${encodeURIComponent(event.recordKey.split('/')[0] ?? '')}`;
  if (event.recordType === 'instrument') return `/${v.lang}/instruments/${encodeURIComponent(event.recordKey)}`;
  if (event.recordType === 'submission_tracking') return `/${v.lang}/submissions`;
  if (isReportingRecordType(event.recordType)) return reportingRecordPath(v.lang, event.recordType, event.recordKey);
  if (event.recordType === 'gb_period') return `/${v.lang}/governing-body#period-${encodeURIComponent(event.recordKey)}`;
  if (event.recordType === 'gb_session') return `/${v.lang}/governing-body/sessions/${encodeURIComponent(event.recordKey)}`;
  if (event.recordType === 'supervisory_comment')
    return `/${v.lang}/supervision/comments/${encodeURIComponent(event.recordKey.toLowerCase())}`;
  if (event.recordType === 'document') return `/${v.lang}/documents/${encodeURIComponent(event.recordKey.toLowerCase())}`;
  if (event.recordType === 'supervisory_procedure')
    return `/${v.lang}/supervision/procedures/${encodeURIComponent(event.recordKey.toLowerCase())}`;
  if (event.recordType === 'programme') return `/${v.lang}/programmes/${encodeURIComponent(event.recordKey.toLowerCase())}`;
  if (event.recordType === 'ilo_office') return `/${v.lang}/office#office-${encodeURIComponent(event.recordKey.toLowerCase())}`;
  const iso3 = event.recordKey.split('/')[0] ?? event.recordKey;
  if (event.recordType === 'submission') return `/${v.lang}/countries/${encodeURIComponent(iso3)}/submissions`;
  const anchor = event.recordType === 'national_profile' ? '#national-law-heading' : '#ratifications-heading';
  return `/${v.lang}/countries/${encodeURIComponent(iso3)}${anchor}`;
}

function clip(text: string): string {
  return text.length > MAX_DIFF_TEXT ? `${text.slice(0, MAX_DIFF_TEXT - 1)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One value of a diff, said briefly: known vocabularies in words, ages with their article, objects summarised. */
function valueText(v: View, key: string, value: unknown, recordType: ChangeEvent['recordType']): HtmlValue {
  const { t, f } = v;
  if (value === null || value === undefined || value === '') return unknown(t.diffNone);
  if (Array.isArray(value) && value.length === 0) return unknown(t.diffNone);
  if (typeof value === 'string') {
    if (key === 'status' && recordType === 'ratification' && value in t.ratificationStatus)
      return t.ratificationStatus[value as keyof typeof t.ratificationStatus];
    if (key === 'status' && recordType === 'instrument' && value in t.instrumentStatus)
      return t.instrumentStatus[value as keyof typeof t.instrumentStatus];
    if (key === 'confidence' && value in t.confidence) return t.confidence[value as keyof typeof t.confidence];
    if (key === 'titleIdKind' && (value === 'official' || value === 'unofficial')) return t.titleIdKindShort[value];
    return clip(value);
  }
  if (typeof value === 'number') return f.number(value);
  if (typeof value === 'boolean') return value ? t.diffYes : t.diffNo;
  if (Array.isArray(value)) {
    const parts = value.map((item) => {
      if (isRecord(item) && typeof item.value === 'number' && typeof item.article === 'string')
        return `${t.ageYears(f.number(item.value))} (${[item.article, item.date].filter(Boolean).join(', ')})`;
      return typeof item === 'string' ? item : JSON.stringify(item);
    });
    return clip(parts.join('; '));
  }
  if (isRecord(value) && typeof value.value === 'number') {
    const citation = typeof value.citation === 'string' ? value.citation : null;
    return clip(`${t.ageYears(f.number(value.value))}${citation ? ` (${citation})` : ''}`);
  }
  return clip(JSON.stringify(value));
}

export interface DiffLine {
  key: string;
  before: unknown;
  after: unknown;
}

/** The fields whose value differs between two record snapshots (a created record: its non-empty fields). */
export function changedFields(before: unknown, after: unknown): DiffLine[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const lines: DiffLine[] = [];
  for (const key of keys) {
    if (HIDDEN_FIELDS.has(key)) continue;
    const x = b[key] ?? null;
    const y = a[key] ?? null;
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    lines.push({ key, before: x, after: y });
  }
  return lines;
}

function fieldName(v: View, key: string): HtmlValue {
  const label = (v.t.diffField as Record<string, string>)[key];
  return label ?? html`<code>${key}</code>`;
}

export function diffList(v: View, event: ChangeEvent): SafeHtml {
  const { t } = v;
  const lines = changedFields(event.before, event.after);
  if (!lines.length) return html`<p class="note">${t.diffNothing}</p>`;
  return html`<ul class="diff">
${lines.map(
  (l) =>
    html`<li><span class="diff-field">${fieldName(v, l.key)}</span>: <span class="visually-hidden">${t.diffBefore}</span> <del>${valueText(v, l.key, l.before, event.recordType)}</del> <span aria-hidden="true">→</span><span class="visually-hidden">${t.diffAfter}</span> <ins>${valueText(v, l.key, l.after, event.recordType)}</ins></li>`,
)}
</ul>`;
}

function recordLabel(v: View, event: ChangeEvent): SafeHtml {
  return html`${v.t.recordType[event.recordType]} <a href="${recordPath(v, event)}">${event.recordKey}</a>`;
}

/**
 * A revert starts with a GET to its confirmation page (what goes back, the reason field, then the
 * POST with the CSRF token): no change is undone by one click, and none of it needs JavaScript.
 */
function revertLink(v: View, event: ChangeEvent, back: string): SafeHtml {
  const { t, lang } = v;
  return html`<form method="get" action="/${lang}/history/${event.id}/revert" class="revert-form">
<input type="hidden" name="back" value="${back}">
<button type="submit" class="button-secondary">${t.revertReview}<span class="visually-hidden"> ${t.eventNumber(String(event.id))}</span></button>
</form>`;
}

/** The form of the confirmation page: the reason, and the POST that makes the revert. */
export function revertForm(v: View, event: ChangeEvent, back: string): SafeHtml {
  const { t, lang } = v;
  const id = `revert-${event.id}-reason`;
  return html`<form method="post" action="/${lang}/history/${event.id}/revert" class="revert-form">
${csrfInput(v)}
<input type="hidden" name="back" value="${back}">
<div class="field"><label for="${id}">${t.revertReasonLabel(String(event.id))} <span class="optional">${t.optional}</span></label>
<input type="text" id="${id}" name="reason" maxlength="2000"></div>
<div class="form-actions"><button type="submit">${t.revertConfirmSubmit}</button> <a href="${back}">${t.revertCancel}</a></div>
</form>`;
}

/** A revert's generated source, said in the page's language (nested when a revert was reverted). */
export function sourceText(v: View, source: string, depth = 0): string {
  const parsed = depth < 20 ? parseRevertSource(source) : null;
  if (!parsed) return source;
  const inner = sourceText(v, parsed.revertedSource, depth + 1);
  return v.t.revertSourceText(String(parsed.eventId), parsed.truncated ? `${inner}…` : inner);
}

/** Who made a change: the email for a signed-in editor, the role and countries for anyone else (item 13). */
export function editorName(v: View, event: Pick<ChangeEvent, 'actor' | 'actorScope'>): string {
  if (v.session) return event.actor;
  const scope = event.actorScope;
  if (!scope) return v.t.editorUnknown;
  const role = v.t.role[scope.role];
  return scope.countries.length ? `${role} (${scope.countries.join(', ')})` : role;
}

/**
 * One change: what was done to which record, by whom and when (in the page's language), the source
 * and reason, the fields that changed, and a Revert form for a reader allowed to undo it.
 */
export function eventItem(v: View, event: ChangeEvent, back: string): SafeHtml {
  const { t, f, lang } = v;
  const when = f.dateTime(event.at);
  const name = editorName(v, event);
  const who = event.userId === null ? html`${name}` : html`<a href="/${lang}/history?user=${event.userId}">${name}</a>`;
  const reverts = event.revertsEventId !== null ? html` <span class="note">(${t.eventReverts(String(event.revertsEventId))})</span>` : null;
  return html`<li class="event" id="change-${event.id}">
<p class="event-head"><strong>${t.eventNumber(String(event.id))}: ${t.eventAction[event.action]}</strong> – ${recordLabel(v, event)}${reverts}</p>
<dl class="event-facts">
<dt>${t.eventWho}</dt><dd>${who}</dd>
<dt>${t.eventWhen}</dt><dd>${when ? html`<time datetime="${event.at}">${when}</time>` : event.at}</dd>
<dt>${t.eventSource}</dt><dd>${sourceText(v, event.source)}</dd>
<dt>${t.eventReason}</dt><dd>${event.reason ?? unknown(t.noReason)}</dd>
</dl>
${diffList(v, event)}
${v.session && mayRevert(v.session.actor, event) ? revertLink(v, event, back) : null}
</li>`;
}

export function eventList(v: View, events: readonly ChangeEvent[], back: string): SafeHtml {
  return html`<ol class="history">
${events.map((e) => eventItem(v, e, back))}
</ol>`;
}

/** The "History" section of a record page. */
export function historySection(v: View, block: HistoryBlock | null | undefined): SafeHtml | null {
  if (!block) return null;
  const { t, f, lang } = v;
  const back = `/${lang}${v.path}`;
  const more =
    block.total > block.events.length
      ? html`<p><a href="/${lang}${block.fullPath}">${t.historyAll(f.number(block.total))}</a></p>`
      : block.total > 0
        ? html`<p><a href="/${lang}${block.fullPath}">${t.historyOpen}</a></p>`
        : null;
  return html`<section aria-labelledby="history-heading">
<h2 id="history-heading">${t.historyHeading}</h2>
${block.events.length ? eventList(v, block.events, back) : html`<p>${t.historyEmpty}</p>`}
${more}
</section>`;
}
