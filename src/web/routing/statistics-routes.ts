import type { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import { normaliseInstrumentCode } from '../../domain/instrument.ts';
import type { StatisticsService } from '../../services/statistics-service.ts';
import { renderStatistics, STATS_INSTRUMENT_FIELD, type StatisticsPageData } from '../pages/statistics.ts';
import { rendered, sendPage, viewOf } from './respond.ts';

/** The instrument shown when none is chosen: the Minimum Age Convention. */
const DEFAULT_INSTRUMENT = 'C138';

/**
 * GET /{lang}/statistics[?instrument=C182]. A malformed code is a 400 page and an unknown one a
 * 404 page, each with the form's error on the field; the estimates show either way.
 */
export function mountStatistics(app: Hono, lang: Lang, statistics: StatisticsService): void {
  app.get(`/${lang}/statistics`, async (c) => {
    const v = viewOf(c, lang);
    const typed = (c.req.query('instrument') ?? DEFAULT_INSTRUMENT).trim().slice(0, 20);
    const data: StatisticsPageData = {
      childLabour: await statistics.childLabour(),
      instrument: typed,
      byYear: null,
      byRegion: null,
      error: null,
    };
    let status: ContentfulStatusCode = 200;
    const code = /^[CPRcpr]\d{1,3}$/.test(typed) ? normaliseInstrumentCode(typed) : null;
    if (!code) {
      status = 400;
      data.error = { id: STATS_INSTRUMENT_FIELD, message: v.t.statsInstrumentInvalid };
    } else {
      try {
        [data.byYear, data.byRegion] = await Promise.all([
          statistics.ratifications(code, 'year'),
          statistics.ratifications(code, 'region'),
        ]);
        data.instrument = code;
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'not_found') throw e;
        status = 404;
        data.error = { id: STATS_INSTRUMENT_FIELD, message: v.t.statsInstrumentUnknown(code) };
      }
    }
    const r = rendered(renderStatistics(v, data), status);
    return sendPage(c, r.body, r.status, v.session !== null);
  });
}
