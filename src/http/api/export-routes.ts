import { Readable } from 'node:stream';
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { loadTable, openDataZip, release, tableCsv, tableJson } from '../../services/open-data/export.ts';
import { type OpenDataSources, TABLE_NAMES } from '../../services/open-data/tables.ts';
import { problem, problemResponse } from '../problem.ts';
import { problemDoc } from './schemas.ts';

/*
 * Open data (issue 10, decision 185): GET /api/export.zip (every public table as CSV and JSON, the data
 * dictionary and sources.json, streamed) and GET /api/export/{table}.csv|json (one table). Hono cannot
 * read a parameter followed by a suffix, so the per-table route is documented with registerPath and
 * matched with one regular-expression parameter, like the map (decision 162).
 */

const FILE = /^([a-z-]+)\.(csv|json)$/;

export function addExportRoutes(api: OpenAPIHono, sources: OpenDataSources): void {
  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/export.zip',
    tags: ['open data'],
    summary: 'Every public table as CSV and JSON, with a data dictionary and the sources, as one ZIP',
    description:
      'Named tripartite-open-data-<data version>-<release date>.zip; its one folder holds <table>.csv, <table>.json, data-dictionary.md, data-dictionary.json and sources.json.',
    responses: {
      200: { description: 'The ZIP (streamed)', content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } } },
    },
  });
  api.openAPIRegistry.registerPath({
    method: 'get',
    path: '/export/{table}.{format}',
    tags: ['open data'],
    summary: 'One public table as spreadsheet-safe CSV or as JSON (the same records as in the ZIP)',
    request: {
      params: z.object({
        table: z.enum(TABLE_NAMES).openapi({ param: { name: 'table', in: 'path' }, example: 'ratifications' }),
        format: z.enum(['csv', 'json']).openapi({ param: { name: 'format', in: 'path' }, example: 'csv' }),
      }),
    },
    responses: {
      200: {
        description: 'The table',
        content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.array(z.record(z.string(), z.unknown())) } },
      },
      400: problemDoc('Invalid file name'),
      404: problemDoc('No such table'),
    },
  });

  api.get('/export.zip', async (c) => {
    const { release: rel, stream } = await openDataZip(sources);
    return c.body(Readable.toWeb(stream) as ReadableStream, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${rel.label}.zip"`,
    });
  });

  api.get('/export/:file{[^/]+}', async (c) => {
    const m = FILE.exec(c.req.param('file'));
    if (!m?.[1] || !m[2])
      return problemResponse(c, problem(400, `table must be one of ${TABLE_NAMES.join(', ')}, followed by .csv or .json`));
    const [, name, format] = m;
    const table = await loadTable(sources, name);
    if (!table) return problemResponse(c, problem(404, `No open-data table "${name}"; the tables are ${TABLE_NAMES.join(', ')}`));
    const rel = await release(sources);
    const filename = `${rel.label}-${name}.${format}`;
    if (format === 'json') {
      return c.body(tableJson(table), 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `inline; filename="${filename}"`,
      });
    }
    return c.body(tableCsv(table), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
    });
  });
}
