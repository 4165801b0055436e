/**
 * Issue 10, one search over everything: the queries the issue names find what they mean in both
 * languages, on both databases; an edit is found by the next search on another instance; the API
 * refuses an empty or overlong query naming q; the portal groups results by kind.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { createApp } from '../../src/http/app.ts';
import type { SearchResponse } from '../../src/services/search/search-service.ts';
import type { SearchKind } from '../../src/services/search/search-source.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const source = 'Test source: search freshness, 2026';

/** Query → a record that must be among the first `within` results of its kind, in English and in Indonesian. */
const QUERIES: { q: string; kind: SearchKind; key: string; within: number }[] = [
  { q: 'pekerja anak', kind: 'instrument', key: 'C182', within: 3 },
  { q: 'pekerja anak', kind: 'instrument', key: 'C138', within: 3 },
  { q: 'konvensi 182', kind: 'instrument', key: 'C182', within: 1 },
  { q: 'Convention No. 182', kind: 'instrument', key: 'C182', within: 1 },
  { q: 'No. 182', kind: 'instrument', key: 'C182', within: 2 },
  { q: 'usia minimum', kind: 'instrument', key: 'C138', within: 1 },
  { q: 'minimum age', kind: 'instrument', key: 'C138', within: 1 },
  // A typo: tolerated.
  { q: 'minimun age', kind: 'instrument', key: 'C138', within: 1 },
  // Case and accents do not matter.
  { q: 'MINIMUM AGE', kind: 'instrument', key: 'C138', within: 1 },
  { q: 'cote d ivoire', kind: 'country', key: 'CIV', within: 1 },
  { q: 'Côte', kind: 'country', key: 'CIV', within: 1 },
  // Affixes: pekerjaan and bekerja find what pekerja finds.
  { q: 'pekerjaan terburuk anak', kind: 'instrument', key: 'C182', within: 2 },
  { q: 'bekerja anak', kind: 'instrument', key: 'C182', within: 3 },
  // States by name in either language and by ISO code.
  { q: 'Indonesia', kind: 'country', key: 'IDN', within: 1 },
  { q: 'idn', kind: 'country', key: 'IDN', within: 1 },
  { q: 'Jerman', kind: 'country', key: 'DEU', within: 1 },
  { q: 'Germany', kind: 'country', key: 'DEU', within: 1 },
  // Offices by city, Conference sessions by number.
  { q: 'Jakarta', kind: 'office', key: 'ilo-country-office-for-indonesia-and-timor-leste-jakarta', within: 1 },
  { q: 'konferensi 100', kind: 'session', key: '100', within: 1 },
  // Programmes (the founding text's, accents folded) and USDOL's goods.
  { q: 'Bolsa Familia', kind: 'programme', key: 'bolsa-familia', within: 1 },
  { q: 'cocoa', kind: 'good', key: 'Cocoa', within: 1 },
];

function rank(r: SearchResponse, kind: SearchKind, key: string): number {
  const hits = r.groups.find((g) => g.kind === kind)?.hits ?? [];
  return hits.findIndex((h) => h.key === key);
}

for (const database of await allDatabases()) {
  describe(`one search on ${database.name}`, { skip: database.skip }, () => {
    let writer: Services;
    let reader: Services;
    let admin: Actor;
    let app: ReturnType<typeof createApp>;
    const get = (path: string) => app.request(`http://localhost${path}`);

    before(async () => {
      writer = await createServices(database.config, { hasher: testHasher });
      reader = await createServices(database.config, { hasher: testHasher, prepare: false });
      admin = await writer.accounts.createUser({ email: 'admin@example.org', password: PASSWORD, role: 'admin' }, NOW);
      app = createApp({ ...reader, now: () => NOW });
    });
    after(async () => {
      await writer?.close();
      await reader?.close();
      await database.cleanup();
    });

    for (const { q, kind, key, within } of QUERIES) {
      for (const lang of ['en', 'id'] as const) {
        test(`"${q}" (${lang}) finds ${kind} ${key} among the first ${within}`, async () => {
          const r = await reader.search.search({ q, lang, limit: 10 });
          const at = rank(r, kind, key);
          assert.ok(
            at >= 0 && at < within,
            `${key} is at ${at}: ${JSON.stringify(r.groups.map((g) => [g.kind, g.hits.map((h) => h.key)]))}`,
          );
        });
      }
    }

    test('titles come in the language asked for, English where there is no Indonesian one', async () => {
      const id = await reader.search.search({ q: 'C138', lang: 'id' });
      assert.equal(id.groups[0]?.hits[0]?.title, 'Konvensi ILO mengenai Usia Minimum untuk Diperbolehkan Bekerja');
      const en = await reader.search.search({ q: 'C138', lang: 'en' });
      assert.equal(en.groups[0]?.hits[0]?.title, 'Minimum Age Convention, 1973');
    });

    test('results are grouped by kind, and a kind can be asked for alone', async () => {
      const all = await reader.search.search({ q: 'Indonesia', lang: 'en' });
      assert.deepEqual(
        all.groups.map((g) => g.kind),
        ['country', 'office', 'programme', 'good', 'comment'],
      );
      const offices = await reader.search.search({ q: 'Indonesia', lang: 'en', kind: 'office' });
      assert.deepEqual(
        offices.groups.map((g) => g.kind),
        ['office'],
      );
    });

    test('an instrument title edit is found at once by another instance, and the old title no more', async () => {
      assert.equal((await reader.search.search({ q: 'zanzibarian', lang: 'en' })).groups.length, 0);
      await writer.edits.updateInstrument(admin, { code: 'C155', titleEn: 'Zanzibarian Safety Convention, 1981', source }, NOW);
      const found = await reader.search.search({ q: 'zanzibarian', lang: 'en' });
      assert.equal(found.groups[0]?.hits[0]?.key, 'C155');
      const api = (await (await get('/api/search?q=zanzibarian')).json()) as { groups: { hits: { key: string; href: string }[] }[] };
      assert.deepEqual(api.groups[0]?.hits[0], { ...api.groups[0]?.hits[0], key: 'C155', href: '/en/instruments/C155' });
    });

    test('a supervisory comment summary edit is found at once', async () => {
      await writer.supervision.addComment(
        admin,
        { country: 'IDN', instruments: ['C138'], summaryEn: 'The Committee asks about quarrying by children', summaryId: null, source },
        NOW,
      );
      const r = await reader.search.search({ q: 'quarrying', lang: 'en' });
      assert.equal(r.groups[0]?.kind, 'comment');
    });

    test('GET /api/search answers grouped JSON in the language asked for', async () => {
      const res = await get('/api/search?q=pekerja%20anak&lang=id&kind=instrument&limit=2');
      assert.equal(res.status, 200);
      const body = (await res.json()) as SearchResponse & { groups: { hits: { href: string }[] }[] };
      assert.equal(body.lang, 'id');
      assert.deepEqual(
        body.groups.map((g) => g.kind),
        ['instrument'],
      );
      assert.equal(body.groups[0]?.hits.length, 2);
      assert.match(body.groups[0]?.hits[0]?.href ?? '', /^\/id\/instruments\/C(182|138)$/);
    });

    test('GET /api/search refuses an empty, blank or overlong q, and an unknown lang or kind, naming the field', async () => {
      for (const [path, field] of [
        ['/api/search', 'q'],
        ['/api/search?q=', 'q'],
        ['/api/search?q=%20%20', 'q'],
        [`/api/search?q=${'x'.repeat(201)}`, 'q'],
        ['/api/search?q=age&lang=fr', 'lang'],
        ['/api/search?q=age&kind=planet', 'kind'],
        ['/api/search?q=age&limit=0', 'limit'],
      ] as const) {
        const res = await get(path);
        assert.equal(res.status, 400, path);
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
        assert.match(await res.text(), new RegExp(`\\b${field}\\b`), path);
      }
    });

    test('the search page groups results by kind in en and id, and says when nothing matches', async () => {
      const en = await (await get('/en/search?q=indonesia')).text();
      assert.match(en, /<h3 id="results-country">Member States \(1\)<\/h3>/);
      assert.match(en, /<h3 id="results-office">Offices \(1\)<\/h3>/);
      assert.match(en, /href="\/en\/countries\/IDN">Indonesia<\/a>/);
      const id = await (await get('/id/search?q=pekerja+anak')).text();
      assert.match(id, /<h3 id="results-instrument">Instrumen \(\d+\)<\/h3>/);
      assert.match(id, /href="\/id\/instruments\/C182">C182<\/a>/);
      const none = await (await get('/en/search?q=qqqqqqqq')).text();
      assert.match(none, /Nothing matches “qqqqqqqq”/);
    });
  });
}
