import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-04T10:00:00.000Z');

for (const database of await allDatabases()) {
  describe(`portal /units on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const clients: Record<string, Client> = {};
    const ids: Record<string, number> = {};
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const get = (path: string, who: string | null) => request(path, { headers: who ? { cookie: clients[who]!.cookie } : {} });
    const post = (path: string, fields: Record<string, string>, who: string | null) =>
      request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(who ? { cookie: clients[who]!.cookie } : {}) },
        body: new URLSearchParams({ ...fields, _csrf: who ? clients[who]!.csrf : '' }),
      });

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW });
      for (const [key, role] of [
        ['admin', 'admin'],
        ['unitAdmin', 'reader'],
        ['monitor', 'reader'],
        ['outsider', 'secretariat'],
      ] as const) {
        const email = `${key.toLowerCase()}@example.org`;
        ids[key] = (await services.accounts.createUser({ email, password: PASSWORD, role }, NOW)).id;
        clients[key] = await signIn(request, email);
      }
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('anonymous readers are sent to sign in; the list shows only the units one belongs to', async () => {
      const anon = await get('/en/units', null);
      assert.equal(anon.status, 303);
      assert.equal(anon.headers.get('location'), `/en/login?next=${encodeURIComponent('/en/units')}`);
      assert.equal((await post('/en/units', { name: 'x', country: 'IDN' }, null)).status, 303);

      const empty = await (await get('/en/units', 'outsider')).text();
      assert.match(empty, /You belong to no monitoring unit yet/);
      assert.doesNotMatch(empty, /Create a monitoring unit/, 'only a platform admin sees the create form');
      assert.equal((await post('/en/units', { name: 'x', country: 'IDN' }, 'outsider')).status, 403);
    });

    test('the platform admin creates a unit from the form; a bad field is shown on the form (en and id)', async () => {
      const bad = await post('/en/units', { name: '', country: 'XXX', kind: 'other' }, 'admin');
      assert.equal(bad.status, 400);
      const badPage = await bad.text();
      assert.match(badPage, /href="#unit-name"/);
      assert.match(badPage, /href="#unit-country"/);
      assert.match(badPage, /Country XXX is not a member State/);
      const badId = await (await post('/id/units', { name: 'Unit', country: 'XXX' }, 'admin')).text();
      assert.match(badId, /Periksa isian “Negara \(kode ISO, mis\. IDN\)”/);

      const created = await post(
        '/en/units',
        { name: 'Kakao Luwu', country: 'idn', kind: 'cooperative', district: 'Luwu', commodity: 'cocoa' },
        'admin',
      );
      assert.equal(created.status, 303);
      const location = created.headers.get('location') ?? '';
      const match = /^\/en\/units\/(\d+)\?done=created$/.exec(location);
      assert.ok(match, location);
      ids.unit = Number(match[1]);
      const page = await (await get(location, 'admin')).text();
      assert.match(page, /The unit was created/);
      assert.match(page, /<h1>Kakao Luwu<\/h1>/);
      assert.match(page, /Worst forms of child labour \(C182 Art 3\)<\/dt><dd>14 days/);
      assert.match(page, /Add a member/);
    });

    test('members: added, role changed and removed by forms; others get 404 or no forms', async () => {
      const unit = ids.unit!;
      const add = await post(`/en/units/${unit}/members`, { email: 'unitadmin@example.org', role: 'unit_admin' }, 'admin');
      assert.equal(add.status, 303);
      assert.equal(add.headers.get('location'), `/en/units/${unit}?done=added`);
      assert.equal((await post(`/en/units/${unit}/members`, { email: 'monitor@example.org', role: 'monitor' }, 'unitAdmin')).status, 303);

      const again = await post(`/en/units/${unit}/members`, { email: 'monitor@example.org', role: 'monitor' }, 'unitAdmin');
      assert.equal(again.status, 400);
      assert.match(await again.text(), /monitor@example.org is already a member of this unit/);
      const ghost = await post(`/id/units/${unit}/members`, { email: 'ghost@example.org', role: 'monitor' }, 'unitAdmin');
      assert.equal(ghost.status, 400);
      assert.match(await ghost.text(), /Tidak ada akun aktif dengan email ini/);

      const adminView = await (await get(`/en/units/${unit}`, 'unitAdmin')).text();
      assert.match(adminView, /monitor@example\.org/);
      assert.match(adminView, new RegExp(`action="/en/units/${unit}/members/${ids.monitor}/remove"`));

      // A monitor sees the unit and its work, not its members.
      const monitorView = await (await get(`/id/units/${unit}`, 'monitor')).text();
      assert.match(monitorView, /Pemantau/);
      assert.match(monitorView, new RegExp(`href="/id/units/${unit}/worklist"`));
      assert.doesNotMatch(monitorView, /unitadmin@example\.org/);
      assert.doesNotMatch(monitorView, /Tambah anggota/);
      assert.equal((await post(`/en/units/${unit}/members`, { email: 'outsider@example.org', role: 'unit_admin' }, 'monitor')).status, 403);

      // Outside the unit: 404, for reading and for every form.
      assert.equal((await get(`/en/units/${unit}`, 'outsider')).status, 404);
      assert.equal((await get('/en/units/999999', 'admin')).status, 404);
      assert.equal(
        (await post(`/en/units/${unit}/members`, { email: 'outsider@example.org', role: 'unit_admin' }, 'outsider')).status,
        404,
      );
      assert.equal((await post(`/en/units/${unit}/members/${ids.monitor}/remove`, {}, 'outsider')).status, 404);

      const changed = await post(`/en/units/${unit}/members/${ids.monitor}`, { role: 'case_manager' }, 'unitAdmin');
      assert.equal(changed.status, 303);
      const platformAdmin = { id: ids.admin!, email: 'admin@example.org', role: 'admin' as const, countries: [] };
      const members = await services.units.members(platformAdmin, unit);
      assert.equal(members.find((m) => m.userId === ids.monitor)?.role, 'case_manager');
      const badRole = await post(`/en/units/${unit}/members/${ids.monitor}`, { role: 'boss' }, 'unitAdmin');
      assert.equal(badRole.status, 400);
      assert.match(await badRole.text(), new RegExp(`href="#role-${ids.monitor}"`));

      const removed = await post(`/en/units/${unit}/members/${ids.monitor}/remove`, {}, 'unitAdmin');
      assert.equal(removed.status, 303);
      assert.equal(removed.headers.get('location'), `/en/units/${unit}?done=removed`);
      assert.equal((await get(`/en/units/${unit}`, 'monitor')).status, 404);
      assert.equal((await post(`/en/units/${unit}/members/${ids.monitor}/remove`, {}, 'unitAdmin')).status, 404);

      // Settings: the unit admin saves them; a bad number is shown on its control; a monitor may not.
      const saved = await post(
        `/en/units/${unit}/settings`,
        {
          name: 'Kakao Luwu',
          kind: 'cooperative',
          'followUpDays.worst_form': '7',
          'followUpDays.hazardous': '21',
          lostAfterAttempts: '4',
          retentionMonths: '36',
        },
        'unitAdmin',
      );
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get('location'), `/en/units/${unit}?done=saved`);
      const afterSave = await (await get(`/en/units/${unit}?done=saved`, 'unitAdmin')).text();
      assert.match(afterSave, /The settings were saved/);
      assert.match(afterSave, /Worst forms of child labour \(C182 Art 3\)<\/dt><dd>7 days/);
      assert.match(afterSave, /Hazardous work<\/dt><dd>21 days/);
      assert.match(afterSave, /4 unsuccessful visits/);
      const badSettings = await post(
        `/id/units/${unit}/settings`,
        { name: 'Kakao Luwu', 'followUpDays.other': 'sometimes', retentionMonths: '0' },
        'unitAdmin',
      );
      assert.equal(badSettings.status, 400);
      const badSettingsPage = await badSettings.text();
      assert.match(badSettingsPage, /href="#settings-followUpDays-other"/);
      assert.match(badSettingsPage, /href="#settings-retentionMonths"/);
      assert.match(badSettingsPage, /value="sometimes"/, 'the form keeps what was typed');
      assert.equal((await services.units.get(platformAdmin, unit)).retentionMonths, 36, 'nothing saved');
      assert.equal((await post(`/en/units/${unit}/settings`, { name: 'Taken over' }, 'outsider')).status, 404);

      // Without the CSRF token the form is refused.
      const forged = await request(`/en/units/${unit}/members`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: clients.unitAdmin!.cookie },
        body: new URLSearchParams({ email: 'outsider@example.org', role: 'unit_admin' }),
      });
      assert.equal(forged.status, 403);
    });
  });
}
