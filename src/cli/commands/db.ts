import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CommandSpec, seeHelp, stringFlag } from '../args.ts';
import { configFrom, describeTarget, oneLine, withServices } from '../context.ts';
import { failure, usageError } from '../errors.ts';
import { fields } from '../format.ts';

function appliedLines(applied: string[], target: string): string {
  if (applied.length === 0) return `Database is up to date (${target})\n`;
  return `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'} to ${target}:\n${applied.map((m) => `  ${m}\n`).join('')}`;
}

export const dbMigrateCommand: CommandSpec = {
  name: 'db migrate',
  brief: 'Apply pending database migrations',
  summary: 'Apply pending database migrations (DATABASE_URL for PostgreSQL, else the SQLite file TRIPARTITE_DB).',
  positionals: [],
  flags: {},
  examples: ['tripartite db migrate', 'TRIPARTITE_DB=/var/lib/tripartite.db tripartite db migrate'],
  async run(_args, io) {
    const { migrateToLatest } = await import('../../storage/db.ts');
    const config = configFrom(io);
    return withServices(
      io,
      async ({ handle }) => {
        let applied: string[];
        try {
          applied = await migrateToLatest(handle);
        } catch (error) {
          throw failure(`migration failed on ${describeTarget(config)}: ${oneLine(error)}`, error);
        }
        io.stdout(appliedLines(applied, handle.describe));
        return 0;
      },
      { prepare: false },
    );
  },
};

export const dbSeedCommand: CommandSpec = {
  name: 'db seed',
  brief: 'Migrate, then load the bundled data (idempotent)',
  summary:
    'Apply migrations, then load the bundled data set. Rows are upserted by their natural keys, so running it again changes nothing.',
  positionals: [],
  flags: {
    data: {
      type: 'string',
      value: 'DIR',
      description:
        'folder holding instruments.json, countries.json, ratifications.json, ilc-sessions.json and sources.json (default: the bundled data/)',
    },
  },
  examples: ['tripartite db seed', 'tripartite db seed --data ./data'],
  async run(args, io) {
    const [{ migrateToLatest }, { readBundle }, { BUNDLED_DATA_DIR }, { seedRegistry }] = await Promise.all([
      import('../../storage/db.ts'),
      import('../../storage/bundle.ts'),
      import('../../storage/paths.ts'),
      import('../../services/seed-registry.ts'),
    ]);
    const dataFlag = stringFlag(args, 'data');
    const dir = dataFlag === undefined ? BUNDLED_DATA_DIR : resolve(dataFlag);
    if (dataFlag !== undefined && !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      throw usageError(`--data must be a folder, and "${dataFlag}" is not one ${seeHelp('db seed')}`);
    }
    let bundle: Awaited<ReturnType<typeof readBundle>>;
    try {
      bundle = await readBundle(dir);
    } catch (error) {
      throw failure(oneLine(error), error);
    }
    const config = configFrom(io);
    return withServices(
      io,
      async ({ handle, repo }) => {
        let applied: string[];
        let counts: Awaited<ReturnType<typeof seedRegistry>>;
        try {
          applied = await migrateToLatest(handle);
          counts = await seedRegistry(repo, bundle);
        } catch (error) {
          throw failure(`seeding ${describeTarget(config)} failed: ${oneLine(error)}`, error);
        }
        if (applied.length) io.stdout(appliedLines(applied, handle.describe));
        io.stdout(`Seeded ${handle.describe} from ${dir}:\n`);
        io.stdout(
          fields([
            ['  instruments', String(counts.instruments)],
            ['  countries', String(counts.countries)],
            ['  ratifications', String(counts.ratifications)],
            ['  declarations', String(counts.declarations)],
            ['  ILC sessions', String(counts.ilcSessions)],
            ['  sources', String(counts.sources)],
          ]),
        );
        return 0;
      },
      { prepare: false },
    );
  },
};
