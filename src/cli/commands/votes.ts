import { DomainError } from '../../domain/errors.ts';
import { renderVoteCitation, VOTE_CATALOGUES, VOTE_KINDS, type VoteKind } from '../../domain/governance/vote.ts';
import { evaluateVoteCounts, type VoteEvaluation } from '../../services/vote-evaluation.ts';
import { boolFlag, type CommandSpec, seeHelp, stringFlag } from '../args.ts';
import { usageError } from '../errors.ts';
import { lang, oneOf } from '../validate.ts';

const NAME = 'votes evaluate';

/** The flag that carries each field of the evaluation's input, to name it in errors. */
const FLAG_OF: Record<string, string> = {
  kind: '--kind',
  for: '--for',
  against: '--against',
  abstain: '--abstain',
  delegatesAttending: '--attending',
};

const TEXT = {
  en: {
    votesCast: 'Votes cast',
    quorum: 'Quorum',
    met: 'met',
    notMet: 'not met',
    required: 'Votes for required',
    margin: 'Margin',
    articles: 'Articles',
  },
  id: {
    votesCast: 'Suara yang diberikan',
    quorum: 'Kuorum',
    met: 'terpenuhi',
    notMet: 'tidak terpenuhi',
    required: 'Suara setuju yang diperlukan',
    margin: 'Selisih',
    articles: 'Pasal',
  },
} as const;

function render(r: VoteEvaluation): string {
  const t = TEXT[r.lang];
  const c = VOTE_CATALOGUES[r.lang];
  const [summary, ...reasons] = r.explanation;
  const lines = [
    `${c.outcomes[r.outcome].toLocaleUpperCase(r.lang)}: ${c.kinds[r.kind]}`,
    `${t.votesCast}: ${r.votesCast}`,
    `${t.quorum}: ${r.quorum} (${r.quorumMet ? t.met : t.notMet})`,
    `${t.required}: ${r.required}`,
    `${t.margin}: ${r.margin}`,
    `${t.articles}: ${r.citations.map((a) => renderVoteCitation(a, r.lang)).join('; ')}`,
    '',
    summary ?? '',
    ...reasons.map((line) => `  - ${line}`),
  ];
  return `${lines.join('\n')}\n`;
}

function count(raw: string | undefined, flag: string, required: boolean): number {
  if (raw === undefined) {
    if (required) throw usageError(`"${NAME}" needs ${flag} ${seeHelp(NAME)}`);
    return 0;
  }
  const n = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw usageError(`${flag} must be a whole number of 0 or more, got "${raw}" ${seeHelp(NAME)}`);
  return n;
}

export const votesEvaluateCommand: CommandSpec = {
  name: NAME,
  brief: 'Decide a Conference vote from its counts (Constitution Arts 17, 19(2), 36)',
  summary:
    'Gives the outcome of a vote of the International Labour Conference (adopted, rejected or void) with the quorum (half the delegates attending, Art 17(3)), the votes cast (for and against; abstentions are reported but not counted unless --abstentions-are-votes-cast), the majority required (more than half, Art 17(2); two-thirds for the final adoption of an instrument, Art 19(2), or an amendment of the Constitution, Art 36), the margin and the articles (POST /api/votes/evaluate).',
  positionals: [],
  flags: {
    kind: {
      type: 'string',
      value: 'KIND',
      description: `${VOTE_KINDS.join(', ')} (instrument = final adoption of a Convention or Recommendation)`,
    },
    for: { type: 'string', value: 'N', description: 'votes for' },
    against: { type: 'string', value: 'N', description: 'votes against' },
    abstain: { type: 'string', value: 'N', description: 'abstentions (default 0)' },
    attending: { type: 'string', value: 'N', description: 'delegates attending the Conference' },
    'abstentions-are-votes-cast': {
      type: 'boolean',
      description: "count abstentions as votes cast (only if the Conference's Standing Orders say so)",
    },
    lang: { type: 'string', value: 'en|id', description: 'language of the explanation (default en)' },
    json: { type: 'boolean', description: 'print the same object as POST /api/votes/evaluate' },
  },
  examples: [
    'tripartite votes evaluate --kind instrument --for 298 --against 148 --abstain 30 --attending 476',
    'tripartite votes evaluate --kind ordinary --for 120 --against 100 --attending 476 --lang id --json',
  ],
  async run(args, io) {
    const kindRaw = stringFlag(args, 'kind');
    if (kindRaw === undefined) throw usageError(`"${NAME}" needs --kind (${VOTE_KINDS.join(', ')}) ${seeHelp(NAME)}`);
    const kind = oneOf(kindRaw, VOTE_KINDS, NAME, '--kind') as VoteKind;
    const input = {
      kind,
      for: count(stringFlag(args, 'for'), '--for', true),
      against: count(stringFlag(args, 'against'), '--against', true),
      abstain: count(stringFlag(args, 'abstain'), '--abstain', false),
      delegatesAttending: count(stringFlag(args, 'attending'), '--attending', true),
      abstentionsAreVotesCast: boolFlag(args, 'abstentions-are-votes-cast'),
    };
    const language = lang(stringFlag(args, 'lang'), NAME);
    let result: VoteEvaluation;
    try {
      result = evaluateVoteCounts(input, language);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'invalid') throw error;
      // The domain names fields ("delegatesAttending (2) is fewer than …"); the CLI names their flags.
      const detail = error.issues.map((i) => {
        const flag = FLAG_OF[i.field] ?? i.field;
        return i.message.startsWith(i.field) ? `${flag}${i.message.slice(i.field.length)}` : `${flag}: ${i.message}`;
      });
      throw usageError(`${detail.join('; ') || error.message} ${seeHelp(NAME)}`);
    }
    io.stdout(boolFlag(args, 'json') ? `${JSON.stringify(result, null, 2)}\n` : render(result));
    return 0;
  },
};
