import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import type { EditService } from '../../services/edit-service.ts';
import type { OrgansService } from '../../services/organs-service.ts';
import { programmeHistoryKey } from '../../services/programme-edits.ts';
import type { ProgrammeService } from '../../services/programme-service.ts';
import type { RegistryService } from '../../services/registry-service.ts';
import { renderError } from '../pages/error.ts';
import { PROGRAMMES_PAGE_SIZE, parseProgrammeListQuery, renderProgramme, renderProgrammeList } from '../pages/programmes.ts';
import { RECORD_HISTORY_LIMIT } from '../views/history.ts';
import type { CountryNames } from '../views/organs.ts';
import type { View } from '../views/view.ts';
import { mountProgrammeForms } from './programme-forms.ts';
import { rendered, sendPage, viewOf } from './respond.ts';

export interface ProgrammesPortalDeps {
  programmes: ProgrammeService;
  registry: RegistryService;
  today: () => string;
  /** The history of each programme, shown on its page (decision 200); left out without it. */
  edits?: EditService;
  /** The office form is mounted with the programme forms when given (decision 201). */
  organs?: OrgansService;
  now?: () => Date;
}

/** GET /{lang}/programmes (no-JS filter form, paginated) and /{lang}/programmes/{id}. Uncached reads (decision 170). */
export function mountProgrammes(app: Hono, lang: Lang, deps: ProgrammesPortalDeps): void {
  const base = `/${lang}`;
  const send = (c: Context, v: View, status: ContentfulStatusCode, body: string): Response => {
    const r = rendered(body, status);
    return sendPage(c, r.body, r.status, v.session !== null);
  };
  const names = async (): Promise<CountryNames> => new Map((await deps.registry.listCountries({})).map((c) => [c.iso3, c]));
  const history = async (id: string) => {
    if (!deps.edits) return undefined;
    const key = programmeHistoryKey(id);
    const page = await deps.edits.history({ recordType: 'programme', recordKey: key }, { page: 1, pageSize: RECORD_HISTORY_LIMIT });
    return { events: page.items, total: page.total, fullPath: `/history?recordType=programme&record=${encodeURIComponent(key)}` };
  };
  // Before /programmes/{id}: "new" is a form, not an id.
  mountProgrammeForms(app, lang, {
    programmes: deps.programmes,
    organs: deps.organs,
    today: deps.today,
    now: deps.now ?? (() => new Date()),
  });

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
      const [programme, countries, block] = await Promise.all([deps.programmes.get(id, deps.today()), names(), history(id)]);
      return send(c, v, 200, renderProgramme(v, programme, countries, block));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') return missing();
      throw e;
    }
  });
}
