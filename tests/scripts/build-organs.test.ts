import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parseElectionCycle, readGoverningBody } from '../../scripts/build-data/governing-body.ts';
import { coveredNames, readOffices, slug } from '../../scripts/build-data/offices.ts';
import { DATA } from '../../scripts/build-data/paths.ts';
import { problems } from '../../scripts/build-data/problems.ts';
import type { MemberState } from '../../src/domain/country.ts';
import { REFERENCE_DATA_MISSING } from '../support/reference-data.ts';

const countries = JSON.parse(readFileSync(resolve(DATA, 'countries.json'), 'utf8')) as MemberState[];

test('the election cycle is read from the source’s words, or left unknown', () => {
  assert.deepEqual(parseElectionCycle('every 3 years; last election June 2021 (as of the article copy)'), {
    years: 3,
    lastElection: '2021-06',
  });
  assert.deepEqual(parseElectionCycle('every 3 years; last election 2021'), { years: 3, lastElection: '2021' });
  assert.deepEqual(parseElectionCycle('elections now and then'), { years: null, lastElection: null });
});

test('the States an office covers come from its note only', () => {
  assert.deepEqual(coveredNames('ILO pages describe it as "the ILO office"; covering Indonesia and Timor-Leste; exact name not found'), [
    'Indonesia',
    'Timor-Leste',
  ]);
  assert.deepEqual(coveredNames('established in 1976; covers Bahrain, Iraq and the occupied Palestinian territory'), [
    'Bahrain',
    'Iraq',
    'occupied Palestinian territory',
  ]);
  assert.deepEqual(coveredNames(null), []);
  assert.equal(slug('DWT for Central Africa Yaoundé'), 'dwt-for-central-africa-yaounde');
});

test('governing_body.csv: every row read, the counts check against Art 7, elected seats left unknown', {
  skip: REFERENCE_DATA_MISSING,
}, () => {
  const before = problems.length;
  const gb = readGoverningBody(new Set(countries.map((c) => c.iso3)));
  assert.equal(problems.length, before, JSON.stringify(problems.slice(before)));
  assert.equal(gb.rules.seats.length, 8);
  assert.equal(gb.rules.permanentSeats.length, 10);
  assert.deepEqual([gb.rules.electionCycle?.years, gb.rules.electionCycle?.lastElection], [3, '2021-06']);
  assert.deepEqual(
    gb.periods.map((p) => [p.id, p.members.length, p.members.every((m) => m.seat === 'permanent')]),
    [['2021-2024', 10, true]],
  );
  assert.deepEqual(gb.sessions, [], 'no session is in the reference data');
});

test('regional_offices.csv: 21 offices with their State, the Director-General unknown', { skip: REFERENCE_DATA_MISSING }, () => {
  const before = problems.length;
  const data = readOffices(countries);
  assert.equal(problems.length, before, JSON.stringify(problems.slice(before)));
  assert.equal(data.directorGeneral, null);
  assert.equal(data.offices.length, 21);
  assert.equal(new Set(data.offices.map((o) => o.id)).size, 21);
  assert.deepEqual(data.offices.find((o) => o.city === 'Jakarta')?.covers, ['IDN', 'TLS']);
  assert.equal(data.offices.find((o) => o.city === 'Jerusalem')?.countryIso3, null);
  assert.ok(data.offices.every((o) => o.source && o.confidence));
});
