import type { CommandSpec } from '../args.ts';
import { casesAnonymiseCommand } from './cases-anonymise.ts';
import { casesMetricsCommand } from './cases-metrics.ts';

/*
 * The "cases" group (issue 11). Each subcommand lives in its own file; this list is what the CLI
 * registers. (Minimal dispatcher from the metrics branch: the case commands of other branches
 * join this list.)
 */
export const casesCommands: CommandSpec[] = [casesMetricsCommand, casesAnonymiseCommand];

export const CASES_GROUP = 'Child-labour monitoring cases: metrics, anonymise.';
