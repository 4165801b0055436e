import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CHILD_WORK_MEASURES, ENFORCEMENT_MEASURES, GOOD_KINDS, GOOD_SECTORS, LEGAL_STANDARDS } from '../../domain/usdol/usdol.ts';
import type { RegistryService } from '../../services/registry-service.ts';
import type { UsdolService } from '../../services/usdol-service.ts';
import { Iso3ParamSchema, problemDoc as problem } from './schemas.ts';

/* USDOL's List of Goods and country facts (issue 10, "Goods"): read-only, open to everyone. */

const tags = ['usdol'];
const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });

const sourced = { source: z.string().openapi({ example: 'USDOL-SWEATTOIL-2022' }), year: z.number().int().openapi({ example: 2022 }) };
const Value = z.union([z.number(), z.boolean(), z.string(), z.null()]);

const GoodSchema = z
  .object({
    good: z.string().openapi({ example: 'Cocoa' }),
    sector: z.enum(GOOD_SECTORS),
    iso3: z.string().openapi({ example: 'CIV' }),
    countryUsdol: z.string().openapi({ description: 'The name USDOL writes' }),
    memberState: z.boolean().openapi({ description: 'False: a territory or non-member USDOL reports on' }),
    childLabour: z.boolean(),
    forcedLabour: z.boolean(),
    forcedChildLabour: z.boolean(),
    derivedFromExploitation: z.boolean(),
    ...sourced,
  })
  .openapi('UsdolGood');

const Figure = <T extends readonly [string, ...string[]]>(measures: T) => z.object({ measure: z.enum(measures), value: Value, ...sourced });

const CountryFactsSchema = z
  .object({
    iso3: z.string(),
    countryUsdol: z.string(),
    memberState: z.boolean(),
    advancementLevel: Figure(['advancement_level']).nullable(),
    legalStandards: z
      .array(
        z.object({
          standard: z.enum(LEGAL_STANDARDS),
          inLaw: z.boolean().nullable(),
          age: z.union([z.number(), z.string(), z.null()]),
          ageApplies: z.boolean().openapi({ description: 'False: the source says no age applies (N/A), not that it is unknown' }),
          conforms: z.boolean().nullable(),
          ...sourced,
        }),
      )
      .nullable(),
    enforcement: z.array(Figure(ENFORCEMENT_MEASURES)).nullable(),
    childWork: z.array(Figure(CHILD_WORK_MEASURES)).nullable(),
  })
  .openapi('UsdolCountryFacts');

export const GoodsQuerySchema = z.object({
  good: z
    .string()
    .max(100, 'good must be at most 100 characters')
    .optional()
    .openapi({ param: { name: 'good', in: 'query' }, example: 'cocoa', description: 'Part of the good’s name (case and accents ignored)' }),
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'country must be an ISO 3166 alpha-3 code such as CIV')
    .optional()
    .openapi({ param: { name: 'country', in: 'query' }, example: 'CIV' }),
  kind: z
    .enum(GOOD_KINDS, { error: `kind must be one of ${GOOD_KINDS.join(', ')}` })
    .optional()
    .openapi({ param: { name: 'kind', in: 'query' } }),
});

const listGoods = createRoute({
  method: 'get',
  path: '/goods',
  tags,
  summary: 'USDOL List of Goods produced by child labour or forced labour (2022), by good and by country',
  request: { query: GoodsQuerySchema },
  responses: {
    200: json(
      'The matching good–country pairs, with the whole list’s goods and countries',
      z
        .object({
          items: z.array(GoodSchema),
          total: z.number().int(),
          goods: z.array(z.string()),
          countries: z.array(z.object({ iso3: z.string(), countryUsdol: z.string() })),
          ...sourced,
        })
        .openapi('UsdolGoodsList'),
    ),
    400: problem('Invalid filter'),
  },
});

const countryUsdol = createRoute({
  method: 'get',
  path: '/countries/{iso3}/usdol',
  tags,
  summary: 'USDOL facts for one State: goods listed, legal standards, labour inspection figures, child-work statistics (2022)',
  request: { params: Iso3ParamSchema },
  responses: {
    200: json(
      'The facts (facts null: the State is not in USDOL’s files, every figure unknown)',
      z.object({ iso3: z.string(), goods: z.array(GoodSchema), facts: CountryFactsSchema.nullable(), ...sourced }).openapi('CountryUsdol'),
    ),
    400: problem('Invalid parameter'),
    404: problem('Neither a member State nor in USDOL’s files'),
  },
});

export function addUsdolRoutes(api: OpenAPIHono, usdol: UsdolService, registry: RegistryService): void {
  api.openapi(listGoods, (c) => c.json(usdol.goods(c.req.valid('query')), 200));
  api.openapi(countryUsdol, async (c) => {
    const result = usdol.country(c.req.valid('param').iso3);
    // A code USDOL does not report on must still be a State of the registry (404 naming it otherwise).
    if (!result.facts && result.goods.length === 0) await registry.getCountryProfile(result.iso3);
    return c.json(result, 200);
  });
}
