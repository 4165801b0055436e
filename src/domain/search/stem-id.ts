/**
 * A small Indonesian affix-stripper for search (decision 176): no dictionary, so it is tuned for
 * recall and consistency (the same stripping on indexed words and on queries), not for linguistic
 * exactness. pekerjaan, pekerja and bekerja all give "kerja".
 *
 * Order: particles (-lah, -kah, -nya), then derivational suffixes (-kan, -an, -i), then up to two
 * prefixes (di-, ke-, se-, ter-, ber-/be-, per-, me-/mem-/men-/meng-/meny-, pe-/pem-/pen-/peng-/peny-),
 * each only when at least MIN_ROOT letters remain. Nasal prefixes restore the root's first letter
 * where the nasal replaced it (menulis → tulis, memukul → pukul, menyapu → sapu).
 */
export const MIN_ROOT = 4;

const VOWEL = /^[aiueo]/;

function dropSuffix(word: string, suffixes: readonly string[]): string {
  for (const s of suffixes) if (word.endsWith(s) && word.length - s.length >= MIN_ROOT) return word.slice(0, -s.length);
  return word;
}

/** One prefix removed, or null when none applies. */
function dropPrefix(w: string): string | null {
  const rest = (n: number) => w.slice(n);
  const ok = (root: string) => (root.length >= MIN_ROOT ? root : null);
  // Nasal prefixes of verbs (me-) and of nouns (pe-): the longest first.
  for (const p of ['me', 'pe'] as const) {
    if (!w.startsWith(p)) continue;
    const after = rest(2);
    if (after.startsWith('ng')) return ok(after.slice(2)); // menghapus → hapus, mengambil → ambil
    if (after.startsWith('ny') && VOWEL.test(after.slice(2))) return ok(`s${after.slice(2)}`); // menyapu → sapu
    if (after.startsWith('m')) {
      const r = after.slice(1);
      if (/^[bfpv]/.test(r)) return ok(r); // membawa → bawa
      if (VOWEL.test(r)) return ok(`p${r}`); // memukul → pukul
    }
    if (after.startsWith('n')) {
      const r = after.slice(1);
      if (/^[cdjz]/.test(r)) return ok(r); // mendengar → dengar
      if (VOWEL.test(r)) return ok(`t${r}`); // menulis → tulis
    }
    if (p === 'pe' && after.startsWith('r') && !VOWEL.test(after.slice(1))) return ok(after.slice(1)); // perlindungan → lindung
    if (/^[lrwy]/.test(after)) return ok(after); // melarang → larang, pelatih → latih
    if (/^[^aiueo]er/.test(after)) return ok(after); // pekerja → kerja
    return null;
  }
  if (w.startsWith('ber')) return ok(rest(3)); // berlaku → laku
  if (w.startsWith('be') && /^[^aiueo]er/.test(rest(2))) return ok(rest(2)); // bekerja → kerja
  if (w.startsWith('ter')) return ok(rest(3)); // terburuk → buruk
  for (const p of ['di', 'ke', 'se']) if (w.startsWith(p)) return ok(rest(2));
  return null;
}

export function stemId(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  let w = dropSuffix(word, ['lah', 'kah', 'nya']);
  // -kan after a consonant (bolehkan → boleh), but -an after a vowel + k: most roots end in -k
  // (pendidikan → didik, tindakan → tindak), fewer in a vowel followed by -kan (kerjakan).
  w = /[aiueo]kan$/.test(w) ? dropSuffix(w, ['an']) : dropSuffix(w, ['kan', 'an', 'i']);
  for (let i = 0; i < 2; i++) {
    const next = dropPrefix(w);
    if (next === null) break;
    w = next;
  }
  return w;
}
