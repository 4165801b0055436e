import { z } from '@hono/zod-openapi';
import { ILO_REGIONS } from '../../domain/country.ts';
import { CONFIDENCES } from '../../domain/facts.ts';
import { GB_GROUPS, GB_MEMBER_TYPES, GB_SEAT_KINDS } from '../../domain/governance/governing-body.ts';
import { OFFICE_TYPES } from '../../domain/governance/offices.ts';
import { MAX_AGENDA_ITEMS, MAX_MEMBERS } from '../../services/governing-body-edits.ts';

/* Shapes of the Governing Body and Office routes (organs-routes.ts): one schema validates, types and documents. */

const provenance = {
  source: z.string().nullable(),
  confidence: z.enum(CONFIDENCES).nullable(),
  notes: z.string().nullable(),
};

const IssueSchema = z.object({ field: z.string(), message: z.string(), rule: z.string().optional() });

export const SeatCountSchema = z
  .object({ group: z.enum([...GB_GROUPS, 'all']), memberType: z.enum(GB_MEMBER_TYPES), seats: z.number().int(), ...provenance })
  .openapi('GbSeatCount');

export const MemberSchema = z
  .object({
    holderIso3: z.string().nullable(),
    holderName: z.string().nullable(),
    group: z.enum(GB_GROUPS),
    memberType: z.enum(GB_MEMBER_TYPES),
    seat: z.enum(GB_SEAT_KINDS),
    source: z.string(),
    confidence: z.enum(CONFIDENCES).nullable(),
    notes: z.string().nullable(),
  })
  .openapi('GbMember');

const CellSchema = z.object({
  group: z.enum(GB_GROUPS),
  memberType: z.enum(GB_MEMBER_TYPES),
  seats: z.number().int().nullable(),
  permanent: z.number().int(),
  knownElected: z.number().int(),
  unknown: z.number().int().nullable().openapi({ description: 'Seats whose holder the sources do not name (unknown, not empty)' }),
});

const TotalsSchema = z.object({ seats: z.number().int().nullable(), known: z.number().int(), unknown: z.number().int().nullable() });

export const PeriodSchema = z
  .object({
    id: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    members: z.array(MemberSchema),
    ...provenance,
    composition: z.object({
      cells: z.array(CellSchema),
      totals: z.object({ titular: TotalsSchema, deputy: TotalsSchema }),
      membership: z.enum(['complete', 'partial', 'unknown']),
      issues: z.array(IssueSchema),
      citations: z.array(z.string()),
    }),
  })
  .openapi('GbPeriod');

export const SessionSchema = z
  .object({
    number: z.number().int(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    place: z.string().nullable(),
    agenda: z.array(z.string()),
    ...provenance,
  })
  .openapi('GbSession');

export const OverviewSchema = z
  .object({
    rules: z.object({
      seats: z.array(SeatCountSchema),
      permanentSeats: z.array(z.object({ iso3: z.string(), ...provenance })),
      electionCycle: z
        .object({ years: z.number().int().nullable(), lastElection: z.string().nullable(), text: z.string(), ...provenance })
        .nullable(),
      issues: z.array(IssueSchema),
      citations: z.array(z.string()),
    }),
    periods: z.array(PeriodSchema),
    current: PeriodSchema.nullable().openapi({ description: 'The recorded period covering the reference date; null: unknown' }),
    cyclePeriod: z
      .object({ id: z.string(), startDate: z.string(), endDate: z.string(), recorded: z.boolean() })
      .nullable()
      .openapi({ description: 'The period the election cycle puts the reference date in: derived from the cycle, not a sourced fact' }),
    sessions: z.array(SessionSchema),
    asOf: z.string(),
  })
  .openapi('GoverningBody');

export const OfficeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(OFFICE_TYPES),
    region: z.enum(ILO_REGIONS).nullable(),
    city: z.string().nullable(),
    countryIso3: z.string().nullable(),
    countryName: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    covers: z.array(z.string()),
    coversOther: z.array(z.string()),
    ...provenance,
  })
  .openapi('IloOffice');

export const OfficeOverviewSchema = z
  .object({
    directorGeneral: z
      .object({ name: z.string(), since: z.string().nullable(), ...provenance })
      .nullable()
      .openapi({ description: 'Null: no sourced fact names the Director-General (unknown)' }),
    offices: z.array(OfficeSchema),
  })
  .openapi('InternationalLabourOffice');

const citation = {
  source: z
    .string({ error: 'source is required: cite where this fact comes from' })
    .max(500, 'source must be at most 500 characters')
    .openapi({ description: 'Required: the Governing Body document or ILO page this change rests on' }),
  reason: z.string().max(2000).nullable().optional(),
  confidence: z.enum(CONFIDENCES).nullable().optional(),
  notes: z.string().max(2000).nullable().optional(),
};

const partialDate = (name: string) =>
  z
    .string()
    .max(10)
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, `${name} must be a date YYYY-MM-DD (or YYYY-MM, YYYY)`)
    .nullable()
    .optional();

export const PeriodBodySchema = z
  .object({
    startDate: partialDate('startDate'),
    endDate: partialDate('endDate'),
    members: z
      .array(
        z.object({
          holderIso3: z.string().max(3).nullable().optional(),
          holderName: z.string().max(500).nullable().optional(),
          group: z.enum(GB_GROUPS),
          memberType: z.enum(GB_MEMBER_TYPES),
          seat: z.enum(GB_SEAT_KINDS),
          source: z.string().max(500).nullable().optional().openapi({ description: "The member's own source (default: the change's)" }),
          confidence: z.enum(CONFIDENCES).nullable().optional(),
          notes: z.string().max(2000).nullable().optional(),
        }),
      )
      .max(MAX_MEMBERS, `members: at most ${MAX_MEMBERS}`)
      .openapi({ description: 'Every member the source names for the period (replaces the list); seats not listed stay unknown' }),
    ...citation,
  })
  .openapi('GbPeriodChange');

const sessionFields = {
  startDate: partialDate('startDate'),
  endDate: partialDate('endDate'),
  place: z.string().max(500).nullable().optional(),
  agenda: z.array(z.string().min(1, 'an agenda item cannot be empty').max(1000)).max(MAX_AGENDA_ITEMS).optional(),
  ...citation,
};

export const SessionCreateSchema = z
  .object({ number: z.number({ error: 'number is required: the session number, e.g. 350' }).int().min(1).max(9999), ...sessionFields })
  .openapi('GbSessionNew');

export const SessionUpdateSchema = z.object(sessionFields).openapi('GbSessionChange');

export const PeriodIdParamSchema = z.object({
  id: z
    .string()
    .regex(/^\d{4}-\d{4}$/, 'id must be two years, e.g. 2021-2024')
    .openapi({ param: { name: 'id', in: 'path' }, example: '2021-2024' }),
});

export const SessionNumberParamSchema = z.object({
  number: z
    .string()
    .regex(/^\d{1,4}$/, 'number must be a session number from 1 to 9999')
    .openapi({ param: { name: 'number', in: 'path' }, example: '350' }),
});

export const OfficeQuerySchema = z.object({
  region: z
    .enum(ILO_REGIONS, { error: `region must be one of ${ILO_REGIONS.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'region', in: 'query' } }),
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'country must be an ISO 3166 alpha-3 code')
    .optional()
    .openapi({ param: { name: 'country', in: 'query' } }),
});
