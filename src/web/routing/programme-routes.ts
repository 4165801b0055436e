import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import type { ProgrammeService } from '../../services/programme-service.ts';
import type { RegistryService } from '../../services/registry-service.ts';
import { renderError } from '../pages/error.ts';
import { PROGRAMMES_PAGE_SIZE, parseProgrammeListQuery, renderProgramme, renderProgrammeList } from '../pages/programmes.ts';
import type { CountryNames } from '../views/organs.ts';
import type { View } from '../views/view.ts';
import { rendered, sendPage, viewOf } from './respond.ts';

export interface ProgrammesPortalDeps {
  programmes: ProgrammeService;
  registry: RegistryService;
  today: () => string;
}

/** GET /{lang}/programmes (no-JS filter form, paginated) and /{lang}/programmes/{id}. Uncached reads (decision 170). */
export function mountProgrammes(app: Hono, lang: Lang, deps: ProgrammesPortalDeps): void {
  const base = `/${lang}`;
  const send = (c: Context, v: View, status: ContentfulStatusCode, body: string): Response => {
    const r = rendered(body, status);
    return sendPage(c, r.body, r.status, v.session !== null);
  };
  const names = async (): Promise<CountryNames> => new Map((await deps.registry.listCountries({})).map((c) => [c.iso3, c]));

  app.get(`${base}/programmes`, async (c) => {
    const v = viewOf(c, lang);
    const parsed = parseProgrammeListQuery(v, new URL(c.req.url).searchParams);
    if (!parsed.ok) return send(c, v, 400, renderError(v, { status: 400, detail: parsed.message }));
    const { filter, page } = parsed.value;
    const [result, countries] = await Promise.all([
      deps.programmes.list(filter, { page, pageSize: PROGRAMMES_PAGE_SIZE }, deps.today()),
      names(),
    ]);
    return send(c, v, 200, renderProgrammeList(v, parsed.value, result, countries));
  });

  app.get(`${base}/programmes/:id`, async (c) => {
    const v = viewOf(c, lang);
    const id = c.req.param('id') ?? '';
    const missing = () => send(c, v, 404, renderError(v, { status: 404, detail: v.t.programmeNotFound(id.slice(0, 80)) }));
    if (!/^[a-z0-9-]{1,80}$/.test(id)) return missing();
    try {
      const [programme, countries] = await Promise.all([deps.programmes.get(id, deps.today()), names()]);
      return send(c, v, 200, renderProgramme(v, programme, countries));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') return missing();
      throw e;
    }
  });
}
