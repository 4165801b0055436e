import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ageOn, WORK_KINDS } from '../domain/child-labour/index.ts';
import {
  ageAt,
  HOURS_NEGATIVE,
  HOURS_NOT_A_NUMBER,
  HOURS_TOO_MANY,
  parseHoursKey,
  parseIsoDate,
  parseNight,
  parseSex,
  WorkMatcher,
} from './fields.ts';

const bytes = (s: string) => Buffer.from(s, 'latin1');
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('ageAt', () => {
  const date = fc
    .record({ y: fc.integer({ min: 1890, max: 2040 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ y, m, d }) => iso(y, m, d));

  test('equals ageOn (completed years, 29 February → 1 March) for any pair of dates', () => {
    fc.assert(
      fc.property(date, date, (birth, on) => {
        const o = parseIsoDate(on);
        const want = ageOn(birth, on);
        const got = o < 0 ? null : ageAt(bytes(birth), 0, 10, Math.floor(o / 10000), o % 10000);
        if (o < 0 || want === null || want > 120) assert.ok(got === null || got === -1, `${birth} ${on}`);
        else assert.equal(got, want, `${birth} on ${on}`);
      }),
      { numRuns: 20_000 },
    );
  });

  test('leap-day birthdays and impossible dates', () => {
    const at = (birth: string, on: string) => {
      const o = parseIsoDate(on);
      return ageAt(bytes(birth), 0, birth.length, Math.floor(o / 10000), o % 10000);
    };
    assert.equal(at('2012-02-29', '2025-02-28'), 12);
    assert.equal(at('2012-02-29', '2025-03-01'), 13);
    assert.equal(at('2012-02-29', '2024-02-29'), 12);
    for (const bad of [
      '2011-02-29',
      '2011-02-30',
      '2011-13-01',
      '2011-00-10',
      '2011-04-31',
      '0000-01-01',
      '2011-1-01',
      '2011/01/01',
      '20110101',
      '2011-01-0x',
    ])
      assert.equal(at(bad, '2025-06-30'), -1, bad);
    assert.equal(at('2025-07-01', '2025-06-30'), -1);
    assert.equal(at('2025-06-30', '2025-06-30'), 0);
    assert.equal(at('1905-06-30', '2025-06-30'), 120);
    assert.equal(at('1905-06-29', '2025-06-30'), 120);
    assert.equal(at('1904-06-30', '2025-06-30'), -1);
  });
});

describe('parseHoursKey', () => {
  test('decimal hours → micro-hours key whose value is exactly Number(text)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 6 }),
        (h, frac, digits) => {
          const text = digits === 0 ? String(h) : `${h}.${String(frac).padStart(6, '0').slice(0, digits)}`;
          const key = parseHoursKey(bytes(text), 0, text.length);
          if (Number(text) > 24) assert.equal(key, HOURS_TOO_MANY, text);
          else assert.equal((key - 1) / 1e6, Number(text), text);
        },
      ),
    );
  });

  test('edge cases', () => {
    const k = (s: string) => parseHoursKey(bytes(s), 0, s.length);
    assert.equal(k(''), 0);
    assert.equal(k('8'), 8e6 + 1);
    assert.equal(k('08.50'), 8.5e6 + 1);
    assert.equal(k('.25'), 0.25e6 + 1);
    assert.equal(k('24'), 24e6 + 1);
    assert.equal(k('24.0000000'), 24e6 + 1);
    assert.equal(k('2.9999999'), -1); // valid, no exact key: the caller uses Number(text)
    assert.equal(k('24.0000001'), HOURS_TOO_MANY);
    assert.equal(k('25'), HOURS_TOO_MANY);
    assert.equal(k('-1'), HOURS_NEGATIVE);
    assert.equal(k('-0'), 1);
    for (const bad of ['abc', '.', '1e3', '1,5', '8h', '- 1', '+']) assert.equal(k(bad), HOURS_NOT_A_NUMBER, bad);
  });
});

test('parseNight: 1/0, true/false, yes/no in any case; empty is no', () => {
  const n = (s: string) => parseNight(bytes(s), 0, s.length);
  for (const yes of ['1', 'true', 'TRUE', 'Yes', 'yEs']) assert.equal(n(yes), 1, yes);
  for (const no of ['', '0', 'false', 'No', 'NO']) assert.equal(n(no), 0, no);
  for (const bad of ['2', 'y', 'n', 'maybe', 'truee', 'nope', 'ja']) assert.equal(n(bad), -1, bad);
});

test('parseSex: female/f/perempuan → 1, male/m/laki-laki → 2 in any case; empty is unknown (0); anything else −1', () => {
  const x = (s: string) => parseSex(bytes(s), 0, s.length);
  for (const f of ['female', 'F', 'f', 'Perempuan', 'PEREMPUAN']) assert.equal(x(f), 1, f);
  for (const m of ['male', 'MALE', 'm', 'Laki-Laki', 'laki-laki']) assert.equal(x(m), 2, m);
  assert.equal(x(''), 0);
  for (const bad of ['w', 'woman', 'females', 'fe', 'lakilaki', 'laki laki', 'x', 'unknown', '1', 'pria']) assert.equal(x(bad), -1, bad);
});

test('WorkMatcher: every kind in any case, nothing else', () => {
  const m = new WorkMatcher(WORK_KINDS);
  const match = (s: string) => m.match(bytes(s), 0, s.length);
  WORK_KINDS.forEach((k, i) => {
    assert.equal(match(k), i);
    assert.equal(match(k.toUpperCase()), i);
  });
  for (const bad of ['', 'regulars', 'regula', 'sexual\x7fexploitation', 'sexual-exploitation', 'office', 'r', 'light ', 'lig\u00e7t'])
    assert.equal(match(bad), -1, bad);
  // kinds sharing a length and first letter still resolve
  const tricky = new WorkMatcher(['slave', 'stone', 'sa']);
  assert.equal(tricky.match(bytes('STONE'), 0, 5), 1);
  assert.equal(tricky.match(bytes('slave'), 0, 5), 0);
  assert.equal(tricky.match(bytes('store'), 0, 5), -1);
});
