/**
 * Light English stemming for search (decision 176): plurals and the commonest verb endings, so
 * that "workers", "worker" and "working" meet, without the over-reach of a full Porter stemmer on
 * short titles.
 */
const IRREGULAR: Record<string, string> = { children: 'child', women: 'woman', men: 'man', people: 'person' };

export function stemEn(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length >= 6) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length >= 5) return undouble(word.slice(0, -2));
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function undouble(w: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}
