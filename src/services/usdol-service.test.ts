import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../domain/errors.ts';
import type { UsdolGood } from '../domain/usdol/usdol.ts';
import { UsdolService } from './usdol-service.ts';

const good = (name: string, iso3: string, kinds: Partial<UsdolGood> = {}): UsdolGood => ({
  good: name,
  sector: 'Agriculture',
  iso3,
  countryUsdol: iso3,
  memberState: true,
  childLabour: false,
  forcedLabour: false,
  forcedChildLabour: false,
  derivedFromExploitation: false,
  source: 'USDOL-SWEATTOIL-2022',
  year: 2022,
  ...kinds,
});

const service = new UsdolService({
  goods: [
    good('Cocoa', 'CIV', { childLabour: true, forcedLabour: true }),
    good('Cocoa', 'GHA', { childLabour: true }),
    good('Açaí Berries', 'BRA', { childLabour: true }),
    good('Cotton', 'UZB', { forcedLabour: true }),
  ],
  facts: [],
});

test('goods filter by good (case and accents ignored), by country and by kind, together', () => {
  assert.deepEqual(
    service.goods({ good: 'COCOA' }).items.map((g) => g.iso3),
    ['CIV', 'GHA'],
  );
  assert.deepEqual(
    service.goods({ good: 'acai' }).items.map((g) => g.iso3),
    ['BRA'],
  );
  assert.deepEqual(
    service.goods({ country: 'civ' }).items.map((g) => g.good),
    ['Cocoa'],
  );
  assert.deepEqual(
    service.goods({ kind: 'forced_labour' }).items.map((g) => g.good),
    ['Cocoa', 'Cotton'],
  );
  assert.deepEqual(
    service.goods({ good: 'cocoa', kind: 'forced_labour' }).items.map((g) => g.iso3),
    ['CIV'],
  );
  const all = service.goods({});
  assert.equal(all.total, 4);
  assert.deepEqual(all.goods, ['Açaí Berries', 'Cocoa', 'Cotton']);
  assert.deepEqual(
    all.countries.map((c) => c.iso3),
    ['BRA', 'CIV', 'GHA', 'UZB'],
  );
});

test('a bad filter is refused naming each field', () => {
  assert.throws(
    () => service.goods({ country: 'C1', kind: 'slavery' }),
    (e: unknown) => e instanceof DomainError && e.code === 'invalid' && e.issues.map((i) => i.field).join() === 'country,kind',
  );
});

test('a State USDOL does not report on: no goods, facts unknown (null)', () => {
  assert.deepEqual(service.country('fra'), { iso3: 'FRA', goods: [], facts: null, source: 'USDOL-SWEATTOIL-2022', year: 2022 });
  assert.equal(service.country('CIV').goods.length, 1);
});
