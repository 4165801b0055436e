import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { normaliseIso3 } from '../domain/country.ts';
import { DomainError } from '../domain/errors.ts';
import { LANGS, type Lang } from '../domain/facts.ts';
import { normaliseInstrumentCode } from '../domain/instrument.ts';
import type { RegistryService } from '../services/registry-service.ts';
import { parseCountryListQuery, renderCountryList } from './pages/countries-list.ts';
import { renderCountryProfile } from './pages/country-profile.ts';
import { renderError } from './pages/error.ts';
import { type HomeData, renderHome } from './pages/home.ts';
import { renderInstrument } from './pages/instrument-detail.ts';
import { INSTRUMENTS_PAGE_SIZE, MAX_QUERY_LENGTH, parseInstrumentListQuery, renderInstrumentList } from './pages/instruments-list.ts';
import { renderSearch } from './pages/search.ts';
import { langOfPath, pathWithoutLang, preferredLang } from './routing/locale.ts';
import { RenderMemo } from './routing/render-memo.ts';
import { SingleFlight } from './routing/single-flight.ts';
import { STYLESHEET, STYLESHEET_ETAG } from './static/assets.ts';
import { createView, type View } from './views/view.ts';

const PAGE_CACHE = 'public, max-age=60';
const SEARCH_LIMIT = 50;

function sendPage(c: Context, body: Uint8Array<ArrayBuffer>, status: ContentfulStatusCode = 200): Response {
  return c.body(body, status, {
    'content-type': 'text/html; charset=UTF-8',
    'cache-control': status === 200 ? PAGE_CACHE : 'no-store',
  });
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

interface Rendered {
  status: ContentfulStatusCode;
  /** UTF-8 once, at render time: a reused page is sent without encoding it again. */
  body: Uint8Array<ArrayBuffer>;
}

const utf8 = new TextEncoder();
const ok = (body: string): Rendered => ({ status: 200, body: utf8.encode(body) });

function mountLanguage(app: Hono, registry: RegistryService, lang: Lang): void {
  const base = `/${lang}`;
  const flights = new SingleFlight<Rendered>();
  const memo = new RenderMemo<Rendered>();
  /** A page rendered from a registry object, reused while the service returns that same object. */
  const from = <T extends object>(data: T, v: View, render: (v: View, data: T) => string): Rendered =>
    memo.render(data, `${v.path}${v.search}`, () => ok(render(v, data)));

  /** Renders through the single-flight table: identical concurrent requests share the work. */
  const page = (handler: (c: Context, v: View) => Promise<Rendered>) => async (c: Context) => {
    const url = new URL(c.req.url);
    const v = createView(lang, pathWithoutLang(url.pathname) ?? '/', url.search);
    const rendered = await flights.run(`${url.pathname}${url.search}`, () => handler(c, v));
    return sendPage(c, rendered.body, rendered.status);
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
        return from(await registry.getInstrument(code), v, renderInstrument);
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
        return from(await registry.getCountryProfile(iso3), v, renderCountryProfile);
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
      return ok(renderSearch(v, q ? await registry.search(q, SEARCH_LIMIT) : null));
    }),
  );

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
