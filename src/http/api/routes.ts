import type { Hook } from '@hono/zod-openapi';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { normaliseInstrumentCode } from '../../domain/instrument.ts';
import type { AccountService } from '../../services/account-service.ts';
import type { CaseExportService } from '../../services/cases/case-export-service.ts';
import type { CaseImportService } from '../../services/cases/case-import.ts';
import type { CaseService } from '../../services/cases/case-service.ts';
import type { CaseMetricsService } from '../../services/cases/metrics-service.ts';
import type { UnitService } from '../../services/cases/unit-service.ts';
import type { ComplianceService } from '../../services/compliance-service.ts';
import type { ConferenceService } from '../../services/conference-service.ts';
import type { DocumentService } from '../../services/document-service.ts';
import type { EditService } from '../../services/edit-service.ts';
import type { GapsService } from '../../services/gaps-service.ts';
import type { OrgansService } from '../../services/organs-service.ts';
import type { ProgrammeService } from '../../services/programme-service.ts';
import type { RegistryService } from '../../services/registry-service.ts';
import type { ReportingService } from '../../services/reporting-service.ts';
import type { SearchService } from '../../services/search/search-service.ts';
import type { StatisticsService } from '../../services/statistics-service.ts';
import type { SubmissionService } from '../../services/submission-service.ts';
import type { SupervisionService } from '../../services/supervision-service.ts';
import type { UsdolService } from '../../services/usdol-service.ts';
import { encodedBody } from '../compression.ts';
import { problem, problemResponse } from '../problem.ts';
import { HEALTH_DEADLINE_MS, withinDeadline } from '../unavailable.ts';
import { addAccountRoutes } from './account-routes.ts';
import { addCaseImportRoute } from './case-import-routes.ts';
import { addCaseMetricsRoutes } from './case-metrics-routes.ts';
import { addCaseRoutes } from './case-routes.ts';
import { addComplianceRoutes, addScreeningRoute } from './compliance-routes.ts';
import { addConferenceRoutes } from './conference-routes.ts';
import { addDocumentRoutes } from './document-routes.ts';
import { addEditRoutes } from './edit-routes.ts';
import { addExportRoutes } from './export-routes.ts';
import { addGapsRoutes } from './gaps-routes.ts';
import { addMapRoutes } from './map-routes.ts';
import { addOrgansRoutes } from './organs-routes.ts';
import { addProgrammeRoutes } from './programme-routes.ts';
import { addOfficeWriteRoutes, addProgrammeWriteRoutes } from './programme-write-routes.ts';
import { ratificationsCsv } from './ratifications-csv.ts';
import { addReportingRoutes } from './reporting-routes.ts';
import {
  CountryListQuerySchema,
  CountryListSchema,
  CountryProfileSchema,
  InstrumentCodeParamSchema,
  InstrumentDetailSchema,
  InstrumentListQuerySchema,
  InstrumentPageSchema,
  Iso3ParamSchema,
  ProblemSchema,
  RatificationListQuerySchema,
  RatificationPageSchema,
} from './schemas.ts';
import { addSearchRoutes } from './search-routes.ts';
import { addStatisticsRoutes } from './statistics-routes.ts';
import { addSubmissionRoutes } from './submission-routes.ts';
import { addSupervisionRoutes } from './supervision-routes.ts';
import { addUnitRoutes } from './unit-routes.ts';
import { addUsdolRoutes } from './usdol-routes.ts';
import { plainIssues, type ValidatorIssue } from './validation-messages.ts';
import { addVoteRoutes } from './vote-routes.ts';

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };
const badRequest = { 400: { description: 'Invalid parameter', content: problemContent } };
const notFoundResponse = { 404: { description: 'Not found', content: problemContent } };

/** Validation failures become one readable problem listing every bad field. */
export const validationHook: Hook<any, any, any, any> = (result, c) => {
  if (result.success) return;
  const errors = plainIssues(result.error.issues as ValidatorIssue[], (result as { data?: unknown }).data, result.target);
  // Each message names its field ("source is required"), so the detail is the messages in a row.
  return problemResponse(c, problem(400, `${errors.map((e) => e.message).join('; ')}.`, { errors, instance: new URL(c.req.url).pathname }));
};

const listInstruments = createRoute({
  method: 'get',
  path: '/instruments',
  tags: ['instruments'],
  summary: 'List Conventions, Protocols and Recommendations',
  request: { query: InstrumentListQuerySchema },
  responses: {
    200: { description: 'A page of instruments', content: { 'application/json': { schema: InstrumentPageSchema } } },
    ...badRequest,
  },
});

const getInstrument = createRoute({
  method: 'get',
  path: '/instruments/{code}',
  tags: ['instruments'],
  summary: 'One instrument with its ratifications',
  request: { params: InstrumentCodeParamSchema },
  responses: {
    200: { description: 'The instrument', content: { 'application/json': { schema: InstrumentDetailSchema } } },
    ...badRequest,
    ...notFoundResponse,
  },
});

const listCountries = createRoute({
  method: 'get',
  path: '/countries',
  tags: ['countries'],
  summary: 'ILO member States',
  request: { query: CountryListQuerySchema },
  responses: { 200: { description: 'Member States', content: { 'application/json': { schema: CountryListSchema } } }, ...badRequest },
});

const getCountry = createRoute({
  method: 'get',
  path: '/countries/{iso3}',
  tags: ['countries'],
  summary: 'Country profile with its ratifications',
  request: { params: Iso3ParamSchema },
  responses: {
    200: { description: 'The profile', content: { 'application/json': { schema: CountryProfileSchema } } },
    ...badRequest,
    ...notFoundResponse,
  },
});

const listRatifications = createRoute({
  method: 'get',
  path: '/ratifications',
  tags: ['ratifications'],
  summary: 'Ratifications, filtered; format=csv gives every matching row as CSV',
  request: { query: RatificationListQuerySchema },
  responses: {
    200: {
      description: 'A page of ratifications (JSON) or all of them (CSV)',
      content: { 'application/json': { schema: RatificationPageSchema }, 'text/csv': { schema: z.string() } },
    },
    ...badRequest,
    ...notFoundResponse,
  },
});

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['operations'],
  summary: 'Liveness and database reachability, for load balancers',
  responses: {
    200: { description: 'Serving', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }).openapi('Health') } } },
    503: {
      description: 'The database cannot be reached (or the SQLite file cannot be read): take this instance out until it answers 200 again',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

/**
 * The registry service hands out one shared object per record and data version, so its JSON text
 * can be kept with it: the big documents (C138 with 176 ratifications is ~170 KB) are serialised
 * once per version instead of once per request.
 */
const serialised = new WeakMap<object, Uint8Array<ArrayBuffer>>();
const utf8 = new TextEncoder();

function sharedJson(c: Context, value: object): never {
  const json = () => {
    let bytes = serialised.get(value);
    if (bytes === undefined) {
      bytes = utf8.encode(JSON.stringify(value));
      serialised.set(value, bytes);
    }
    return bytes;
  };
  // …and compressed once per version too.
  const sent = encodedBody(c.req.header('accept-encoding'), value, json);
  const headers: Record<string, string> = { 'content-type': 'application/json', vary: 'Accept-Encoding' };
  if (sent.encoding) headers['content-encoding'] = sent.encoding;
  return c.body(sent.body, 200, headers) as never;
}

export interface ApiDeps {
  registry: RegistryService;
  compliance: ComplianceService;
  accounts: AccountService;
  edits: EditService;
  gaps: GapsService;
  submissions: SubmissionService;
  reporting: ReportingService;
  conference: ConferenceService;
  organs: OrgansService;
  supervision?: SupervisionService;
  programmes?: ProgrammeService;
  statistics?: StatisticsService;
  search?: SearchService;
  usdol?: UsdolService;
  documents?: DocumentService;
  /** A monitoring unit's figures and case export (issue 11, decisions 223-224). */
  caseMetrics?: CaseMetricsService;
  caseExports?: CaseExportService;
  /** Children's cases (issue 11); no /api/cases without it. */
  cases?: CaseService;
  /** Monitoring units and members (issue 11); no /api/units without it. */
  units?: UnitService;
  /** Today's date (YYYY-MM-DD); the clock is read at the edge, never in the domain. */
  today: () => string;
  now: () => Date;
  addressOf: (c: Context) => string;
  caseImport?: CaseImportService;
}

export function createApi({
  registry,
  compliance,
  accounts,
  edits,
  gaps,
  submissions,
  reporting,
  conference,
  organs,
  supervision,
  programmes,
  statistics,
  search,
  usdol,
  documents,
  caseMetrics,
  caseExports,
  cases,
  units,
  today,
  now,
  addressOf,
  caseImport,
}: ApiDeps): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: validationHook });
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'tripartite_session' });
  api.openAPIRegistry.registerComponent('securitySchemes', 'token', { type: 'http', scheme: 'bearer' });
  addAccountRoutes(api, accounts, now, addressOf);
  addEditRoutes(api, edits, now);
  addGapsRoutes(api, gaps);
  addMapRoutes(api, registry);
  addSubmissionRoutes(api, submissions, today, now);
  addReportingRoutes(api, reporting, today, now);
  addConferenceRoutes(api, conference, now);
  addOrgansRoutes(api, organs, today, now);
  if (supervision) addSupervisionRoutes(api, supervision, now);
  if (programmes) addProgrammeRoutes(api, programmes, today);
  if (programmes) addProgrammeWriteRoutes(api, programmes, now);
  addOfficeWriteRoutes(api, organs, now);
  if (statistics) addStatisticsRoutes(api, statistics);
  if (search) addSearchRoutes(api, search);
  if (usdol) addUsdolRoutes(api, usdol, registry);
  if (documents) addDocumentRoutes(api, documents, now);
  addCaseMetricsRoutes(api, { caseMetrics, caseExports }, today, now);
  if (cases) addCaseRoutes(api, cases, today, now);
  if (units) addUnitRoutes(api, units, now);
  addExportRoutes(api, { registry, compliance, conference, organs, supervision, programmes, statistics, usdol, documents, today });

  api.openapi(health, async (c) => {
    // A load balancer needs an answer in time: a ping stuck on a silent network counts as down.
    await withinDeadline(registry.ping(), HEALTH_DEADLINE_MS, 'The database');
    return c.json({ status: 'ok' as const }, 200);
  });

  api.openapi(listInstruments, async (c) => {
    const { page, pageSize, ...filter } = c.req.valid('query');
    return c.json(await registry.listInstruments(filter, { page, pageSize }), 200);
  });

  api.openapi(getInstrument, async (c) => {
    const code = normaliseInstrumentCode(c.req.valid('param').code) ?? '';
    return sharedJson(c, await registry.getInstrument(code));
  });

  api.openapi(listCountries, async (c) => {
    const items = await registry.listCountries(c.req.valid('query'));
    return c.json({ items, total: items.length }, 200);
  });

  api.openapi(getCountry, async (c) => {
    return sharedJson(c, await registry.getCountryProfile(c.req.valid('param').iso3.toUpperCase()));
  });

  api.openapi(listRatifications, async (c) => {
    const { format, page, pageSize, country, instrument, ...rest } = c.req.valid('query');
    const filter = {
      ...rest,
      country: country?.toUpperCase(),
      instrument: instrument ? (normaliseInstrumentCode(instrument) ?? undefined) : undefined,
    };
    // An unknown State or instrument is a 404 naming it, as on its own route, not an empty list.
    if (filter.country) await registry.getCountryProfile(filter.country);
    if (filter.instrument) await registry.getInstrument(filter.instrument);
    if (format === 'csv') {
      const all = await registry.listRatifications(filter, null);
      return c.body(ratificationsCsv(all.items), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="ratifications.csv"',
      }) as never;
    }
    return c.json(await registry.listRatifications(filter, { page, pageSize }), 200);
  });

  addComplianceRoutes(api, compliance, today);
  addScreeningRoute(api, compliance, today);
  if (caseImport) addCaseImportRoute(api, caseImport, today);
  addVoteRoutes(api);

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    servers: [{ url: '/api', description: 'This server' }],
    info: {
      title: 'Tripartite API',
      version: '0.1.0',
      description:
        'International labour standards registry: instruments, member States and ratifications, each fact with its source ids and confidence. Errors are RFC 9457 problem+json (type, title, status, detail, instance; errors[] names each bad field). Writes: not signed in → 401 whatever the body, then outside your role or country → 403, then invalid input → 400. Reads (and the compliance check and screening) allow any origin (CORS, no credentials); writes from another origin need an API token and an origin listed by the operator.',
    },
  });

  return api;
}
