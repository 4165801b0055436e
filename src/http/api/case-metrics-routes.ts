import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { CLOSURE_REASONS } from '../../domain/child-labour/cases/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { CaseExportService } from '../../services/cases/case-export-service.ts';
import type { CaseMetricsService } from '../../services/cases/metrics-service.ts';
import { authState } from '../auth.ts';
import { caseExportCsv, unitMetricsCsv } from './case-metrics-csv.ts';
import { problemDoc as problem } from './schemas.ts';

/*
 * A monitoring unit's figures and its case export (issue 11, decisions 223-224). Nothing under
 * /units is public: an anonymous request is 401 before its parameters are read (route middleware
 * runs before the validators); another unit is 404, never 403 (src/services/cases/unit-access.ts).
 */
const signedIn: MiddlewareHandler = async (_c, next) => {
  if (!authState(_c).actor)
    throw new DomainError('unauthenticated', 'Sign in, or send an API token (Authorization: Bearer …), to see monitoring units.');
  await next();
};

const UnitParam = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'id must be a unit number (a whole number of 1 or more)')
    .openapi({ param: { name: 'id', in: 'path' }, example: '1' }),
});

const day = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a day written YYYY-MM-DD`)
    .optional()
    .openapi({ param: { name, in: 'query' }, example: name === 'from' ? '2024-12-04' : '2026-12-04' });

const format = z
  .enum(['json', 'csv'], { error: 'format must be json or csv' })
  .default('json')
  .openapi({ param: { name: 'format', in: 'query' } });

const MetricsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    childrenMonitored: z.number().int().openapi({ description: 'Identified in the window, or visited in it' }),
    identifiedInChildLabour: z.number().int(),
    identificationRate: z.number().nullable(),
    supported: z.number().int().openapi({ description: 'With at least one support action provided in the window' }),
    monitoringVisits: z.number().int().openapi({ description: 'Follow-up visits in the window with the child found' }),
    withTwoFollowUps: z.number().int().openapi({ description: 'Children visited on at least two different days in the window' }),
    noLongerInChildLabourAtLastVisit: z.number().int(),
    closedByReason: z.object(Object.fromEntries(CLOSURE_REASONS.map((r) => [r, z.number().int().optional()]))),
    medianDaysToFirstSupport: z.number().nullable(),
  })
  .openapi('UnitMetrics');

const GroupSchema = z.object({ key: z.string(), metrics: MetricsSchema, overdueVisits: z.number().int().nullable() });

const ReportSchema = z
  .object({
    unitId: z.number().int(),
    unitName: z.string(),
    from: z.string(),
    to: z.string(),
    asOf: z.string().openapi({ description: 'The day overdue visits are counted on' }),
    totals: MetricsSchema,
    overdueVisits: z.number().int().nullable(),
    bySex: z.array(GroupSchema),
    byAgeBand: z.array(GroupSchema),
    byDistrict: z.array(GroupSchema),
  })
  .openapi('UnitMetricsReport');

const denied = {
  400: problem('Invalid parameter (named in the problem)'),
  401: problem('Not signed in'),
  403: problem('Your role in the unit does not allow this'),
  404: problem('No such unit that you can see'),
};

const metrics = createRoute({
  method: 'get',
  path: '/units/{id}/metrics',
  tags: ['monitoring'],
  summary: "A monitoring unit's figures for a window (default: the past 24 months), by sex, age band and district",
  middleware: [signedIn] as const,
  request: { params: UnitParam, query: z.object({ from: day('from'), to: day('to'), format }) },
  responses: {
    200: {
      description: 'The figures (JSON), or the same numbers as CSV',
      content: { 'application/json': { schema: ReportSchema }, 'text/csv': { schema: z.string() } },
    },
    ...denied,
  },
});

const exportCases = createRoute({
  method: 'get',
  path: '/units/{id}/cases/export',
  tags: ['monitoring'],
  summary:
    "A unit's cases as CSV: pseudonymised (monitors, case managers); with identifying=true and a reason, identifying data where consent covers it (case managers; each case's history records the export)",
  middleware: [signedIn] as const,
  request: {
    params: UnitParam,
    query: z.object({
      format: z
        .enum(['csv'], { error: 'format must be csv' })
        .default('csv')
        .openapi({ param: { name: 'format', in: 'query' } }),
      identifying: z
        .enum(['true', 'false'], { error: 'identifying must be true or false' })
        .default('false')
        .openapi({ param: { name: 'identifying', in: 'query' } }),
      reason: z
        .string()
        .max(1000, 'reason: at most 1000 characters')
        .optional()
        .openapi({
          param: { name: 'reason', in: 'query' },
          description: 'Why identifying data is needed (required with identifying=true)',
        }),
    }),
  },
  responses: {
    200: { description: 'The cases as CSV', content: { 'text/csv': { schema: z.string() } } },
    ...denied,
    409: problem('The server has no data key'),
  },
});

const download = (name: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${name}"`,
  'cache-control': 'private, no-store',
});

export function addCaseMetricsRoutes(
  api: OpenAPIHono,
  deps: { caseMetrics?: CaseMetricsService; caseExports?: CaseExportService },
  today: () => string,
  now: () => Date,
): void {
  const { caseMetrics, caseExports } = deps;
  if (caseMetrics)
    api.openapi(metrics, async (c) => {
      const id = Number(c.req.valid('param').id);
      const { from, to, format: f } = c.req.valid('query');
      const report = await caseMetrics.unitMetrics(authState(c).actor, id, { from, to }, today());
      if (f === 'csv') return c.body(unitMetricsCsv(report), 200, download(`unit-${id}-metrics-${report.from}-${report.to}.csv`)) as never;
      return c.json(report, 200, { 'cache-control': 'private, no-store' }) as never;
    });
  if (caseExports)
    api.openapi(exportCases, async (c) => {
      const id = Number(c.req.valid('param').id);
      const { identifying, reason } = c.req.valid('query');
      // An identifying export is recorded in each child's history: a link on another site must not trigger one.
      if (identifying === 'true' && c.req.header('sec-fetch-site') === 'cross-site')
        throw new DomainError('forbidden', 'An export with identifying data cannot be started from another site.');
      const data = await caseExports.exportCases(authState(c).actor, id, { identifying: identifying === 'true', reason }, now());
      const name = `unit-${id}-cases-${data.identifying ? 'identifying' : 'pseudonymised'}.csv`;
      return c.body(caseExportCsv(data), 200, download(name)) as never;
    });
}
