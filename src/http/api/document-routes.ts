import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { contentDisposition, servedType } from '../../domain/documents/content.ts';
import { DOCUMENT_KINDS } from '../../domain/documents/document.ts';
import { CONFIDENCES } from '../../domain/facts.ts';
import { normaliseInstrumentCode } from '../../domain/instrument.ts';
import { type DocumentInput, type DocumentService, isUnsupportedMedia } from '../../services/document-service.ts';
import type { Citation } from '../../services/record-change.ts';
import { requireActor } from '../auth.ts';
import { nulRefused } from '../nul.ts';
import { problem, problemResponse } from '../problem.ts';
import { uploadLimit } from '../upload-limit.ts';
import { PageQuerySchema, problemDoc } from './schemas.ts';
import { mayWrite } from './write-access.ts';

/* The documents library (issue 10, decision 196): GET /api/documents[/{id}[/file]], POST (multipart), PUT, DELETE. */

const secretariat = () => ({ kind: 'secretariat_record' as const });
/** Room for the form's other fields and multipart boundaries around the largest accepted file. */
const FORM_OVERHEAD = 1024 * 1024;

const writeProblems = {
  400: problemDoc('Invalid input (checked after the sign-in and the right to write)'),
  401: problemDoc('Not signed in (no valid session or API token)'),
  403: problemDoc('Only the secretariat changes the documents library'),
  404: problemDoc('No such document'),
};

const StoredFileSchema = z.object({
  sha256: z.string(),
  size: z.number().int(),
  mediaType: z.enum(['application/pdf', 'text/html', 'text/plain']),
  fileName: z.string(),
});

const DocumentSchema = z
  .object({
    id: z.string(),
    titleEn: z.string(),
    titleId: z.string().nullable(),
    kind: z.enum(DOCUMENT_KINDS),
    date: z.string().nullable().openapi({ description: 'YYYY, YYYY-MM or YYYY-MM-DD; null: not recorded' }),
    language: z.string().nullable(),
    instruments: z.array(z.string()),
    countries: z.array(z.string()),
    file: StoredFileSchema.nullable().openapi({ description: 'The stored file (GET /api/documents/{id}/file), or null for a link' }),
    url: z.string().nullable(),
    source: z.string(),
    confidence: z.enum(CONFIDENCES),
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    hasText: z.boolean().openapi({ description: 'Text was extracted from the file and is searched' }),
  })
  .openapi('LibraryDocument', { description: 'A document of the library: a stored file (PDF, HTML, plain text) or a link' });

const idParam = z.object({
  id: z
    .string()
    .regex(/^doc-[0-9a-f]{12}$/, 'id must be a document id such as doc-0123456789ab')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'doc-0123456789ab' }),
});

const text = (max: number) => z.string().max(max, `at most ${max} characters`).nullable().optional();
const list = z
  .union([z.string().max(1000), z.array(z.string().max(20)).max(60)])
  .nullable()
  .optional();
const citation = {
  source: z
    .string({ error: 'source is required: cite where this document comes from' })
    .max(500, 'source must be at most 500 characters')
    .openapi({ description: 'Required: where the document comes from (publisher, page, reference)' }),
  reason: z.string().max(2000).nullable().optional(),
};
const fields = {
  titleEn: text(500).openapi({ description: 'Title in English (required on upload)' }),
  titleId: text(500),
  kind: z
    .enum(DOCUMENT_KINDS, { error: `kind must be one of ${DOCUMENT_KINDS.join(', ')}` })
    .nullable()
    .optional(),
  date: text(10).openapi({ description: 'YYYY, YYYY-MM or YYYY-MM-DD; empty: not recorded' }),
  language: text(3),
  instruments: list.openapi({ description: 'Instrument codes: a list, or one text such as "C138, C182"' }),
  countries: list.openapi({ description: 'ISO 3166 alpha-3 codes: a list, or one text such as "IDN, BRA"' }),
  url: text(2000),
  confidence: z
    .enum(CONFIDENCES, { error: `confidence must be one of ${CONFIDENCES.join(', ')}` })
    .nullable()
    .optional(),
  notes: text(4000),
  ...citation,
};

const uploadBody = z.object({
  ...fields,
  // An empty text field (a form sent without a file) is no file.
  file: z.any().optional().openapi({ type: 'string', format: 'binary', description: 'PDF, HTML or plain text, at most 20 MB' }),
});

const json = (schema: z.ZodTypeAny) => ({ content: { 'application/json': { schema } } });
const changeResult = z.object({
  event: z.unknown().openapi({ description: 'The history event (null: nothing changed)' }),
  record: DocumentSchema.nullable(),
  warnings: z.array(z.unknown()),
});

const listDocuments = createRoute({
  method: 'get',
  path: '/documents',
  tags: ['documents'],
  summary: 'Documents of the library, filtered by State, instrument, kind and words of the title or text',
  request: {
    query: z.object({
      country: z
        .string()
        .regex(/^[A-Za-z]{3}$/, 'country must be an ISO 3166 alpha-3 code')
        .optional()
        .openapi({ param: { name: 'country', in: 'query' }, example: 'IDN' }),
      instrument: z
        .string()
        .max(12, 'instrument must be a code such as C138')
        .optional()
        .openapi({ param: { name: 'instrument', in: 'query' }, example: 'C138' }),
      kind: z
        .enum(DOCUMENT_KINDS, { error: `kind must be one of ${DOCUMENT_KINDS.join(', ')}` })
        .optional()
        .openapi({ param: { name: 'kind', in: 'query' } }),
      q: z
        .string()
        .max(200, 'q must be at most 200 characters')
        .optional()
        .openapi({ param: { name: 'q', in: 'query' } }),
      ...PageQuerySchema,
    }),
  },
  responses: {
    200: {
      description: 'A page of documents',
      ...json(z.object({ items: z.array(DocumentSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })),
    },
    400: problemDoc('Invalid filter'),
  },
});

const getDocument = createRoute({
  method: 'get',
  path: '/documents/{id}',
  tags: ['documents'],
  summary: 'One document',
  request: { params: idParam },
  responses: {
    200: { description: 'The document', ...json(DocumentSchema) },
    400: problemDoc('Invalid id'),
    404: problemDoc('No such document'),
  },
});

const getFile = createRoute({
  method: 'get',
  path: '/documents/{id}/file',
  tags: ['documents'],
  summary: 'The stored file, always as a download: a PDF as application/pdf, HTML and text as text/plain (never rendered as HTML)',
  request: { params: idParam },
  responses: {
    200: {
      description: 'The file (Content-Disposition: attachment; X-Content-Type-Options: nosniff; Content-Security-Policy: sandbox)',
      content: {
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
        'text/plain': { schema: z.string() },
      },
    },
    400: problemDoc('Invalid id'),
    404: problemDoc('No such document, or it is a link without a stored file'),
  },
});

const NUL_IN_JSON = /(?<!\\)(?:\\\\)*\\u0000|\0/;

/**
 * The upload takes a multipart form only: anything else is 415 saying so (hono's own 415 speaks of
 * JSON). A JSON body with U+0000 is refused first, as on every write route (src/http/nul.ts).
 */
const multipartOnly: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (/json/i.test(type) && NUL_IN_JSON.test(await c.req.text())) throw nulRefused('body');
  if (!/^multipart\/form-data\s*;\s*boundary=/i.test(type))
    return problemResponse(
      c,
      problem(415, 'Send the document as multipart/form-data: a "file" field (or a "url") with the other fields of the form.', {
        instance: new URL(c.req.url).pathname,
      }),
    );
  await next();
};

const uploadDocument = (limit: MiddlewareHandler) =>
  createRoute({
    method: 'post',
    path: '/documents',
    tags: ['documents'],
    summary: 'Add a document (secretariat): a file checked by its content (PDF, HTML, plain text; at most 20 MB) or a url',
    // The size limit counts the bytes after the right to write and before the form is parsed.
    middleware: [mayWrite(secretariat), limit, multipartOnly] as const,
    request: { body: { required: true, content: { 'multipart/form-data': { schema: uploadBody } } } },
    responses: {
      201: { description: 'Added', ...json(changeResult) },
      ...writeProblems,
      413: problemDoc('The file is larger than the limit (nothing is stored)'),
      415: problemDoc('The file is not a PDF, HTML or plain text, or its name says another type than its content'),
    },
  });

const updateDocument = createRoute({
  method: 'put',
  path: '/documents/{id}',
  tags: ['documents'],
  summary: 'Correct a document’s metadata (secretariat); fields left out keep their value',
  middleware: [mayWrite(secretariat)] as const,
  request: { params: idParam, body: { required: true, ...json(z.object(fields)) } },
  responses: { 200: { description: 'Saved (event null: nothing changed)', ...json(changeResult) }, ...writeProblems },
});

const deleteDocument = createRoute({
  method: 'delete',
  path: '/documents/{id}',
  tags: ['documents'],
  summary: 'Remove a document from the library (secretariat); the history keeps it and a revert restores it',
  middleware: [mayWrite(secretariat)] as const,
  request: { params: idParam, body: { required: true, ...json(z.object(citation)) } },
  responses: { 200: { description: 'Removed', ...json(changeResult) }, ...writeProblems },
});

const code = (raw: string | undefined) => (raw ? (normaliseInstrumentCode(raw) ?? raw.trim().toUpperCase()) : undefined);

/** The refusal of a file's type as 415 (anything else is left to the app's error handler). */
async function refusingMedia<T>(c: Context, run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (error) {
    if (isUnsupportedMedia(error)) {
      const e = error as { message: string; issues: { field: string; message: string }[] };
      return problemResponse(
        c,
        problem(415, `${e.issues[0]?.message ?? e.message}.`, { errors: e.issues, instance: new URL(c.req.url).pathname }),
      );
    }
    throw error;
  }
}

export function addDocumentRoutes(api: OpenAPIHono, documents: DocumentService, now: () => Date): void {
  const limit = uploadLimit(documents.maxBytes + FORM_OVERHEAD, (c) =>
    problemResponse(c, problem(413, `The upload is larger than ${Math.floor(documents.maxBytes / (1024 * 1024))} MB; nothing was stored.`)),
  );

  api.openapi(listDocuments, async (c) => {
    const { country, instrument, kind, q, page, pageSize } = c.req.valid('query');
    return c.json(
      await documents.list({ country: country?.toUpperCase(), instrument: code(instrument), kind, q }, { page, pageSize }),
      200,
    );
  });
  api.openapi(getDocument, async (c) => c.json(await documents.get(c.req.valid('param').id), 200));
  api.openapi(getFile, async (c) => {
    const { document, bytes } = await documents.file(c.req.valid('param').id);
    const file = document.file as NonNullable<typeof document.file>;
    c.header('content-security-policy', "sandbox; default-src 'none'; frame-ancestors 'none'");
    c.header('x-content-type-options', 'nosniff');
    c.header('content-disposition', contentDisposition(file.fileName));
    c.header('content-type', servedType(file.mediaType));
    c.header('cache-control', 'private, max-age=0, must-revalidate');
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200) as never;
  });
  api.openapi(uploadDocument(limit), async (c) => {
    const form = c.req.valid('form') as Record<string, unknown>;
    const raw = form.file;
    const given = raw instanceof File && (raw.size > 0 || raw.name !== '') ? raw : null;
    if (raw !== undefined && raw !== '' && !(raw instanceof File))
      return problemResponse(
        c,
        problem(400, 'file must be a file upload (multipart/form-data), not a text field.', {
          errors: [{ field: 'file', message: 'not a file' }],
        }),
      ) as never;
    if (given && given.size > documents.maxBytes)
      return problemResponse(
        c,
        problem(413, `The file is larger than ${Math.floor(documents.maxBytes / (1024 * 1024))} MB; nothing was stored.`),
      ) as never;
    const file = given ? { name: given.name, bytes: new Uint8Array(await given.arrayBuffer()) } : null;
    const input = form as unknown as DocumentInput;
    const result = await refusingMedia(c, () => documents.upload(requireActor(c), input, file, now()));
    return (result instanceof Response ? result : c.json(result, 201)) as never;
  });
  api.openapi(updateDocument, async (c) =>
    c.json(await documents.update(requireActor(c), c.req.valid('param').id, c.req.valid('json') as DocumentInput, now()), 200),
  );
  api.openapi(deleteDocument, async (c) =>
    c.json(await documents.remove(requireActor(c), c.req.valid('param').id, c.req.valid('json') as Citation, now()), 200),
  );
}
