import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Declaration, declarationInEffect, entryIntoForceForState, isInEffectOn } from './ratification.ts';

const decl = (value: number, date: string | null): Declaration => ({
  kind: 'minimum_age',
  article: date === null ? 'C138 Art 2(1)' : 'C138 Art 2(2)',
  value,
  date,
  source: 'TEST',
  confidence: 'high',
  notes: null,
});

describe('declarationInEffect (C138 Art 2(1), raised under Art 2(2))', () => {
  test('no declaration means unknown, not a default age', () => {
    assert.equal(declarationInEffect([]), null);
  });
  test('the latest dated declaration wins', () => {
    assert.equal(declarationInEffect([decl(14, '1999-01-01'), decl(15, '2010-05-01')])?.value, 15);
    assert.equal(declarationInEffect([decl(16, '2012-01-01'), decl(14, '1999-01-01')])?.value, 16);
  });
  test('an Art 2(2) notice outranks the Art 2(1) declaration even when its date is unknown', () => {
    const initial: Declaration = { ...decl(15, '1977'), article: 'C138 Art 2(1)' };
    const raised: Declaration = { ...decl(16, null), article: 'C138 Art 2(2)' };
    assert.equal(declarationInEffect([initial, raised])?.value, 16);
    assert.equal(declarationInEffect([raised, initial])?.value, 16);
  });
  test('a dated later notice beats an undated declaration', () => {
    assert.equal(declarationInEffect([decl(14, null), decl(15, '2015-01-01')])?.value, 15);
  });
});

describe('entryIntoForceForState (C138 Art 12(3), C182 Art 10(3))', () => {
  test('twelve months after registration', () => {
    assert.equal(entryIntoForceForState('2000-03-28', 12), '2001-03-28');
    assert.equal(entryIntoForceForState('1999', 12), '2000');
  });
  test('unknown when the registration date or the rule is unknown', () => {
    assert.equal(entryIntoForceForState(null, 12), null);
    assert.equal(entryIntoForceForState('2000-03-28', null), null);
  });
  test('in effect on a date', () => {
    assert.equal(isInEffectOn('2001-03-28', '2001-03-27'), false);
    assert.equal(isInEffectOn('2001-03-28', '2001-03-28'), true);
    assert.equal(isInEffectOn(null, '2020-01-01'), null);
  });
});
