import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterOffices, type IloOffice, officesCovering } from './offices.ts';

const office = (over: Partial<IloOffice>): IloOffice => ({
  id: 'x',
  name: 'x',
  type: 'dwt',
  region: 'Asia and the Pacific',
  city: null,
  countryIso3: null,
  countryName: null,
  address: null,
  phone: null,
  email: null,
  covers: [],
  coversOther: [],
  source: 'test',
  confidence: 'medium',
  notes: null,
  ...over,
});

const offices = [
  office({ id: 'bangkok', type: 'regional_office', countryIso3: 'THA' }),
  office({ id: 'jakarta', type: 'country_office', countryIso3: 'IDN', covers: ['IDN', 'TLS'] }),
  office({ id: 'dwt-bangkok', countryIso3: 'THA' }),
  office({ id: 'beirut', type: 'regional_office', region: 'Arab States', countryIso3: 'LBN', covers: ['LBN', 'JOR'] }),
];

test('a State is covered by the office naming it, then the office located in it, then its region’s office', () => {
  assert.deepEqual(
    officesCovering(offices, { iso3: 'IDN', region: 'Asia and the Pacific' }).map((c) => [c.office.id, c.basis]),
    [
      ['jakarta', 'covers'],
      ['bangkok', 'region'],
    ],
  );
  assert.deepEqual(
    officesCovering(offices, { iso3: 'THA', region: 'Asia and the Pacific' }).map((c) => [c.office.id, c.basis]),
    [
      ['bangkok', 'located'],
      ['dwt-bangkok', 'located'],
    ],
  );
  assert.deepEqual(
    officesCovering(offices, { iso3: 'JOR', region: 'Arab States' }).map((c) => [c.office.id, c.basis]),
    [['beirut', 'covers']],
  );
  assert.deepEqual(officesCovering(offices, { iso3: 'FRA', region: null }), [], 'nothing said: nothing listed');
});

test('filters by region and by the State an office sits in or covers', () => {
  assert.deepEqual(
    filterOffices(offices, { region: 'Arab States' }).map((o) => o.id),
    ['beirut'],
  );
  assert.deepEqual(
    filterOffices(offices, { country: 'TLS' }).map((o) => o.id),
    ['jakarta'],
  );
});
