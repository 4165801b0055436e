import { z } from '@hono/zod-openapi';
import { CASE_STATUSES, CLOSURE_REASONS, CONSENT_GIVERS, CONSENT_PURPOSES, PRIORITY_TIERS } from '../../domain/child-labour/cases/index.ts';
import { SEXES, WORK_KINDS } from '../../domain/child-labour/types.ts';
import { ACTION_KINDS } from '../../services/cases/case-input.ts';

/*
 * The shapes of the case API (issue 11). Bodies are checked for their types here and for their
 * meaning by the case service (src/services/cases/case-input.ts), which names each field; neither
 * repeats an identifying value in its message.
 */
const day = (field: string) => z.string({ error: `${field} must be a date YYYY-MM-DD` }).max(10, `${field} must be a date YYYY-MM-DD`);
const text = (field: string, max: number) =>
  z.string({ error: `${field} must be text` }).max(max, `${field} must be at most ${max} characters`);
const flag = (field: string) => z.boolean({ error: `${field} must be true or false` });

export const IdParamSchema = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, description: 'The case id (a UUID)' }),
});
export const UnitParamSchema = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, description: 'The monitoring unit id', example: '1' }),
});
export const ActionParamSchema = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, description: 'The case id (a UUID)' }),
  actionId: z.string().openapi({ param: { name: 'actionId', in: 'path' }, description: 'The support action id', example: '1' }),
});

export const CaseListQuerySchema = z.object({
  unit: z
    .string({ error: 'unit is required: the monitoring unit id' })
    .regex(/^\d{1,9}$/, 'unit must be a unit id (a whole number)')
    .openapi({ param: { name: 'unit', in: 'query' }, example: '1' }),
  status: z
    .enum(CASE_STATUSES, { error: `status must be one of ${CASE_STATUSES.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
  priority: z
    .enum(PRIORITY_TIERS, { error: `priority must be one of ${PRIORITY_TIERS.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'priority', in: 'query' } }),
  overdue: z
    .enum(['true', 'false'], { error: 'overdue must be true or false' })
    .optional()
    .openapi({ param: { name: 'overdue', in: 'query' }, description: 'true: only cases whose follow-up visit is overdue today' }),
});

export const WorklistQuerySchema = z.object({
  today: day('today')
    .optional()
    .openapi({ param: { name: 'today', in: 'query' }, description: 'The reference day (default: today)' }),
});

export const ConsentSchema = z
  .object({
    by: text('consent.by', 200).openapi({ description: 'The parent or guardian who consented (identifying: stored sealed)' }),
    relation: z.enum(CONSENT_GIVERS, { error: `consent.relation must be ${CONSENT_GIVERS.join(' or ')}` }),
    on: day('consent.on'),
    purposes: z
      .array(z.enum(CONSENT_PURPOSES, { error: `consent.purposes must list some of ${CONSENT_PURPOSES.join(', ')}` }))
      .max(CONSENT_PURPOSES.length),
  })
  .openapi('CaseConsent');

export const OpenCaseSchema = z
  .object({
    origin: z.enum(['visit', 'referral', 'check'], { error: 'origin must be one of visit, referral, check' }),
    identifiedOn: day('identifiedOn'),
    sex: z
      .enum(SEXES, { error: `sex must be ${SEXES.join(' or ')}, or left out` })
      .nullable()
      .optional(),
    ageYears: z.number({ error: 'ageYears must be a number' }).nullable().optional().openapi({ description: 'Give ageYears or birthDate' }),
    agePrecision: z.enum(['exact', 'estimated'], { error: 'agePrecision must be exact or estimated' }).nullable().optional(),
    country: text('country', 3).nullable().optional().openapi({ description: "ISO 3166 alpha-3; the unit's country when left out" }),
    province: text('province', 120).nullable().optional(),
    district: text('district', 120).nullable().optional(),
    householdRef: text('householdRef', 100).nullable().optional(),
    workerRef: text('workerRef', 200).nullable().optional(),
    schoolEnrolled: flag('schoolEnrolled').nullable().optional(),
    schoolAttending: flag('schoolAttending').nullable().optional(),
    work: z.enum(WORK_KINDS, { error: `work must be one of ${WORK_KINDS.join(', ')}` }),
    workTask: text('workTask', 300).nullable().optional(),
    commodity: text('commodity', 120).nullable().optional(),
    hoursPerDay: z.number({ error: 'hoursPerDay must be a number' }).nullable().optional(),
    nightWork: flag('nightWork').nullable().optional(),
    hazards: z.array(text('hazards', 200)).max(50).optional(),
    name: text('name', 200).nullable().optional().openapi({ description: 'Identifying: only with consent; stored sealed' }),
    birthDate: day('birthDate').nullable().optional().openapi({ description: 'Identifying: only with consent; stored sealed' }),
    village: text('village', 200).nullable().optional(),
    location: text('location', 300).nullable().optional(),
    contact: text('contact', 200).nullable().optional(),
    notes: text('notes', 4000).nullable().optional(),
    consent: ConsentSchema.nullable().optional(),
  })
  .openapi('OpenCase');

export const VisitBodySchema = z
  .object({
    visitedOn: day('visitedOn'),
    kind: z.enum(['follow_up', 'attempt'], { error: 'kind must be follow_up or attempt (child not found)' }),
    childFound: flag('childFound').optional(),
    inChildLabour: flag('inChildLabour').nullable().optional(),
    atSchool: flag('atSchool').nullable().optional(),
    notes: text('notes', 4000).nullable().optional().openapi({ description: 'Stored sealed' }),
  })
  .openapi('CaseVisitInput');

export const ActionBodySchema = z
  .object({
    kind: z.enum(ACTION_KINDS, { error: `kind must be one of ${ACTION_KINDS.join(', ')}` }),
    responsible: text('responsible', 200),
    dueOn: day('dueOn'),
    programmeId: text('programmeId', 80)
      .nullable()
      .optional()
      .openapi({ description: 'A programme of the registry (GET /api/programmes)' }),
    notes: text('notes', 4000).nullable().optional(),
  })
  .openapi('CaseActionInput');

export const ProvidedBodySchema = z.object({ providedOn: day('providedOn') }).openapi('CaseActionProvided');
export const AssignBodySchema = z
  .object({ userId: z.number({ error: 'userId must be a user id, or null to unassign' }).int('userId must be a whole number').nullable() })
  .openapi('CaseAssign');
export const CloseBodySchema = z
  .object({
    reason: z.enum(CLOSURE_REASONS, { error: `reason must be one of ${CLOSURE_REASONS.join(', ')}` }),
    on: day('on'),
    note: text('note', 1000).nullable().optional(),
  })
  .openapi('CaseClose');

const CaseSummaryShape = {
  id: z.string(),
  unitId: z.number().int(),
  caseNumber: z.number().int(),
  status: z.enum(CASE_STATUSES),
  priority: z.enum(PRIORITY_TIERS),
  identifiedOn: z.string(),
  sex: z.string().nullable(),
  ageYears: z.number().nullable(),
  district: z.string().nullable(),
  verdict: z.string().nullable(),
  nextVisitDue: z.string().nullable(),
  overdue: z.boolean(),
  assignedTo: z.number().int().nullable(),
  name: z.string().nullable().openapi({ description: 'Only for members whose role may see identifying data' }),
};
export const CaseSummarySchema = z.object(CaseSummaryShape).openapi('CaseSummary');
export const CaseListSchema = z.object({ items: z.array(CaseSummarySchema), total: z.number().int() }).openapi('CaseList');

const VisitSchema = z.object({
  id: z.number().int(),
  visitedOn: z.string(),
  kind: z.enum(['identification', 'follow_up', 'attempt']),
  monitor: z.string().nullable(),
  childFound: z.boolean(),
  inChildLabour: z.boolean().nullable(),
  atSchool: z.boolean().nullable(),
  notes: z.string().nullable(),
});
const ActionSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    responsible: z.string(),
    dueOn: z.string(),
    providedOn: z.string().nullable(),
    programmeId: z.string().nullable(),
    overdue: z.boolean(),
    notes: z.string().nullable(),
  })
  .openapi('CaseAction');

export const CaseViewSchema = z
  .object({
    ...CaseSummaryShape,
    origin: z.string(),
    workerRef: z.string().nullable(),
    agePrecision: z.string(),
    province: z.string().nullable(),
    householdRef: z.string().nullable(),
    schoolEnrolled: z.boolean().nullable(),
    schoolAttending: z.boolean().nullable(),
    workTask: z.string().nullable(),
    commodity: z.string().nullable(),
    hoursPerDay: z.number().nullable(),
    nightWork: z.boolean().nullable(),
    hazards: z.array(z.string()),
    country: z.string(),
    minimumAge: z.number().int().nullable(),
    reasons: z.array(z.object({ rule: z.string(), citation: z.string(), verdict: z.string(), message: z.string().optional() })),
    identifying: z.boolean().openapi({ description: 'false: the identifying fields are withheld (null) for this caller' }),
    birthDate: z.string().nullable(),
    village: z.string().nullable(),
    location: z.string().nullable(),
    contact: z.string().nullable(),
    notes: z.string().nullable(),
    consent: z
      .object({ by: z.string().nullable(), relation: z.string().nullable(), on: z.string().nullable(), purposes: z.array(z.string()) })
      .nullable(),
    closedOn: z.string().nullable(),
    closureReason: z.enum(CLOSURE_REASONS).nullable(),
    visits: z.array(VisitSchema),
    actions: z.array(ActionSchema),
    clearVisits: z
      .number()
      .int()
      .openapi({ description: 'Consecutive follow-up visits, on different days, that found the child out of child labour' }),
  })
  .openapi('Case');

export const CaseEventsSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        at: z.string(),
        actor: z.string(),
        action: z.string(),
        before: z.unknown(),
        after: z.unknown(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .openapi('CaseEvents');

export const WorklistSchema = z
  .object({
    unitId: z.number().int(),
    today: z.string(),
    scope: z.enum(['monitor', 'unit']),
    visits: z.array(CaseSummarySchema),
    actions: z.array(
      z.object({ caseId: z.string(), caseNumber: z.number().int(), priority: z.enum(PRIORITY_TIERS), action: ActionSchema }),
    ),
    horizonDays: z.number().int(),
  })
  .openapi('CaseWorklist');
