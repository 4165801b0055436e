import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { UnitCapabilities } from '../../domain/monitoring/unit-roles.ts';
import type { CaseService } from '../../services/cases/case-service.ts';
import { authState, requireActor } from '../auth.ts';
import { refuseNulInJsonBody } from '../nul.ts';
import {
  ActionBodySchema,
  ActionParamSchema,
  AssignBodySchema,
  CaseEventsSchema,
  CaseListQuerySchema,
  CaseListSchema,
  CaseViewSchema,
  CloseBodySchema,
  IdParamSchema,
  OpenCaseSchema,
  ProvidedBodySchema,
  UnitParamSchema,
  VisitBodySchema,
  WorklistQuerySchema,
  WorklistSchema,
} from './case-schemas.ts';
import { problemDoc as problem } from './schemas.ts';

/*
 * Children's cases over HTTP (issue 11). None of these routes is public, reads included. Each
 * route's middleware runs before its validators, in this order: not signed in → 401 (whatever the
 * request holds); a case or unit the caller cannot see → 404 (never 403, so case ids and unit ids
 * cannot be probed); a step the caller's role may not take → 403; only then is the body read and
 * validated (400 naming the field).
 */
const tags = ['cases'];
const security: Record<string, string[]>[] = [{ session: [] }, { token: [] }];
const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
const refusals = {
  401: problem('Not signed in'),
  403: problem('Your role in the unit does not allow this step'),
  404: problem('No such case or unit that you can see'),
};
const writeRefusals = { ...refusals, 400: problem('Invalid input; `errors` names each field'), 409: problem('The case is closed') };

const signedInRead: MiddlewareHandler = async (c, next) => {
  requireActor(c);
  await next();
};

function caseGate(cases: CaseService, need: keyof UnitCapabilities): MiddlewareHandler {
  return async (c, next) => {
    await cases.authoriseCase(requireActor(c), c.req.param('id') ?? '', need);
    await refuseNulInJsonBody(c);
    await next();
  };
}

function unitGate(cases: CaseService, need: keyof UnitCapabilities, idOf: (c: Context) => string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const actor = requireActor(c);
    const raw = idOf(c);
    // A malformed unit id is left to the validator (400) only where it comes from the query.
    if (raw !== undefined && /^\d{1,9}$/.test(raw)) await cases.authoriseUnit(actor, Number(raw), need);
    else if (raw !== undefined && c.req.param('id') !== undefined) await cases.authoriseUnit(actor, 0, need);
    await refuseNulInJsonBody(c);
    await next();
  };
}

export function addCaseRoutes(api: OpenAPIHono, cases: CaseService, today: () => string, now: () => Date): void {
  const actorOf = (c: Context) => authState(c).actor;

  api.openapi(
    createRoute({
      method: 'get',
      path: '/cases',
      tags,
      security,
      summary: "A unit's cases, most urgent first (priority tier, then the younger child, then the next visit's due day)",
      middleware: [signedInRead, unitGate(cases, 'seeCases', (c) => c.req.query('unit'))] as const,
      request: { query: CaseListQuerySchema },
      responses: { 200: json('The cases', CaseListSchema), 400: problem('Invalid filter'), ...refusals },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const items = await cases.listCases(
        actorOf(c),
        {
          unitId: Number(q.unit),
          status: q.status,
          priority: q.priority,
          overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
        },
        today(),
      );
      return c.json({ items, total: items.length }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/units/{id}/cases',
      tags,
      security,
      summary:
        "Open a case by hand, assessed by the compliance engine; identifying fields only with a parent's or guardian's consent (UU 27/2022 Pasal 25(2))",
      middleware: [unitGate(cases, 'openCase', (c) => c.req.param('id'))] as const,
      request: { params: UnitParamSchema, body: body(OpenCaseSchema) },
      responses: { 201: json('The new case', CaseViewSchema), ...writeRefusals },
    }),
    async (c) => {
      const view = await cases.openCase(actorOf(c), Number(c.req.valid('param').id), c.req.valid('json'), now());
      return c.json(view, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/units/{id}/worklist',
      tags,
      security,
      summary: "My worklist: a monitor's due and overdue visits and actions (theirs and unassigned); a case manager's unit overdue list",
      middleware: [unitGate(cases, 'seeCases', (c) => c.req.param('id'))] as const,
      request: { params: UnitParamSchema, query: WorklistQuerySchema },
      responses: { 200: json('The worklist', WorklistSchema), 400: problem('Invalid day'), ...refusals },
    }),
    async (c) => {
      const day = c.req.valid('query').today ?? today();
      return c.json(await cases.worklist(actorOf(c), Number(c.req.valid('param').id), day), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/cases/{id}',
      tags,
      security,
      summary: "One child's case: assessment with its citations, visits, actions; identifying fields only for roles that may see them",
      middleware: [caseGate(cases, 'seeCases')] as const,
      request: { params: IdParamSchema },
      responses: { 200: json('The case', CaseViewSchema), ...refusals },
    }),
    async (c) => c.json(await cases.getCase(actorOf(c), c.req.valid('param').id, today()), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/cases/{id}/events',
      tags,
      security,
      summary: "The case's history: who, when, before, after, why (identifying values never in clear)",
      middleware: [caseGate(cases, 'seeCases')] as const,
      request: { params: IdParamSchema },
      responses: { 200: json('The events, oldest first', CaseEventsSchema), ...refusals },
    }),
    async (c) => c.json({ items: await cases.events(actorOf(c), c.req.valid('param').id) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/visits',
      tags,
      security,
      summary: 'Record a follow-up visit (or an attempt: child not found); a relapse sends the case back to support planning',
      middleware: [caseGate(cases, 'recordVisit')] as const,
      request: { params: IdParamSchema, body: body(VisitBodySchema) },
      responses: { 201: json('The case after the visit', CaseViewSchema), ...writeRefusals },
    }),
    async (c) => {
      const v = c.req.valid('json');
      const input = {
        ...v,
        childFound: v.childFound ?? v.kind !== 'attempt',
        inChildLabour: v.inChildLabour ?? null,
        atSchool: v.atSchool ?? null,
      };
      return c.json(await cases.recordVisit(actorOf(c), c.req.valid('param').id, input, now()), 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/actions',
      tags,
      security,
      summary: 'Add a support action (responsible party, due day, optionally a programme of the registry)',
      middleware: [caseGate(cases, 'planSupport')] as const,
      request: { params: IdParamSchema, body: body(ActionBodySchema) },
      responses: { 201: json('The case with its new action', CaseViewSchema), ...writeRefusals },
    }),
    async (c) => c.json(await cases.addAction(actorOf(c), c.req.valid('param').id, c.req.valid('json'), now()), 201),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/actions/{actionId}/provided',
      tags,
      security,
      summary: 'Mark a support action provided',
      middleware: [caseGate(cases, 'planSupport')] as const,
      request: { params: ActionParamSchema, body: body(ProvidedBodySchema) },
      responses: { 200: json('The case', CaseViewSchema), ...writeRefusals },
    }),
    async (c) => {
      const { id, actionId } = c.req.valid('param');
      const n = /^\d{1,9}$/.test(actionId) ? Number(actionId) : -1;
      return c.json(await cases.markActionProvided(actorOf(c), id, n, c.req.valid('json').providedOn, now()), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/assign',
      tags,
      security,
      summary: 'Assign the case to a monitor or case manager of the unit (null: unassign)',
      middleware: [caseGate(cases, 'assign')] as const,
      request: { params: IdParamSchema, body: body(AssignBodySchema) },
      responses: { 200: json('The case', CaseViewSchema), ...writeRefusals },
    }),
    async (c) => c.json(await cases.assign(actorOf(c), c.req.valid('param').id, c.req.valid('json').userId, now()), 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/close',
      tags,
      security,
      summary:
        'Close the case. no_longer_in_child_labour needs 2 consecutive follow-up visits on different days out of child labour and a support action provided; other reasons need their own condition',
      middleware: [caseGate(cases, 'closeCase')] as const,
      request: { params: IdParamSchema, body: body(CloseBodySchema) },
      responses: { 200: json('The closed case', CaseViewSchema), ...writeRefusals },
    }),
    async (c) => c.json(await cases.closeCase(actorOf(c), c.req.valid('param').id, c.req.valid('json'), now()), 200),
  );
}
