import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Actor, canWrite, type WriteTarget } from './policy.ts';

const admin: Actor = { id: 1, email: 'a@x', role: 'admin', countries: [] };
const secretariat: Actor = { id: 2, email: 's@x', role: 'secretariat', countries: [] };
const idn: Actor = { id: 3, email: 'f@x', role: 'focal_point', countries: ['IDN'] };
const reader: Actor = { id: 4, email: 'r@x', role: 'reader', countries: [] };

const targets: WriteTarget[] = [
  { kind: 'ratification', country: 'IDN' },
  { kind: 'ratification', country: 'MYS' },
  { kind: 'national_profile', country: 'IDN' },
  { kind: 'national_profile', country: 'MYS' },
  { kind: 'instrument' },
  { kind: 'ilc_session' },
  { kind: 'user' },
  { kind: 'country_record', country: 'IDN' },
  { kind: 'country_record', country: 'MYS' },
  { kind: 'secretariat_record' },
];

const expected: Record<string, boolean[]> = {
  anonymous: [false, false, false, false, false, false, false, false, false, false],
  admin: [true, true, true, true, true, true, true, true, true, true],
  secretariat: [true, true, true, true, true, true, false, true, true, true],
  'focal point IDN': [true, false, true, false, false, false, false, true, false, false],
  reader: [false, false, false, false, false, false, false, false, false, false],
};

test('each role may write exactly what its scope allows', () => {
  const actors: [string, Actor | null][] = [
    ['anonymous', null],
    ['admin', admin],
    ['secretariat', secretariat],
    ['focal point IDN', idn],
    ['reader', reader],
  ];
  for (const [name, actor] of actors) {
    const got = targets.map((t) => canWrite(actor, t).allowed);
    assert.deepEqual(got, expected[name], name);
  }
});

test('a refusal says why', () => {
  const d = canWrite(idn, { kind: 'ratification', country: 'MYS' });
  assert.equal(d.allowed, false);
  assert.match(d.allowed ? '' : d.reason, /focal point for IDN, not for MYS/);
});
