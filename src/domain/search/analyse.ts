import { fold, STOP_WORDS, words } from './fold.ts';
import { stemEn } from './stem-en.ts';
import { stemId } from './stem-id.ts';

/** Which analysis an indexed field gets: English or Indonesian stemming, or exact tokens (codes, numbers, names). */
export type FieldLanguage = 'en' | 'id' | 'exact';

/** The terms stored for one word of an indexed field (null: not indexed). */
export function indexTerm(word: string, language: FieldLanguage): string | null {
  const w = fold(word);
  if (language === 'exact') return w;
  if (STOP_WORDS.has(w)) return null;
  return language === 'en' ? stemEn(w) : stemId(w);
}

/** An instrument reference typed in a query: "konvensi 182", "Convention No. 182", "C182", "No. 182". */
const TYPE_WORDS: Record<string, 'c' | 'r' | 'p' | null> = {
  c: 'c',
  konvensi: 'c',
  convention: 'c',
  conv: 'c',
  r: 'r',
  rekomendasi: 'r',
  recommendation: 'r',
  p: 'p',
  protokol: 'p',
  protocol: 'p',
  no: null,
  nomor: null,
  number: null,
};

/**
 * One query term: the forms any of which may match (its English and Indonesian stems, or an
 * instrument code), and whether typos are tolerated (words, not numbers or codes).
 */
export interface QueryTerm {
  forms: string[];
  fuzzy: boolean;
}

/** Words of a query beyond this are ignored: each costs a fuzzy lookup, and no title needs more. */
export const MAX_QUERY_TERMS = 10;

/** The query as terms to match all together (AND), each by any of its forms (OR); a repeated word counts once. */
export function analyseQuery(q: string): QueryTerm[] {
  const seen = new Set<string>();
  return analyseWords(q)
    .filter((t) => {
      const key = t.forms.join(' ');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_QUERY_TERMS);
}

function analyseWords(q: string): QueryTerm[] {
  const ws = words(q);
  const terms: QueryTerm[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as string;
    const glued = /^([crp])(\d{1,3})$/.exec(w);
    if (glued) {
      terms.push({ forms: [`${glued[1]}${(glued[2] as string).padStart(3, '0')}`], fuzzy: false });
      continue;
    }
    if (w in TYPE_WORDS) {
      // A type word followed (possibly after "no"/"nomor") by a number names one instrument.
      let j = i + 1;
      let type = TYPE_WORDS[w] ?? null;
      while (j < ws.length && (ws[j] as string) in TYPE_WORDS && /^\D/.test(ws[j] as string)) {
        type = type ?? TYPE_WORDS[ws[j] as string] ?? null;
        j++;
      }
      const n = ws[j];
      if (n !== undefined && /^\d{1,3}$/.test(n)) {
        const padded = n.padStart(3, '0');
        terms.push({ forms: type ? [`${type}${padded}`] : [`c${padded}`, `r${padded}`, `p${padded}`], fuzzy: false });
        i = j;
        continue;
      }
    }
    if (STOP_WORDS.has(w)) continue;
    if (/\d/.test(w)) {
      terms.push({ forms: [w], fuzzy: false });
      continue;
    }
    const forms = [...new Set([w, stemEn(w), stemId(w)])];
    terms.push({ forms, fuzzy: w.length >= 5 });
  }
  return terms;
}
