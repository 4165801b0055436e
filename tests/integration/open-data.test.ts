import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { flatten, TABLE_NAMES } from '../../src/services/open-data/tables.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';
import { csvRecords, unzip } from '../support/unzip.ts';

const TODAY = '2026-12-03';

/** What a CSV cell holds for a value: empty for null, the formula guard undone. */
function cellOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v);
}
const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

for (const database of await allDatabases()) {
  describe(`Open data on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    let files: Map<string, Buffer>;
    let dir: string;
    let documentsDir: string;
    const request = (path: string) => app.request(`http://localhost${path}`);
    const json = async (path: string) => {
      const res = await request(path);
      assert.equal(res.status, 200, path);
      return (await res.json()) as any;
    };
    /** Every item of a paged API list. */
    const paged = async (path: string) => {
      const items: unknown[] = [];
      for (let page = 1; ; page++) {
        const body = await json(`${path}?page=${page}&pageSize=100`);
        items.push(...body.items);
        if (items.length >= body.total || body.items.length === 0) return items;
      }
    };
    const text = (name: string) => {
      const f = files.get(`${dir}/${name}`);
      assert.ok(f, `${name} is in the ZIP`);
      return f.toString('utf8');
    };

    before(async () => {
      documentsDir = mkdtempSync(join(tmpdir(), 'tripartite-open-data-docs-'));
      services = await createServices({ ...database.config, documentsDir }, { hasher: testHasher });
      // The documents library starts empty: one stored file and one link, so its table has records of both shapes.
      const admin = await services.accounts.createUser({ email: 'admin@example.org', password: PASSWORD, role: 'admin' }, new Date());
      const actor = { id: admin.id, email: admin.email, role: 'admin' as const, countries: [] };
      await services.documents.upload(
        actor,
        {
          titleEn: 'Child labour in coffee: field notes',
          kind: 'report',
          countries: ['IDN'],
          instruments: ['C138'],
          source: 'test upload',
        },
        { name: 'notes.txt', bytes: new TextEncoder().encode('Children under 15 seen picking coffee cherries.') },
        new Date(),
      );
      await services.documents.upload(
        actor,
        { titleEn: 'Worst forms guide', kind: 'guide', url: 'https://example.org/guide', source: 'test link' },
        null,
        new Date(),
      );
      app = createApp({ ...services, today: () => TODAY });
      const res = await request('/api/export.zip');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/zip');
      const version = await services.registry.dataVersion();
      dir = `tripartite-open-data-${version.slice(0, 8)}-${TODAY}`;
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="${dir}.zip"`);
      files = await unzip(Buffer.from(await res.arrayBuffer()));
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
      rmSync(documentsDir, { recursive: true, force: true });
    });

    test('the ZIP holds every table as CSV and JSON, the data dictionary and the sources, in one versioned folder', () => {
      const names = [...files.keys()].sort();
      const expected = [
        ...TABLE_NAMES.flatMap((t) => [`${dir}/${t}.csv`, `${dir}/${t}.json`]),
        `${dir}/data-dictionary.json`,
        `${dir}/data-dictionary.md`,
        `${dir}/sources.json`,
      ].sort();
      assert.deepEqual(names, expected);
      const dictionary = JSON.parse(text('data-dictionary.json'));
      assert.equal(dictionary.releaseDate, TODAY);
      for (const t of dictionary.tables) {
        const header = csvRecords(text(`${t.name}.csv`)).length > 0 ? Object.keys(csvRecords(text(`${t.name}.csv`))[0] ?? {}) : [];
        assert.deepEqual(
          t.columns.map((c: any) => c.name),
          header,
          `${t.name}: the dictionary describes every CSV column`,
        );
        for (const c of t.columns) assert.ok(c.description.length > 0, `${t.name}.${c.name} has a description`);
      }
      assert.match(text('data-dictionary.md'), /## ratifications/);
      assert.ok(JSON.parse(text('sources.json')).some((s: any) => typeof s.id === 'string'));
    });

    test('instruments, countries and ratifications: the CSV rows are the records the API returns', async () => {
      const instruments: any[] = [];
      for (let page = 1; ; page++) {
        const body = await json(`/api/instruments?page=${page}&pageSize=100`);
        instruments.push(...body.items);
        if (instruments.length >= body.total) break;
      }
      const csvInstruments = csvRecords(text('instruments.csv'));
      assert.equal(csvInstruments.length, instruments.length);
      assert.ok(instruments.length > 100);
      for (const [i, api] of instruments.entries()) {
        const row = csvInstruments[i] ?? {};
        assert.equal(row.code, cellOf(api.code));
        assert.equal(unguard(row.titleEn ?? ''), cellOf(api.titleEn));
        assert.equal(row.adoptionDate, cellOf(api.adoptionDate));
        assert.equal(row.source, cellOf(api.source));
      }

      const countries: any[] = (await json('/api/countries')).items ?? (await json('/api/countries'));
      const csvCountries = csvRecords(text('countries.csv'));
      assert.deepEqual(
        csvCountries.map((r) => [r.iso3, r.nameEn, r.nameId, r.region, r.membershipDate]),
        countries.map((c) => [c.iso3, c.nameEn, cellOf(c.nameId), cellOf(c.region), cellOf(c.membershipDate)]),
      );

      const ratifications = csvRecords(text('ratifications.csv'));
      const all: any[] = [];
      for (let page = 1; ; page++) {
        const body = await json(`/api/ratifications?page=${page}&pageSize=100`);
        all.push(...body.items);
        if (all.length >= body.total) break;
      }
      assert.equal(ratifications.length, all.length);
      const key = (r: { country?: string; instrument?: string }) => `${r.country}/${r.instrument}`;
      const byKey = new Map(all.map((r) => [key(r), r]));
      for (const row of ratifications) {
        const api = byKey.get(key(row));
        assert.ok(api, `${key(row)} is in the API`);
        assert.equal(row.registrationDate, cellOf(api.registrationDate));
        assert.equal(row.status, cellOf(api.status));
        assert.equal(row['minimumAge.value'], cellOf(api.minimumAge?.value));
        assert.deepEqual(JSON.parse(row.declarations || '[]'), api.declarations ?? []);
      }
      const idnC138 = ratifications.find((r) => r.country === 'IDN' && r.instrument === 'C138');
      assert.equal(idnC138?.['minimumAge.value'], '15');
    });

    test('every table: the JSON equals the API route, and each CSV row is its JSON record flattened', async () => {
      const viaApi: Record<string, () => Promise<unknown[]>> = {
        'ilc-sessions': async () => (await json('/api/conference/sessions')).items,
        'child-labour-estimates': async () => (await json('/api/statistics/child-labour')).estimates,
        'usdol-goods': async () => (await json('/api/goods')).items,
        countries: async () => (await json('/api/countries')).items,
        offices: async () => (await json('/api/office/offices')).items,
        instruments: () => paged('/api/instruments'),
        ratifications: () => paged('/api/ratifications'),
        'supervisory-comments': () => paged('/api/comments'),
        'supervisory-procedures': () => paged('/api/procedures'),
        programmes: () => paged('/api/programmes'),
        documents: () => paged('/api/documents'),
      };
      for (const name of TABLE_NAMES) {
        const records = JSON.parse(text(`${name}.json`)) as unknown[];
        assert.ok(records.length > 0, `${name} has records`);
        const fromApi = viaApi[name];
        if (fromApi) assert.deepEqual(records, await fromApi(), `${name}.json equals the API`);
        const rows = csvRecords(text(`${name}.csv`));
        assert.equal(rows.length, records.length, `${name}: one CSV row per record`);
        for (const [i, record] of records.entries()) {
          const flat = flatten(record);
          for (const [column, cell] of Object.entries(rows[i] ?? {})) {
            if (column in flat) assert.equal(unguard(cell), cellOf(flat[column]), `${name}[${i}].${column}`);
            else assert.equal(cell, '', `${name}[${i}].${column} is empty`);
          }
        }
      }
    });

    test('every CSV loads into an empty SQLite database and reads back as the API records', () => {
      const db = new Database(':memory:');
      try {
        for (const name of TABLE_NAMES) {
          const rows = csvRecords(text(`${name}.csv`));
          const columns = Object.keys(rows[0] ?? {});
          const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
          db.exec(`CREATE TABLE ${q(name)} (${columns.map((c) => `${q(c)} TEXT`).join(', ')})`);
          const insert = db.prepare(`INSERT INTO ${q(name)} VALUES (${columns.map(() => '?').join(', ')})`);
          db.transaction(() => {
            for (const row of rows) insert.run(columns.map((c) => (row[c] === '' ? null : unguard(row[c] ?? ''))));
          })();
          const stored = db.prepare(`SELECT * FROM ${q(name)} ORDER BY rowid`).all() as Record<string, string | null>[];
          const records = JSON.parse(text(`${name}.json`)) as unknown[];
          assert.equal(stored.length, records.length, name);
          for (const [i, record] of records.entries()) {
            const flat = flatten(record);
            for (const c of columns) assert.equal(stored[i]?.[c] ?? '', c in flat ? cellOf(flat[c]) : '', `${name}[${i}].${c}`);
          }
        }
      } finally {
        db.close();
      }
    });

    test('GET /api/export/{table}.csv|json give one table; a bad name is a 400, an unknown table a 404', async () => {
      const csv = await request('/api/export/countries.csv');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      assert.equal(await csv.text(), text('countries.csv'));
      const j = await request('/api/export/offices.json');
      assert.equal(j.status, 200);
      assert.deepEqual(await j.json(), JSON.parse(text('offices.json')));
      assert.equal((await request('/api/export/accounts.csv')).status, 404);
      assert.equal((await request('/api/export/countries.xlsx')).status, 400);
    });
  });
}
