import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { langOfPath, pathWithoutLang, preferredLang } from './locale.ts';

describe('preferredLang', () => {
  const cases: [string | undefined, 'en' | 'id'][] = [
    [undefined, 'en'],
    ['', 'en'],
    ['id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7', 'id'],
    ['en-US,en;q=0.9,id;q=0.8', 'en'],
    ['fr-FR, id;q=0.5', 'id'],
    ['fr-FR, de', 'en'],
    ['en;q=0.4, id;q=0.6', 'id'],
    ['id;q=0, en;q=0.1', 'en'],
    ['in', 'id'],
    ['ID-id', 'id'],
    ['id, en', 'id'],
    ['en, id', 'en'],
  ];
  for (const [header, expected] of cases) {
    test(`should choose ${expected} for Accept-Language ${JSON.stringify(header)}`, () => {
      assert.equal(preferredLang(header), expected);
    });
  }
});

describe('portal paths', () => {
  test('should read the language from the first segment', () => {
    assert.equal(langOfPath('/id/instruments'), 'id');
    assert.equal(langOfPath('/id'), 'id');
    assert.equal(langOfPath('/en/x'), 'en');
    assert.equal(langOfPath('/idx/y'), 'en');
    assert.equal(langOfPath('/api/x'), 'en');
  });

  test('should strip the language prefix', () => {
    assert.equal(pathWithoutLang('/en/instruments/C138'), '/instruments/C138');
    assert.equal(pathWithoutLang('/id/'), '/');
    assert.equal(pathWithoutLang('/id'), '/');
    assert.equal(pathWithoutLang('/fr/x'), null);
  });
});
