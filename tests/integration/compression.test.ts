import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { chooseEncoding } from '../../src/http/compression.ts';
import { asClient, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { sqliteDatabase } from '../support/databases.ts';

/** Response compression at the HTTP edge, in-process on SQLite (it does not depend on the engine). */
const database = sqliteDatabase();
let services: Services;
let app: ReturnType<typeof createApp>;

before(async () => {
  services = await createServices(database.config, { hasher: testHasher });
  app = createApp({ ...services, today: () => '2026-11-27' });
});
after(async () => {
  await services?.close();
  await database.cleanup();
});

const get = (path: string, acceptEncoding?: string, headers: Record<string, string> = {}) =>
  app.request(`http://localhost${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding, ...headers } : headers });

function decode(encoding: string | null, bytes: Buffer): string {
  if (encoding === 'br') return brotliDecompressSync(bytes).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(bytes).toString('utf8');
  return bytes.toString('utf8');
}

describe('chooseEncoding', () => {
  test('prefers Brotli, falls back to gzip, honours q=0 and the wildcard', () => {
    assert.equal(chooseEncoding('gzip, deflate, br'), 'br');
    assert.equal(chooseEncoding('gzip, deflate'), 'gzip');
    assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(chooseEncoding('gzip;q=1, br;q=0.5'), 'gzip');
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding('identity'), null);
    assert.equal(chooseEncoding('*;q=0'), null);
    assert.equal(chooseEncoding(undefined), null);
  });
});

describe('compressed responses', () => {
  test('a page and a large JSON document come compressed, and decode to the same bytes', async () => {
    for (const path of ['/en/instruments/C138', '/api/instruments/C138', '/api/openapi.json']) {
      const plain = await get(path);
      assert.equal(plain.status, 200);
      assert.equal(plain.headers.get('content-encoding'), null);
      assert.match(plain.headers.get('vary') ?? '', /Accept-Encoding/);
      const text = await plain.text();
      for (const encoding of ['br', 'gzip']) {
        const res = await get(path, encoding === 'br' ? 'gzip, deflate, br' : 'gzip');
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('content-encoding'), encoding, `${path} ${encoding}`);
        assert.equal(res.headers.get('content-length'), null);
        assert.match(res.headers.get('vary') ?? '', /Accept-Encoding/);
        assert.ok(res.headers.get('content-security-policy'), 'security headers survive');
        const bytes = Buffer.from(await res.arrayBuffer());
        assert.ok(bytes.length < text.length / 3, `${path} ${encoding}: ${bytes.length} of ${text.length} bytes`);
        assert.equal(decode(encoding, bytes), text);
      }
    }
  });

  test('a page asked for twice is compressed once (the second answer is the same bytes)', async () => {
    const a = Buffer.from(await (await get('/api/instruments/C182', 'br')).arrayBuffer());
    const b = Buffer.from(await (await get('/api/instruments/C182', 'br')).arrayBuffer());
    assert.deepEqual(a, b);
  });

  test('small bodies and redirects are sent as they are; HEAD has the headers of GET and no body', async () => {
    const health = await get('/api/health', 'br');
    assert.equal(health.headers.get('content-encoding'), null);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const redirect = await get('/', 'br');
    assert.equal(redirect.headers.get('content-encoding'), null);
    const head = await app.request('http://localhost/en/instruments/C138', { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-encoding'), (await get('/en/instruments/C138', 'br')).headers.get('content-encoding'));
    assert.equal((await head.arrayBuffer()).byteLength, 0);
  });

  test('a signed-in reader’s pages, which hold their CSRF token, are not compressed (BREACH)', async () => {
    await services.accounts.createUser(
      { email: 'fp@example.org', password: PASSWORD, role: 'focal_point', countries: ['IDN'] },
      new Date(),
    );
    const reader = await signIn((path, init) => app.request(`http://localhost${path}`, init), 'fp@example.org');
    for (const path of ['/en/countries/IDN/profile/edit', '/en/account', '/api/auth/me', '/en/search?q=csrf']) {
      const res = await app.request(`http://localhost${path}`, asClient(reader, { headers: { 'accept-encoding': 'br' } }));
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-encoding'), null, path);
    }
    // The registry's shared documents hold no secret: compressed for everyone.
    const doc = await app.request('http://localhost/api/instruments/C138', asClient(reader, { headers: { 'accept-encoding': 'br' } }));
    assert.equal(doc.headers.get('content-encoding'), 'br');
    const anonymous = await get('/en/search?q=csrf', 'br');
    assert.equal(anonymous.headers.get('content-encoding'), 'br');
  });

  test('a static file revalidates with the weak tag of its compressed copy', async () => {
    const page = await (await get('/en/')).text();
    const href = /href="(\/static\/site\.css\?v=[^"]+)"/.exec(page)?.[1];
    assert.ok(href);
    const css = await get(href, 'br');
    assert.equal(css.headers.get('content-encoding'), 'br');
    const etag = css.headers.get('etag');
    assert.match(etag ?? '', /^W\/"/);
    const again = await get(href, 'br', { 'if-none-match': etag ?? '' });
    assert.equal(again.status, 304);
  });

  test('a screening result streams compressed through a real server, and decodes to the CSV', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const rows = ['worker_id,country,birth_date,work'];
      for (let i = 0; i < 5000; i++) rows.push(`${i},IDN,${2000 + (i % 20)}-01-15,${i % 2 ? 'light' : 'regular'}`);
      const csv = `${rows.join('\n')}\n`;
      const fetchRaw = (acceptEncoding: string) =>
        new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: '/api/compliance/screen?on=2026-11-27&format=csv',
              headers: { 'content-type': 'text/csv', 'accept-encoding': acceptEncoding },
            },
            (res) => {
              const parts: Buffer[] = [];
              res.on('data', (d: Buffer) => parts.push(d));
              res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
              res.on('error', reject);
            },
          );
          req.on('error', reject);
          req.end(csv);
        });
      const plain = await fetchRaw('identity');
      assert.equal(plain.headers['content-encoding'], undefined);
      const text = plain.body.toString('utf8');
      assert.match(text, /^worker_id,country,birth_date,work,verdict,minimum_age,citations\n/);
      for (const encoding of ['br', 'gzip']) {
        const res = await fetchRaw(encoding);
        assert.equal(res.headers['content-encoding'], encoding);
        assert.ok(res.body.length < text.length / 4, `${encoding}: ${res.body.length} of ${text.length} bytes`);
        assert.equal(decode(encoding, res.body), text);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
