import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import countriesLib from 'i18n-iso-countries';
import idLocale from 'i18n-iso-countries/langs/id.json' with { type: 'json' };
import { BUNDLED_DATA_DIR } from '../storage/paths.ts';
import type { MemberState } from './country.ts';
import { COUNTRY_NAME_CORRECTIONS_ID, indonesianCountryName } from './country-names-id.ts';

const countries = JSON.parse(readFileSync(join(BUNDLED_DATA_DIR, 'countries.json'), 'utf8')) as MemberState[];
countriesLib.registerLocale(idLocale);

/** English words that have no place in an Indonesian State name ("Saint" stays: Saint Lucia is Indonesian usage too). */
const ENGLISH =
  /\b(and|the|of|Islands?|Republic|Kingdom|United|States|Federation|Democratic|People'?s?|Central|South|North|East|West|New|Sweden|Maldives)\b/;

describe('Indonesian names of member States', () => {
  test('should have an Indonesian name for every member State, with no English word left in it', () => {
    assert.equal(countries.length, 187);
    const bad = countries.filter((c) => !c.nameId || ENGLISH.test(c.nameId)).map((c) => `${c.iso3}: ${c.nameId}`);
    assert.deepEqual(bad, []);
  });

  test('should be the package names with the reviewed corrections, as the bundled data holds them', () => {
    const differ = countries
      .map((c) => ({ c, expected: indonesianCountryName(c.iso3, countriesLib.getName(c.iso2, 'id') ?? null) }))
      .filter(({ c, expected }) => expected !== c.nameId)
      .map(({ c, expected }) => `${c.iso3}: bundled ${c.nameId}, expected ${expected} (run npm run data:build)`);
    assert.deepEqual(differ, []);
    const byIso3 = new Map(countries.map((c) => [c.iso3, c.nameId]));
    assert.equal(byIso3.get('VCT'), 'Saint Vincent dan Grenadine');
    assert.equal(byIso3.get('GTM'), 'Guatemala');
    assert.equal(byIso3.get('CAF'), 'Republik Afrika Tengah');
  });

  test('should correct only member States, each with a reason and a different name', () => {
    const members = new Set(countries.map((c) => c.iso3));
    for (const [iso3, row] of Object.entries(COUNTRY_NAME_CORRECTIONS_ID)) {
      assert.ok(members.has(iso3), iso3);
      assert.notEqual(row.name, row.packageName, iso3);
      assert.ok(row.why.length > 5, iso3);
    }
    assert.throws(() => indonesianCountryName('GTM', 'Guatemala'), /review the correction/);
    assert.equal(indonesianCountryName('IDN', 'Indonesia'), 'Indonesia');
  });
});
