import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { invalid } from '../../domain/errors.ts';
import type { CaseImportService } from '../../services/cases/case-import.ts';
import { requireActor } from '../auth.ts';
import { problem, problemResponse } from '../problem.ts';
import { ProblemSchema } from './schemas.ts';

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/** The largest upload accepted (bytes as sent, gzip or plain): some million screened rows. */
export const MAX_CASE_IMPORT_BYTES = 1 << 30;

const BadRowSchema = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
export const CaseImportResultSchema = z
  .object({
    unitId: z.number().int(),
    rows: z.number().int(),
    created: z.number().int(),
    alreadyPresent: z.number().int(),
    skipped: z.number().int(),
    skippedBy: z.record(z.string(), z.number().int()),
    badRows: z.array(BadRowSchema),
    badRowCount: z.number().int(),
    caseNumbers: z.object({ first: z.number().int(), last: z.number().int() }).nullable(),
    identifyingDataStored: z.number().int(),
    identifyingData: z.string(),
  })
  .openapi('CaseImportResult');

const TYPES = new Set(['text/csv', 'application/gzip', 'application/x-gzip']);

function flag(value: string | undefined, field: string): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw invalid(`${field} must be true or false`, [{ field, message: 'must be true or false' }]);
}

/**
 * POST /api/units/{id}/cases/import (issue 11; decisions 220, 221): the screener's CSV (or gzip)
 * becomes the unit's cases in one transaction. Who asks is checked before a byte of the body is
 * read: anonymous 401 (app middleware), another unit 404, a role without openCase 403. The body is
 * then written to an owner-only temporary file (capped) and imported from there, so a slow upload
 * never holds the database's write lock; the file is removed whatever happens.
 */
export function addCaseImportRoute(api: OpenAPIHono, caseImport: CaseImportService, today: () => string): void {
  api.openAPIRegistry.registerPath({
    method: 'post',
    path: '/units/{id}/cases/import',
    tags: ['cases'],
    summary: "Import a screening result (tripartite screen --out) into the unit's cases",
    description:
      'Rows whose verdict is worst_form or prohibited (and conditional with includeConditional=true) of children under 18 become identified cases, keyed by unit and worker_id: the same file imported twice creates no duplicate. ' +
      'Bad rows are listed by line and field and the others imported; the whole import is one transaction. ' +
      'Names and birth dates are stored (sealed) only with consentRecorded=true and per-row consent columns (consent_by, consent_relation parent|guardian, consent_on), as UU 27/2022 Pasal 25(2) requires for children.',
    request: {
      params: z.object({ id: z.string().openapi({ example: '1' }) }),
      query: z.object({
        includeConditional: z.enum(['true', 'false']).optional(),
        consentRecorded: z.enum(['true', 'false']).optional(),
        on: z.string().optional().openapi({ description: 'Identification day, YYYY-MM-DD (default today); ages are counted on it' }),
      }),
      body: { required: true, content: { 'text/csv': { schema: z.string() }, 'application/gzip': { schema: z.string() } } },
    },
    responses: {
      200: { description: 'What was imported', content: { 'application/json': { schema: CaseImportResultSchema } } },
      400: { description: 'The file cannot be imported (a required column missing, unreadable), or a bad query', content: problemContent },
      401: { description: 'Not signed in', content: problemContent },
      403: { description: 'Your role in the unit does not open cases', content: problemContent },
      404: { description: 'No such unit that you can see', content: problemContent },
      413: { description: 'The upload is too large', content: problemContent },
      415: { description: 'The body is neither text/csv nor application/gzip', content: problemContent },
    },
  });

  // Any method on the import's path: who asks before anything else (a GET is 401 too, not 404).
  api.use('/units/:id/cases/import', async (c, next) => {
    requireActor(c);
    await next();
  });

  api.post('/units/:id/cases/import', async (c) => {
    const actor = requireActor(c);
    const unitId = /^\d{1,9}$/.test(c.req.param('id')) ? Number(c.req.param('id')) : -1;
    await caseImport.authorise({ actor }, unitId);
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!TYPES.has(type)) return problemResponse(c, problem(415, 'Send the screening file as text/csv or application/gzip.'));
    const includeConditional = flag(c.req.query('includeConditional'), 'includeConditional');
    const consentRecorded = flag(c.req.query('consentRecorded'), 'consentRecorded');
    const on = c.req.query('on') ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on))
      throw invalid('on must be a date YYYY-MM-DD', [{ field: 'on', message: 'must be a date YYYY-MM-DD' }]);
    const body = c.req.raw.body;
    if (!body) throw invalid('The request has no body: send the screening CSV.');

    const dir = await mkdtemp(join(tmpdir(), 'tripartite-case-import-'));
    try {
      const file = join(dir, 'upload');
      const spooled = await spool(body, file);
      if (!spooled) return problemResponse(c, problem(413, `The upload is larger than ${MAX_CASE_IMPORT_BYTES / (1 << 20)} MiB.`));
      const input = createReadStream(file, { highWaterMark: 1 << 20 });
      try {
        const result = await caseImport.importScreening({ actor }, unitId, input, { on, includeConditional, consentRecorded });
        return c.json(result, 200);
      } finally {
        input.destroy();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

/** Writes the body to `file` (owner-only); false when it passes the cap (the rest is not read). */
async function spool(body: ReadableStream<Uint8Array>, file: string): Promise<boolean> {
  const out = createWriteStream(file, { mode: 0o600 });
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  let size = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_CASE_IMPORT_BYTES) {
        await reader.cancel();
        return false;
      }
      if (!out.write(value)) await once(out, 'drain');
    }
    return true;
  } finally {
    out.end();
    await closed;
  }
}
