import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { TABLE_NAMES } from '../../src/services/open-data/tables.ts';
import { allDatabases } from '../support/databases.ts';

/** Every page that shows a table, and the open-data tables its link must name (decision 202). */
const PAGES: [string, string[]][] = [
  ['/instruments', ['instruments']],
  ['/countries', ['countries']],
  ['/countries/IDN', ['ratifications', 'national-profiles']],
  ['/instruments/C138', ['ratifications']],
  ['/programmes', ['programmes']],
  ['/goods', ['usdol-goods']],
  ['/statistics', ['child-labour-estimates', 'ratifications']],
  ['/supervision', ['supervisory-comments', 'supervisory-procedures']],
  ['/office', ['offices']],
  ['/conference', ['ilc-sessions']],
];

for (const database of await allDatabases()) {
  describe(`open-data links on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const request = (path: string) => app.request(`http://localhost${path}`);
    const fetched = new Map<string, number>();

    before(async () => {
      services = await createServices(database.config);
      app = createApp({ ...services, today: () => '2026-12-04' });
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    for (const lang of ['en', 'id'] as const) {
      for (const [path, tables] of PAGES) {
        test(`/${lang}${path} links to the download of ${tables.join(' and ')}, and every download it links answers 200`, async () => {
          const res = await request(`/${lang}${path}`);
          assert.equal(res.status, 200, `/${lang}${path}`);
          const page = await res.text();
          assert.match(page, /<table|<ul class="country-list"/, `/${lang}${path} shows a table (or the list of States)`);
          const block = /<p class="data-link">([\s\S]*?)<\/p>/.exec(page)?.[1];
          assert.ok(block, `/${lang}${path} has a data link`);
          const hrefs = [...block.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
          for (const table of tables) {
            assert.ok(TABLE_NAMES.includes(table as never), `${table} is an open-data table`);
            assert.ok(hrefs.includes(`/api/export/${table}.csv`), `${path} links ${table}.csv: ${hrefs.join(' ')}`);
            assert.ok(hrefs.includes(`/api/export/${table}.json`), `${path} links ${table}.json`);
          }
          assert.ok(hrefs.includes(`/${lang}/data`), 'and the open-data page');
          for (const href of hrefs) {
            if (!fetched.has(href)) {
              const download = await request(href);
              fetched.set(href, download.status);
              if (href.endsWith('.csv')) assert.match(download.headers.get('content-type') ?? '', /text\/csv/, href);
              if (href.endsWith('.json')) assert.ok(((await download.json()) as unknown) !== null, href);
              else await download.arrayBuffer();
            }
            assert.equal(fetched.get(href), 200, href);
          }
        });
      }
    }
  });
}
