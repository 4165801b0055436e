import { z } from '@hono/zod-openapi';
import { ILO_REGIONS } from '../../domain/country.ts';
import { CONFIDENCES } from '../../domain/facts.ts';
import { INSTRUMENT_CATEGORIES, INSTRUMENT_STATUSES, INSTRUMENT_TYPES } from '../../domain/instrument.ts';
import { impossibleDayReason } from '../../domain/partial-date.ts';
import { RATIFICATION_STATUSES } from '../../domain/ratification.ts';

export const MAX_PAGE_SIZE = 200;
export const MAX_QUERY_LENGTH = 200;

const partialDate = z
  .string()
  .nullable()
  .openapi({ description: "ISO date 'YYYY-MM-DD', or 'YYYY' when only the year is known; null when not recorded", example: '1973-06-26' });
const confidence = z
  .enum(CONFIDENCES)
  .nullable()
  .openapi({ description: 'Confidence the reference data gives this fact (null: not rated)' });
const provenance = {
  source: z.string().nullable().openapi({ description: 'Semicolon-separated source ids (see /api/sources)' }),
  confidence,
  notes: z.string().nullable(),
};

/**
 * A date filter, YYYY-MM-DD or a timestamp starting so: a day that does not exist (2023-02-30) is
 * refused with the reason, not read as an empty range.
 */
export function dateQuery(name: string) {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, `${name} must be a date YYYY-MM-DD`)
    .max(30)
    .superRefine((value, ctx) => {
      const reason = impossibleDayReason(value.slice(0, 10));
      if (reason) ctx.addIssue({ code: 'custom', message: `${name}: ${value.slice(0, 10)} is not a date: ${reason}` });
    })
    .optional()
    .openapi({ param: { name, in: 'query' } });
}

/** An OpenAPI response entry for a problem+json answer. */
export const problemDoc = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

export const PageQuerySchema = {
  page: z.coerce
    .number({ error: 'page must be a whole number of 1 or more' })
    .int('page must be a whole number')
    .min(1, 'page must be 1 or more')
    .max(100_000, 'page must be at most 100000')
    .default(1)
    .openapi({ param: { name: 'page', in: 'query' }, example: 1 }),
  pageSize: z.coerce
    .number({ error: `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
    .int('pageSize must be a whole number')
    .min(1, 'pageSize must be 1 or more')
    .max(MAX_PAGE_SIZE, `pageSize must be at most ${MAX_PAGE_SIZE}`)
    .default(20)
    .openapi({ param: { name: 'pageSize', in: 'query' }, example: 20 }),
};

const freeText = z
  .string()
  .max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`)
  .optional()
  .openapi({ param: { name: 'q', in: 'query' }, description: 'Free text over code and English/Indonesian titles or names' });

export const InstrumentListQuerySchema = z.object({
  type: z
    .enum(INSTRUMENT_TYPES, { error: `type must be one of ${INSTRUMENT_TYPES.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'type', in: 'query' } }),
  status: z
    .enum(INSTRUMENT_STATUSES, { error: `status must be one of ${INSTRUMENT_STATUSES.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
  category: z
    .enum(INSTRUMENT_CATEGORIES, { error: `category must be one of ${INSTRUMENT_CATEGORIES.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'category', in: 'query' } }),
  subject: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, 'subject must be a subject slug such as child-labour')
    .optional()
    .openapi({ param: { name: 'subject', in: 'query' }, example: 'child-labour' }),
  q: freeText,
  ...PageQuerySchema,
});

export const InstrumentCodeParamSchema = z.object({
  code: z
    .string()
    .regex(/^[CPRcpr]\d{1,3}$/, 'code must look like C138, P029 or R146')
    .openapi({ param: { name: 'code', in: 'path' }, example: 'C138' }),
});

export const Iso3ParamSchema = z.object({
  iso3: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'iso3 must be an ISO 3166 alpha-3 code such as IDN')
    .openapi({ param: { name: 'iso3', in: 'path' }, example: 'IDN' }),
});

export const CountryListQuerySchema = z.object({
  region: z
    .enum(ILO_REGIONS, { error: `region must be one of ${ILO_REGIONS.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'region', in: 'query' } }),
  q: freeText,
});

const RatificationListFields = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'country must be an ISO 3166 alpha-3 code such as IDN')
    .optional()
    .openapi({ param: { name: 'country', in: 'query' } }),
  instrument: z
    .string()
    .regex(/^[CPRcpr]\d{1,3}$/, 'instrument must look like C138')
    .optional()
    .openapi({ param: { name: 'instrument', in: 'query' } }),
  status: z
    .enum(RATIFICATION_STATUSES, { error: `status must be one of ${RATIFICATION_STATUSES.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
  fromYear: z.coerce
    .number({ error: 'fromYear must be a year' })
    .int('fromYear must be a year')
    .min(1919, 'fromYear must be 1919 or later')
    .max(2100, 'fromYear must be 2100 or earlier')
    .optional()
    .openapi({ param: { name: 'fromYear', in: 'query' } }),
  toYear: z.coerce
    .number({ error: 'toYear must be a year' })
    .int('toYear must be a year')
    .min(1919, 'toYear must be 1919 or later')
    .max(2100, 'toYear must be 2100 or earlier')
    .optional()
    .openapi({ param: { name: 'toYear', in: 'query' } }),
  format: z
    .enum(['json', 'csv'], { error: 'format must be json or csv' })
    .default('json')
    .openapi({ param: { name: 'format', in: 'query' } }),
  page: PageQuerySchema.page,
  pageSize: PageQuerySchema.pageSize.openapi({ description: 'Ignored for format=csv, which returns every matching row' }),
});

/** A year range that holds no year is a mistake in the request, not an empty answer. */
export const RatificationListQuerySchema = RatificationListFields.superRefine((q, ctx) => {
  if (q.fromYear !== undefined && q.toYear !== undefined && q.fromYear > q.toYear)
    ctx.addIssue({
      code: 'custom',
      path: ['fromYear'],
      message: `fromYear (${q.fromYear}) is after toYear (${q.toYear}): no year is in that range`,
    });
});

export const PublishedCountSchema = z
  .object({
    count: z.number().int().nullable(),
    asOf: z.string().nullable(),
    source: z.string().nullable(),
    confidence,
    notes: z.string().nullable(),
  })
  .openapi('PublishedCount');

export const InstrumentSchema = z
  .object({
    code: z.string().openapi({ example: 'C138' }),
    type: z.enum(INSTRUMENT_TYPES),
    number: z.number().int(),
    titleEn: z.string(),
    titleId: z.string().nullable(),
    titleIdKind: z
      .enum(['official', 'unofficial'])
      .nullable()
      .openapi({ description: 'official: title of the Indonesian act; unofficial: translation by this project' }),
    titleIdSource: z.string().nullable(),
    titleIdAct: z.string().nullable(),
    adoptionDate: partialDate,
    ilcSession: z.number().int().nullable(),
    entryIntoForce: partialDate,
    status: z.enum(INSTRUMENT_STATUSES).nullable(),
    category: z.enum(INSTRUMENT_CATEGORIES).nullable(),
    subjects: z.array(z.string()),
    revises: z.array(z.string()),
    ratificationEifMonths: z.number().int().nullable(),
    ratificationEifArticle: z.string().nullable(),
    verifiedFields: z.array(z.string()),
    publishedCount: PublishedCountSchema.nullable(),
    ...provenance,
  })
  .openapi('Instrument');

export const CoverageSchema = z
  .object({
    complete: z.boolean().openapi({
      description:
        'true only where the sources show the list is whole (C138 and C182 for every State; Indonesia’s own list). false: the ratifications shown are partial, scattered sourced facts',
    }),
    shown: z.number().int().openapi({ description: 'Ratifications shown in this registry' }),
    publishedCount: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Published total of ratifications (instruments); null when unknown' }),
    asOf: z.string().nullable().openapi({ description: 'As-of date of the published count; null when the source does not say' }),
    source: z
      .string()
      .nullable()
      .openapi({ description: 'Source ids or URLs (;-separated) of the published count, or of a State’s complete list' }),
    completeFor: z.array(z.string()).openapi({
      description: 'Countries: the instruments whose list is complete for every State, so also for this one (C138, C182)',
    }),
  })
  .openapi('Coverage');

export const InstrumentListItemSchema = InstrumentSchema.extend({
  recordedRatifications: z.number().int().openapi({ description: 'Ratifications recorded in this registry' }),
  coverage: CoverageSchema.nullable().openapi({ description: 'Whether the list is complete; null for Recommendations' }),
}).openapi('InstrumentListItem');

export const PageMetaSchema = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int() };

export const InstrumentPageSchema = z.object({ items: z.array(InstrumentListItemSchema), ...PageMetaSchema }).openapi('InstrumentPage');

export const DeclarationSchema = z
  .object({ kind: z.literal('minimum_age'), article: z.string(), value: z.number().int(), date: partialDate, ...provenance })
  .openapi('Declaration');

export const InstrumentRefSchema = z
  .object({
    code: z.string(),
    titleEn: z.string(),
    titleId: z.string().nullable(),
    titleIdKind: z.enum(['official', 'unofficial']).nullable(),
    category: z.enum(INSTRUMENT_CATEGORIES).nullable().optional(),
  })
  .openapi('InstrumentRef');

export const CountryRefSchema = z
  .object({ iso3: z.string(), iso2: z.string(), nameEn: z.string(), nameId: z.string().nullable() })
  .openapi('CountryRef');

export const RatificationSchema = z
  .object({
    country: z.string(),
    instrument: z.string(),
    registrationDate: partialDate,
    status: z.enum(RATIFICATION_STATUSES).nullable(),
    legalAct: z.string().nullable(),
    nationalTitle: z.string().nullable(),
    declarations: z.array(DeclarationSchema),
    entryIntoForce: partialDate.openapi({
      description: "Entry into force for the State, from the instrument's rule (e.g. C138 Art 12(3)); null when not computable",
    }),
    entryIntoForceRule: z.string().nullable(),
    minimumAge: DeclarationSchema.nullable().openapi({ description: 'Minimum-age declaration in effect (the latest)' }),
    countryRef: CountryRefSchema,
    instrumentRef: InstrumentRefSchema,
    ...provenance,
  })
  .openapi('Ratification');

export const RatificationPageSchema = z.object({ items: z.array(RatificationSchema), ...PageMetaSchema }).openapi('RatificationPage');

export const IlcSessionSchema = z
  .object({
    number: z.number().int(),
    year: z.number().int().nullable(),
    openingDate: partialDate,
    closingDate: partialDate,
    place: z.string().nullable(),
    ...provenance,
  })
  .openapi('IlcSession');

export const SourceSchema = z.object({ id: z.string(), description: z.string().nullable() }).openapi('Source');

export const InstrumentDetailSchema = z
  .object({
    instrument: InstrumentSchema,
    session: IlcSessionSchema.nullable(),
    revises: z.array(InstrumentRefSchema),
    revisedBy: z.array(InstrumentRefSchema),
    recordedRatifications: z.number().int(),
    coverage: CoverageSchema.nullable(),
    ratifications: z.array(RatificationSchema),
    sources: z.array(SourceSchema),
  })
  .openapi('InstrumentDetail');

export const MemberStateSchema = z
  .object({
    iso3: z.string(),
    iso2: z.string(),
    nameEn: z.string(),
    nameId: z.string().nullable(),
    region: z.enum(ILO_REGIONS).nullable(),
    membershipDate: partialDate,
    membershipNote: z.string().nullable(),
    ...provenance,
  })
  .openapi('MemberState');

export const CountryListSchema = z
  .object({
    items: z.array(MemberStateSchema.extend({ recordedRatifications: z.number().int(), coverage: CoverageSchema })),
    total: z.number().int(),
  })
  .openapi('CountryList');

export const CountryProfileSchema = z
  .object({
    country: MemberStateSchema,
    coverage: CoverageSchema,
    ratifications: z.array(RatificationSchema),
    childLabour: z.object({
      c138: z.object({ ratified: z.boolean(), ratification: RatificationSchema.nullable(), minimumAge: z.number().int().nullable() }),
      c182: z.object({ ratified: z.boolean(), ratification: RatificationSchema.nullable() }),
    }),
    sources: z.array(SourceSchema),
  })
  .openapi('CountryProfile');

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          field: z.string(),
          message: z.string(),
          rule: z.string().optional().openapi({ description: 'The named rule the value breaks, e.g. registration-in-future' }),
        }),
      )
      .optional(),
    requestId: z.string().optional().openapi({ description: 'On a 5xx: the request id to quote (also in the x-request-id header)' }),
  })
  .openapi('Problem');
