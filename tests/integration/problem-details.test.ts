import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { startServer } from '../../src/main.ts';
import { type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases, sqliteDatabase } from '../support/databases.ts';
import { assertPlainProblem } from '../support/problems.ts';

/**
 * Item 16 of issue 8: every error body is RFC 9457 problem+json with type, title, status, detail
 * and instance, in plain words, never a validator's own phrasing.
 */
/** One raw HTTP exchange over a socket: what Node's own parser answers, before any app code. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', (error) => (answer ? resolve(answer) : reject(error)));
    socket.write(request);
  });
}

function parseRaw(answer: string): { status: number; headers: string; body: Record<string, unknown> } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), headers: head, body: JSON.parse(body) as Record<string, unknown> };
}

describe('errors answered by the HTTP server itself', () => {
  test('headers too large get 431 and malformed HTTP 400, each with a problem+json body; the server keeps serving', async () => {
    const database = sqliteDatabase();
    const server = await startServer({ ...database.config, port: 0, logLevel: 'silent' });
    try {
      const big = parseRaw(
        await rawExchange(server.port, `GET /api/instruments HTTP/1.1\r\nHost: localhost\r\nCookie: x=${'a'.repeat(20_000)}\r\n\r\n`),
      );
      assert.equal(big.status, 431);
      assert.match(big.headers, /content-type: application\/problem\+json/i);
      assertPlainProblem(big.body, 431, '431');
      assert.match(big.body.instance as string, /^urn:uuid:[0-9a-f-]{36}$/);
      assert.match(big.body.detail as string, /headers/);

      const longUrl = await fetch(`http://127.0.0.1:${server.port}/api/instruments?q=${'x'.repeat(20_000)}`);
      assert.equal(longUrl.status, 431);
      assertPlainProblem((await longUrl.json()) as Record<string, unknown>, 431, '431 for a long URL');

      const garbage = parseRaw(await rawExchange(server.port, 'NOT HTTP AT ALL\r\n\r\n'));
      assert.equal(garbage.status, 400);
      assertPlainProblem(garbage.body, 400, 'malformed HTTP');

      assert.equal((await fetch(`http://127.0.0.1:${server.port}/api/instruments/C138`)).status, 200);
    } finally {
      await server.close();
      await database.cleanup();
    }
  });
});

for (const database of await allDatabases()) {
  describe(`plain problem details on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    let focal: Client;
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const put = (body: string, type = 'application/json') =>
      request('/api/ratifications/IDN/C138', {
        method: 'PUT',
        headers: { cookie: focal.cookie, 'x-csrf-token': focal.csrf, 'content-type': type },
        body,
      });
    const problemOf = async (res: Response, status: number, what: string) => {
      assert.equal(res.status, status, what);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
      const body = (await res.json()) as Record<string, unknown>;
      assertPlainProblem(body, status, what);
      return body as { detail: string; instance: string; errors?: { field: string; message: string }[] };
    };

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp(services);
      await services.accounts.createUser(
        { email: 'idn@example.org', password: PASSWORD, role: 'focal_point', countries: ['IDN'] },
        new Date(),
      );
      focal = await signIn(request, 'idn@example.org');
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('an over-long source says at most 500 characters; a missing one is required; a wrong type says what it must be', async () => {
      const long = await problemOf(await put(JSON.stringify({ source: 'x'.repeat(501) })), 400, 'long source');
      assert.deepEqual(long.errors, [{ field: 'source', message: 'source must be at most 500 characters' }]);
      assert.doesNotMatch(long.detail, /required/);
      assert.equal(long.instance, '/api/ratifications/IDN/C138');

      const missing = await problemOf(await put('{}'), 400, 'missing source');
      assert.match(missing.errors?.[0]?.message ?? '', /^source is required/);

      const wrong = await problemOf(
        await put(JSON.stringify({ source: 5, legalAct: 'x'.repeat(501), minimumAge: { value: 'fifteen' }, status: 'ratified' })),
        400,
        'wrong types',
      );
      assert.deepEqual(Object.fromEntries((wrong.errors ?? []).map((e) => [e.field, e.message])), {
        source: 'source must be a string',
        legalAct: 'legalAct must be at most 500 characters',
        'minimumAge.value': 'minimumAge.value must be a number',
        status: 'status must be one of in_force, not_in_force, denounced',
      });
      const notObject = await problemOf(await put('[1]'), 400, 'an array body');
      assert.deepEqual(notObject.errors, [{ field: 'body', message: 'the body must be a JSON object' }]);
      const login = await problemOf(
        await request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":5}' }),
        400,
        'login',
      );
      assert.deepEqual(login.errors, [
        { field: 'email', message: 'email must be a string' },
        { field: 'password', message: 'password is required' },
      ]);
    });

    test('malformed JSON, a wrong content type and the screening 415 are plain and name the request', async () => {
      const malformed = await problemOf(await put('{"source":'), 400, 'malformed JSON');
      assert.match(malformed.detail, /not valid JSON/);
      const wrongType = await problemOf(await put('source=x', 'text/plain'), 415, 'text/plain to a JSON route');
      assert.equal(wrongType.instance, '/api/ratifications/IDN/C138');
      const screen = await problemOf(
        await request('/api/compliance/screen', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'a' }),
        415,
        'screening 415',
      );
      assert.equal(screen.instance, '/api/compliance/screen');
      for (const [path, status] of [
        ['/api/instruments?pageSize=0', 400],
        ['/api/nothing-here', 404],
        [`/api/instruments?q=${'x'.repeat(3000)}`, 414],
      ] as const) {
        const res = await problemOf(await request(path), status, path);
        assert.equal(res.instance, new URL(`http://localhost${path}`).pathname);
      }
    });
  });
}
