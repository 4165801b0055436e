import type { CommandSpec } from '../args.ts';
import { casesAnonymiseCommand } from './cases-anonymise.ts';
import { casesImportCommand } from './cases-import.ts';
import { casesMetricsCommand } from './cases-metrics.ts';

/*
 * The "cases" group (issue 11). Each subcommand lives in its own file; this list is what the CLI
 * registers.
 */
export const casesCommands: CommandSpec[] = [casesImportCommand, casesMetricsCommand, casesAnonymiseCommand];

export const CASES_GROUP = "Children's cases of a monitoring unit: import, metrics, anonymise.";
