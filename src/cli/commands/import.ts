import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Actor } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { normaliseEmail } from '../../services/account-service.ts';
import { checkImportRows } from '../../services/import-check.ts';
import { IMPORT_COLUMNS, type ImportProblem, importColumnOf, parseImportCsv } from '../../services/import-csv.ts';
import { IMPORT_CHUNK_ROWS } from '../../services/ratification-import.ts';
import { boolFlag, type CommandSpec, seeHelp, stringFlag } from '../args.ts';
import { oneLine, withServices } from '../context.ts';
import { failure, usageError } from '../errors.ts';

const NAME = 'import';

/** "Written 5,000 of 30,000 rows (17%), not yet committed": a long import says how far it is. */
export function progressLine(done: number, total: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const uncommitted = done < total ? 'not yet committed' : 'committing';
  return `Written ${n(done)} of ${n(total)} rows (${Math.floor((done / total) * 100)}%), ${uncommitted}`;
}

interface Outcome {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
  /** Odd but sourced facts, imported as given: the user checks them against the source. */
  warnings: ImportProblem[];
}

/** 'line 12, registrationDate' from the edit service → line 12, registration_date. */
function fromServiceIssue(field: string, message: string): ImportProblem {
  const m = /^line (\d+)(?:, (.+))?$/.exec(field);
  if (!m) return { line: 0, field: field || 'row', message };
  const column = m[2]
    ? importColumnOf(m[2])
    : /member State/i.test(message)
      ? 'country'
      : /instrument/i.test(message)
        ? 'instrument'
        : 'row';
  return { line: Number(m[1]), field: column, message };
}

export const importCommand: CommandSpec = {
  name: NAME,
  brief: 'Import ratifications from a CSV file, all rows or none',
  summary: `Add or correct many ratifications from a CSV file in one transaction: every row is imported, or none. Each change is recorded in the history as made by the user given with --as, within that user's role and countries. Columns (header line, any order): ${IMPORT_COLUMNS.join(',')}; country, instrument and source are required, and an empty cell leaves the recorded value as it is. UTF-8 with or without BOM, quoted fields as in RFC 4180. Every problem of every row (form, values, registry, scope and the rules on dates) is listed in one pass as "line N, column: message"; odd but possible facts are imported with a warning.`,
  positionals: [{ name: 'FILE', description: 'the CSV file to import' }],
  flags: {
    as: { type: 'string', value: 'EMAIL', description: 'the user the changes are recorded as (required; see tripartite user list)' },
    json: { type: 'boolean', description: 'print {rows,created,updated,unchanged,problems:[{line,field,message}],warnings:[…]} as JSON' },
  },
  examples: [
    'tripartite import ratifications.csv --as secretariat@example.org',
    'tripartite import idn.csv --as focal.idn@example.org --json',
  ],
  async run(args, io) {
    const file = args.positionals[0] as string;
    const as = stringFlag(args, 'as');
    if (!as) throw usageError(`"${NAME}" needs --as EMAIL, the user the changes are recorded as ${seeHelp(NAME)}`);
    const json = boolFlag(args, 'json');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw failure(`no file ${file}`);

    const report = (outcome: Outcome): number => {
      const byLine = (a: ImportProblem, b: ImportProblem) => a.line - b.line;
      const sorted = [...outcome.problems].sort(byLine);
      const warned = [...outcome.warnings].sort(byLine);
      if (json) {
        io.stdout(`${JSON.stringify({ ...outcome, problems: sorted, warnings: warned }, null, 2)}\n`);
      } else if (sorted.length) {
        for (const p of sorted) io.stderr(`line ${p.line}, ${p.field}: ${p.message}\n`);
      } else {
        for (const w of warned) io.stderr(`warning: line ${w.line}, ${w.field}: ${w.message}\n`);
        io.stdout(
          `Imported ${outcome.rows} row${outcome.rows === 1 ? '' : 's'} from ${file}: ${outcome.created} created, ${outcome.updated} updated, ${outcome.unchanged} unchanged\n`,
        );
      }
      if (sorted.length) {
        io.stderr(`tripartite: ${sorted.length} problem${sorted.length === 1 ? '' : 's'} in ${file}; nothing was imported\n`);
        return 1;
      }
      return 0;
    };

    let parsed: Awaited<ReturnType<typeof parseImportCsv>>;
    try {
      parsed = await parseImportCsv(createReadStream(file));
    } catch (error) {
      throw failure(`cannot read ${file}: ${oneLine(error)}`, error);
    }

    return withServices(io, async ({ handle, repo, edits }) => {
      const { KyselyAccountRepository } = await import('../../storage/account-repository.ts');
      const email = normaliseEmail(as);
      const user = await new KyselyAccountRepository(handle.db).findUserByEmail(email);
      if (!user) throw failure(`no user with email ${email} (see tripartite user list)`);
      if (user.disabledAt) throw failure(`the user ${email} is disabled`);
      const actor: Actor = { id: user.id, email: user.email, role: user.role, countries: user.countries };

      // Everything that can be known before writing, on every row at once, so one run lists every problem.
      const checked = await checkImportRows(actor, [...parsed.rows, ...parsed.flawedRows], parsed.problems, repo, new Date());
      const problems = [...parsed.problems, ...checked.problems];
      const outcome: Outcome = {
        rows: parsed.rows.length + parsed.flawedRows.length,
        created: 0,
        updated: 0,
        unchanged: 0,
        problems,
        warnings: checked.warnings,
      };
      if (problems.length) return report(outcome);

      if (!json) io.stdout(`Importing ${parsed.rows.length} rows from ${file} as ${email}, in one transaction…\n`);
      try {
        Object.assign(
          outcome,
          await edits.importRatifications(actor, parsed.rows, new Date(), {
            // On standard error, so the --json document on standard output stays one document.
            onProgress: ({ done, total }) => {
              if (total > IMPORT_CHUNK_ROWS) io.stderr(`${progressLine(done, total)}\n`);
            },
          }),
        );
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcome.problems = error.issues.length
          ? error.issues.map((i) => fromServiceIssue(i.field, i.message))
          : [{ line: 0, field: 'file', message: error.message }];
      }
      return report(outcome);
    });
  },
};
