import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { asClient, type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-04T10:00:00.000Z');

/** Decision 226: every change to a unit and its members is an event in the unit's own history. */
for (const database of await allDatabases()) {
  describe(`a unit's history on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const clients: Record<string, Client> = {};
    const ids: Record<string, number> = {};
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const as = (who: string | null, method: string, path: string, body?: unknown) =>
      request(path, asClient(who ? (clients[who] ?? null) : null, { method, body: body === undefined ? undefined : JSON.stringify(body) }));

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW });
      for (const key of ['admin', 'manager', 'viewer', 'outsider'] as const) {
        const email = `${key}@example.org`;
        const user = await services.accounts.createUser({ email, password: PASSWORD, role: key === 'admin' ? 'admin' : 'reader' }, NOW);
        ids[key] = user.id;
        clients[key] = await signIn(request, email);
      }
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('creation, a settings change and each membership change are recorded with who, when, before and after', async () => {
      const created = await as('admin', 'POST', '/api/units', { name: 'Koperasi Kopi Lampung', country: 'IDN', district: 'Lampung Barat' });
      assert.equal(created.status, 201, await created.clone().text());
      const unit = (await created.json()) as { id: number };
      const base = `/api/units/${unit.id}`;
      assert.equal((await as('admin', 'PATCH', base, { lostAfterAttempts: 5 })).status, 200);
      assert.equal((await as('admin', 'POST', `${base}/members`, { email: 'manager@example.org', role: 'monitor' })).status, 201);
      assert.equal((await as('admin', 'POST', `${base}/members`, { email: 'viewer@example.org', role: 'viewer' })).status, 201);
      assert.equal((await as('admin', 'PATCH', `${base}/members/${ids.manager}`, { role: 'case_manager' })).status, 200);
      assert.equal((await as('admin', 'DELETE', `${base}/members/${ids.viewer}`)).status, 204);
      // A refused change records nothing.
      assert.equal((await as('admin', 'PATCH', `${base}/members/${ids.outsider}`, { role: 'monitor' })).status, 404);

      const res = await as('admin', 'GET', `${base}/events`);
      assert.equal(res.status, 200);
      const { items } = (await res.json()) as { items: { action: string; actor: string; at: string; before: any; after: any }[] };
      assert.deepEqual(
        items.map((e) => e.action),
        ['remove_member', 'change_role', 'add_member', 'add_member', 'update', 'create'],
      );
      assert.ok(items.every((e) => e.actor === 'admin@example.org' && e.at === NOW.toISOString()));
      const [removed, changed, , , updated, first] = items;
      assert.deepEqual(removed?.before, { userId: ids.viewer, email: 'viewer@example.org', role: 'viewer' });
      assert.equal(removed?.after, null);
      assert.equal(changed?.before.role, 'monitor');
      assert.equal(changed?.after.role, 'case_manager');
      assert.equal(updated?.before.lostAfterAttempts, 3);
      assert.equal(updated?.after.lostAfterAttempts, 5);
      assert.equal(first?.before, null);
      assert.equal(first?.after.name, 'Koperasi Kopi Lampung');
    });

    test('only whoever manages the members reads the history: a case manager 403, a non-member 404, anonymous 401', async () => {
      const unit = (await services.units.list({ id: ids.admin as number, email: 'admin@example.org', role: 'admin', countries: [] }))[0];
      assert.ok(unit);
      assert.equal((await as('manager', 'GET', `/api/units/${unit.id}/events`)).status, 403);
      assert.equal((await as('outsider', 'GET', `/api/units/${unit.id}/events`)).status, 404);
      assert.equal((await as(null, 'GET', `/api/units/${unit.id}/events`)).status, 401);
    });
  });
}
