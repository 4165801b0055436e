import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { normaliseIso3 } from '../domain/country.ts';
import { DomainError } from '../domain/errors.ts';
import { type Lang, LANGS } from '../domain/facts.ts';
import { normaliseInstrumentCode } from '../domain/instrument.ts';
import type { RegistryService } from '../services/registry-service.ts';
import { langOfPath, pathWithoutLang, preferredLang } from './locale.ts';
import { parseCountryListQuery, renderCountryList } from './pages/countries-list.ts';
import { renderCountryProfile } from './pages/country-profile.ts';
import { renderError } from './pages/error.ts';
import { type HomeData, renderHome } from './pages/home.ts';
import { renderInstrument } from './pages/instrument-detail.ts';
import { INSTRUMENTS_PAGE_SIZE, MAX_QUERY_LENGTH, parseInstrumentListQuery, renderInstrumentList } from './pages/instruments-list.ts';
import { renderSearch } from './pages/search.ts';
import { STYLESHEET, STYLESHEET_ETAG } from './static/assets.ts';
import { createView, type View } from './views/view.ts';

const PAGE_CACHE = 'public, max-age=60';
const SEARCH_LIMIT = 50;

function viewOf(c: Context, lang: Lang): View {
  const url = new URL(c.req.url);
  return createView(lang, pathWithoutLang(url.pathname) ?? '/', url.search);
}

function sendPage(c: Context, body: string, status: ContentfulStatusCode = 200): Response {
  return c.html(body, status, { 'cache-control': status === 200 ? PAGE_CACHE : 'no-store' });
}

function sendError(c: Context, v: View, status: ContentfulStatusCode, detail: string | null): Response {
  return sendPage(c, renderError(v, { status, detail }), status);
}

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

function mountLanguage(app: Hono, registry: RegistryService, lang: Lang): void {
  const base = `/${lang}`;

  app.get(base, (c) => c.redirect(`${base}/${new URL(c.req.url).search}`, 301));

  app.get(`${base}/`, async (c) => sendPage(c, renderHome(viewOf(c, lang), await homeData(registry))));

  app.get(`${base}/instruments`, async (c) => {
    const v = viewOf(c, lang);
    const subjects = (await registry.listSubjects()).map((s) => s.subject);
    const parsed = parseInstrumentListQuery(v, new URL(c.req.url).searchParams, subjects);
    if (!parsed.ok) return sendError(c, v, 400, parsed.message);
    const { filter, page } = parsed.value;
    const result = await registry.listInstruments(filter, { page, pageSize: INSTRUMENTS_PAGE_SIZE });
    return sendPage(c, renderInstrumentList(v, parsed.value, result, subjects));
  });

  app.get(`${base}/instruments/:code`, async (c) => {
    const v = viewOf(c, lang);
    const raw = c.req.param('code');
    const code = normaliseInstrumentCode(raw);
    if (!code) return sendError(c, v, 404, v.t.instrumentNotFound(raw));
    if (code !== raw) return c.redirect(`${base}/instruments/${code}${v.search}`, 301);
    try {
      return sendPage(c, renderInstrument(v, await registry.getInstrument(code)));
    } catch (error) {
      if (isNotFound(error)) return sendError(c, v, 404, v.t.instrumentNotFound(code));
      throw error;
    }
  });

  app.get(`${base}/countries`, async (c) => {
    const v = viewOf(c, lang);
    const parsed = parseCountryListQuery(v, new URL(c.req.url).searchParams);
    if (!parsed.ok) return sendError(c, v, 400, parsed.message);
    return sendPage(c, renderCountryList(v, parsed.value, await registry.listCountries(parsed.value)));
  });

  app.get(`${base}/countries/:iso3`, async (c) => {
    const v = viewOf(c, lang);
    const raw = c.req.param('iso3');
    const iso3 = normaliseIso3(raw);
    if (!iso3) return sendError(c, v, 404, v.t.countryNotFound(raw));
    if (iso3 !== raw) return c.redirect(`${base}/countries/${iso3}${v.search}`, 301);
    try {
      return sendPage(c, renderCountryProfile(v, await registry.getCountryProfile(iso3)));
    } catch (error) {
      if (isNotFound(error)) return sendError(c, v, 404, v.t.countryNotFound(iso3));
      throw error;
    }
  });

  app.get(`${base}/search`, async (c) => {
    const v = viewOf(c, lang);
    const q = (c.req.query('q') ?? '').trim();
    if (q.length > MAX_QUERY_LENGTH) return sendError(c, v, 400, v.t.queryTooLong(String(MAX_QUERY_LENGTH)));
    return sendPage(c, renderSearch(v, q ? await registry.search(q, SEARCH_LIMIT) : null));
  });

  // '/en/instruments/' and the like: one canonical address per page, without the trailing slash.
  app.get(`${base}/*`, async (c, next) => {
    const url = new URL(c.req.url);
    if (url.pathname.length > base.length + 1 && url.pathname.endsWith('/')) {
      return c.redirect(`${url.pathname.replace(/\/+$/, '')}${url.search}`, 301);
    }
    await next();
  });
}

/** The server-rendered bilingual portal: every page under /en/… and /id/…, no client script. */
export function createPortal(registry: RegistryService): Hono {
  const app = new Hono();

  app.get('/', (c) => {
    c.header('vary', 'Accept-Language');
    c.header('cache-control', 'no-store');
    return c.redirect(`/${preferredLang(c.req.header('accept-language'))}/`, 302);
  });

  app.get('/static/site.css', (c) => {
    if (c.req.header('if-none-match') === STYLESHEET_ETAG) return c.body(null, 304, { etag: STYLESHEET_ETAG });
    return c.body(STYLESHEET, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
      etag: STYLESHEET_ETAG,
    });
  });

  for (const lang of LANGS) mountLanguage(app, registry, lang);
  return app;
}

/** Error page in the language of the path; a 5xx never shows `detail`. */
export function renderPortalError(c: Context, status: number, detail: string | null): Response {
  const url = new URL(c.req.url);
  const lang = langOfPath(url.pathname);
  const rest = pathWithoutLang(url.pathname);
  const v = createView(lang, rest ?? '/', rest === null ? '' : url.search);
  const body = renderError(v, { status, detail: status < 500 ? detail : null, detailLang: 'en' });
  return c.html(body, status as ContentfulStatusCode, { 'cache-control': 'no-store' });
}
