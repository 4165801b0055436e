import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type Actor, canWrite, type WriteTarget } from '../../domain/access/policy.ts';
import { normaliseIso3 } from '../../domain/country.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import type { RegistryService } from '../../services/registry-service.ts';
import type { SubmissionService } from '../../services/submission-service.ts';
import { renderError } from '../pages/error.ts';
import {
  EMPTY_SUBMISSION_FORM,
  parseSubmissionForm,
  renderSubmissionsCountry,
  SUBMISSION_FIELD_IDS,
  type SubmissionFormValues,
  submissionErrors,
  submissionInput,
} from '../pages/submissions-country.ts';
import {
  EMPTY_TRACKING_FORM,
  renderSubmissionsDashboard,
  TRACKING_FIELD_IDS,
  type TrackingFormValues,
} from '../pages/submissions-dashboard.ts';
import { fieldErrorsFrom } from '../views/edit-fields.ts';
import type { FieldError } from '../views/forms.ts';
import type { View } from '../views/view.ts';
import { rendered, safeNext, seeOther, sendPage, viewOf } from './respond.ts';

export interface SubmissionPortalDeps {
  registry: RegistryService;
  submissions: SubmissionService;
  today: () => string;
  now: () => Date;
}

type Notice = 'saved' | 'unchanged' | null;

function noticeOf(c: Context, v: View): Notice {
  if (!v.session) return null;
  return c.req.query('saved') === '1' ? 'saved' : c.req.query('unchanged') === '1' ? 'unchanged' : null;
}

const text = (form: Record<string, unknown>, name: string): string => (typeof form[name] === 'string' ? (form[name] as string) : '');

/**
 * A State's submissions (/{lang}/countries/{iso3}/submissions, with the no-JS form for its focal point
 * and the secretariat) and the overdue dashboard (/{lang}/submissions, with the secretariat's form
 * opening a session for tracking). Post/Redirect/Get as in the editing forms; the service checks
 * the right to write again.
 */
export function mountSubmissions(app: Hono, lang: Lang, deps: SubmissionPortalDeps): void {
  const { registry, submissions, today, now } = deps;
  const base = `/${lang}`;

  const page = (c: Context, v: View, status: ContentfulStatusCode, body: string): Response => {
    const r = rendered(body, status);
    return sendPage(c, r.body, r.status, v.session !== null);
  };
  const errorPage = (c: Context, v: View, status: ContentfulStatusCode, detail: string | null) =>
    page(c, v, status, renderError(v, { status, detail }));

  const writer = (c: Context, v: View, target: WriteTarget, back: string): Actor | Response => {
    const actor = v.session?.actor;
    if (!actor) {
      const next = safeNext(lang, back);
      return seeOther(c, next ? `${base}/login?next=${encodeURIComponent(next)}` : `${base}/login`);
    }
    const decision = canWrite(actor, target);
    if (!decision.allowed) {
      const text =
        target.kind === 'country_record' && actor.role === 'focal_point'
          ? v.t.forbiddenCountry(actor.countries.join(', ') || '–', target.country)
          : v.t.forbiddenInstrument;
      return errorPage(c, v, 403, text);
    }
    return actor;
  };

  const countryPage = async (
    c: Context,
    v: View,
    iso3: string,
    status: ContentfulStatusCode,
    form: { values?: SubmissionFormValues; errors?: FieldError[] } = {},
  ): Promise<Response> => {
    let country: Awaited<ReturnType<RegistryService['getCountryProfile']>>['country'];
    try {
      country = (await registry.getCountryProfile(iso3)).country;
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') return errorPage(c, v, 404, v.t.countryNotFound(iso3));
      throw e;
    }
    const list = await submissions.listSubmissions({ country: iso3 }, today());
    return page(
      c,
      v,
      status,
      renderSubmissionsCountry(v, {
        country,
        items: list.items,
        trackedSessions: list.trackedSessions,
        values: form.values ?? EMPTY_SUBMISSION_FORM,
        errors: form.errors ?? [],
        notice: noticeOf(c, v),
      }),
    );
  };

  app.get(`${base}/countries/:iso3/submissions`, async (c) => {
    const v = viewOf(c, lang);
    const raw = c.req.param('iso3') ?? '';
    const iso3 = normaliseIso3(raw);
    if (!iso3) return errorPage(c, v, 404, v.t.countryNotFound(raw));
    if (iso3 !== raw) return c.redirect(`${base}/countries/${iso3}/submissions`, 301);
    return countryPage(c, v, iso3, 200);
  });

  app.post(`${base}/countries/:iso3/submissions`, async (c) => {
    const v = viewOf(c, lang);
    const raw = c.req.param('iso3') ?? '';
    const iso3 = normaliseIso3(raw);
    if (!iso3) return errorPage(c, v, 404, v.t.countryNotFound(raw));
    const path = `${base}/countries/${iso3}/submissions`;
    const actor = writer(c, v, { kind: 'country_record', country: iso3 }, path);
    if (actor instanceof Response) return actor;
    const values = parseSubmissionForm((await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>);
    const at = { ...v, path: `/countries/${iso3}/submissions`, search: '' };
    if (!values.instrument)
      return countryPage(c, at, iso3, 400, {
        values,
        errors: [{ id: SUBMISSION_FIELD_IDS.instrument, message: v.t.submissionError.instrumentMissing }],
      });
    try {
      const result = await submissions.markSubmitted(actor, submissionInput(values, iso3), now());
      return seeOther(c, `${path}?${result.event ? 'saved' : 'unchanged'}=1`);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === 'invalid') return countryPage(c, at, iso3, 400, { values, errors: submissionErrors(v, e.issues, values) });
      if (e.code === 'conflict' || e.code === 'not_found') {
        const message = /joined the ILO after/.test(e.message)
          ? v.t.submissionError.notOwed
          : /not open/.test(e.message)
            ? v.t.submissionError.notTracked
            : v.t.submissionError.instrumentMissing;
        return countryPage(c, at, iso3, e.code === 'conflict' ? 409 : 400, {
          values,
          errors: [{ id: SUBMISSION_FIELD_IDS.instrument, message }],
        });
      }
      throw e;
    }
  });

  const dashboard = async (
    c: Context,
    v: View,
    status: ContentfulStatusCode,
    form: { values?: TrackingFormValues; errors?: FieldError[] } = {},
  ): Promise<Response> => {
    const day = today();
    const [byRegion, byCountry, trackedSessions, sessions] = await Promise.all([
      submissions.overdueByRegion(day),
      submissions.overdueByCountry(day),
      submissions.trackedSessions(),
      registry.listIlcSessions(),
    ]);
    const tracked = new Set(trackedSessions.map((s) => s.session));
    return page(
      c,
      v,
      status,
      renderSubmissionsDashboard(v, {
        byRegion,
        byCountry,
        trackedSessions,
        sessions: sessions.filter((s) => !tracked.has(s.number)).sort((a, b) => b.number - a.number),
        values: form.values ?? EMPTY_TRACKING_FORM,
        errors: form.errors ?? [],
        notice: noticeOf(c, v),
      }),
    );
  };

  app.get(`${base}/submissions`, async (c) => dashboard(c, viewOf(c, lang), 200));

  app.post(`${base}/submissions/tracking`, async (c) => {
    const v = viewOf(c, lang);
    const actor = writer(c, v, { kind: 'secretariat_record' }, `${base}/submissions`);
    if (actor instanceof Response) return actor;
    const form = (await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>;
    const values: TrackingFormValues = {
      session: text(form, 'session').trim(),
      source: text(form, 'source'),
      reason: text(form, 'reason'),
    };
    const at = { ...v, path: '/submissions', search: '' };
    const { t } = v;
    if (!/^\d{1,3}$/.test(values.session))
      return dashboard(c, at, 400, {
        values,
        errors: [{ id: TRACKING_FIELD_IDS.session, message: t.submissionTrackingError.sessionMissing }],
      });
    try {
      const result = await submissions.setTracking(
        actor,
        { session: Number(values.session), source: values.source, reason: values.reason },
        now(),
      );
      return seeOther(c, `${base}/submissions?${result.event ? 'saved' : 'unchanged'}=1`);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === 'invalid' || e.code === 'not_found') {
        const issues = e.code === 'invalid' ? e.issues : [{ field: 'session', message: e.message }];
        const errors = fieldErrorsFrom(
          issues,
          TRACKING_FIELD_IDS,
          (field) =>
            field === 'source'
              ? values.source.trim()
                ? t.editError.tooLong(v.f.number(500))
                : t.editError.sourceMissing
              : field === 'reason'
                ? t.editError.tooLong(v.f.number(2000))
                : t.submissionTrackingError.sessionMissing,
          TRACKING_FIELD_IDS.source,
        );
        return dashboard(c, at, 400, { values, errors });
      }
      throw e;
    }
  });
}
