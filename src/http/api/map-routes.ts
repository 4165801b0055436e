import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { LANGS, type Lang } from '../../domain/facts.ts';
import { normaliseInstrumentCode } from '../../domain/instrument.ts';
import type { RegistryService } from '../../services/registry-service.ts';
import { dictFor } from '../../web/i18n/index.ts';
import { preferredLang } from '../../web/routing/locale.ts';
import { mapSvgFor } from '../../web/views/ratification-map.ts';
import { problem, problemResponse } from '../problem.ts';
import { problemDoc } from './schemas.ts';

/*
 * GET /api/map/{code}.svg: the ratification map of a Convention or Protocol as a standalone SVG
 * (decision 162). Hono cannot read a parameter followed by a suffix ("{code}.svg"), so the route is
 * documented with registerPath and matched with one regular-expression parameter.
 */

const PARAM = /^([CPRcpr]\d{1,3})\.svg$/;

export function addMapRoutes(api: OpenAPIHono, registry: RegistryService): void {
  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/map/{code}.svg',
    tags: ['instruments'],
    summary: 'Ratification map of a Convention or Protocol (SVG; for C138 coloured by declared minimum age)',
    request: {
      params: z.object({
        code: z
          .string()
          .regex(/^[CPcp]\d{1,3}$/)
          .openapi({ param: { name: 'code', in: 'path' }, example: 'C138' }),
      }),
      query: z.object({
        lang: z
          .enum(LANGS)
          .optional()
          .openapi({ param: { name: 'lang', in: 'query' }, description: 'Language of the titles (else from Accept-Language, else en)' }),
      }),
    },
    responses: {
      200: { description: 'The map', content: { 'image/svg+xml': { schema: z.string() } } },
      400: problemDoc('Invalid code or language'),
      404: problemDoc('No such instrument'),
    },
  });

  api.get('/map/:file{[^/]+\\.svg}', async (c) => {
    const file = c.req.param('file');
    const m = PARAM.exec(file);
    const code = m?.[1] ? normaliseInstrumentCode(m[1]) : null;
    if (!code) return problemResponse(c, problem(400, 'code must look like C138 or P029 (a Convention or Protocol), followed by .svg'));
    const langParam = c.req.query('lang');
    if (langParam !== undefined && !(LANGS as readonly string[]).includes(langParam)) {
      return problemResponse(c, problem(400, `lang must be one of ${LANGS.join(', ')}`));
    }
    const lang = (langParam as Lang | undefined) ?? preferredLang(c.req.header('accept-language'));
    const [detail, members] = await Promise.all([registry.getInstrument(code), registry.listCountries({})]);
    if (detail.instrument.type === 'recommendation') {
      return problemResponse(c, problem(400, `${code} is a Recommendation: Recommendations are not ratified, so there is no map.`));
    }
    const svg = mapSvgFor({ lang, t: dictFor(lang) }, detail, members);
    return c.body(svg, 200, {
      'content-type': 'image/svg+xml; charset=utf-8',
      'cache-control': 'public, max-age=60',
      vary: 'Accept-Language',
    });
  });
}
