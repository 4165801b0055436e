import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { createServices, type Services } from '../../src/container.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { createApp } from '../../src/http/app.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-03T10:00:00.000Z');

const stateTag = (svg: string, iso3: string) => svg.match(new RegExp(`<a [^>]*data-iso3="${iso3}"[^>]*>`))?.[0] ?? '';

for (const database of await allDatabases()) {
  describe(`ratification map (GET /api/map/{code}.svg, /{lang}/map) on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    let admin: Actor;

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, today: () => '2026-12-03' });
      admin = await services.accounts.createUser({ email: 'admin@example.org', password: PASSWORD, role: 'admin' }, NOW);
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    const get = (path: string) => app.request(`http://localhost${path}`);

    test('the C138 map is SVG with every member State as a link, coloured by declared minimum age', async () => {
      const res = await get('/api/map/C138.svg');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^image\/svg\+xml/);
      const svg = await res.text();
      assert.equal(svg.match(/<a href="\/en\/countries\/[A-Z]{3}"/g)?.length, 187);
      assert.match(stateTag(svg, 'IDN'), /data-status="ratified" data-age="15"/);
      assert.match(stateTag(svg, 'FRA'), /data-age="16"/);
      assert.match(stateTag(svg, 'SGP'), /data-iso3="SGP"/);
      // C182's list is complete: no State is "unknown"; titles follow ?lang.
      const c182 = await (await get('/api/map/c182.svg?lang=id')).text();
      assert.doesNotMatch(c182, /data-status="unknown"/);
      assert.match(c182, /<title>Indonesia: sudah meratifikasi<\/title>/);
      const byHeader = await (await app.request('http://localhost/api/map/C182.svg', { headers: { 'accept-language': 'id' } })).text();
      assert.match(byHeader, /<title>Indonesia: sudah meratifikasi<\/title>/);
    });

    test('weight budget: the pages with a map stay under 60 KB compressed', async () => {
      for (const path of ['/en/instruments/C138', '/id/instruments/C182', '/en/map?instrument=C138', '/id/map?instrument=C182']) {
        const body = Buffer.from(await (await get(path)).arrayBuffer());
        assert.ok(gzipSync(body).length < 60 * 1024, `${path}: ${gzipSync(body).length} bytes compressed`);
      }
    });

    test('bad codes and languages are 400 problems naming the field; an unknown Convention is 404', async () => {
      for (const [path, status, field] of [
        ['/api/map/x1.svg', 400, /code/],
        ['/api/map/R146.svg', 400, /Recommendation/],
        ['/api/map/C138.svg?lang=fr', 400, /lang/],
        ['/api/map/C999.svg', 404, /C999/],
      ] as const) {
        const res = await get(path);
        assert.equal(res.status, status, path);
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
        assert.match(((await res.json()) as { detail: string }).detail, field);
      }
      const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
      assert.ok(doc.paths['/api/map/{code}.svg'] ?? doc.paths['/map/{code}.svg'], 'documented in OpenAPI');
    });

    test('the map page and the instrument page show the map; a denunciation shows at once (no stale map)', async () => {
      const page = await (await get('/id/map?instrument=C138')).text();
      assert.match(page, /<h1>Peta ratifikasi: C138<\/h1>/);
      assert.match(stateTag(page, 'IDN'), /href="\/id\/countries\/IDN"/);
      assert.equal((await get('/en/map?instrument=C999')).status, 404);
      assert.equal((await get('/en/map?instrument=!!')).status, 400);
      const before = await (await get('/en/instruments/C138')).text();
      assert.match(before, /<h2 id="map-heading">Ratification map<\/h2>/);
      assert.match(stateTag(before, 'MYS'), /data-status="ratified"/);
      await services.edits.denounce(
        admin,
        { country: 'MYS', instrument: 'C138', date: '2026-01-01', source: 'Test source: ILO NORMLEX printout, 2026' },
        NOW,
      );
      const after = await (await get('/en/instruments/C138')).text();
      assert.match(stateTag(after, 'MYS'), /data-status="denounced"/);
      assert.match(stateTag(await (await get('/api/map/C138.svg')).text(), 'MYS'), /data-status="denounced"/);
    });
  });
}
