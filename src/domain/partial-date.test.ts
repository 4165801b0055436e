import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonths, impossibleDayReason, isCertainlyBefore, isOnOrBefore, parsePartialDate } from './partial-date.ts';

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

describe('isCertainlyBefore', () => {
  const cases: [string, string, boolean][] = [
    ['1999-06-16', '1999-06-17', true],
    ['1999-06-17', '1999-06-17', false],
    ['1999', '1999-06-17', false],
    ['1998', '1999-06-17', true],
    ['1999-05', '1999-06-17', true],
    ['1999-06', '1999-06-17', false],
    ['1999-06-17', '1999', false],
    ['1998-12-31', '1999', true],
    ['2024-02', '2024-03-01', true],
    ['not a date', '1999', false],
  ];
  for (const [a, b, expected] of cases) test(`${a} before ${b}: ${expected}`, () => assert.equal(isCertainlyBefore(a, b), expected));
});

describe('impossibleDayReason', () => {
  const cases: [string, string | null][] = [
    ['2023-02-30', 'February 2023 has 28 days'],
    ['2024-02-30', 'February 2024 has 29 days'],
    ['1900-02-29', 'February 1900 has 28 days'],
    ['2000-02-29', null],
    ['2023-04-31', 'April 2023 has 30 days'],
    ['2023-13-01', 'there is no month 13'],
    ['2023-00-10', 'there is no month 00'],
    ['2023-01-00', 'January 2023 has 31 days'],
    ['2023-12-31', null],
    ['2023', null],
  ];
  for (const [value, expected] of cases) test(`${value}: ${expected}`, () => assert.equal(impossibleDayReason(value), expected));
});
