import type { Lang } from '../../facts.ts';
import type { ConditionKey, MinimumAgeBasis, Reason, Verdict, WorkKind } from '../types.ts';
import { BASIS_NAMES_EN, CONDITIONS_EN, MESSAGES_EN, PHRASES_EN, VERDICT_NAMES_EN, WORK_NAMES_EN } from './en.ts';
import { BASIS_NAMES_ID, CONDITIONS_ID, MESSAGES_ID, PHRASES_ID, VERDICT_NAMES_ID, WORK_NAMES_ID } from './id.ts';

export const CATALOGUES = {
  en: {
    messages: MESSAGES_EN,
    conditions: CONDITIONS_EN,
    verdicts: VERDICT_NAMES_EN,
    works: WORK_NAMES_EN,
    bases: BASIS_NAMES_EN,
    phrases: PHRASES_EN,
  },
  id: {
    messages: MESSAGES_ID,
    conditions: CONDITIONS_ID,
    verdicts: VERDICT_NAMES_ID,
    works: WORK_NAMES_ID,
    bases: BASIS_NAMES_ID,
    phrases: PHRASES_ID,
  },
} as const satisfies Record<Lang, unknown>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * The reason as a sentence in `lang`, with its facts filled in. A placeholder without a param stays
 * visible as `{name}` so a gap shows instead of reading as a fact.
 */
export function renderMessage(reason: Reason, lang: Lang): string {
  const template = CATALOGUES[lang].messages[reason.messageKey];
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = reason.params[name];
    return value === undefined ? whole : formatParam(name, value, lang);
  });
}

export function renderCondition(key: ConditionKey, lang: Lang): string {
  return CATALOGUES[lang].conditions[key];
}

export function renderVerdict(verdict: Verdict, lang: Lang): string {
  return CATALOGUES[lang].verdicts[verdict];
}

/** Where the minimum age came from, as a phrase (e.g. 'declared by the State under C138 Art 2(1)'). */
export function renderBasis(basis: MinimumAgeBasis, lang: Lang): string {
  return CATALOGUES[lang].bases[basis];
}

export function renderWork(work: WorkKind, lang: Lang): string {
  return CATALOGUES[lang].works[work];
}

const ILO_CITATION = /^C(\d+) Art (\d+)((?:\([0-9a-z]+\))*)$/;
const RECOMMENDATION_CITATION = /^R(\d+) Para (\d+)(?:\(([a-z])\))?$/;

/**
 * A citation as a reader of `lang` writes it. English keeps the compact form ('C138 Art 7(1)(b)');
 * Indonesian follows its drafting style: numbers are "ayat", letters "huruf"
 * ('Pasal 7 ayat (1) huruf b Konvensi ILO No. 138'). National citations are already in their form.
 */
export function renderCitation(citation: string, lang: Lang): string {
  if (citation === 'national-law') return CATALOGUES[lang].phrases.nationalLaw;
  if (lang === 'en') return citation;
  // 'national law (SOURCE)': a national fact whose provision is not recorded (rules/rule.ts).
  if (citation.startsWith('national law (')) return `${CATALOGUES[lang].phrases.nationalLawPrefix}${citation.slice('national law'.length)}`;
  const r = RECOMMENDATION_CITATION.exec(citation);
  if (r) return ['Paragraf', r[2], ...(r[3] ? [`huruf ${r[3]}`] : []), 'Rekomendasi ILO No.', String(Number(r[1]))].join(' ');
  const m = ILO_CITATION.exec(citation);
  if (!m) return citation;
  const parts = [...(m[3] ?? '').matchAll(/\(([0-9a-z]+)\)/g)].map((p) => (/^\d+$/.test(p[1]!) ? `ayat (${p[1]})` : `huruf ${p[1]}`));
  return ['Pasal', m[2], ...parts, 'Konvensi ILO No.', String(Number(m[1]))].join(' ');
}

function formatParam(name: string, value: string | number, lang: Lang): string {
  const c = CATALOGUES[lang];
  if (name === 'basis') return c.bases[value as MinimumAgeBasis] ?? String(value);
  if (name === 'work') return c.works[value as WorkKind] ?? String(value);
  if (name.startsWith('verdict')) return c.verdicts[value as Verdict] ?? String(value);
  if (name === 'nationalCitation') return renderCitation(String(value), lang);
  // Indonesian writes clock times with a dot (pukul 23.00).
  if ((name === 'from' || name === 'to') && lang === 'id') return String(value).replace(':', '.');
  if (name === 'adultActivity') return c.phrases.adultActivity[String(value)] ?? String(value);
  if (name === 'nightSex') return c.phrases.nightSex[String(value)] ?? String(value);
  // Source ids are stored semicolon-separated (see data/README.md); a reader gets a list.
  if (name === 'source') return String(value).split(';').join(', ');
  if (name === 'hoursLimit') return value === 'none' ? c.phrases.noHoursLimit : c.phrases.hoursLimit(formatNumber(value, lang));
  return typeof value === 'number' ? formatNumber(value, lang) : value;
}

/** Indonesian writes a decimal comma (3,5 jam). */
function formatNumber(value: string | number, lang: Lang): string {
  const s = String(value);
  return lang === 'id' ? s.replace('.', ',') : s;
}
