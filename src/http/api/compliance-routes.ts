import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { MINIMUM_AGE_BASES, REASON_KINDS, SEXES, VERDICTS, WORK_KINDS } from '../../domain/child-labour/types.ts';
import type { ComplianceService } from '../../services/compliance-service.ts';
import { startScreeningTimer } from '../metrics-hooks.ts';
import { problem, problemResponse } from '../problem.ts';
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
    night: z
      .boolean({ error: 'night must be true or false' })
      .nullable()
      .optional()
      .openapi({ description: 'Some of the work is done at night. Under 18 it is always judged (national rule, else R190 Para 3(e)).' }),
    sex: z
      .enum(SEXES, { error: `sex must be ${SEXES.join(' or ')}, or left out when not stated` })
      .nullable()
      .optional()
      .openapi({
        description:
          'Sex of the worker, optional. Only national rules that turn on it use it (e.g. UU 13/2003 Pasal 76(1): no night work by female workers under 18); left out or null, the answer says what applies either way.',
        example: 'female',
      }),
    lang: z.enum(['en', 'id'], { error: 'lang must be en or id' }).optional(),
  })
  .openapi('CheckRequest');

/** Shared by the answer's verdict and each reason's. */
const VERDICT_DESCRIPTION =
  'Least to most severe: permitted; other_law (the person is 18 or over and the activity is one C182 Art 3(b)-(c) names a worst form for children: not child labour, but unlawful or regulated under other law, e.g. criminal law; never "permitted"); conditional (permitted only if every listed condition is met); prohibited; worst_form (a worst form of child labour, C182 Art 3). Slavery and forced labour are never permitted: from 18 they are prohibited under C029 Art 1(1) and 2(1).';

const ReasonSchema = z.object({
  rule: z.string(),
  kind: z.enum(REASON_KINDS).openapi({
    description:
      'rule: a rule that judged the case; its verdict counts towards the answer. note: a fact the answer rests on that restricts nothing (e.g. a national definition of a child, a Convention not ratified); its verdict is always permitted and is not a verdict on the work. Reasons come deciding first: the rules whose verdict is the answer, then the other rules, most severe first, then notes.',
  }),
  citation: z.string().openapi({
    example: 'C138 Art 7(1)',
    description:
      'The provision: a Convention or Recommendation article, a national provision, or "national law (SOURCE-ID)" where only the source is recorded.',
  }),
  verdict: z.enum(VERDICTS).openapi({ description: VERDICT_DESCRIPTION }),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const CheckAnswerSchema = z
  .object({
    country: z.object({ iso3: z.string(), nameEn: z.string(), nameId: z.string().nullable() }),
    verdict: z.enum(VERDICTS).openapi({ description: VERDICT_DESCRIPTION }),
    age: z.number().int(),
    on: z.string().nullable(),
    work: z.enum(WORK_KINDS),
    sex: z.enum(SEXES).nullable().openapi({ description: 'The sex given, or null when not stated' }),
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

const ScreenSummarySchema = z
  .object({
    on: z.string(),
    rows: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    verdicts: z.record(z.enum(VERDICTS), z.number().int()),
    uncertain: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
    truncatedErrors: z.boolean(),
  })
  .openapi('ScreenSummary');

/**
 * The body is streamed straight into the screener (never buffered), so a whole workforce register
 * can be sent; the answer is the summary (JSON) or, with `format=csv`, every row with its verdict,
 * streamed back while the upload is still being read.
 */
export function addScreeningRoute(api: OpenAPIHono, compliance: ComplianceService, today: () => string): void {
  api.openAPIRegistry.registerPath({
    method: 'post',
    path: '/compliance/screen',
    tags: ['compliance'],
    summary: 'Screen a workers CSV (streamed): worker_id,country,birth_date,work[,hours_per_day,night,sex,…]',
    description:
      'Optional columns: hours_per_day (0 to 24), night (1/0, true/false, yes/no; empty means no), sex (female/f/perempuan, male/m/laki-laki, any case; empty means unknown). ' +
      'The summary counts every verdict, including other_law (an adult in an activity that other law governs). ' +
      'With format=csv the rows are streamed while the body is read; if the body turns out unreadable after the 200 was sent (gzip data cut short), the transfer is aborted rather than ended, so a client sees an incomplete response.',
    request: {
      query: z.object({
        on: z.string().optional().openapi({ description: 'Date on which ages are computed, YYYY-MM-DD (default today)' }),
        format: z
          .enum(['json', 'csv'])
          .optional()
          .openapi({ description: 'json: summary; csv: every row with verdict, minimum_age, citations' }),
      }),
      body: { required: true, content: { 'text/csv': { schema: z.string() } } },
    },
    responses: {
      200: {
        description: 'The summary, or the annotated CSV',
        content: { 'application/json': { schema: ScreenSummarySchema }, 'text/csv': { schema: z.string() } },
      },
      400: { description: 'The file cannot be screened (no header, missing required column, bad date)', content: problemContent },
      415: { description: 'The body is not text/csv', content: problemContent },
    },
  });

  api.post('/compliance/screen', async (c) => {
    const { screenCsv } = await import('../../screening/index.ts');
    const { Readable } = await import('node:stream');
    const { streamScreening } = await import('../screening-stream.ts');
    const { invalid } = await import('../../domain/errors.ts');
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'text/csv') {
      return problemResponse(c, problem(415, 'Send the workers file as text/csv (Content-Type: text/csv).'));
    }
    const on = c.req.query('on') ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on))
      throw invalid('on must be a date YYYY-MM-DD', [{ field: 'on', message: 'must be a date YYYY-MM-DD' }]);
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'csv')
      throw invalid('format must be json or csv', [{ field: 'format', message: 'must be json or csv' }]);
    const body = c.req.raw.body;
    if (!body) throw invalid('The request has no body: send the CSV file.');
    const facts = await compliance.allCountryFacts();
    const input = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);

    if (format === 'json') {
      const screened = startScreeningTimer(c);
      const summary = await screenCsv(input, { on, facts });
      screened(summary.rows);
      return c.json({ on, ...summary }, 200);
    }

    // Streamed while the upload is read; a failure part-way aborts the transfer (screening-stream.ts).
    const stream = await streamScreening(c, input, { on, facts });
    return new Response(stream, {
      status: 200,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="screening-${on}.csv"` },
    });
  });
}
