import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CONFIDENCES } from '../../domain/facts.ts';
import { ORGANIZATION_ROLES, PROGRAMME_THEMES } from '../../domain/programmes/programme.ts';
import type { OrgansService } from '../../services/organs-service.ts';
import type { ProgrammeInput } from '../../services/programme-edits.ts';
import type { ProgrammeService } from '../../services/programme-service.ts';
import { requireActor } from '../auth.ts';
import { OfficeSchema } from './organs-schemas.ts';
import { ProgrammeSchema } from './programme-routes.ts';
import { problemDoc as problem } from './schemas.ts';
import { mayWrite } from './write-access.ts';

/*
 * The secretariat's writes of programmes (decision 200) and offices (decision 201): the right to
 * write is checked before the body (401, then 403, then 400 naming the field), and each change is
 * an event in the history, revertable with POST /api/history/{id}/revert.
 */

const secretariat = () => ({ kind: 'secretariat_record' as const });

const writeProblems = {
  400: problem('Invalid input (checked after the sign-in and the right to write); the problem names the field'),
  401: problem('Not signed in (no valid session or API token)'),
  403: problem('Only the secretariat (or an administrator) edits programmes and offices'),
  404: problem('No such record'),
  409: problem('Conflict: the id is taken'),
};

const text = (max: number) => z.string().max(max, `at most ${max} characters`).nullable().optional();
const items = (what: string, max = 500) =>
  z
    .array(z.string().max(max, `each item at most ${max} characters`), { error: `${what} must be a list of text, or null when unknown` })
    .max(200, `${what} may list at most 200 items`)
    .nullable()
    .optional();
const year = (field: string) =>
  z
    .number({ error: `${field} must be a year such as 2015, or null when unknown` })
    .int(`${field} must be a whole year`)
    .nullable()
    .optional();
const citation = {
  source: z
    .string({ error: 'source is required: cite where this comes from' })
    .max(500, 'source must be at most 500 characters')
    .openapi({ description: 'Required: the document, page or programme report this change rests on' }),
  reason: z.string().max(2000, 'reason must be at most 2000 characters').nullable().optional(),
};

const ProgrammeBodySchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]{1,80}$/, 'id must be lower-case letters, digits and hyphens (at most 80)')
      .optional()
      .openapi({ description: 'On creation only; by default a slug of the English name' }),
    nameEn: z.string().max(300, 'nameEn must be at most 300 characters').optional(),
    nameId: text(300),
    aimEn: text(4000),
    aimId: text(4000),
    countries: z
      .array(z.string().regex(/^[A-Za-z]{3}$/, 'each country must be an ISO 3166 alpha-3 code such as IDN'), {
        error: 'countries must be a list of ISO 3166 alpha-3 codes, or null when unknown',
      })
      .max(250, 'countries may list at most 250 States')
      .nullable()
      .optional(),
    area: text(500),
    startYear: year('startYear'),
    endYear: year('endYear'),
    durationYears: z.number({ error: 'durationYears must be a number of years' }).int('durationYears must be whole').nullable().optional(),
    closedPerSource: z.boolean({ error: 'closedPerSource must be true or false' }).optional(),
    donors: items('donors'),
    partners: items('partners'),
    instruments: z
      .array(z.string().max(12, 'each instrument must be a code such as C182'), {
        error: 'instruments must be a list of codes, or null when unknown',
      })
      .max(100, 'instruments may list at most 100 codes')
      .nullable()
      .optional(),
    themes: z.array(z.enum(PROGRAMME_THEMES, { error: `each theme must be one of ${PROGRAMME_THEMES.join(', ')}` })).optional(),
    roles: z
      .array(z.enum(ORGANIZATION_ROLES, { error: `each role must be one of ${ORGANIZATION_ROLES.join(', ')}` }))
      .nullable()
      .optional(),
    activities: items('activities', 2000),
    outcomes: items('outcomes', 2000),
    url: text(2000),
    confidence: z.enum(CONFIDENCES, { error: `confidence must be one of ${CONFIDENCES.join(', ')}` }).optional(),
    notes: text(4000),
    ...citation,
  })
  .openapi('ProgrammeChange', { description: 'Fields left out keep their value; null clears a fact (shown as unknown)' });

const OfficeBodySchema = z
  .object({
    city: text(300),
    address: text(300),
    phone: text(300),
    email: text(300),
    covers: z
      .array(z.string().regex(/^[A-Za-z]{3}$/, 'each State covered must be an ISO 3166 alpha-3 code such as IDN'), {
        error: 'covers must be a list of ISO 3166 alpha-3 codes',
      })
      .max(250, 'covers may list at most 250 States')
      .optional(),
    coversOther: z.array(z.string().max(300), { error: 'coversOther must be a list of territory names' }).max(50).optional(),
    notes: text(4000),
    ...citation,
  })
  .openapi('OfficeChange', { description: "An office's city, contacts and States covered; fields left out keep their value" });

const changeResult = (schema: z.ZodTypeAny) =>
  z.object({
    event: z.unknown().openapi({ description: 'The history event (null: nothing changed)' }),
    record: schema.nullable(),
    warnings: z.array(z.unknown()),
  });
const json = (description: string, schema: z.ZodTypeAny) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodTypeAny>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

const programmeId = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, 'id must be lower-case letters, digits and hyphens (at most 80)')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'east-indonesia' }),
});
const officeId = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/, 'id must be lower-case letters, digits and hyphens')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'ilo-country-office-for-indonesia-and-timor-leste-jakarta' }),
});

const addProgramme = createRoute({
  method: 'post',
  path: '/programmes',
  tags: ['programmes'],
  middleware: [mayWrite(secretariat)] as const,
  summary: 'Record a programme or project (secretariat); nameEn and source are required',
  request: body(ProgrammeBodySchema),
  responses: { 201: json('Recorded', changeResult(ProgrammeSchema)), ...writeProblems },
});

const updateProgramme = createRoute({
  method: 'put',
  path: '/programmes/{id}',
  tags: ['programmes'],
  middleware: [mayWrite(secretariat)] as const,
  summary: 'Correct a programme (secretariat); fields left out keep their value',
  request: { params: programmeId, ...body(ProgrammeBodySchema) },
  responses: { 200: json('Saved (event null: nothing changed)', changeResult(ProgrammeSchema)), ...writeProblems },
});

const updateOffice = createRoute({
  method: 'put',
  path: '/offices/{id}',
  tags: ['organs'],
  middleware: [mayWrite(secretariat)] as const,
  summary: "Correct an ILO office's city, contacts and States covered (secretariat); fields left out keep their value",
  request: { params: officeId, ...body(OfficeBodySchema) },
  responses: { 200: json('Saved (event null: nothing changed)', changeResult(OfficeSchema)), ...writeProblems },
});

export function addProgrammeWriteRoutes(api: OpenAPIHono, programmes: ProgrammeService, now: () => Date): void {
  api.openapi(addProgramme, async (c) =>
    c.json((await programmes.create(requireActor(c), c.req.valid('json') as ProgrammeInput, now())) as never, 201),
  );
  api.openapi(updateProgramme, async (c) =>
    c.json((await programmes.update(requireActor(c), c.req.valid('param').id, c.req.valid('json') as ProgrammeInput, now())) as never, 200),
  );
}

export function addOfficeWriteRoutes(api: OpenAPIHono, organs: OrgansService, now: () => Date): void {
  api.openapi(updateOffice, async (c) =>
    c.json((await organs.updateOffice(requireActor(c), c.req.valid('param').id, c.req.valid('json'), now())) as never, 200),
  );
}
