import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { startServer } from '../../src/main.ts';
import { allDatabases, type TestDatabase } from '../support/databases.ts';

const dataDir = new URL('../../data/', import.meta.url);
const referenceCounts = readFileSync(new URL('ratifications.json', dataDir), 'utf8');
const bundled = JSON.parse(referenceCounts) as { country: string; instrument: string }[];
const expectedCount = (code: string) => bundled.filter((r) => r.instrument === code).length;
const idnExpected = bundled.filter((r) => r.country === 'IDN').length;

for (const database of await allDatabases()) {
  describe(`HTTP API on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const unexpected: unknown[] = [];

    before(async () => {
      services = await createServices(database.config);
      app = createApp({ ...services, onUnexpectedError: (e) => unexpected.push(e) });
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    const get = (path: string) => app.request(`http://localhost${path}`);
    const json = async (path: string, status = 200) => {
      const res = await get(path);
      assert.equal(res.status, status, `${path} → ${res.status}: ${await res.clone().text()}`);
      return res.json() as Promise<any>;
    };

    test('C138 has the facts of the Minimum Age Convention, 1973', async () => {
      const body = await json('/api/instruments/C138');
      assert.equal(body.instrument.titleEn, 'Minimum Age Convention, 1973');
      assert.equal(body.instrument.adoptionDate, '1973-06-26');
      assert.equal(body.instrument.ilcSession, 58);
      assert.equal(body.instrument.category, 'fundamental');
      assert.equal(body.session.number, 58);
      assert.equal(body.instrument.ratificationEifArticle, 'C138 Art 12(3)');
      assert.ok(
        body.revises.some((r: any) => r.code === 'C005'),
        'C138 revises C005',
      );
      assert.equal(body.recordedRatifications, 176);
      assert.equal(body.ratifications.length, 176);
      assert.equal(body.instrument.publishedCount.count, 176, 'the published count from ratification_counts.csv');
    });

    test('C182 was adopted on 17 June 1999 at the 87th session and is universally ratified', async () => {
      const body = await json('/api/instruments/c182');
      assert.equal(body.instrument.code, 'C182');
      assert.equal(body.instrument.adoptionDate, '1999-06-17');
      assert.equal(body.instrument.ilcSession, 87);
      assert.equal(body.recordedRatifications, expectedCount('C182'));
      assert.equal(body.recordedRatifications, 187);
    });

    test('instruments revised by C138 point back to it', async () => {
      const body = await json('/api/instruments/C005');
      assert.deepEqual(
        body.revisedBy.map((r: any) => r.code),
        ['C059', 'C138'],
      );
    });

    test("Indonesia's profile lists every ratification with C138's declared age of 15", async () => {
      const body = await json('/api/countries/idn');
      assert.equal(body.country.iso3, 'IDN');
      assert.equal(body.country.nameId, 'Indonesia');
      assert.equal(body.ratifications.length, 20);
      assert.equal(body.ratifications.length, idnExpected);
      assert.equal(body.childLabour.c138.ratified, true);
      assert.equal(body.childLabour.c138.minimumAge, 15);
      assert.equal(body.childLabour.c138.ratification.minimumAge.article, 'C138 Art 2(1)');
      assert.equal(body.childLabour.c138.ratification.entryIntoForce, '2000', 'registered in 1999 → in force in 2000');
      assert.equal(body.childLabour.c182.ratified, true);
      assert.equal(body.childLabour.c182.ratification.registrationDate, '2000-03-28');
      assert.equal(body.childLabour.c182.ratification.entryIntoForce, '2001-03-28');
      const c138 = body.ratifications.find((r: any) => r.instrument === 'C138');
      assert.equal(c138.legalAct, 'Undang-Undang Nomor 20 Tahun 1999');
      assert.equal(c138.nationalTitle, 'Konvensi ILO mengenai Usia Minimum untuk Diperbolehkan Bekerja');
    });

    test("Spain's later Art 2(2) declaration of 16 is the one in effect", async () => {
      const body = await json('/api/countries/ESP');
      assert.equal(body.childLabour.c138.minimumAge, 16);
      assert.equal(body.childLabour.c138.ratification.minimumAge.article, 'C138 Art 2(2)');
      assert.equal(body.childLabour.c138.ratification.declarations.length, 2);
    });

    test('instrument filters narrow the list and pages do not overlap', async () => {
      const fundamental = await json('/api/instruments?category=fundamental&pageSize=50');
      assert.equal(fundamental.total, 11);
      assert.ok(fundamental.items.every((i: any) => i.category === 'fundamental'));
      const protocols = await json('/api/instruments?type=protocol');
      assert.ok(protocols.total > 0 && protocols.items.every((i: any) => i.type === 'protocol'));
      const child = await json('/api/instruments?subject=child-labour&pageSize=200');
      const codes = child.items.map((i: any) => i.code);
      assert.ok(codes.includes('C138') && codes.includes('C182'), codes.join(','));
      const first = await json('/api/instruments?pageSize=5&page=1');
      const second = await json('/api/instruments?pageSize=5&page=2');
      assert.equal(first.items.length, 5);
      assert.equal(first.total, second.total);
      assert.ok(first.total >= 400);
      assert.ok(second.items.every((i: any) => !first.items.some((j: any) => j.code === i.code)));
    });

    test('free text finds instruments by English or Indonesian title and countries without accents', async () => {
      const en = await json('/api/instruments?q=minimum%20age&pageSize=200');
      assert.ok(en.items.some((i: any) => i.code === 'C138'));
      const id = await json(`/api/instruments?q=${encodeURIComponent('Usia Minimum')}`);
      assert.ok(id.items.some((i: any) => i.code === 'C138'));
      const pct = await json('/api/instruments?q=%25');
      assert.equal(pct.total, 0, 'a literal % matches nothing instead of everything');
      const countries = await json('/api/countries?q=cote');
      assert.ok(
        countries.items.some((c: any) => c.iso3 === 'CIV'),
        JSON.stringify(countries.items.map((c: any) => c.nameEn)),
      );
    });

    test('countries are filtered by ILO region', async () => {
      const all = await json('/api/countries');
      assert.equal(all.total, 187);
      const arab = await json(`/api/countries?region=${encodeURIComponent('Arab States')}`);
      assert.equal(arab.total, 11);
    });

    test('ratifications filter by instrument and export as CSV', async () => {
      const page = await json('/api/ratifications?instrument=C138&pageSize=10');
      assert.equal(page.total, 176);
      assert.equal(page.items.length, 10);
      const res = await get('/api/ratifications?instrument=C138&format=csv');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
      const lines = (await res.text()).trimEnd().split('\r\n');
      assert.equal(lines.length, 177);
      assert.match(lines[0] ?? '', /^country_iso3,country_name,instrument/);
      const idn = lines.find((l) => l.startsWith('IDN,'));
      assert.ok(idn?.includes(',15,C138 Art 2(1),'), idn);
      const years = await json('/api/ratifications?instrument=C182&fromYear=2000&toYear=2000&pageSize=200');
      assert.ok(years.items.every((r: any) => r.registrationDate?.startsWith('2000')));
      assert.ok(years.items.some((r: any) => r.country === 'IDN'));
    });

    test('the OpenAPI 3.1 document describes every route', async () => {
      const doc = await json('/api/openapi.json');
      assert.equal(doc.openapi, '3.1.0');
      for (const path of ['/instruments', '/instruments/{code}', '/countries', '/countries/{iso3}', '/ratifications']) {
        assert.ok(doc.paths[path]?.get, `missing ${path}`);
      }
      const params = doc.paths['/instruments'].get.parameters.map((p: any) => p.name);
      for (const name of ['type', 'status', 'category', 'subject', 'q', 'page', 'pageSize']) assert.ok(params.includes(name), name);
    });

    const badRequests: [string, number, RegExp][] = [
      ['/api/instruments/C999', 404, /C999/],
      ['/api/instruments/XYZ', 400, /code must look like C138/],
      ['/api/countries/ZZZ', 404, /ZZZ/],
      ['/api/countries/INDONESIA', 400, /iso3/],
      ['/api/instruments?type=treaty', 400, /type must be one of/],
      ['/api/instruments?page=-1', 400, /page must be 1 or more/],
      ['/api/instruments?page=abc', 400, /page/],
      ['/api/instruments?pageSize=1000000', 400, /pageSize must be at most 200/],
      ['/api/instruments?pageSize=0', 400, /pageSize/],
      ['/api/ratifications?fromYear=12abc', 400, /fromYear/],
      ['/api/ratifications?format=xml', 400, /format must be json or csv/],
      [`/api/instruments?q=${'a'.repeat(500)}`, 400, /at most 200 characters/],
      [`/api/instruments?q=${'a'.repeat(3000)}`, 414, /longer than/],
      ['/api/nothing-here', 404, /No API route/],
      ['/api/instruments/%E0%A4%A', 400, /code/],
      ['/api/history?from=2023-02-30', 400, /^from: 2023-02-30 is not a date: February 2023 has 28 days\.$/],
      ['/api/history?to=2023-04-31T12:00:00Z', 400, /^to: 2023-04-31 is not a date: April 2023 has 30 days\.$/],
      ['/api/history?from=2023-13-01', 400, /^from: 2023-13-01 is not a date: there is no month 13\.$/],
      ['/api/ratifications?country=XXX', 404, /"XXX"/],
      ['/api/ratifications?country=xxx&instrument=C138', 404, /"XXX"/],
      ['/api/ratifications?instrument=C999', 404, /C999/],
      ['/api/ratifications?fromYear=2010&toYear=2000', 400, /fromYear \(2010\) is after toYear \(2000\)/],
      ['/api/history?from=2024-03-01&to=2024-02-29', 400, /from \(2024-03-01\) is after to \(2024-02-29\)/],
    ];
    for (const [path, status, message] of badRequests) {
      test(`${path.slice(0, 60)} gives ${status} problem+json`, async () => {
        const res = await get(path);
        assert.equal(res.status, status);
        assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
        const body = (await res.json()) as any;
        assert.equal(body.status, status);
        assert.match(body.detail, message);
        assert.equal(typeof body.title, 'string');
      });
    }

    test('a bad filter names the field in errors[]', async () => {
      const body = await json('/api/instruments?type=treaty&pageSize=9999', 400);
      const fields = body.errors.map((e: any) => e.field).sort();
      assert.deepEqual(fields, ['pageSize', 'type']);
    });

    test('filters that cannot match are refused naming the field, while sound ones still answer', async () => {
      const range = await json('/api/ratifications?fromYear=2010&toYear=2000', 400);
      assert.deepEqual(
        range.errors.map((e: any) => e.field),
        ['fromYear'],
      );
      assert.match(range.errors[0].message, /toYear/);
      const day = await json('/api/history?from=2023-02-30&to=2024-02-29', 400);
      assert.deepEqual(
        day.errors.map((e: any) => e.field),
        ['from'],
      );
      const unknown = await json('/api/ratifications?country=XXX', 404);
      assert.equal(unknown.detail, (await json('/api/countries/XXX', 404)).detail, 'the same answer as the country route');
      await json('/api/history?from=2024-02-29', 200);
      const sameYear = await json('/api/ratifications?fromYear=1999&toYear=1999&instrument=C182', 200);
      assert.ok(sameYear.total > 0);
      const idn = await json('/api/ratifications?country=idn', 200);
      assert.ok(idn.total > 0);
    });

    test('no request above caused an unexpected error', () => {
      assert.deepEqual(unexpected, []);
    });

    test('seeding again changes nothing', async () => {
      const { readBundle } = await import('../../src/storage/bundle.ts');
      const before = await json('/api/ratifications?pageSize=1');
      const result = await services.repo.seed(await readBundle(new URL('.', dataDir).pathname));
      assert.equal(result.ratifications, bundled.length);
      const afterSeed = await json('/api/ratifications?pageSize=1');
      assert.equal(afterSeed.total, before.total);
      const idn = await json('/api/countries/IDN');
      assert.equal(idn.childLabour.c138.ratification.declarations.length, 1, 'declarations are not duplicated');
    });
  });
}

describe('the real server over a socket', () => {
  test('keeps serving after malformed and oversized requests', async () => {
    const database = (await allDatabases())[0] as TestDatabase;
    const server = await startServer({ ...database.config, port: 0 });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const statuses: number[] = [];
      for (const path of [
        `/api/instruments?q=${'x'.repeat(20_000)}`,
        '/api/instruments?page=-1',
        '/api/instruments/%',
        '/%%%',
        '/api/countries/I%00N',
      ]) {
        const res = await fetch(base + path);
        await res.arrayBuffer();
        statuses.push(res.status);
      }
      assert.ok(
        statuses.every((s) => s >= 400 && s < 500),
        statuses.join(','),
      );
      const ok = await fetch(`${base}/api/instruments/C138`);
      assert.equal(ok.status, 200);
    } finally {
      await server.close();
      await database.cleanup();
    }
  });
});
