import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { VOTE_KINDS, VOTE_OUTCOMES } from '../../domain/governance/vote.ts';
import { evaluateVoteCounts } from '../../services/vote-evaluation.ts';
import { preferredLang } from '../../web/routing/locale.ts';
import { ProblemSchema } from './schemas.ts';

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

const count = (field: string, description: string) =>
  z
    .number({ error: `${field} must be a whole number of 0 or more` })
    .int({ error: `${field} must be a whole number of 0 or more` })
    .min(0, { error: `${field} must be a whole number of 0 or more` })
    .openapi({ description });

export const VoteEvaluateRequestSchema = z
  .object({
    kind: z.enum(VOTE_KINDS, { error: `kind must be one of ${VOTE_KINDS.join(', ')}` }).openapi({
      description:
        'ordinary: simple majority of votes cast (Constitution Art 17(2)); instrument: final adoption of a Convention or Recommendation, two-thirds (Art 19(2)); amendment: of the Constitution, two-thirds (Art 36)',
      example: 'instrument',
    }),
    for: count('for', 'Votes for').openapi({ example: 298 }),
    against: count('against', 'Votes against').openapi({ example: 148 }),
    abstain: count('abstain', 'Abstentions (reported; not votes cast unless abstentionsAreVotesCast)').openapi({ example: 30 }),
    delegatesAttending: count(
      'delegatesAttending',
      'Delegates attending the Conference (Art 17(3)); at least for + against + abstain',
    ).openapi({
      example: 476,
    }),
    abstentionsAreVotesCast: z
      .boolean({ error: 'abstentionsAreVotesCast must be true or false' })
      .optional()
      .openapi({ description: "Count abstentions as votes cast (only if the Conference's Standing Orders say so); default false" }),
  })
  .openapi('VoteEvaluateRequest');

const ReasonSchema = z.object({
  code: z.string().openapi({ example: 'majority.two-thirds.reached' }),
  article: z.string().openapi({ example: 'Constitution Art 19(2)' }),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const VoteEvaluationSchema = z
  .object({
    kind: z.enum(VOTE_KINDS),
    outcome: z.enum(VOTE_OUTCOMES).openapi({ description: 'void: the votes cast do not reach half the delegates attending (Art 17(3))' }),
    votesCast: z.number().int().openapi({ description: 'for + against (+ abstain only if abstentionsAreVotesCast)' }),
    quorum: z.number().int().openapi({ description: 'Half the delegates attending, rounded up' }),
    quorumMet: z.boolean(),
    required: z.number().int().openapi({ description: 'Votes for needed to adopt' }),
    margin: z.number().int().openapi({ description: 'for − required; negative = short by that many' }),
    for: z.number().int(),
    against: z.number().int(),
    abstain: z.number().int(),
    delegatesAttending: z.number().int(),
    abstentionsAreVotesCast: z.boolean(),
    citations: z.array(z.string()).openapi({ example: ['Constitution Art 17(3)', 'Constitution Art 19(2)'] }),
    reasons: z.array(ReasonSchema).openapi({ description: 'Language-neutral steps of the decision, in the order they decide' }),
    explanation: z.array(z.string()).openapi({ description: 'The summary, then each reason, in the chosen language' }),
    lang: z.enum(['en', 'id']),
  })
  .openapi('VoteEvaluation');

const evaluateRoute = createRoute({
  method: 'post',
  path: '/votes/evaluate',
  tags: ['votes'],
  summary: 'Decide a Conference vote from its counts (Constitution Arts 17, 19(2), 36); needs no account',
  description:
    'The explanation is in English or Indonesian: ?lang=en|id, else the Accept-Language header. Counts that are not whole numbers of 0 or more, or more votes than delegates attending, are a 400 naming the field.',
  request: {
    query: z.object({ lang: z.enum(['en', 'id'], { error: 'lang must be en or id' }).optional() }),
    body: { required: true, content: { 'application/json': { schema: VoteEvaluateRequestSchema } } },
  },
  responses: {
    200: {
      description: 'The outcome, with the quorum, the majority required, the margin and the articles',
      content: { 'application/json': { schema: VoteEvaluationSchema } },
    },
    400: { description: 'Invalid counts', content: problemContent },
  },
});

export function addVoteRoutes(api: OpenAPIHono): void {
  api.openapi(evaluateRoute, (c) => {
    const lang = c.req.valid('query').lang ?? preferredLang(c.req.header('accept-language'));
    c.header('vary', 'Accept-Language');
    return c.json(evaluateVoteCounts(c.req.valid('json'), lang), 200);
  });
}
