import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { openDataZip } from '../../services/open-data/export.ts';
import { type CliIo, type ParsedArgs, seeHelp, stringFlag } from '../args.ts';
import { oneLine, withServices } from '../context.ts';
import { failure, usageError } from '../errors.ts';

/** `tripartite export --zip FILE`: the same ZIP as GET /api/export.zip (decision 185), released today (UTC). */
export async function exportZip(file: string, args: ParsedArgs, io: CliIo): Promise<number> {
  if (file === '') throw usageError(`--zip needs a file name ${seeHelp('export')}`);
  for (const other of ['format', 'out', 'instrument', 'country']) {
    if (stringFlag(args, other) !== undefined)
      throw usageError(`--zip exports every table; it cannot be combined with --${other} ${seeHelp('export')}`);
  }
  const label = await withServices(io, async (services) => {
    const today = new Date().toISOString().slice(0, 10);
    const { release, stream } = await openDataZip({ ...services, today: () => today });
    try {
      await pipeline(stream, createWriteStream(file));
    } catch (error) {
      throw failure(`cannot write ${file}: ${oneLine(error)}`, error);
    }
    return release.label;
  });
  io.stdout(`Wrote the open data (${label}) to ${file}\n`);
  return 0;
}
