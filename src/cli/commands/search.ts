import { MAX_SEARCH_QUERY } from '../../services/search/search-service.ts';
import { SEARCH_KINDS } from '../../services/search/search-source.ts';
import { boolFlag, type CommandSpec, seeHelp, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { usageError } from '../errors.ts';
import { table } from '../format.ts';
import { lang, oneOf, wholeNumber } from '../validate.ts';

/* One search over everything, from the same service as GET /api/search (decision 175). */

const NAME = 'search';

export const searchCommand: CommandSpec = {
  name: NAME,
  brief: 'Search instruments, States, offices, supervisory comments and Conference sessions',
  summary:
    'One search over everything, like GET /api/search: case- and accent-insensitive, forgiving a typo, with Indonesian affixes and English plurals stripped; results grouped by kind.',
  positionals: [{ name: 'query', description: 'the words to look for, e.g. "pekerja anak", "konvensi 182", "minimum age"' }],
  flags: {
    lang: { type: 'string', value: 'en|id', description: 'language of the titles shown (default en)' },
    kind: { type: 'string', value: SEARCH_KINDS.join('|'), description: 'only this kind of record' },
    limit: { type: 'string', value: 'N', description: 'results shown per kind, 1 to 100 (default 10)' },
    json: { type: 'boolean', description: 'print the API document as JSON' },
  },
  examples: [
    'tripartite search "pekerja anak"',
    'tripartite search "konvensi 182" --lang id --json',
    'tripartite search "minimun age" --kind instrument',
  ],
  async run(args, io) {
    const q = (args.positionals[0] ?? '').trim();
    if (!q) throw usageError(`<query> must not be empty ${seeHelp(NAME)}`);
    if (q.length > MAX_SEARCH_QUERY) throw usageError(`<query> must be at most ${MAX_SEARCH_QUERY} characters ${seeHelp(NAME)}`);
    const language = lang(stringFlag(args, 'lang'), NAME);
    const kind = oneOf(stringFlag(args, 'kind'), SEARCH_KINDS, NAME, '--kind');
    const limit = wholeNumber(stringFlag(args, 'limit'), 1, 100, NAME, '--limit') ?? 10;
    const result = await withServices(io, ({ search }) => search.search({ q, lang: language, kind, limit }));
    if (boolFlag(args, 'json')) {
      const groups = result.groups.map((g) => ({ ...g, hits: g.hits.map(({ path, ...h }) => ({ ...h, href: `/${language}${path}` })) }));
      io.stdout(`${JSON.stringify({ ...result, groups }, null, 2)}\n`);
      return 0;
    }
    if (result.groups.length === 0) {
      io.stdout(`Nothing matches "${q}".\n`);
      return 0;
    }
    if (result.matched === 'any') io.stdout('Nothing matches every word; these match some of them.\n');
    for (const g of result.groups) {
      io.stdout(`\n${g.kind} (${g.total}${g.total > g.hits.length ? `, best ${g.hits.length} shown` : ''})\n`);
      io.stdout(
        table(
          ['Key', 'Title', 'Page'],
          g.hits.map((h) => [h.key, h.title, `/${language}${h.path}`]),
        ),
      );
    }
    return 0;
  },
};
