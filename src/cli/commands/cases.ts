import type { CommandSpec } from '../args.ts';
import { casesImportCommand } from './cases-import.ts';

/*
 * The `cases` command group (issue 11). Minimal: the screening import only. The case service's
 * commands (due, metrics) join this list where they are written.
 */
export const CASES_GROUP = "Children's cases of a monitoring unit: import.";

export const CASES_COMMANDS: readonly CommandSpec[] = [casesImportCommand];
