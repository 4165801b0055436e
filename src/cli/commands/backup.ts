import { type CommandSpec, seeHelp } from '../args.ts';
import { configFrom, describeTarget, oneLine, withServices } from '../context.ts';
import { failure, usageError } from '../errors.ts';

const NAME = 'backup';

export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export const backupCommand: CommandSpec = {
  name: NAME,
  brief: 'Write a consistent backup of the whole database to a file',
  summary:
    "Write every table (registry, profiles, users, sessions, tokens, history) to FILE as gzip'd JSON Lines, from one consistent snapshot, while the server keeps running. The same format comes from SQLite and PostgreSQL, so a backup of one restores into the other (tripartite restore).",
  positionals: [{ name: 'FILE', description: 'the backup file to write, e.g. tripartite-2026-11-27.jsonl.gz (must not exist)' }],
  flags: {},
  examples: [
    'tripartite backup tripartite-$(date +%F).jsonl.gz',
    'DATABASE_URL=postgres://… tripartite backup /var/backups/tripartite.jsonl.gz',
  ],
  async run(args, io) {
    const file = args.positionals[0] as string;
    if (file === '') throw usageError(`<FILE> must be a file name ${seeHelp(NAME)}`);
    const { existsSync } = await import('node:fs');
    if (existsSync(file)) throw usageError(`${file} already exists; give a new file name (a backup never overwrites one) ${seeHelp(NAME)}`);
    const { backupDatabase, BackupRefused } = await import('../../storage/backup.ts');
    const config = configFrom(io);
    // Opening a missing SQLite file would create an empty database just to report it empty.
    if (!config.databaseUrl && !existsSync(config.sqlitePath))
      throw failure(`no database to back up: ${describeTarget(config)} does not exist`);
    const started = performance.now();
    const summary = await withServices(
      io,
      async ({ handle }) => {
        try {
          return await backupDatabase(handle, file);
        } catch (error) {
          if (error instanceof BackupRefused) throw failure(`cannot back up ${describeTarget(config)}: ${error.message}`, error);
          throw failure(`backup of ${describeTarget(config)} to ${file} failed: ${oneLine(error)}`, error);
        }
      },
      { prepare: false },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const tables = Object.entries(summary.rows);
    io.stdout(
      `Backed up ${summary.total} rows of ${tables.length} tables from ${describeTarget(config)} to ${file} (${size(summary.bytes)}, ${seconds} s)\n`,
    );
    io.stdout(`  ${tables.map(([t, n]) => `${t} ${n}`).join(', ')}\n`);
    return 0;
  },
};
