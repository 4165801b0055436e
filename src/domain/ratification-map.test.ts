import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Declaration } from './ratification.ts';
import { AGE_FILL, entryFill, mapAge, mapCounts, mapEntries, mapStatus, STATUS_FILL } from './ratification-map.ts';

const declared = (value: number, article = 'C138 Art 2(1)', date: string | null = null): Declaration => ({
  kind: 'minimum_age',
  article,
  value,
  date,
  source: 'T',
  confidence: 'high',
  notes: null,
});

describe('ratification map classes', () => {
  test('a record is ratified whatever its status except denounced; no record is not ratified only on a complete list', () => {
    assert.equal(mapStatus({ status: 'in_force' }, false), 'ratified');
    assert.equal(mapStatus({ status: 'not_in_force' }, true), 'ratified');
    assert.equal(mapStatus({ status: null }, true), 'ratified');
    assert.equal(mapStatus({ status: 'denounced' }, true), 'denounced');
    assert.equal(mapStatus(null, true), 'not_ratified');
    assert.equal(mapStatus(null, false), 'unknown');
  });

  test('the declared minimum age in effect gives the class: 14, 15, 16 (or more), none', () => {
    assert.equal(mapAge({ declarations: [declared(14)] }), '14');
    assert.equal(mapAge({ declarations: [declared(15)] }), '15');
    assert.equal(mapAge({ declarations: [declared(16)] }), '16');
    assert.equal(mapAge({ declarations: [] }), 'none');
    // A later notice under Art 2(2) raising the age outranks the declaration made on ratifying.
    assert.equal(mapAge({ declarations: [declared(14), declared(15, 'C138 Art 2(2)', '2010-01-01')] }), '15');
  });

  test('entries: ages only where asked and only for ratifying States; fills and counts follow the classes', () => {
    const members = [{ iso3: 'IDN' }, { iso3: 'ARG' }, { iso3: 'USA' }, { iso3: 'XXA' }, { iso3: 'AUS' }];
    const rats = [
      { country: 'IDN', status: 'in_force' as const, declarations: [declared(15)] },
      { country: 'ARG', status: 'in_force' as const, declarations: [declared(16)] },
      { country: 'XXA', status: 'denounced' as const, declarations: [declared(14)] },
      { country: 'AUS', status: 'in_force' as const, declarations: [] },
    ];
    const withAges = mapEntries(members, rats, true, true);
    assert.deepEqual(
      withAges.map((e) => [e.iso3, e.status, e.age]),
      [
        ['IDN', 'ratified', '15'],
        ['ARG', 'ratified', '16'],
        ['USA', 'not_ratified', null],
        ['XXA', 'denounced', null],
        ['AUS', 'ratified', 'none'],
      ],
    );
    assert.equal(entryFill(withAges[0]!), AGE_FILL['15']);
    assert.equal(entryFill(withAges[2]!), STATUS_FILL.not_ratified);
    assert.equal(entryFill(withAges[3]!), STATUS_FILL.denounced);
    const counts = mapCounts(withAges);
    assert.equal(counts['age-15'], 1);
    assert.equal(counts['age-16'], 1);
    assert.equal(counts['age-none'], 1);
    assert.equal(counts.not_ratified, 1);
    assert.equal(counts.ratified, 0);
    const plain = mapEntries(members, rats, false, false);
    assert.deepEqual(
      plain.map((e) => [e.status, e.age]),
      [
        ['ratified', null],
        ['ratified', null],
        ['unknown', null],
        ['denounced', null],
        ['ratified', null],
      ],
    );
    assert.equal(entryFill(plain[0]!), STATUS_FILL.ratified);
    assert.equal(entryFill(plain[2]!), STATUS_FILL.unknown);
  });

  test('every class has its own colour', () => {
    const fills = [...Object.values(STATUS_FILL), ...Object.values(AGE_FILL)];
    assert.equal(new Set(fills).size, fills.length);
  });
});
