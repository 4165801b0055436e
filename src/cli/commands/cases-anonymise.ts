import { DomainError } from '../../domain/errors.ts';
import { boolFlag, type CommandSpec, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { failure } from '../errors.ts';
import { dateFlag } from '../validate.ts';
import { unitFlag } from './cases-metrics.ts';

/* Retention (issue 11, decision 225): anonymise a unit's closed cases past its retention period. */

export const casesAnonymiseCommand: CommandSpec = {
  name: 'cases anonymise',
  brief: 'Anonymise closed cases past the unit’s retention period',
  summary:
    'Clears the identifying data (name, birth date, village, location, contact, notes, consent-giver, household and register references, and the notes of visits and actions) of every closed case of the unit whose closing day is at least the unit’s retention period (retention_months) before --today, and records an "anonymise" event in each case’s history. The figures are kept. Safe to run every day.',
  positionals: [],
  flags: {
    unit: { type: 'string', value: 'ID', description: 'the monitoring unit (required)' },
    today: { type: 'string', value: 'YYYY-MM-DD', description: 'the reference day (default: today)' },
    json: { type: 'boolean', description: 'print the result as JSON' },
  },
  examples: ['tripartite cases anonymise --unit 1', 'tripartite cases anonymise --unit 1 --today 2027-01-01 --json'],
  async run(args, io) {
    const unit = unitFlag(args, this.name);
    const today = dateFlag(stringFlag(args, 'today'), this.name, '--today')?.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
    const result = await withServices(io, async ({ caseRetention }) => {
      try {
        return await caseRetention.anonymiseDue(unit, today, new Date(), { userId: null, actor: 'retention (cli)' });
      } catch (error) {
        if (error instanceof DomainError) throw failure(error.message);
        throw error;
      }
    });
    if (boolFlag(args, 'json')) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else
      io.stdout(
        `Unit ${result.unitId}: ${result.anonymised} closed case(s) anonymised (closed on or before ${result.cutoff}; retention ${result.retentionMonths} months).\n`,
      );
    return 0;
  },
};
