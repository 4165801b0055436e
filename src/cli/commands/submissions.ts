import { DomainError } from '../../domain/errors.ts';
import { SUBMISSION_STATUSES } from '../../domain/supervision/submission.ts';
import { boolFlag, type CommandSpec, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { failure } from '../errors.ts';
import { table } from '../format.ts';
import { dateFlag, iso3, oneOf, wholeNumber } from '../validate.ts';

const NAME = 'submissions';

export const submissionsCommand: CommandSpec = {
  name: NAME,
  brief: 'Submission of adopted instruments to the competent authorities (Constitution Art 19(5)(b), 19(6)(b))',
  summary:
    'Per State and instrument: the due date (closing of the Conference session + 12 months), the latest date (+ 18 months, in exceptional circumstances), the status and the recorded submission. Only sessions the secretariat opened for tracking are listed, unless --session names one. Same data as GET /api/submissions.',
  positionals: [],
  flags: {
    country: { type: 'string', value: 'ISO3', description: 'one member State, e.g. IDN' },
    session: {
      type: 'string',
      value: 'N',
      description: 'one Conference session, e.g. 111 (an untracked session is listed as not_tracked)',
    },
    status: { type: 'string', value: 'STATUS', description: `only this status: ${SUBMISSION_STATUSES.join(', ')}` },
    on: { type: 'string', value: 'YYYY-MM-DD', description: 'reference date (default today)' },
    json: { type: 'boolean', description: 'print {items,total,today,trackedSessions} as GET /api/submissions does' },
  },
  examples: [
    'tripartite submissions --country IDN',
    'tripartite submissions --country IDN --session 111',
    'tripartite submissions --status overdue --json',
  ],
  async run(args, io) {
    const rawCountry = stringFlag(args, 'country');
    const filter = {
      country: rawCountry === undefined ? undefined : iso3(rawCountry, NAME, '--country'),
      session: wholeNumber(stringFlag(args, 'session'), 1, 999, NAME, '--session'),
      status: oneOf(stringFlag(args, 'status'), SUBMISSION_STATUSES, NAME, '--status'),
    };
    const today = (dateFlag(stringFlag(args, 'on'), NAME, '--on') ?? io.env.TRIPARTITE_TODAY ?? new Date().toISOString()).slice(0, 10);
    const list = await withServices(io, async ({ submissions }) => {
      try {
        return await submissions.listSubmissions(filter, today);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not_found') throw failure(error.message);
        throw error;
      }
    });
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify({ items: list.items, total: list.total, today, trackedSessions: list.trackedSessions }, null, 2)}\n`);
      return 0;
    }
    const tracked = list.trackedSessions.map((s) => `${s.session}${s.year ? ` (${s.year})` : ''}`).join(', ') || 'none';
    const header = `Sessions tracked: ${tracked} · on ${today}\n`;
    if (list.items.length === 0) {
      io.stdout(`${header}No submissions match.\n`);
      return 0;
    }
    const rows = list.items.map((i) => [
      i.country,
      i.instrument,
      String(i.session),
      i.dueDate ?? 'unknown',
      i.latestDate ?? 'unknown',
      i.late ? `${i.status} (late)` : i.status,
      i.record?.submittedDate ? `${i.record.submittedDate}${i.record.authority ? ` to ${i.record.authority}` : ''}` : '-',
      i.legalBasis,
    ]);
    io.stdout(
      `${header}${table(['State', 'Instrument', 'Session', 'Due', 'Latest', 'Status', 'Submitted', 'Legal basis'], rows)}${list.total} submission${list.total === 1 ? '' : 's'}\n`,
    );
    return 0;
  },
};
