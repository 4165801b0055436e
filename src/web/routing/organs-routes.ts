import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canWrite } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import type { OrgansService } from '../../services/organs-service.ts';
import type { RegistryService } from '../../services/registry-service.ts';
import { renderError } from '../pages/error.ts';
import {
  EMPTY_GB_SESSION,
  type GbSessionFormValues,
  gbSessionErrors,
  gbSessionInput,
  parseGbSessionForm,
  renderGbSessionNew,
} from '../pages/gb-session-edit.ts';
import { renderGbSession, renderGoverningBody } from '../pages/governing-body.ts';
import { renderOffice } from '../pages/office.ts';
import type { FieldError } from '../views/forms.ts';
import type { CountryNames } from '../views/organs.ts';
import type { View } from '../views/view.ts';
import { rendered, safeNext, seeOther, sendPage, viewOf } from './respond.ts';

export interface OrgansPortalDeps {
  organs: OrgansService;
  registry: RegistryService;
  today: () => string;
  now: () => Date;
}

/**
 * GET /{lang}/governing-body, /{lang}/governing-body/sessions/{number} and /{lang}/office. Rendered
 * per request from uncached reads (small tables), so a recorded session shows at once.
 */
export function mountOrgans(app: Hono, lang: Lang, deps: OrgansPortalDeps): void {
  const base = `/${lang}`;
  const send = (c: Context, v: View, status: ContentfulStatusCode, body: string): Response => {
    const r = rendered(body, status);
    return sendPage(c, r.body, r.status, v.session !== null);
  };
  const names = async (): Promise<CountryNames> => new Map((await deps.registry.listCountries({})).map((c) => [c.iso3, c]));

  app.get(`${base}/governing-body`, async (c) => {
    const v = viewOf(c, lang);
    const [overview, countries] = await Promise.all([deps.organs.governingBody(deps.today()), names()]);
    return send(c, v, 200, renderGoverningBody(v, overview, countries));
  });

  /** The secretariat's form; an anonymous reader is sent to sign in, anyone else without the right gets 403. */
  const writer = (c: Context, v: View): Response | null => {
    const path = `${base}/governing-body/sessions/new`;
    if (!v.session) return seeOther(c, `${base}/login?next=${encodeURIComponent(safeNext(lang, path) ?? path)}`);
    if (!canWrite(v.session.actor, { kind: 'secretariat_record' }).allowed)
      return send(c, v, 403, renderError(v, { status: 403, detail: v.t.gbForbidden }));
    return null;
  };
  const form = (c: Context, v: View, status: ContentfulStatusCode, values: GbSessionFormValues, errors: FieldError[] = []) =>
    send(c, v, status, renderGbSessionNew(v, values, errors));

  app.get(`${base}/governing-body/sessions/new`, (c) => {
    const v = viewOf(c, lang);
    return writer(c, v) ?? form(c, v, 200, EMPTY_GB_SESSION);
  });

  app.post(`${base}/governing-body/sessions/new`, async (c) => {
    const v = viewOf(c, lang);
    const refused = writer(c, v);
    if (refused) return refused;
    const values = parseGbSessionForm((await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>);
    const input = gbSessionInput(values);
    try {
      await deps.organs.saveSession(v.session?.actor ?? null, input, deps.now(), { create: true });
      return seeOther(c, `${base}/governing-body/sessions/${input.number}?saved=1`);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'invalid') return form(c, v, 400, values, gbSessionErrors(v, e.issues, values));
      if (e instanceof DomainError && e.code === 'conflict')
        return form(c, v, 409, values, [{ id: 'gbs-number', message: v.t.gbFormTaken(String(input.number)) }]);
      throw e;
    }
  });

  app.get(`${base}/governing-body/sessions/:number`, async (c) => {
    const v = viewOf(c, lang);
    const raw = c.req.param('number') ?? '';
    if (!/^\d{1,4}$/.test(raw)) return send(c, v, 404, renderError(v, { status: 404, detail: v.t.gbSessionNotFound(raw) }));
    try {
      return send(c, v, 200, renderGbSession(v, await deps.organs.session(Number(raw))));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found')
        return send(c, v, 404, renderError(v, { status: 404, detail: v.t.gbSessionNotFound(raw) }));
      throw e;
    }
  });

  app.get(`${base}/office`, async (c) => {
    const v = viewOf(c, lang);
    const [office, countries] = await Promise.all([deps.organs.office(), names()]);
    return send(c, v, 200, renderOffice(v, office, countries));
  });
}
