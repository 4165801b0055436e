import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canWrite } from '../../domain/access/policy.ts';
import type { Lang } from '../../domain/facts.ts';
import type { EditService } from '../../services/edit-service.ts';
import { renderError } from '../pages/error.ts';
import { renderRevertConfirm } from '../pages/revert-confirm.ts';
import { eventTarget } from '../views/history.ts';
import type { View } from '../views/view.ts';
import { rendered, safeNext, seeOther, sendPage, viewOf } from './respond.ts';

/**
 * GET /{lang}/history/{id}/revert: the confirmation page of a revert (issue 8 item 20). The POST
 * to the same address (editing-routes.ts) makes the revert; this page only shows what it will do.
 */
export function mountRevertConfirm(app: Hono, lang: Lang, edits: EditService): void {
  const base = `/${lang}`;
  const send = (c: Context, v: View, status: ContentfulStatusCode, body: string): Response => {
    const r = rendered(body, status);
    return sendPage(c, r.body, r.status, v.session !== null);
  };
  const errorPage = (c: Context, v: View, status: ContentfulStatusCode, detail: string): Response =>
    send(c, v, status, renderError(v, { status, detail }));

  app.get(`${base}/history/:id/revert`, async (c) => {
    const v = viewOf(c, lang);
    const raw = c.req.param('id') ?? '';
    const id = /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
    if (!v.session) {
      const next = safeNext(lang, `${base}/history/${raw}/revert`);
      return seeOther(c, next ? `${base}/login?next=${encodeURIComponent(next)}` : `${base}/login`);
    }
    if (id < 1 || id > 2_147_483_647) return errorPage(c, v, 404, v.t.changeNotFound(raw));
    const event = await edits.getEvent(id);
    if (!event) return errorPage(c, v, 404, v.t.changeNotFound(raw));
    const actor = v.session.actor;
    const target = eventTarget(event);
    if (!canWrite(actor, target).allowed) {
      const detail =
        'country' in target && actor.role === 'focal_point'
          ? v.t.forbiddenCountry(actor.countries.join(', ') || '–', target.country)
          : v.t.forbiddenInstrument;
      return errorPage(c, v, 403, detail);
    }
    const back = safeNext(lang, c.req.query('back') ?? '') ?? `${base}/history?record=${encodeURIComponent(event.recordKey)}`;
    return send(c, v, 200, renderRevertConfirm(v, { event, back }));
  });
}
