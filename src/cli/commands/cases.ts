import { DomainError } from '../../domain/errors.ts';
import { isDay } from '../../services/cases/case-input.ts';
import { boolFlag, type CommandSpec, seeHelp, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { failure, usageError } from '../errors.ts';
import { table } from '../format.ts';
import { wholeNumber } from '../validate.ts';
import { casesAnonymiseCommand } from './cases-anonymise.ts';
import { casesImportCommand } from './cases-import.ts';
import { casesMetricsCommand } from './cases-metrics.ts';

/*
 * `tripartite cases <subcommand>` (issue 11): children's cases of a monitoring unit. The
 * subcommands are listed in CASES_SUBCOMMANDS below; src/cli/index.ts adds every entry of the map
 * to the command list and help under the group "cases", so a new subcommand (import, metrics, …) is
 * one entry here. The operator's commands print no identifying data: no names, birth dates or places below district.
 */
const todayUtc = () => new Date().toISOString().slice(0, 10);

export function unitFlag(value: string | undefined, command: string): number {
  if (value === undefined) throw usageError(`"${command}" needs --unit ID, the monitoring unit's id ${seeHelp(command)}`);
  return wholeNumber(value, 1, 2_147_483_647, command, '--unit') as number;
}

export const casesDueCommand: CommandSpec = {
  name: 'cases due',
  brief: "A unit's due and overdue follow-up visits and support actions, most urgent first",
  summary:
    "The follow-up visits due within a week or overdue (the interval per priority tier is the unit's setting) and the support actions not yet provided, for every open case of a unit, most urgent first: worst forms, then hazardous work, then younger and out-of-school children. No identifying data is printed.",
  positionals: [],
  flags: {
    unit: { type: 'string', value: 'ID', description: 'the monitoring unit (required)' },
    today: { type: 'string', value: 'YYYY-MM-DD', description: 'the reference day (default: today, UTC)' },
    json: { type: 'boolean', description: 'print the worklist as JSON (the shape of GET /api/units/{id}/worklist)' },
  },
  examples: ['tripartite cases due --unit 1', 'tripartite cases due --unit 1 --today 2026-12-31 --json'],
  async run(args, io) {
    const unitId = unitFlag(stringFlag(args, 'unit'), this.name);
    const today = stringFlag(args, 'today') ?? todayUtc();
    if (!isDay(today)) throw usageError(`--today must be a date YYYY-MM-DD, got "${today}" ${seeHelp(this.name)}`);
    const list = await withServices(io, async ({ cases }) => {
      try {
        return await cases.dueForUnit(unitId, today);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not_found') throw failure(`no monitoring unit ${unitId}`);
        throw error;
      }
    });
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      return 0;
    }
    io.stdout(`Unit ${unitId}: due within ${list.horizonDays} days or overdue on ${list.today}\n\n`);
    if (list.visits.length === 0) io.stdout('No follow-up visit due.\n');
    else
      io.stdout(
        table(
          ['Case', 'Priority', 'Status', 'Visit due', 'Overdue', 'Age', 'Sex', 'District'],
          list.visits.map((c) => [
            String(c.caseNumber),
            c.priority.replace(/_/g, ' '),
            c.status.replace(/_/g, ' '),
            c.nextVisitDue ?? '-',
            c.overdue ? 'yes' : 'no',
            c.ageYears === null ? '-' : String(c.ageYears),
            c.sex ?? '-',
            c.district ?? '-',
          ]),
        ),
      );
    io.stdout('\n');
    if (list.actions.length === 0) io.stdout('No support action due.\n');
    else
      io.stdout(
        table(
          ['Case', 'Priority', 'Action', 'Responsible', 'Due', 'Overdue'],
          list.actions.map((a) => [
            String(a.caseNumber),
            a.priority.replace(/_/g, ' '),
            a.action.kind.replace(/_/g, ' '),
            a.action.responsible,
            a.action.dueOn,
            a.action.overdue ? 'yes' : 'no',
          ]),
        ),
      );
    io.stdout(`\n${list.visits.length} visit(s) and ${list.actions.length} action(s).\n`);
    return 0;
  },
};

/** Every `tripartite cases …` subcommand by its name; src/cli/index.ts registers them all. */
export const CASES_SUBCOMMANDS: Record<string, CommandSpec> = {
  due: casesDueCommand,
  import: casesImportCommand,
  metrics: casesMetricsCommand,
  anonymise: casesAnonymiseCommand,
};
export const casesCommands: CommandSpec[] = Object.values(CASES_SUBCOMMANDS);

export const CASES_GROUP = "Children's cases of a monitoring unit: due, import, metrics, anonymise.";
