import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/env.ts';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

/** Item 15 of issue 8: the read API is open to every origin; writes only from listed origins, with a token. */
const LISTED = 'https://partner.example.org';
const OTHER = 'https://elsewhere.example';
const NOW = new Date('2026-11-27T10:00:00.000Z');

describe('TRIPARTITE_CORS_WRITE_ORIGINS', () => {
  test('lists origins, comma-separated; anything that is no bare origin is refused at start-up', () => {
    assert.deepEqual(loadConfig({}).corsWriteOrigins, []);
    assert.deepEqual(loadConfig({ TRIPARTITE_CORS_WRITE_ORIGINS: ` ${LISTED}, http://localhost:5173 ,` }).corsWriteOrigins, [
      LISTED,
      'http://localhost:5173',
    ]);
    assert.deepEqual(loadConfig({ TRIPARTITE_CORS_WRITE_ORIGINS: `${LISTED}/` }).corsWriteOrigins, [LISTED]);
    for (const bad of ['*', 'partner.example.org', `${LISTED}/api`, 'ftp://x.example', 'https://u:p@x.example', `${LISTED}?x=1`]) {
      assert.throws(() => loadConfig({ TRIPARTITE_CORS_WRITE_ORIGINS: bad }), ConfigError, bad);
      assert.throws(() => loadConfig({ TRIPARTITE_CORS_WRITE_ORIGINS: bad }), /TRIPARTITE_CORS_WRITE_ORIGINS/);
    }
  });
});

for (const database of await allDatabases()) {
  describe(`CORS on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    let focal: Client;
    let token: string;
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const profileAge = async () => (await services.compliance.countryFacts('IDN'))?.profile?.compulsoryEducationAge?.value;

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW, corsWriteOrigins: [LISTED] });
      const user = await services.accounts.createUser(
        { email: 'idn@example.org', password: PASSWORD, role: 'focal_point', countries: ['IDN'] },
        NOW,
      );
      focal = await signIn(request, 'idn@example.org');
      token = (await services.accounts.createApiToken(user.id, 'partner site', NOW)).token;
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('every GET and HEAD under /api allows any origin, without credentials', async () => {
      for (const path of [
        '/api/instruments',
        '/api/countries/IDN',
        '/api/ratifications?format=csv&country=IDN',
        '/api/openapi.json',
        '/api/nothing-here',
      ]) {
        for (const method of ['GET', 'HEAD']) {
          const res = await request(path, { method, headers: { origin: OTHER } });
          await res.arrayBuffer();
          assert.equal(res.headers.get('access-control-allow-origin'), '*', `${method} ${path}`);
          assert.equal(res.headers.get('access-control-allow-credentials'), null, `${method} ${path}`);
          assert.match(res.headers.get('access-control-expose-headers') ?? '', /X-Request-Id/);
        }
      }
      // Portal pages are no API: no CORS headers.
      assert.equal((await request('/en/countries/IDN', { headers: { origin: OTHER } })).headers.get('access-control-allow-origin'), null);
    });

    test('a preflight for a read answers any origin; for a write, only a listed origin', async () => {
      const preflight = (path: string, method: string, origin: string, headers = 'content-type') =>
        request(path, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
        });
      const read = await preflight('/api/countries/IDN', 'GET', OTHER, 'accept');
      assert.equal(read.status, 204);
      assert.equal(read.headers.get('access-control-allow-origin'), '*');
      assert.match(read.headers.get('access-control-allow-methods') ?? '', /GET/);
      assert.doesNotMatch(read.headers.get('access-control-allow-methods') ?? '', /PUT|POST/);

      const check = await preflight('/api/compliance/check', 'POST', OTHER);
      assert.equal(check.status, 204, 'the compliance check stores nothing: open to every origin');
      assert.equal(check.headers.get('access-control-allow-origin'), '*');

      const listed = await preflight('/api/countries/IDN/profile', 'PUT', LISTED, 'authorization, content-type');
      assert.equal(listed.status, 204);
      assert.equal(listed.headers.get('access-control-allow-origin'), LISTED);
      assert.match(listed.headers.get('access-control-allow-methods') ?? '', /PUT/);
      assert.match(listed.headers.get('access-control-allow-headers') ?? '', /Authorization/);
      assert.equal(listed.headers.get('access-control-allow-credentials'), null, 'the cookie is never invited');
      assert.match(listed.headers.get('vary') ?? '', /Origin/);

      const other = await preflight('/api/countries/IDN/profile', 'PUT', OTHER, 'authorization, content-type');
      assert.equal(other.status, 403);
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      assert.match(other.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.match(((await other.json()) as { detail: string }).detail, /TRIPARTITE_CORS_WRITE_ORIGINS/);
      assert.equal((await preflight('/api/auth/login', 'POST', OTHER)).status, 403, 'signing in from another site is a write');
      assert.equal((await preflight('/api/auth/login', 'POST', LISTED)).status, 403, 'and needs the cookie, which no other site may use');
    });

    test('a write from a listed origin with an API token goes through, readable by that origin only', async () => {
      const res = await request('/api/countries/IDN/profile', {
        method: 'PUT',
        headers: { origin: LISTED, 'sec-fetch-site': 'cross-site', authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ compulsoryEducationAge: 16, citation: 'UU 20/2003 Pasal 6(1)', source: 'CORS test' }),
      });
      assert.equal(res.status, 200, await res.clone().text());
      assert.equal(res.headers.get('access-control-allow-origin'), LISTED);
      assert.match(res.headers.get('vary') ?? '', /Origin/);
      assert.equal(await profileAge(), 16);
    });

    test('never with the session cookie, never from an unlisted origin, and an anonymous one is 401', async () => {
      const before = await profileAge();
      const body = JSON.stringify({ compulsoryEducationAge: 18, citation: 'forged', source: 'CORS test' });
      const send = (headers: Record<string, string>) =>
        request('/api/countries/IDN/profile', { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body });

      const cookie = await send({ origin: LISTED, cookie: focal.cookie, 'x-csrf-token': focal.csrf });
      assert.equal(cookie.status, 403, 'a listed origin with the session cookie');
      const both = await send({ origin: LISTED, cookie: focal.cookie, authorization: `Bearer ${token}` });
      assert.equal(both.status, 403, 'a token sent along with the session cookie');
      const unlisted = await send({ origin: OTHER, authorization: `Bearer ${token}` });
      assert.equal(unlisted.status, 403, 'an unlisted origin with a token');
      assert.equal(unlisted.headers.get('access-control-allow-origin'), null);
      const unlistedCookie = await send({ origin: OTHER, cookie: focal.cookie, 'x-csrf-token': focal.csrf });
      assert.equal(unlistedCookie.status, 403);
      const anonymous = await send({ origin: LISTED });
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.headers.get('access-control-allow-origin'), LISTED, 'the listed site can read why');
      assert.equal(await profileAge(), before);

      // The same site with its cookie is still fine (the portal and same-origin scripts).
      const own = await send({ origin: 'http://localhost', cookie: focal.cookie, 'x-csrf-token': focal.csrf });
      assert.equal(own.status, 200, await own.text());
    });

    test('the compliance check may be called from any origin, signed in or not', async () => {
      const res = await request('/api/compliance/check', {
        method: 'POST',
        headers: { origin: OTHER, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
        body: JSON.stringify({ country: 'IDN', age: 14, work: 'light' }),
      });
      assert.equal(res.status, 200, await res.clone().text());
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
    });
  });
}
