import { statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { isIsoDay } from '../../domain/partial-date.ts';
import { ScreenInputError, type ScreenSummary, screenCsv, screenFile } from '../../screening/index.ts';
import { boolFlag, type CommandSpec, seeHelp, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { usageError } from '../errors.ts';
import { openPendingFile } from '../pending-file.ts';
import { lang } from '../validate.ts';
import { humanSummary } from './screen-summary.ts';

const NAME = 'screen';

/** A progress line on the terminal; without a known size (standard input) it shows rows and rate only. */
function progressBar(total: number | null, write: (s: string) => void): (bytes: number, rows: number) => void {
  const started = Date.now();
  return (bytes, rows) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
    const counts = `${rows.toLocaleString('en')} rows  ${rate.toLocaleString('en')} rows/s`;
    if (total === null || total <= 0) return write(`\r${counts}`);
    const share = Math.min(1, bytes / total);
    const width = 30;
    const filled = Math.round(share * width);
    write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${counts}`);
  };
}

export const screenCommand: CommandSpec = {
  name: NAME,
  brief: 'Screen a workers CSV for child labour (streams any size)',
  summary:
    'Classifies every row of a CSV with columns worker_id,country,birth_date,work (optional hours_per_day, night, sex; others passed through) under C138, C182 and national law. Bad rows are reported and skipped; exit 0 when the file was screened, 2 when it cannot be (missing file, a directory, a required column missing, gzip data cut short, an --out that cannot be written). --out is written to a temporary file renamed at the end, so a failed run leaves no partial result.',
  positionals: [
    {
      name: 'file',
      description: 'the CSV file (UTF-8, LF or CRLF, quoted fields allowed); FILE.csv.gz is read through gunzip; - reads standard input',
    },
  ],
  flags: {
    on: { type: 'string', value: 'YYYY-MM-DD', description: 'date on which ages are computed (default today)' },
    out: {
      type: 'string',
      value: 'FILE',
      description:
        'write every input row with verdict, minimum_age and citations appended; - writes them to standard output (the summary then goes to standard error)',
    },
    json: { type: 'boolean', description: 'print the summary as JSON (rows, valid, invalid, verdicts, errors)' },
    lang: {
      type: 'string',
      value: 'en|id',
      description: 'language of the summary (default en); the CSV columns and values stay as documented',
    },
  },
  examples: [
    'tripartite screen workers.csv --on 2026-11-27 --out results.csv',
    'tripartite screen workers.csv --json',
    'tripartite screen workers.csv.gz --out - | gzip > results.csv.gz',
  ],
  async run(args, io) {
    const file = args.positionals[0] as string;
    const on = stringFlag(args, 'on') ?? io.env.TRIPARTITE_TODAY ?? new Date().toISOString().slice(0, 10);
    if (!isIsoDay(on)) throw usageError(`--on must be a date YYYY-MM-DD, got "${on}" ${seeHelp(NAME)}`);
    const language = lang(stringFlag(args, 'lang'), NAME);
    const fromStdin = file === '-';
    let size: number | null = null;
    if (!fromStdin) size = inputSize(file);
    const outPath = stringFlag(args, 'out');
    if (outPath === '') throw usageError(`--out needs a file name, or - for standard output ${seeHelp(NAME)}`);
    const toStdout = outPath === '-';
    // With the rows on standard output, the summary goes to standard error so the two never mix.
    const report = toStdout ? io.stderr : io.stdout;
    const showProgress = !boolFlag(args, 'json') && process.stderr.isTTY === true && io.env.TRIPARTITE_NO_PROGRESS !== '1';
    // The rows go to a temporary file renamed at the end, so a failed run leaves no partial result;
    // opened first, so a bad --out is reported before the database is opened.
    const pending = outPath && !toStdout ? openPendingFile(outPath, '--out') : null;
    let summary: ScreenSummary;
    try {
      summary = await withServices(io, async ({ compliance }) => {
        const facts = await compliance.allCountryFacts();
        const out = toStdout ? (io.stdoutStream ?? textWritable(io.stdout)) : (pending?.stream ?? null);
        const options = { on, facts, out, onProgress: showProgress ? progressBar(size, io.stderr) : undefined };
        try {
          return fromStdin ? await screenCsv(io.stdin ?? process.stdin, options) : await screenFile(file, options);
        } catch (error) {
          if (error instanceof ScreenInputError) throw usageError(`${fromStdin ? 'standard input' : file}: ${error.message}`);
          throw error;
        } finally {
          if (showProgress) io.stderr('\n');
        }
      });
    } catch (error) {
      // A failed write (a full disk) is what the screener stumbled on: report that, naming --out.
      const writeFailure = pending?.writeFailure();
      await pending?.discard();
      throw writeFailure ?? error;
    }
    await pending?.commit();
    const name = fromStdin ? 'standard input' : file;
    report(
      boolFlag(args, 'json') ? `${JSON.stringify({ file: name, on, ...summary }, null, 2)}\n` : humanSummary(summary, name, on, language),
    );
    return 0;
  },
};

/** The input file's size in bytes; a usage error (one line) when it is missing, a directory or unreadable. */
function inputSize(file: string): number {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw usageError(code === 'ENOENT' || code === 'ENOTDIR' ? `cannot read "${file}": no such file` : `cannot read "${file}" (${code})`);
  }
  if (stat.isDirectory()) throw usageError(`"${file}" is a directory: give the CSV file to screen ${seeHelp(NAME)}`);
  if (!stat.isFile()) throw usageError(`"${file}" is not a regular file: give the CSV file to screen, or - for standard input`);
  return stat.size;
}

/** Output rows to a text sink (tests, an embedding program): whole UTF-8 characters only. */
function textWritable(write: (s: string) => void): Writable {
  const decoder = new StringDecoder('utf8');
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      write(decoder.write(chunk));
      callback();
    },
    final(callback) {
      const rest = decoder.end();
      if (rest) write(rest);
      callback();
    },
  });
}
