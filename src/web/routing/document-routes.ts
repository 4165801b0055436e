import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canWrite } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import { uploadLimit } from '../../http/upload-limit.ts';
import { type DocumentService, isDocumentId } from '../../services/document-service.ts';
import type { RegistryService } from '../../services/registry-service.ts';
import {
  emptyUploadValues,
  readUploadValues,
  renderUploadForm,
  type UploadValues,
  uploadErrors,
  uploadFieldId,
  uploadInput,
} from '../pages/document-upload.ts';
import { DOCUMENTS_PAGE_SIZE, parseDocumentListQuery, renderDocument, renderDocumentList } from '../pages/documents.ts';
import { renderError } from '../pages/error.ts';
import type { FieldError } from '../views/forms.ts';
import type { CountryNames } from '../views/organs.ts';
import type { View } from '../views/view.ts';
import { rendered, safeNext, seeOther, sendPage, viewOf } from './respond.ts';

export interface DocumentsPortalDeps {
  documents: DocumentService;
  registry: RegistryService;
  now: () => Date;
}

/**
 * /{lang}/documents (filters, paginated), /{lang}/documents/{id}, and the secretariat's upload form
 * /{lang}/documents/new (multipart; the CSRF token is checked for every form by csrfProtection,
 * and the service checks the role again). Uncached reads (decision 196).
 */
export function mountDocuments(app: Hono, lang: Lang, deps: DocumentsPortalDeps): void {
  const { documents } = deps;
  const base = `/${lang}/documents`;
  const send = (c: Context, v: View, status: ContentfulStatusCode, body: string): Response => {
    const r = rendered(body, status);
    return sendPage(c, r.body, r.status, v.session !== null);
  };
  const errorPage = (c: Context, v: View, status: ContentfulStatusCode, detail: string | null) =>
    send(c, v, status, renderError(v, { status, detail }));
  const names = async (): Promise<CountryNames> => new Map((await deps.registry.listCountries({})).map((x) => [x.iso3, x]));
  const mayAdd = (v: View) => canWrite(v.session?.actor ?? null, { kind: 'secretariat_record' }).allowed;

  /** Anonymous: to the sign-in page and back; signed in without the right: 403. */
  const guard = (c: Context, v: View): Response | null => {
    const actor = v.session?.actor;
    if (!actor) {
      const next = safeNext(lang, `${base}/new`);
      return seeOther(c, next ? `/${lang}/login?next=${encodeURIComponent(next)}` : `/${lang}/login`);
    }
    const decision = canWrite(actor, { kind: 'secretariat_record' });
    return decision.allowed ? null : errorPage(c, v, 403, decision.reason);
  };
  const form = (c: Context, v: View, values: UploadValues, errors: FieldError[], status: ContentfulStatusCode) =>
    send(c, v, status, renderUploadForm(v, values, errors));
  const tooLarge = (v: View): FieldError => ({
    id: uploadFieldId('file'),
    message: v.t.documentTooLarge(v.f.number(Math.floor(documents.maxBytes / (1024 * 1024)))),
  });

  app.get(base, async (c) => {
    const v = viewOf(c, lang);
    const parsed = parseDocumentListQuery(v, new URL(c.req.url).searchParams);
    if (!parsed.ok) return errorPage(c, v, 400, parsed.message);
    const { filter, page } = parsed.value;
    const [result, countries] = await Promise.all([documents.list(filter, { page, pageSize: DOCUMENTS_PAGE_SIZE }), names()]);
    return send(c, v, 200, renderDocumentList(v, parsed.value, result, countries, mayAdd(v)));
  });

  app.get(`${base}/new`, (c) => {
    const v = viewOf(c, lang);
    return guard(c, v) ?? form(c, v, emptyUploadValues(), [], 200);
  });

  app.post(
    `${base}/new`,
    async (c, next) => guard(c, viewOf(c, lang)) ?? next(),
    uploadLimit(documents.maxBytes + 1024 * 1024, (c) => {
      const v = viewOf(c, lang);
      return form(c, v, emptyUploadValues(), [tooLarge(v)], 413);
    }),
    async (c) => {
      const v = viewOf(c, lang);
      const body = (await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>;
      const values = readUploadValues(body);
      const raw = body.file;
      const given = raw instanceof File && (raw.size > 0 || raw.name !== '') ? raw : null;
      if (given && given.size > documents.maxBytes) return form(c, v, values, [tooLarge(v)], 413);
      try {
        const file = given ? { name: given.name, bytes: new Uint8Array(await given.arrayBuffer()) } : null;
        const result = await documents.upload(v.session?.actor ?? null, uploadInput(values), file, deps.now());
        return seeOther(c, `${base}/${result.record?.id ?? ''}`);
      } catch (e) {
        if (e instanceof DomainError && e.code === 'invalid') return form(c, v, values, uploadErrors(e.issues), 400);
        if (e instanceof DomainError && e.code === 'too_large') return form(c, v, values, [tooLarge(v)], 413);
        throw e;
      }
    },
  );

  app.get(`${base}/:id`, async (c) => {
    const v = viewOf(c, lang);
    const id = c.req.param('id') ?? '';
    const missing = () => errorPage(c, v, 404, v.t.documentNotFound(id.slice(0, 60)));
    if (!isDocumentId(id)) return missing();
    try {
      const [document, countries] = await Promise.all([documents.get(id), names()]);
      return send(c, v, 200, renderDocument(v, document, countries));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found') return missing();
      throw e;
    }
  });
}
