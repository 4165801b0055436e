import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { asClient, type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-04T10:00:00.000Z');

for (const database of await allDatabases()) {
  describe(`/api/units on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const clients: Record<string, Client> = {};
    const ids: Record<string, number> = {};
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const as = (who: string | null, method: string, path: string, body?: unknown) =>
      request(path, asClient(who ? (clients[who] ?? null) : null, { method, body: body === undefined ? undefined : JSON.stringify(body) }));
    const expect = async (res: Response, status: number, detail?: RegExp) => {
      const text = await res.text();
      assert.equal(res.status, status, text);
      if (status >= 400) {
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
        if (detail) assert.match((JSON.parse(text) as { detail: string }).detail, detail);
      }
      return text ? (JSON.parse(text) as any) : null;
    };

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW });
      for (const [key, role] of [
        ['admin', 'admin'],
        ['unitAdmin', 'reader'],
        ['monitor', 'focal_point'],
        ['viewer', 'reader'],
        ['outsider', 'secretariat'],
      ] as const) {
        const email = `${key.toLowerCase()}@example.org`;
        const user = await services.accounts.createUser(
          { email, password: PASSWORD, role, countries: role === 'focal_point' ? ['IDN'] : [] },
          NOW,
        );
        ids[key] = user.id;
        clients[key] = await signIn(request, email);
      }
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('anonymous: 401 for every route and method, before any validation', async () => {
      for (const [method, path, body] of [
        ['GET', '/api/units', undefined],
        ['POST', '/api/units', { name: 42 }],
        ['GET', '/api/units/1', undefined],
        ['GET', '/api/units/not-a-number', undefined],
        ['PATCH', '/api/units/1', { retentionMonths: -1 }],
        ['GET', '/api/units/1/members', undefined],
        ['POST', '/api/units/1/members', { role: 'emperor' }],
        ['PATCH', '/api/units/1/members/2', {}],
        ['DELETE', '/api/units/1/members/2', undefined],
      ] as const) {
        const res = await as(null, method, path, body);
        assert.equal(res.status, 401, `${method} ${path}`);
      }
      await expect(await as(null, 'GET', '/api/units/1'), 401, /to see monitoring units/);
    });

    test('create: platform admin only (403 before validation), 400 naming fields, 201 with defaults', async () => {
      await expect(await as('outsider', 'POST', '/api/units', { name: 7 }), 403, /platform administrator/);
      await expect(await as('unitAdmin', 'POST', '/api/units', { name: 'ok', country: 'IDN' }), 403);
      const bad = await expect(await as('admin', 'POST', '/api/units', { country: 'INDONESIA', lostAfterAttempts: 0 }), 400);
      const fields = (bad.errors as { field: string }[]).map((e) => e.field).sort();
      for (const f of ['country', 'lostAfterAttempts', 'name'])
        assert.ok(fields.includes(f), `${f} named in ${JSON.stringify(bad.errors)}`);
      await expect(await as('admin', 'POST', '/api/units', { name: 'Nowhere', country: 'XXX' }), 400, /country XXX/);
      const unit = await expect(
        await as('admin', 'POST', '/api/units', {
          name: 'Cocoa cooperative, Luwu',
          country: 'IDN',
          kind: 'cooperative',
          province: 'Sulawesi Selatan',
          district: 'Luwu',
          commodity: 'cocoa',
          followUpDays: { worst_form: 10 },
        }),
        201,
      );
      assert.equal(unit.kind, 'cooperative');
      assert.deepEqual(unit.followUpDays, { worst_form: 10, hazardous: 30, vulnerable: 60, other: 90 });
      assert.equal(unit.lostAfterAttempts, 3);
      assert.equal(unit.retentionMonths, 24);
      ids.unit = unit.id;
      const second = await expect(await as('admin', 'POST', '/api/units', { name: 'Another unit', country: 'GHA' }), 201);
      ids.other = second.id;
    });

    test('members: unit admin manages; a viewer is 403; another unit and a non-member are 404', async () => {
      const unit = ids.unit!;
      await expect(await as('admin', 'POST', `/api/units/${unit}/members`, { email: 'unitadmin@example.org', role: 'unit_admin' }), 201);
      const added = await expect(
        await as('unitAdmin', 'POST', `/api/units/${unit}/members`, { userId: ids.monitor, role: 'monitor' }),
        201,
      );
      assert.deepEqual([added.userId, added.email, added.role], [ids.monitor, 'monitor@example.org', 'monitor']);
      await expect(await as('unitAdmin', 'POST', `/api/units/${unit}/members`, { email: 'viewer@example.org', role: 'viewer' }), 201);
      await expect(await as('unitAdmin', 'POST', `/api/units/${unit}/members`, { email: 'viewer@example.org', role: 'viewer' }), 409);
      const badRole = await expect(
        await as('unitAdmin', 'POST', `/api/units/${unit}/members`, { email: 'outsider@example.org', role: 'owner' }),
        400,
      );
      assert.ok(badRole.errors.some((e: { field: string }) => e.field === 'role'));
      await expect(
        await as('unitAdmin', 'POST', `/api/units/${unit}/members`, { email: 'ghost@example.org', role: 'monitor' }),
        400,
        /email/,
      );

      // A viewer sees the unit but is refused member management with 403, whatever the body.
      await expect(await as('viewer', 'POST', `/api/units/${unit}/members`, { role: 'nonsense' }), 403);
      await expect(await as('viewer', 'GET', `/api/units/${unit}/members`), 403);
      await expect(await as('viewer', 'PATCH', `/api/units/${unit}`, { retentionMonths: 'x' }), 403);
      await expect(await as('monitor', 'DELETE', `/api/units/${unit}/members/${ids.viewer}`), 403);
      // Not a member: 404 whatever the body, for this unit, another unit or no unit at all.
      for (const path of [
        `/api/units/${unit}`,
        `/api/units/${unit}/members`,
        `/api/units/${ids.other}`,
        '/api/units/999999',
        '/api/units/abc',
      ]) {
        await expect(await as('outsider', 'GET', path), 404);
      }
      await expect(await as('outsider', 'POST', `/api/units/${unit}/members`, { role: 'nonsense' }), 404);
      await expect(await as('monitor', 'PATCH', `/api/units/${ids.other}`, {}), 404);

      const list = await expect(await as('monitor', 'GET', '/api/units'), 200);
      assert.deepEqual(
        list.items.map((u: { id: number; myRole: string }) => [u.id, u.myRole]),
        [[unit, 'monitor']],
      );
      const all = await expect(await as('admin', 'GET', '/api/units'), 200);
      assert.deepEqual(all.items.map((u: { id: number }) => u.id).sort(), [unit, ids.other].sort());
      assert.deepEqual((await expect(await as('outsider', 'GET', '/api/units'), 200)).items, []);

      const changed = await expect(
        await as('unitAdmin', 'PATCH', `/api/units/${unit}/members/${ids.monitor}`, { role: 'case_manager' }),
        200,
      );
      assert.equal(changed.role, 'case_manager');
      await expect(await as('unitAdmin', 'PATCH', `/api/units/${unit}/members/${ids.outsider}`, { role: 'monitor' }), 404);
      await expect(await as('unitAdmin', 'PATCH', `/api/units/${unit}/members/${ids.monitor}`, { role: 'chief' }), 400, /role/);
      const members = await expect(await as('monitor', 'GET', `/api/units/${unit}/members`), 200);
      assert.equal(members.items.length, 3);
      // Ids beyond the integer columns' range name nothing (never a database error).
      await expect(await as('admin', 'GET', '/api/units/9999999999'), 404);
      await expect(await as('unitAdmin', 'DELETE', `/api/units/${unit}/members/3124932496`), 404);
      await expect(await as('unitAdmin', 'PATCH', `/api/units/${unit}/members/3124932496`, { role: 'viewer' }), 404);
      await expect(await as('unitAdmin', 'POST', `/api/units/${unit}/members`, { userId: 3124932496, role: 'viewer' }), 400, /userId/);
      await expect(await as('unitAdmin', 'DELETE', `/api/units/${unit}/members/${ids.viewer}`), 204);
      await expect(await as('viewer', 'GET', `/api/units/${unit}`), 404);
    });

    test('settings: PATCH by the unit admin, 400 naming the field, the OpenAPI document lists every route', async () => {
      const unit = ids.unit!;
      const changed = await expect(
        await as('unitAdmin', 'PATCH', `/api/units/${unit}`, { retentionMonths: 36, followUpDays: { other: 120 } }),
        200,
      );
      assert.equal(changed.retentionMonths, 36);
      assert.equal(changed.followUpDays.other, 120);
      assert.equal(changed.followUpDays.worst_form, 10);
      assert.equal(changed.myRole, 'unit_admin');
      const bad = await expect(await as('unitAdmin', 'PATCH', `/api/units/${unit}`, { followUpDays: { hazardous: 0, urgent: 3 } }), 400);
      assert.match(bad.detail, /followUpDays/);
      await expect(await as('unitAdmin', 'PATCH', `/api/units/${unit}`, { country: 'ZZZ' }), 400, /country/);
      const got = await expect(await as('unitAdmin', 'GET', `/api/units/${unit}`), 200);
      assert.equal(got.retentionMonths, 36);

      const doc = (await (await request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
      assert.deepEqual(Object.keys(doc.paths['/units'] ?? {}).sort(), ['get', 'post']);
      assert.deepEqual(Object.keys(doc.paths['/units/{id}'] ?? {}).sort(), ['get', 'patch']);
      assert.deepEqual(Object.keys(doc.paths['/units/{id}/members'] ?? {}).sort(), ['get', 'post']);
      assert.deepEqual(Object.keys(doc.paths['/units/{id}/members/{userId}'] ?? {}).sort(), ['delete', 'patch']);
    });
  });
}
