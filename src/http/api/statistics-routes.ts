import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ILO_REGIONS } from '../../domain/country.ts';
import { CONFIDENCES } from '../../domain/facts.ts';
import { RATIFICATION_GROUPINGS } from '../../domain/statistics/ratifications.ts';
import type { StatisticsService } from '../../services/statistics-service.ts';
import { barChartDocument } from '../../web/views/bar-chart.ts';
import { chartLocale, childLabourChart, ratificationsChart } from '../../web/views/statistics-charts.ts';
import { problemDoc as problem } from './schemas.ts';
import { childLabourCsv, ratificationStatisticsCsv } from './statistics-csv.ts';

/* Statistics (issue 10): read-only, JSON by default, CSV and SVG downloads of the same numbers. */

const EstimateSchema = z
  .object({
    year: z.number().int(),
    ageGroup: z.string(),
    childLabour: z.number().int().nullable().openapi({ description: 'Children in child labour; null: not in the sources' }),
    hazardousWork: z.number().int().nullable().openapi({ description: 'Children in hazardous work; null: not in the sources' }),
    source: z.string().nullable(),
    confidence: z.enum(CONFIDENCES).nullable(),
    notes: z.string().nullable(),
  })
  .openapi('ChildLabourEstimate');

const ChildLabourSchema = z
  .object({ ageGroup: z.string().nullable(), estimates: z.array(EstimateSchema) })
  .openapi('ChildLabourStatistics');

const InstrumentRef = z.object({ code: z.string(), titleEn: z.string(), titleId: z.string().nullable() });
const RatificationStatisticsSchema = z
  .union([
    z.object({
      instrument: InstrumentRef,
      total: z.number().int(),
      by: z.literal('year'),
      rows: z.array(
        z.object({
          year: z.number().int().nullable().openapi({ description: 'Year of registration; null: the date is not recorded' }),
          count: z.number().int(),
          cumulative: z.number().int().nullable(),
        }),
      ),
    }),
    z.object({
      instrument: InstrumentRef,
      total: z.number().int(),
      by: z.literal('region'),
      rows: z.array(z.object({ region: z.enum(ILO_REGIONS).nullable(), count: z.number().int() })),
    }),
  ])
  .openapi('RatificationStatistics');

const formatParam = (formats: readonly [string, ...string[]]) =>
  z
    .enum(formats as [string, ...string[]], { error: `format must be one of ${formats.join(', ')}` })
    .default('json')
    .openapi({ param: { name: 'format', in: 'query' } });

const childLabour = createRoute({
  method: 'get',
  path: '/statistics/child-labour',
  tags: ['statistics'],
  summary: 'Global estimates of children in child labour and in hazardous work, by year, with sources',
  request: { query: z.object({ format: formatParam(['json', 'csv', 'svg']) }) },
  responses: {
    200: {
      description: 'The estimates (JSON), the same numbers as CSV, or the chart as SVG',
      content: {
        'application/json': { schema: ChildLabourSchema },
        'text/csv': { schema: z.string() },
        'image/svg+xml': { schema: z.string() },
      },
    },
    400: problem('Invalid parameter'),
  },
});

const childLabourSvg = createRoute({
  method: 'get',
  path: '/statistics/child-labour.svg',
  tags: ['statistics'],
  summary: 'The child-labour estimates chart as SVG',
  responses: { 200: { description: 'SVG chart', content: { 'image/svg+xml': { schema: z.string() } } } },
});

const ratifications = createRoute({
  method: 'get',
  path: '/statistics/ratifications',
  tags: ['statistics'],
  summary: "An instrument's recorded ratifications by year of registration or by ILO region",
  request: {
    query: z.object({
      instrument: z
        .string({ error: 'instrument is required (a code like C138)' })
        .regex(/^[CPRcpr]\d{1,3}$/, 'instrument must look like C138')
        .openapi({ param: { name: 'instrument', in: 'query' }, example: 'C138' }),
      by: z
        .enum(RATIFICATION_GROUPINGS, { error: `by must be one of ${RATIFICATION_GROUPINGS.join(', ')}` })
        .default('year')
        .openapi({ param: { name: 'by', in: 'query' } }),
      format: formatParam(['json', 'csv', 'svg']),
    }),
  },
  responses: {
    200: {
      description: 'Counts (JSON), the same numbers as CSV, or the chart as SVG',
      content: {
        'application/json': { schema: RatificationStatisticsSchema },
        'text/csv': { schema: z.string() },
        'image/svg+xml': { schema: z.string() },
      },
    },
    400: problem('Invalid parameter'),
    404: problem('No such instrument'),
  },
});

const download = (name: string, type: string) => ({
  'content-type': `${type}; charset=utf-8`,
  'content-disposition': `attachment; filename="${name}"`,
});

export function addStatisticsRoutes(api: OpenAPIHono, statistics: StatisticsService): void {
  const english = chartLocale('en');
  const svg = async () => barChartDocument(childLabourChart(await statistics.childLabour(), english));

  api.openapi(childLabour, async (c) => {
    const { format } = c.req.valid('query');
    const data = await statistics.childLabour();
    if (format === 'csv') return c.body(childLabourCsv(data), 200, download('child-labour-estimates.csv', 'text/csv')) as never;
    if (format === 'svg') return c.body(await svg(), 200, download('child-labour-estimates.svg', 'image/svg+xml')) as never;
    return c.json(data, 200);
  });

  api.openapi(childLabourSvg, async (c) => c.body(await svg(), 200, download('child-labour-estimates.svg', 'image/svg+xml')) as never);

  api.openapi(ratifications, async (c) => {
    const { instrument, by, format } = c.req.valid('query');
    const data = await statistics.ratifications(instrument.toUpperCase(), by);
    const name = `ratifications-${data.instrument.code}-by-${by}`;
    if (format === 'csv') return c.body(ratificationStatisticsCsv(data), 200, download(`${name}.csv`, 'text/csv')) as never;
    if (format === 'svg')
      return c.body(barChartDocument(ratificationsChart(data, english)), 200, download(`${name}.svg`, 'image/svg+xml')) as never;
    return c.json(data, 200);
  });
}
