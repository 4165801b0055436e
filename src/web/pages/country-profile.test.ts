import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { NationalProfile } from '../../domain/child-labour/types.ts';
import { countryCoverage } from '../../domain/coverage.ts';
import type { CountryProfile } from '../../services/registry-service.ts';
import { createView } from '../views/view.ts';
import { renderCountryProfile } from './country-profile.ts';

/* The national-law section of the country page: the night-work rule (issue 8 item 3). */

const profile: CountryProfile = {
  country: {
    iso3: 'IDN',
    iso2: 'ID',
    nameEn: 'Indonesia',
    nameId: 'Indonesia',
    region: 'Asia and the Pacific',
    membershipDate: '1950-05-12',
    membershipNote: null,
    source: 'WP-ILO-MEMBERS',
    confidence: 'medium',
    notes: null,
  },
  ratifications: [],
  childLabour: { c138: { ratified: false, ratification: null, minimumAge: null }, c182: { ratified: false, ratification: null } },
  sources: [],
  coverage: countryCoverage('IDN', 0, []),
};

const national: NationalProfile = {
  iso3: 'IDN',
  generalMinimumAge: { value: 15, source: 'USDOL-SWEATTOIL-2022' },
  hazardousMinimumAge: null,
  compulsoryEducationAge: null,
  sources: ['USDOL-SWEATTOIL-2022', 'UU-13-2003'],
};
const nightWork = {
  underAge: 18,
  sex: 'female' as const,
  from: '23:00',
  to: '07:00',
  source: 'UU-13-2003',
  citation: 'UU 13/2003 Pasal 76(1)',
};
const page = (lang: 'en' | 'id', p: NationalProfile) =>
  renderCountryProfile(createView(lang, '/countries/IDN', ''), profile, { national: p });

describe('country page: national night-work rule', () => {
  test('should show the rule with its provision and source, in both languages', () => {
    assert.match(
      page('en', { ...national, nightWork }),
      /<dt>Night work by young workers<\/dt><dd>Female workers under 18 may not be employed between 23:00 and 07:00<br><span class="note">provision: UU 13\/2003 Pasal 76\(1\); source: <span class="source-ids">UU-13-2003<\/span>/,
    );
    assert.match(
      page('id', { ...national, nightWork }),
      /Pekerja perempuan yang berumur kurang dari 18 tahun dilarang dipekerjakan antara pukul 23\.00 sampai dengan pukul 07\.00/,
    );
  });

  test('should leave the line out where the profile has no night-work rule', () => {
    assert.doesNotMatch(page('en', national), /Night work by young workers/);
  });
});
