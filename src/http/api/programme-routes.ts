import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { normaliseInstrumentCode } from '../../domain/instrument.ts';
import { ORGANIZATION_ROLES, PROGRAMME_STATUSES, PROGRAMME_THEMES } from '../../domain/programmes/programme.ts';
import type { ProgrammeService } from '../../services/programme-service.ts';
import { PageMetaSchema, PageQuerySchema, problemDoc as problem } from './schemas.ts';

/* Programmes registry, read side (issue 10, decision 170): open to all, no account needed. */

const tags = ['programmes'];
const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const nullableList = z.array(z.string()).nullable();

export const ProgrammeSchema = z
  .object({
    id: z.string(),
    nameEn: z.string(),
    nameId: z.string().nullable(),
    aimEn: z.string().nullable(),
    aimId: z.string().nullable(),
    countries: nullableList.openapi({ description: 'ISO 3166 alpha-3 codes; null: the source names none' }),
    area: z.string().nullable(),
    startYear: z.number().int().nullable(),
    endYear: z.number().int().nullable(),
    durationYears: z.number().int().nullable(),
    closedPerSource: z.boolean(),
    status: z.enum(PROGRAMME_STATUSES).openapi({ description: 'From the period (or the source marking it closed) against today' }),
    donors: nullableList,
    partners: nullableList,
    instruments: nullableList.openapi({ description: 'Instrument codes it serves; null: the source does not say' }),
    themes: z.array(z.enum(PROGRAMME_THEMES)),
    roles: z.array(z.enum(ORGANIZATION_ROLES)).nullable().openapi({ description: "The Organization's roles; null: not stated" }),
    activities: nullableList,
    outcomes: nullableList,
    url: z.string().nullable(),
    source: z.string(),
    confidence: z.enum(['high', 'medium', 'low']),
    notes: z.string().nullable(),
  })
  .openapi('Programme');

const ProgrammePageSchema = z.object({ items: z.array(ProgrammeSchema), ...PageMetaSchema }).openapi('ProgrammePage');

export const ProgrammeListQuerySchema = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'country must be an ISO 3166 alpha-3 code')
    .optional()
    .openapi({ param: { name: 'country', in: 'query' }, example: 'IDN' }),
  instrument: z
    .string()
    .max(12, 'instrument must be an instrument code such as C182')
    .refine((v) => normaliseInstrumentCode(v) !== null, 'instrument must be an instrument code such as C182')
    .optional()
    .openapi({ param: { name: 'instrument', in: 'query' }, example: 'C182' }),
  theme: z
    .enum(PROGRAMME_THEMES, { error: `theme must be one of ${PROGRAMME_THEMES.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'theme', in: 'query' } }),
  status: z
    .enum(PROGRAMME_STATUSES, { error: `status must be one of ${PROGRAMME_STATUSES.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
  ...PageQuerySchema,
});

const IdParamSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, 'id must be lower-case letters, digits and hyphens (at most 80)')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'east-indonesia' }),
});

const list = createRoute({
  method: 'get',
  path: '/programmes',
  tags,
  summary: 'Technical-cooperation programmes and projects, filtered by country, instrument, theme and status, paginated',
  request: { query: ProgrammeListQuerySchema },
  responses: { 200: json('A page of programmes', ProgrammePageSchema), 400: problem('Invalid parameter (the problem names it)') },
});

const one = createRoute({
  method: 'get',
  path: '/programmes/{id}',
  tags,
  summary: 'One programme with every field, its sources and confidence; unknowns are null',
  request: { params: IdParamSchema },
  responses: { 200: json('The programme', ProgrammeSchema), 400: problem('Invalid id'), 404: problem('No such programme') },
});

export function addProgrammeRoutes(api: OpenAPIHono, programmes: ProgrammeService, today: () => string): void {
  api.openapi(list, async (c) => {
    const { country, instrument, theme, status, page, pageSize } = c.req.valid('query');
    const result = await programmes.list(
      {
        country: country?.toUpperCase(),
        instrument: instrument ? (normaliseInstrumentCode(instrument) ?? undefined) : undefined,
        theme,
        status,
      },
      { page, pageSize },
      today(),
    );
    return c.json(result, 200);
  });

  api.openapi(one, async (c) => c.json(await programmes.get(c.req.valid('param').id, today()), 200));
}
