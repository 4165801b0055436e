import { GOOD_KINDS } from '../../domain/usdol/usdol.ts';
import { boolFlag, type CommandSpec, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { table } from '../format.ts';
import { iso3, oneOf } from '../validate.ts';

/* USDOL's List of Goods, from the same service as GET /api/goods (issue 10, decisions 180–181). */

export const goodsCommand: CommandSpec = {
  name: 'goods',
  brief: 'Goods produced with child or forced labour (USDOL list, 2022)',
  summary:
    'The US Department of Labor’s List of Goods Produced by Child Labor or Forced Labor (2022 reporting year), like GET /api/goods: each good and country with what it is listed for, its source and year.',
  positionals: [],
  flags: {
    good: { type: 'string', value: 'TEXT', description: 'part of the good’s name (case and accents ignored)' },
    country: { type: 'string', value: 'ISO3', description: 'only this State' },
    kind: { type: 'string', value: 'K', description: `only goods listed for: ${GOOD_KINDS.join(', ')}` },
    json: { type: 'boolean', description: 'print the API document as JSON' },
  },
  examples: ['tripartite goods --good cocoa', 'tripartite goods --country CIV --kind forced_labour --json'],
  async run(args, io) {
    const kind = oneOf(stringFlag(args, 'kind'), GOOD_KINDS, 'goods', '--kind');
    const rawCountry = stringFlag(args, 'country');
    const country = rawCountry === undefined ? undefined : iso3(rawCountry, 'goods', '--country');
    const list = await withServices(io, async ({ usdol }) => usdol.goods({ good: stringFlag(args, 'good'), country, kind }));
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      return 0;
    }
    if (!list.items.length) {
      io.stdout('No listed good matches.\n');
      return 0;
    }
    io.stdout(
      table(
        ['Good', 'State', 'Sector', 'Listed for', 'Source'],
        list.items.map((g) => [
          g.good,
          g.memberState ? g.iso3 : `${g.iso3} (not an ILO member State)`,
          g.sector,
          [g.childLabour ? 'child labour' : '', g.forcedLabour ? 'forced labour' : '', g.forcedChildLabour ? 'forced child labour' : '']
            .filter(Boolean)
            .join('; ') + (g.derivedFromExploitation ? ' (inputs)' : ''),
          `${g.source}, ${g.year}`,
        ]),
      ),
    );
    io.stdout(`\n${list.total} listed (USDOL's findings, not ILO decisions).\n`);
    return 0;
  },
};
