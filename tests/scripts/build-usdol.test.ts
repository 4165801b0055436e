import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { DATA } from '../../scripts/build-data/paths.ts';
import { problems } from '../../scripts/build-data/problems.ts';
import { readUsdol, usdolValue } from '../../scripts/build-data/usdol.ts';
import type { MemberState } from '../../src/domain/country.ts';
import type { UsdolCountryFacts, UsdolGood } from '../../src/domain/usdol/usdol.ts';
import { REFERENCE_DATA_MISSING } from '../support/reference-data.ts';

const countries = JSON.parse(readFileSync(resolve(DATA, 'countries.json'), 'utf8')) as MemberState[];

test('a USDOL cell: Yes/No, numbers, unknown words as null, other text as written', () => {
  assert.equal(usdolValue('Yes'), true);
  assert.equal(usdolValue('No'), false);
  assert.equal(usdolValue('124'), 124);
  assert.equal(usdolValue('0.046'), 0.046);
  for (const blank of ['', 'Unknown', 'Unavailable', 'N/A']) assert.equal(usdolValue(blank), null);
  assert.equal(usdolValue('$1.68 million'), '$1.68 million');
  assert.equal(usdolValue('12/13'), '12/13');
});

test('the USDOL files: every row read, cocoa in Côte d’Ivoire, unknowns kept unknown, non-members listed not dropped', {
  skip: REFERENCE_DATA_MISSING,
}, () => {
  const before = problems.length;
  const data = readUsdol(countries);
  assert.equal(problems.length, before, JSON.stringify(problems.slice(before)));
  assert.equal(data.goods.length, 467);
  assert.equal(new Set(data.goods.map((g) => g.good)).size, 169);
  assert.equal(new Set(data.goods.map((g) => g.iso3)).size, 78);
  assert.equal(data.facts.length, 143);
  assert.equal(data.facts.filter((f) => f.enforcement).length, 131);
  assert.equal(data.facts.filter((f) => f.childWork).length, 131);

  const cocoa = data.goods.find((g) => g.good === 'Cocoa' && g.iso3 === 'CIV');
  assert.deepEqual(
    { ...cocoa },
    {
      good: 'Cocoa',
      sector: 'Agriculture',
      iso3: 'CIV',
      countryUsdol: "Côte d'Ivoire",
      memberState: true,
      childLabour: true,
      forcedLabour: true,
      forcedChildLabour: true,
      derivedFromExploitation: false,
      source: 'USDOL-SWEATTOIL-2022',
      year: 2022,
    },
  );
  assert.deepEqual(
    data.goods.filter((g) => g.good === 'Cocoa').map((g) => g.iso3),
    ['BRA', 'CIV', 'CMR', 'GHA', 'GIN', 'NGA', 'SLE'],
  );

  // Taiwan and North Korea have goods but are not ILO member States: kept, marked, listed.
  assert.ok(data.goods.some((g) => g.iso3 === 'TWN' && !g.memberState));
  assert.ok(data.unmatched.includes('usdol/goods_2022.csv: TWN (Taiwan)'));
  assert.ok(data.unmatched.every((u) => !countries.some((c) => u.includes(`: ${c.iso3} (`))));

  const alb = data.facts.find((f) => f.iso3 === 'ALB') as UsdolCountryFacts;
  assert.deepEqual(
    alb.legalStandards?.find((s) => s.standard === 'minimum_work'),
    {
      standard: 'minimum_work',
      inLaw: true,
      age: 16,
      ageApplies: true,
      conforms: true,
      source: 'USDOL-SWEATTOIL-2022',
      year: 2022,
    },
  );
  assert.equal(alb.enforcement?.find((e) => e.measure === 'labor_inspectors')?.value, 124);
  assert.equal(alb.childWork?.find((e) => e.measure === 'share_working')?.value, 0.046);
  // Afghanistan: the law has no general minimum age ("No"), so the 18 in the age column is not a known age.
  const afg = data.facts.find((f) => f.iso3 === 'AFG') as UsdolCountryFacts;
  assert.equal(afg.legalStandards?.find((s) => s.standard === 'minimum_work')?.age, null);
  assert.equal(afg.enforcement?.find((e) => e.measure === 'labor_inspectors')?.value, null);
  // "N/A" in an age column: no age applies (not an unknown age).
  assert.deepEqual(
    [
      alb.legalStandards?.find((s) => s.standard === 'prohibition_forced_labor')?.age,
      alb.legalStandards?.find((s) => s.standard === 'prohibition_forced_labor')?.ageApplies,
    ],
    [null, false],
  );
  // Every figure carries its source and year.
  const figures = data.facts.flatMap((f) => [...(f.legalStandards ?? []), ...(f.enforcement ?? []), ...(f.childWork ?? [])]);
  assert.ok(figures.every((x) => x.source === 'USDOL-SWEATTOIL-2022' && x.year === 2022));
});

test('data/usdol-*.json are the build’s output (npm run data:build was run)', { skip: REFERENCE_DATA_MISSING }, () => {
  const goods = JSON.parse(readFileSync(resolve(DATA, 'usdol-goods.json'), 'utf8')) as UsdolGood[];
  const facts = JSON.parse(readFileSync(resolve(DATA, 'usdol-country-facts.json'), 'utf8')) as UsdolCountryFacts[];
  const data = readUsdol(countries);
  assert.deepEqual(goods, JSON.parse(JSON.stringify(data.goods)));
  assert.deepEqual(facts, JSON.parse(JSON.stringify(data.facts)));
});
