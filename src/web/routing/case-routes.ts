import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Actor } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import type { CaseService } from '../../services/cases/case-service.ts';
import type { CaseAccess, CaseView } from '../../services/cases/case-types.ts';
import { ACTION_FIELD_IDS, ACTION_IDS, actionInput, actionValues, renderActionsPage } from '../pages/case-actions.ts';
import { CLOSE_IDS, closeInput, closeValues, refusalMessage, renderCloseForm } from '../pages/case-close.ts';
import { parseCaseListQuery, renderCaseList, renderWorklist } from '../pages/case-list.ts';
import { CHECK_PREFILL_KEYS, newCaseErrors, newCaseValues, openCaseInput, renderNewCase, renderUnitChooser } from '../pages/case-new.ts';
import { renderCasePage } from '../pages/case-page.ts';
import { renderVisitForm, VISIT_IDS, visitInput, visitValues } from '../pages/case-visit.ts';
import { renderError } from '../pages/error.ts';
import { fieldErrorsFrom } from '../views/edit-fields.ts';
import type { FieldError } from '../views/forms.ts';
import type { View } from '../views/view.ts';
import { safeNext, seeOther, sendPage, viewOf } from './respond.ts';

/** The parts of the case service (src/services/cases/case-service.ts) the portal calls. */
export type CasePortalService = Pick<
  CaseService,
  'access' | 'getCase' | 'listCases' | 'events' | 'openCase' | 'recordVisit' | 'addAction' | 'markActionProvided' | 'closeCase' | 'worklist'
>;

export interface CasePortalDeps {
  cases: CasePortalService;
  today: () => string;
  now: () => Date;
  /** The unit's name for page titles (the unit service, where it is wired); "monitoring unit N" otherwise. */
  unitName?: (actor: Actor, unitId: number) => Promise<string | null>;
}

const utf8 = new TextEncoder();
const NOTICES = new Set(['visit', 'action', 'provided', 'closed', 'opened']);

/**
 * The case pages (issue 11), all behind sign-in: /{lang}/units/{id}/cases, …/cases/new,
 * …/worklist, /{lang}/cases/{id} and its visit, actions and close forms. Anonymous readers are sent
 * to the sign-in page (and back); another unit's case is the 404 page, like one that does not exist.
 * Every form works without script and carries the session's CSRF token (checked by csrfProtection).
 */
export function mountCases(app: Hono, lang: Lang, deps: CasePortalDeps): void {
  const { cases, today, now } = deps;
  const send = (c: Context, v: View, status: ContentfulStatusCode, body: string) =>
    sendPage(c, utf8.encode(body), status, v.session !== null);
  const errorPage = (c: Context, v: View, status: ContentfulStatusCode, detail: string | null) =>
    send(c, v, status, renderError(v, { status, detail }));
  const toLogin = (c: Context) => {
    const url = new URL(c.req.url);
    const next = c.req.method === 'GET' ? safeNext(lang, `${url.pathname}${url.search}`) : null;
    return seeOther(c, next ? `/${lang}/login?next=${encodeURIComponent(next)}` : `/${lang}/login`);
  };
  /** A refused read or write as the matching page: sign in, 404 (never 403 for another unit), 403, 409. */
  const refused = (c: Context, v: View, e: unknown, scope: 'case' | 'unit'): Response => {
    if (!(e instanceof DomainError)) throw e;
    if (e.code === 'unauthenticated') return toLogin(c);
    if (e.code === 'not_found') return errorPage(c, v, 404, scope === 'case' ? v.t.casesNotFound : v.t.casesUnitNotFound);
    if (e.code === 'forbidden') return errorPage(c, v, 403, v.t.casesForbidden);
    if (e.code === 'conflict') return errorPage(c, v, 409, null);
    throw e;
  };
  const form = async (c: Context) => (await c.req.parseBody({ all: true }).catch(() => ({}))) as Record<string, unknown>;
  const unitIdOf = (c: Context) => {
    const raw = c.req.param('id') ?? '';
    return /^\d{1,9}$/.test(raw) ? Number(raw) : -1;
  };
  const unitLabel = async (v: View, unitId: number) => {
    const actor = v.session?.actor;
    const name = actor && deps.unitName ? await deps.unitName(actor, unitId).catch(() => null) : null;
    return { id: unitId, name: name ?? v.t.casesUnitLabel(v.f.number(unitId)) };
  };
  /** The case and what the reader may do in its unit; throws the service's refusals. */
  const load = async (v: View, caseId: string): Promise<{ kase: CaseView; access: CaseAccess }> => {
    const actor = v.session?.actor ?? null;
    const kase = await cases.getCase(actor, caseId, today());
    return { kase, access: await cases.access(actor, kase.unitId) };
  };
  const caseBase = `/${lang}/cases`;
  const unitBase = `/${lang}/units`;
  const back = (id: string, notice: string) => `${caseBase}/${encodeURIComponent(id)}?saved=${notice}`;

  // ---- The unit's list, worklist and the open-case form ----
  app.get(`${unitBase}/:id/cases`, async (c) => {
    const v = viewOf(c, lang);
    if (!v.session) return toLogin(c);
    const unitId = unitIdOf(c);
    const parsed = parseCaseListQuery(new URL(c.req.url).searchParams);
    try {
      const access = await cases.access(v.session.actor, unitId);
      if (!parsed.ok) return errorPage(c, v, 400, v.t.casesBadFilter(parsed.field));
      const list = await cases.listCases(v.session.actor, { unitId, ...parsed.value }, today());
      return send(c, v, 200, renderCaseList(v, { unit: await unitLabel(v, unitId), access, query: parsed.value, cases: list }));
    } catch (e) {
      return refused(c, v, e, 'unit');
    }
  });

  app.get(`${unitBase}/:id/worklist`, async (c) => {
    const v = viewOf(c, lang);
    if (!v.session) return toLogin(c);
    const unitId = unitIdOf(c);
    try {
      const access = await cases.access(v.session.actor, unitId);
      const worklist = await cases.worklist(v.session.actor, unitId, today());
      return send(c, v, 200, renderWorklist(v, { unit: await unitLabel(v, unitId), access, worklist }));
    } catch (e) {
      return refused(c, v, e, 'unit');
    }
  });

  const newCase = async (c: Context, post: boolean) => {
    const v = viewOf(c, lang);
    if (!v.session) return toLogin(c);
    const unitId = unitIdOf(c);
    try {
      const access = await cases.access(v.session.actor, unitId);
      if (!access.openCase)
        return errorPage(c, v, access.seeCases ? 403 : 404, access.seeCases ? v.t.casesForbidden : v.t.casesUnitNotFound);
      const unit = await unitLabel(v, unitId);
      const params = new URL(c.req.url).searchParams;
      const values = post ? newCaseValues(await form(c), today()) : newCaseValues(params, today(), params.get('from') === 'check');
      const render = (errors: FieldError[], status: ContentfulStatusCode) =>
        send(c, v, status, renderNewCase(v, { unit, values, errors, today: today() }));
      if (!post) return render([], 200);
      const parsed = openCaseInput(v, values);
      if (!parsed.ok) return render(parsed.errors, 400);
      try {
        const kase = await cases.openCase(v.session.actor, unitId, parsed.input, now());
        return seeOther(c, back(kase.id, 'opened'));
      } catch (e) {
        if (e instanceof DomainError && e.code === 'invalid')
          return render(newCaseErrors(e.issues.length ? e.issues : [{ field: 'origin', message: e.message }]), 400);
        throw e;
      }
    } catch (e) {
      return refused(c, v, e, 'unit');
    }
  };
  app.get(`${unitBase}/:id/cases/new`, (c) => newCase(c, false));
  app.post(`${unitBase}/:id/cases/new`, (c) => newCase(c, true));

  // ---- A case and its forms ----
  // From the compliance check's answer: choose the unit, then the open-case form with the work facts.
  app.get(`${caseBase}/new`, (c) => {
    const v = viewOf(c, lang);
    if (!v.session) return toLogin(c);
    const params = new URL(c.req.url).searchParams;
    const unit = params.get('unit');
    if (unit === null) return send(c, v, 200, renderUnitChooser(v, params, null));
    if (!/^\d{1,9}$/.test(unit.trim()))
      return send(c, v, 400, renderUnitChooser(v, params, { id: 'nc-unit', message: v.t.casesChooseUnitBad }));
    const q = new URLSearchParams({ from: 'check' });
    for (const k of CHECK_PREFILL_KEYS) {
      const value = params.get(k);
      if (value) q.set(k, value.slice(0, 20));
    }
    return seeOther(c, `${unitBase}/${Number(unit.trim())}/cases/new?${q.toString()}`);
  });

  app.get(`${caseBase}/:id`, async (c) => {
    const v = viewOf(c, lang);
    if (!v.session) return toLogin(c);
    const caseId = c.req.param('id');
    try {
      const { kase, access } = await load(v, caseId);
      const events = await cases.events(v.session.actor, caseId);
      const saved = c.req.query('saved');
      return send(c, v, 200, renderCasePage(v, { kase, access, events, notice: saved && NOTICES.has(saved) ? v.t.casesSaved : null }));
    } catch (e) {
      return refused(c, v, e, 'case');
    }
  });

  /** A case form: GET shows it, POST checks it, calls the service, and goes back to the case. */
  const caseForm = (
    path: string,
    need: 'recordVisit' | 'planSupport' | 'closeCase',
    handler: (c: Context, v: View, kase: CaseView, access: CaseAccess, body: Record<string, unknown> | null) => Promise<Response>,
  ) => {
    const run = async (c: Context, post: boolean) => {
      const v = viewOf(c, lang);
      if (!v.session) return toLogin(c);
      try {
        const { kase, access } = await load(v, c.req.param('id') ?? '');
        if (!access[need]) return errorPage(c, v, 403, v.t.casesForbidden);
        return await handler(c, v, kase, access, post ? await form(c) : null);
      } catch (e) {
        return refused(c, v, e, 'case');
      }
    };
    app.get(`${caseBase}/:id${path}`, (c) => run(c, false));
    app.post(`${caseBase}/:id${path}`, (c) => run(c, true));
  };

  caseForm('/visit', 'recordVisit', async (c, v, kase, access, body) => {
    const values = visitValues(body, today());
    const render = (errors: FieldError[], status: ContentfulStatusCode) =>
      send(c, v, status, renderVisitForm(v, { kase, access, values, errors, today: today() }));
    if (kase.status === 'closed') return errorPage(c, v, 409, v.t.casesCloseAlready);
    if (!body) return render([], 200);
    const parsed = visitInput(v, values, today());
    if (!parsed.ok) return render(parsed.errors, 400);
    try {
      await cases.recordVisit(v.session?.actor ?? null, kase.id, parsed.input, now());
      return seeOther(c, back(kase.id, 'visit'));
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'invalid')) throw e;
      const ids = {
        visitedOn: VISIT_IDS.visitedOn,
        kind: VISIT_IDS.found,
        childFound: VISIT_IDS.found,
        inChildLabour: VISIT_IDS.inWork,
        atSchool: VISIT_IDS.atSchool,
        notes: VISIT_IDS.notes,
      };
      return render(issueErrors(e, ids, VISIT_IDS.visitedOn), 400);
    }
  });

  caseForm('/actions', 'planSupport', async (c, v, kase, access, body) => {
    const values = actionValues(body);
    const saved = c.req.query('saved');
    const render = (errors: FieldError[], status: ContentfulStatusCode) =>
      send(
        c,
        v,
        status,
        renderActionsPage(v, { kase, access, values, errors, today: today(), notice: saved && NOTICES.has(saved) ? v.t.casesSaved : null }),
      );
    if (!body) return render([], 200);
    const parsed = actionInput(v, values);
    if (!parsed.ok) return render(parsed.errors, 400);
    try {
      await cases.addAction(v.session?.actor ?? null, kase.id, parsed.input, now());
      return seeOther(c, `${caseBase}/${encodeURIComponent(kase.id)}/actions?saved=action`);
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'invalid')) throw e;
      return render(issueErrors(e, ACTION_FIELD_IDS, ACTION_IDS.kind), 400);
    }
  });

  app.post(`${caseBase}/:id/actions/:actionId/provided`, async (c) => {
    const v = viewOf(c, lang);
    if (!v.session) return toLogin(c);
    try {
      const { kase, access } = await load(v, c.req.param('id') ?? '');
      if (!access.planSupport) return errorPage(c, v, 403, v.t.casesForbidden);
      const body = await form(c);
      const actionId = Number(c.req.param('actionId'));
      const on = typeof body.providedOn === 'string' ? body.providedOn.trim() : '';
      try {
        await cases.markActionProvided(v.session.actor, kase.id, Number.isSafeInteger(actionId) ? actionId : -1, on, now());
        return seeOther(c, `${caseBase}/${encodeURIComponent(kase.id)}/actions?saved=provided`);
      } catch (e) {
        if (!(e instanceof DomainError && e.code === 'invalid')) throw e;
        const errors: FieldError[] = [{ id: 'provided-on', message: v.t.casesNewBadDate(v.t.casesActionProvidedOn) }];
        return send(c, v, 400, renderActionsPage(v, { kase, access, values: actionValues(null), errors, today: today() }));
      }
    } catch (e) {
      return refused(c, v, e, 'case');
    }
  });

  caseForm('/close', 'closeCase', async (c, v, kase, access, body) => {
    const values = closeValues(body, today());
    const render = (errors: FieldError[], refusal: ReturnType<typeof refusalMessage> | null, status: ContentfulStatusCode) =>
      send(c, v, status, renderCloseForm(v, { kase, access, values, errors, refusal, today: today() }));
    if (!body) return render([], null, 200);
    if (kase.status === 'closed') return errorPage(c, v, 409, v.t.casesCloseAlready);
    const parsed = closeInput(v, values);
    if (!parsed.ok) return render(parsed.errors, null, 400);
    try {
      await cases.closeCase(v.session?.actor ?? null, kase.id, parsed.input, now());
      return seeOther(c, back(kase.id, 'closed'));
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'invalid')) throw e;
      const rule = e.issues.find((i) => i.rule);
      if (rule) return render([], refusalMessage(v, rule, kase), 400);
      return render(issueErrors(e, { reason: CLOSE_IDS.reason, on: CLOSE_IDS.on, note: CLOSE_IDS.note }, CLOSE_IDS.reason), null, 400);
    }
  });
}

/** The service's refusals (English, naming the field) on the form's controls. */
function issueErrors(e: DomainError, ids: Readonly<Record<string, string>>, fallback: string): FieldError[] {
  const messages = new Map(e.issues.map((i) => [i.field, i.message]));
  const issues = e.issues.length ? e.issues : [{ field: '', message: e.message }];
  return fieldErrorsFrom(issues, ids, (field) => messages.get(field) ?? e.message, fallback);
}
