import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachedDocument, changedKeys, DOCUMENT_DEPENDENCIES, dependencyKey, EVERYTHING } from './cache-dependencies.ts';
import { VersionedCache, type VersionSource } from './versioned-cache.ts';

/** Versions held in memory, as the record_versions table holds them. */
class Versions implements VersionSource {
  readonly map = new Map<string, number>();
  queries = 0;
  bump(...keys: string[]) {
    for (const k of keys) this.map.set(k, (this.map.get(k) ?? 0) + 1);
  }
  async versionsOf(keys: string[]) {
    this.queries++;
    return keys.map((k) => this.map.get(k) ?? 0).join('|');
  }
}

test('a document is loaded once while the versions of its dependencies stay the same', async () => {
  const versions = new Versions();
  const cache = new VersionedCache(versions);
  let loads = 0;
  const load = async () => ++loads;
  const idn = cachedDocument('country', 'IDN', 'IDN');
  assert.equal(await cache.get(idn, load), 1);
  assert.equal(await cache.get(idn, load), 1);
  assert.equal(versions.queries, 2, 'one version query per lookup');
  versions.bump(dependencyKey.country('MYS'));
  assert.equal(await cache.get(idn, load), 1, 'a write to another State keeps IDN cached');
  versions.bump(dependencyKey.country('IDN'));
  assert.equal(await cache.get(idn, load), 2, 'a write to IDN reloads');
  versions.bump(EVERYTHING);
  assert.equal(await cache.get(idn, load), 3, 'a restore or seed reloads everything');
});

test('hits and misses are counted by document kind and reported to the hook', async () => {
  const seen: string[] = [];
  const cache = new VersionedCache(new Versions(), { onLookup: (kind, hit) => seen.push(`${kind}:${hit ? 'hit' : 'miss'}`) });
  await cache.get(cachedDocument('instrument', 'C138', 'C138'), async () => 1);
  await cache.get(cachedDocument('instrument', 'C138', 'C138'), async () => 1);
  await cache.get(cachedDocument('gaps', 'all'), async () => 1);
  assert.deepEqual(seen, ['instrument:miss', 'instrument:hit', 'gaps:miss']);
  assert.deepEqual(cache.counters(), { instrument: { hits: 1, misses: 1 }, gaps: { hits: 0, misses: 1 } });
});

test('the least recently used entry is evicted beyond capacity', async () => {
  const cache = new VersionedCache(new Versions(), { capacity: 2 });
  let loads = 0;
  const load = async () => ++loads;
  const doc = (code: string) => cachedDocument('instrument', code, code);
  await cache.get(doc('a'), load);
  await cache.get(doc('b'), load);
  await cache.get(doc('a'), load);
  await cache.get(doc('c'), load);
  assert.equal(loads, 3);
  await cache.get(doc('a'), load);
  assert.equal(loads, 3, 'a was used recently and stays');
  await cache.get(doc('b'), load);
  assert.equal(loads, 4, 'b was evicted');
});

test('a failed load is not cached', async () => {
  const cache = new VersionedCache(new Versions());
  const doc = cachedDocument('gaps', 'all');
  await assert.rejects(cache.get(doc, async () => Promise.reject(new Error('db down'))));
  assert.equal(await cache.get(doc, async () => 'ok'), 'ok');
});

/** The documents each kind of change must refresh, read off the dependency table. */
function refreshed(keys: string[]): string[] {
  const docs: [string, string[]][] = [
    ['instrument C138', DOCUMENT_DEPENDENCIES.instrument('C138')],
    ['instrument C155', DOCUMENT_DEPENDENCIES.instrument('C155')],
    ['country IDN', DOCUMENT_DEPENDENCIES.country('IDN')],
    ['country MYS', DOCUMENT_DEPENDENCIES.country('MYS')],
    ['instrument list', DOCUMENT_DEPENDENCIES.instrumentList()],
    ['country list', DOCUMENT_DEPENDENCIES.countryList()],
    ['compliance IDN', DOCUMENT_DEPENDENCIES.complianceCountry('IDN')],
    ['compliance all', DOCUMENT_DEPENDENCIES.complianceAll()],
    ['gaps', DOCUMENT_DEPENDENCIES.gaps()],
  ];
  return docs.filter(([, deps]) => deps.some((d) => keys.includes(d))).map(([name]) => name);
}

test('each kind of change touches the documents that show it, and no others', () => {
  const rat = { country: 'IDN', instrument: 'C138', legalAct: 'old' };
  assert.deepEqual(refreshed(changedKeys('ratification', 'IDN/C138', rat, { ...rat, legalAct: 'new' })), [
    'instrument C138',
    'country IDN',
    'compliance IDN',
    'compliance all',
    'gaps',
  ]);
  assert.deepEqual(
    refreshed(changedKeys('ratification', 'IDN/C155', null, rat)),
    ['instrument C155', 'country IDN', 'instrument list', 'country list', 'gaps'],
    'a new ratification changes the counts in lists',
  );
  assert.deepEqual(refreshed(changedKeys('ratification', 'IDN/C155', rat, null)), [
    'instrument C155',
    'country IDN',
    'instrument list',
    'country list',
    'gaps',
  ]);
  const c155 = { code: 'C155', status: 'up_to_date', titleEn: 'Occupational Safety and Health Convention' };
  assert.deepEqual(refreshed(changedKeys('instrument', 'C155', c155, { ...c155, status: 'outdated' })), [
    'instrument C155',
    'instrument list',
    'gaps',
  ]);
  assert.deepEqual(
    refreshed(changedKeys('instrument', 'C155', c155, { ...c155, titleEn: 'Renamed' })),
    ['instrument C138', 'instrument C155', 'country IDN', 'country MYS', 'instrument list', 'gaps'],
    'a title is shown wherever the instrument is named',
  );
  assert.deepEqual(refreshed(changedKeys('national_profile', 'IDN', null, { iso3: 'IDN' })), [
    'country IDN',
    'compliance IDN',
    'compliance all',
    'gaps',
  ]);
});
