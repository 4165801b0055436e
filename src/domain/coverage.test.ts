import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CompleteList, countryCoverage, instrumentCoverage } from './coverage.ts';

const LISTS: CompleteList[] = [
  { scope: 'instrument', code: 'C138', source: 'WP-C138', basis: 'rows reach the count' },
  { scope: 'instrument', code: 'C182', source: 'WP-C182', basis: 'rows reach the count' },
  { scope: 'country', code: 'IDN', source: 'ILO-JAKARTA', basis: '19 Conventions' },
];

describe('coverage', () => {
  test('should call an instrument list complete only when the sources list it whole', () => {
    const c138 = instrumentCoverage({ code: 'C138', type: 'convention', publishedCount: null }, 176, LISTS);
    assert.equal(c138?.complete, true);
    const c098 = instrumentCoverage(
      {
        code: 'C098',
        type: 'convention',
        publishedCount: { count: 168, asOf: null, source: 'https://normlex.example/c098', confidence: 'medium', notes: null },
      },
      46,
      LISTS,
    );
    assert.deepEqual(c098, {
      complete: false,
      shown: 46,
      publishedCount: 168,
      asOf: null,
      source: 'https://normlex.example/c098',
      completeFor: [],
    });
  });

  test('should keep a gap row of the published counts as unknown, not zero', () => {
    const p029 = instrumentCoverage(
      { code: 'P029', type: 'protocol', publishedCount: { count: null, asOf: null, source: null, confidence: null, notes: 'gap' } },
      5,
      LISTS,
    );
    assert.equal(p029?.publishedCount, null);
    assert.equal(p029?.complete, false);
  });

  test('should give no coverage for a Recommendation, which is not ratified', () => {
    assert.equal(instrumentCoverage({ code: 'R146', type: 'recommendation', publishedCount: null }, 0, LISTS), null);
  });

  test('should say a State list is partial but complete for the instruments listed whole', () => {
    const bra = countryCoverage('BRA', 3, LISTS);
    assert.equal(bra.complete, false);
    assert.deepEqual(bra.completeFor, ['C138', 'C182']);
    assert.equal(bra.source, null);
    const idn = countryCoverage('IDN', 20, LISTS);
    assert.equal(idn.complete, true);
    assert.equal(idn.source, 'ILO-JAKARTA');
  });

  test('should call nothing complete when no list is known complete', () => {
    assert.equal(countryCoverage('IDN', 20, []).complete, false);
    assert.equal(instrumentCoverage({ code: 'C138', type: 'convention', publishedCount: null }, 176, [])?.complete, false);
  });
});
