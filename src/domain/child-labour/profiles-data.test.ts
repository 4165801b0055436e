import assert from 'node:assert/strict';
import { test } from 'node:test';
import profiles from '../../../data/national-profiles.json' with { type: 'json' };
import { CONDITION_KEYS, type NationalProfile, type SourcedAge } from './index.ts';

/* data/national-profiles.json is built by scripts/build-profiles.ts; these check what the engine relies on. */
const all = profiles as unknown as NationalProfile[];

const isAge = (a: SourcedAge | null | undefined) =>
  a == null || (Number.isInteger(a.value) && a.value >= 10 && a.value <= 21 && a.source !== '');

test('national profiles: one per State, ordered by ISO3, ages whole years with a source', () => {
  assert.equal(all.length, 143);
  const codes = all.map((p) => p.iso3);
  assert.deepEqual(codes, [...codes].sort());
  assert.equal(new Set(codes).size, codes.length);
  for (const p of all) {
    assert.match(p.iso3, /^[A-Z]{3}$/);
    for (const a of [p.generalMinimumAge, p.hazardousMinimumAge, p.compulsoryEducationAge, p.childUnderAge]) assert.ok(isAge(a), p.iso3);
    for (const c of p.lightWork?.conditions ?? []) assert.ok((CONDITION_KEYS as readonly string[]).includes(c));
  }
});

test('USDOL facts: a standard without law stays unknown', () => {
  const by = new Map(all.map((p) => [p.iso3, p]));
  // minimum_work_standard=No, minimum_work_age=18: not a known age.
  assert.equal(by.get('AFG')?.generalMinimumAge, null);
  assert.deepEqual(by.get('ALB')?.generalMinimumAge, { value: 16, source: 'USDOL-SWEATTOIL-2022' });
  // 17.5 is not a whole number of years: unknown, and said so.
  assert.equal(by.get('CXR')?.generalMinimumAge, null);
  assert.ok(by.get('CXR')?.notes?.some((n) => n.includes('17.5')));
});

test('Indonesia: USDOL facts kept, UU 13/2003 rules added with their citations', () => {
  const idn = all.find((p) => p.iso3 === 'IDN')!;
  assert.deepEqual(idn.generalMinimumAge, { value: 15, source: 'USDOL-SWEATTOIL-2022' });
  assert.deepEqual(idn.hazardousMinimumAge, { value: 18, source: 'USDOL-SWEATTOIL-2022;UU-13-2003', citation: 'UU 13/2003 Pasal 74' });
  assert.deepEqual(idn.childUnderAge, { value: 18, source: 'UU-13-2003', citation: 'UU 13/2003 Pasal 1 angka 26' });
  assert.equal(idn.lightWork?.citation, 'UU 13/2003 Pasal 69');
  assert.deepEqual(
    [idn.lightWork?.minAge, idn.lightWork?.maxAge, idn.lightWork?.maxHoursPerDay, idn.lightWork?.daytimeOnly],
    [13, 15, 3, true],
  );
  assert.deepEqual(idn.sources, ['USDOL-SWEATTOIL-2022', 'UU-13-2003']);
});
