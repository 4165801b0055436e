import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { canWrite, type WriteTarget } from '../../domain/access/policy.ts';
import { ILO_REGIONS } from '../../domain/country.ts';
import { DomainError } from '../../domain/errors.ts';
import { CONFIDENCES } from '../../domain/facts.ts';
import { INSTRUMENT_TYPES } from '../../domain/instrument.ts';
import { SUBMISSION_REASONS, SUBMISSION_STATUSES } from '../../domain/supervision/submission.ts';
import type { SubmissionService } from '../../services/submission-service.ts';
import { authState, requireActor } from '../auth.ts';
import { PageQuerySchema, problemDoc as problem } from './schemas.ts';
import { mayWrite } from './write-access.ts';

/* Submission to the competent authorities (Constitution Art 19(5)(b), 19(6)(b)): lists, overdue counts, two writes. */

const writeProblems = {
  400: problem('Invalid input (checked after the sign-in and the right to write)'),
  401: problem('Not signed in (no valid session or API token)'),
  403: problem('Outside your role or country'),
  404: problem('No such State, instrument or session'),
  409: problem('The session is not open for tracking, or the State owes nothing for it'),
};

const date = z.string().nullable().openapi({ description: "ISO date 'YYYY-MM-DD' (or 'YYYY'); null when unknown" });

const SubmissionRecordSchema = z
  .object({
    country: z.string(),
    instrument: z.string(),
    session: z.number().int(),
    submittedDate: date,
    authority: z.string().nullable(),
    exceptionalCircumstances: z.boolean(),
    reference: z.string().nullable(),
    source: z.string().nullable(),
    confidence: z.enum(CONFIDENCES).nullable(),
    notes: z.string().nullable(),
  })
  .openapi('SubmissionRecord');

const SubmissionItemSchema = z
  .object({
    country: z.string(),
    countryNameEn: z.string(),
    countryNameId: z.string().nullable(),
    region: z.enum(ILO_REGIONS).nullable(),
    instrument: z.string(),
    instrumentType: z.enum(INSTRUMENT_TYPES),
    instrumentTitleEn: z.string(),
    instrumentTitleId: z.string().nullable(),
    instrumentTitleIdKind: z.enum(['official', 'unofficial']).nullable(),
    session: z.number().int(),
    closingDate: date,
    dueDate: date.openapi({ description: 'Closing of the session + 12 months; null when the closing date is unknown' }),
    latestDate: date.openapi({ description: 'Closing + 18 months: the limit in exceptional circumstances' }),
    deadline: date.openapi({
      description: 'The date that decides "overdue": dueDate, or latestDate when exceptional circumstances are recorded',
    }),
    status: z.enum(SUBMISSION_STATUSES),
    reason: z.enum(SUBMISSION_REASONS).nullable(),
    legalBasis: z.string().openapi({ example: 'Constitution Art 19(5)(b)' }),
    reportingBasis: z.string().openapi({ example: 'Constitution Art 19(5)(c)' }),
    late: z.boolean().nullable(),
    record: SubmissionRecordSchema.nullable(),
  })
  .openapi('Submission');

const TrackedSessionSchema = z
  .object({
    session: z.number().int(),
    year: z.number().int().nullable(),
    closingDate: date,
    source: z.string(),
    notes: z.string().nullable(),
  })
  .openapi('TrackedSession');

const listSubmissions = createRoute({
  method: 'get',
  path: '/submissions',
  tags: ['supervision'],
  summary: 'Submission of adopted instruments to the competent authorities, per State and instrument (Constitution Art 19(5)(b), 19(6)(b))',
  description:
    'Without `session`, only the sessions the secretariat opened for tracking are listed (plus recorded submissions of other sessions); with `session`, an untracked session is listed as `not_tracked`. States that joined after a session closed (`not_owed`) are left out unless `status=not_owed`.',
  request: {
    query: z.object({
      country: z
        .string()
        .regex(/^[A-Za-z]{3}$/, 'country must be an ISO 3166 alpha-3 code')
        .optional()
        .openapi({ param: { name: 'country', in: 'query' }, example: 'IDN' }),
      session: z.coerce
        .number({ error: 'session must be a Conference session number' })
        .int('session must be a whole number')
        .min(1, 'session must be 1 or more')
        .max(999, 'session must be at most 999')
        .optional()
        .openapi({ param: { name: 'session', in: 'query' }, example: 108 }),
      status: z
        .enum(SUBMISSION_STATUSES, { error: `status must be one of ${SUBMISSION_STATUSES.join(', ')}` })
        .optional()
        .openapi({ param: { name: 'status', in: 'query' } }),
      ...PageQuerySchema,
    }),
  },
  responses: {
    200: {
      description: 'Submissions',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(SubmissionItemSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            today: z.string(),
            trackedSessions: z.array(TrackedSessionSchema),
          }),
        },
      },
    },
    400: problem('Invalid filter'),
    404: problem('No such State or session'),
  },
});

const overdue = createRoute({
  method: 'get',
  path: '/submissions/overdue',
  tags: ['supervision'],
  summary: 'Overdue submissions counted by State or by region (secretariat dashboard)',
  request: {
    query: z.object({
      by: z
        .enum(['country', 'region'], { error: 'by must be country or region' })
        .default('country')
        .openapi({ param: { name: 'by', in: 'query' } }),
    }),
  },
  responses: {
    200: {
      description: 'Overdue counts, largest first',
      content: {
        'application/json': {
          schema: z.object({
            by: z.enum(['country', 'region']),
            today: z.string(),
            items: z.array(
              z.object({
                country: z.string().optional(),
                nameEn: z.string().optional(),
                nameId: z.string().nullable().optional(),
                region: z.string().nullable(),
                overdue: z.number().int(),
                states: z.number().int().optional(),
                instruments: z.array(z.string()).optional(),
              }),
            ),
          }),
        },
      },
    },
    400: problem('Invalid parameter'),
  },
});

const citation = {
  source: z
    .string({ error: 'source is required: cite where this fact comes from' })
    .max(500, 'source must be at most 500 characters')
    .openapi({ description: 'Required: the document this record rests on (e.g. the communication to the Director-General)' }),
  reason: z.string().max(2000, 'reason must be at most 2000 characters').nullable().optional(),
};

/**
 * The State a submission belongs to, read from the raw body before it is validated, so that a
 * signed-in user outside it gets 403 whatever else the body holds. A body naming no readable State
 * is left to validation (400) for the secretariat, who may write any State's; anyone else is refused (403).
 */
async function submissionTarget(c: Context): Promise<WriteTarget | null> {
  let body: unknown = null;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    body = null;
  }
  const raw = body && typeof body === 'object' ? (body as { country?: unknown }).country : undefined;
  if (typeof raw === 'string' && /^[A-Za-z]{3}$/.test(raw.trim())) return { kind: 'country_record', country: raw.trim().toUpperCase() };
  const actor = requireActor(c);
  if (canWrite(actor, { kind: 'secretariat_record' }).allowed) return null;
  throw new DomainError(
    'forbidden',
    `Name the State of the submission (country): you may record submissions for ${actor.countries.join(', ') || 'no State'} only.`,
  );
}

const markSubmitted = createRoute({
  method: 'post',
  path: '/submissions',
  tags: ['supervision'],
  middleware: [mayWrite(submissionTarget)] as const,
  summary: "Record that a State brought an instrument before its competent authorities (the State's focal point, secretariat)",
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              country: z.string({ error: 'country is required' }).regex(/^[A-Za-z]{3}$/, 'country must be an ISO 3166 alpha-3 code'),
              instrument: z
                .string({ error: 'instrument is required' })
                .regex(/^[CPRcpr]\d{1,3}$/, 'instrument must look like C190 or R206'),
              submittedDate: z.string().max(10, 'submittedDate must be a date YYYY-MM-DD').nullable().optional(),
              authority: z.string().max(500, 'authority must be at most 500 characters').nullable().optional(),
              exceptionalCircumstances: z.boolean({ error: 'exceptionalCircumstances must be true or false' }).optional(),
              reference: z.string().max(500, 'reference must be at most 500 characters').nullable().optional(),
              confidence: z.enum(CONFIDENCES, { error: 'confidence must be high, medium or low' }).nullable().optional(),
              notes: z.string().max(500, 'notes must be at most 500 characters').nullable().optional(),
              ...citation,
            })
            .openapi('SubmissionChange'),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Saved (event null: nothing changed)',
      content: {
        'application/json': {
          schema: z.object({ event: z.unknown(), record: SubmissionRecordSchema.nullable(), warnings: z.array(z.unknown()) }),
        },
      },
    },
    ...writeProblems,
  },
});

const tracking = createRoute({
  method: 'post',
  path: '/conference/sessions/{number}/submission-tracking',
  tags: ['supervision'],
  middleware: [mayWrite(() => ({ kind: 'secretariat_record' }))] as const,
  summary: 'Open (or close) a Conference session for submission tracking (secretariat)',
  request: {
    params: z.object({
      number: z.coerce
        .number({ error: 'number must be a Conference session number' })
        .int('number must be a whole number')
        .min(1, 'number must be 1 or more')
        .max(999, 'number must be at most 999')
        .openapi({ param: { name: 'number', in: 'path' }, example: 113 }),
    }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              tracked: z.boolean({ error: 'tracked must be true or false' }).default(true),
              notes: z.string().max(500, 'notes must be at most 500 characters').nullable().optional(),
              ...citation,
            })
            .openapi('SubmissionTrackingChange'),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Saved (event null: nothing changed)',
      content: {
        'application/json': {
          schema: z.object({
            event: z.unknown(),
            record: TrackedSessionSchema.omit({ year: true, closingDate: true }).nullable(),
            warnings: z.array(z.unknown()),
          }),
        },
      },
    },
    ...writeProblems,
  },
});

export function addSubmissionRoutes(api: OpenAPIHono, submissions: SubmissionService, today: () => string, now: () => Date): void {
  api.openapi(listSubmissions, async (c) => {
    const { country, session, status, page, pageSize } = c.req.valid('query');
    const day = today();
    const list = await submissions.listSubmissions({ country: country?.toUpperCase(), session, status }, day);
    const items = list.items.slice((page - 1) * pageSize, page * pageSize);
    return c.json({ items, total: list.total, page, pageSize, today: day, trackedSessions: list.trackedSessions }, 200);
  });

  api.openapi(overdue, async (c) => {
    const { by } = c.req.valid('query');
    const day = today();
    const items = by === 'region' ? await submissions.overdueByRegion(day) : await submissions.overdueByCountry(day);
    return c.json({ by, today: day, items }, 200);
  });

  api.openapi(markSubmitted, async (c) => {
    const body = c.req.valid('json');
    return c.json(await submissions.markSubmitted(authState(c).actor, body, now()), 200);
  });

  api.openapi(tracking, async (c) => {
    const { number } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await submissions.setTracking(authState(c).actor, { ...body, session: number }, now()), 200);
  });
}
