import { ILO_REGIONS } from '../../domain/country.ts';
import { GB_GROUPS, GB_MEMBER_TYPES, seatCount } from '../../domain/governance/governing-body.ts';
import { boolFlag, type CommandSpec, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { fields, table } from '../format.ts';
import { dateFlag, iso3, oneOf } from '../validate.ts';

/* The Governing Body and the Office's field offices, from the same service as GET /api/governing-body and /api/office/offices. */

const UNKNOWN = 'unknown';

export const governingBodyCommand: CommandSpec = {
  name: 'governing-body',
  brief: 'The Governing Body: seats by group, permanent seats, known periods, sessions',
  summary:
    'The composition of the Governing Body (Constitution Art 7) as the sources give it, like GET /api/governing-body: seats by group, the ten permanent government seats, each recorded period with its unknown seats, and the sessions recorded.',
  positionals: [],
  flags: {
    'as-of': { type: 'string', value: 'YYYY-MM-DD', description: 'reference date for the current period (default today)' },
    json: { type: 'boolean', description: 'print the API document as JSON' },
  },
  examples: ['tripartite governing-body', 'tripartite governing-body --json'],
  async run(args, io) {
    const asOf = dateFlag(stringFlag(args, 'as-of'), 'governing-body', '--as-of') ?? new Date().toISOString().slice(0, 10);
    const o = await withServices(io, ({ organs }) => organs.governingBody(asOf));
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify(o, null, 2)}\n`);
      return 0;
    }
    const n = (v: number | null) => (v === null ? UNKNOWN : String(v));
    io.stdout('Seats by group (Constitution Art 7(1))\n');
    io.stdout(
      table(
        ['Group', 'Titular', 'Deputy'],
        [...GB_GROUPS, 'all' as const].map((g) => [
          g === 'all' ? 'total' : g,
          n(seatCount(o.rules, g, 'titular')),
          n(seatCount(o.rules, g, 'deputy')),
        ]),
      ),
    );
    const cycle = o.rules.electionCycle;
    io.stdout(
      `\n${fields([
        ['Permanent seats (Art 7(2))', o.rules.permanentSeats.map((p) => p.iso3).join(', ') || UNKNOWN],
        [
          'Election cycle',
          cycle?.years ? `every ${cycle.years} years; last election in the source ${cycle.lastElection ?? UNKNOWN}` : UNKNOWN,
        ],
        ['Source', o.rules.seats[0]?.source ?? UNKNOWN],
        [
          `Current period (${asOf})`,
          o.current?.id ?? `${UNKNOWN}${o.cyclePeriod ? ` (by the cycle: ${o.cyclePeriod.id}, derived; members unknown)` : ''}`,
        ],
      ])}`,
    );
    for (const p of o.periods) {
      io.stdout(`\nPeriod ${p.id} (${p.startDate ?? UNKNOWN} to ${p.endDate ?? UNKNOWN}): members ${p.composition.membership}\n`);
      io.stdout(
        table(
          ['Group', 'Type', 'Seats', 'Permanent', 'Elected known', 'Holder unknown'],
          GB_MEMBER_TYPES.flatMap((type) =>
            p.composition.cells
              .filter((c) => c.memberType === type)
              .map((c) => [c.group, c.memberType, n(c.seats), String(c.permanent), String(c.knownElected), n(c.unknown)]),
          ),
        ),
      );
    }
    io.stdout('\nSessions\n');
    io.stdout(
      o.sessions.length
        ? table(
            ['Session', 'Dates', 'Place', 'Agenda items'],
            o.sessions.map((s) => [
              String(s.number),
              [s.startDate, s.endDate].filter(Boolean).join(' to ') || UNKNOWN,
              s.place ?? UNKNOWN,
              String(s.agenda.length),
            ]),
          )
        : 'No session is recorded.\n',
    );
    return 0;
  },
};

export const officesCommand: CommandSpec = {
  name: 'offices',
  brief: 'ILO field offices, by region or State',
  summary:
    'The International Labour Office: the Director-General (unknown unless sourced) and its field offices, like GET /api/office/offices.',
  positionals: [],
  flags: {
    region: { type: 'string', value: 'R', description: `only this ILO region: ${ILO_REGIONS.join(', ')}` },
    country: { type: 'string', value: 'ISO3', description: 'only offices located in or covering this State' },
    json: { type: 'boolean', description: 'print {directorGeneral, items, total} as JSON' },
  },
  examples: ['tripartite offices', 'tripartite offices --region "Arab States"', 'tripartite offices --country IDN --json'],
  async run(args, io) {
    const region = oneOf(stringFlag(args, 'region'), ILO_REGIONS, 'offices', '--region');
    const rawCountry = stringFlag(args, 'country');
    const country = rawCountry === undefined ? undefined : iso3(rawCountry, 'offices', '--country');
    const { office, items } = await withServices(io, async ({ organs }) => ({
      office: await organs.office(),
      items: await organs.offices({ region, country }),
    }));
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify({ directorGeneral: office.directorGeneral, items, total: items.length }, null, 2)}\n`);
      return 0;
    }
    io.stdout(`Director-General: ${office.directorGeneral?.name ?? 'unknown (no source names the Director-General)'}\n\n`);
    if (!items.length) {
      io.stdout('No office matches.\n');
      return 0;
    }
    io.stdout(
      table(
        ['Office', 'Type', 'Region', 'City', 'State', 'Covers'],
        items.map((o) => [
          o.name,
          o.type.replace('_', ' '),
          o.region ?? UNKNOWN,
          o.city ?? UNKNOWN,
          o.countryIso3 ?? o.countryName ?? UNKNOWN,
          [...o.covers, ...o.coversOther].join(', ') || UNKNOWN,
        ]),
      ),
    );
    io.stdout(`\n${items.length} offices. Sources: ${[...new Set(items.map((o) => o.source))].join('; ')}\n`);
    return 0;
  },
};
