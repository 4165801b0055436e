import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type Actor, canWrite, type WriteTarget } from '../../domain/access/policy.ts';
import { normaliseIso3 } from '../../domain/country.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import type { ConferenceService } from '../../services/conference-service.ts';
import type { RegistryService } from '../../services/registry-service.ts';
import {
  conferenceErrors,
  delegationFieldId,
  delegationInput,
  delegationValues,
  emptyVoteValues,
  parseDelegationForm,
  parseSessionForm,
  parseVoteForm,
  renderDelegationEdit,
  renderSessionEdit,
  renderVoteForm,
  sessionFieldId,
  sessionInput,
  sessionValues,
  voteFieldId,
  voteInput,
} from '../pages/conference-edit.ts';
import { renderConferenceList } from '../pages/conference-list.ts';
import { renderConferenceSession } from '../pages/conference-session.ts';
import { renderError } from '../pages/error.ts';
import { countryNamePlain } from '../views/components.ts';
import type { View } from '../views/view.ts';
import { rendered, safeNext, seeOther, sendPage, viewOf } from './respond.ts';

export interface ConferencePortalDeps {
  conference: ConferenceService;
  registry: RegistryService;
  now: () => Date;
}

/** Session numbers only: other addresses under /conference (e.g. a vote calculator) are left to their own routes. */
const N = ':number{[0-9]+}';

/**
 * The Conference's pages under /{lang}/conference: the sessions, a session with its agenda,
 * adopted instruments, delegations and votes, and the forms that edit them (Post/Redirect/Get,
 * CSRF-checked like every portal form; the service checks the policy again on every write).
 */
export function mountConference(app: Hono, lang: Lang, deps: ConferencePortalDeps): void {
  const { conference, registry, now } = deps;
  const base = `/${lang}/conference`;

  const send = (c: Context, v: View, status: ContentfulStatusCode, body: string): Response => {
    const r = rendered(body, status);
    return sendPage(c, r.body, r.status, v.session !== null);
  };
  const errorPage = (c: Context, v: View, status: ContentfulStatusCode, detail: string) =>
    send(c, v, status, renderError(v, { status, detail }));
  const isCode = (e: unknown, code: DomainError['code']): e is DomainError => e instanceof DomainError && e.code === code;

  const writer = (c: Context, v: View, target: WriteTarget): Actor | Response => {
    const actor = v.session?.actor;
    if (!actor) {
      const next = safeNext(lang, new URL(c.req.url).pathname);
      return seeOther(c, next ? `/${lang}/login?next=${encodeURIComponent(next)}` : `/${lang}/login`);
    }
    if (!canWrite(actor, target).allowed) return errorPage(c, v, 403, v.t.confForbidden);
    return actor;
  };

  const sessionOr404 = async (c: Context, v: View) => {
    const n = Number(c.req.param('number'));
    if (n > 999) return errorPage(c, v, 404, v.t.confSessionNotFound(String(c.req.param('number'))));
    try {
      return await conference.getSession(n);
    } catch (e) {
      if (isCode(e, 'not_found')) return errorPage(c, v, 404, v.t.confSessionNotFound(String(n)));
      throw e;
    }
  };

  app.get(base, async (c) => {
    const v = viewOf(c, lang);
    return send(c, v, 200, renderConferenceList(v, await conference.listSessions()));
  });

  app.get(`${base}/${N}`, async (c) => {
    const v = viewOf(c, lang);
    const detail = await sessionOr404(c, v);
    if (detail instanceof Response) return detail;
    const notice = v.session ? (c.req.query('saved') === '1' ? 'saved' : c.req.query('unchanged') === '1' ? 'unchanged' : null) : null;
    return send(c, v, 200, renderConferenceSession(v, detail, notice));
  });

  const done = (c: Context, n: number, changed: boolean, anchor: string) =>
    seeOther(c, `${base}/${n}?${changed ? 'saved' : 'unchanged'}=1#${anchor}`);

  // ─── Session ────────────────────────────────────────────────────────────────────────────────
  app.get(`${base}/${N}/edit`, async (c) => {
    const v = viewOf(c, lang);
    const actor = writer(c, v, { kind: 'ilc_session' });
    if (actor instanceof Response) return actor;
    const detail = await sessionOr404(c, v);
    if (detail instanceof Response) return detail;
    return send(c, v, 200, renderSessionEdit(v, detail.session.number, sessionValues(detail.session), []));
  });

  app.post(`${base}/${N}/edit`, async (c) => {
    const v = viewOf(c, lang);
    const actor = writer(c, v, { kind: 'ilc_session' });
    if (actor instanceof Response) return actor;
    const detail = await sessionOr404(c, v);
    if (detail instanceof Response) return detail;
    const n = detail.session.number;
    const values = parseSessionForm((await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>);
    try {
      const result = await conference.saveSession(actor, sessionInput(values, n), now());
      return done(c, n, result.event !== null, 'session-facts-heading');
    } catch (e) {
      if (isCode(e, 'invalid')) return send(c, v, 400, renderSessionEdit(v, n, values, conferenceErrors(v, e.issues, sessionFieldId)));
      throw e;
    }
  });

  // ─── Delegations ────────────────────────────────────────────────────────────────────────────
  app.get(`${base}/${N}/delegation`, async (c) => {
    const v = viewOf(c, lang);
    const iso3 = normaliseIso3(c.req.query('iso3') ?? '');
    if (!iso3) return errorPage(c, v, 404, v.t.confCountryNotFound(c.req.query('iso3') ?? ''));
    return seeOther(c, `${base}/${Number(c.req.param('number'))}/delegations/${iso3}/edit`);
  });

  const delegationPage = async (
    c: Context,
    v: View,
    status: ContentfulStatusCode,
    values?: ReturnType<typeof delegationValues>,
    errors = [] as ReturnType<typeof conferenceErrors>,
  ) => {
    const detail = await sessionOr404(c, v);
    if (detail instanceof Response) return detail;
    const iso3 = normaliseIso3(c.req.param('iso3') ?? '') ?? '';
    let name: string;
    try {
      name = countryNamePlain(v, (await registry.getCountryProfile(iso3)).country);
    } catch (e) {
      if (isCode(e, 'not_found')) return errorPage(c, v, 404, v.t.confCountryNotFound(iso3));
      throw e;
    }
    const current = detail.delegations.find((d) => d.country === iso3) ?? null;
    return send(c, v, status, renderDelegationEdit(v, detail.session.number, { iso3, name }, values ?? delegationValues(current), errors));
  };

  const delegationTarget = (c: Context): WriteTarget => ({
    kind: 'country_record',
    country: normaliseIso3(c.req.param('iso3') ?? '') ?? '',
  });

  app.get(`${base}/${N}/delegations/:iso3/edit`, async (c) => {
    const v = viewOf(c, lang);
    const actor = writer(c, v, delegationTarget(c));
    if (actor instanceof Response) return actor;
    return delegationPage(c, v, 200);
  });

  app.post(`${base}/${N}/delegations/:iso3/edit`, async (c) => {
    const v = viewOf(c, lang);
    const actor = writer(c, v, delegationTarget(c));
    if (actor instanceof Response) return actor;
    const n = Number(c.req.param('number'));
    if (n > 999) return errorPage(c, v, 404, v.t.confSessionNotFound(String(c.req.param('number'))));
    const iso3 = normaliseIso3(c.req.param('iso3') ?? '') ?? '';
    const values = parseDelegationForm((await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>);
    const { input, index } = delegationInput(values, n, iso3);
    try {
      const result = await conference.saveDelegation(actor, input, now());
      return done(c, n, result.event !== null, 'delegations-heading');
    } catch (e) {
      if (isCode(e, 'invalid') || isCode(e, 'conflict')) {
        const issues = e.issues.length ? e.issues : [{ field: 'delegates', message: e.message }];
        return delegationPage(c, v, isCode(e, 'conflict') ? 409 : 400, values, conferenceErrors(v, issues, delegationFieldId(index)));
      }
      if (isCode(e, 'not_found')) return errorPage(c, v, 404, e.message);
      throw e;
    }
  });

  // ─── Votes ──────────────────────────────────────────────────────────────────────────────────
  app.get(`${base}/${N}/votes/new`, async (c) => {
    const v = viewOf(c, lang);
    const actor = writer(c, v, { kind: 'secretariat_record' });
    if (actor instanceof Response) return actor;
    const detail = await sessionOr404(c, v);
    if (detail instanceof Response) return detail;
    return send(c, v, 200, renderVoteForm(v, detail.session, emptyVoteValues(), []));
  });

  app.post(`${base}/${N}/votes/new`, async (c) => {
    const v = viewOf(c, lang);
    const actor = writer(c, v, { kind: 'secretariat_record' });
    if (actor instanceof Response) return actor;
    const detail = await sessionOr404(c, v);
    if (detail instanceof Response) return detail;
    const values = parseVoteForm((await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>);
    try {
      const recorded = await conference.recordVote(actor, voteInput(values, detail.session.number), now());
      return done(c, detail.session.number, true, `vote-${recorded.vote.key.split('/')[1]}`);
    } catch (e) {
      if (isCode(e, 'invalid'))
        return send(c, v, 400, renderVoteForm(v, detail.session, values, conferenceErrors(v, e.issues, voteFieldId)));
      throw e;
    }
  });
}
