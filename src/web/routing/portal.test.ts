import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createServices, type Services } from '../../container.ts';
import { createApp } from '../../http/app.ts';

describe('portal routes', () => {
  let dir: string;
  let services: Services;
  let app: Hono;
  const get = (path: string, headers: Record<string, string> = {}) => app.request(`http://localhost${path}`, { headers });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-portal-'));
    services = await createServices({ databaseUrl: null, sqlitePath: join(dir, 't.db'), pgSchema: 'public' });
    app = createApp({ ...services });
  });

  after(async () => {
    await services?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('should redirect / to the language the reader prefers', async () => {
    const plain = await get('/');
    assert.equal(plain.status, 302);
    assert.equal(plain.headers.get('location'), '/en/');
    const indonesian = await get('/', { 'accept-language': 'id-ID,id;q=0.9,en;q=0.8' });
    assert.equal(indonesian.headers.get('location'), '/id/');
    assert.match(indonesian.headers.get('vary') ?? '', /accept-language/i);
  });

  test('should serve pages with a short public cache and the right language', async () => {
    const res = await get('/id/instruments/C138');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const body = await res.text();
    assert.match(body, /<html lang="id">/);
    assert.match(body, /<link rel="alternate" hreflang="en" href="\/en\/instruments\/C138">/);
    assert.match(body, /<link rel="alternate" hreflang="x-default" href="\/en\/instruments\/C138">/);
    assert.ok(!/<script/i.test(body), 'no page needs a script');
  });

  test('should redirect non-canonical codes permanently, keeping the query', async () => {
    for (const [from, to] of [
      ['/en/instruments/c138', '/en/instruments/C138'],
      ['/id/instruments/C29?x=1', '/id/instruments/C029?x=1'],
      ['/en/countries/idn', '/en/countries/IDN'],
      ['/en/instruments/', '/en/instruments'],
      ['/id', '/id/'],
    ]) {
      const res = await get(from as string);
      assert.equal(res.status, 301, from);
      assert.equal(res.headers.get('location'), to, from);
    }
  });

  test('should keep the query in the language switch', async () => {
    const body = await (await get('/en/instruments?type=protocol')).text();
    assert.match(body, /<a href="\/id\/instruments\?type=protocol" hreflang="id" lang="id"/);
  });

  test('should answer invalid filters with a 400 page in the path language', async () => {
    const res = await get('/id/instruments?status=bagus');
    assert.equal(res.status, 400);
    const body = await res.text();
    assert.match(body, /Permintaan ini tidak dapat diproses/);
    assert.match(body, /Nilai Status “bagus” tidak dikenal/);
    assert.equal((await get('/en/countries?region=Mars')).status, 400);
    assert.equal((await get(`/en/search?q=${'x'.repeat(201)}`)).status, 400);
  });

  test('should answer unknown pages with a 404 in the path language', async () => {
    const id = await get('/id/tidak-ada');
    assert.equal(id.status, 404);
    assert.match(await id.text(), /<html lang="id">[\s\S]*Halaman tidak ditemukan/);
    const en = await get('/en/countries/XXX');
    assert.equal(en.status, 404);
    assert.match(await en.text(), /There is no member State with the code XXX/);
  });

  test('should escape what the reader typed', async () => {
    const body = await (await get('/en/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E')).text();
    assert.ok(!body.includes('<script>alert(1)'));
    assert.match(body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  test('should show a page past the end of the list without failing', async () => {
    const res = await get('/en/instruments?page=999');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /past the end of the list; the last page is 9/);
  });

  test('should serve the stylesheet with a long cache and revalidate it by etag', async () => {
    const home = await (await get('/en/')).text();
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(home)?.[1];
    assert.ok(href?.startsWith('/static/site.css?v='), String(href));
    const css = await get(href as string);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
    assert.match(css.headers.get('cache-control') ?? '', /max-age=31536000/);
    const again = await get('/static/site.css', { 'if-none-match': css.headers.get('etag') ?? '' });
    assert.equal(again.status, 304);
  });

  test('should show a 500 without the internal message', async () => {
    const broken = createApp({
      ...services,
      registry: new Proxy(services.registry, {
        get: (target, prop) =>
          prop === 'getCountryProfile' ? () => Promise.reject(new Error('disk on fire at /srv/db.ts:1')) : Reflect.get(target, prop),
      }),
    });
    const res = await broken.request('http://localhost/id/countries/IDN');
    assert.equal(res.status, 500);
    const body = await res.text();
    assert.ok(!body.includes('disk on fire'));
    assert.match(body, /<html lang="id">[\s\S]*Terjadi kesalahan/);
  });
});
