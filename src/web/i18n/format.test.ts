import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatsFor } from './format.ts';

const en = formatsFor('en');
const id = formatsFor('id');

describe('formatsFor', () => {
  test('should write full dates in words for each locale', () => {
    assert.deepEqual(en.date('1973-06-26'), { text: '26 June 1973', precision: 'day', iso: '1973-06-26' });
    assert.equal(id.date('1973-06-26')?.text, '26 Juni 1973');
    assert.equal(en.date('2000-03-28')?.text, '28 March 2000');
    assert.equal(id.date('2000-03-28')?.text, '28 Maret 2000');
  });

  test('should print a year-only date as just the year', () => {
    assert.deepEqual(en.date('1999'), { text: '1999', precision: 'year', iso: '1999' });
    assert.deepEqual(id.date('1999'), { text: '1999', precision: 'year', iso: '1999' });
  });

  test('should print a month-precision date as month and year', () => {
    assert.equal(en.date('2023-07')?.text, 'July 2023');
    assert.equal(id.date('2023-07')?.text, 'Juli 2023');
    assert.equal(en.date('2023-07')?.precision, 'month');
  });

  test('should not shift dates across time zones', () => {
    assert.equal(en.date('2000-01-01')?.text, '1 January 2000');
    assert.equal(en.date('1999-12-31')?.text, '31 December 1999');
  });

  test('should give null for missing or malformed dates, which the views show as unknown', () => {
    for (const value of [null, undefined, '', '1973-13-01', '1973-02-30', 'June 1973']) {
      assert.equal(en.date(value), null, String(value));
    }
  });

  test('should group digits the way each locale does', () => {
    assert.equal(en.number(12345), '12,345');
    assert.equal(id.number(12345), '12.345');
    assert.equal(en.number(176), '176');
  });

  test('should sort names with the locale collator', () => {
    const names = ['Zambia', 'Côte d’Ivoire', 'Afghanistan', 'Ceko'];
    assert.deepEqual([...names].sort(id.compare), ['Afghanistan', 'Ceko', 'Côte d’Ivoire', 'Zambia']);
  });

  test('should return the same formatter objects on every call', () => {
    assert.equal(formatsFor('en'), en);
    assert.equal(formatsFor('id'), id);
  });
});
