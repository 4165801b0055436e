import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonths, isOnOrBefore, parsePartialDate } from './partial-date.ts';

describe('parsePartialDate', () => {
  const cases: [string, ReturnType<typeof parsePartialDate>][] = [
    ['1973-06-26', { year: 1973, month: 6, day: 26, precision: 'day' }],
    ['1999', { year: 1999, month: null, day: null, precision: 'year' }],
    ['2024-02-29', { year: 2024, month: 2, day: 29, precision: 'day' }],
    ['2023-02-29', null],
    ['1999-13-01', null],
    ['99', null],
    ['1999-6-1', null],
    ['', null],
  ];
  for (const [input, expected] of cases) {
    test(`reads "${input}"`, () => assert.deepEqual(parsePartialDate(input), expected));
  }
});

describe('addMonths', () => {
  const cases: [string, number, string | null][] = [
    ['2000-03-28', 12, '2001-03-28'],
    ['1999', 12, '2000'],
    ['1999', 6, null],
    ['2024-02-29', 12, '2025-02-28'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2000-12-15', 1, '2001-01-15'],
    ['not a date', 12, null],
  ];
  for (const [date, months, expected] of cases) {
    test(`${date} + ${months} months = ${expected}`, () => assert.equal(addMonths(date, months), expected));
  }
});

describe('isOnOrBefore', () => {
  test('compares days exactly', () => {
    assert.equal(isOnOrBefore('2001-03-28', '2001-03-28'), true);
    assert.equal(isOnOrBefore('2001-03-29', '2001-03-28'), false);
  });
  test('answers for years only when the years differ', () => {
    assert.equal(isOnOrBefore('2000', '2001-01-01'), true);
    assert.equal(isOnOrBefore('2002', '2001-12-31'), false);
    assert.equal(isOnOrBefore('2001', '2001-06-01'), null);
  });
});
