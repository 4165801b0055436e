import { DomainError } from '../../domain/errors.ts';
import { RATIFICATION_GROUPINGS } from '../../domain/statistics/ratifications.ts';
import { childLabourCsv, ratificationStatisticsCsv } from '../../http/api/statistics-csv.ts';
import { boolFlag, type CommandSpec, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { failure } from '../errors.ts';
import { table } from '../format.ts';
import { instrumentCode, oneOf } from '../validate.ts';

/* Statistics, from the same service as GET /api/statistics/child-labour and /api/statistics/ratifications. */

const UNKNOWN = 'unknown';
const NAME = 'statistics';

export const statisticsCommand: CommandSpec = {
  name: NAME,
  brief: 'Child-labour estimates, or an instrument’s ratifications by year or region',
  summary:
    'Without --instrument: the global estimates of children in child labour and in hazardous work by year, with sources (like GET /api/statistics/child-labour). With --instrument: its recorded ratifications by year of registration or by ILO region (like GET /api/statistics/ratifications); a missing date or region is counted as unknown.',
  positionals: [],
  flags: {
    instrument: { type: 'string', value: 'CODE', description: 'count this instrument’s ratifications, e.g. C138' },
    by: { type: 'string', value: 'year|region', description: 'grouping of the ratifications (default year)' },
    json: { type: 'boolean', description: 'print the API document as JSON' },
    csv: { type: 'boolean', description: 'print the API’s CSV' },
  },
  examples: ['tripartite statistics', 'tripartite statistics --csv', 'tripartite statistics --instrument C182 --by region --json'],
  async run(args, io) {
    const raw = stringFlag(args, 'instrument');
    const code = raw === undefined ? undefined : instrumentCode(raw, NAME, '--instrument');
    const by = oneOf(stringFlag(args, 'by'), RATIFICATION_GROUPINGS, NAME, '--by') ?? 'year';
    const json = boolFlag(args, 'json');
    const csv = boolFlag(args, 'csv');
    if (code === undefined) {
      const data = await withServices(io, ({ statistics }) => statistics.childLabour());
      if (json) io.stdout(`${JSON.stringify(data, null, 2)}\n`);
      else if (csv) io.stdout(childLabourCsv(data));
      else
        io.stdout(
          table(
            ['Year', 'Ages', 'Child labour', 'Hazardous work', 'Confidence', 'Source'],
            data.estimates.map((e) => [
              String(e.year),
              e.ageGroup,
              e.childLabour === null ? UNKNOWN : e.childLabour.toLocaleString('en'),
              e.hazardousWork === null ? UNKNOWN : e.hazardousWork.toLocaleString('en'),
              e.confidence ?? UNKNOWN,
              e.source ?? UNKNOWN,
            ]),
          ),
        );
      return 0;
    }
    const data = await withServices(io, async ({ statistics }) => {
      try {
        return await statistics.ratifications(code, by);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not_found') throw failure(error.message);
        throw error;
      }
    });
    if (json) io.stdout(`${JSON.stringify(data, null, 2)}\n`);
    else if (csv) io.stdout(ratificationStatisticsCsv(data));
    else {
      io.stdout(`${data.instrument.code}: ${data.total} ratification(s) recorded in this registry\n\n`);
      io.stdout(
        data.by === 'year'
          ? table(
              ['Year', 'Ratifications', 'Cumulative'],
              data.rows.map((r) => [
                r.year === null ? 'year unknown' : String(r.year),
                String(r.count),
                r.cumulative === null ? '' : String(r.cumulative),
              ]),
            )
          : table(
              ['Region', 'Ratifications'],
              data.rows.map((r) => [r.region ?? 'region unknown', String(r.count)]),
            ),
      );
    }
    return 0;
  },
};
