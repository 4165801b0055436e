import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findGaps } from './gaps.ts';
import type { Ratification } from './ratification.ts';

const r = (over: Partial<Ratification>): Ratification => ({
  country: 'IDN',
  instrument: 'C138',
  registrationDate: '1999-06-07',
  status: 'in_force',
  legalAct: null,
  nationalTitle: null,
  declarations: [{ kind: 'minimum_age', article: 'C138 Art 2(1)', value: 15, date: null, source: 'x', confidence: 'high', notes: null }],
  source: 'x',
  confidence: 'high',
  notes: null,
  ...over,
});

test('each unknown or weak fact becomes one gap of its kind', () => {
  const gaps = findGaps({
    ratifications: [
      r({}),
      r({ country: 'MYS', declarations: [], registrationDate: null, status: null, confidence: 'low' }),
      r({ country: 'ESP', registrationDate: '1977' }),
      r({ country: 'FRA', instrument: 'C182', declarations: [] }),
    ],
    instruments: [],
    profiles: new Map(),
    countries: [],
  });
  const got = gaps.map((g) => `${g.record}:${g.kind}`).sort();
  assert.deepEqual(got, [
    'ESP/C138:ratification-day',
    'MYS/C138:c138-minimum-age',
    'MYS/C138:low-confidence-ratification',
    'MYS/C138:ratification-date',
    'MYS/C138:ratification-status',
  ]);
});

test('a State without national ages has both profile gaps; a full profile has none', () => {
  const age = { value: 15, source: 's' };
  const gaps = findGaps({
    ratifications: [],
    instruments: [],
    profiles: new Map([
      [
        'IDN',
        {
          iso3: 'IDN',
          generalMinimumAge: age,
          hazardousMinimumAge: { value: 18, source: 's' },
          compulsoryEducationAge: null,
          sources: ['s'],
        },
      ],
    ]),
    countries: ['IDN', 'TLS'],
  });
  assert.deepEqual(
    gaps.map((g) => `${g.record}:${g.kind}`),
    ['TLS:national-minimum-age', 'TLS:national-hazardous-age'],
  );
});
