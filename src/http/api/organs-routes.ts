import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { OrgansService } from '../../services/organs-service.ts';
import { authState } from '../auth.ts';
import {
  OfficeOverviewSchema,
  OfficeQuerySchema,
  OfficeSchema,
  OverviewSchema,
  PeriodBodySchema,
  PeriodIdParamSchema,
  PeriodSchema,
  SessionCreateSchema,
  SessionNumberParamSchema,
  SessionSchema,
  SessionUpdateSchema,
} from './organs-schemas.ts';
import { dateQuery, problemDoc as problem } from './schemas.ts';
import { mayWrite } from './write-access.ts';

/* The Governing Body (Constitution Art 7) and the International Labour Office: reads for all, writes for the secretariat. */

const tags = ['organs'];
const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const readProblems = { 400: problem('Invalid parameter'), 404: problem('Not recorded') };
const writeProblems = {
  400: problem('Invalid input (checked after the sign-in and the right to write)'),
  401: problem('Not signed in (no valid session or API token)'),
  403: problem('Only the secretariat (or an administrator) records the Governing Body'),
  404: problem('No such record'),
  409: problem('Conflict'),
};
const secretariat = mayWrite(() => ({ kind: 'secretariat_record' }));

const ChangeSchema = <T extends z.ZodType>(record: T, name: string) =>
  z
    .object({
      event: z.object({ id: z.number().int(), action: z.string(), recordType: z.string(), recordKey: z.string() }).passthrough().nullable(),
      record: record.nullable(),
      warnings: z.array(z.object({ field: z.string(), message: z.string(), rule: z.string().optional() })),
    })
    .openapi(name);

const overview = createRoute({
  method: 'get',
  path: '/governing-body',
  tags,
  summary: 'The Governing Body: seats by group (Art 7), the permanent seats, the known periods with unknown seats counted, and sessions',
  request: {
    query: z.object({
      asOf: dateQuery('asOf')
        .optional()
        .openapi({ param: { name: 'asOf', in: 'query' } }),
    }),
  },
  responses: { 200: json('Composition rules and periods', OverviewSchema), 400: problem('Invalid parameter') },
});

const getPeriod = createRoute({
  method: 'get',
  path: '/governing-body/periods/{id}',
  tags,
  summary: 'One period: its members as far as the sources name them, and the composition by group with unknown seats',
  request: { params: PeriodIdParamSchema },
  responses: { 200: json('The period', PeriodSchema), ...readProblems },
});

const putPeriod = createRoute({
  method: 'put',
  path: '/governing-body/periods/{id}',
  tags,
  middleware: [secretariat] as const,
  summary: 'Record a period and the members its source names (secretariat); the change is in the history and revertable',
  request: { params: PeriodIdParamSchema, body: { required: true, content: { 'application/json': { schema: PeriodBodySchema } } } },
  responses: {
    200: json('Saved (event null: nothing changed)', ChangeSchema(PeriodSchema.omit({ composition: true }), 'GbPeriodResult')),
    ...writeProblems,
  },
});

const listSessions = createRoute({
  method: 'get',
  path: '/governing-body/sessions',
  tags,
  summary: 'Governing Body sessions recorded (usually March, June and November), latest first',
  responses: { 200: json('Sessions', z.object({ items: z.array(SessionSchema), total: z.number().int() })) },
});

const getSession = createRoute({
  method: 'get',
  path: '/governing-body/sessions/{number}',
  tags,
  summary: 'One Governing Body session: dates, place, agenda items, source',
  request: { params: SessionNumberParamSchema },
  responses: { 200: json('The session', SessionSchema), ...readProblems },
});

const sessionResult = ChangeSchema(SessionSchema, 'GbSessionResult');

const postSession = createRoute({
  method: 'post',
  path: '/governing-body/sessions',
  tags,
  middleware: [secretariat] as const,
  summary: 'Record a new Governing Body session (secretariat); 409 when its number is already recorded',
  request: { body: { required: true, content: { 'application/json': { schema: SessionCreateSchema } } } },
  responses: { 201: json('Recorded', sessionResult), ...writeProblems },
});

const putSession = createRoute({
  method: 'put',
  path: '/governing-body/sessions/{number}',
  tags,
  middleware: [secretariat] as const,
  summary: 'Record or correct a Governing Body session (secretariat)',
  request: { params: SessionNumberParamSchema, body: { required: true, content: { 'application/json': { schema: SessionUpdateSchema } } } },
  responses: { 200: json('Saved (event null: nothing changed)', sessionResult), ...writeProblems },
});

const office = createRoute({
  method: 'get',
  path: '/office',
  tags,
  summary: 'The International Labour Office: the Director-General (null when no source names them) and the field offices',
  responses: { 200: json('The Office', OfficeOverviewSchema) },
});

const offices = createRoute({
  method: 'get',
  path: '/office/offices',
  tags,
  summary: 'Field offices, by ILO region or by the State they sit in or cover',
  request: { query: OfficeQuerySchema },
  responses: { 200: json('Offices', z.object({ items: z.array(OfficeSchema), total: z.number().int() })), 400: problem('Invalid filter') },
});

export function addOrgansRoutes(api: OpenAPIHono, organs: OrgansService, today: () => string, now: () => Date): void {
  api.openapi(overview, async (c) => c.json(await organs.governingBody(c.req.valid('query').asOf?.slice(0, 10) ?? today()), 200));

  api.openapi(getPeriod, async (c) => c.json(await organs.period(c.req.valid('param').id), 200));

  api.openapi(putPeriod, async (c) => {
    const body = c.req.valid('json');
    const result = await organs.savePeriod(authState(c).actor, { ...body, id: c.req.valid('param').id, source: body.source }, now());
    return c.json(result as never, 200);
  });

  api.openapi(listSessions, async (c) => {
    const items = await organs.listSessions();
    return c.json({ items, total: items.length }, 200);
  });

  api.openapi(getSession, async (c) => c.json(await organs.session(Number(c.req.valid('param').number)), 200));

  api.openapi(postSession, async (c) => {
    const result = await organs.saveSession(authState(c).actor, c.req.valid('json'), now(), { create: true });
    return c.json(result as never, 201);
  });

  api.openapi(putSession, async (c) => {
    const number = Number(c.req.valid('param').number);
    const result = await organs.saveSession(authState(c).actor, { ...c.req.valid('json'), number }, now());
    return c.json(result as never, 200);
  });

  api.openapi(office, async (c) => c.json(await organs.office(), 200));

  api.openapi(offices, async (c) => {
    const { region, country } = c.req.valid('query');
    const items = await organs.offices({ region, country: country?.toUpperCase() });
    return c.json({ items, total: items.length }, 200);
  });
}
