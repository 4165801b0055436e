import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachedDocument } from './cache-dependencies.ts';
import { cacheLookupListener, type ServiceEvents } from './service-events.ts';
import { VersionedCache } from './versioned-cache.ts';

test('a cache reports each read as a miss or a hit, by the kind of document', async () => {
  const heard: string[] = [];
  const events: ServiceEvents = {
    cacheLookup: (cache, kind, hit) => heard.push(`${cache} ${kind} ${hit ? 'hit' : 'miss'}`),
    rowsImported: () => {},
    loginFailed: () => {},
  };
  let version = 'v1';
  const cache = new VersionedCache(
    { versionsOf: async () => version },
    { capacity: 10, onLookup: cacheLookupListener(events, 'registry') },
  );
  const idn = cachedDocument('country', 'IDN', 'IDN');
  await cache.get(idn, async () => 1);
  await cache.get(idn, async () => 2);
  await cache.get(cachedDocument('subjects', 'all'), async () => 3);
  version = 'v2';
  await cache.get(idn, async () => 4);
  assert.deepEqual(heard, ['registry country miss', 'registry country hit', 'registry subjects miss', 'registry country miss']);
});
