import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';
import {
  BUDGET_PAGES,
  gzipBytes,
  HTML_BUDGET_BYTES,
  IMMUTABLE_CACHE,
  isHashedAssetUrl,
  JS_BUDGET_BYTES,
  otherOriginUrls,
  pageAssets,
} from '../support/page-budget.ts';

/**
 * The weight budget of issue 10 on the bundled data, without a browser (Lighthouse runs only in
 * `npm run bench:pages`): every measured page in both languages is under 60 KB of gzip HTML (the
 * inline map included), loads no script it does not need, nothing from another origin, and only
 * content-hashed files cached for a year.
 */
const ORIGIN = 'http://localhost';
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

describe('budget checks (what the page-weight test looks for)', () => {
  test('a resource from another origin is found in src and href, a link the reader follows is not', () => {
    const page = `<link rel="stylesheet" href="//cdn.example.net/a.css"><img alt="" src='https://img.example.org/x.png'>
<svg><image href="http://tiles.example.com/1.png"/><use xlink:href="https://sprites.example.com/s.svg#a"/></svg>
<img alt="" srcset="/static/a.png 1x, https://img.example.org/b.png 2x"><script src="https://js.example.com/x.js"></script>
<a href="https://www.ilo.org/source">source</a><img alt="" src="data:image/gif;base64,R0lGOD"><img alt="" src="/static/ok.png">
<link rel="icon" href="${ORIGIN}/static/favicon.svg?v=0123456789ab">`;
    assert.deepEqual(otherOriginUrls(page, ORIGIN), [
      '//cdn.example.net/a.css',
      'https://img.example.org/x.png',
      'http://tiles.example.com/1.png',
      'https://sprites.example.com/s.svg#a',
      'https://img.example.org/b.png',
      'https://js.example.com/x.js',
    ]);
  });

  test('an asset URL is hashed when its name or its v names the content', () => {
    assert.ok(isHashedAssetUrl('/static/site.css?v=0123456789ab'));
    assert.ok(isHashedAssetUrl('/static/site.0123456789ab.css'));
    assert.ok(!isHashedAssetUrl('/static/site.css'));
    assert.ok(!isHashedAssetUrl('/static/site.css?v=2'));
  });
});

for (const database of await allDatabases()) {
  describe(`page weight on the bundled data on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, today: () => '2026-12-04' });
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    const get = (path: string, headers: Record<string, string> = {}) => app.request(`${ORIGIN}${path}`, { headers });

    /** The page's /static files are hashed, cached for a year, and answer with their own type. */
    async function assertStaticFiles(path: string, statics: string[]): Promise<number> {
      let scriptBytes = 0;
      for (const url of statics) {
        assert.ok(isHashedAssetUrl(url), `${path}: ${url} has no content hash`);
        const res = await get(url);
        assert.equal(res.status, 200, `${path}: ${url}`);
        assert.equal(res.headers.get('cache-control'), IMMUTABLE_CACHE, `${path}: ${url}`);
        const body = await res.text();
        if (/javascript/.test(res.headers.get('content-type') ?? '')) scriptBytes += gzipBytes(body);
      }
      return scriptBytes;
    }

    for (const lang of ['en', 'id']) {
      for (const page of BUDGET_PAGES) {
        const path = page.path.replace(/^\/en\//, `/${lang}/`);
        test(`${page.name} (${path}): HTML under 60 KB gzip, no script, nothing from another origin`, async () => {
          const res = await get(path);
          assert.equal(res.status, 200);
          const body = await res.text();
          const size = gzipBytes(body);
          assert.ok(size < HTML_BUDGET_BYTES, `${path}: ${kb(size)} of HTML (gzip), budget ${kb(HTML_BUDGET_BYTES)}`);
          assert.deepEqual(otherOriginUrls(body, ORIGIN), [], path);
          const { scripts, statics } = pageAssets(body);
          assert.deepEqual(scripts, [], `${path} works without JavaScript and loads none`);
          assert.ok(
            statics.some((u) => u.startsWith('/static/site.css')),
            `${path} links the stylesheet`,
          );
          await assertStaticFiles(path, statics);
        });
      }
    }

    test('the instrument page carries its map inline, and the map is counted in its weight', async () => {
      const body = await (await get('/en/instruments/C138')).text();
      const svg = /<svg [^>]*class="ratification-map"[\s\S]*?<\/svg>/.exec(body)?.[0] ?? '';
      assert.match(svg, /data-iso3="IDN"/);
      assert.match(svg, /data-iso3="TUV"/);
      assert.ok(gzipBytes(body) < HTML_BUDGET_BYTES);
    });

    test('the screening page, which has a script, keeps it under 50 KB gzip, hashed and cached for a year', async () => {
      const path = '/en/compliance/screen';
      const body = await (await get(path)).text();
      const { scripts, statics } = pageAssets(body);
      assert.equal(scripts.length, 1);
      const scriptBytes = await assertStaticFiles(path, statics);
      assert.ok(scriptBytes > 0 && scriptBytes < JS_BUDGET_BYTES, `${path}: ${kb(scriptBytes)} of script (gzip)`);
    });

    test('a static file asked for without its hash, or with another, is not pinned for a year', async () => {
      const href = /<link rel="stylesheet" href="([^"]+)">/.exec(await (await get('/en/')).text())?.[1] ?? '';
      assert.equal((await get(href)).headers.get('cache-control'), IMMUTABLE_CACHE);
      for (const stale of ['/static/site.css', '/static/site.css?v=000000000000']) {
        const res = await get(stale);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('cache-control'), 'no-cache', stale);
        assert.equal(await res.text(), await (await get(href)).text(), 'the current file, to revalidate');
      }
    });

    test('every page names its icon, so no browser asks for a missing /favicon.ico', async () => {
      const body = await (await get('/id/')).text();
      const icon = /<link rel="icon" href="([^"]+)" type="image\/svg\+xml">/.exec(body)?.[1] ?? '';
      const res = await get(icon);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^image\/svg\+xml/);
      assert.match(await res.text(), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    });
  });
}
