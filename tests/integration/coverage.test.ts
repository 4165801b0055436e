import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { readBundle } from '../../src/storage/bundle.ts';
import { BUNDLED_DATA_DIR } from '../../src/storage/paths.ts';
import { allDatabases } from '../support/databases.ts';

const bundle = await readBundle(BUNDLED_DATA_DIR);
const shown = (code: string) => bundle.ratifications.filter((r) => r.instrument === code).length;
/** Stored lists come back ordered by scope, then code. */
const expectedLists = [...bundle.completeLists].sort((a, b) => `${a.scope}:${a.code}`.localeCompare(`${b.scope}:${b.code}`));
const longSource = bundle.ratifications.flatMap((r) => (r.source ?? '').split(';')).find((s) => s.length > 80);

for (const database of await allDatabases()) {
  describe(`coverage (issue 8 item 18) on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;

    before(async () => {
      services = await createServices(database.config);
      app = createApp({ ...services, onUnexpectedError: (e) => assert.fail(String(e)) });
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    const json = async (path: string) => {
      const res = await app.request(`http://localhost${path}`);
      assert.equal(res.status, 200, `${path} → ${res.status}`);
      return res.json() as Promise<any>;
    };

    test('the seed stores the complete lists of the bundle and the scattered ratifications of other Conventions', async () => {
      assert.deepEqual(await services.registry.completeLists(), expectedLists);
      const codes = bundle.completeLists.map((l) => `${l.scope}:${l.code}`).sort();
      assert.deepEqual(codes, ['country:IDN', 'instrument:C138', 'instrument:C182']);
      const c098 = await services.registry.getInstrument('C098');
      assert.ok(shown('C098') > 40, 'the C098 rows of ratifications_other.csv are loaded');
      assert.equal(c098.recordedRatifications, shown('C098'));
    });

    test('a source named by a long URL is stored whole', async () => {
      assert.ok(longSource, 'the data holds a source longer than 80 characters');
      const [stored] = await services.repo.getSources([longSource]);
      assert.equal(stored?.id, longSource);
    });

    test('an instrument response says a partial list is partial, next to the published count', async () => {
      const body = await json('/api/instruments/C098');
      const published = bundle.instruments.find((i) => i.code === 'C098')?.publishedCount;
      assert.deepEqual(body.coverage, {
        complete: false,
        shown: shown('C098'),
        publishedCount: published?.count ?? null,
        asOf: published?.asOf ?? null,
        source: published?.source ?? null,
        completeFor: [],
      });
      const c138 = await json('/api/instruments/C138');
      assert.equal(c138.coverage.complete, true);
      assert.equal(c138.coverage.shown, 176);
      assert.equal((await json('/api/instruments/R146')).coverage, null, 'a Recommendation is not ratified');
    });

    test('instrument list items carry their coverage', async () => {
      const body = await json('/api/instruments?q=C182');
      const c182 = body.items.find((i: any) => i.code === 'C182');
      assert.equal(c182.coverage.complete, true);
      assert.equal(c182.coverage.publishedCount, 187);
    });

    test("a State's response says its list is complete only for C138 and C182, Indonesia's is complete", async () => {
      const bra = await json('/api/countries/BRA');
      assert.equal(bra.coverage.complete, false);
      assert.deepEqual(bra.coverage.completeFor, ['C138', 'C182']);
      assert.equal(bra.coverage.shown, bra.ratifications.length);
      assert.ok(bra.ratifications.length > 2, 'Brazil shows more than its C138 and C182');
      const idn = await json('/api/countries/IDN');
      assert.equal(idn.coverage.complete, true);
      assert.match(idn.coverage.source, /ILO-JAKARTA/);
      const list = await json('/api/countries');
      const items = new Map(list.items.map((c: any) => [c.iso3, c.coverage]));
      assert.equal((items.get('IDN') as any).complete, true);
      assert.equal((items.get('BRA') as any).complete, false);
    });

    test('the portal pages state coverage in English and Indonesian', async () => {
      const en = await (await app.request('http://localhost/en/instruments/C098')).text();
      assert.match(en, new RegExp(`${shown('C098')} of \\d+ ratifications shown — this list is partial`));
      const id = await (await app.request('http://localhost/id/countries/BRA')).text();
      assert.match(id, /Lengkap untuk C138 dan C182; Konvensi lain: sebagian/);
    });

    test('a database seeded before coverage existed gets the complete lists at the next start', async () => {
      await services.repo.seedCompleteLists([]);
      assert.deepEqual(await services.registry.completeLists(), []);
      const reopened = await createServices(database.config);
      try {
        assert.deepEqual(await reopened.registry.completeLists(), expectedLists);
        assert.equal((await reopened.registry.getCountryProfile('IDN')).coverage.complete, true);
      } finally {
        await reopened.close();
      }
    });
  });
}
