import type { Hono } from 'hono';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import { normaliseInstrumentCode } from '../../domain/instrument.ts';
import type { RegistryService } from '../../services/registry-service.ts';
import { renderError } from '../pages/error.ts';
import { renderMapPage } from '../pages/map.ts';
import { rendered, sendPage, viewOf } from './respond.ts';

export const DEFAULT_MAP_INSTRUMENT = 'C138';

/**
 * GET /{lang}/map?instrument=C138: the ratification map on its own page (a GET form, so it works
 * without JavaScript). Rendered per request from the cached instrument detail and member list;
 * only the colours are computed here, the outline is projected once per process.
 */
export function mountMap(app: Hono, lang: Lang, registry: RegistryService): void {
  app.get(`/${lang}/map`, async (c) => {
    const v = viewOf(c, lang);
    const value = (c.req.query('instrument') ?? DEFAULT_MAP_INSTRUMENT).trim().slice(0, 40);
    const code = normaliseInstrumentCode(value || DEFAULT_MAP_INSTRUMENT);
    const fail = (status: 400 | 404) => {
      const page = rendered(renderError(v, { status, detail: v.t.instrumentNotFound(value) }), status);
      return sendPage(c, page.body, page.status, v.session !== null);
    };
    if (!code) return fail(400);
    try {
      const [detail, members] = await Promise.all([registry.getInstrument(code), registry.listCountries({})]);
      const page = rendered(renderMapPage(v, { value: value || code, detail, members }));
      return sendPage(c, page.body, page.status, v.session !== null);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') return fail(404);
      throw e;
    }
  });
}
