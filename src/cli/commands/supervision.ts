import type { Lang } from '../../domain/facts.ts';
import {
  COMMENT_KINDS,
  PROCEDURES,
  type SupervisoryComment,
  type SupervisoryProcedure,
  stageArticle,
} from '../../domain/supervision/comments.ts';
import { enSupervision } from '../../web/i18n/en-supervision.ts';
import { idSupervision } from '../../web/i18n/id-supervision.ts';
import { boolFlag, type CommandSpec, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { table } from '../format.ts';
import { instrumentCode, iso3, lang, oneOf, wholeNumber } from '../validate.ts';

/* `tripartite comments` and `tripartite procedures`: the supervision lists of GET /api/comments and /api/procedures. */

const MAX_PAGE_SIZE = 200;
const words = (l: Lang) => (l === 'id' ? idSupervision : enSupervision);

const pagingFlags = {
  page: { type: 'string', value: 'N', description: 'page number, from 1 (default 1)' },
  'page-size': { type: 'string', value: 'N', description: `records per page (default 50, at most ${MAX_PAGE_SIZE})` },
  lang: { type: 'string', value: 'en|id', description: 'language of the labels (default en)' },
  json: { type: 'boolean', description: 'print the API page {items,total,page,pageSize} as JSON' },
} as const;

function paging(args: Parameters<CommandSpec['run']>[0], name: string) {
  return {
    page: wholeNumber(stringFlag(args, 'page'), 1, 100_000, name, '--page') ?? 1,
    pageSize: wholeNumber(stringFlag(args, 'page-size'), 1, MAX_PAGE_SIZE, name, '--page-size') ?? 50,
  };
}

function footer(total: number, page: number, pageSize: number): string {
  return `\n${total} in all; page ${page} of ${Math.max(1, Math.ceil(total / pageSize))}\n`;
}

function commentRows(items: SupervisoryComment[], l: Lang): string[][] {
  const t = words(l);
  return items.map((c) => [
    c.id,
    c.country,
    c.instruments.join(', '),
    c.kind ? t.commentKind[c.kind] : t.kindNotStated,
    c.year === null ? t.yearNotStated : String(c.year),
    (l === 'id' ? (c.summaryId ?? c.summaryEn) : c.summaryEn) ?? t.noSummary,
  ]);
}

function procedureRows(items: SupervisoryProcedure[], l: Lang): string[][] {
  const t = words(l);
  return items.map((p) => [
    p.id,
    t.procedureShort[p.procedure],
    p.country,
    p.instruments.join(', '),
    p.year === null ? t.yearNotStated : String(p.year),
    `${p.stage ? t.stage[p.stage] : t.stageUnknown} (${stageArticle(p.procedure, p.stage)})`,
  ]);
}

export const commentsCommand: CommandSpec = {
  name: 'comments',
  brief: 'List CEACR comments (observations, direct requests), filtered',
  summary: 'List comments of the Committee of Experts, filtered like GET /api/comments.',
  positionals: [],
  flags: {
    country: { type: 'string', value: 'ISO3', description: 'only comments on this member State, e.g. IDN' },
    instrument: { type: 'string', value: 'CODE', description: 'only comments on this Convention, e.g. C138' },
    kind: { type: 'string', value: 'K', description: `only this kind: ${COMMENT_KINDS.join(', ')}` },
    year: { type: 'string', value: 'YYYY', description: 'only comments of this year' },
    ...pagingFlags,
  },
  examples: ['tripartite comments --country IDN', 'tripartite comments --country IDN --instrument C138 --json'],
  async run(args, io) {
    const name = 'comments';
    const country = stringFlag(args, 'country');
    const instrument = stringFlag(args, 'instrument');
    const filter = {
      country: country === undefined ? undefined : iso3(country, name, '--country'),
      instrument: instrument === undefined ? undefined : instrumentCode(instrument, name, '--instrument'),
      kind: oneOf(stringFlag(args, 'kind'), COMMENT_KINDS, name, '--kind'),
      year: wholeNumber(stringFlag(args, 'year'), 1919, 2100, name, '--year'),
    };
    const l = lang(stringFlag(args, 'lang'), name);
    const { page, pageSize } = paging(args, name);
    const result = await withServices(io, ({ supervision }) => supervision.listComments(filter, { page, pageSize }));
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    const t = words(l);
    if (result.items.length === 0) io.stdout(`${t.noComments}\n`);
    else {
      const h = ['id', t.colCommentCountry, t.colCommentConventions, t.colCommentKind, t.colCommentYear, t.colCommentSummary];
      io.stdout(table(h, commentRows(result.items, l)));
    }
    io.stdout(footer(result.total, result.page, result.pageSize));
    return 0;
  },
};

export const proceduresCommand: CommandSpec = {
  name: 'procedures',
  brief: 'List representations (Art 24), complaints (Art 26) and CAS cases',
  summary: 'List supervisory procedures with their stage and its article, filtered like GET /api/procedures.',
  positionals: [],
  flags: {
    procedure: { type: 'string', value: 'P', description: `only this procedure: ${PROCEDURES.join(', ')}` },
    country: { type: 'string', value: 'ISO3', description: 'only procedures on this member State, e.g. MMR' },
    instrument: { type: 'string', value: 'CODE', description: 'only procedures on this Convention, e.g. C029' },
    year: { type: 'string', value: 'YYYY', description: 'only procedures of this year' },
    ...pagingFlags,
  },
  examples: ['tripartite procedures --procedure art26', 'tripartite procedures --country MMR --json'],
  async run(args, io) {
    const name = 'procedures';
    const country = stringFlag(args, 'country');
    const instrument = stringFlag(args, 'instrument');
    const filter = {
      procedure: oneOf(stringFlag(args, 'procedure'), PROCEDURES, name, '--procedure'),
      country: country === undefined ? undefined : iso3(country, name, '--country'),
      instrument: instrument === undefined ? undefined : instrumentCode(instrument, name, '--instrument'),
      year: wholeNumber(stringFlag(args, 'year'), 1919, 2100, name, '--year'),
    };
    const l = lang(stringFlag(args, 'lang'), name);
    const { page, pageSize } = paging(args, name);
    const result = await withServices(io, ({ supervision }) => supervision.listProcedures(filter, { page, pageSize }));
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    const t = words(l);
    if (result.items.length === 0) io.stdout(`${t.noProcedures}\n`);
    else {
      const h = ['id', t.colProcedure, t.colCommentCountry, t.colCommentConventions, t.colProcedureYear, t.colProcedureStage];
      io.stdout(table(h, procedureRows(result.items, l)));
    }
    io.stdout(footer(result.total, result.page, result.pageSize));
    return 0;
  },
};
