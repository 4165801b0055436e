import type { ChangeEvent } from '../../services/history-ports.ts';
import { html } from '../html.ts';
import { diffList, editorName, recordPath, revertForm, sourceText } from '../views/history.ts';
import { layout } from '../views/layout.ts';
import type { View } from '../views/view.ts';

export interface RevertConfirmData {
  event: ChangeEvent;
  /** Where Cancel and the finished revert lead: the page the reader came from. */
  back: string;
}

/**
 * The step between "Revert…" and the revert itself: what the change did, what the record goes back
 * to (the change read backwards), a reason, and the POST. Works without JavaScript.
 */
export function renderRevertConfirm(v: View, data: RevertConfirmData): string {
  const { t, f } = v;
  const { event, back } = data;
  const n = String(event.id);
  const when = f.dateTime(event.at);
  const backwards: ChangeEvent = { ...event, before: event.after, after: event.before };
  const body = html`<h1>${t.revertConfirmTitle(n)}</h1>
<p class="lead">${t.revertConfirmIntro}</p>
<dl class="event-facts">
<dt>${t.eventNumber(n)}</dt><dd>${t.eventAction[event.action]} – ${t.recordType[event.recordType]} <a href="${recordPath(v, event)}">${event.recordKey}</a></dd>
<dt>${t.eventWho}</dt><dd>${editorName(v, event)}</dd>
<dt>${t.eventWhen}</dt><dd>${when ? html`<time datetime="${event.at}">${when}</time>` : event.at}</dd>
<dt>${t.eventSource}</dt><dd>${sourceText(v, event.source)}</dd>
</dl>
<h2>${t.revertConfirmFields}</h2>
${diffList(v, backwards)}
${revertForm(v, event, back)}`;
  return layout(v, { title: t.revertConfirmTitle(n), section: 'history', body });
}
