import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config/env.ts';
import { type CliIo, type CommandSpec, commandHelp, parseCommandArgs, seeHelp, wantsHelp } from './args.ts';
import { backupCommand } from './commands/backup.ts';
import { CASES_GROUP, casesCommands } from './commands/cases.ts';
import { checkCommand } from './commands/check.ts';
import { conferenceSessionCommand, conferenceSessionsCommand } from './commands/conference.ts';
import { countryCommand } from './commands/country.ts';
import { dataKeyRotateCommand } from './commands/data-key.ts';
import { dbMigrateCommand, dbSeedCommand } from './commands/db.ts';
import { exportCommand } from './commands/export.ts';
import { goodsCommand } from './commands/goods.ts';
import { historyCommand } from './commands/history.ts';
import { importCommand } from './commands/import.ts';
import { instrumentCommand } from './commands/instrument.ts';
import { instrumentsCommand } from './commands/instruments.ts';
import { governingBodyCommand, officesCommand } from './commands/organs.ts';
import { reportsDueCommand, reportsGroupYearCommand, reportsIcsCommand } from './commands/reports.ts';
import { restoreCommand } from './commands/restore.ts';
import { screenCommand } from './commands/screen.ts';
import { searchCommand } from './commands/search.ts';
import { serveCommand } from './commands/serve.ts';
import { statisticsCommand } from './commands/statistics.ts';
import { submissionsCommand } from './commands/submissions.ts';
import { commentsCommand, proceduresCommand } from './commands/supervision.ts';
import { unitsAddMemberCommand, unitsCreateCommand, unitsListCommand } from './commands/units.ts';
import { userCreateCommand, userListCommand } from './commands/user.ts';
import { votesEvaluateCommand } from './commands/votes.ts';
import { CliError } from './errors.ts';

export type { CliIo };

/** Every command, in the order help lists them; subcommands of a group are named "db <sub>", "user <sub>". */
export const COMMANDS: readonly CommandSpec[] = [
  serveCommand,
  dbMigrateCommand,
  dbSeedCommand,
  instrumentsCommand,
  instrumentCommand,
  countryCommand,
  exportCommand,
  checkCommand,
  screenCommand,
  userCreateCommand,
  userListCommand,
  importCommand,
  historyCommand,
  submissionsCommand,
  backupCommand,
  restoreCommand,
  dataKeyRotateCommand,
  conferenceSessionsCommand,
  conferenceSessionCommand,
  votesEvaluateCommand,
  reportsDueCommand,
  reportsIcsCommand,
  reportsGroupYearCommand,
  governingBodyCommand,
  officesCommand,
  commentsCommand,
  proceduresCommand,
  statisticsCommand,
  searchCommand,
  goodsCommand,
  ...casesCommands,
  unitsCreateCommand,
  unitsListCommand,
  unitsAddMemberCommand,
];

const GROUPS: Record<string, string> = {
  db: 'Database maintenance: migrate, seed.',
  user: 'Accounts of the people who edit the registry: create, list.',
  conference: 'The International Labour Conference: sessions, delegations and votes.',
  votes: 'Votes of the International Labour Conference: evaluate.',
  reports: 'The reporting calendar (Constitution Art 22): due, ics, group-year.',
  'data-key': "The key that seals children's identifying data: rotate.",
  cases: CASES_GROUP,
  units: 'Child-labour monitoring units: create, list, add-member.',
};

function version(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - s.length));
}

export function topLevelHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: tripartite <command> [options]

Tripartite: international labour standards registry — instruments, member States and ratifications.

Commands:
${COMMANDS.map((c) => `  ${pad(c.name, width)}  ${c.brief}`).join('\n')}

Options:
  --help, -h   show this help, or a command's help: tripartite <command> --help
  --version    print the version

Environment (the same as the server):
  DATABASE_URL          PostgreSQL connection string; when set, PostgreSQL is used
  TRIPARTITE_PG_SCHEMA  PostgreSQL schema (default public)
  TRIPARTITE_DB         SQLite file when DATABASE_URL is unset (default ./data/tripartite.db)
  PORT, HOST, LOG_LEVEL used by serve
  TRIPARTITE_SHUTDOWN_GRACE_MS  serve: ms requests in flight get on SIGTERM (default 10000)
  TRIPARTITE_DEBUG=1    print stack traces of unexpected errors

Exit codes: 0 success, 1 not found or failed, 2 bad command line or configuration.
`;
}

function groupHelp(group: string): string {
  const subs = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  const width = Math.max(...subs.map((c) => c.name.length));
  return `Usage: tripartite ${group} <subcommand> [options]

${GROUPS[group] ?? ''}

Subcommands:
${subs.map((c) => `  ${pad(c.name, width)}  ${c.brief}`).join('\n')}

Run tripartite ${group} <subcommand> --help for its options.
`;
}

interface Resolved {
  spec: CommandSpec;
  rest: string[];
}

function resolveCommand(argv: readonly string[]): Resolved | { help: string } | { version: true } {
  const [first, ...rest] = argv;
  if (first === undefined) throw new CliError(2, `missing command ${seeHelp(null)}`);
  if (first === '--help' || first === '-h') return { help: topLevelHelp() };
  if (first === '--version') return { version: true };
  if (first === 'help') {
    if (rest.length === 0) return { help: topLevelHelp() };
    const name = rest.join(' ');
    if (GROUPS[name]) return { help: groupHelp(name) };
    const spec = COMMANDS.find((c) => c.name === name);
    if (!spec) throw new CliError(2, `unknown command "${name}" ${seeHelp(null)}`);
    return { help: commandHelp(spec) };
  }
  if (first.startsWith('-')) throw new CliError(2, `unknown flag ${first} ${seeHelp(null)}`);
  if (GROUPS[first]) {
    const [sub, ...subRest] = rest;
    if (sub === '--help' || sub === '-h') return { help: groupHelp(first) };
    if (sub === undefined) throw new CliError(2, `"${first}" needs a subcommand (see tripartite ${first} --help)`);
    const spec = COMMANDS.find((c) => c.name === `${first} ${sub}`);
    if (!spec) throw new CliError(2, `unknown command "${first} ${sub}" (see tripartite ${first} --help)`);
    return { spec, rest: subRest };
  }
  const spec = COMMANDS.find((c) => c.name === first);
  if (!spec) throw new CliError(2, `unknown command "${first}" ${seeHelp(null)}`);
  return { spec, rest };
}

function report(error: unknown, io: CliIo): number {
  const debug = io.env.TRIPARTITE_DEBUG === '1';
  let code: number;
  let message: string;
  if (error instanceof CliError) {
    code = error.exitCode;
    message = error.message;
  } else if (error instanceof ConfigError) {
    code = 2;
    message = error.message;
  } else {
    code = 1;
    message = `unexpected error: ${error instanceof Error ? error.message : String(error)}${debug ? '' : ' (set TRIPARTITE_DEBUG=1 for details)'}`;
  }
  io.stderr(`tripartite: ${message.replace(/\s*\n\s*/g, ' ').trim()}\n`);
  if (debug) {
    const cause = error instanceof CliError ? error.cause : error;
    if (cause instanceof Error && cause.stack) io.stderr(`${cause.stack}\n`);
  }
  return code;
}

/** Runs one command line in-process and returns its exit code; output goes only through `io`. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const resolved = resolveCommand(argv);
    if ('help' in resolved) {
      io.stdout(resolved.help);
      return 0;
    }
    if ('version' in resolved) {
      io.stdout(`tripartite ${version()}\n`);
      return 0;
    }
    const { spec, rest } = resolved;
    if (wantsHelp(rest)) {
      io.stdout(commandHelp(spec));
      return 0;
    }
    return await spec.run(parseCommandArgs(spec, rest), io);
  } catch (error) {
    return report(error, io);
  }
}

/** The process entry point used by bin/tripartite.js and by `node --import tsx src/cli/index.ts`. */
export async function main(): Promise<void> {
  // `tripartite export | head` closes the pipe early; that is a normal end, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    env: process.env,
    stdoutStream: process.stdout,
  });
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) await main();
