import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { MINIMUM_AGE_BASES, VERDICTS, WORK_KINDS } from '../../domain/child-labour/types.ts';
import type { ComplianceService } from '../../services/compliance-service.ts';
import { ProblemSchema } from './schemas.ts';

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

export const CheckRequestSchema = z
  .object({
    country: z.string({ error: 'country is required (ISO 3166 alpha-3, e.g. IDN)' }).openapi({ example: 'IDN' }),
    age: z.number({ error: 'age must be a number' }).nullable().optional().openapi({ description: 'Age in completed years', example: 14 }),
    birthDate: z.string({ error: 'birthDate must be a string YYYY-MM-DD' }).nullable().optional().openapi({ example: '2012-03-01' }),
    on: z
      .string({ error: 'on must be a string YYYY-MM-DD' })
      .nullable()
      .optional()
      .openapi({ description: 'Reference date for birthDate; default today' }),
    work: z
      .string({ error: `work is required: one of ${WORK_KINDS.join(', ')}` })
      .openapi({ example: 'light', description: WORK_KINDS.join(', ') }),
    hoursPerDay: z.number({ error: 'hoursPerDay must be a number' }).nullable().optional(),
    night: z.boolean({ error: 'night must be true or false' }).nullable().optional(),
    lang: z.enum(['en', 'id'], { error: 'lang must be en or id' }).optional(),
  })
  .openapi('CheckRequest');

const ReasonSchema = z.object({
  rule: z.string(),
  citation: z.string().openapi({ example: 'C138 Art 7(1)' }),
  verdict: z.enum(VERDICTS),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const CheckAnswerSchema = z
  .object({
    country: z.object({ iso3: z.string(), nameEn: z.string(), nameId: z.string().nullable() }),
    verdict: z.enum(VERDICTS),
    age: z.number().int(),
    on: z.string().nullable(),
    work: z.enum(WORK_KINDS),
    minimumAge: z.number().int().nullable(),
    minimumAgeBasis: z.enum(MINIMUM_AGE_BASES),
    uncertain: z.boolean(),
    bindsC138: z.boolean(),
    nationalShortfall: z.object({ declared: z.number().int(), national: z.number().int() }).nullable(),
    reasons: z.array(ReasonSchema),
    conditions: z.array(z.object({ key: z.string(), message: z.string() })),
    lang: z.enum(['en', 'id']),
  })
  .openapi('CheckAnswer');

const checkRoute = createRoute({
  method: 'post',
  path: '/compliance/check',
  tags: ['compliance'],
  summary: 'May this person do this work in this country? (C138, C182 and the national profile)',
  request: { body: { required: true, content: { 'application/json': { schema: CheckRequestSchema } } } },
  responses: {
    200: {
      description: 'The verdict with every rule that applied and its article',
      content: { 'application/json': { schema: CheckAnswerSchema } },
    },
    400: { description: 'Invalid input', content: problemContent },
    404: { description: 'Unknown country', content: problemContent },
  },
});

export function addComplianceRoutes(api: OpenAPIHono, compliance: ComplianceService, today: () => string): void {
  api.openapi(checkRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await compliance.check(body, today()), 200);
  });
}
