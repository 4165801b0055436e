import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CONFIDENCES } from '../../domain/facts.ts';
import { normaliseInstrumentCode } from '../../domain/instrument.ts';
import { ALL_STAGES, COMMENT_KINDS, PROCEDURES } from '../../domain/supervision/comments.ts';
import type { CommentInput, ProcedureInput, SupervisionService } from '../../services/supervision-service.ts';
import { requireActor } from '../auth.ts';
import { PageQuerySchema, problemDoc as problem } from './schemas.ts';
import { mayWrite } from './write-access.ts';

/* CEACR comments, Art 24 representations, Art 26 complaints and CAS cases (decision 142). */

const secretariat = () => ({ kind: 'secretariat_record' as const });

const writeProblems = {
  400: problem('Invalid input (checked after the sign-in and the right to write)'),
  401: problem('Not signed in (no valid session or API token)'),
  403: problem('Only the secretariat records supervisory comments and procedures'),
  404: problem('No such record'),
  409: problem('Conflict'),
};

const iso3Query = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'country must be an ISO 3166 alpha-3 code')
  .optional()
  .openapi({ param: { name: 'country', in: 'query' }, example: 'IDN' });
const instrumentQuery = z
  .string()
  .regex(/^[CPcp]\d{1,3}$/, 'instrument must be a Convention or Protocol code such as C138')
  .optional()
  .openapi({ param: { name: 'instrument', in: 'query' }, example: 'C138' });
const yearQuery = z.coerce
  .number({ error: 'year must be a year such as 2023' })
  .int('year must be a whole number')
  .min(1919, 'year must be 1919 or later')
  .max(2100, 'year must be 2100 or earlier')
  .optional()
  .openapi({ param: { name: 'year', in: 'query' } });

const CommentSchema = z
  .object({
    id: z.string(),
    country: z.string(),
    instruments: z.array(z.string()),
    kind: z.enum(COMMENT_KINDS).nullable(),
    year: z.number().int().nullable(),
    session: z.number().int().nullable(),
    sessionYear: z.number().int().nullable(),
    normlexId: z.string().nullable(),
    url: z.string().nullable(),
    summaryEn: z.string().nullable(),
    summaryId: z.string().nullable(),
    requestsReply: z.boolean(),
    source: z.string(),
    confidence: z.enum(CONFIDENCES),
    notes: z.string().nullable(),
  })
  .openapi('SupervisoryComment', { description: 'A CEACR comment (Constitution Art 22); null: unknown (not in the source)' });

const ProcedureSchema = z
  .object({
    id: z.string(),
    procedure: z.enum(PROCEDURES),
    country: z.string(),
    instruments: z.array(z.string()),
    year: z.number().int().nullable(),
    session: z.number().int().nullable(),
    filedBy: z.string().nullable(),
    stage: z.enum(ALL_STAGES as [string, ...string[]]).nullable(),
    outcome: z.string().nullable(),
    conclusionsEn: z.string().nullable(),
    conclusionsId: z.string().nullable(),
    url: z.string().nullable(),
    source: z.string(),
    confidence: z.enum(CONFIDENCES),
    notes: z.string().nullable(),
  })
  .openapi('SupervisoryProcedure', {
    description: 'A representation (Art 24), complaint (Art 26) or Conference Committee case (Art 23(1)); outcome as the source states it',
  });

const page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

const idParam = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,60}$/, 'id must be letters, digits and hyphens')
    .openapi({ param: { name: 'id', in: 'path' }, example: '2233949' }),
});

const text = (max: number) => z.string().max(max, `at most ${max} characters`).nullable().optional();
const yearField = z.number().int('must be a whole year').nullable().optional();
const citation = {
  source: z
    .string({ error: 'source is required: cite where this comes from' })
    .max(500, 'source must be at most 500 characters')
    .openapi({ description: 'Required: the NORMLEX page or document this rests on' }),
  reason: z.string().max(2000).nullable().optional(),
};
const instruments = z
  .array(z.string().max(10), { error: 'instruments must be a list of Convention codes such as ["C138"]' })
  .min(1, 'instruments must list at least one Convention')
  .max(20, 'instruments may list at most 20 Conventions');

const commentBody = z.object({
  country: z.string().max(3).optional(),
  instruments: instruments.optional(),
  kind: z
    .enum(COMMENT_KINDS, { error: `kind must be one of ${COMMENT_KINDS.join(', ')}` })
    .nullable()
    .optional(),
  year: yearField,
  session: z.number().int().nullable().optional(),
  sessionYear: yearField,
  normlexId: text(20),
  url: text(2000),
  summaryEn: text(4000),
  summaryId: text(4000),
  requestsReply: z.boolean({ error: 'requestsReply must be true or false' }).optional(),
  confidence: z.enum(CONFIDENCES, { error: `confidence must be one of ${CONFIDENCES.join(', ')}` }).optional(),
  notes: text(4000),
  ...citation,
});

const procedureBody = z.object({
  procedure: z.enum(PROCEDURES, { error: `procedure must be one of ${PROCEDURES.join(', ')}` }).optional(),
  country: z.string().max(3).optional(),
  instruments: instruments.optional(),
  year: yearField,
  session: z.number().int().nullable().optional(),
  filedBy: text(500),
  stage: z
    .enum(ALL_STAGES as [string, ...string[]], { error: `stage must be one of ${ALL_STAGES.join(', ')}` })
    .nullable()
    .optional(),
  outcome: text(4000),
  conclusionsEn: text(4000),
  conclusionsId: text(4000),
  url: text(2000),
  confidence: z.enum(CONFIDENCES, { error: `confidence must be one of ${CONFIDENCES.join(', ')}` }).optional(),
  notes: text(4000),
  ...citation,
});

const changeResult = (schema: z.ZodTypeAny) =>
  z.object({
    event: z.unknown().openapi({ description: 'The history event (null: nothing changed)' }),
    record: schema.nullable(),
    warnings: z.array(z.unknown()),
  });

const json = (schema: z.ZodTypeAny) => ({ content: { 'application/json': { schema } } });
const body = <T extends z.ZodTypeAny>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

const listComments = createRoute({
  method: 'get',
  path: '/comments',
  tags: ['supervision'],
  summary: 'CEACR comments (observations and direct requests), filtered',
  request: {
    query: z.object({
      country: iso3Query,
      instrument: instrumentQuery,
      kind: z
        .enum(COMMENT_KINDS, { error: `kind must be one of ${COMMENT_KINDS.join(', ')}` })
        .optional()
        .openapi({ param: { name: 'kind', in: 'query' } }),
      year: yearQuery,
      ...PageQuerySchema,
    }),
  },
  responses: { 200: { description: 'A page of comments', ...json(page(CommentSchema)) }, 400: problem('Invalid filter') },
});

const getComment = createRoute({
  method: 'get',
  path: '/comments/{id}',
  tags: ['supervision'],
  summary: 'One CEACR comment',
  request: { params: idParam },
  responses: { 200: { description: 'The comment', ...json(CommentSchema) }, 400: problem('Invalid id'), 404: problem('No such comment') },
});

const addComment = createRoute({
  method: 'post',
  path: '/comments',
  tags: ['supervision'],
  middleware: [mayWrite(secretariat)] as const,
  summary: 'Record a CEACR comment (secretariat)',
  request: body(commentBody),
  responses: { 201: { description: 'Recorded', ...json(changeResult(CommentSchema)) }, ...writeProblems },
});

const updateComment = createRoute({
  method: 'put',
  path: '/comments/{id}',
  tags: ['supervision'],
  middleware: [mayWrite(secretariat)] as const,
  summary: 'Correct a CEACR comment (secretariat); fields left out keep their value',
  request: { params: idParam, ...body(commentBody) },
  responses: { 200: { description: 'Saved (event null: nothing changed)', ...json(changeResult(CommentSchema)) }, ...writeProblems },
});

const listProcedures = createRoute({
  method: 'get',
  path: '/procedures',
  tags: ['supervision'],
  summary: 'Representations (Art 24), complaints (Art 26) and Conference Committee cases, filtered',
  request: {
    query: z.object({
      procedure: z
        .enum(PROCEDURES, { error: `procedure must be one of ${PROCEDURES.join(', ')}` })
        .optional()
        .openapi({ param: { name: 'procedure', in: 'query' } }),
      country: iso3Query,
      instrument: instrumentQuery,
      year: yearQuery,
      ...PageQuerySchema,
    }),
  },
  responses: { 200: { description: 'A page of procedures', ...json(page(ProcedureSchema)) }, 400: problem('Invalid filter') },
});

const getProcedure = createRoute({
  method: 'get',
  path: '/procedures/{id}',
  tags: ['supervision'],
  summary: 'One representation, complaint or Conference Committee case',
  request: { params: idParam },
  responses: {
    200: { description: 'The procedure', ...json(ProcedureSchema) },
    400: problem('Invalid id'),
    404: problem('No such procedure'),
  },
});

const addProcedure = createRoute({
  method: 'post',
  path: '/procedures',
  tags: ['supervision'],
  middleware: [mayWrite(secretariat)] as const,
  summary: 'Record a representation, complaint or Conference Committee case (secretariat)',
  request: body(procedureBody),
  responses: { 201: { description: 'Recorded', ...json(changeResult(ProcedureSchema)) }, ...writeProblems },
});

const updateProcedure = createRoute({
  method: 'put',
  path: '/procedures/{id}',
  tags: ['supervision'],
  middleware: [mayWrite(secretariat)] as const,
  summary: 'Change the stage, outcome or facts of a procedure (secretariat); fields left out keep their value',
  request: { params: idParam, ...body(procedureBody) },
  responses: { 200: { description: 'Saved (event null: nothing changed)', ...json(changeResult(ProcedureSchema)) }, ...writeProblems },
});

const code = (raw: string | undefined) => (raw ? (normaliseInstrumentCode(raw) ?? raw.toUpperCase()) : undefined);

export function addSupervisionRoutes(api: OpenAPIHono, supervision: SupervisionService, now: () => Date): void {
  api.openapi(listComments, async (c) => {
    const { country, instrument, kind, year, page: n, pageSize } = c.req.valid('query');
    return c.json(
      await supervision.listComments({ country: country?.toUpperCase(), instrument: code(instrument), kind, year }, { page: n, pageSize }),
      200,
    );
  });
  api.openapi(getComment, async (c) => c.json(await supervision.getComment(c.req.valid('param').id), 200));
  api.openapi(addComment, async (c) =>
    c.json(await supervision.addComment(requireActor(c), c.req.valid('json') as CommentInput, now()), 201),
  );
  api.openapi(updateComment, async (c) =>
    c.json(await supervision.updateComment(requireActor(c), c.req.valid('param').id, c.req.valid('json') as CommentInput, now()), 200),
  );
  api.openapi(listProcedures, async (c) => {
    const { procedure, country, instrument, year, page: n, pageSize } = c.req.valid('query');
    return c.json(
      await supervision.listProcedures(
        { procedure, country: country?.toUpperCase(), instrument: code(instrument), year },
        { page: n, pageSize },
      ),
      200,
    );
  });
  api.openapi(getProcedure, async (c) => c.json(await supervision.getProcedure(c.req.valid('param').id), 200));
  api.openapi(addProcedure, async (c) =>
    c.json(await supervision.addProcedure(requireActor(c), c.req.valid('json') as ProcedureInput, now()), 201),
  );
  api.openapi(updateProcedure, async (c) =>
    c.json(await supervision.updateProcedure(requireActor(c), c.req.valid('param').id, c.req.valid('json') as ProcedureInput, now()), 200),
  );
}
