import { boolFlag, type CommandSpec } from '../args.ts';
import { configFrom, describeTarget, withServices } from '../context.ts';
import { failure } from '../errors.ts';

const NAME = 'data-key rotate';

export const dataKeyRotateCommand: CommandSpec = {
  name: NAME,
  brief: "Re-seal children's identifying data with the current data key",
  summary:
    "Completes a rotation of the key that seals children's identifying data (issue 11): with the new key in TRIPARTITE_DATA_KEY and the old one(s) in TRIPARTITE_DATA_KEYS_OLD, re-seals every value sealed with an old key, page by page (an interrupted run can be repeated). Afterwards the old key is needed only for the values a case's own history recorded before the rotation.",
  positionals: [],
  flags: {
    json: { type: 'boolean', description: 'print the counts as JSON' },
  },
  examples: [
    'TRIPARTITE_DATA_KEY=$(openssl rand -base64 32) TRIPARTITE_DATA_KEYS_OLD=$(cat data/tripartite.db.key) tripartite data-key rotate',
  ],
  async run(args, io) {
    const config = configFrom(io);
    const counts = await withServices(
      io,
      async ({ handle, dataKeys }) => {
        if (!dataKeys) throw failure(`no data key for ${describeTarget(config)}: set TRIPARTITE_DATA_KEY`);
        const { rekeyCaseData } = await import('../../storage/case-rekey.ts');
        const { rekeyDataKeyCheck } = await import('../../storage/data-keys.ts');
        const result = await rekeyCaseData(handle.db, dataKeys);
        await rekeyDataKeyCheck(handle.db, dataKeys);
        return result;
      },
      { requireDataKey: true },
    );
    if (boolFlag(args, 'json')) io.stdout(`${JSON.stringify(counts)}\n`);
    else
      io.stdout(
        `Re-sealed ${counts.values} values with the current key (${counts.cases} cases, ${counts.visits} visits, ${counts.actions} actions) in ${describeTarget(config)}\n`,
      );
    return 0;
  },
};
