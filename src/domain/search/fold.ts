/**
 * Text folding for search: lower case, accents removed (NFD, combining marks dropped), so that
 * "Côte d'Ivoire", "cote d'ivoire" and "COTE D'IVOIRE" index and match alike.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Splits folded text into words: runs of letters and digits. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Words that carry no meaning for a search in either language; dropped on both sides so that
 * "convention on the minimum age" and "konvensi tentang usia minimum" match on what matters.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // English
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  // Indonesian
  'atas',
  'dan',
  'dari',
  'di',
  'ke',
  'mengenai',
  'oleh',
  'pada',
  'tentang',
  'untuk',
  'yang',
  'atau',
  'dengan',
]);
