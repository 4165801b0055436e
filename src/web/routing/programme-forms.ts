import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canWrite } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import type { OrgansService } from '../../services/organs-service.ts';
import type { ProgrammeService } from '../../services/programme-service.ts';
import { renderError } from '../pages/error.ts';
import { officeInput, officeIssueErrors, officeValues, readOfficeForm, renderOfficeForm } from '../pages/office-edit.ts';
import {
  type ProgrammeFormValues,
  programmeFieldId,
  programmeInput,
  programmeIssueErrors,
  programmeNumberErrors,
  programmeValues,
  readProgrammeForm,
  renderProgrammeForm,
} from '../pages/programme-edit.ts';
import type { FieldError } from '../views/forms.ts';
import type { View } from '../views/view.ts';
import { safeNext, seeOther, sendPage, viewOf } from './respond.ts';

const utf8 = new TextEncoder();
const ID = /^[a-z0-9-]{1,120}$/;

export interface ProgrammeFormDeps {
  programmes: ProgrammeService;
  organs?: OrgansService;
  today: () => string;
  now: () => Date;
}

/**
 * The secretariat's no-JS forms (decisions 200, 201): /{lang}/programmes/new,
 * /{lang}/programmes/{id}/edit and /{lang}/office/{id}/edit. A POST carries the session's CSRF
 * token (csrfProtection in src/http/auth.ts checks every form); the service checks the role again.
 * Mounted before /{lang}/programmes/{id}, so "new" is never read as an id.
 */
export function mountProgrammeForms(app: Hono, lang: Lang, deps: ProgrammeFormDeps): void {
  const { programmes, organs, now } = deps;
  const base = `/${lang}`;
  const send = (c: Context, v: View, status: ContentfulStatusCode, body: string) =>
    sendPage(c, utf8.encode(body), status, v.session !== null);
  const errorPage = (c: Context, v: View, status: ContentfulStatusCode, detail: string | null) =>
    send(c, v, status, renderError(v, { status, detail }));
  const form = async (c: Context) => (await c.req.parseBody({ all: true }).catch(() => ({}))) as Record<string, unknown>;

  /** Anonymous: to the sign-in page and back; signed in without the right: 403. */
  const guard = (c: Context, v: View, back: string): Response | null => {
    const actor = v.session?.actor;
    if (!actor) {
      const next = safeNext(lang, back);
      return seeOther(c, next ? `${base}/login?next=${encodeURIComponent(next)}` : `${base}/login`);
    }
    return canWrite(actor, { kind: 'secretariat_record' }).allowed ? null : errorPage(c, v, 403, v.t.programmeFormForbidden);
  };

  const programmePath = (id: string | null) => (id === null ? `${base}/programmes/new` : `${base}/programmes/${id}/edit`);
  const renderProgramme = (
    c: Context,
    v: View,
    id: string | null,
    name: string,
    values: ProgrammeFormValues,
    errors: FieldError[],
    status: ContentfulStatusCode,
  ) =>
    send(
      c,
      v,
      status,
      renderProgrammeForm(v, {
        title: id === null ? v.t.programmeNewTitle : v.t.programmeEditTitle(name),
        action: programmePath(id),
        values,
        errors,
        isNew: id === null,
        back: id === null ? `${base}/programmes` : `${base}/programmes/${id}`,
      }),
    );
  /** The stored programme as the form shows it; null when there is none. */
  const stored = async (id: string) => {
    try {
      const p = await programmes.get(id, deps.today());
      return { name: p.nameEn, values: programmeValues(p) };
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') return null;
      throw e;
    }
  };

  const programmeGet = (mode: 'new' | 'edit') => async (c: Context) => {
    const v = viewOf(c, lang);
    const id = mode === 'edit' ? (c.req.param('id') ?? '') : null;
    if (id !== null && !ID.test(id)) return errorPage(c, v, 404, v.t.programmeFormNotFound(id.slice(0, 80)));
    const refused = guard(c, v, programmePath(id));
    if (refused) return refused;
    if (id === null) return renderProgramme(c, v, null, '', programmeValues(null), [], 200);
    const current = await stored(id);
    if (!current) return errorPage(c, v, 404, v.t.programmeFormNotFound(id));
    return renderProgramme(c, v, id, current.name, current.values, [], 200);
  };

  const programmePost = (mode: 'new' | 'edit') => async (c: Context) => {
    const v = viewOf(c, lang);
    const id = mode === 'edit' ? (c.req.param('id') ?? '') : null;
    if (id !== null && !ID.test(id)) return errorPage(c, v, 404, v.t.programmeFormNotFound(id.slice(0, 80)));
    const refused = guard(c, v, programmePath(id));
    if (refused) return refused;
    const current = id === null ? null : await stored(id);
    if (id !== null && !current) return errorPage(c, v, 404, v.t.programmeFormNotFound(id));
    const values = readProgrammeForm(await form(c));
    const name = current?.name ?? '';
    const numbers = programmeNumberErrors(v, values);
    if (numbers.length) return renderProgramme(c, v, id, name, values, numbers, 400);
    const actor = v.session?.actor ?? null;
    try {
      const input = programmeInput(values, current?.values ?? null);
      const result = id === null ? await programmes.create(actor, input, now()) : await programmes.update(actor, id, input, now());
      const saved = result.record?.id ?? id ?? '';
      return seeOther(c, `${base}/programmes/${encodeURIComponent(saved)}?${result.event ? 'saved' : 'unchanged'}=1`);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'invalid')
        return renderProgramme(c, v, id, name, values, programmeIssueErrors(e.issues ?? []), 400);
      if (e instanceof DomainError && e.code === 'conflict')
        return renderProgramme(
          c,
          v,
          id,
          name,
          values,
          [{ id: programmeFieldId('id'), message: v.t.programmeFormTaken(values.id.trim()) }],
          409,
        );
      if (e instanceof DomainError && e.code === 'not_found') return errorPage(c, v, 404, v.t.programmeFormNotFound(id ?? ''));
      throw e;
    }
  };

  app.get(`${base}/programmes/new`, programmeGet('new'));
  app.post(`${base}/programmes/new`, programmePost('new'));
  app.get(`${base}/programmes/:id/edit`, programmeGet('edit'));
  app.post(`${base}/programmes/:id/edit`, programmePost('edit'));

  if (!organs) return;
  const office = async (id: string) => (await organs.office()).offices.find((o) => o.id === id) ?? null;
  const officePath = (id: string) => `${base}/office/${id}/edit`;

  app.get(`${base}/office/:id/edit`, async (c) => {
    const v = viewOf(c, lang);
    const id = c.req.param('id') ?? '';
    if (!ID.test(id)) return errorPage(c, v, 404, v.t.officeFormNotFound(id.slice(0, 80)));
    const refused = guard(c, v, officePath(id));
    if (refused) return refused;
    const o = await office(id);
    if (!o) return errorPage(c, v, 404, v.t.officeFormNotFound(id));
    return send(c, v, 200, renderOfficeForm(v, { office: o, action: officePath(id), values: officeValues(o), errors: [] }));
  });

  app.post(`${base}/office/:id/edit`, async (c) => {
    const v = viewOf(c, lang);
    const id = c.req.param('id') ?? '';
    if (!ID.test(id)) return errorPage(c, v, 404, v.t.officeFormNotFound(id.slice(0, 80)));
    const refused = guard(c, v, officePath(id));
    if (refused) return refused;
    const o = await office(id);
    if (!o) return errorPage(c, v, 404, v.t.officeFormNotFound(id));
    const values = readOfficeForm(await form(c));
    try {
      await organs.updateOffice(v.session?.actor ?? null, id, officeInput(values, officeValues(o)), now());
      return seeOther(c, `${base}/office#office-${id}`);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'invalid')
        return send(
          c,
          v,
          400,
          renderOfficeForm(v, { office: o, action: officePath(id), values, errors: officeIssueErrors(e.issues ?? []) }),
        );
      throw e;
    }
  });
}
