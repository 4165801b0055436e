import { boolFlag, type CommandSpec, seeHelp } from '../args.ts';
import { configFrom, describeTarget, oneLine, withServices } from '../context.ts';
import { CliError, failure, usageError } from '../errors.ts';

const NAME = 'restore';

export const restoreCommand: CommandSpec = {
  name: NAME,
  brief: 'Replace the whole database with a backup',
  summary:
    'Replace every row of every table with those of a backup written by tripartite backup (from either engine), in one transaction: a corrupt or truncated file leaves the database unchanged. A database that already holds data is replaced only with --yes. Running servers notice the change and drop their caches.',
  positionals: [{ name: 'FILE', description: 'a backup file written by tripartite backup' }],
  flags: {
    yes: { type: 'boolean', description: 'replace a database that already holds data' },
  },
  examples: ['tripartite restore tripartite-2026-11-27.jsonl.gz', 'DATABASE_URL=postgres://… tripartite restore backup.jsonl.gz --yes'],
  async run(args, io) {
    const file = args.positionals[0] as string;
    const replace = boolFlag(args, 'yes');
    const [{ restoreDatabase, readBackupHeader, databaseHasData, BackupFileError, BackupRefused }, { migrateToLatest }] = await Promise.all(
      [import('../../storage/backup.ts'), import('../../storage/db.ts')],
    );
    const { existsSync } = await import('node:fs');
    if (!existsSync(file)) throw failure(`no backup file ${file}`);
    const config = configFrom(io);
    const target = describeTarget(config);
    const started = performance.now();
    const summary = await withServices(
      io,
      async ({ handle }) => {
        try {
          // The header is checked before anything is created or changed.
          await readBackupHeader(handle, file);
          await migrateToLatest(handle);
          if (!replace && (await databaseHasData(handle)))
            throw usageError(`${target} already holds data and restoring replaces all of it; add --yes to replace it ${seeHelp(NAME)}`);
          return await restoreDatabase(handle, file, { replace });
        } catch (error) {
          if (error instanceof BackupFileError) throw failure(`${error.message}; the database is unchanged`, error);
          if (error instanceof BackupRefused) throw failure(`cannot restore into ${target}: ${error.message}`, error);
          if (error instanceof CliError) throw error;
          throw failure(`restore into ${target} failed, the database is unchanged: ${oneLine(error)}`, error);
        }
      },
      { prepare: false },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stdout(
      `Restored ${summary.total} rows of ${Object.keys(summary.rows).length} tables into ${target} from ${file} (backup of ${summary.header.createdAt} on ${summary.header.engine}, ${seconds} s)\n`,
    );
    return 0;
  },
};
