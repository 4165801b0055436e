import { writeFile } from 'node:fs/promises';
import { type CommandSpec, seeHelp, stringFlag } from '../args.ts';
import { oneLine, withServices } from '../context.ts';
import { failure, usageError } from '../errors.ts';
import { instrumentCode, iso3, oneOf } from '../validate.ts';
import { exportZip } from './export-zip.ts';

const NAME = 'export';
const FORMATS = ['csv', 'json'] as const;

export const exportCommand: CommandSpec = {
  name: NAME,
  brief: 'Export ratifications as CSV or JSON',
  summary:
    'Export every recorded ratification: CSV with the columns of GET /api/ratifications?format=csv, or JSON as an array of ratification views.',
  positionals: [],
  flags: {
    format: { type: 'string', value: 'csv|json', description: 'output format (required unless --zip)' },
    zip: {
      type: 'string',
      value: 'FILE',
      description: 'write every public table, the data dictionary and the sources as one ZIP (GET /api/export.zip)',
    },
    out: { type: 'string', value: 'FILE', description: 'write to FILE instead of standard output' },
    instrument: { type: 'string', value: 'C', description: 'only ratifications of this instrument, e.g. C138' },
    country: { type: 'string', value: 'X', description: 'only ratifications by this State, ISO 3166 alpha-3 such as IDN' },
  },
  examples: [
    'tripartite export --format csv --out ratifications.csv',
    'tripartite export --format json --instrument C138',
    'tripartite export --format csv --country IDN',
    'tripartite export --zip open-data.zip',
  ],
  async run(args, io) {
    const zip = stringFlag(args, 'zip');
    if (zip !== undefined) return exportZip(zip, args, io);
    const rawFormat = stringFlag(args, 'format');
    if (rawFormat === undefined) throw usageError(`"${NAME}" needs --format csv or --format json, or --zip FILE ${seeHelp(NAME)}`);
    const format = oneOf(rawFormat, FORMATS, NAME, '--format') as (typeof FORMATS)[number];
    const rawInstrument = stringFlag(args, 'instrument');
    const rawCountry = stringFlag(args, 'country');
    const instrument = rawInstrument === undefined ? undefined : instrumentCode(rawInstrument, NAME, '--instrument');
    const country = rawCountry === undefined ? undefined : iso3(rawCountry, NAME, '--country');
    const out = stringFlag(args, 'out');
    if (out === '') throw usageError(`--out needs a file name ${seeHelp(NAME)}`);

    const rows = await withServices(io, async ({ registry, repo }) => {
      // A filter naming nothing in the registry is almost always a typo; an empty file would hide it.
      if (instrument && !(await repo.getInstrument(instrument))) throw failure(`no instrument with code "${instrument}"`);
      if (country && !(await repo.getCountry(country))) throw failure(`no member State with ISO 3166 alpha-3 code "${country}"`);
      return (await registry.listRatifications({ instrument, country }, null)).items;
    });
    let text: string;
    if (format === 'csv') {
      const { ratificationsCsv } = await import('../../http/api/ratifications-csv.ts');
      text = ratificationsCsv(rows);
    } else {
      text = `${JSON.stringify(rows, null, 2)}\n`;
    }
    if (out === undefined) {
      io.stdout(text);
      return 0;
    }
    try {
      await writeFile(out, text, 'utf8');
    } catch (error) {
      throw failure(`cannot write ${out}: ${oneLine(error)}`, error);
    }
    io.stdout(`Wrote ${rows.length} ratification${rows.length === 1 ? '' : 's'} as ${format.toUpperCase()} to ${out}\n`);
    return 0;
  },
};
