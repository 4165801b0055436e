import { normaliseInstrumentCode } from '../../domain/instrument.ts';
import type { HistoryFilter } from '../../services/history-ports.ts';
import { boolFlag, type CommandSpec, seeHelp, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { usageError } from '../errors.ts';
import { table } from '../format.ts';
import { dateFlag, iso3, wholeNumber } from '../validate.ts';

const NAME = 'history';

function record(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // 'IDN/C138' (a ratification), 'C138' (an instrument) or 'IDN' (a national profile), as in the API.
  const parts = raw.trim().split('/');
  const code = (s: string | undefined) => (s === undefined ? null : normaliseInstrumentCode(s));
  const state = (s: string | undefined) => (s !== undefined && /^[A-Za-z]{3}$/.test(s) ? s.toUpperCase() : null);
  let key: string | null = null;
  if (parts.length === 2 && state(parts[0]) && code(parts[1]) && !code(parts[1])?.startsWith('R'))
    key = `${state(parts[0])}/${code(parts[1])}`;
  else if (parts.length === 1) key = state(parts[0]) ?? code(parts[0]);
  if (!key) throw usageError(`--record must be IDN/C138, C138 or IDN, got "${raw}" ${seeHelp(NAME)}`);
  return key;
}

export const historyCommand: CommandSpec = {
  name: NAME,
  brief: 'Show the change history, newest first',
  summary:
    'The append-only change history: who changed which record, when, how, on what source and why; filtered and paged like GET /api/history.',
  positionals: [],
  flags: {
    record: { type: 'string', value: 'KEY', description: 'one record: IDN/C138 (a ratification), C138 (an instrument) or IDN (a profile)' },
    country: { type: 'string', value: 'ISO3', description: 'changes to records of this State, e.g. IDN' },
    user: { type: 'string', value: 'ID', description: 'changes made by this user id (see tripartite user list)' },
    editor: {
      type: 'string',
      value: 'EMAIL',
      description: "changes made by this editor's email (an operator's filter, as for signed-in editors)",
    },
    from: { type: 'string', value: 'DATE', description: 'changes on or after this date, YYYY-MM-DD' },
    to: { type: 'string', value: 'DATE', description: 'changes on or before this date (the whole day), YYYY-MM-DD' },
    page: { type: 'string', value: 'N', description: 'page number, from 1 (default 1)' },
    'page-size': { type: 'string', value: 'N', description: 'events per page (default 20, at most the API maximum of 200)' },
    json: { type: 'boolean', description: 'print the API page {items,total,page,pageSize} of GET /api/history' },
  },
  examples: ['tripartite history', 'tripartite history --record IDN/C138', 'tripartite history --country IDN --from 2026-01-01 --json'],
  async run(args, io) {
    const { MAX_PAGE_SIZE } = await import('../../http/api/schemas.ts');
    const rawCountry = stringFlag(args, 'country');
    const filter: HistoryFilter = {
      recordKey: record(stringFlag(args, 'record')),
      country: rawCountry === undefined ? undefined : iso3(rawCountry, NAME, '--country'),
      userId: wholeNumber(stringFlag(args, 'user'), 1, Number.MAX_SAFE_INTEGER, NAME, '--user'),
      editor: stringFlag(args, 'editor')?.trim().toLowerCase() || undefined,
      from: dateFlag(stringFlag(args, 'from'), NAME, '--from'),
      to: dateFlag(stringFlag(args, 'to'), NAME, '--to'),
    };
    if (filter.from && filter.to && filter.from.slice(0, 10) > filter.to.slice(0, 10))
      throw usageError(`--from ${filter.from} is after --to ${filter.to}: no day is in that range ${seeHelp(NAME)}`);
    const page = wholeNumber(stringFlag(args, 'page'), 1, 100_000, NAME, '--page') ?? 1;
    const pageSize = wholeNumber(stringFlag(args, 'page-size'), 1, MAX_PAGE_SIZE, NAME, '--page-size') ?? 20;
    const result = await withServices(io, ({ edits }) => edits.history(filter, { page, pageSize }));
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
    const summary = `Page ${result.page} of ${pages} · ${result.total} change${result.total === 1 ? '' : 's'}\n`;
    if (result.items.length === 0) {
      io.stdout(`No changes match.\n${summary}`);
      return 0;
    }
    const rows = result.items.map((e) => [
      String(e.id),
      e.at,
      e.actor,
      e.revertsEventId === null ? e.action : `${e.action} #${e.revertsEventId}`,
      e.recordKey,
      e.source,
      e.reason ?? '-',
    ]);
    io.stdout(table(['ID', 'At', 'Actor', 'Action', 'Record', 'Source', 'Reason'], rows));
    io.stdout(`\n${summary}`);
    return 0;
  },
};
