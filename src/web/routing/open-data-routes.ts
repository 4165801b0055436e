import type { Hono } from 'hono';
import type { Lang } from '../../domain/facts.ts';
import { release } from '../../services/open-data/export.ts';
import { type OpenDataSources, openDataTables } from '../../services/open-data/tables.ts';
import { renderOpenData } from '../pages/open-data.ts';
import { rendered, sendPage, viewOf } from './respond.ts';

/** GET /{lang}/data: links to GET /api/export.zip and each table's CSV and JSON (decision 185). */
export function mountOpenData(app: Hono, lang: Lang, sources: OpenDataSources): void {
  app.get(`/${lang}/data`, async (c) => {
    const v = viewOf(c, lang);
    const rel = await release(sources);
    const tables = openDataTables(sources).map((t) => ({ name: t.name, description: t.description }));
    const r = rendered(renderOpenData(v, { version: rel.dataVersion.slice(0, 8), releaseDate: rel.releaseDate, tables }));
    return sendPage(c, r.body, r.status, v.session !== null);
  });
}
