import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VersionedCache } from './versioned-cache.ts';

test('a value is loaded once per data version', async () => {
  const cache = new VersionedCache();
  let loads = 0;
  const load = async () => ++loads;
  assert.equal(await cache.get('v1', 'k', load), 1);
  assert.equal(await cache.get('v1', 'k', load), 1);
  assert.equal(await cache.get('v2', 'k', load), 2, 'a new version reloads');
});

test('the least recently used entry is evicted beyond capacity', async () => {
  const cache = new VersionedCache(2);
  let loads = 0;
  const load = async () => ++loads;
  await cache.get('v', 'a', load);
  await cache.get('v', 'b', load);
  await cache.get('v', 'a', load);
  await cache.get('v', 'c', load);
  assert.equal(loads, 3);
  await cache.get('v', 'a', load);
  assert.equal(loads, 3, 'a was used recently and stays');
  await cache.get('v', 'b', load);
  assert.equal(loads, 4, 'b was evicted');
});

test('a failed load is not cached', async () => {
  const cache = new VersionedCache();
  await assert.rejects(cache.get('v', 'k', async () => Promise.reject(new Error('db down'))));
  assert.equal(await cache.get('v', 'k', async () => 'ok'), 'ok');
});
