import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { MAX_SEARCH_QUERY, type SearchService } from '../../services/search/search-service.ts';
import { SEARCH_KINDS } from '../../services/search/search-source.ts';
import { problemDoc as problem } from './schemas.ts';

/* One search over everything (issue 10, decision 175): read-only, open to anyone. */

const SearchHitSchema = z
  .object({
    kind: z.enum(SEARCH_KINDS),
    key: z.string(),
    title: z.string(),
    /** The portal page of the record, in the language asked for. */
    href: z.string(),
    score: z.number(),
  })
  .openapi('SearchHit');

const SearchResponseSchema = z
  .object({
    q: z.string(),
    lang: z.enum(['en', 'id']),
    kind: z.enum(SEARCH_KINDS).nullable(),
    matched: z
      .enum(['all', 'any', 'none'])
      .openapi({ description: 'all: every word matched; any: nothing matched every word, so records matching some are shown' }),
    groups: z.array(z.object({ kind: z.enum(SEARCH_KINDS), total: z.number().int(), hits: z.array(SearchHitSchema) })),
  })
  .openapi('SearchResponse');

const search = createRoute({
  method: 'get',
  path: '/search',
  tags: ['search'],
  summary: 'Search instruments, member States, offices, supervisory comments and Conference sessions, grouped by kind',
  description:
    'Case- and accent-insensitive, tolerant of a typo in longer words, with Indonesian affixes (pekerjaan, bekerja → kerja) and English plurals stripped. "konvensi 182", "Convention No. 182" and "C182" name one instrument.',
  request: {
    query: z.object({
      q: z
        .string({ error: 'q is required' })
        .trim()
        .min(1, 'q must not be empty')
        .max(MAX_SEARCH_QUERY, `q must be at most ${MAX_SEARCH_QUERY} characters`)
        .openapi({ param: { name: 'q', in: 'query' }, example: 'pekerja anak' }),
      lang: z
        .enum(['en', 'id'], { error: 'lang must be en or id' })
        .default('en')
        .openapi({ param: { name: 'lang', in: 'query' } }),
      kind: z
        .enum(SEARCH_KINDS, { error: `kind must be one of ${SEARCH_KINDS.join(', ')}` })
        .optional()
        .openapi({ param: { name: 'kind', in: 'query' } }),
      limit: z.coerce
        .number({ error: 'limit must be a whole number from 1 to 100' })
        .int('limit must be a whole number from 1 to 100')
        .min(1, 'limit must be a whole number from 1 to 100')
        .max(100, 'limit must be a whole number from 1 to 100')
        .default(10)
        .openapi({ param: { name: 'limit', in: 'query' }, description: 'Hits per kind (totals count them all)' }),
    }),
  },
  responses: {
    200: { description: 'Results grouped by kind', content: { 'application/json': { schema: SearchResponseSchema } } },
    400: problem('q empty or too long, or an unknown lang or kind'),
  },
});

export function addSearchRoutes(api: OpenAPIHono, service: SearchService): void {
  api.openapi(search, async (c) => {
    const { q, lang, kind, limit } = c.req.valid('query');
    const result = await service.search({ q, lang, kind, limit });
    const groups = result.groups.map((g) => ({ ...g, hits: g.hits.map(({ path, ...h }) => ({ ...h, href: `/${lang}${path}` })) }));
    return c.json({ ...result, groups }, 200);
  });
}
