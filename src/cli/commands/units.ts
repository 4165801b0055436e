import { DomainError } from '../../domain/errors.ts';
import { UNIT_ROLES } from '../../domain/monitoring/unit-roles.ts';
import { UNIT_KINDS } from '../../domain/monitoring/unit-settings.ts';
import { OPERATOR } from '../../services/cases/unit-service.ts';
import { boolFlag, type CommandSpec, seeHelp, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { failure, usageError, usageFromDomain } from '../errors.ts';
import { table } from '../format.ts';
import { iso3, oneOf, wholeNumber } from '../validate.ts';

/*
 * Monitoring units (issue 11, decision 211) for the operator of the installation: run as the local
 * operator (a platform administrator, as `tripartite user create` runs without a sign-in).
 */

const CREATE = 'units create';
const LIST = 'units list';
const ADD = 'units add-member';

/** A service refusal as the CLI's exit codes: bad input 2 (naming the flag), the rest 1. */
function cliError(error: unknown, command: string, flags: Record<string, unknown>): unknown {
  if (!(error instanceof DomainError)) return error;
  if (error.code === 'invalid') return usageFromDomain(error, seeHelp(command), flags);
  return failure(error.message);
}

export const unitsCreateCommand: CommandSpec = {
  name: CREATE,
  brief: 'Create a monitoring unit and print its id',
  summary:
    'Create a child-labour monitoring unit (a supply chain, a cooperative, a labour office, an NGO project) with the default follow-up intervals (worst forms 14 days, hazardous 30, vulnerable 60, other 90), 3 attempts before a child is lost to follow-up and 24 months of retention; change them with PATCH /api/units/{id} or the unit page. Prints the new unit id alone, for scripts. Runs as the local operator (a platform administrator).',
  positionals: [],
  flags: {
    name: { type: 'string', value: 'NAME', description: 'name of the unit (required)' },
    country: { type: 'string', value: 'ISO3', description: 'member State it monitors in (required)' },
    kind: { type: 'string', value: 'K', description: `${UNIT_KINDS.join('|')} (default other)` },
    province: { type: 'string', value: 'P', description: 'province or region it covers' },
    district: { type: 'string', value: 'D', description: 'district it covers' },
    'supply-chain': { type: 'string', value: 'S', description: 'supply chain it monitors' },
    commodity: { type: 'string', value: 'C', description: 'commodity (e.g. cocoa)' },
    json: { type: 'boolean', description: 'print the unit as POST /api/units returns it' },
  },
  examples: [
    'tripartite units create --name "Cocoa cooperative, Luwu" --country IDN --kind cooperative --commodity cocoa',
    'UNIT=$(tripartite units create --name "District labour office" --country GHA --kind labour_office)',
  ],
  async run(args, io) {
    const name = stringFlag(args, 'name');
    if (!name?.trim()) throw usageError(`"${CREATE}" needs --name ${seeHelp(CREATE)}`);
    const rawCountry = stringFlag(args, 'country');
    if (!rawCountry) throw usageError(`"${CREATE}" needs --country ISO3 ${seeHelp(CREATE)}`);
    const country = iso3(rawCountry, CREATE, '--country');
    const kind = oneOf(stringFlag(args, 'kind'), UNIT_KINDS, CREATE, '--kind');
    const input = {
      name,
      country,
      kind,
      province: stringFlag(args, 'province'),
      district: stringFlag(args, 'district'),
      supplyChain: stringFlag(args, 'supply-chain'),
      commodity: stringFlag(args, 'commodity'),
    };
    const unit = await withServices(io, async ({ units }) => {
      try {
        return await units.create(OPERATOR, input, new Date());
      } catch (error) {
        throw cliError(error, CREATE, args.values);
      }
    });
    io.stdout(boolFlag(args, 'json') ? `${JSON.stringify(unit, null, 2)}\n` : `${unit.id}\n`);
    return 0;
  },
};

export const unitsListCommand: CommandSpec = {
  name: LIST,
  brief: 'List the monitoring units',
  summary: 'Every monitoring unit with its State, kind and area (GET /api/units as a platform administrator).',
  positionals: [],
  flags: { json: { type: 'boolean', description: 'print the same object as GET /api/units: {items:[…]}' } },
  examples: ['tripartite units list', 'tripartite units list --json'],
  async run(args, io) {
    const items = await withServices(io, ({ units }) => units.list(OPERATOR));
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify({ items }, null, 2)}\n`);
      return 0;
    }
    if (items.length === 0) {
      io.stdout('No monitoring units. Create one with: tripartite units create --name NAME --country ISO3\n');
      return 0;
    }
    io.stdout(
      table(
        ['ID', 'Name', 'Country', 'Kind', 'Area'],
        items.map((u) => [
          String(u.id),
          u.name,
          u.country,
          u.kind,
          [u.province, u.district, u.supplyChain, u.commodity].filter((x) => x !== null).join(', ') || '-',
        ]),
      ),
    );
    return 0;
  },
};

export const unitsAddMemberCommand: CommandSpec = {
  name: ADD,
  brief: 'Add an account to a monitoring unit with a role',
  summary:
    'Give an existing account (tripartite user create) a role in a monitoring unit: monitor (opens cases, records visits), case_manager (also assigns, plans support, closes), viewer (aggregate figures only) or unit_admin (members and settings). Runs as the local operator.',
  positionals: [],
  flags: {
    unit: { type: 'string', value: 'ID', description: 'the unit id (required)' },
    email: { type: 'string', value: 'E', description: 'email of the account (required)' },
    role: { type: 'string', value: 'R', description: `${UNIT_ROLES.join('|')} (required)` },
    json: { type: 'boolean', description: 'print the member as POST /api/units/{id}/members returns it' },
  },
  examples: ['tripartite units add-member --unit 1 --email monitor@example.org --role monitor'],
  async run(args, io) {
    const unitId = wholeNumber(stringFlag(args, 'unit'), 1, 2_147_483_647, ADD, '--unit');
    if (unitId === undefined) throw usageError(`"${ADD}" needs --unit ID ${seeHelp(ADD)}`);
    const email = stringFlag(args, 'email');
    if (!email) throw usageError(`"${ADD}" needs --email ${seeHelp(ADD)}`);
    const role = oneOf(stringFlag(args, 'role'), UNIT_ROLES, ADD, '--role');
    if (!role) throw usageError(`"${ADD}" needs --role ${UNIT_ROLES.join('|')} ${seeHelp(ADD)}`);
    const member = await withServices(io, async ({ units }) => {
      try {
        return await units.addMember(OPERATOR, unitId, { email, role }, new Date());
      } catch (error) {
        throw cliError(error, ADD, args.values);
      }
    });
    if (boolFlag(args, 'json')) io.stdout(`${JSON.stringify(member, null, 2)}\n`);
    else io.stdout(`Added ${member.email} to unit ${unitId} as ${member.role}\n`);
    return 0;
  },
};
