import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { asClient, type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-03T10:00:00.000Z');

/** A CSV without quoted commas in the cells the tests read: rows of cells. */
function csvRows(text: string): string[][] {
  return text
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
}

for (const database of await allDatabases()) {
  describe(`Statistics API on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    let secretariat: Client;
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW, today: () => '2026-12-03' });
      await services.accounts.createUser({ email: 'sec@example.org', password: PASSWORD, role: 'secretariat' }, NOW);
      secretariat = await signIn(request, 'sec@example.org');
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('GET /api/statistics/child-labour: every estimate with its source; the 2008 hazardous figure stays unknown; CSV holds the same numbers', async () => {
      const res = await request('/api/statistics/child-labour');
      assert.equal(res.status, 200);
      const body = (await res.json()) as any;
      assert.equal(body.ageGroup, '5-17');
      assert.deepEqual(
        body.estimates.map((e: any) => e.year),
        [2000, 2004, 2008, 2012, 2016, 2020, 2024],
      );
      const y2008 = body.estimates.find((e: any) => e.year === 2008);
      assert.equal(y2008.childLabour, 215000000);
      assert.equal(y2008.hazardousWork, null);
      for (const e of body.estimates) assert.ok(e.source && e.confidence, `${e.year} has a source and confidence`);

      const csv = await request('/api/statistics/child-labour?format=csv');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      const [head, ...rows] = csvRows(await csv.text());
      assert.deepEqual(head?.slice(0, 4), ['year', 'age_group', 'children_in_child_labour', 'children_in_hazardous_work']);
      assert.deepEqual(
        rows.map((r) => r.slice(0, 4)),
        body.estimates.map((e: any) => [
          String(e.year),
          e.ageGroup,
          e.childLabour === null ? '' : String(e.childLabour),
          e.hazardousWork === null ? '' : String(e.hazardousWork),
        ]),
      );
    });

    test('the chart as SVG: role img with title and desc, from both addresses', async () => {
      for (const path of ['/api/statistics/child-labour.svg', '/api/statistics/child-labour?format=svg']) {
        const res = await request(path);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /^image\/svg\+xml/);
        const svg = await res.text();
        assert.match(svg, /<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img"/);
        assert.match(svg, /<title id="chart-child-labour-title">Children in child labour/);
        assert.match(svg, /<desc /);
      }
    });

    test('GET /api/statistics/ratifications by year and by region: the counts add up to the recorded ratifications; CSV equals JSON', async () => {
      const all = (await (await request('/api/ratifications?instrument=C138&pageSize=1')).json()) as any;
      for (const by of ['year', 'region'] as const) {
        const res = await request(`/api/statistics/ratifications?instrument=c138&by=${by}`);
        assert.equal(res.status, 200);
        const body = (await res.json()) as any;
        assert.equal(body.instrument.code, 'C138');
        assert.equal(body.by, by);
        assert.equal(body.total, all.total);
        assert.equal(
          body.rows.reduce((s: number, r: any) => s + r.count, 0),
          all.total,
        );
        const [head, ...rows] = csvRows(await (await request(`/api/statistics/ratifications?instrument=C138&by=${by}&format=csv`)).text());
        if (by === 'year') {
          assert.deepEqual(head, ['instrument', 'year', 'ratifications', 'cumulative']);
          assert.deepEqual(
            rows,
            body.rows.map((r: any) => [
              'C138',
              r.year === null ? 'unknown' : String(r.year),
              String(r.count),
              r.cumulative === null ? '' : String(r.cumulative),
            ]),
          );
          const known = body.rows.filter((r: any) => r.year !== null);
          assert.equal(
            known.at(-1).cumulative,
            known.reduce((s: number, r: any) => s + r.count, 0),
          );
        } else {
          assert.deepEqual(head, ['instrument', 'region', 'ratifications']);
          assert.deepEqual(
            rows,
            body.rows.map((r: any) => ['C138', r.region ?? 'unknown', String(r.count)]),
          );
        }
      }
    });

    test('a recorded ratification is counted at once (no stale count after a write)', async () => {
      const before = (await (await request('/api/statistics/ratifications?instrument=C155&by=year')).json()) as any;
      const res = await request(
        '/api/ratifications/IDN/C155',
        asClient(secretariat, {
          method: 'PUT',
          body: JSON.stringify({ registrationDate: '2026', status: 'not_in_force', source: 'Test source: printout, 2026' }),
        }),
      );
      assert.equal(res.status < 300, true, `save: ${res.status} ${await res.text()}`);
      const after = (await (await request('/api/statistics/ratifications?instrument=C155&by=year')).json()) as any;
      assert.equal(after.total, before.total + 1);
      assert.equal(after.rows.find((r: any) => r.year === 2026)?.count, (before.rows.find((r: any) => r.year === 2026)?.count ?? 0) + 1);
    });

    test('bad parameters are 400 problems naming the field; an unknown instrument is 404', async () => {
      const cases: [string, string][] = [
        ['/api/statistics/ratifications', 'instrument'],
        ['/api/statistics/ratifications?instrument=X1', 'instrument'],
        ['/api/statistics/ratifications?instrument=C138&by=decade', 'by'],
        ['/api/statistics/ratifications?instrument=C138&format=xlsx', 'format'],
        ['/api/statistics/child-labour?format=pdf', 'format'],
      ];
      for (const [path, field] of cases) {
        const res = await request(path);
        assert.equal(res.status, 400, path);
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
        const body = (await res.json()) as any;
        assert.ok(
          body.errors.some((e: any) => e.field === field),
          `${path}: ${JSON.stringify(body.errors)}`,
        );
      }
      const missing = await request('/api/statistics/ratifications?instrument=C999');
      assert.equal(missing.status, 404);
      assert.match(((await missing.json()) as any).detail, /C999/);
    });

    test('the portal page renders from this database, well under the 60 KB weight budget even uncompressed', async () => {
      for (const path of ['/en/statistics', '/id/statistics?instrument=C029']) {
        const res = await request(path);
        assert.equal(res.status, 200, path);
        const page = await res.text();
        assert.ok(page.length < 60_000, `${path}: ${page.length} bytes`);
        assert.match(page, /<svg id="chart-child-labour"[^>]* role="img"/);
        assert.match(page, /<table class="stats-table" id="stats-by-region-table">/);
      }
      assert.equal((await request('/en/statistics?instrument=C999')).status, 404);
    });

    test('the statistics routes are in the OpenAPI document', async () => {
      const doc = (await (await request('/api/openapi.json')).json()) as any;
      for (const p of ['/statistics/child-labour', '/statistics/child-labour.svg', '/statistics/ratifications']) assert.ok(doc.paths[p], p);
    });
  });
}
