import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Actor } from '../../domain/access/policy.ts';
import { DomainError } from '../../domain/errors.ts';
import type { CaseImportResult, Importer } from '../../services/cases/case-import.ts';
import { boolFlag, type CommandSpec, seeHelp, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { failure, usageError } from '../errors.ts';

const NAME = 'cases import';
/** A progress line on standard error after every this many rows read (inside the transaction). */
export const PROGRESS_EVERY_ROWS = 5_000;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function humanResult(r: CaseImportResult, file: string): string {
  const skipped = Object.entries(r.skippedBy)
    .filter(([, n]) => n > 0)
    .map(([why, n]) => `${why} ${n}`)
    .join(', ');
  const lines = [
    `Imported ${file} into unit ${r.unitId}, in one transaction (${plural(r.rows, 'row')} read):`,
    `  cases created:    ${r.created.toLocaleString('en-US')}${r.caseNumbers ? ` (numbers ${r.caseNumbers.first}–${r.caseNumbers.last})` : ''}`,
    `  already present:  ${r.alreadyPresent.toLocaleString('en-US')}`,
    `  rows skipped:     ${r.skipped.toLocaleString('en-US')}${skipped ? ` (${skipped})` : ''}`,
    `  bad rows:         ${r.badRowCount.toLocaleString('en-US')}`,
    ...r.badRows.map((b) => `    line ${b.line}, ${b.field}: ${b.message}`),
    ...(r.badRowCount > r.badRows.length ? [`    … and ${plural(r.badRowCount - r.badRows.length, 'more bad row')}`] : []),
    r.identifyingData,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `tripartite cases import FILE --unit ID` (issue 11; decision 220): the screener's output
 * (`tripartite screen --out`, plain or gzip) becomes the unit's cases, in one transaction.
 */
export const casesImportCommand: CommandSpec = {
  name: NAME,
  brief: "Import a screening result into a monitoring unit's cases",
  summary:
    'Reads the CSV written by tripartite screen --out (gzip recognised) and opens an identified case for every row whose verdict is worst_form or prohibited (and conditional with --conditional) of a child under 18, keyed by unit and worker_id: importing the same file again creates no duplicate ("already present"). Bad rows are listed by line and field and the others imported; the whole file is one transaction, all or nothing. Without --consent-recorded no identifying data is stored (no name, no birth date: the age in years is kept). With --as EMAIL the import is checked against that user\'s role in the unit (monitor or case manager) and recorded as theirs; without it, it is recorded as made at the command line by the operator. Exit 0 when imported, 1 when the unit does not exist or the user may not, 2 when the file cannot be imported.',
  positionals: [{ name: 'file', description: 'the screening CSV (tripartite screen --out), or its .gz' }],
  flags: {
    unit: { type: 'string', value: 'ID', description: 'the monitoring unit the cases go to (required)' },
    conditional: { type: 'boolean', description: 'also open cases for conditional verdicts' },
    on: { type: 'string', value: 'YYYY-MM-DD', description: 'identification day; ages are counted on it (default today)' },
    as: { type: 'string', value: 'EMAIL', description: 'check and record the import as this user (a monitor or case manager of the unit)' },
    'consent-recorded': {
      type: 'boolean',
      description:
        "each row's consent_by, consent_relation (parent|guardian) and consent_on record consent (UU 27/2022 Pasal 25(2)): store those rows' name and birth date, sealed",
    },
    json: { type: 'boolean', description: 'print the result as JSON (created, alreadyPresent, skipped, badRows, …)' },
  },
  examples: [
    'tripartite screen workers.csv --out screened.csv && tripartite cases import screened.csv --unit 3',
    'tripartite cases import screened.csv.gz --unit 3 --conditional --json',
  ],
  async run(args, io) {
    const file = args.positionals[0] as string;
    const unitText = stringFlag(args, 'unit');
    if (!unitText) throw usageError(`"${NAME}" needs --unit ID, the monitoring unit ${seeHelp(NAME)}`);
    if (!/^\d{1,9}$/.test(unitText) || Number(unitText) === 0)
      throw usageError(`--unit must be a unit id (a whole number), got "${unitText}" ${seeHelp(NAME)}`);
    const on = stringFlag(args, 'on') ?? io.env.TRIPARTITE_TODAY ?? new Date().toISOString().slice(0, 10);
    const json = boolFlag(args, 'json');
    const info = await stat(file).catch(() => null);
    if (!info) throw usageError(`cannot read "${file}": no such file`);
    if (!info.isFile()) throw usageError(`"${file}" is not a file: give the screening CSV ${seeHelp(NAME)}`);
    const as = stringFlag(args, 'as');

    return withServices(io, async ({ handle, caseImport }) => {
      let importer: Importer = { operator: 'command line (operator)' };
      if (as) {
        const { KyselyAccountRepository } = await import('../../storage/account-repository.ts');
        const user = await new KyselyAccountRepository(handle.db).findUserByEmail(as.trim().toLowerCase());
        if (!user) throw failure(`no user with email ${as} (see tripartite user list)`);
        if (user.disabledAt) throw failure(`the user ${as} is disabled`);
        const actor: Actor = { id: user.id, email: user.email, role: user.role, countries: user.countries };
        importer = { actor };
      }
      let shown = 0;
      const input = createReadStream(file, { highWaterMark: 1 << 20 });
      let result: CaseImportResult;
      try {
        result = await caseImport.importScreening(importer, Number(unitText), input, {
          on,
          includeConditional: boolFlag(args, 'conditional'),
          consentRecorded: boolFlag(args, 'consent-recorded'),
          // On standard error, inside the transaction: the --json document stays alone on standard output.
          onProgress: ({ rows, created }) => {
            if (rows - shown < PROGRESS_EVERY_ROWS) return;
            shown = rows;
            io.stderr(`Read ${rows.toLocaleString('en-US')} rows, ${created.toLocaleString('en-US')} cases so far (not yet committed)\n`);
          },
        });
      } catch (error) {
        if (error instanceof DomainError) {
          if (error.code === 'invalid') throw usageError(`${file}: ${error.message}`);
          throw failure(error.message);
        }
        throw error;
      } finally {
        input.destroy();
      }
      io.stdout(json ? `${JSON.stringify({ file, on, ...result }, null, 2)}\n` : humanResult(result, file));
      return 0;
    });
  },
};
