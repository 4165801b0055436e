import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { WriteTarget } from '../../domain/access/policy.ts';
import { reportsCalendarFeed } from '../../services/reporting-ics.ts';
import type { ReportingService } from '../../services/reporting-service.ts';
import { requireActor } from '../auth.ts';
import {
  CountryReportsSchema,
  GroupYearBodySchema,
  OrganisationsBodySchema,
  OverdueQuerySchema,
  OverdueSchema,
  ReceiptsCompleteBodySchema,
  ReportingChangeResultSchema,
  ReportSentBodySchema,
  ReportsQuerySchema,
  RuleSetBodySchema,
  RuleSetIdParamSchema,
  RulesSchema,
} from './reporting-schemas.ts';
import { Iso3ParamSchema, problemDoc } from './schemas.ts';
import { mayWrite } from './write-access.ts';

const readProblems = { 400: problemDoc('Invalid parameter'), 404: problemDoc('No such member State') };
const writeProblems = {
  400: problemDoc('Invalid input (checked after the sign-in and the right to write)'),
  401: problemDoc('Not signed in (no valid session or API token)'),
  403: problemDoc('Outside your role or country'),
  404: problemDoc('No such State, ratification or rule set'),
};
const saved = {
  200: { description: 'Saved (event null: nothing changed)', content: { 'application/json': { schema: ReportingChangeResultSchema } } },
};

/** A State's own record: its focal point or the secretariat. */
const countryRecord = (c: Context): WriteTarget => ({ kind: 'country_record', country: (c.req.param('iso3') ?? '').trim().toUpperCase() });
const secretariatRecord = (): WriteTarget => ({ kind: 'secretariat_record' });

const listReports = createRoute({
  method: 'get',
  path: '/countries/{iso3}/reports',
  tags: ['reporting'],
  summary: "A State's reports under Constitution Art 22: first, regular and out-of-cycle, with due dates, status and legal basis",
  request: { params: Iso3ParamSchema, query: ReportsQuerySchema },
  responses: { 200: { description: 'The reports', content: { 'application/json': { schema: CountryReportsSchema } } }, ...readProblems },
});

const reportsIcs = createRoute({
  method: 'get',
  path: '/countries/{iso3}/reports.ics',
  tags: ['reporting'],
  summary: "A State's report due dates as an iCalendar feed (RFC 5545): one all-day event per report, stable UIDs",
  request: { params: Iso3ParamSchema },
  responses: { 200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } }, ...readProblems },
});

const overdue = createRoute({
  method: 'get',
  path: '/reports/overdue',
  tags: ['reporting'],
  summary: 'Overdue reports of every State, counted by region or by instrument (the secretariat dashboard)',
  request: { query: OverdueQuerySchema },
  responses: {
    200: { description: 'Counts', content: { 'application/json': { schema: OverdueSchema } } },
    400: problemDoc('Invalid parameter'),
  },
});

const listRules = createRoute({
  method: 'get',
  path: '/reporting/rules',
  tags: ['reporting'],
  summary: 'The calendar rules entered so far: rule sets (cycle per category and period) and group base years',
  responses: { 200: { description: 'Rules', content: { 'application/json': { schema: RulesSchema } } } },
});

const putRuleSet = createRoute({
  method: 'put',
  path: '/reporting/rule-sets/{id}',
  tags: ['reporting'],
  middleware: [mayWrite(secretariatRecord)] as const,
  summary: 'Enter or change a rule set: the reporting cycle of a category of Conventions over a period (secretariat)',
  request: { params: RuleSetIdParamSchema, body: { required: true, content: { 'application/json': { schema: RuleSetBodySchema } } } },
  responses: { ...saved, ...writeProblems },
});

const postGroupYear = createRoute({
  method: 'post',
  path: '/reporting/group-years',
  tags: ['reporting'],
  middleware: [mayWrite(secretariatRecord)] as const,
  summary: "Enter or change the year a group of States reports in under a rule set (secretariat); changes every State's calendar at once",
  request: { body: { required: true, content: { 'application/json': { schema: GroupYearBodySchema } } } },
  responses: { ...saved, ...writeProblems },
});

const postReportSent = createRoute({
  method: 'post',
  path: '/countries/{iso3}/reports/sent',
  tags: ['reporting'],
  middleware: [mayWrite(countryRecord)] as const,
  summary: 'Mark a report as sent, with the date and a link or file reference (focal point of the State, secretariat)',
  request: { params: Iso3ParamSchema, body: { required: true, content: { 'application/json': { schema: ReportSentBodySchema } } } },
  responses: { ...saved, ...writeProblems },
});

const putOrganisations = createRoute({
  method: 'put',
  path: '/countries/{iso3}/representative-organisations',
  tags: ['reporting'],
  middleware: [mayWrite(countryRecord)] as const,
  summary: "Set a State's most representative employers' and workers' organisations, which receive copies of its reports (Art 23(2))",
  request: { params: Iso3ParamSchema, body: { required: true, content: { 'application/json': { schema: OrganisationsBodySchema } } } },
  responses: { ...saved, ...writeProblems },
});

const putReceiptsComplete = createRoute({
  method: 'put',
  path: '/countries/{iso3}/reports/receipts-complete',
  tags: ['reporting'],
  middleware: [mayWrite(countryRecord)] as const,
  summary:
    "Declare from which due date the State's report receipts are all recorded here, so a missing one is overdue rather than not recorded (focal point of the State, secretariat)",
  request: { params: Iso3ParamSchema, body: { required: true, content: { 'application/json': { schema: ReceiptsCompleteBodySchema } } } },
  responses: { ...saved, ...writeProblems },
});

export function addReportingRoutes(api: OpenAPIHono, reporting: ReportingService, today: () => string, now: () => Date): void {
  api.openapi(listReports, async (c) => {
    const { iso3 } = c.req.valid('param');
    return c.json(await reporting.reportsFor(iso3.toUpperCase(), { year: c.req.valid('query').year ?? null }, today()), 200) as never;
  });

  api.openapi(reportsIcs, async (c) => {
    const iso3 = c.req.valid('param').iso3.toUpperCase();
    const data = await reporting.reportsFor(iso3, {}, today());
    return c.body(reportsCalendarFeed(data, now()), 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `inline; filename="${iso3.toLowerCase()}-reports.ics"`,
    }) as never;
  });

  api.openapi(overdue, async (c) => {
    const { by } = c.req.valid('query');
    return c.json(by === 'instrument' ? await reporting.overdueByInstrument(today()) : await reporting.overdueByRegion(today()), 200);
  });

  api.openapi(listRules, async (c) => c.json(await reporting.rules(), 200));

  api.openapi(putRuleSet, async (c) => {
    const body = c.req.valid('json');
    return c.json(await reporting.saveRuleSet(requireActor(c), { ...body, id: c.req.valid('param').id }, now()), 200) as never;
  });

  api.openapi(postGroupYear, async (c) => c.json(await reporting.saveGroupYear(requireActor(c), c.req.valid('json'), now()), 200) as never);

  api.openapi(postReportSent, async (c) => {
    const country = c.req.valid('param').iso3;
    return c.json(await reporting.markReportSent(requireActor(c), { ...c.req.valid('json'), country }, now()), 200) as never;
  });

  api.openapi(putReceiptsComplete, async (c) => {
    const country = c.req.valid('param').iso3;
    return c.json(await reporting.setReceiptsComplete(requireActor(c), { ...c.req.valid('json'), country }, now()), 200) as never;
  });

  api.openapi(putOrganisations, async (c) => {
    const country = c.req.valid('param').iso3;
    return c.json(await reporting.setOrganisations(requireActor(c), { ...c.req.valid('json'), country }, now()), 200) as never;
  });
}
