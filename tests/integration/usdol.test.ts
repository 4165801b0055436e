import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { asClient, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-03T10:00:00.000Z');

for (const database of await allDatabases()) {
  describe(`USDOL goods and country facts on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW, today: () => '2026-12-03' });
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('GET /api/goods: open to anyone; by good, by country (any case) and by kind, each pair with its source and year', async () => {
      const all = (await (await request('/api/goods')).json()) as any;
      assert.equal(all.total, 467);
      assert.equal(all.goods.length, 169);
      assert.equal(all.countries.length, 78);
      const res = await request('/api/goods?good=Cocoa&country=civ');
      assert.equal(res.status, 200);
      const body = (await res.json()) as any;
      assert.deepEqual(
        body.items.map((g: any) => [g.good, g.iso3, g.childLabour, g.forcedLabour, g.forcedChildLabour, g.source, g.year]),
        [['Cocoa', 'CIV', true, true, true, 'USDOL-SWEATTOIL-2022', 2022]],
      );
      const forced = (await (await request('/api/goods?good=cocoa&kind=forced_labour')).json()) as any;
      assert.deepEqual(
        forced.items.map((g: any) => g.iso3),
        ['CIV', 'NGA'],
      );
      const none = (await (await request('/api/goods?good=cocoa&country=FRA')).json()) as any;
      assert.deepEqual([none.total, none.items], [0, []]);
    });

    test('GET /api/goods with bad filters: 400 problem+json naming each field', async () => {
      const res = await request(`/api/goods?country=C0&kind=slavery&good=${'x'.repeat(101)}`);
      assert.equal(res.status, 400);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      const body = (await res.json()) as any;
      assert.deepEqual(body.errors.map((e: any) => e.field).sort(), ['country', 'good', 'kind']);
      assert.match(body.detail, /kind must be one of child_labour, forced_labour, forced_child_labour/);
    });

    test('GET /api/countries/{iso3}/usdol: goods, legal standards, inspection figures, child-work statistics; unknown stays null', async () => {
      const res = await request('/api/countries/civ/usdol');
      assert.equal(res.status, 200);
      const body = (await res.json()) as any;
      assert.equal(body.iso3, 'CIV');
      assert.ok(body.goods.some((g: any) => g.good === 'Cocoa'));
      assert.equal(body.facts.memberState, true);
      assert.equal(body.facts.legalStandards.length, 12);
      assert.ok(body.facts.enforcement.some((e: any) => e.measure === 'labor_inspectors'));
      assert.ok(body.facts.childWork.every((e: any) => e.source === 'USDOL-SWEATTOIL-2022' && e.year === 2022));
      const alb = (await (await request('/api/countries/ALB/usdol')).json()) as any;
      assert.equal(alb.facts.enforcement.find((e: any) => e.measure === 'labor_inspectors').value, 124);
      assert.equal(alb.facts.legalStandards.find((s: any) => s.standard === 'minimum_work').age, 16);
      // A member State USDOL does not report on: 200 with facts unknown, not a 404 and not "none".
      const fra = await request('/api/countries/FRA/usdol');
      assert.equal(fra.status, 200);
      assert.deepEqual(await fra.json(), { iso3: 'FRA', goods: [], facts: null, source: 'USDOL-SWEATTOIL-2022', year: 2022 });
    });

    test('GET /api/countries/{iso3}/usdol: a bad code is 400 naming iso3, an unknown one 404', async () => {
      const bad = await request('/api/countries/C1/usdol');
      assert.equal(bad.status, 400);
      assert.deepEqual(
        ((await bad.json()) as any).errors.map((e: any) => e.field),
        ['iso3'],
      );
      const unknown = await request('/api/countries/ZZZ/usdol');
      assert.equal(unknown.status, 404);
      assert.match(((await unknown.json()) as any).detail, /ZZZ/);
    });

    test('the routes are in the OpenAPI document, and the portal pages answer in en and id', async () => {
      const doc = (await (await request('/api/openapi.json')).json()) as any;
      assert.ok(doc.paths['/goods']?.get);
      assert.ok(doc.paths['/countries/{iso3}/usdol']?.get);
      const page = await request('/en/goods?good=cocoa');
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /Goods produced with child or forced labour/);
      assert.match(html, /<a href="\/en\/countries\/CIV">Côte d&#39;Ivoire<\/a>/);
      const id = await (await request('/id/countries/CIV')).text();
      assert.match(id, /Temuan Departemen Tenaga Kerja Amerika Serikat \(2022\)/);
      assert.match(id, /USDOL-SWEATTOIL-2022, 2022/);
      const bad = await request('/en/goods?kind=slavery');
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /Choose a kind of labour from the list/);
    });

    test('a signed-in reader sees the same facts (reads need no write role)', async () => {
      await services.accounts.createUser({ email: 'reader@example.org', password: PASSWORD, role: 'reader' }, NOW);
      const client = await signIn(request, 'reader@example.org');
      const res = await request('/api/countries/CIV/usdol', asClient(client, { method: 'GET' }));
      assert.equal(res.status, 200);
    });
  });
}
