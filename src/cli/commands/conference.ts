import { DomainError } from '../../domain/errors.ts';
import type { Lang } from '../../domain/facts.ts';
import { explainVote } from '../../domain/governance/vote.ts';
import { withExplanation } from '../../services/conference-votes.ts';
import { boolFlag, type CommandSpec, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { failure } from '../errors.ts';
import { fields, table } from '../format.ts';
import { lang, wholeNumber } from '../validate.ts';

/* `tripartite conference sessions` and `tripartite conference session <n>`: thin over ConferenceService, like the API. */

const WORDS: Record<Lang, Record<string, string>> = {
  en: {
    session: 'Session',
    year: 'Year',
    place: 'Place',
    dates: 'Dates',
    adopted: 'Adopted',
    unknown: 'unknown',
    none: 'none recorded',
    agenda: 'Agenda',
    delegations: 'Delegations',
    votes: 'Votes',
    source: 'Source',
    state: 'State',
    gov: 'Gov',
    emp: 'Emp',
    wrk: 'Wrk',
    advisers: 'Advisers',
    voting: 'Voting',
    votesYes: 'votes',
    noVote: 'no vote (Art 13(4))',
  },
  id: {
    session: 'Sidang',
    year: 'Tahun',
    place: 'Tempat',
    dates: 'Tanggal',
    adopted: 'Disahkan',
    unknown: 'tidak diketahui',
    none: 'tidak ada yang tercatat',
    agenda: 'Agenda',
    delegations: 'Delegasi',
    votes: 'Pemungutan suara',
    source: 'Sumber',
    state: 'Negara',
    gov: 'Pem',
    emp: 'Peng',
    wrk: 'Pek',
    advisers: 'Penasihat',
    voting: 'Hak suara',
    votesYes: 'memberikan suara',
    noVote: 'tidak memberikan suara (Pasal 13 ayat (4))',
  },
};

const dates = (opening: string | null, closing: string | null, w: Record<string, string>) =>
  opening || closing ? `${opening ?? w.unknown} – ${closing ?? w.unknown}` : (w.unknown as string);

export const conferenceSessionsCommand: CommandSpec = {
  name: 'conference sessions',
  brief: 'List the sessions of the International Labour Conference',
  summary: 'Every session with its year, place, dates and the instruments it adopted (GET /api/conference/sessions).',
  positionals: [],
  flags: {
    lang: { type: 'string', value: 'en|id', description: 'language of labels (default en)' },
    json: { type: 'boolean', description: 'print the same object as GET /api/conference/sessions' },
  },
  examples: ['tripartite conference sessions', 'tripartite conference sessions --json'],
  async run(args, io) {
    const language = lang(stringFlag(args, 'lang'), 'conference sessions');
    const items = await withServices(io, ({ conference }) => conference.listSessions());
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify({ items }, null, 2)}\n`);
      return 0;
    }
    const w = WORDS[language];
    const rows = [...items]
      .sort((a, b) => b.number - a.number)
      .map((s) => [
        String(s.number),
        s.year === null ? (w.unknown as string) : String(s.year),
        s.place ?? (w.unknown as string),
        dates(s.openingDate, s.closingDate, w),
        s.adopted.map((i) => i.code).join(', ') || (w.none as string),
      ]);
    io.stdout(table([w.session, w.year, w.place, w.dates, w.adopted] as string[], rows));
    return 0;
  },
};

export const conferenceSessionCommand: CommandSpec = {
  name: 'conference session',
  brief: 'Show one Conference session: adopted instruments, delegations and votes with their outcomes',
  summary:
    'One session: its facts, agenda, instruments adopted, delegations and each vote with the result the vote engine computes (GET /api/conference/sessions/:number).',
  positionals: [{ name: 'number', description: 'the session number, e.g. 111' }],
  flags: {
    lang: { type: 'string', value: 'en|id', description: 'language of labels and vote explanations (default en)' },
    json: { type: 'boolean', description: 'print the same object as GET /api/conference/sessions/:number' },
  },
  examples: [
    'tripartite conference session 111',
    'tripartite conference session 108 --lang id',
    'tripartite conference session 111 --json',
  ],
  async run(args, io) {
    const number = wholeNumber(args.positionals[0] as string, 1, 999, 'conference session', '<number>') as number;
    const language = lang(stringFlag(args, 'lang'), 'conference session');
    const detail = await withServices(io, async ({ conference }) => {
      try {
        return await conference.getSession(number);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not_found') throw failure(`no session ${number} of the Conference is recorded`);
        throw error;
      }
    });
    if (boolFlag(args, 'json')) {
      io.stdout(`${JSON.stringify({ ...detail, votes: detail.votes.map((v) => withExplanation(v, language)) }, null, 2)}\n`);
      return 0;
    }
    const w = WORDS[language];
    const s = detail.session;
    io.stdout(`ILC ${s.number}\n\n`);
    io.stdout(
      fields([
        [w.year as string, s.year === null ? (w.unknown as string) : String(s.year)],
        [w.place as string, s.place ?? (w.unknown as string)],
        [w.dates as string, dates(s.openingDate, s.closingDate, w)],
        [w.adopted as string, detail.adopted.map((i) => `${i.code} (${i.adoptionDate ?? w.unknown})`).join(', ') || (w.none as string)],
        [w.source as string, s.source ?? (w.unknown as string)],
      ]),
    );
    if (s.agenda.length)
      io.stdout(
        `\n${w.agenda}\n${s.agenda.map((i) => `  ${i.position}. ${i.text}${i.instrument ? ` (${i.instrument})` : ''}`).join('\n')}\n`,
      );
    io.stdout(`\n${w.delegations}\n`);
    if (!detail.delegations.length) io.stdout(`${w.none}\n`);
    else
      io.stdout(
        table(
          [w.state, w.gov, w.emp, w.wrk, w.advisers, w.voting] as string[],
          detail.delegations.map((d) => [
            d.country,
            String(d.summary.government),
            String(d.summary.employers),
            String(d.summary.workers),
            String(d.summary.advisers),
            d.summary.noVote ? (w.noVote as string) : (w.votesYes as string),
          ]),
        ),
      );
    io.stdout(`\n${w.votes}\n`);
    if (!detail.votes.length) io.stdout(`${w.none}\n`);
    for (const v of detail.votes) {
      const lines = v.result ? explainVote(v.result, language) : [v.resultProblem ?? ''];
      io.stdout(
        `  ${v.key}  ${v.date}  ${v.kind}${v.instrument ? ` ${v.instrument.code}` : ''}\n${lines.map((l) => `    ${l}`).join('\n')}\n`,
      );
    }
    return 0;
  },
};
