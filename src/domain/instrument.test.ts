import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseInstrumentCode } from './instrument.ts';

test('instrument codes are normalised to a letter and three digits', () => {
  assert.equal(normaliseInstrumentCode('C138'), 'C138');
  assert.equal(normaliseInstrumentCode('c1'), 'C001');
  assert.equal(normaliseInstrumentCode(' p29 '), 'P029');
  assert.equal(normaliseInstrumentCode('R0146'), 'R146');
  assert.equal(normaliseInstrumentCode('X138'), null);
  assert.equal(normaliseInstrumentCode('C1384'), null);
  assert.equal(normaliseInstrumentCode(''), null);
});
