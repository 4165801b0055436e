import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { testHasher } from '../support/accounts.ts';
import { sqliteDatabase } from '../support/databases.ts';

/**
 * A load balancer needs the health answer in time even when the database connection hangs without
 * an error (a silent network): the ping here never settles, as such a query does not.
 */
describe('health when the database does not answer at all', () => {
  const database = sqliteDatabase();
  let services: Services;
  before(async () => {
    services = await createServices(database.config, { hasher: testHasher });
  });
  after(async () => {
    await services?.close();
    await database.cleanup();
  });

  test('is 503 problem+json with Retry-After, not a request left hanging', async () => {
    const registry = Object.create(services.registry) as Services['registry'];
    registry.ping = () => new Promise<void>(() => {});
    const app = createApp({ ...services, registry });
    const res = await app.request('http://localhost/api/health');
    assert.equal(res.status, 503);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.match(res.headers.get('retry-after') ?? '', /^\d+$/);
    assert.match(((await res.json()) as { detail: string }).detail, /database cannot be reached/);
  });

  test('is 200 when the database answers', async () => {
    const res = await createApp(services).request('http://localhost/api/health');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });
});
