import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import type { EditService } from '../../services/edit-service.ts';
import type { RecordType } from '../../services/history-ports.ts';
import type { RegistryService } from '../../services/registry-service.ts';
import { historyKey, type SupervisionService } from '../../services/supervision-service.ts';
import { renderError } from '../pages/error.ts';
import {
  commentFilter,
  parseSupervisionQuery,
  procedureFilter,
  renderCommentDetail,
  renderProcedureDetail,
  renderSupervision,
  SUPERVISION_PAGE_SIZE,
} from '../pages/supervision.ts';
import { type HistoryBlock, RECORD_HISTORY_LIMIT } from '../views/history.ts';
import type { CountryNames, SupervisionSectionData } from '../views/supervision.ts';
import type { View } from '../views/view.ts';
import { sendPage, viewOf } from './respond.ts';
import { mountSupervisionForms } from './supervision-forms.ts';

export interface SupervisionPortalDeps {
  registry: RegistryService;
  edits: EditService;
  supervision?: SupervisionService;
  now?: () => Date;
}

async function countryNames(registry: RegistryService): Promise<CountryNames> {
  return new Map((await registry.listCountries({})).map((c) => [c.iso3, c]));
}

/** The sections of a country profile or an instrument page; null (left out) without the service. */
export async function supervisionData(
  deps: SupervisionPortalDeps,
  scope: 'country' | 'instrument',
  key: string,
): Promise<SupervisionSectionData | null> {
  const { supervision } = deps;
  if (!supervision) return null;
  if (scope === 'country') return { scope, ...(await supervision.forCountry(key)) };
  const [block, countries] = await Promise.all([supervision.forInstrument(key), countryNames(deps.registry)]);
  return { scope, ...block, countries };
}

async function history(edits: EditService, recordType: RecordType, id: string): Promise<HistoryBlock> {
  const key = historyKey(id);
  const page = await edits.history({ recordType, recordKey: key }, { page: 1, pageSize: RECORD_HISTORY_LIMIT });
  return { events: page.items, total: page.total, fullPath: `/history?record=${encodeURIComponent(key)}` };
}

const utf8 = new TextEncoder();

export function sendView(c: Context, v: View, body: string, status: ContentfulStatusCode = 200): Response {
  return sendPage(c, utf8.encode(body), status, v.session !== null);
}

export function errorPage(c: Context, v: View, status: ContentfulStatusCode, detail: string | null): Response {
  return sendView(c, v, renderError(v, { status, detail }), status);
}

/** /{lang}/supervision (filterable, paginated, no JavaScript) and the detail page of each record. */
export function mountSupervision(app: Hono, lang: Lang, deps: SupervisionPortalDeps): void {
  const { supervision, registry, edits } = deps;
  if (!supervision) return;
  const base = `/${lang}/supervision`;

  app.get(base, async (c) => {
    const v = viewOf(c, lang);
    const parsed = parseSupervisionQuery(new URL(c.req.url).searchParams);
    if (!parsed.ok) return errorPage(c, v, 400, v.t.supervisionBadFilter(parsed.field));
    const q = parsed.value;
    const [comments, procedures, countries] = await Promise.all([
      supervision.listComments(commentFilter(q), { page: q.cpage, pageSize: SUPERVISION_PAGE_SIZE }),
      supervision.listProcedures(procedureFilter(q), { page: q.ppage, pageSize: SUPERVISION_PAGE_SIZE }),
      countryNames(registry),
    ]);
    return sendView(c, v, renderSupervision(v, { query: q, comments, procedures, countries }));
  });

  mountSupervisionForms(app, lang, { supervision, now: deps.now ?? (() => new Date()) });

  app.get(`${base}/comments/:id`, async (c) => {
    const v = viewOf(c, lang);
    const id = c.req.param('id');
    try {
      const comment = await supervision.getComment(id);
      const [names, block] = await Promise.all([countryNames(registry), history(edits, 'supervisory_comment', comment.id)]);
      return sendView(c, v, renderCommentDetail(v, comment, names, block));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') return errorPage(c, v, 404, v.t.commentNotFound(id));
      throw e;
    }
  });

  app.get(`${base}/procedures/:id`, async (c) => {
    const v = viewOf(c, lang);
    const id = c.req.param('id');
    try {
      const procedure = await supervision.getProcedure(id);
      const [names, block] = await Promise.all([countryNames(registry), history(edits, 'supervisory_procedure', procedure.id)]);
      return sendView(c, v, renderProcedureDetail(v, procedure, names, block));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') return errorPage(c, v, 404, v.t.procedureNotFound(id));
      throw e;
    }
  });
}
