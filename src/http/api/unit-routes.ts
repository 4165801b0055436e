import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { PRIORITY_TIERS } from '../../domain/child-labour/cases/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { UNIT_ROLES } from '../../domain/monitoring/unit-roles.ts';
import { MAX_FOLLOW_UP_DAYS, MAX_LOST_AFTER_ATTEMPTS, MAX_RETENTION_MONTHS, UNIT_KINDS } from '../../domain/monitoring/unit-settings.ts';
import { MAX_ROW_ID, type UnitService } from '../../services/cases/unit-service.ts';
import { authState, requireActor } from '../auth.ts';
import { refuseNulInJsonBody } from '../nul.ts';
import { problemDoc as problem } from './schemas.ts';

/*
 * Monitoring units and their members (issue 11, decision 211). Nothing here is public: every
 * request, reads included, is 401 without an account before anything is validated; a unit the
 * caller cannot see is 404 (never 403); a missing capability in a visible unit is 403; then 400.
 */

const tags = ['monitoring'];
const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

const problems = {
  400: problem('Invalid input (checked after the sign-in and the right to act)'),
  401: problem('Not signed in (no valid session or API token)'),
  403: problem('Your role in this unit does not allow this'),
  404: problem('No such unit that you can see (another unit is never 403)'),
};

const FollowUpDaysSchema = z
  .object(Object.fromEntries(PRIORITY_TIERS.map((t) => [t, z.number().int()])) as Record<(typeof PRIORITY_TIERS)[number], z.ZodNumber>)
  .openapi('FollowUpDays', { description: 'Days between follow-up visits per priority tier (decision 211)' });

export const UnitSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.string(),
    country: z.string(),
    province: z.string().nullable(),
    district: z.string().nullable(),
    supplyChain: z.string().nullable(),
    commodity: z.string().nullable(),
    followUpDays: FollowUpDaysSchema,
    lostAfterAttempts: z.number().int(),
    retentionMonths: z.number().int(),
    myRole: z.string().nullable().openapi({ description: "The caller's role in the unit; null for a platform admin who is no member" }),
  })
  .openapi('MonitoringUnit');

const MemberSchema = z
  .object({ userId: z.number().int(), email: z.string(), role: z.enum(UNIT_ROLES), addedAt: z.string() })
  .openapi('UnitMember');

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .max(max, `${field} must be at most ${max} characters`)
    .nullable()
    .optional();
const whole = (field: string, max: number, unit: string) =>
  z
    .number({ error: `${field} must be a whole number of ${unit} from 1 to ${max}` })
    .int(`${field} must be a whole number of ${unit}`)
    .min(1, `${field} must be at least 1`)
    .max(max, `${field} must be at most ${max}`);

const settingsFields = {
  kind: z.enum(UNIT_KINDS, { error: `kind must be one of ${UNIT_KINDS.join(', ')}` }).optional(),
  province: text('province', 120),
  district: text('district', 120),
  supplyChain: text('supplyChain', 200),
  commodity: text('commodity', 120),
  followUpDays: z
    .object(
      Object.fromEntries(PRIORITY_TIERS.map((t) => [t, whole(`followUpDays.${t}`, MAX_FOLLOW_UP_DAYS, 'days').optional()])) as Record<
        (typeof PRIORITY_TIERS)[number],
        z.ZodOptional<z.ZodNumber>
      >,
      { error: `followUpDays must be an object of days per tier (${PRIORITY_TIERS.join(', ')})` },
    )
    .strict()
    .optional(),
  lostAfterAttempts: whole('lostAfterAttempts', MAX_LOST_AFTER_ATTEMPTS, 'attempts').optional(),
  retentionMonths: whole('retentionMonths', MAX_RETENTION_MONTHS, 'months').optional(),
};
const iso3 = z
  .string({ error: 'country must be an ISO 3166 alpha-3 code such as IDN' })
  .regex(/^[A-Za-z]{3}$/, 'country must be an ISO 3166 alpha-3 code such as IDN');

const CreateUnitBody = z
  .object({
    name: z.string({ error: 'name is required' }).trim().min(1, 'name is required').max(200, 'name must be at most 200 characters'),
    country: iso3,
    ...settingsFields,
  })
  .openapi('NewMonitoringUnit');
const UpdateUnitBody = z
  .object({
    name: z
      .string({ error: 'name must be text' })
      .trim()
      .min(1, 'name may not be empty')
      .max(200, 'name must be at most 200 characters')
      .optional(),
    country: iso3.optional(),
    ...settingsFields,
  })
  .openapi('MonitoringUnitSettings', { description: 'Fields left out keep their value' });

const role = z.enum(UNIT_ROLES, { error: `role must be one of ${UNIT_ROLES.join(', ')}` });
const AddMemberBody = z
  .object({
    userId: z
      .number({ error: 'userId must be a whole number' })
      .int('userId must be a whole number')
      .positive('userId must be positive')
      .max(MAX_ROW_ID, `userId must be at most ${MAX_ROW_ID}`)
      .optional(),
    email: z.string({ error: 'email must be text' }).max(320, 'email must be at most 320 characters').optional(),
    role,
  })
  .openapi('NewUnitMember', { description: 'The account by userId or by email (one of them), and its role in the unit' });
const ChangeRoleBody = z.object({ role }).openapi('UnitMemberRole');

const unitIdParam = z
  .string()
  .regex(/^\d{1,10}$/, 'id must be a unit number')
  .openapi({ param: { name: 'id', in: 'path' }, example: '1' });
const userIdParam = z
  .string()
  .regex(/^\d{1,10}$/, 'userId must be a user number')
  .openapi({ param: { name: 'userId', in: 'path' }, example: '2' });

const UnitEventSchema = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    at: z.string(),
    userId: z.number().int().nullable(),
    actor: z.string(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('UnitEvent');

/** The unit id of the raw path: anything that is no positive number is a unit no one can see (404). */
function rawUnitId(c: Context): number {
  const raw = c.req.param('id') ?? '';
  return /^\d{1,10}$/.test(raw) ? Number(raw) : -1;
}

export function addUnitRoutes(api: OpenAPIHono, units: UnitService, now: () => Date): void {
  // Reads of units are not public: 401 before validation for every method.
  const signedIn: MiddlewareHandler = async (c, next) => {
    if (!authState(c).actor)
      throw new DomainError('unauthenticated', 'Sign in, or send an API token (Authorization: Bearer …), to see monitoring units.');
    await next();
  };
  api.use('/units', signedIn);
  api.use('/units/*', signedIn);

  /** The right to act in the unit of the path, before the body is read: 404, then 403. */
  const inUnit =
    (need: 'seeUnit' | 'manageMembers'): MiddlewareHandler =>
    async (c, next) => {
      const actor = requireActor(c);
      const unitId = rawUnitId(c);
      const caps = await units.capabilities(actor, unitId);
      if (!caps[need]) throw new DomainError('forbidden', 'Your role in this unit does not allow this: ask a unit administrator.');
      await refuseNulInJsonBody(c);
      await next();
    };
  const platformAdmin: MiddlewareHandler = async (c, next) => {
    const actor = requireActor(c);
    if (actor.role !== 'admin') throw new DomainError('forbidden', 'Only a platform administrator creates monitoring units.');
    await refuseNulInJsonBody(c);
    await next();
  };
  const actorOf = (c: Context) => authState(c).actor;

  api.openapi(
    createRoute({
      method: 'get',
      path: '/units',
      tags,
      summary: 'Monitoring units the caller belongs to (every unit for a platform admin)',
      responses: { 200: json('The units', z.object({ items: z.array(UnitSchema) })), 401: problems[401] },
    }),
    async (c) => c.json({ items: await units.list(actorOf(c)) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/units',
      tags,
      middleware: [platformAdmin] as const,
      summary: 'Create a monitoring unit (platform admin)',
      request: body(CreateUnitBody),
      responses: { 201: json('Created', UnitSchema), ...problems },
    }),
    async (c) => c.json(await units.create(actorOf(c), c.req.valid('json'), now()), 201),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/units/{id}',
      tags,
      middleware: [inUnit('seeUnit')] as const,
      summary: 'One monitoring unit and its settings',
      request: { params: z.object({ id: unitIdParam }) },
      responses: { 200: json('The unit', UnitSchema), ...problems },
    }),
    async (c) => c.json(await units.get(actorOf(c), Number(c.req.valid('param').id)), 200),
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/units/{id}',
      tags,
      middleware: [inUnit('manageMembers')] as const,
      summary: "Change a unit's settings (unit admin or platform admin)",
      request: { params: z.object({ id: unitIdParam }), ...body(UpdateUnitBody) },
      responses: { 200: json('The unit as changed', UnitSchema), ...problems },
    }),
    async (c) => c.json(await units.update(actorOf(c), Number(c.req.valid('param').id), c.req.valid('json'), now()), 200),
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/units/{id}/members',
      tags,
      middleware: [inUnit('seeUnit')] as const,
      summary: "A unit's members (its administrators and case managers)",
      request: { params: z.object({ id: unitIdParam }) },
      responses: { 200: json('The members', z.object({ items: z.array(MemberSchema) })), ...problems },
    }),
    async (c) => c.json({ items: await units.members(actorOf(c), Number(c.req.valid('param').id)) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/units/{id}/members',
      tags,
      middleware: [inUnit('manageMembers')] as const,
      summary: 'Add an account to the unit with a role (unit admin or platform admin)',
      request: { params: z.object({ id: unitIdParam }), ...body(AddMemberBody) },
      responses: { 201: json('Added', MemberSchema), ...problems, 409: problem('Already a member') },
    }),
    async (c) => c.json(await units.addMember(actorOf(c), Number(c.req.valid('param').id), c.req.valid('json'), now()), 201),
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/units/{id}/members/{userId}',
      tags,
      middleware: [inUnit('manageMembers')] as const,
      summary: "Change a member's role (unit admin or platform admin)",
      request: { params: z.object({ id: unitIdParam, userId: userIdParam }), ...body(ChangeRoleBody) },
      responses: { 200: json('The member as changed', MemberSchema), ...problems },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      return c.json(await units.changeRole(actorOf(c), Number(id), Number(userId), c.req.valid('json').role, now()), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/units/{id}/members/{userId}',
      tags,
      middleware: [inUnit('manageMembers')] as const,
      summary: 'Remove a member from the unit (unit admin or platform admin)',
      request: { params: z.object({ id: unitIdParam, userId: userIdParam }) },
      responses: { 204: { description: 'Removed' }, ...problems },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      await units.removeMember(actorOf(c), Number(id), Number(userId), now());
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/units/{id}/events',
      tags,
      middleware: [inUnit('manageMembers')] as const,
      summary: "The unit's history: creation, settings and membership changes, newest first (unit admin or platform admin)",
      request: { params: z.object({ id: unitIdParam }) },
      responses: { 200: json('The events', z.object({ items: z.array(UnitEventSchema) })), ...problems },
    }),
    async (c) => c.json({ items: await units.events(actorOf(c), Number(c.req.valid('param').id)) }, 200),
  );
}
