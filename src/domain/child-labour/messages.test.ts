import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONDITION_KEYS, MESSAGE_KEYS, MINIMUM_AGE_BASES, renderCitation, renderCondition, VERDICTS, WORK_KINDS } from './index.ts';
import { CATALOGUES } from './messages/render.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const { en, id } = CATALOGUES;
  test('English and Indonesian have the same message keys, and exactly the engine’s', () => {
    assert.deepEqual(Object.keys(en.messages).sort(), [...MESSAGE_KEYS].sort());
    assert.deepEqual(Object.keys(id.messages).sort(), Object.keys(en.messages).sort());
  });
  test('both languages fill the same facts into each message', () => {
    for (const key of MESSAGE_KEYS) assert.deepEqual(placeholders(id.messages[key]), placeholders(en.messages[key]), key);
  });
  test('conditions, verdicts, work kinds and bases are named in both languages', () => {
    for (const lang of [en, id]) {
      assert.deepEqual(Object.keys(lang.conditions).sort(), [...CONDITION_KEYS].sort());
      assert.deepEqual(Object.keys(lang.verdicts).sort(), [...VERDICTS].sort());
      assert.deepEqual(Object.keys(lang.works).sort(), [...WORK_KINDS].sort());
      assert.deepEqual(Object.keys(lang.bases).sort(), [...MINIMUM_AGE_BASES].sort());
    }
  });
  test('no text is empty or left untranslated', () => {
    for (const key of MESSAGE_KEYS) {
      assert.ok(en.messages[key].trim() && id.messages[key].trim(), key);
      assert.notEqual(id.messages[key], en.messages[key], key);
    }
    for (const key of CONDITION_KEYS) assert.notEqual(renderCondition(key, 'id'), renderCondition(key, 'en'), key);
  });
  test('Indonesian uses the legal terms of the official translations', () => {
    const all = Object.values(id.messages).join(' ');
    for (const term of ['pekerjaan ringan', 'pekerjaan berbahaya', 'bentuk pekerjaan terburuk untuk anak', 'usia minimum']) {
      assert.ok(all.includes(term), term);
    }
  });
});

describe('renderCitation', () => {
  const cases: [string, string, string][] = [
    ['C138 Art 7(1)', 'en', 'C138 Art 7(1)'],
    ['C138 Art 7(1)', 'id', 'Pasal 7 ayat (1) Konvensi ILO No. 138'],
    ['C138 Art 7(1)(b)', 'id', 'Pasal 7 ayat (1) huruf b Konvensi ILO No. 138'],
    ['C182 Art 3(d)', 'id', 'Pasal 3 huruf d Konvensi ILO No. 182'],
    ['C138 Art 6', 'id', 'Pasal 6 Konvensi ILO No. 138'],
    ['UU 13/2003 Pasal 69', 'id', 'UU 13/2003 Pasal 69'],
    ['national-law', 'en', 'national law'],
    ['national-law', 'id', 'peraturan perundang-undangan nasional'],
  ];
  for (const [citation, lang, expected] of cases) {
    test(`${citation} (${lang})`, () => assert.equal(renderCitation(citation, lang as 'en' | 'id'), expected));
  }
});
