import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { CONFIDENCES } from '../../domain/facts.ts';
import { INSTRUMENT_STATUSES } from '../../domain/instrument.ts';
import { RATIFICATION_STATUSES } from '../../domain/ratification.ts';
import { normaliseEmail } from '../../services/account-service.ts';
import type { EditService } from '../../services/edit-service.ts';
import { EVENT_ACTIONS, RECORD_TYPES } from '../../services/history-ports.ts';
import { eventForReader, mayFilterByEditor } from '../../services/history-privacy.ts';
import { authState, requireActor } from '../auth.ts';
import { dateQuery, PageQuerySchema, problemDoc as problem } from './schemas.ts';
import { countryTarget, instrumentTarget, mayWrite, revertTarget } from './write-access.ts';

const writeProblems = {
  400: problem('Invalid input (checked after the sign-in and the right to write)'),
  401: problem('Not signed in (no valid session or API token)'),
  403: problem('Outside your role or country'),
  404: problem('No such record'),
  409: problem('Conflict'),
};

const citation = {
  source: z
    .string({ error: 'source is required: cite where this fact comes from' })
    .max(500, 'source must be at most 500 characters')
    .openapi({ description: 'Required: the act, NORMLEX page or document this change rests on' }),
  reason: z.string().max(2000).nullable().optional().openapi({ description: 'Why the change is made' }),
};

const EventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.number().int().nullable(),
    actor: z.string(),
    recordType: z.enum(RECORD_TYPES),
    recordKey: z.string(),
    country: z.string().nullable(),
    action: z.enum(EVENT_ACTIONS),
    before: z.unknown(),
    after: z.unknown(),
    source: z.string(),
    reason: z.string().nullable(),
    revertsEventId: z.number().int().nullable(),
    actorScope: z
      .object({ role: z.enum(ROLES), countries: z.array(z.string()) })
      .nullable()
      .optional()
      .openapi({ description: "The editor's role and countries (null when the account is gone)" }),
  })
  .openapi('ChangeEvent', {
    description:
      "`actor` is the editor's email for a signed-in reader; anonymous readers get the role and country scope instead, e.g. 'focal_point (IDN)'.",
  });

const FactWarningSchema = z
  .object({
    field: z.string(),
    message: z.string(),
    rule: z.string().optional().openapi({ description: 'The rule that found the fact odd, e.g. registration-before-membership' }),
  })
  .openapi('FactWarning');

const ChangeResultSchema = z
  .object({
    event: EventSchema.nullable(),
    record: z.unknown(),
    warnings: z.array(FactWarningSchema).openapi({
      description:
        'Odd but sourced facts that were saved, for the editor to check against the source (e.g. a ratification registered before the State joined the ILO)',
    }),
  })
  .openapi('ChangeResult');
const ok = { 200: { description: 'Saved (event null: nothing changed)', content: { 'application/json': { schema: ChangeResultSchema } } } };

const ratificationParams = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'country must be an ISO 3166 alpha-3 code')
    .openapi({ param: { name: 'country', in: 'path' }, example: 'IDN' }),
  instrument: z
    .string()
    .regex(/^[CPcp]\d{1,3}$/, 'instrument must be a Convention or Protocol code such as C138')
    .openapi({ param: { name: 'instrument', in: 'path' }, example: 'C138' }),
});

const saveRatification = createRoute({
  method: 'put',
  path: '/ratifications/{country}/{instrument}',
  tags: ['editing'],
  middleware: [mayWrite(countryTarget('ratification', 'country'))] as const,
  summary: 'Add or correct a ratification (with its C138 declaration); focal point of the country, secretariat or admin',
  request: {
    params: ratificationParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              registrationDate: z.string().max(10).nullable().optional(),
              status: z.enum(RATIFICATION_STATUSES).nullable().optional(),
              legalAct: z.string().max(500).nullable().optional(),
              nationalTitle: z.string().max(500).nullable().optional(),
              confidence: z.enum(CONFIDENCES).nullable().optional(),
              minimumAge: z
                .object({
                  value: z.number().int(),
                  article: z.enum(['C138 Art 2(1)', 'C138 Art 2(2)']).optional(),
                  date: z.string().max(10).nullable().optional(),
                })
                .nullable()
                .optional(),
              removeMinimumAge: z
                .enum(['C138 Art 2(1)', 'C138 Art 2(2)'])
                .nullable()
                .optional()
                .openapi({ description: 'Take the declaration recorded under this article off the record (recorded in error)' }),
              ...citation,
            })
            .openapi('RatificationChange'),
        },
      },
    },
  },
  responses: { ...ok, ...writeProblems },
});

const denounce = createRoute({
  method: 'post',
  path: '/ratifications/{country}/{instrument}/denounce',
  tags: ['editing'],
  middleware: [mayWrite(countryTarget('ratification', 'country'))] as const,
  summary: 'Record the denunciation of a ratification',
  request: {
    params: ratificationParams,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ date: z.string().max(10), ...citation }).openapi('Denunciation') } },
    },
  },
  responses: { ...ok, ...writeProblems },
});

const patchInstrument = createRoute({
  method: 'patch',
  path: '/instruments/{code}',
  tags: ['editing'],
  middleware: [mayWrite(instrumentTarget)] as const,
  summary: "Edit an instrument's status and titles (secretariat)",
  request: {
    params: z.object({
      code: z
        .string()
        .regex(/^[CPRcpr]\d{1,3}$/, 'code must look like C138')
        .openapi({ param: { name: 'code', in: 'path' } }),
    }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              status: z.enum(INSTRUMENT_STATUSES).nullable().optional(),
              titleEn: z.string().max(500).optional(),
              titleId: z.string().max(500).nullable().optional(),
              titleIdKind: z.enum(['official', 'unofficial']).nullable().optional(),
              ...citation,
            })
            .openapi('InstrumentChange'),
        },
      },
    },
  },
  responses: { ...ok, ...writeProblems },
});

const putProfile = createRoute({
  method: 'put',
  path: '/countries/{iso3}/profile',
  tags: ['editing'],
  middleware: [mayWrite(countryTarget('national_profile', 'iso3'))] as const,
  summary: "Edit a State's national child-labour profile (focal point, secretariat)",
  request: {
    params: z.object({
      iso3: z
        .string()
        .regex(/^[A-Za-z]{3}$/, 'iso3 must be an ISO 3166 alpha-3 code')
        .openapi({ param: { name: 'iso3', in: 'path' } }),
    }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              generalMinimumAge: z.number().int().nullable().optional(),
              hazardousMinimumAge: z.number().int().nullable().optional(),
              compulsoryEducationAge: z.number().int().nullable().optional(),
              generalMinimumAgeCitation: z.string().max(500).nullable().optional(),
              hazardousMinimumAgeCitation: z.string().max(500).nullable().optional(),
              compulsoryEducationAgeCitation: z.string().max(500).nullable().optional(),
              citation: z
                .string()
                .max(500)
                .nullable()
                .optional()
                .openapi({ description: 'Provision for every age this change sets that has no <age>Citation of its own' }),
              ...citation,
            })
            .openapi('ProfileChange'),
        },
      },
    },
  },
  responses: { ...ok, ...writeProblems },
});

const HistoryQueryFields = z.object({
  recordType: z
    .enum(RECORD_TYPES)
    .optional()
    .openapi({ param: { name: 'recordType', in: 'query' } }),
  record: z
    .string()
    .max(120)
    .optional()
    .openapi({ param: { name: 'record', in: 'query' }, description: "'IDN/C138', 'C138' or 'IDN'" }),
  user: z.coerce
    .number({ error: 'user must be a user id' })
    .int()
    .min(1)
    .max(2_147_483_647, 'user must be a user id')
    .optional()
    .openapi({ param: { name: 'user', in: 'query' } }),
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'country must be an ISO 3166 alpha-3 code')
    .optional()
    .openapi({ param: { name: 'country', in: 'query' } }),
  editor: z
    .string()
    .max(320, 'editor must be an email address of at most 320 characters')
    .optional()
    .openapi({
      param: { name: 'editor', in: 'query' },
      description: "An editor's email: signed-in editors only (401 for an anonymous reader)",
    }),
  from: dateQuery('from'),
  to: dateQuery('to'),
  ...PageQuerySchema,
});

/** A date range that holds no day is a mistake in the request, as the portal's history form says too. */
const HistoryQuery = HistoryQueryFields.superRefine((q, ctx) => {
  if (q.from && q.to && q.from.slice(0, 10) > q.to.slice(0, 10))
    ctx.addIssue({ code: 'custom', path: ['from'], message: `from (${q.from}) is after to (${q.to}): no day is in that range` });
});

const listHistory = createRoute({
  method: 'get',
  path: '/history',
  tags: ['history'],
  summary: 'The change history (public): filter by record, user, country and dates',
  request: { query: HistoryQuery },
  responses: {
    200: {
      description: 'Events, newest first',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(EventSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
        },
      },
    },
    400: problem('Invalid filter'),
    401: problem('An editor filter from a reader who is not signed in'),
  },
});

const revert = createRoute({
  method: 'post',
  path: '/history/{id}/revert',
  tags: ['history'],
  summary: 'Revert one change with a new event (the reverted event stays)',
  request: {
    params: z.object({
      id: z.coerce
        .number({ error: 'id must be a number' })
        .int()
        .min(1)
        // Ids are SQL integers: a larger number is no id (and PostgreSQL would refuse it with an error).
        .max(2_147_483_647, 'id is too large')
        .openapi({ param: { name: 'id', in: 'path' } }),
    }),
    body: {
      required: false,
      content: { 'application/json': { schema: z.object({ reason: z.string().max(2000).nullable().optional() }).openapi('Revert') } },
    },
  },
  responses: { ...ok, ...writeProblems },
});

export function addEditRoutes(api: OpenAPIHono, edits: EditService, now: () => Date): void {
  api.openapi(saveRatification, async (c) => {
    const { country, instrument } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await edits.saveRatification(requireActor(c), { ...body, country, instrument }, now()), 200);
  });

  api.openapi(denounce, async (c) => {
    const { country, instrument } = c.req.valid('param');
    return c.json(await edits.denounce(requireActor(c), { ...c.req.valid('json'), country, instrument }, now()), 200);
  });

  api.openapi(patchInstrument, async (c) => {
    return c.json(await edits.updateInstrument(requireActor(c), { ...c.req.valid('json'), code: c.req.valid('param').code }, now()), 200);
  });

  api.openapi(putProfile, async (c) => {
    return c.json(
      await edits.updateNationalProfile(requireActor(c), { ...c.req.valid('json'), country: c.req.valid('param').iso3 }, now()),
      200,
    );
  });

  api.openapi(listHistory, async (c) => {
    const q = c.req.valid('query');
    const reader = authState(c).actor;
    // Filtering by email would let anyone test which address edited what: refused, not ignored,
    // so a client never mistakes the unfiltered list for one editor's changes (decision 062).
    if (q.editor !== undefined && !mayFilterByEditor(reader))
      throw new DomainError('unauthenticated', "Sign in to filter the history by an editor's email (editor).");
    const page = await edits.history(
      {
        recordType: q.recordType,
        recordKey: q.record?.toUpperCase(),
        userId: q.user,
        country: q.country?.toUpperCase(),
        editor: q.editor ? normaliseEmail(q.editor) : undefined,
        from: q.from,
        to: q.to,
      },
      { page: q.page, pageSize: q.pageSize },
    );
    return c.json({ ...page, items: page.items.map((e) => eventForReader(e, reader)) } as never, 200);
  });

  api.openapi({ ...revert, middleware: [mayWrite(revertTarget(edits))] as const }, async (c) => {
    let reason: string | null = null;
    if ((c.req.header('content-type') ?? '').includes('json')) reason = (c.req.valid('json') as { reason?: string | null })?.reason ?? null;
    return c.json(await edits.revert(requireActor(c), c.req.valid('param').id, reason, now()), 200);
  });
}
