import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { BUNDLED_DATA_DIR } from '../../src/storage/paths.ts';
import { KyselyProgrammeRepository, readProgrammesBundle } from '../../src/storage/programmes-repository.ts';
import { allDatabases } from '../support/databases.ts';

const TODAY = '2026-12-03';

for (const database of await allDatabases()) {
  describe(`Programmes registry on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const request = (path: string) => app.request(`http://localhost${path}`);
    const json = async (path: string, status = 200) => {
      const res = await request(path);
      assert.equal(res.status, status, `${path}: ${res.status}`);
      return (await res.json()) as any;
    };

    before(async () => {
      services = await createServices(database.config);
      app = createApp({ ...services, today: () => TODAY });
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('seeded once: the founding-text programmes and the 279 ILAB projects; a second seed adds nothing', async () => {
      const all = await json('/api/programmes?pageSize=200');
      assert.equal(all.total, 286);
      assert.equal(all.items.length, 200);
      assert.equal(all.items[0].source, 'SEED-FOUNDING-TEXT');
      const again = await new KyselyProgrammeRepository(services.handle.db, services.handle.dialect).seedIfEmpty(() =>
        readProgrammesBundle(BUNDLED_DATA_DIR),
      );
      assert.equal(again, false);
    });

    test('two instances seeding an empty table at once seed it once (the seed lock)', async () => {
      await services.handle.db.deleteFrom('programmes').execute();
      const other = await createServices(database.config, { prepare: false });
      try {
        const load = () => readProgrammesBundle(BUNDLED_DATA_DIR);
        const results = await Promise.all([
          new KyselyProgrammeRepository(services.handle.db, services.handle.dialect).seedIfEmpty(load),
          new KyselyProgrammeRepository(other.handle.db, other.handle.dialect).seedIfEmpty(load),
        ]);
        assert.deepEqual(results.filter(Boolean).length, 1);
      } finally {
        await other.close();
      }
      const rows = await services.handle.db
        .selectFrom('programmes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(rows.n), 286);
    });

    test('GET /api/programmes/east-indonesia: every field, unknowns null, status unknown (no dates in the source)', async () => {
      const east = await json('/api/programmes/east-indonesia');
      assert.deepEqual(east.countries, ['IDN']);
      assert.deepEqual(east.donors, ['Netherlands']);
      assert.deepEqual(east.roles, ['motivator', 'communicator']);
      assert.equal(east.durationYears, 4);
      assert.equal(east.startYear, null);
      assert.equal(east.outcomes, null);
      assert.equal(east.status, 'unknown');
      assert.equal(east.source, 'SEED-FOUNDING-TEXT');
      assert.equal(east.confidence, 'medium');
    });

    test('filters: country, instrument (normalised), theme and status combine', async () => {
      const idn = await json('/api/programmes?country=idn&pageSize=200');
      assert.ok(idn.items.every((p: any) => p.countries.includes('IDN')));
      assert.ok(idn.items.some((p: any) => p.id === 'east-indonesia'));
      assert.ok(idn.items.some((p: any) => p.source === 'USDOL-SWEATTOIL-2022'));

      const c182 = await json('/api/programmes?instrument=c182');
      assert.deepEqual(c182.items.map((p: any) => p.id).sort(), ['bolsa-familia', 'consorcio-social', 'east-indonesia', 'jovem-saber']);

      const bra = await json('/api/programmes?country=BRA&instrument=C182&theme=social-protection');
      assert.deepEqual(
        bra.items.map((p: any) => p.id),
        ['bolsa-familia'],
      );

      const ended = await json('/api/programmes?status=ended&pageSize=200');
      assert.ok(ended.total > 0);
      assert.ok(ended.items.every((p: any) => p.status === 'ended' && p.closedPerSource));
      const unknown = await json('/api/programmes?status=unknown&pageSize=1');
      assert.equal(unknown.total + ended.total, 286);
      const ongoing = await json('/api/programmes?status=ongoing');
      assert.equal(ongoing.total, 0);
    });

    test('pagination: pages do not overlap; a page past the end is empty', async () => {
      const p1 = await json('/api/programmes?pageSize=5&page=1');
      const p2 = await json('/api/programmes?pageSize=5&page=2');
      assert.equal(p1.items.length, 5);
      assert.equal(p2.page, 2);
      assert.ok(!p2.items.some((p: any) => p1.items.some((q: any) => q.id === p.id)));
      assert.equal((await json('/api/programmes?page=999')).items.length, 0);
    });

    test('400 problems name the field; 404 for an unknown programme', async () => {
      for (const [query, field] of [
        ['country=XX', 'country'],
        ['instrument=Z1', 'instrument'],
        ['theme=nothing', 'theme'],
        ['status=later', 'status'],
        ['pageSize=0', 'pageSize'],
      ] as const) {
        const res = await request(`/api/programmes?${query}`);
        assert.equal(res.status, 400, query);
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
        assert.match(JSON.stringify(await res.json()), new RegExp(field));
      }
      const missing = await request('/api/programmes/no-such-programme');
      assert.equal(missing.status, 404);
      assert.match(missing.headers.get('content-type') ?? '', /problem\+json/);
      assert.equal((await request('/api/programmes/BAD%20ID')).status, 400);
    });

    test('in the OpenAPI document', async () => {
      const doc = await json('/api/openapi.json');
      assert.ok(doc.paths['/programmes']);
      assert.ok(doc.paths['/programmes/{id}']);
    });

    test('portal: list with filters, detail page in id, 404, bad filter 400, section on the country profile', async () => {
      const list = await request('/en/programmes?country=BRA');
      assert.equal(list.status, 200);
      const text = await list.text();
      assert.match(text, /Bolsa Família/);
      assert.match(text, /Jovem Saber/);
      const east = await (await request('/id/programmes/east-indonesia')).text();
      assert.match(east, /Pendidikan dan Pelatihan Keterampilan untuk Pekerjaan Kaum Muda/);
      assert.match(east, /Persatuan Guru Republik Indonesia/);
      assert.match(east, /tidak diketahui/);
      assert.match(east, /SEED-FOUNDING-TEXT/);
      assert.equal((await request('/en/programmes/nope')).status, 404);
      assert.equal((await request('/en/programmes?theme=bad')).status, 400);
      const profile = await (await request('/en/countries/IDN')).text();
      assert.match(profile, /id="programmes-heading"/);
      assert.match(profile, /href="\/en\/programmes\/east-indonesia"/);
    });
  });
}
