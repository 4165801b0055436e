import { z } from '@hono/zod-openapi';
import { INSTRUMENT_CATEGORIES } from '../../domain/instrument.ts';
import { REPORT_KINDS, REPORT_STATUSES } from '../../domain/supervision/report-status.ts';
import { MAX_CYCLE_YEARS, MAX_ORGANISATIONS, REPORTING_YEAR_RANGE } from '../../services/reporting-input.ts';

const { min, max } = REPORTING_YEAR_RANGE;

const yearField = (name: string) =>
  z
    .number({ error: `${name} must be a year such as 2027` })
    .int(`${name} must be a whole year`)
    .min(min, `${name} must be a year from ${min} to ${max}`)
    .max(max, `${name} must be a year from ${min} to ${max}`);

export const citation = {
  source: z
    .string({ error: 'source is required: cite where this fact comes from' })
    .max(500, 'source must be at most 500 characters')
    .openapi({ description: 'Required: the Governing Body document, NORMLEX page or letter this change rests on' }),
  reason: z.string().max(2000, 'reason must be at most 2000 characters').nullable().optional(),
};

export const ReportsQuerySchema = z.object({
  year: z.coerce
    .number({ error: 'year must be a year such as 2027' })
    .int('year must be a whole year')
    .min(min, `year must be from ${min} to ${max}`)
    .max(max, `year must be from ${min} to ${max}`)
    .optional()
    .openapi({
      param: { name: 'year', in: 'query' },
      example: 2027,
      description: 'Only the reports requested for this year (and those whose year is unknown)',
    }),
});

export const OverdueQuerySchema = z.object({
  by: z
    .enum(['region', 'instrument'], { error: 'by must be region or instrument' })
    .default('region')
    .openapi({ param: { name: 'by', in: 'query' } }),
});

const GroupUsedSchema = z
  .object({
    ruleSetId: z.string(),
    label: z.string(),
    subject: z.string().nullable(),
    cycleYears: z.number().int(),
    baseYear: z.number().int(),
    source: z.string(),
  })
  .openapi('ReportGroupUsed');

export const ReportSchema = z
  .object({
    id: z.string().openapi({ description: 'Stable: State/instrument/kind/year' }),
    country: z.string(),
    instrument: z.string(),
    instrumentRef: z.object({ code: z.string(), titleEn: z.string(), titleId: z.string().nullable() }).passthrough(),
    kind: z.enum(REPORT_KINDS),
    year: z.number().int().nullable(),
    dueDate: z.string().nullable().openapi({ description: '1 September of the year (Art 22); null when unknown' }),
    status: z.enum(REPORT_STATUSES),
    received: z.object({ dateSent: z.string(), link: z.string(), source: z.string() }).nullable(),
    legalBasis: z.array(z.string()),
    group: GroupUsedSchema.nullable().openapi({ description: 'The group and cycle the year comes from' }),
    missing: z
      .object({ datum: z.string(), detail: z.string() })
      .nullable()
      .openapi({ description: 'Which datum the calendar lacks to date this report' }),
    reasons: z.array(z.object({ kind: z.enum(['missed', 'reply']), year: z.number().int() }).passthrough()),
    copiesTo: z
      .object({ employers: z.array(z.string()), workers: z.array(z.string()), source: z.string(), basis: z.string() })
      .nullable()
      .openapi({ description: 'Most representative organisations receiving copies (Art 23(2)); null until entered' }),
  })
  .openapi('Report');

export const CountryReportsSchema = z
  .object({
    country: z.object({ iso3: z.string(), nameEn: z.string() }).passthrough(),
    today: z.string(),
    year: z.number().int().nullable(),
    reports: z.array(ReportSchema),
    organisations: z
      .object({ employers: z.array(z.string()), workers: z.array(z.string()), source: z.string() })
      .passthrough()
      .nullable(),
  })
  .openapi('CountryReports');

export const OverdueSchema = z
  .object({
    by: z.enum(['region', 'instrument']),
    today: z.string(),
    rows: z.array(z.object({ key: z.string().nullable(), overdue: z.number().int(), states: z.number().int(), unknown: z.number().int() })),
    total: z.number().int(),
  })
  .openapi('OverdueReports');

export const RuleSetBodySchema = z
  .object({
    category: z.enum(INSTRUMENT_CATEGORIES, { error: `category must be one of ${INSTRUMENT_CATEGORIES.join(', ')}` }),
    cycleYears: z
      .number({ error: 'cycleYears must be a number of years' })
      .int('cycleYears must be a whole number of years')
      .min(1, `cycleYears must be from 1 to ${MAX_CYCLE_YEARS}`)
      .max(MAX_CYCLE_YEARS, `cycleYears must be from 1 to ${MAX_CYCLE_YEARS}`),
    sinceYear: yearField('sinceYear'),
    untilYear: yearField('untilYear').nullable().optional(),
    notes: z.string().max(500, 'notes must be at most 500 characters').nullable().optional(),
    ...citation,
  })
  .openapi('ReportingRuleSetChange');

export const GroupYearBodySchema = z
  .object({
    ruleSetId: z.string({ error: 'ruleSetId is required' }).max(60, 'ruleSetId must be at most 60 characters'),
    label: z.string({ error: 'label is required, e.g. G–N' }).max(20, 'label must be at most 20 characters'),
    firstLetter: z.string({ error: 'firstLetter is required' }).max(1, 'firstLetter must be one letter'),
    lastLetter: z.string({ error: 'lastLetter is required' }).max(1, 'lastLetter must be one letter'),
    subject: z.string().max(500, 'subject must be at most 500 characters').nullable().optional(),
    baseYear: yearField('baseYear'),
    ...citation,
  })
  .openapi('ReportingGroupYearChange');

export const ReportSentBodySchema = z
  .object({
    instrument: z.string({ error: 'instrument is required, e.g. C138' }).max(10, 'instrument must be a code such as C138'),
    year: yearField('year'),
    kind: z.enum(REPORT_KINDS, { error: `kind must be one of ${REPORT_KINDS.join(', ')}` }),
    dateSent: z.string({ error: 'dateSent is required (YYYY-MM-DD)' }).max(10, 'dateSent must be YYYY-MM-DD'),
    link: z.string({ error: 'link is required: a URL or a file reference' }).max(500, 'link must be at most 500 characters'),
    ...citation,
  })
  .openapi('ReportSent');

const names = (field: string) =>
  z
    .array(z.string().max(500, `each name in ${field} must be at most 500 characters`), { error: `${field} must be a list of names` })
    .max(MAX_ORGANISATIONS, `${field} must list at most ${MAX_ORGANISATIONS} organisations`);

export const OrganisationsBodySchema = z
  .object({ employers: names('employers'), workers: names('workers'), ...citation })
  .openapi('RepresentativeOrganisationsChange');

export const ReceiptsCompleteBodySchema = z
  .object({
    since: z
      .string({ error: 'since must be a date, YYYY-MM-DD, or null' })
      .max(10, 'since must be a date, YYYY-MM-DD')
      .nullable()
      .openapi({ description: 'The first due date from which every receipt of the State is recorded here; null withdraws it.' }),
    ...citation,
  })
  .openapi('ReceiptsCompleteChange');

export const RuleSetIdParamSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'id must be lower-case letters, digits and hyphens, such as fundamental-2012')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'fundamental-2012' }),
});

export const RulesSchema = z
  .object({
    ruleSets: z.array(z.object({ id: z.string() }).passthrough()),
    groups: z.array(z.object({ ruleSetId: z.string() }).passthrough()),
  })
  .openapi('ReportingRules');

export const ReportingChangeResultSchema = z
  .object({ event: z.object({ id: z.number().int() }).passthrough().nullable(), record: z.unknown(), warnings: z.array(z.unknown()) })
  .openapi('ReportingChangeResult');
