import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyseQuery, MAX_QUERY_TERMS } from './analyse.ts';
import { fold } from './fold.ts';
import { stemEn } from './stem-en.ts';
import { MIN_ROOT, stemId } from './stem-id.ts';

describe('Indonesian affix stripping', () => {
  const table: [string, string][] = [
    // pekerjaan / pekerja / bekerja share the root kerja (issue 10).
    ['pekerjaan', 'kerja'],
    ['pekerja', 'kerja'],
    ['bekerja', 'kerja'],
    ['kerja', 'kerja'],
    ['anak', 'anak'],
    ['usia', 'usia'],
    ['minimum', 'minimum'],
    // me- and its nasal forms, with the root's first letter restored where the nasal replaced it.
    ['melarang', 'larang'],
    ['membawa', 'bawa'],
    ['memukul', 'pukul'],
    ['mendengar', 'dengar'],
    ['menulis', 'tulis'],
    ['menghapus', 'hapus'],
    ['mengambil', 'ambil'],
    ['menyapu', 'sapu'],
    // pe- and its forms, with suffixes.
    ['pelarangan', 'larang'],
    ['penghapusan', 'hapus'],
    ['pendidikan', 'didik'],
    ['perlindungan', 'lindung'],
    ['pelatihan', 'latih'],
    // ber-/be-, di-, ter-, and two prefixes in a row.
    ['berlaku', 'laku'],
    ['dilarang', 'larang'],
    ['terburuk', 'buruk'],
    ['diperbolehkan', 'boleh'],
    // Particles.
    ['anaknya', 'anak'],
    // No stripping below the minimum root: ke- is not taken off kerja, be- not off bentuk.
    ['bentuk', 'bentuk'],
    ['kebun', 'kebun'],
  ];
  for (const [word, root] of table) test(`${word} → ${root}`, () => assert.equal(stemId(word), root));

  test(`never leaves fewer than ${MIN_ROOT} letters`, () => {
    for (const w of ['dia', 'kita', 'ini', 'itu', 'seni', 'beli']) assert.ok(stemId(w).length >= Math.min(MIN_ROOT, w.length), w);
  });

  test('leaves numbers and codes alone', () => {
    assert.equal(stemId('c182'), 'c182');
    assert.equal(stemId('1999'), '1999');
  });
});

describe('English light stemming', () => {
  const table: [string, string][] = [
    ['workers', 'worker'],
    ['forms', 'form'],
    ['working', 'work'],
    ['children', 'child'],
    ['countries', 'country'],
    ['labour', 'labour'],
    ['status', 'status'],
    ['age', 'age'],
    ['minimum', 'minimum'],
    ['this', 'this'],
    ['stopped', 'stop'],
  ];
  for (const [word, stem] of table) test(`${word} → ${stem}`, () => assert.equal(stemEn(word), stem));
});

describe('query analysis', () => {
  test('folds case and accents', () => assert.equal(fold("CÔTE D'IVOIRE"), "cote d'ivoire"));

  test('an instrument named by type and number becomes its code', () => {
    for (const q of ['konvensi 182', 'Convention 182', 'Convention No. 182', 'C182', 'c 182', 'KONVENSI NOMOR 182'])
      assert.deepEqual(analyseQuery(q), [{ forms: ['c182'], fuzzy: false }], q);
    assert.deepEqual(analyseQuery('Rekomendasi 190'), [{ forms: ['r190'], fuzzy: false }]);
    assert.deepEqual(analyseQuery('No. 29'), [{ forms: ['c029', 'r029', 'p029'], fuzzy: false }]);
  });

  test(`a repeated word counts once, and words beyond ${MAX_QUERY_TERMS} are ignored`, () => {
    assert.deepEqual(analyseQuery('labour labour LABOUR'), [{ forms: ['labour'], fuzzy: true }]);
    const many = Array.from({ length: 30 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
    assert.equal(analyseQuery(many).length, MAX_QUERY_TERMS);
  });

  test('each word may match by its English or its Indonesian stem; stop words are dropped', () => {
    assert.deepEqual(analyseQuery('pekerja anak'), [
      { forms: ['pekerja', 'kerja'], fuzzy: true },
      { forms: ['anak'], fuzzy: false },
    ]);
    assert.deepEqual(
      analyseQuery('the minimum age').map((t) => t.forms),
      [['minimum'], ['age']],
    );
  });
});
