import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type Actor, canWrite, type WriteTarget } from '../../domain/access/policy.ts';
import { normaliseIso3 } from '../../domain/country.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import { normaliseInstrumentCode } from '../../domain/instrument.ts';
import { authState, clearSessionCookie, setSessionCookie } from '../../http/auth.ts';
import { type AccountService, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, TooManyAttempts } from '../../services/account-service.ts';
import type { ComplianceService } from '../../services/compliance-service.ts';
import { type EditService, MAX_REASON_LENGTH } from '../../services/edit-service.ts';
import type { GapsService } from '../../services/gaps-service.ts';
import type { HistoryFilter } from '../../services/history-ports.ts';
import type { CountryProfile, RegistryService } from '../../services/registry-service.ts';
import {
  type AccountNotice,
  MAX_TOKEN_NAME,
  PASSWORD_FIELD_IDS,
  passwordErrors,
  renderAccount,
  renderTokenCreated,
  TOKEN_FIELD_IDS,
} from '../pages/account.ts';
import { renderError } from '../pages/error.ts';
import { GAPS_PAGE_SIZE, parseGapsQuery, renderGaps } from '../pages/gaps.ts';
import { HISTORY_PAGE_SIZE, parseHistoryQuery, renderHistory } from '../pages/history.ts';
import {
  instrumentErrors,
  instrumentInput,
  instrumentValues,
  parseInstrumentForm,
  renderInstrumentEdit,
} from '../pages/instrument-edit.ts';
import { LOGIN_FIELD_IDS, renderLogin } from '../pages/login.ts';
import { parseProfileForm, profileErrors, profileInput, profileValues, renderProfileEdit } from '../pages/profile-edit.ts';
import {
  type DenounceFormValues,
  denounceErrors,
  emptyRatificationValues,
  parseDenounceForm,
  parseRatificationForm,
  RATIFICATION_FIELD_IDS,
  type RatificationEditData,
  type RatificationFormValues,
  ratificationErrors,
  ratificationInput,
  ratificationValues,
  renderRatificationEdit,
} from '../pages/ratification-edit.ts';
import { savedQuery } from '../views/fact-rules.ts';
import type { FieldError } from '../views/forms.ts';
import { eventTarget, type HistoryBlock, RECORD_HISTORY_LIMIT } from '../views/history.ts';
import type { View } from '../views/view.ts';
import { rendered, safeNext, seeOther, sendPage, viewOf, withParam } from './respond.ts';

export interface EditingDeps {
  registry: RegistryService;
  compliance: ComplianceService;
  accounts: AccountService;
  edits: EditService;
  gaps: GapsService;
  now: () => Date;
  /** The client's address, for the per-address sign-in limit. */
  addressOf: (c: Context) => string;
}

export function addressFromConnection(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

type Form = Record<string, unknown>;

const field = (form: Form, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

async function readForm(c: Context): Promise<Form> {
  // The CSRF check has usually read (and cached) the body already; a body that is no form is empty.
  return (await c.req.parseBody().catch(() => ({}))) as Form;
}

const EMPTY_DENOUNCE: DenounceFormValues = { date: '', source: '', reason: '' };

/**
 * Sign-in, the account page, the editing forms, the history and the gaps worklist, under /{lang}.
 * Every form is a plain POST with the session's CSRF token; a change that succeeds answers with a
 * 303 to the page that shows it (Post/Redirect/Get), a refused one re-renders the form (400) with
 * the problems next to the fields and the values kept. Forms and their links are shown only to a
 * reader the policy allows (canWrite); the edit service checks again on every write.
 */
export function mountEditing(app: Hono, lang: Lang, deps: EditingDeps): void {
  const { registry, compliance, accounts, edits, gaps, now } = deps;
  const base = `/${lang}`;

  const page = (c: Context, v: View, status: ContentfulStatusCode, body: string): Response => {
    const r = rendered(body, status);
    return sendPage(c, r.body, r.status, v.session !== null);
  };
  const errorPage = (c: Context, v: View, status: ContentfulStatusCode, detail: string | null): Response =>
    page(c, v, status, renderError(v, { status, detail }));

  /** An anonymous reader is sent to sign in, and brought back to `back` afterwards. */
  const toLogin = (c: Context, back: string): Response => {
    const next = safeNext(lang, back);
    return seeOther(c, next ? `${base}/login?next=${encodeURIComponent(next)}` : `${base}/login`);
  };

  const forbiddenText = (v: View, actor: Actor, target: WriteTarget): string => {
    const { t } = v;
    if (target.kind === 'ratification' || target.kind === 'national_profile') {
      if (actor.role === 'focal_point') return t.forbiddenCountry(actor.countries.join(', ') || '–', target.country);
    }
    return t.forbiddenInstrument;
  };

  /**
   * The signed-in actor allowed to make this write, or the response to send instead: the sign-in
   * page for an anonymous reader, 403 for one outside their role or countries.
   */
  const writer = (c: Context, v: View, target: WriteTarget, back: string): Actor | Response => {
    const actor = v.session?.actor;
    if (!actor) return toLogin(c, back);
    if (!canWrite(actor, target).allowed) return errorPage(c, v, 403, forbiddenText(v, actor, target));
    return actor;
  };

  const historyOf = async (filter: HistoryFilter, fullPath: string): Promise<HistoryBlock> => {
    const result = await edits.history(filter, { page: 1, pageSize: RECORD_HISTORY_LIMIT });
    return { events: result.items, total: result.total, fullPath };
  };

  /**
   * The view of a page re-rendered by a POST to another address (/account/password, …/denounce):
   * its language switch and alternates point at the page's own GET address.
   */
  const at = (v: View, path: string): View => ({ ...v, path, search: '' });

  const isCode = (error: unknown, code: DomainError['code']): error is DomainError => error instanceof DomainError && error.code === code;

  // ─── Sign in and out ──────────────────────────────────────────────────────────────────────────

  app.get(`${base}/login`, async (c) => {
    const v = viewOf(c, lang);
    const next = safeNext(lang, c.req.query('next'));
    const done = c.req.query('done');
    if (v.session && !done) return seeOther(c, next ?? `${base}/account`);
    const notice = done === 'everywhere' ? 'everywhere' : done === 'signed-out' ? 'signed-out' : null;
    return page(c, v, 200, renderLogin(v, { email: '', next, errors: [], notice }));
  });

  app.post(`${base}/login`, async (c) => {
    const v = viewOf(c, lang);
    const form = await readForm(c);
    const email = field(form, 'email').trim();
    const password = field(form, 'password');
    const next = safeNext(lang, field(form, 'next'));
    const { t } = v;
    const errors: FieldError[] = [];
    if (!email) errors.push({ id: LOGIN_FIELD_IDS.email, message: t.loginEmailMissing });
    if (!password) errors.push({ id: LOGIN_FIELD_IDS.password, message: t.loginPasswordMissing });
    if (errors.length) return page(c, v, 400, renderLogin(v, { email, next, errors }));
    try {
      const session = await accounts.login(email.slice(0, 254), password.slice(0, MAX_PASSWORD_LENGTH), deps.addressOf(c), now());
      const previous = authState(c).sessionToken;
      if (previous) await accounts.logout(previous);
      setSessionCookie(c, session.token, session.expiresAt);
      return seeOther(c, next ?? `${base}/account`);
    } catch (e) {
      if (e instanceof TooManyAttempts) {
        c.header('retry-after', String(e.retryAfterSeconds));
        const minutes = v.f.number(Math.max(1, Math.ceil(e.retryAfterSeconds / 60)));
        return page(c, v, 429, renderLogin(v, { email, next, errors: [], problem: t.loginTooMany(minutes) }));
      }
      // One message for an unknown email and a wrong password: the page does not say which accounts exist.
      if (isCode(e, 'unauthenticated')) return page(c, v, 401, renderLogin(v, { email, next, errors: [], problem: t.loginFailed }));
      throw e;
    }
  });

  app.post(`${base}/logout`, async (c) => {
    const { sessionToken } = authState(c);
    if (sessionToken) await accounts.logout(sessionToken);
    clearSessionCookie(c);
    return seeOther(c, `${base}/login?done=signed-out`);
  });

  // ─── Account ──────────────────────────────────────────────────────────────────────────────────

  const accountPage = async (
    c: Context,
    v: View,
    actor: Actor,
    status: ContentfulStatusCode,
    extra: { errors?: FieldError[]; tokenName?: string; notice?: AccountNotice } = {},
  ): Promise<Response> => {
    const [tokens, countries] = await Promise.all([accounts.listApiTokens(actor.id), registry.listCountries({})]);
    const view = at(v, '/account');
    return page(
      c,
      view,
      status,
      renderAccount(view, {
        actor,
        countries,
        tokens: tokens.map(({ id, name, createdAt, lastUsedAt, revokedAt }) => ({ id, name, createdAt, lastUsedAt, revokedAt })),
        minPasswordLength: MIN_PASSWORD_LENGTH,
        tokenName: extra.tokenName ?? '',
        errors: extra.errors ?? [],
        notice: extra.notice ?? null,
      }),
    );
  };

  app.get(`${base}/account`, async (c) => {
    const v = viewOf(c, lang);
    if (!v.session) return toLogin(c, `${base}/account`);
    const done = c.req.query('done');
    const notice: AccountNotice = done === 'password' ? 'password' : done === 'revoked' ? 'revoked' : null;
    return accountPage(c, v, v.session.actor, 200, { notice });
  });

  app.post(`${base}/account/password`, async (c) => {
    const v = viewOf(c, lang);
    if (!v.session) return toLogin(c, `${base}/account`);
    const { t, f } = v;
    const actor = v.session.actor;
    const form = await readForm(c);
    const current = field(form, 'current');
    const next = field(form, 'next');
    const confirm = field(form, 'confirm');
    const ids = PASSWORD_FIELD_IDS;
    const errors: FieldError[] = [];
    if (!current) errors.push({ id: ids.current, message: t.passwordCurrentMissing });
    if (next.length < MIN_PASSWORD_LENGTH) errors.push({ id: ids.next, message: t.passwordTooShort(f.number(MIN_PASSWORD_LENGTH)) });
    else if (next.length > MAX_PASSWORD_LENGTH) errors.push({ id: ids.next, message: t.passwordTooLong(f.number(MAX_PASSWORD_LENGTH)) });
    else if (next !== confirm) errors.push({ id: ids.confirm, message: t.passwordMismatch });
    if (errors.length) return accountPage(c, v, actor, 400, { errors });
    try {
      await accounts.changePassword(actor.id, current, next, authState(c).sessionHash ?? undefined);
    } catch (e) {
      if (isCode(e, 'invalid')) {
        return accountPage(c, v, actor, 400, { errors: passwordErrors(v, e.issues, MIN_PASSWORD_LENGTH) });
      }
      if (isCode(e, 'unauthenticated')) return toLogin(c, `${base}/account`);
      throw e;
    }
    return seeOther(c, `${base}/account?done=password`);
  });

  app.post(`${base}/account/logout-everywhere`, async (c) => {
    const v = viewOf(c, lang);
    if (!v.session) return toLogin(c, `${base}/account`);
    await accounts.logoutEverywhere(v.session.actor.id);
    clearSessionCookie(c);
    return seeOther(c, `${base}/login?done=everywhere`);
  });

  app.post(`${base}/account/tokens`, async (c) => {
    const v = viewOf(c, lang);
    if (!v.session) return toLogin(c, `${base}/account`);
    const actor = v.session.actor;
    const name = field(await readForm(c), 'name');
    const invalid = (): Promise<Response> =>
      accountPage(c, v, actor, 400, {
        tokenName: name,
        errors: [{ id: TOKEN_FIELD_IDS.name, message: v.t.tokenNameInvalid(v.f.number(MAX_TOKEN_NAME)) }],
      });
    if (!name.trim() || name.trim().length > MAX_TOKEN_NAME) return invalid();
    try {
      const created = await accounts.createApiToken(actor.id, name, now());
      // The one answer to a POST that is not a redirect: the secret exists only here, shown once.
      return page(c, v, 201, renderTokenCreated(at(v, '/account'), { name: created.record.name, token: created.token }));
    } catch (e) {
      if (isCode(e, 'invalid')) return invalid();
      throw e;
    }
  });

  app.post(`${base}/account/tokens/:id/revoke`, async (c) => {
    const v = viewOf(c, lang);
    if (!v.session) return toLogin(c, `${base}/account`);
    const raw = c.req.param('id') ?? '';
    const id = /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
    if (id < 1 || id > 2_147_483_647) return errorPage(c, v, 404, v.t.tokenNotFound);
    try {
      await accounts.revokeApiToken(v.session.actor.id, id, now());
    } catch (e) {
      if (isCode(e, 'not_found')) return errorPage(c, v, 404, v.t.tokenNotFound);
      throw e;
    }
    return seeOther(c, `${base}/account?done=revoked#tokens-heading`);
  });

  // ─── Ratifications ────────────────────────────────────────────────────────────────────────────

  /** The State's profile, or the 404 page. */
  const countryProfile = async (c: Context, v: View, iso3: string): Promise<CountryProfile | Response> => {
    try {
      return await registry.getCountryProfile(iso3);
    } catch (e) {
      if (isCode(e, 'not_found')) return errorPage(c, v, 404, v.t.countryNotFound(iso3));
      throw e;
    }
  };

  const ratificationPage = async (
    c: Context,
    v: View,
    profile: CountryProfile,
    code: string,
    status: ContentfulStatusCode,
    parts: {
      values?: RatificationFormValues;
      errors?: FieldError[];
      denounce?: { values: DenounceFormValues; errors: FieldError[] };
      problem?: string | null;
    } = {},
  ): Promise<Response> => {
    const current = profile.ratifications.find((r) => r.instrument === code);
    if (!current) return errorPage(c, v, 404, v.t.ratificationNotRecorded(code, profile.country.iso3));
    const iso3 = profile.country.iso3;
    const view = at(v, `/countries/${iso3}/ratifications/${code}/edit`);
    const data: RatificationEditData = {
      mode: 'edit',
      country: profile.country,
      instrument: current.instrumentRef,
      current,
      values: parts.values ?? ratificationValues(current),
      errors: parts.errors ?? [],
      denounce: parts.denounce ?? { values: EMPTY_DENOUNCE, errors: [] },
      problem: parts.problem ?? null,
      history: await historyOf({ recordType: 'ratification', recordKey: `${iso3}/${code}` }, `/history?record=${iso3}/${code}`),
    };
    return page(c, view, status, renderRatificationEdit(view, data));
  };

  /** The canonical ISO3 and instrument code of the path, or null (a 404). */
  const ratificationParams = (c: Context): { iso3: string; code: string } | null => {
    const iso3 = normaliseIso3(c.req.param('iso3') ?? '');
    const code = normaliseInstrumentCode(c.req.param('code') ?? '');
    return iso3 && code ? { iso3, code } : null;
  };

  app.get(`${base}/countries/:iso3/ratifications/new`, async (c) => {
    const v = viewOf(c, lang);
    const iso3 = normaliseIso3(c.req.param('iso3') ?? '');
    if (!iso3) return errorPage(c, v, 404, v.t.countryNotFound(c.req.param('iso3') ?? ''));
    const path = `${base}/countries/${iso3}/ratifications/new`;
    if (iso3 !== c.req.param('iso3')) return c.redirect(`${path}${new URL(c.req.url).search}`, 301);
    const actor = writer(c, v, { kind: 'ratification', country: iso3 }, path);
    if (actor instanceof Response) return actor;
    const profile = await countryProfile(c, v, iso3);
    if (profile instanceof Response) return profile;
    const instrument = normaliseInstrumentCode(c.req.query('instrument') ?? '') ?? '';
    return page(
      c,
      v,
      200,
      renderRatificationEdit(v, {
        mode: 'new',
        country: profile.country,
        instrument: null,
        current: null,
        values: emptyRatificationValues(instrument),
        errors: [],
        denounce: { values: EMPTY_DENOUNCE, errors: [] },
        history: null,
      }),
    );
  });

  app.post(`${base}/countries/:iso3/ratifications/new`, async (c) => {
    const v = viewOf(c, lang);
    const iso3 = normaliseIso3(c.req.param('iso3') ?? '');
    if (!iso3) return errorPage(c, v, 404, v.t.countryNotFound(c.req.param('iso3') ?? ''));
    const actor = writer(c, v, { kind: 'ratification', country: iso3 }, `${base}/countries/${iso3}/ratifications/new`);
    if (actor instanceof Response) return actor;
    const profile = await countryProfile(c, v, iso3);
    if (profile instanceof Response) return profile;
    const values = parseRatificationForm(await readForm(c));
    const { t } = v;
    const again = (errors: FieldError[], status: ContentfulStatusCode = 400) =>
      page(
        c,
        v,
        status,
        renderRatificationEdit(v, {
          mode: 'new',
          country: profile.country,
          instrument: null,
          current: null,
          values,
          errors,
          denounce: { values: EMPTY_DENOUNCE, errors: [] },
          history: null,
        }),
      );
    const code = normaliseInstrumentCode(values.instrument);
    const instrumentId = RATIFICATION_FIELD_IDS.instrument;
    if (!code)
      return again([{ id: instrumentId, message: values.instrument ? t.editError.instrumentCode : t.editError.instrumentMissing }]);
    if (code.startsWith('R')) return again([{ id: instrumentId, message: t.editError.instrumentRecommendation }]);
    if (profile.ratifications.some((r) => r.instrument === code))
      return again([{ id: instrumentId, message: t.editError.instrumentExists(code) }]);
    try {
      const result = await edits.saveRatification(actor, ratificationInput({ ...values, instrument: code }, iso3, code, []), now());
      return seeOther(c, `${base}/countries/${iso3}?${savedQuery(result, code)}`);
    } catch (e) {
      if (isCode(e, 'invalid')) return again(ratificationErrors(v, e.issues, { ...values, instrument: code }));
      if (isCode(e, 'not_found')) return again([{ id: instrumentId, message: t.editError.instrumentUnknown(code) }]);
      throw e;
    }
  });

  app.get(`${base}/countries/:iso3/ratifications/:code/edit`, async (c) => {
    const v = viewOf(c, lang);
    const params = ratificationParams(c);
    if (!params) return errorPage(c, v, 404, null);
    const { iso3, code } = params;
    const path = `${base}/countries/${iso3}/ratifications/${code}/edit`;
    if (iso3 !== c.req.param('iso3') || code !== c.req.param('code')) return c.redirect(path, 301);
    const actor = writer(c, v, { kind: 'ratification', country: iso3 }, path);
    if (actor instanceof Response) return actor;
    const profile = await countryProfile(c, v, iso3);
    if (profile instanceof Response) return profile;
    return ratificationPage(c, v, profile, code, 200);
  });

  app.post(`${base}/countries/:iso3/ratifications/:code/edit`, async (c) => {
    const v = viewOf(c, lang);
    const params = ratificationParams(c);
    if (!params) return errorPage(c, v, 404, null);
    const { iso3, code } = params;
    const actor = writer(c, v, { kind: 'ratification', country: iso3 }, `${base}/countries/${iso3}/ratifications/${code}/edit`);
    if (actor instanceof Response) return actor;
    const profile = await countryProfile(c, v, iso3);
    if (profile instanceof Response) return profile;
    const current = profile.ratifications.find((r) => r.instrument === code);
    if (!current) return errorPage(c, v, 404, v.t.ratificationNotRecorded(code, iso3));
    const values = { ...parseRatificationForm(await readForm(c)), instrument: code };
    try {
      const result = await edits.saveRatification(actor, ratificationInput(values, iso3, code, current.declarations), now());
      return seeOther(c, `${base}/countries/${iso3}?${savedQuery(result, code)}`);
    } catch (e) {
      if (isCode(e, 'invalid'))
        return ratificationPage(c, v, profile, code, 400, { values, errors: ratificationErrors(v, e.issues, values) });
      if (isCode(e, 'conflict')) return ratificationPage(c, v, profile, code, 409, { values, problem: v.t.errorText409 });
      if (isCode(e, 'not_found')) return errorPage(c, v, 404, v.t.ratificationNotRecorded(code, iso3));
      throw e;
    }
  });

  app.post(`${base}/countries/:iso3/ratifications/:code/denounce`, async (c) => {
    const v = viewOf(c, lang);
    const params = ratificationParams(c);
    if (!params) return errorPage(c, v, 404, null);
    const { iso3, code } = params;
    const actor = writer(c, v, { kind: 'ratification', country: iso3 }, `${base}/countries/${iso3}/ratifications/${code}/edit`);
    if (actor instanceof Response) return actor;
    const profile = await countryProfile(c, v, iso3);
    if (profile instanceof Response) return profile;
    const values = parseDenounceForm(await readForm(c));
    try {
      await edits.denounce(actor, { country: iso3, instrument: code, ...values }, now());
      return seeOther(c, `${base}/countries/${iso3}?saved=1`);
    } catch (e) {
      if (isCode(e, 'invalid'))
        return ratificationPage(c, v, profile, code, 400, { denounce: { values, errors: denounceErrors(v, e.issues, values) } });
      if (isCode(e, 'conflict')) return ratificationPage(c, v, profile, code, 409, { problem: v.t.alreadyDenounced });
      if (isCode(e, 'not_found')) return errorPage(c, v, 404, v.t.ratificationNotRecorded(code, iso3));
      throw e;
    }
  });

  // ─── National profile ─────────────────────────────────────────────────────────────────────────

  const profilePage = async (
    c: Context,
    v: View,
    profile: CountryProfile,
    status: ContentfulStatusCode,
    parts: { values?: ReturnType<typeof profileValues>; errors?: FieldError[] } = {},
  ): Promise<Response> => {
    const iso3 = profile.country.iso3;
    const [facts, history] = await Promise.all([
      compliance.countryFacts(iso3),
      historyOf({ recordType: 'national_profile', recordKey: iso3 }, `/history?record=${iso3}`),
    ]);
    const national = facts?.profile ?? null;
    return page(
      c,
      v,
      status,
      renderProfileEdit(v, {
        country: profile.country,
        profile: national,
        values: parts.values ?? profileValues(national),
        errors: parts.errors ?? [],
        history,
      }),
    );
  };

  app.get(`${base}/countries/:iso3/profile/edit`, async (c) => {
    const v = viewOf(c, lang);
    const iso3 = normaliseIso3(c.req.param('iso3') ?? '');
    if (!iso3) return errorPage(c, v, 404, v.t.countryNotFound(c.req.param('iso3') ?? ''));
    const path = `${base}/countries/${iso3}/profile/edit`;
    if (iso3 !== c.req.param('iso3')) return c.redirect(path, 301);
    const actor = writer(c, v, { kind: 'national_profile', country: iso3 }, path);
    if (actor instanceof Response) return actor;
    const profile = await countryProfile(c, v, iso3);
    if (profile instanceof Response) return profile;
    return profilePage(c, v, profile, 200);
  });

  app.post(`${base}/countries/:iso3/profile/edit`, async (c) => {
    const v = viewOf(c, lang);
    const iso3 = normaliseIso3(c.req.param('iso3') ?? '');
    if (!iso3) return errorPage(c, v, 404, v.t.countryNotFound(c.req.param('iso3') ?? ''));
    const actor = writer(c, v, { kind: 'national_profile', country: iso3 }, `${base}/countries/${iso3}/profile/edit`);
    if (actor instanceof Response) return actor;
    const profile = await countryProfile(c, v, iso3);
    if (profile instanceof Response) return profile;
    const values = parseProfileForm(await readForm(c));
    try {
      const result = await edits.updateNationalProfile(actor, profileInput(values, iso3), now());
      return seeOther(c, `${base}/countries/${iso3}?${result.event ? 'saved' : 'unchanged'}=1#national-law-heading`);
    } catch (e) {
      if (isCode(e, 'invalid')) return profilePage(c, v, profile, 400, { values, errors: profileErrors(v, e.issues, values) });
      throw e;
    }
  });

  // ─── Instruments ──────────────────────────────────────────────────────────────────────────────

  const instrumentPage = async (
    c: Context,
    v: View,
    code: string,
    status: ContentfulStatusCode,
    parts: { values?: ReturnType<typeof instrumentValues>; errors?: FieldError[] } = {},
  ): Promise<Response> => {
    let detail: Awaited<ReturnType<RegistryService['getInstrument']>>;
    try {
      detail = await registry.getInstrument(code);
    } catch (e) {
      if (isCode(e, 'not_found')) return errorPage(c, v, 404, v.t.instrumentNotFound(code));
      throw e;
    }
    const history = await historyOf({ recordType: 'instrument', recordKey: code }, `/history?record=${code}`);
    return page(
      c,
      v,
      status,
      renderInstrumentEdit(v, {
        instrument: detail.instrument,
        values: parts.values ?? instrumentValues(detail.instrument),
        errors: parts.errors ?? [],
        history,
      }),
    );
  };

  app.get(`${base}/instruments/:code/edit`, async (c) => {
    const v = viewOf(c, lang);
    const code = normaliseInstrumentCode(c.req.param('code') ?? '');
    if (!code) return errorPage(c, v, 404, v.t.instrumentNotFound(c.req.param('code') ?? ''));
    const path = `${base}/instruments/${code}/edit`;
    if (code !== c.req.param('code')) return c.redirect(path, 301);
    const actor = writer(c, v, { kind: 'instrument' }, path);
    if (actor instanceof Response) return actor;
    return instrumentPage(c, v, code, 200);
  });

  app.post(`${base}/instruments/:code/edit`, async (c) => {
    const v = viewOf(c, lang);
    const code = normaliseInstrumentCode(c.req.param('code') ?? '');
    if (!code) return errorPage(c, v, 404, v.t.instrumentNotFound(c.req.param('code') ?? ''));
    const actor = writer(c, v, { kind: 'instrument' }, `${base}/instruments/${code}/edit`);
    if (actor instanceof Response) return actor;
    const values = parseInstrumentForm(await readForm(c));
    try {
      const result = await edits.updateInstrument(actor, instrumentInput(values, code), now());
      return seeOther(c, `${base}/instruments/${code}?${result.event ? 'saved' : 'unchanged'}=1`);
    } catch (e) {
      if (isCode(e, 'invalid')) return instrumentPage(c, v, code, 400, { values, errors: instrumentErrors(v, e.issues, values) });
      if (isCode(e, 'not_found')) return errorPage(c, v, 404, v.t.instrumentNotFound(code));
      throw e;
    }
  });

  // ─── History ──────────────────────────────────────────────────────────────────────────────────

  app.get(`${base}/history`, async (c) => {
    const v = viewOf(c, lang);
    const query = parseHistoryQuery(v, new URL(c.req.url).searchParams);
    if (query.errors.length) return page(c, v, 400, renderHistory(v, { query, result: null }));
    const result = await edits.history(query.filter, { page: query.page, pageSize: HISTORY_PAGE_SIZE });
    const notice = v.session && c.req.query('saved') === '1' ? v.t.revertDone : null;
    return page(c, v, 200, renderHistory(v, { query, result, notice }));
  });

  app.post(`${base}/history/:id/revert`, async (c) => {
    const v = viewOf(c, lang);
    const raw = c.req.param('id') ?? '';
    const id = /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
    if (!v.session) return toLogin(c, `${base}/history`);
    if (id < 1 || id > 2_147_483_647) return errorPage(c, v, 404, v.t.changeNotFound(raw));
    const event = await edits.getEvent(id);
    if (!event) return errorPage(c, v, 404, v.t.changeNotFound(raw));
    // The right to revert comes before anything in the form is checked.
    const actor = v.session.actor;
    const target = eventTarget(event);
    if (!canWrite(actor, target).allowed) return errorPage(c, v, 403, forbiddenText(v, actor, target));
    const form = await readForm(c);
    const reason = field(form, 'reason').trim();
    const back = safeNext(lang, field(form, 'back')) ?? `${base}/history?record=${encodeURIComponent(event.recordKey)}`;
    const recordHistory = async (status: ContentfulStatusCode, problem: string) => {
      const hv = { ...v, path: '/history', search: `?record=${encodeURIComponent(event.recordKey)}` };
      const query = parseHistoryQuery(hv, new URLSearchParams({ record: event.recordKey }));
      const result = await edits.history(query.filter, { page: 1, pageSize: HISTORY_PAGE_SIZE });
      return page(c, hv, status, renderHistory(hv, { query, result, problem }));
    };
    if (reason.length > MAX_REASON_LENGTH) return recordHistory(400, v.t.editError.tooLong(v.f.number(MAX_REASON_LENGTH)));
    try {
      await edits.revert(actor, id, reason || null, now());
    } catch (e) {
      if (isCode(e, 'conflict')) return recordHistory(409, v.t.revertConflict(String(id)));
      if (isCode(e, 'not_found')) return errorPage(c, v, 404, v.t.changeNotFound(raw));
      throw e;
    }
    return seeOther(c, withParam(back, 'saved', '1'));
  });

  // ─── Gaps ─────────────────────────────────────────────────────────────────────────────────────

  app.get(`${base}/gaps`, async (c) => {
    const v = viewOf(c, lang);
    const countries = await registry.listCountries({});
    const parsed = parseGapsQuery(v, new URL(c.req.url).searchParams, countries);
    if (!parsed.ok) return errorPage(c, v, 400, parsed.message);
    const query = parsed.value;
    const result = await gaps.list(
      { country: query.country || undefined, kind: query.kind || undefined },
      { page: query.page, pageSize: GAPS_PAGE_SIZE },
      v.session?.actor ?? null,
    );
    return page(c, v, 200, renderGaps(v, { query, result, countries }));
  });
}
