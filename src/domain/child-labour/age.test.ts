import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ageOn } from './age.ts';

describe('ageOn: completed years', () => {
  const cases: [birth: string, on: string, expected: number | null][] = [
    ['2011-06-16', '2026-06-15', 14],
    ['2011-06-15', '2026-06-15', 15],
    ['2011-06-14', '2026-06-15', 15],
    ['2026-06-15', '2026-06-15', 0],
    ['2011-12-31', '2012-12-30', 0],
    ['2011-12-31', '2012-12-31', 1],
    // Born on 29 February: a new year of age on 1 March in common years, on 29 February in leap years.
    ['2008-02-29', '2009-02-28', 0],
    ['2008-02-29', '2009-03-01', 1],
    ['2008-02-29', '2012-02-28', 3],
    ['2008-02-29', '2012-02-29', 4],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2000-02-29', '2100-02-28', 99],
    ['2000-02-29', '2100-03-01', 100],
    // 28 February birthdays are unaffected by leap years.
    ['2007-02-28', '2008-02-28', 1],
    ['2007-02-28', '2008-02-27', 0],
  ];
  for (const [birth, on, expected] of cases) test(`${birth} on ${on} → ${expected}`, () => assert.equal(ageOn(birth, on), expected));
});

describe('ageOn: no age for what is not a date', () => {
  const cases: [birth: string, on: string][] = [
    ['2023-02-29', '2026-01-01'],
    ['2011-13-01', '2026-01-01'],
    ['2011-06-31', '2026-01-01'],
    ['2011-6-1', '2026-01-01'],
    ['2011', '2026-01-01'],
    ['2011-06', '2026-01-01'],
    ['', '2026-01-01'],
    ['yesterday', '2026-01-01'],
    ['2011-06-15', 'today'],
    ['2011-06-15', '2026-02-30'],
    // Born after the reference date.
    ['2026-06-16', '2026-06-15'],
    ['2027-01-01', '2026-06-15'],
  ];
  for (const [birth, on] of cases)
    test(`${JSON.stringify(birth)} on ${JSON.stringify(on)} → null`, () => assert.equal(ageOn(birth, on), null));
});

test('ageOn agrees with counting whole years by calendar arithmetic', () => {
  const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  fc.assert(
    fc.property(day, day, (a, b) => {
      const [birth, on] = a <= b ? [a, b] : [b, a];
      const age = ageOn(iso(birth), iso(on));
      assert.ok(age !== null && age >= 0);
      // The last anniversary reached is on or before `on`, and the next one is after it.
      const anniversary = (years: number) => {
        const y = birth.getUTCFullYear() + years;
        const m = birth.getUTCMonth();
        const d = birth.getUTCDate();
        // 29 Feb in a common year: the anniversary is 1 Mar.
        return new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
      };
      assert.ok(anniversary(age) <= iso(on), `${iso(birth)} ${iso(on)} ${age}`);
      assert.ok(anniversary(age + 1) > iso(on), `${iso(birth)} ${iso(on)} ${age}`);
    }),
    { numRuns: 2000 },
  );
});
