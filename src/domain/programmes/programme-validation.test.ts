import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Programme } from './programme.ts';
import { programmeSlug, validateProgramme } from './programme-validation.ts';

const base: Programme = {
  id: 'east-indonesia',
  nameEn: 'EAST',
  nameId: null,
  aimEn: null,
  aimId: null,
  countries: ['IDN'],
  area: null,
  startYear: 2011,
  endYear: 2015,
  durationYears: null,
  closedPerSource: false,
  donors: null,
  partners: null,
  instruments: ['C138'],
  themes: ['youth-employment'],
  roles: null,
  activities: null,
  outcomes: null,
  url: null,
  source: 'SEED-FOUNDING-TEXT',
  confidence: 'medium',
  notes: null,
};

const fields = (p: Partial<Programme>) => validateProgramme({ ...base, ...p }, 2026).map((i) => i.field);

test('a well-formed programme passes; unknowns (null) are allowed everywhere but the name', () => {
  assert.deepEqual(fields({}), []);
  assert.deepEqual(fields({ countries: null, instruments: null, startYear: null, endYear: null, roles: null }), []);
});

test('each bad field is named', () => {
  assert.deepEqual(fields({ nameEn: '  ' }), ['nameEn']);
  assert.deepEqual(fields({ startYear: 2016, endYear: 2015 }), ['endYear']);
  assert.deepEqual(fields({ startYear: 1800 }), ['startYear']);
  assert.deepEqual(fields({ endYear: 2037 }), ['endYear'], 'more than ten years ahead');
  assert.deepEqual(fields({ endYear: 2036 }), []);
  assert.deepEqual(fields({ countries: ['IDN', 'idn'] }), ['countries.1']);
  assert.deepEqual(fields({ countries: ['IDN', 'IDN'] }), ['countries']);
  assert.deepEqual(fields({ themes: ['gardening' as never] }), ['themes.0']);
  assert.deepEqual(fields({ roles: ['trainer', 'boss' as never] }), ['roles.1']);
  assert.deepEqual(fields({ url: 'javascript:alert(1)' }), ['url']);
  assert.deepEqual(fields({ donors: ['ok', ''] }), ['donors.1']);
  assert.deepEqual(fields({ durationYears: 1.5 }), ['durationYears']);
  assert.deepEqual(fields({ id: 'Bad_Id' }), ['id']);
});

test('slugs: lower case, accents dropped, at most 60 characters, never empty', () => {
  assert.equal(programmeSlug('Bolsa Família (Brazil)'), 'bolsa-familia-brazil');
  assert.equal(programmeSlug('  —  '), 'programme');
  const long = programmeSlug('a '.repeat(100));
  assert.ok(long.length <= 60 && !long.endsWith('-'));
});
