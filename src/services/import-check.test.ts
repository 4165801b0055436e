import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from '../domain/access/policy.ts';
import type { MemberState } from '../domain/country.ts';
import type { Instrument } from '../domain/instrument.ts';
import { checkImportRows, type ImportLookups } from './import-check.ts';
import { parseImportCsv } from './import-csv.ts';

const NOW = new Date('2026-11-27T10:00:00.000Z');
const admin: Actor = { id: 1, email: 'admin@example.org', role: 'admin', countries: [] };
const focal: Actor = { id: 2, email: 'focal@example.org', role: 'focal_point', countries: ['IDN'] };

const member = (iso3: string, membershipDate: string): MemberState =>
  ({ iso3, iso2: iso3.slice(0, 2), nameEn: iso3, nameId: null, region: null, membershipDate, membershipNote: null }) as MemberState;
const instrument = (code: string, adoptionDate: string): Instrument => ({ code, adoptionDate }) as Instrument;

const STATES = new Map([
  ['IDN', member('IDN', '1950-05-12')],
  ['HRV', member('HRV', '1992-05-21')],
]);
const INSTRUMENTS = new Map([
  ['C138', instrument('C138', '1973-06-26')],
  ['C182', instrument('C182', '1999-06-17')],
]);

/** The registry looked up one code at a time, and counted. */
function oneByOne() {
  const asked: string[] = [];
  const lookups: ImportLookups = {
    getCountry: async (iso3) => {
      asked.push(iso3);
      return STATES.get(iso3) ?? null;
    },
    getInstrument: async (code) => {
      asked.push(code);
      return INSTRUMENTS.get(code) ?? null;
    },
  };
  return { lookups, asked };
}

test('the one-pass check finds the same problems and warnings whether the registry is read one code at a time or all at once', async () => {
  const parsed = await parseImportCsv([
    [
      'country,instrument,registration_date,minimum_age,source',
      'IDN,C138,1999-06-07,15,UU 20/1999',
      'XXA,C138,1999,,a source',
      'IDN,C999,1999,,a source',
      'HRV,C182,1991-10-08,,succession before admission',
      'IDN,C182,1998,,before adoption',
      'IDN,R190,2000,,a Recommendation',
      'HRV,C138,2999-01-01,15,in the future',
      'idn,c182,2000-03-05,,lower case',
    ].join('\n'),
  ]);
  for (const actor of [admin, focal]) {
    const rows = [...parsed.rows, ...parsed.flawedRows];
    const single = oneByOne();
    const expected = await checkImportRows(actor, rows, parsed.problems, single.lookups, NOW);
    const batched = oneByOne();
    const many: ImportLookups = {
      ...batched.lookups,
      getCountries: async (codes) => codes.flatMap((c) => STATES.get(c) ?? []),
      getInstruments: async (codes) => codes.flatMap((c) => INSTRUMENTS.get(c) ?? []),
    };
    const got = await checkImportRows(actor, rows, parsed.problems, many, NOW);
    assert.deepEqual(got, expected);
    assert.deepEqual(batched.asked, [], 'nothing looked up one by one');
    assert.ok(expected.problems.length >= 4 && expected.warnings.length >= 1, JSON.stringify(expected));
  }
});
