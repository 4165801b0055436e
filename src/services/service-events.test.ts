import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheLookupListener, type ServiceEvents } from './service-events.ts';
import { VersionedCache } from './versioned-cache.ts';

test('a cache reports each read as a miss or a hit, by the kind its key starts with', async () => {
  const heard: string[] = [];
  const events: ServiceEvents = {
    cacheLookup: (cache, kind, hit) => heard.push(`${cache} ${kind} ${hit ? 'hit' : 'miss'}`),
    rowsImported: () => {},
    loginFailed: () => {},
  };
  const cache = new VersionedCache(10, cacheLookupListener(events, 'registry'));
  await cache.get('v1', 'country:IDN', async () => 1);
  await cache.get('v1', 'country:IDN', async () => 2);
  await cache.get('v1', 'subjects', async () => 3);
  await cache.get('v2', 'country:IDN', async () => 4);
  assert.deepEqual(heard, ['registry country miss', 'registry country hit', 'registry subjects miss', 'registry country miss']);
});
