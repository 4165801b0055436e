import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Lang } from '../../domain/facts.ts';
import type { ConferenceService, SessionDetail } from '../../services/conference-service.ts';
import { withExplanation } from '../../services/conference-votes.ts';
import { preferredLang } from '../../web/routing/locale.ts';
import { requireActor } from '../auth.ts';
import {
  DelegationChangeSchema,
  DelegationParams,
  DelegationSchema,
  LangQuery,
  SessionChangeSchema,
  SessionDetailSchema,
  SessionListSchema,
  SessionParams,
  VoteChangeSchema,
  VoteSchema,
} from './conference-schemas.ts';
import { problemDoc as problem } from './schemas.ts';
import { mayWrite } from './write-access.ts';

const readProblems = { 400: problem('Invalid parameter'), 404: problem('No such session or delegation') };
const writeProblems = {
  400: problem('Invalid input (checked after the sign-in and the right to write)'),
  401: problem('Not signed in (no valid session or API token)'),
  403: problem('Outside your role or country'),
  404: problem('No such session or member State'),
  409: problem('Conflict with what is recorded'),
};
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const changed = (schema: z.ZodType, description: string) => ({
  description,
  content: json(
    z.object({
      event: z.unknown().openapi({ description: 'The history event (null: nothing changed); see GET /history' }),
      record: schema.nullable(),
      warnings: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  ),
});

const listSessions = createRoute({
  method: 'get',
  path: '/conference/sessions',
  tags: ['conference'],
  summary: 'Sessions of the International Labour Conference with the instruments each adopted',
  responses: { 200: { description: 'Every session in the registry', content: json(SessionListSchema) } },
});

const getSession = createRoute({
  method: 'get',
  path: '/conference/sessions/{number}',
  tags: ['conference'],
  summary: 'One session: agenda, instruments adopted, delegations and votes with their computed results',
  request: { params: SessionParams, query: LangQuery },
  responses: { 200: { description: 'The session', content: json(SessionDetailSchema) }, ...readProblems },
});

const putSession = createRoute({
  method: 'put',
  path: '/conference/sessions/{number}',
  tags: ['conference'],
  middleware: [mayWrite(() => ({ kind: 'ilc_session' }))] as const,
  summary: "Add or correct a session's dates, place and agenda (secretariat)",
  request: { params: SessionParams, body: { required: true, content: json(SessionChangeSchema) } },
  responses: { 200: changed(z.unknown(), 'Saved'), ...writeProblems },
});

const listDelegations = createRoute({
  method: 'get',
  path: '/conference/sessions/{number}/delegations',
  tags: ['conference'],
  summary: "The session's delegations (Constitution Art 3)",
  request: { params: SessionParams },
  responses: { 200: { description: 'Delegations', content: json(z.object({ items: z.array(DelegationSchema) })) }, ...readProblems },
});

const getDelegation = createRoute({
  method: 'get',
  path: '/conference/sessions/{number}/delegations/{iso3}',
  tags: ['conference'],
  summary: "One member State's delegation to the session",
  request: { params: DelegationParams },
  responses: { 200: { description: 'The delegation', content: json(DelegationSchema) }, ...readProblems },
});

const putDelegation = createRoute({
  method: 'put',
  path: '/conference/sessions/{number}/delegations/{iso3}',
  tags: ['conference'],
  middleware: [mayWrite((c) => ({ kind: 'country_record', country: (c.req.param('iso3') ?? '').trim().toUpperCase() }))] as const,
  summary: "Enter or correct a State's delegation: the State's focal point or the secretariat",
  request: { params: DelegationParams, body: { required: true, content: json(DelegationChangeSchema) } },
  responses: { 200: changed(z.unknown(), 'Saved'), ...writeProblems },
});

const listVotes = createRoute({
  method: 'get',
  path: '/conference/sessions/{number}/votes',
  tags: ['conference'],
  summary: "The session's votes, each with the result the vote engine computes and its explanation",
  request: { params: SessionParams, query: LangQuery },
  responses: { 200: { description: 'Votes', content: json(z.object({ items: z.array(VoteSchema) })) }, ...readProblems },
});

const postVote = createRoute({
  method: 'post',
  path: '/conference/sessions/{number}/votes',
  tags: ['conference'],
  middleware: [mayWrite(() => ({ kind: 'secretariat_record' }))] as const,
  summary:
    'Record a vote (secretariat): counts only or a record vote. A final vote (kind instrument) that is adopted enters its instrument in the registry in the same transaction',
  request: { params: SessionParams, body: { required: true, content: json(VoteChangeSchema) } },
  responses: {
    201: {
      description: 'Recorded',
      content: json(
        z.object({
          event: z.unknown(),
          vote: VoteSchema,
          instrument: z.unknown().openapi({ description: "The registry's instrument change (event, record), or null" }),
        }),
      ),
    },
    ...writeProblems,
  },
});

function langOf(c: Context, query: { lang?: Lang }): Lang {
  return query.lang ?? preferredLang(c.req.header('accept-language'));
}

function detailIn(detail: SessionDetail, lang: Lang) {
  return { ...detail, votes: detail.votes.map((v) => withExplanation(v, lang)) };
}

export function addConferenceRoutes(api: OpenAPIHono, conference: ConferenceService, now: () => Date): void {
  api.openapi(listSessions, async (c) => c.json({ items: await conference.listSessions() }, 200));

  api.openapi(getSession, async (c) => {
    const detail = await conference.getSession(c.req.valid('param').number);
    return c.json(detailIn(detail, langOf(c, c.req.valid('query'))) as never, 200);
  });

  api.openapi(putSession, async (c) => {
    const result = await conference.saveSession(requireActor(c), { ...c.req.valid('json'), number: c.req.valid('param').number }, now());
    return c.json(result as never, 200);
  });

  api.openapi(listDelegations, async (c) => c.json({ items: await conference.listDelegations(c.req.valid('param').number) } as never, 200));

  api.openapi(getDelegation, async (c) => {
    const { number, iso3 } = c.req.valid('param');
    return c.json((await conference.getDelegation(number, iso3.toUpperCase())) as never, 200);
  });

  api.openapi(putDelegation, async (c) => {
    const { number, iso3 } = c.req.valid('param');
    const result = await conference.saveDelegation(requireActor(c), { ...c.req.valid('json'), session: number, country: iso3 }, now());
    return c.json(result as never, 200);
  });

  api.openapi(listVotes, async (c) => {
    const lang = langOf(c, c.req.valid('query'));
    const votes = await conference.listVotes(c.req.valid('param').number);
    return c.json({ items: votes.map((v) => withExplanation(v, lang)) } as never, 200);
  });

  api.openapi(postVote, async (c) => {
    const body = c.req.valid('json');
    const recorded = await conference.recordVote(requireActor(c), { ...body, session: c.req.valid('param').number }, now());
    const lang = preferredLang(c.req.header('accept-language'));
    return c.json({ ...recorded, vote: withExplanation(recorded.vote, lang) } as never, 201);
  });
}
