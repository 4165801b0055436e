import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type Actor, canWrite, type WriteTarget } from '../../domain/access/policy.ts';
import { normaliseIso3 } from '../../domain/country.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import type { EditService } from '../../services/edit-service.ts';
import type { HistoryFilter } from '../../services/history-ports.ts';
import type { CountryReports, ReportingService } from '../../services/reporting-service.ts';
import type { SubmissionService } from '../../services/submission-service.ts';
import { renderError } from '../pages/error.ts';
import { parseSentForm, renderObligations, SENT_FIELD_IDS, type SentFormValues, sentErrors, sentInput } from '../pages/obligations.ts';
import { renderObligationsDashboard } from '../pages/obligations-dashboard.ts';
import { type OrgFormValues, orgErrors, orgInput, parseOrgForm } from '../pages/organisations-form.ts';
import { type CompleteFormValues, completeErrors, completeInput, parseCompleteForm } from '../pages/receipts-complete-form.ts';
import {
  GROUP_FIELD_IDS,
  type GroupValues,
  groupInput,
  parseGroupForm,
  parseRuleSetForm,
  RULE_SET_FIELD_IDS,
  type RuleSetValues,
  renderReportingRules,
  ruleErrors,
  ruleSetInput,
} from '../pages/reporting-rules.ts';
import type { FieldError } from '../views/forms.ts';
import { type HistoryBlock, RECORD_HISTORY_LIMIT } from '../views/history.ts';
import { renderSubmissionsSection } from '../views/submissions.ts';
import type { View } from '../views/view.ts';
import { rendered, safeNext, seeOther, sendPage, viewOf } from './respond.ts';

export interface ReportingPortalDeps {
  reporting: ReportingService;
  /** The State's submissions (Art 19) are shown beside its reports. */
  submissions: SubmissionService;
  edits: EditService;
  today: () => string;
  now: () => Date;
}

const isCode = (error: unknown, code: DomainError['code']): error is DomainError => error instanceof DomainError && error.code === code;

async function readForm(c: Context): Promise<Record<string, unknown>> {
  return (await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>;
}

/**
 * The reporting calendar's pages under /{lang}: a State's obligations (with the focal point's form
 * to mark a report sent), the secretariat's dashboard of overdue reports, and the calendar rules
 * with the secretariat's forms. Plain POST forms with the session's CSRF token, Post/Redirect/Get.
 */
export function mountReporting(app: Hono, lang: Lang, deps: ReportingPortalDeps): void {
  const { reporting, submissions, edits, today, now } = deps;
  const base = `/${lang}`;

  const page = (c: Context, v: View, status: ContentfulStatusCode, body: string): Response => {
    const r = rendered(body, status);
    return sendPage(c, r.body, r.status, v.session !== null);
  };
  const errorPage = (c: Context, v: View, status: ContentfulStatusCode, detail: string | null): Response =>
    page(c, v, status, renderError(v, { status, detail }));
  const notice = (v: View): 'saved' | 'unchanged' | null => {
    if (!v.session) return null;
    const q = new URLSearchParams(v.search);
    return q.get('saved') === '1' ? 'saved' : q.get('unchanged') === '1' ? 'unchanged' : null;
  };
  const historyOf = async (filter: HistoryFilter, fullPath: string): Promise<HistoryBlock> => {
    const result = await edits.history(filter, { page: 1, pageSize: RECORD_HISTORY_LIMIT });
    return { events: result.items, total: result.total, fullPath };
  };

  /** The signed-in actor allowed to make this write, or the response to send instead (sign-in page, 403). */
  const writer = (c: Context, v: View, target: WriteTarget, back: string): Actor | Response => {
    const actor = v.session?.actor;
    if (!actor) {
      const next = safeNext(lang, back);
      return seeOther(c, next ? `${base}/login?next=${encodeURIComponent(next)}` : `${base}/login`);
    }
    if (!canWrite(actor, target).allowed) {
      const detail =
        target.kind === 'country_record' && actor.role === 'focal_point'
          ? v.t.forbiddenCountry(actor.countries.join(', ') || '–', target.country)
          : v.t.errorText403;
      return errorPage(c, v, 403, detail);
    }
    return actor;
  };

  // ─── A State's obligations ────────────────────────────────────────────────────────────────────

  const countryReports = async (c: Context, v: View, iso3: string): Promise<CountryReports | Response> => {
    try {
      return await reporting.reportsFor(iso3, {}, today());
    } catch (e) {
      if (isCode(e, 'not_found')) return errorPage(c, v, 404, v.t.countryNotFound(iso3));
      throw e;
    }
  };

  const obligationsPage = async (
    c: Context,
    v: View,
    iso3: string,
    status: ContentfulStatusCode,
    form: { values: SentFormValues; errors: FieldError[] } | null = null,
    orgForm: { values: OrgFormValues; errors: FieldError[] } | null = null,
    completeForm: { values: CompleteFormValues; errors: FieldError[] } | null = null,
  ): Promise<Response> => {
    const reports = await countryReports(c, v, iso3);
    if (reports instanceof Response) return reports;
    // The State's changes: its receipts and organisations, and the ratifications the calendar comes from.
    const history = await historyOf({ country: iso3 }, `/history?country=${iso3}`);
    const submissionItems = await submissions.dueAndOverdue(iso3, today());
    const extraSections = [renderSubmissionsSection(v.t, lang, submissionItems, iso3)];
    return page(c, v, status, renderObligations(v, { reports, form, orgForm, completeForm, notice: notice(v), history, extraSections }));
  };

  app.get(`${base}/countries/:iso3/obligations`, async (c) => {
    const v = viewOf(c, lang);
    const raw = c.req.param('iso3') ?? '';
    const iso3 = normaliseIso3(raw);
    if (!iso3) return errorPage(c, v, 404, v.t.countryNotFound(raw));
    if (iso3 !== raw) return c.redirect(`${base}/countries/${iso3}/obligations`, 301);
    return obligationsPage(c, v, iso3, 200);
  });

  app.post(`${base}/countries/:iso3/obligations/sent`, async (c) => {
    const v = { ...viewOf(c, lang), search: '' };
    const raw = c.req.param('iso3') ?? '';
    const iso3 = normaliseIso3(raw);
    if (!iso3) return errorPage(c, v, 404, v.t.countryNotFound(raw));
    const at = { ...v, path: `/countries/${iso3}/obligations` };
    const actor = writer(c, at, { kind: 'country_record', country: iso3 }, `${base}/countries/${iso3}/obligations`);
    if (actor instanceof Response) return actor;
    const values = parseSentForm(await readForm(c));
    const input = sentInput(values, iso3);
    if (!input) {
      return obligationsPage(c, at, iso3, 400, { values, errors: [{ id: SENT_FIELD_IDS.report, message: v.t.markSentErrors.report }] });
    }
    try {
      const result = await reporting.markReportSent(actor, input, now());
      return seeOther(c, `${base}/countries/${iso3}/obligations?${result.event ? 'saved' : 'unchanged'}=1`);
    } catch (e) {
      if (isCode(e, 'invalid')) return obligationsPage(c, at, iso3, 400, { values, errors: sentErrors(v, e.issues, values) });
      if (isCode(e, 'not_found'))
        return obligationsPage(c, at, iso3, 400, { values, errors: [{ id: SENT_FIELD_IDS.report, message: v.t.markSentErrors.report }] });
      throw e;
    }
  });

  app.post(`${base}/countries/:iso3/obligations/organisations`, async (c) => {
    const v = { ...viewOf(c, lang), search: '' };
    const raw = c.req.param('iso3') ?? '';
    const iso3 = normaliseIso3(raw);
    if (!iso3) return errorPage(c, v, 404, v.t.countryNotFound(raw));
    const at = { ...v, path: `/countries/${iso3}/obligations` };
    const actor = writer(c, at, { kind: 'country_record', country: iso3 }, `${base}/countries/${iso3}/obligations`);
    if (actor instanceof Response) return actor;
    const values = parseOrgForm(await readForm(c));
    try {
      const result = await reporting.setOrganisations(actor, orgInput(values, iso3), now());
      return seeOther(c, `${base}/countries/${iso3}/obligations?${result.event ? 'saved' : 'unchanged'}=1#copies-heading`);
    } catch (e) {
      if (isCode(e, 'invalid')) return obligationsPage(c, at, iso3, 400, null, { values, errors: orgErrors(v, e.issues, values) });
      if (isCode(e, 'not_found')) return errorPage(c, v, 404, v.t.countryNotFound(iso3));
      throw e;
    }
  });

  app.post(`${base}/countries/:iso3/obligations/receipts-complete`, async (c) => {
    const v = { ...viewOf(c, lang), search: '' };
    const raw = c.req.param('iso3') ?? '';
    const iso3 = normaliseIso3(raw);
    if (!iso3) return errorPage(c, v, 404, v.t.countryNotFound(raw));
    const at = { ...v, path: `/countries/${iso3}/obligations` };
    const actor = writer(c, at, { kind: 'country_record', country: iso3 }, `${base}/countries/${iso3}/obligations`);
    if (actor instanceof Response) return actor;
    const values = parseCompleteForm(await readForm(c));
    try {
      const result = await reporting.setReceiptsComplete(actor, completeInput(values, iso3), now());
      return seeOther(c, `${base}/countries/${iso3}/obligations?${result.event ? 'saved' : 'unchanged'}=1#receipts-complete-heading`);
    } catch (e) {
      if (isCode(e, 'invalid'))
        return obligationsPage(c, at, iso3, 400, null, null, { values, errors: completeErrors(v, e.issues, values) });
      if (isCode(e, 'not_found')) return errorPage(c, v, 404, v.t.countryNotFound(iso3));
      throw e;
    }
  });

  // ─── The secretariat's dashboard and the calendar rules ───────────────────────────────────────

  app.get(`${base}/obligations`, async (c) => {
    const v = viewOf(c, lang);
    const day = today();
    const [byRegion, byInstrument, submissionsByRegion] = await Promise.all([
      reporting.overdueByRegion(day),
      reporting.overdueByInstrument(day),
      submissions.overdueByRegion(day),
    ]);
    return page(c, v, 200, renderObligationsDashboard(v, byRegion, byInstrument, submissionsByRegion));
  });

  const rulesPage = async (
    c: Context,
    v: View,
    status: ContentfulStatusCode,
    forms: {
      ruleSetForm?: { values: RuleSetValues; errors: FieldError[] };
      groupForm?: { values: GroupValues; errors: FieldError[] };
    } = {},
  ): Promise<Response> => {
    const [rules, history] = await Promise.all([reporting.rules(), historyOf({ recordType: 'reporting_group_year' }, '/history')]);
    return page(
      c,
      v,
      status,
      renderReportingRules(v, {
        rules,
        ruleSetForm: forms.ruleSetForm ?? null,
        groupForm: forms.groupForm ?? null,
        notice: notice(v),
        history,
      }),
    );
  };

  app.get(`${base}/obligations/rules`, (c) => rulesPage(c, viewOf(c, lang), 200));

  app.post(`${base}/obligations/rules/rule-set`, async (c) => {
    const v = { ...viewOf(c, lang), path: '/obligations/rules', search: '' };
    const actor = writer(c, v, { kind: 'secretariat_record' }, `${base}/obligations/rules`);
    if (actor instanceof Response) return actor;
    const values = parseRuleSetForm(await readForm(c));
    try {
      const result = await reporting.saveRuleSet(actor, ruleSetInput(values), now());
      return seeOther(c, `${base}/obligations/rules?${result.event ? 'saved' : 'unchanged'}=1`);
    } catch (e) {
      if (isCode(e, 'invalid'))
        return rulesPage(c, v, 400, { ruleSetForm: { values, errors: ruleErrors(v, e.issues, RULE_SET_FIELD_IDS, values.source) } });
      throw e;
    }
  });

  app.post(`${base}/obligations/rules/group-year`, async (c) => {
    const v = { ...viewOf(c, lang), path: '/obligations/rules', search: '' };
    const actor = writer(c, v, { kind: 'secretariat_record' }, `${base}/obligations/rules`);
    if (actor instanceof Response) return actor;
    const values = parseGroupForm(await readForm(c));
    try {
      const result = await reporting.saveGroupYear(actor, groupInput(values), now());
      return seeOther(c, `${base}/obligations/rules?${result.event ? 'saved' : 'unchanged'}=1`);
    } catch (e) {
      if (isCode(e, 'invalid'))
        return rulesPage(c, v, 400, { groupForm: { values, errors: ruleErrors(v, e.issues, GROUP_FIELD_IDS, values.source) } });
      if (isCode(e, 'not_found'))
        return rulesPage(c, v, 400, { groupForm: { values, errors: [{ id: GROUP_FIELD_IDS.ruleSetId, message: v.t.enterRuleSetFirst }] } });
      throw e;
    }
  });
}
