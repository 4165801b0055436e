import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canWrite } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import type { SupervisionService } from '../../services/supervision-service.ts';
import { renderError } from '../pages/error.ts';
import {
  COMMENT_FIELDS,
  commentInput,
  commentValues,
  type FormValues,
  issueErrors,
  numberErrors,
  PROCEDURE_FIELDS,
  procedureInput,
  procedureValues,
  readValues,
  renderSupervisionForm,
} from '../pages/supervision-edit.ts';
import type { FieldError } from '../views/forms.ts';
import type { View } from '../views/view.ts';
import { safeNext, seeOther, sendPage, viewOf } from './respond.ts';

const utf8 = new TextEncoder();

/**
 * The secretariat's no-JS forms: /{lang}/supervision/comments/new, …/comments/{id}/edit,
 * …/procedures/new, …/procedures/{id}/edit. A POST carries the session's CSRF token (checked for
 * every form by csrfProtection in src/http/auth.ts); the service checks the role again.
 */
export function mountSupervisionForms(app: Hono, lang: Lang, deps: { supervision: SupervisionService; now: () => Date }): void {
  const { supervision, now } = deps;
  const base = `/${lang}/supervision`;
  const send = (c: Context, v: View, status: ContentfulStatusCode, body: string) =>
    sendPage(c, utf8.encode(body), status, v.session !== null);
  const errorPage = (c: Context, v: View, status: ContentfulStatusCode, detail: string | null) =>
    send(c, v, status, renderError(v, { status, detail }));

  /** Anonymous: to the sign-in page and back; signed in without the right: 403. */
  const guard = (c: Context, v: View, back: string): Response | null => {
    const actor = v.session?.actor;
    if (!actor) {
      const next = safeNext(lang, back);
      return seeOther(c, next ? `/${lang}/login?next=${encodeURIComponent(next)}` : `/${lang}/login`);
    }
    const decision = canWrite(actor, { kind: 'secretariat_record' });
    return decision.allowed ? null : errorPage(c, v, 403, decision.reason);
  };

  const form = async (c: Context) => (await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>;

  const handle = (kind: 'comments' | 'procedures', mode: 'new' | 'edit') => {
    const fields = kind === 'comments' ? COMMENT_FIELDS : PROCEDURE_FIELDS;
    const pathOf = (id: string | null) => (id === null ? `${base}/${kind}/new` : `${base}/${kind}/${encodeURIComponent(id)}/edit`);
    const title = (v: View, id: string | null) =>
      kind === 'comments'
        ? id === null
          ? v.t.newCommentTitle
          : v.t.editCommentTitle(id)
        : id === null
          ? v.t.newProcedureTitle
          : v.t.editProcedureTitle(id);
    const render = (c: Context, v: View, id: string | null, values: FormValues, errors: FieldError[], status: ContentfulStatusCode) =>
      send(c, v, status, renderSupervisionForm(v, { title: title(v, id), action: pathOf(id), fields, values, errors, isNew: id === null }));
    const current = async (id: string) =>
      kind === 'comments' ? commentValues(await supervision.getComment(id)) : procedureValues(await supervision.getProcedure(id));
    const notFound = (v: View, id: string) => (kind === 'comments' ? v.t.commentNotFound(id) : v.t.procedureNotFound(id));

    const get = async (c: Context) => {
      const v = viewOf(c, lang);
      const id = mode === 'edit' ? (c.req.param('id') ?? '') : null;
      const refused = guard(c, v, pathOf(id));
      if (refused) return refused;
      try {
        const values = id === null ? (kind === 'comments' ? commentValues(null) : procedureValues(null)) : await current(id);
        return render(c, v, id, values, [], 200);
      } catch (e) {
        if (e instanceof DomainError && e.code === 'not_found') return errorPage(c, v, 404, notFound(v, id ?? ''));
        throw e;
      }
    };

    const post = async (c: Context) => {
      const v = viewOf(c, lang);
      const id = mode === 'edit' ? (c.req.param('id') ?? '') : null;
      const refused = guard(c, v, pathOf(id));
      if (refused) return refused;
      const values = readValues(await form(c), fields);
      const numbers = numberErrors(v, values);
      if (numbers.length) return render(c, v, id, values, numbers, 400);
      const actor = v.session?.actor ?? null;
      try {
        const result =
          kind === 'comments'
            ? id === null
              ? await supervision.addComment(actor, commentInput(values), now())
              : await supervision.updateComment(actor, id, commentInput(values), now())
            : id === null
              ? await supervision.addProcedure(actor, procedureInput(values, true), now())
              : await supervision.updateProcedure(actor, id, procedureInput(values, false), now());
        const recordId = (result.record as { id: string } | null)?.id ?? id ?? '';
        return seeOther(c, `${base}/${kind}/${encodeURIComponent(recordId)}`);
      } catch (e) {
        if (e instanceof DomainError && e.code === 'invalid') return render(c, v, id, values, issueErrors(e.issues, fields), 400);
        if (e instanceof DomainError && e.code === 'conflict')
          return render(c, v, id, values, [{ id: 'sf-normlexId', message: e.message }], 409);
        if (e instanceof DomainError && e.code === 'not_found') return errorPage(c, v, 404, notFound(v, id ?? ''));
        throw e;
      }
    };
    return { get, post };
  };

  for (const kind of ['comments', 'procedures'] as const) {
    const create = handle(kind, 'new');
    app.get(`${base}/${kind}/new`, create.get);
    app.post(`${base}/${kind}/new`, create.post);
    const edit = handle(kind, 'edit');
    app.get(`${base}/${kind}/:id/edit`, edit.get);
    app.post(`${base}/${kind}/:id/edit`, edit.post);
  }
}
