import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AccountService } from '../services/account-service.ts';
import type { CaseExportService } from '../services/cases/case-export-service.ts';
import type { CaseImportService } from '../services/cases/case-import.ts';
import type { CaseService } from '../services/cases/case-service.ts';
import type { CaseMetricsService } from '../services/cases/metrics-service.ts';
import type { UnitService } from '../services/cases/unit-service.ts';
import type { ComplianceService } from '../services/compliance-service.ts';
import type { ConferenceService } from '../services/conference-service.ts';
import type { DocumentService } from '../services/document-service.ts';
import type { EditService } from '../services/edit-service.ts';
import type { GapsService } from '../services/gaps-service.ts';
import type { OrgansService } from '../services/organs-service.ts';
import type { ProgrammeService } from '../services/programme-service.ts';
import type { RegistryService } from '../services/registry-service.ts';
import type { ReportingService } from '../services/reporting-service.ts';
import type { SearchService } from '../services/search/search-service.ts';
import type { StatisticsService } from '../services/statistics-service.ts';
import type { SubmissionService } from '../services/submission-service.ts';
import type { SupervisionService } from '../services/supervision-service.ts';
import type { UsdolService } from '../services/usdol-service.ts';
import { createPortal, renderPortalError } from '../web/portal.ts';
import { createApi } from './api/routes.ts';
import { isOpenApiRequest, signedInForWrites } from './api/write-access.ts';
import { authenticate, csrfProtection } from './auth.ts';
import { compression } from './compression.ts';
import { cors, crossOriginWriteAllowed } from './cors.ts';
import { copyMissingHeaders, type Logger, logUnexpectedError, requestIdOf, requestLogging, silentLogger } from './logging.ts';
import type { AppMetrics } from './metrics.ts';
import { isStreamedUpload, NUL_IN_URL, nulRefused, refuseNulInJsonBody } from './nul.ts';
import { domainErrorStatus, isDomainError, plainHttpExceptionDetail, problem, problemResponse } from './problem.ts';
import { asUnavailable, unavailableWarning } from './unavailable.ts';

export const MAX_URL_LENGTH = 2048;
/** JSON bodies are small; the streamed CSV upload has its own route and no limit. */
export const MAX_JSON_BODY = 256 * 1024;
const SECURITY_HEADERS: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'strict-origin-when-cross-origin'],
  ['x-frame-options', 'DENY'],
  ['cross-origin-opener-policy', 'same-origin'],
  [
    'content-security-policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  ],
];

export interface AppDeps {
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
  /** One search over everything (decision 175); without it the portal keeps the substring search. */
  search?: SearchService;
  /** USDOL's List of Goods and country facts (issue 10); no /api/goods or /en/goods without it. */
  usdol?: UsdolService;
  /** The documents library (issue 10, decision 196); no /api/documents or /en/documents without it. */
  documents?: DocumentService;
  /** A monitoring unit's figures and case export (issue 11, decisions 223-224). */
  caseMetrics?: CaseMetricsService;
  caseExports?: CaseExportService;
  /** Children's cases (issue 11). */
  cases?: CaseService;
  /** Monitoring units and members (issue 11); no /api/units or /en/units without it. */
  units?: UnitService;
  /** Today's date as YYYY-MM-DD; defaults to the UTC date of the request. */
  today?: () => string;
  now?: () => Date;
  /** Origins whose scripts may write to the API with an API token (TRIPARTITE_CORS_WRITE_ORIGINS). */
  corsWriteOrigins?: readonly string[];
  /** Use the first X-Forwarded-For address as the client's (only behind a trusted proxy). */
  trustProxy?: boolean;
  /** Request and error log (pino); silent when not given. */
  logger?: Logger;
  /** Called with unexpected errors (after they are logged); the client only ever sees a generic message. */
  onUnexpectedError?: (error: unknown, path: string) => void;
  /** GET /metrics and the counting middleware (src/http/metrics.ts); no /metrics without it. */
  metrics?: AppMetrics;
  /** Screening rows → a unit's cases (issue 11); no POST /api/units/{id}/cases/import without it. */
  caseImport?: CaseImportService;
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const logger = deps.logger ?? silentLogger();

  // First, so every response (even a 414) carries its request id and is logged with its final status.
  app.use('*', requestLogging(logger));
  deps.metrics?.mount(app);
  app.use('*', async (c, next) => {
    // Set before the handler runs: touching c.res afterwards makes the Node adapter rebuild the response.
    for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
    await next();
    // A handler that builds its own Response (the streamed CSV downloads) bypasses c.header().
    copyMissingHeaders(c.res, SECURITY_HEADERS);
  });

  // Inside the security headers (which are copied onto the compressed response), around the rest.
  app.use('*', compression());

  // Preflights are answered here, before authentication (a browser sends them without credentials).
  const corsOptions = { writeOrigins: deps.corsWriteOrigins ?? [] };
  app.use('*', cors(corsOptions));

  const now = deps.now ?? (() => new Date());
  // Who is asking comes before anything reads the request: an anonymous write is 401 whatever it sends.
  app.use('*', authenticate(deps.accounts, now));
  app.use('/api/*', signedInForWrites());
  app.use('*', async (c, next) => {
    // After the headers, so these answers carry them too.
    if (c.req.url.length > MAX_URL_LENGTH) {
      return problemResponse(c, problem(414, `The URL is longer than ${MAX_URL_LENGTH} characters. Shorten the query.`));
    }
    if (NUL_IN_URL.test(c.req.url)) throw nulRefused('URL');
    await next();
  });
  const jsonLimit = bodyLimit({
    maxSize: MAX_JSON_BODY,
    onError: (c) => problemResponse(c, problem(413, `The request body is larger than ${MAX_JSON_BODY / 1024} KiB.`)),
  });
  app.use('/api/*', (c, next) => (isStreamedUpload(new URL(c.req.url).pathname) ? next() : jsonLimit(c, next)));
  app.use('/api/*', async (c, next) => {
    // The body is already buffered (and capped) by the limit above; the validator reuses this read.
    // A write's body is checked by its route, after the right to write (write-access.ts).
    if (isOpenApiRequest(c.req.method, new URL(c.req.url).pathname)) await refuseNulInJsonBody(c);
    await next();
  });
  app.use(
    '*',
    csrfProtection((c, via) => crossOriginWriteAllowed(c, corsOptions, via)),
  );

  const today = deps.today ?? (() => new Date().toISOString().slice(0, 10));
  const addressOf = (c: Context): string => {
    if (deps.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };
  app.route(
    '/api',
    createApi({
      registry: deps.registry,
      compliance: deps.compliance,
      accounts: deps.accounts,
      edits: deps.edits,
      gaps: deps.gaps,
      submissions: deps.submissions,
      reporting: deps.reporting,
      conference: deps.conference,
      organs: deps.organs,
      supervision: deps.supervision,
      programmes: deps.programmes,
      statistics: deps.statistics,
      search: deps.search,
      usdol: deps.usdol,
      documents: deps.documents,
      caseMetrics: deps.caseMetrics,
      caseExports: deps.caseExports,
      cases: deps.cases,
      units: deps.units,
      today,
      now,
      addressOf,
      caseImport: deps.caseImport,
    }),
  );
  app.route(
    '/',
    createPortal({
      registry: deps.registry,
      compliance: deps.compliance,
      accounts: deps.accounts,
      edits: deps.edits,
      gaps: deps.gaps,
      submissions: deps.submissions,
      reporting: deps.reporting,
      conference: deps.conference,
      organs: deps.organs,
      supervision: deps.supervision,
      programmes: deps.programmes,
      statistics: deps.statistics,
      search: deps.search,
      usdol: deps.usdol,
      documents: deps.documents,
      caseMetrics: deps.caseMetrics,
      cases: deps.cases,
      units: deps.units,
      today,
      now,
      addressOf,
    }),
  );

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    if (isApiPath(path))
      return problemResponse(c, problem(404, `No API route matches ${c.req.method} ${path}. See /api/openapi.json.`, { instance: path }));
    return renderPortalError(c, 404, null);
  });

  const warnUnavailable = unavailableWarning(logger);
  app.onError((error, c) => {
    const path = new URL(c.req.url).pathname;
    let status = 500;
    let detail = 'Something went wrong on our side. The error has been logged; please try again.';
    const unavailable = asUnavailable(c, error);
    if (unavailable) {
      // The database is away or cannot take writes: 503 + Retry-After, so clients and load balancers wait.
      ({ status, detail } = unavailable);
      warnUnavailable(unavailable.kind, error, path);
    } else if (isDomainError(error)) {
      status = domainErrorStatus(error);
      detail = error.message;
    } else if (
      error &&
      typeof error === 'object' &&
      'getResponse' in error &&
      typeof (error as unknown as { status?: unknown }).status === 'number'
    ) {
      // Hono's own HTTPException (e.g. malformed body): a client error with its own status.
      status = (error as unknown as { status: number }).status;
      detail = plainHttpExceptionDetail(status, (error as Error).message);
    } else {
      logUnexpectedError(logger, c, error);
      deps.onUnexpectedError?.(error, path);
    }
    if (isApiPath(path)) {
      return problemResponse(
        c,
        problem(status, detail, {
          instance: path,
          errors: isDomainError(error) && error.issues.length ? error.issues : undefined,
          // Quoted to support: the log line with the stack carries the same id.
          requestId: status >= 500 ? requestIdOf(c) : undefined,
        }),
      );
    }
    return renderPortalError(c, status, status < 500 ? detail : null);
  });

  return app;
}
