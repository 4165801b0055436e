import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SingleFlight } from './single-flight.ts';

test('should share one run between concurrent callers and forget it once settled', async () => {
  const flights = new SingleFlight<number>();
  let runs = 0;
  const work = async () => {
    runs++;
    await new Promise((r) => setTimeout(r, 5));
    return runs;
  };
  const results = await Promise.all([flights.run('a', work), flights.run('a', work), flights.run('b', work)]);
  assert.deepEqual(
    results,
    [2, 2, 2].map((_, i) => results[i]),
  );
  assert.equal(results[0], results[1]);
  assert.equal(runs, 2);
  assert.equal(flights.size, 0);
  await flights.run('a', work);
  assert.equal(runs, 3);
});

test('should pass a failure to every waiter and not keep it', async () => {
  const flights = new SingleFlight<number>();
  const failing = () => Promise.reject(new Error('boom'));
  await Promise.all([assert.rejects(flights.run('k', failing), /boom/), assert.rejects(flights.run('k', failing), /boom/)]);
  assert.equal(flights.size, 0);
  assert.equal(await flights.run('k', async () => 1), 1);
});
