import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import type { OrgansService } from '../../services/organs-service.ts';
import type { RegistryService } from '../../services/registry-service.ts';
import { renderError } from '../pages/error.ts';
import { renderGbSession, renderGoverningBody } from '../pages/governing-body.ts';
import { renderOffice } from '../pages/office.ts';
import type { CountryNames } from '../views/organs.ts';
import type { View } from '../views/view.ts';
import { rendered, sendPage, viewOf } from './respond.ts';

export interface OrgansPortalDeps {
  organs: OrgansService;
  registry: RegistryService;
  today: () => string;
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
