import { z } from '@hono/zod-openapi';
import { CONFIDENCES } from '../../domain/facts.ts';
import {
  CREDENTIAL_STATUSES,
  DELEGATE_ROLES,
  DELEGATION_GROUPS,
  MAX_DELEGATES,
  MAX_NAME_LENGTH,
} from '../../domain/governance/delegation.ts';
import { VOTE_MODES } from '../../domain/governance/recorded-vote.ts';
import { MAX_AGENDA_ITEMS, MAX_AGENDA_TEXT, MAX_PLACE_LENGTH } from '../../domain/governance/session.ts';
import { BALLOT_VOTES, VOTE_KINDS, VOTE_OUTCOMES } from '../../domain/governance/vote.ts';
import { INSTRUMENT_TYPES } from '../../domain/instrument.ts';

/* Shapes of /api/conference: one zod schema each for validation, types and the OpenAPI document. */

export const citation = {
  source: z
    .string({ error: 'source is required: cite where this fact comes from' })
    .max(500, 'source must be at most 500 characters')
    .openapi({ description: 'Required: the ILC record, Provisional Record or document this change rests on' }),
  reason: z.string().max(2000, 'reason must be at most 2000 characters').nullable().optional(),
};

export const SessionParams = z.object({
  number: z.coerce
    .number({ error: 'number must be a session number' })
    .int('number must be a whole number')
    .min(1, 'number must be 1 or more')
    .max(999, 'number must be at most 999')
    .openapi({ param: { name: 'number', in: 'path' }, example: 111 }),
});

export const DelegationParams = SessionParams.extend({
  iso3: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'iso3 must be an ISO 3166 alpha-3 code')
    .openapi({ param: { name: 'iso3', in: 'path' }, example: 'IDN' }),
});

export const LangQuery = z.object({
  lang: z
    .enum(['en', 'id'], { error: 'lang must be en or id' })
    .optional()
    .openapi({ param: { name: 'lang', in: 'query' }, description: 'Language of vote explanations (default: Accept-Language)' }),
});

const AgendaItemSchema = z
  .object({ position: z.number().int(), text: z.string(), instrument: z.string().nullable() })
  .openapi('AgendaItem');

const AdoptedSchema = z
  .object({
    code: z.string(),
    type: z.enum(INSTRUMENT_TYPES),
    titleEn: z.string(),
    titleId: z.string().nullable(),
    titleIdKind: z.enum(['official', 'unofficial']).nullable(),
    adoptionDate: z.string().nullable(),
  })
  .openapi('AdoptedInstrument');

const sessionFields = {
  number: z.number().int(),
  year: z.number().int().nullable(),
  openingDate: z.string().nullable().openapi({ description: 'null: unknown' }),
  closingDate: z.string().nullable().openapi({ description: 'null: unknown' }),
  place: z.string().nullable(),
  source: z.string().nullable(),
  confidence: z.enum(CONFIDENCES).nullable(),
  notes: z.string().nullable(),
  agenda: z.array(AgendaItemSchema),
};

export const ConferenceSessionSchema = z.object(sessionFields).openapi('ConferenceSession');

export const SessionListSchema = z
  .object({
    items: z.array(z.object({ ...sessionFields, adopted: z.array(AdoptedSchema), delegations: z.number().int(), votes: z.number().int() })),
  })
  .openapi('ConferenceSessionList');

const DelegateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    group: z.enum(DELEGATION_GROUPS),
    role: z.enum(DELEGATE_ROLES),
    credentials: z.enum(CREDENTIAL_STATUSES),
  })
  .openapi('Delegate');

export const DelegationSchema = z
  .object({
    session: z.number().int(),
    country: z.string(),
    countryNameEn: z.string(),
    countryNameId: z.string().nullable(),
    delegates: z.array(DelegateSchema),
    inArrears: z.boolean(),
    arrearsVotingPermitted: z.boolean(),
    source: z.string().nullable(),
    summary: z.object({
      government: z.number().int(),
      employers: z.number().int(),
      workers: z.number().int(),
      advisers: z.number().int(),
      substitutes: z.number().int(),
      objected: z.number().int(),
      invalidated: z.number().int(),
      noCounterpart: z.enum(DELEGATION_GROUPS).nullable().openapi({ description: 'Art 4(2): this group sits without a vote' }),
      noVote: z.boolean().openapi({ description: 'Art 13(4): in arrears and not permitted to vote' }),
    }),
  })
  .openapi('Delegation');

const GroupCounts = z.object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int() });

export const VoteResultSchema = z
  .object({
    kind: z.enum(VOTE_KINDS),
    outcome: z.enum(VOTE_OUTCOMES),
    votesCast: z.number().int(),
    quorum: z.number().int(),
    quorumMet: z.boolean(),
    required: z.number().int(),
    margin: z.number().int(),
    for: z.number().int(),
    against: z.number().int(),
    abstain: z.number().int(),
    delegatesAttending: z.number().int(),
    citations: z.array(z.string()),
    reasons: z.array(z.object({ code: z.string(), article: z.string(), params: z.record(z.string(), z.union([z.number(), z.string()])) })),
    byGroup: z.record(z.string(), GroupCounts).optional(),
    excluded: z
      .array(z.object({ delegateId: z.string(), country: z.string(), group: z.string(), reason: z.string(), article: z.string() }))
      .optional(),
  })
  .openapi('ConferenceVoteResult');

export const VoteSchema = z
  .object({
    key: z.string().openapi({ example: '111/1' }),
    session: z.number().int(),
    agendaItem: z.number().int().nullable(),
    kind: z.enum(VOTE_KINDS),
    date: z.string(),
    mode: z.enum(VOTE_MODES),
    counts: GroupCounts.nullable(),
    ballots: z.array(z.object({ delegateId: z.string(), vote: z.enum(BALLOT_VOTES) })),
    delegatesAttending: z.number().int(),
    instrument: z.object({ code: z.string(), titleEn: z.string(), type: z.enum(INSTRUMENT_TYPES) }).nullable(),
    source: z.string(),
    notes: z.string().nullable(),
    result: VoteResultSchema.nullable().openapi({ description: 'Computed by the vote engine when read; null if it cannot be' }),
    resultProblem: z.string().nullable(),
    explanation: z.array(z.string()).openapi({ description: 'The result in words, in the chosen language' }),
  })
  .openapi('ConferenceVote');

export const SessionDetailSchema = z
  .object({
    session: ConferenceSessionSchema,
    adopted: z.array(AdoptedSchema),
    delegations: z.array(DelegationSchema),
    votes: z.array(VoteSchema),
  })
  .openapi('ConferenceSessionDetail');

const nullableDate = (name: string) =>
  z
    .string()
    .max(10, `${name} must be a date YYYY-MM-DD`)
    .nullable()
    .optional()
    .openapi({ description: 'YYYY-MM-DD (or YYYY); null: unknown; left out: unchanged' });

export const SessionChangeSchema = z
  .object({
    year: z.number().int('year must be a whole number').nullable().optional(),
    openingDate: nullableDate('openingDate'),
    closingDate: nullableDate('closingDate'),
    place: z.string().max(MAX_PLACE_LENGTH, `place must be at most ${MAX_PLACE_LENGTH} characters`).nullable().optional(),
    agenda: z
      .array(
        z.object({
          text: z.string().max(MAX_AGENDA_TEXT, `each agenda item is at most ${MAX_AGENDA_TEXT} characters`),
          instrument: z.string().max(4, 'instrument must be a code such as C190').nullable().optional(),
        }),
      )
      .max(MAX_AGENDA_ITEMS, `an agenda has at most ${MAX_AGENDA_ITEMS} items`)
      .optional()
      .openapi({ description: 'The whole agenda in order (left out: unchanged)' }),
    ...citation,
  })
  .openapi('ConferenceSessionChange');

export const DelegationChangeSchema = z
  .object({
    delegates: z
      .array(
        z.object({
          id: z.string().max(10, 'id looks like IDN-1').nullable().optional().openapi({ description: 'Left out for a person added now' }),
          name: z.string().max(MAX_NAME_LENGTH, `name must be at most ${MAX_NAME_LENGTH} characters`),
          group: z.enum(DELEGATION_GROUPS, { error: `group must be one of ${DELEGATION_GROUPS.join(', ')}` }),
          role: z.enum(DELEGATE_ROLES, { error: `role must be one of ${DELEGATE_ROLES.join(', ')}` }),
          credentials: z
            .enum(CREDENTIAL_STATUSES, { error: `credentials must be one of ${CREDENTIAL_STATUSES.join(', ')}` })
            .nullable()
            .optional(),
        }),
      )
      .max(MAX_DELEGATES, `a delegation lists at most ${MAX_DELEGATES} people`)
      .openapi({ description: 'The whole delegation: a person left out is removed' }),
    inArrears: z.boolean().optional(),
    arrearsVotingPermitted: z.boolean().optional(),
    ...citation,
  })
  .openapi('DelegationChange');

const count = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .max(100_000, `${name} must be at most 100000`)
    .nullable()
    .optional();

export const VoteChangeSchema = z
  .object({
    agendaItem: z.number().int('agendaItem must be a whole number').nullable().optional(),
    kind: z.enum(VOTE_KINDS, { error: 'kind must be ordinary, instrument or amendment' }),
    date: z.string({ error: 'date is required (YYYY-MM-DD)' }).max(10, 'date must be YYYY-MM-DD'),
    for: count('for'),
    against: count('against'),
    abstain: count('abstain'),
    delegatesAttending: z
      .number({ error: 'delegatesAttending is required' })
      .int('delegatesAttending must be a whole number')
      .max(100_000, 'delegatesAttending must be at most 100000'),
    ballots: z
      .array(z.object({ delegateId: z.string().max(10), vote: z.enum(BALLOT_VOTES, { error: 'vote must be for, against or abstain' }) }))
      .max(10_000)
      .nullable()
      .optional()
      .openapi({ description: 'A record vote: each delegate by id; leave out for counts only' }),
    instrument: z
      .object({
        code: z.string().max(4, 'instrument.code must be a code such as C190'),
        titleEn: z.string().max(500).nullable().optional(),
        type: z.enum(INSTRUMENT_TYPES).nullable().optional(),
      })
      .nullable()
      .optional()
      .openapi({ description: 'Final votes: the instrument adopted (entered in the registry when the vote adopts it)' }),
    notes: z.string().max(500).nullable().optional(),
    ...citation,
  })
  .openapi('ConferenceVoteChange');
