import { renderBasis, renderCitation } from '../../domain/child-labour/index.ts';
import { SEXES, WORK_KINDS } from '../../domain/child-labour/types.ts';
import { DomainError } from '../../domain/errors.ts';
import type { CheckAnswer } from '../../services/compliance-service.ts';
import { boolFlag, type CommandSpec, seeHelp, stringFlag } from '../args.ts';
import { withServices } from '../context.ts';
import { failure, usageError, usageFromDomain } from '../errors.ts';
import { iso3, lang, oneOf, wholeNumber } from '../validate.ts';

const NAME = 'check';

const TEXT = {
  en: {
    verdict: 'Verdict',
    age: 'Age',
    minimumAge: 'Minimum age',
    unknown: 'not determinable (declaration not recorded)',
    sex: 'Sex',
    sexes: { female: 'female', male: 'male' },
    note: 'note',
    uncertain: 'UNCERTAIN: the verdict depends on the C138 declaration, which is not recorded',
    reasons: 'Rules applied',
    conditions: 'Conditions',
    verdicts: {
      permitted: 'permitted',
      other_law: 'not child labour (an adult): other law applies',
      conditional: 'conditional',
      prohibited: 'prohibited',
      worst_form: 'worst form of child labour',
    },
  },
  id: {
    verdict: 'Putusan',
    age: 'Usia',
    minimumAge: 'Usia minimum',
    unknown: 'tidak dapat ditentukan (deklarasi tidak tercatat)',
    sex: 'Jenis kelamin',
    sexes: { female: 'perempuan', male: 'laki-laki' },
    note: 'catatan',
    uncertain: 'TIDAK PASTI: putusan bergantung pada deklarasi C138, yang tidak tercatat',
    reasons: 'Aturan yang diterapkan',
    conditions: 'Syarat',
    verdicts: {
      permitted: 'diperbolehkan',
      other_law: 'bukan pekerja anak (orang dewasa): berlaku hukum lain',
      conditional: 'bersyarat',
      prohibited: 'dilarang',
      worst_form: 'bentuk pekerjaan terburuk untuk anak',
    },
  },
} as const;

function hours(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(n) || n > 24) throw usageError(`--hours-per-day must be a number from 0 to 24, got "${raw}" ${seeHelp(NAME)}`);
  return n;
}

function render(a: CheckAnswer): string {
  const t = TEXT[a.lang];
  const minimumAge = a.minimumAge === null ? t.unknown : `${a.minimumAge}, ${renderBasis(a.minimumAgeBasis, a.lang)}`;
  const lines = [
    `${t.verdict}: ${t.verdicts[a.verdict].toLocaleUpperCase(a.lang)}`,
    `${t.age}: ${a.age}${a.on ? ` (${a.on})` : ''}`,
    `${t.minimumAge}: ${minimumAge}`,
  ];
  if (a.sex) lines.push(`${t.sex}: ${t.sexes[a.sex]}`);
  if (a.uncertain) lines.push(t.uncertain);
  lines.push('', `${t.reasons}:`);
  // A note restricts nothing: it is labelled as a note, never with a verdict.
  for (const r of a.reasons)
    lines.push(`  [${renderCitation(r.citation, a.lang)}] ${r.kind === 'note' ? t.note : t.verdicts[r.verdict]}: ${r.message}`);
  if (a.conditions.length) {
    lines.push('', `${t.conditions}:`);
    for (const c of a.conditions) lines.push(`  - ${c.message}`);
  }
  return `${lines.join('\n')}\n`;
}

export const checkCommand: CommandSpec = {
  name: NAME,
  brief: 'May this person do this work in this country? (C138, C182, national law)',
  summary:
    'Gives the verdict (permitted, other_law, conditional, prohibited or worst_form) for one person and one kind of work, with every rule that applied and the article it comes from, the deciding rule first and notes last (POST /api/compliance/check). other_law: an adult in an activity C182 Art 3(b)-(c) names a worst form for children; not child labour, but unlawful or regulated under other law.',
  positionals: [],
  flags: {
    country: { type: 'string', value: 'ISO3', description: 'ILO member State, ISO 3166 alpha-3 (e.g. IDN)' },
    age: { type: 'string', value: 'N', description: 'age in completed years (or use --birth-date)' },
    'birth-date': { type: 'string', value: 'YYYY-MM-DD', description: 'date of birth; the age is computed on --on' },
    on: { type: 'string', value: 'YYYY-MM-DD', description: 'reference date for --birth-date (default today)' },
    work: { type: 'string', value: 'KIND', description: `kind of work: ${WORK_KINDS.join(', ')}` },
    'hours-per-day': { type: 'string', value: 'H', description: 'hours of work per day (decimals allowed)' },
    night: { type: 'boolean', description: 'the work is done at night' },
    sex: {
      type: 'string',
      value: 'female|male',
      description: 'sex of the worker, optional; only national rules that turn on it use it (e.g. night work, UU 13/2003 Pasal 76(1))',
    },
    lang: { type: 'string', value: 'en|id', description: 'language of the explanation (default en)' },
    json: { type: 'boolean', description: 'print the same object as POST /api/compliance/check' },
  },
  examples: [
    'tripartite check --country IDN --age 14 --work light --hours-per-day 3',
    'tripartite check --country IDN --birth-date 2010-05-01 --on 2026-11-27 --work hazardous --lang id',
    'tripartite check --country IDN --age 16 --work regular --night --sex female',
  ],
  async run(args, io) {
    const countryRaw = stringFlag(args, 'country');
    if (countryRaw === undefined) throw usageError(`"check" needs --country ${seeHelp(NAME)}`);
    const country = iso3(countryRaw, NAME, '--country');
    const workRaw = stringFlag(args, 'work');
    if (workRaw === undefined) throw usageError(`"check" needs --work (${WORK_KINDS.join(', ')}) ${seeHelp(NAME)}`);
    const work = oneOf(workRaw, WORK_KINDS, NAME, '--work') as string;
    const age = wholeNumber(stringFlag(args, 'age'), 0, 120, NAME, '--age');
    const birthDate = stringFlag(args, 'birth-date');
    if (age === undefined && birthDate === undefined) throw usageError(`"check" needs --age or --birth-date ${seeHelp(NAME)}`);
    if (age !== undefined && birthDate !== undefined) throw usageError(`give --age or --birth-date, not both ${seeHelp(NAME)}`);
    const language = lang(stringFlag(args, 'lang'), NAME);
    const sex = oneOf(stringFlag(args, 'sex'), SEXES, NAME, '--sex');
    const today = io.env.TRIPARTITE_TODAY ?? new Date().toISOString().slice(0, 10);
    const answer = await withServices(io, async ({ compliance }) => {
      try {
        return await compliance.check(
          {
            country,
            age: age ?? null,
            birthDate: birthDate ?? null,
            on: stringFlag(args, 'on') ?? null,
            work,
            hoursPerDay: hours(stringFlag(args, 'hours-per-day')) ?? null,
            night: boolFlag(args, 'night'),
            sex: sex ?? null,
            lang: language,
          },
          today,
        );
      } catch (error) {
        if (error instanceof DomainError && error.code === 'invalid') throw usageFromDomain(error, seeHelp(NAME), args.values);
        if (error instanceof DomainError && error.code === 'not_found') throw failure(`no ILO member State with code "${country}"`);
        throw error;
      }
    });
    io.stdout(boolFlag(args, 'json') ? `${JSON.stringify(answer, null, 2)}\n` : render(answer));
    return 0;
  },
};
