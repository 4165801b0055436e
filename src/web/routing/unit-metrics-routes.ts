import type { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import type { CaseMetricsService } from '../../services/cases/metrics-service.ts';
import { renderError } from '../pages/error.ts';
import { renderUnitMetrics, UM_FROM_FIELD, UM_TO_FIELD, type UnitMetricsPageData } from '../pages/unit-metrics.ts';
import type { FieldError } from '../views/forms.ts';
import { rendered, safeNext, seeOther, sendPage, viewOf } from './respond.ts';

/**
 * GET /{lang}/units/{id}/metrics[?from=&to=] (issue 11, decision 223). Anonymous: sent to sign
 * in. Not a unit the reader may see (or no such unit): 404, never 403. A period typed wrong: 400
 * with the form's errors on the fields and no figures.
 */
export function mountUnitMetrics(app: Hono, lang: Lang, deps: { caseMetrics: CaseMetricsService; today: () => string }): void {
  const base = `/${lang}`;
  app.get(`${base}/units/:id/metrics`, async (c) => {
    const v = viewOf(c, lang);
    const send = (status: ContentfulStatusCode, body: string) => {
      const r = rendered(body, status);
      return sendPage(c, r.body, r.status, true);
    };
    const path = new URL(c.req.url).pathname;
    if (!v.session) return seeOther(c, `${base}/login?next=${encodeURIComponent(safeNext(lang, path) ?? path)}`);
    const raw = c.req.param('id');
    const notFound = () => send(404, renderError(v, { status: 404, detail: v.t.umNotFound }));
    if (!/^[1-9]\d{0,8}$/.test(raw)) return notFound();
    const unitId = Number(raw);
    const from = (c.req.query('from') ?? '').trim().slice(0, 30);
    const to = (c.req.query('to') ?? '').trim().slice(0, 30);
    const data: UnitMetricsPageData = { unitId, from, to, report: null, errors: [] };
    const actor = v.session.actor;
    try {
      data.report = await deps.caseMetrics.unitMetrics(actor, unitId, { from, to }, deps.today());
      return send(200, renderUnitMetrics(v, data, data.report.unitName));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'not_found') return notFound();
      if (error.code !== 'invalid') throw error;
      const errors: FieldError[] = error.issues.map((i) => {
        const id = i.field === 'to' ? UM_TO_FIELD : UM_FROM_FIELD;
        const label = i.field === 'to' ? v.t.umTo : v.t.umFrom;
        return { id, message: /after/.test(i.message) ? v.t.umFromAfterTo : v.t.umDayInvalid(label) };
      });
      data.errors = errors;
      return send(400, renderUnitMetrics(v, data, await deps.caseMetrics.unitName(actor, unitId)));
    }
  });
}
