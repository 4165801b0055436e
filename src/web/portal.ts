import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Actor } from '../domain/access/policy.ts';
import { normaliseIso3 } from '../domain/country.ts';
import { DomainError } from '../domain/errors.ts';
import { LANGS, type Lang } from '../domain/facts.ts';
import { normaliseInstrumentCode } from '../domain/instrument.ts';
import type { AccountService } from '../services/account-service.ts';
import type { CaseService } from '../services/cases/case-service.ts';
import type { CaseMetricsService } from '../services/cases/metrics-service.ts';
import type { UnitService } from '../services/cases/unit-service.ts';
import type { ComplianceService } from '../services/compliance-service.ts';
import type { ConferenceService } from '../services/conference-service.ts';
import type { DocumentService } from '../services/document-service.ts';
import type { EditService } from '../services/edit-service.ts';
import type { GapsService } from '../services/gaps-service.ts';
import type { HistoryFilter } from '../services/history-ports.ts';
import type { OrgansService } from '../services/organs-service.ts';
import type { ProgrammeService } from '../services/programme-service.ts';
import type { RegistryService } from '../services/registry-service.ts';
import type { ReportingService } from '../services/reporting-service.ts';
import type { SearchService } from '../services/search/search-service.ts';
import type { StatisticsService } from '../services/statistics-service.ts';
import type { SubmissionService } from '../services/submission-service.ts';
import type { SupervisionService } from '../services/supervision-service.ts';
import type { UsdolService } from '../services/usdol-service.ts';
import { checkErrors, parseCheckForm, renderComplianceCheck } from './pages/compliance-check.ts';
import { parseCountryListQuery, renderCountryList } from './pages/countries-list.ts';
import { renderCountryProfile } from './pages/country-profile.ts';
import { renderError } from './pages/error.ts';
import { type HomeData, renderHome } from './pages/home.ts';
import { renderInstrument } from './pages/instrument-detail.ts';
import { INSTRUMENTS_PAGE_SIZE, MAX_QUERY_LENGTH, parseInstrumentListQuery, renderInstrumentList } from './pages/instruments-list.ts';
import { renderSearch } from './pages/search.ts';
import { renderSearchAll } from './pages/search-all.ts';
import { mountCases } from './routing/case-routes.ts';
import { mountConference } from './routing/conference-routes.ts';
import { mountDocuments } from './routing/document-routes.ts';
import { addressFromConnection, mountEditing } from './routing/editing-routes.ts';
import { mountGoods } from './routing/goods-routes.ts';
import { langOfPath, pathWithoutLang, preferredLang } from './routing/locale.ts';
import { mountMap } from './routing/map-routes.ts';
import { mountOpenData } from './routing/open-data-routes.ts';
import { mountOrgans } from './routing/organs-routes.ts';
import { mountProgrammes } from './routing/programme-routes.ts';
import { RenderMemo } from './routing/render-memo.ts';
import { mountReporting } from './routing/reporting-routes.ts';
import { type Rendered, rendered, sendPage, sessionOf } from './routing/respond.ts';
import { mountRevertConfirm } from './routing/revert-routes.ts';
import { mountScreening } from './routing/screen-routes.ts';
import { SingleFlight } from './routing/single-flight.ts';
import { mountStatistics } from './routing/statistics-routes.ts';
import { mountSubmissions } from './routing/submission-routes.ts';
import { mountSupervision, supervisionData } from './routing/supervision-routes.ts';
import { mountUnitMetrics } from './routing/unit-metrics-routes.ts';
import { mountUnits } from './routing/unit-routes.ts';
import { mountVoteCalculator } from './routing/vote-routes.ts';
import { cacheControlFor, STATIC_ASSETS } from './static/assets.ts';
import type { FieldError } from './views/forms.ts';
import { type HistoryBlock, RECORD_HISTORY_LIMIT } from './views/history.ts';
import { createView, type View } from './views/view.ts';

export interface PortalDeps {
  registry: RegistryService;
  compliance: ComplianceService;
  accounts: AccountService;
  edits: EditService;
  gaps: GapsService;
  submissions: SubmissionService;
  reporting: ReportingService;
  conference: ConferenceService;
  organs: OrgansService;
  supervision?: SupervisionService;
  programmes?: ProgrammeService;
  statistics?: StatisticsService;
  search?: SearchService;
  /** USDOL's List of Goods and country facts (issue 10); /goods and the profile section are left out without it. */
  usdol?: UsdolService;
  /** The documents library (issue 10, decision 196); no /documents pages without it. */
  documents?: DocumentService;
  /** A monitoring unit's figures (issue 11, decision 223); no /units/{id}/metrics without it. */
  caseMetrics?: CaseMetricsService;
  /** Children's cases (issue 11); no case pages without it. */
  cases?: CaseService;
  /** Monitoring units (issue 11); /{lang}/units is left out without it. */
  units?: UnitService;
  /** Today's date as YYYY-MM-DD (the default reference date of the compliance forms). */
  today: () => string;
  now?: () => Date;
  /** The client's address, for the sign-in rate limit; the connection's address when not given. */
  addressOf?: (c: Context) => string;
}

const SEARCH_LIMIT = 50;
/** Hits shown per kind on the search page (decision 175). */
const SEARCH_ALL_LIMIT = 20;

function isNotFound(error: unknown): boolean {
  return error instanceof DomainError && error.code === 'not_found';
}

async function homeData(registry: RegistryService): Promise<HomeData> {
  const [instruments, countries, c138, c182] = await Promise.all([
    registry.listInstruments({}, { page: 1, pageSize: 1 }),
    registry.listCountries({}),
    registry.listInstruments({ q: 'C138' }, { page: 1, pageSize: 10 }),
    registry.listInstruments({ q: 'C182' }, { page: 1, pageSize: 10 }),
  ]);
  const childLabour = [c138.items.find((i) => i.code === 'C138'), c182.items.find((i) => i.code === 'C182')].filter(
    (i): i is NonNullable<typeof i> => i !== undefined,
  );
  return {
    instrumentCount: instruments.total,
    countryCount: countries.length,
    ratificationCount: countries.reduce((sum, c) => sum + c.recordedRatifications, 0),
    childLabour,
  };
}

const utf8 = new TextEncoder();
const ok = (body: string): Rendered => rendered(body);

/** The latest changes of a record for its page, and the address of all of them. */
async function historyBlock(edits: EditService, filter: HistoryFilter, fullPath: string): Promise<HistoryBlock> {
  const page = await edits.history(filter, { page: 1, pageSize: RECORD_HISTORY_LIMIT });
  return { events: page.items, total: page.total, fullPath };
}

/** "?saved=1" after a change is redirected to the record: said to the editor, not to anyone else. */
function noticeOf(v: View): 'saved' | 'unchanged' | null {
  if (!v.session) return null;
  const q = new URLSearchParams(v.search);
  return q.get('saved') === '1' ? 'saved' : q.get('unchanged') === '1' ? 'unchanged' : null;
}

function mountLanguage(app: Hono, deps: PortalDeps, lang: Lang): void {
  const { registry, compliance, edits, today } = deps;
  const base = `/${lang}`;
  const flights = new SingleFlight<Rendered>();
  const memo = new RenderMemo<Rendered>();
  /**
   * A page rendered from a registry object, reused while the service returns that same object (any
   * write, and so any new history entry, gives a new object). A signed-in reader's page is their own:
   * never reused.
   */
  const from = <T extends object>(data: T, v: View, render: (v: View, data: T) => string): Rendered =>
    v.session ? ok(render(v, data)) : memo.render(data, `${v.path}${v.search}`, () => ok(render(v, data)));
  const fromAsync = <T extends object>(data: T, v: View, render: () => Promise<string>): Promise<Rendered> =>
    v.session ? render().then(ok) : memo.renderAsync(data, `${v.path}${v.search}`, () => render().then(ok));

  /**
   * Renders through the single-flight table: identical concurrent anonymous requests share the
   * work. A signed-in reader's page carries their name and CSRF token, so it is rendered for them alone.
   */
  const page = (handler: (c: Context, v: View) => Promise<Rendered>) => async (c: Context) => {
    const url = new URL(c.req.url);
    const session = sessionOf(c);
    const v = createView(lang, pathWithoutLang(url.pathname) ?? '/', url.search, session);
    const result = session ? await handler(c, v) : await flights.run(`${url.pathname}${url.search}`, () => handler(c, v));
    return sendPage(c, result.body, result.status, session !== null);
  };

  /** Lower-case or unpadded codes (c138, idn) get one canonical address. */
  const canonical =
    (param: string, normalise: (raw: string) => string | null, prefix: string): MiddlewareHandler =>
    async (c, next) => {
      const raw = c.req.param(param) ?? '';
      const value = normalise(raw);
      if (value && value !== raw) return c.redirect(`${base}${prefix}${value}${new URL(c.req.url).search}`, 301);
      await next();
    };

  const error = (v: View, status: ContentfulStatusCode, detail: string | null): Rendered => ({
    status,
    body: utf8.encode(renderError(v, { status, detail })),
  });

  app.get(base, (c) => c.redirect(`${base}/${new URL(c.req.url).search}`, 301));

  app.get(
    `${base}/`,
    page(async (_c, v) => ok(renderHome(v, await homeData(registry)))),
  );

  app.get(
    `${base}/instruments`,
    page(async (c, v) => {
      const subjects = (await registry.listSubjects()).map((s) => s.subject);
      const parsed = parseInstrumentListQuery(v, new URL(c.req.url).searchParams, subjects);
      if (!parsed.ok) return error(v, 400, parsed.message);
      const { filter, page: n } = parsed.value;
      const result = await registry.listInstruments(filter, { page: n, pageSize: INSTRUMENTS_PAGE_SIZE });
      return from(result, v, (view, r) => renderInstrumentList(view, parsed.value, r, subjects));
    }),
  );

  app.get(
    `${base}/instruments/:code`,
    canonical('code', normaliseInstrumentCode, '/instruments/'),
    page(async (c, v) => {
      const raw = c.req.param('code') ?? '';
      const code = normaliseInstrumentCode(raw);
      if (!code) return error(v, 404, v.t.instrumentNotFound(raw));
      try {
        const detail = await registry.getInstrument(code);
        return await fromAsync(detail, v, async () =>
          renderInstrument(v, detail, {
            history: await historyBlock(edits, { recordType: 'instrument', recordKey: code }, `/history?record=${code}`),
            notice: noticeOf(v),
            supervision: await supervisionData(deps, 'instrument', code),
            mapMembers: await registry.listCountries({}),
          }),
        );
      } catch (e) {
        if (isNotFound(e)) return error(v, 404, v.t.instrumentNotFound(code));
        throw e;
      }
    }),
  );

  app.get(
    `${base}/countries`,
    page(async (c, v) => {
      const parsed = parseCountryListQuery(v, new URL(c.req.url).searchParams);
      if (!parsed.ok) return error(v, 400, parsed.message);
      return from(await registry.listCountries(parsed.value), v, (view, list) => renderCountryList(view, parsed.value, list));
    }),
  );

  app.get(
    `${base}/countries/:iso3`,
    canonical('iso3', normaliseIso3, '/countries/'),
    page(async (c, v) => {
      const raw = c.req.param('iso3') ?? '';
      const iso3 = normaliseIso3(raw);
      if (!iso3) return error(v, 404, v.t.countryNotFound(raw));
      try {
        const profile = await registry.getCountryProfile(iso3);
        return await fromAsync(profile, v, async () => {
          const [facts, history] = await Promise.all([
            compliance.countryFacts(iso3),
            historyBlock(edits, { country: iso3 }, `/history?country=${iso3}`),
          ]);
          return renderCountryProfile(v, profile, {
            national: facts?.profile ?? null,
            history,
            notice: noticeOf(v),
            offices: await deps.organs.officesForCountry(iso3),
            programmes: await deps.programmes?.forCountry(iso3, today()),
            usdol: deps.usdol?.country(iso3),
            supervision: await supervisionData(deps, 'country', iso3),
          });
        });
      } catch (e) {
        if (isNotFound(e)) return error(v, 404, v.t.countryNotFound(iso3));
        throw e;
      }
    }),
  );

  app.get(
    `${base}/search`,
    page(async (c, v) => {
      const q = (c.req.query('q') ?? '').trim();
      if (q.length > MAX_QUERY_LENGTH) return error(v, 400, v.t.queryTooLong(String(MAX_QUERY_LENGTH)));
      if (deps.search) return ok(renderSearchAll(v, q ? await deps.search.search({ q, lang, limit: SEARCH_ALL_LIMIT }) : null));
      return ok(renderSearch(v, q ? await registry.search(q, SEARCH_LIMIT) : null));
    }),
  );

  app.get(
    `${base}/compliance/check`,
    page(async (c, v) => {
      const form = parseCheckForm(new URL(c.req.url).searchParams);
      const day = today();
      const countries = await registry.listCountries({});
      const data = { countries, values: form.values, today: day, answer: null, errors: [] as FieldError[] };
      if (!form.submitted) return ok(renderComplianceCheck(v, data));
      try {
        const answer = await compliance.check({ ...form.request, lang }, day);
        return ok(renderComplianceCheck(v, { ...data, answer }));
      } catch (e) {
        if (!(e instanceof DomainError) || (e.code !== 'invalid' && e.code !== 'not_found')) throw e;
        const errors = checkErrors(v, e, form.values, day);
        return { status: 400, body: utf8.encode(renderComplianceCheck(v, { ...data, errors })) };
      }
    }),
  );

  mountScreening(app, lang, { compliance, today });

  mountEditing(app, lang, {
    registry,
    compliance,
    accounts: deps.accounts,
    edits,
    gaps: deps.gaps,
    now: deps.now ?? (() => new Date()),
    addressOf: deps.addressOf ?? addressFromConnection,
  });
  mountRevertConfirm(app, lang, edits);
  mountConference(app, lang, { conference: deps.conference, registry, now: deps.now ?? (() => new Date()) });
  mountVoteCalculator(app, lang);
  mountMap(app, lang, registry);
  mountSubmissions(app, lang, { registry, submissions: deps.submissions, today, now: deps.now ?? (() => new Date()) });
  mountReporting(app, lang, {
    reporting: deps.reporting,
    submissions: deps.submissions,
    edits,
    today,
    now: deps.now ?? (() => new Date()),
  });
  mountOrgans(app, lang, { organs: deps.organs, registry, today, now: deps.now ?? (() => new Date()) });
  if (deps.programmes)
    mountProgrammes(app, lang, { programmes: deps.programmes, registry, today, edits, organs: deps.organs, now: deps.now });
  mountSupervision(app, lang, deps);
  if (deps.statistics) mountStatistics(app, lang, deps.statistics);
  if (deps.usdol) mountGoods(app, lang, { usdol: deps.usdol, registry });
  if (deps.documents) mountDocuments(app, lang, { documents: deps.documents, registry, now: deps.now ?? (() => new Date()) });
  if (deps.caseMetrics) mountUnitMetrics(app, lang, { caseMetrics: deps.caseMetrics, today });
  mountOpenData(app, lang, { ...deps, registry, today });
  if (deps.cases) {
    const { units } = deps;
    const unitName = units ? async (actor: Actor, unitId: number) => (await units.get(actor, unitId)).name : undefined;
    mountCases(app, lang, { cases: deps.cases, today, now: deps.now ?? (() => new Date()), unitName });
  }
  if (deps.units) mountUnits(app, lang, { units: deps.units, now: deps.now ?? (() => new Date()) });

  // '/en/instruments/' and the like: one canonical address per page, without the trailing slash.
  app.get(`${base}/*`, async (c, next) => {
    const url = new URL(c.req.url);
    if (url.pathname.length > base.length + 1 && url.pathname.endsWith('/')) {
      return c.redirect(`${url.pathname.replace(/\/+$/, '')}${url.search}`, 301);
    }
    await next();
  });
}

/**
 * The server-rendered bilingual portal: every page under /en/… and /id/…. No page needs a
 * script; the screening page has an optional one for upload progress.
 */
export function createPortal(deps: PortalDeps): Hono {
  const app = new Hono();

  app.get('/', (c) => {
    c.header('vary', 'Accept-Language');
    c.header('cache-control', 'no-store');
    return c.redirect(`/${preferredLang(c.req.header('accept-language'))}/`, 302);
  });

  app.get('/static/:name', (c) => {
    const asset = STATIC_ASSETS.get(c.req.param('name'));
    if (!asset) return c.notFound();
    // A compressed copy was sent with the weak form of the tag (W/"…"): either matches.
    const known = (c.req.header('if-none-match') ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (known.includes(asset.etag)) return c.body(null, 304, { etag: asset.etag });
    const cacheControl = cacheControlFor(asset, c.req.query('v'));
    return c.body(asset.body, 200, { 'content-type': asset.contentType, 'cache-control': cacheControl, etag: asset.etag });
  });

  for (const lang of LANGS) mountLanguage(app, deps, lang);
  return app;
}

/** Error page in the language of the path; a 5xx never shows `detail`. */
export function renderPortalError(c: Context, status: number, detail: string | null): Response {
  const url = new URL(c.req.url);
  const lang = langOfPath(url.pathname);
  const rest = pathWithoutLang(url.pathname);
  const v = createView(lang, rest ?? '/', rest === null ? '' : url.search, sessionOf(c));
  const body = renderError(v, { status, detail: status < 500 ? detail : null, detailLang: 'en' });
  return c.html(body, status as ContentfulStatusCode, { 'cache-control': 'no-store' });
}
