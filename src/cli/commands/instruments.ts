import { INSTRUMENT_CATEGORIES, INSTRUMENT_STATUSES, INSTRUMENT_TYPES } from '../../domain/instrument.ts';
import { boolFlag, type CommandSpec, seeHelp, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { usageError } from '../errors.ts';
import { localised, orNotRecorded, table } from '../format.ts';
import { labelsFor } from '../labels.ts';
import { lang, oneOf, wholeNumber } from '../validate.ts';

const NAME = 'instruments';

export const instrumentsCommand: CommandSpec = {
  name: NAME,
  brief: 'List instruments, filtered and paged',
  summary: 'List Conventions, Protocols and Recommendations, filtered and paged like GET /api/instruments.',
  positionals: [],
  flags: {
    type: { type: 'string', value: 'T', description: `only this type: ${INSTRUMENT_TYPES.join(', ')}` },
    status: { type: 'string', value: 'S', description: `only this NORMLEX status: ${INSTRUMENT_STATUSES.join(', ')}` },
    category: { type: 'string', value: 'C', description: `only this category: ${INSTRUMENT_CATEGORIES.join(', ')}` },
    subject: { type: 'string', value: 'S', description: 'only instruments on this subject slug, e.g. child-labour' },
    q: { type: 'string', value: 'TEXT', description: 'free text over code and English/Indonesian titles' },
    page: { type: 'string', value: 'N', description: 'page number, from 1 (default 1)' },
    'page-size': { type: 'string', value: 'N', description: 'instruments per page (default 20, at most the API maximum of 200)' },
    lang: { type: 'string', value: 'en|id', description: 'language of labels and titles (default en)' },
    json: { type: 'boolean', description: 'print the API page {items,total,page,pageSize} as JSON' },
  },
  examples: [
    'tripartite instruments --category fundamental',
    'tripartite instruments --subject child-labour --json',
    'tripartite instruments --q "minimum age" --lang id',
  ],
  async run(args, io) {
    const { MAX_PAGE_SIZE, MAX_QUERY_LENGTH } = await import('../../http/api/schemas.ts');
    const subject = stringFlag(args, 'subject');
    if (subject !== undefined && !/^[a-z0-9-]{1,60}$/.test(subject)) {
      throw usageError(`--subject must be a subject slug such as child-labour, got "${subject}" ${seeHelp(NAME)}`);
    }
    const q = stringFlag(args, 'q');
    if (q !== undefined && q.length > MAX_QUERY_LENGTH)
      throw usageError(`--q must be at most ${MAX_QUERY_LENGTH} characters ${seeHelp(NAME)}`);
    const filter = {
      type: oneOf(stringFlag(args, 'type'), INSTRUMENT_TYPES, NAME, '--type'),
      status: oneOf(stringFlag(args, 'status'), INSTRUMENT_STATUSES, NAME, '--status'),
      category: oneOf(stringFlag(args, 'category'), INSTRUMENT_CATEGORIES, NAME, '--category'),
      subject,
      q: q?.trim() || undefined,
    };
    const page = wholeNumber(stringFlag(args, 'page'), 1, 100_000, NAME, '--page') ?? 1;
    const pageSize = wholeNumber(stringFlag(args, 'page-size'), 1, MAX_PAGE_SIZE, NAME, '--page-size') ?? 20;
    const language = lang(stringFlag(args, 'lang'), NAME);
    const json = boolFlag(args, 'json');

    const result = await withServices(io, ({ registry }) => registry.listInstruments(filter, { page, pageSize }));
    if (json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    const l = labelsFor(language);
    const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
    if (result.items.length === 0) {
      io.stdout(`${l.noInstruments}\n${l.pageSummary(result.page, pages, result.total)}\n`);
      return 0;
    }
    const rows = result.items.map((i) => [
      i.code,
      localised(i.titleEn, i.titleId, language, l),
      orNotRecorded(i.adoptionDate, l),
      i.category ? l.instrumentCategory[i.category] : l.notRecorded,
      String(i.recordedRatifications),
    ]);
    io.stdout(table([l.code, l.title, l.adopted, l.category, l.recorded], rows));
    io.stdout(`\n${l.pageSummary(result.page, pages, result.total)}\n`);
    return 0;
  },
};
