import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { GAP_KINDS } from '../../domain/gaps.ts';
import type { GapsService } from '../../services/gaps-service.ts';
import { authState } from '../auth.ts';
import { PageQuerySchema, problemDoc as problem } from './schemas.ts';

/* The worklist of unknown and weak facts (read-only; what a reader may fill depends on the reader). */

const GapSchema = z
  .object({
    kind: z.enum(GAP_KINDS),
    record: z.string(),
    recordType: z.enum(['ratification', 'instrument', 'national_profile', 'gb_period']),
    country: z.string().nullable(),
    instrument: z.string().nullable(),
    role: z.enum(['focal_point', 'secretariat']),
  })
  .openapi('Gap');

const listGaps = createRoute({
  method: 'get',
  path: '/gaps',
  tags: ['history'],
  summary: 'Unknown and low-confidence facts to fill, each with the role that may fill it',
  request: {
    query: z.object({
      country: z
        .string()
        .regex(/^[A-Za-z]{3}$/, 'country must be an ISO 3166 alpha-3 code')
        .optional()
        .openapi({ param: { name: 'country', in: 'query' } }),
      kind: z
        .enum(GAP_KINDS, { error: `kind must be one of ${GAP_KINDS.join(', ')}` })
        .optional()
        .openapi({ param: { name: 'kind', in: 'query' } }),
      ...PageQuerySchema,
    }),
  },
  responses: {
    200: {
      description: 'Gaps',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(GapSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            counts: z.record(z.string(), z.number().int()),
          }),
        },
      },
    },
    400: problem('Invalid filter'),
  },
});

export function addGapsRoutes(api: OpenAPIHono, gaps: GapsService): void {
  api.openapi(listGaps, async (c) => {
    const { country, kind, page, pageSize } = c.req.valid('query');
    return c.json(await gaps.list({ country: country?.toUpperCase(), kind }, { page, pageSize }, authState(c).actor), 200);
  });
}
