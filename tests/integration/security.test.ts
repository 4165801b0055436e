import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp, MAX_JSON_BODY } from '../../src/http/app.ts';
import { SESSION_COOKIE } from '../../src/http/auth.ts';
import { createLogger } from '../../src/http/logging.ts';
import { asClient, type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { sqliteDatabase } from '../support/databases.ts';

/**
 * Security properties of the HTTP edge, in-process on SQLite: headers on every response, no stack
 * in a 500, cookie flags, secrets kept out of the logs, body limit, cross-site forms refused.
 */
const database = sqliteDatabase();
let services: Services;
let app: ReturnType<typeof createApp>;
let broken: ReturnType<typeof createApp>;
const logLines: string[] = [];
const unexpected: unknown[] = [];
let focal: Client;

const WRONG_PASSWORD = 'Tr0ub4dor&3-is-not-the-password';
const BOOM = 'disk on fire at /srv/tripartite/src/storage/db.ts:1';

/** Where pino writes in these tests: every JSON line, kept for inspection. */
const captured = { write: (line: string) => void logLines.push(line) };
const logs = () => logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);

before(async () => {
  services = await createServices(database.config, { hasher: testHasher });
  const logger = createLogger({ level: 'info', destination: captured });
  app = createApp({ ...services, logger, onUnexpectedError: (e) => unexpected.push(e) });
  // The same app with one service that fails as a broken disk would.
  const failing = () => Promise.reject(new Error(BOOM));
  broken = createApp({
    ...services,
    logger,
    registry: new Proxy(services.registry, {
      get: (target, prop) => (prop === 'getCountryProfile' || prop === 'listInstruments' ? failing : Reflect.get(target, prop)),
    }),
  });
  await services.accounts.createUser({ email: 'idn@example.org', password: PASSWORD, role: 'focal_point', countries: ['IDN'] }, new Date());
  focal = await signIn(request, 'idn@example.org');
});
after(async () => {
  await services.close();
  await database.cleanup();
});

function assertSecurityHeaders(res: Response, what: string): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /(^|;)\s*default-src 'self'/, `${what}: CSP default-src`);
  const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1] ?? '';
  assert.ok(!script.includes("'unsafe-inline'") && !script.includes("'unsafe-eval'"), `${what}: scripts must not be inline (${csp})`);
  assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP frame-ancestors`);
  assert.equal(res.headers.get('x-frame-options'), 'DENY', `${what}: X-Frame-Options`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${what}: X-Content-Type-Options`);
  assert.ok(res.headers.get('referrer-policy'), `${what}: Referrer-Policy`);
  assert.match(res.headers.get('x-request-id') ?? '', /^[A-Za-z0-9._-]{1,64}$/, `${what}: x-request-id`);
}

describe('security headers', () => {
  test('every kind of response carries CSP, nosniff, frame and referrer policies and a request id', async () => {
    const etag = (await request('/static/site.css')).headers.get('etag') ?? '';
    const cases: [string, () => Response | Promise<Response>][] = [
      ['API 200', () => request('/api/instruments')],
      ['API CSV', () => request('/api/ratifications?format=csv&country=IDN')],
      ['OpenAPI document', () => request('/api/openapi.json')],
      ['API 400', () => request('/api/instruments?pageSize=0')],
      ['API 401', () => request('/api/tokens')],
      ['API 404', () => request('/api/nothing-here')],
      ['API 413', () => request('/api/compliance/check', { method: 'POST', body: 'x'.repeat(MAX_JSON_BODY + 1) })],
      ['API 414', () => request(`/api/instruments?q=${'x'.repeat(3000)}`)],
      ['API 415', () => request('/api/compliance/screen', { method: 'POST', body: 'a', headers: { 'content-type': 'text/plain' } })],
      ['API 500', () => broken.request('http://localhost/api/countries/IDN')],
      [
        'streamed CSV screening',
        () =>
          request('/api/compliance/screen?format=csv&on=2026-06-01', {
            method: 'POST',
            headers: { 'content-type': 'text/csv' },
            body: 'worker_id,country,birth_date,work\nw1,IDN,2012-03-01,light\n',
          }),
      ],
      ['portal 200', () => request('/en/instruments/C138')],
      ['portal 302', () => request('/')],
      ['portal 301', () => request('/en/instruments/c138')],
      ['portal 404', () => request('/en/instruments/C9999')],
      ['portal 500', () => broken.request('http://localhost/id/countries/IDN')],
      ['stylesheet', () => request('/static/site.css')],
      ['stylesheet 304', () => request('/static/site.css', { headers: { 'if-none-match': etag } })],
      ['signed-in write', () => request('/api/countries/IDN/profile', asClient(focal, { method: 'PUT', body: '{"source":"x"}' }))],
    ];
    for (const [what, send] of cases) {
      const res = await send();
      await res.arrayBuffer();
      assertSecurityHeaders(res, `${what} (${res.status})`);
    }
  });

  test('a safe incoming x-request-id is echoed; anything else is replaced by a fresh one', async () => {
    const echoed = await request('/api/health', { headers: { 'x-request-id': 'lb-2026.11.27_abc-123' } });
    assert.equal(echoed.headers.get('x-request-id'), 'lb-2026.11.27_abc-123');
    for (const unsafe of ['has space', 'quote"', 'x'.repeat(65), '<script>', 'a/b']) {
      const res = await request('/api/health', { headers: { 'x-request-id': unsafe } });
      const id = res.headers.get('x-request-id') ?? '';
      assert.notEqual(id, unsafe);
      assert.match(id, /^[0-9a-f-]{36}$/);
    }
    const a = (await request('/api/health')).headers.get('x-request-id');
    const b = (await request('/api/health')).headers.get('x-request-id');
    assert.notEqual(a, b);
  });
});

describe('unexpected errors', () => {
  test('a 500 from the API is a generic problem with the request id, and the stack is only in the log', async () => {
    logLines.length = 0;
    const res = await broken.request('http://localhost/api/countries/IDN', { headers: { 'x-request-id': 'support-ticket-42' } });
    assert.equal(res.status, 500);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const text = await res.text();
    assert.ok(!text.includes('disk on fire') && !text.includes('/srv/') && !/\bat \S+ \(/.test(text), `leaks: ${text}`);
    const body = JSON.parse(text) as { status: number; detail: string; requestId?: string };
    assert.equal(body.status, 500);
    assert.equal(body.requestId, 'support-ticket-42');
    assert.equal(res.headers.get('x-request-id'), 'support-ticket-42');

    const errorLine = logs().find((l) => l.msg === 'unexpected error');
    assert.ok(errorLine, 'the error is logged');
    assert.equal(errorLine.level, 'error');
    assert.equal(errorLine.requestId, 'support-ticket-42');
    assert.match(String((errorLine.err as { stack?: string }).stack), /disk on fire[\s\S]*\n\s+at /, 'with its stack');
    const requestLine = logs().find((l) => l.msg === 'request');
    assert.equal(requestLine?.status, 500);
    assert.equal(requestLine?.level, 'error');
  });

  test('a 500 in the portal is an error page without the message or stack, with the request id in the header', async () => {
    for (const path of ['/id/countries/IDN', '/en/instruments']) {
      logLines.length = 0;
      const res = await broken.request(`http://localhost${path}`);
      assert.equal(res.status, 500, path);
      const html = await res.text();
      assert.ok(!html.includes('disk on fire') && !html.includes('/srv/') && !html.includes('.ts:'), `${path} leaks the error`);
      const id = res.headers.get('x-request-id');
      assert.ok(id);
      assert.equal(logs().find((l) => l.msg === 'unexpected error')?.requestId, id);
    }
  });
});

describe('session cookie', () => {
  const login = (headers: Record<string, string> = {}) =>
    request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email: 'idn@example.org', password: PASSWORD }),
    });

  test('is HttpOnly and SameSite=Lax, not Secure over plain HTTP', async () => {
    const res = await login();
    assert.equal(res.status, 200);
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, new RegExp(`^${SESSION_COOKIE}=`));
    assert.match(cookie, /;\s*HttpOnly/i);
    assert.match(cookie, /;\s*SameSite=Lax/i);
    assert.match(cookie, /;\s*Path=\//i);
    assert.doesNotMatch(cookie, /;\s*Secure/i);
  });

  test('is also Secure behind a proxy that terminated HTTPS', async () => {
    const res = await login({ 'x-forwarded-proto': 'https' });
    assert.equal(res.status, 200);
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /;\s*HttpOnly/i);
    assert.match(cookie, /;\s*SameSite=Lax/i);
    assert.match(cookie, /;\s*Secure/i);
  });
});

describe('CSRF token in a form body', () => {
  test('a signed-in write whose body claims to be a form but is not one is refused like a missing token (403), not a 500', async () => {
    const before = unexpected.length;
    for (const type of ['multipart/form-data', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']) {
      const res = await request('/api/governing-body/sessions', {
        method: 'POST',
        headers: { cookie: focal.cookie, 'content-type': type },
        body: '{"number": 7401, "source": "x"}',
      });
      assert.equal(res.status, 403, `${type}: ${await res.clone().text()}`);
      assert.match(((await res.json()) as { detail: string }).detail, /CSRF/);
    }
    assert.equal(unexpected.length, before);
  });
});

describe('logs', () => {
  test('sign-in, a token-authenticated write and a failed login leave no secret in the log', async () => {
    logLines.length = 0;
    // Sign in (password in the body; session cookie and CSRF token in the answer).
    const session = await signIn(request, 'idn@example.org');
    const sessionValue = session.cookie.split('=')[1] ?? '';
    assert.ok(sessionValue.length > 20 && session.csrf.length > 20);
    // Create an API token with the session (cookie + CSRF header), then write with the token.
    const created = await request('/api/tokens', asClient(session, { method: 'POST', body: JSON.stringify({ name: 'ci' }) }));
    assert.equal(created.status, 201);
    const { token } = (await created.json()) as { token: string };
    assert.match(token, /^trp_/);
    const write = await request('/api/countries/IDN/profile', {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ compulsoryEducationAge: 16, source: 'UU 20/2003', reason: 'log test' }),
    });
    assert.equal(write.status, 200, await write.clone().text());
    const me = await request('/api/auth/me', { headers: { cookie: session.cookie } });
    assert.equal(me.status, 200);
    // A failed login, and a search whose query value must not be logged.
    const failed = await request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'idn@example.org', password: WRONG_PASSWORD }),
    });
    assert.equal(failed.status, 401);
    await request('/api/instruments?q=private-search-term&page=1');

    const text = logLines.join('');
    for (const [what, secret] of [
      ['password', PASSWORD],
      ['wrong password', WRONG_PASSWORD],
      ['session cookie', sessionValue],
      ['API token', token],
      ['API token secret', token.slice(4)],
      ['CSRF token', session.csrf],
      ['query value', 'private-search-term'],
    ] as const) {
      assert.ok(!text.includes(secret), `the log contains the ${what}`);
    }
    assert.doesNotMatch(text, /tripartite_session|authorization|x-csrf-token|"body"/i);

    // One line per request, with what support needs.
    const lines = logs().filter((l) => l.msg === 'request');
    assert.equal(lines.length, 6);
    for (const line of lines) {
      assert.equal(typeof line.requestId, 'string');
      assert.equal(typeof line.ms, 'number');
      assert.equal(line.level, 'info');
      assert.equal(typeof line.time, 'string');
    }
    const byPath = (method: string, path: string) => lines.find((l) => l.method === method && l.path === path);
    assert.equal(byPath('PUT', '/api/countries/IDN/profile')?.status, 200);
    assert.equal(typeof byPath('PUT', '/api/countries/IDN/profile')?.userId, 'number', 'the token user is logged by id');
    assert.equal(typeof byPath('GET', '/api/auth/me')?.userId, 'number', 'the session user is logged by id');
    assert.deepEqual(byPath('GET', '/api/instruments')?.query, ['page', 'q'], 'query keys, not values');
    assert.equal(lines.filter((l) => l.path === '/api/auth/login' && l.status === 401).length, 1);
    assert.equal(lines.find((l) => l.path === '/api/auth/login' && l.status === 401)?.userId, undefined);
  });

  test('redaction blanks secrets even if a caller logs them by mistake', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (l: string) => void lines.push(l) } });
    logger.info(
      {
        password: 'p1',
        headers: { cookie: 'c1', authorization: 'a1', 'x-csrf-token': 'x1' },
        body: { password: 'p2' },
        user: { token: 't1', csrfToken: 'x2' },
      },
      'oops',
    );
    const text = lines.join('');
    for (const secret of ['p1', 'c1', 'a1', 'x1', 'p2', 't1', 'x2']) assert.ok(!text.includes(`"${secret}"`), secret);
    assert.match(text, /\[redacted\]/);
  });

  test('level silent writes nothing', async () => {
    const lines: string[] = [];
    const quiet = createApp({
      ...services,
      logger: createLogger({ level: 'silent', destination: { write: (l: string) => void lines.push(l) } }),
    });
    await quiet.request('http://localhost/api/health');
    assert.deepEqual(lines, []);
  });
});

describe('request bodies', () => {
  test('a JSON body over the limit gets 413, with or without a Content-Length', async () => {
    const big = JSON.stringify({ country: 'IDN', work: 'light', age: 14, pad: 'x'.repeat(MAX_JSON_BODY) });
    const withLength = await request('/api/compliance/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)) },
      body: big,
    });
    assert.equal(withLength.status, 413);
    assert.match(withLength.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const bytes = new TextEncoder().encode(big);
    const streamed = await request('/api/countries/IDN/profile', {
      method: 'PUT',
      // Signed in: an anonymous write is refused (401) before its body is read.
      headers: { 'content-type': 'application/json', cookie: focal.cookie, 'x-csrf-token': focal.csrf },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 16 * 1024) controller.enqueue(bytes.slice(i, i + 16 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    assert.equal(streamed.status, 413);
    const small = await request('/api/compliance/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ country: 'IDN', work: 'light', age: 14 }),
    });
    assert.equal(small.status, 200);
  });

  test('NUL characters are refused with a 400, the same on SQLite and PostgreSQL', async () => {
    const inUrl = await request('/api/instruments?q=%00');
    assert.equal(inUrl.status, 400);
    assert.match(inUrl.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const inBody = await request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":"idn@example.org\\u0000","password":"x"}',
    });
    assert.equal(inBody.status, 400);
    // An escaped backslash followed by the text u0000 is no NUL.
    const notNul = await request('/api/compliance/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"country":"IDN","work":"light","age":14,"lang":"en","on":"\\\\u0000"}',
    });
    assert.notEqual(notNul.status, 500);
    assert.doesNotMatch(await notNul.text(), /NUL/);
    assert.equal((await request('/en/search?q=%00')).status, 400);
  });

  test('a cross-site form POST is refused even with a valid session and CSRF token, and changes nothing', async () => {
    const before = await (await request('/api/countries/IDN')).text();
    const historyBefore = ((await (await request('/api/history?pageSize=1')).json()) as { total: number }).total;
    const res = await request('/api/ratifications/IDN/C138', {
      method: 'PUT',
      headers: {
        cookie: focal.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
        origin: 'https://evil.example',
      },
      body: new URLSearchParams({ _csrf: focal.csrf, source: 'forged', status: 'denounced' }).toString(),
    });
    assert.equal(res.status, 403);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const denounce = await request('/api/ratifications/IDN/C138/denounce', {
      method: 'POST',
      headers: { cookie: focal.cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      body: new URLSearchParams({ _csrf: focal.csrf, date: '2026-01-01', source: 'forged' }).toString(),
    });
    assert.equal(denounce.status, 403);
    assert.equal(await (await request('/api/countries/IDN')).text(), before);
    assert.equal(((await (await request('/api/history?pageSize=1')).json()) as { total: number }).total, historyBefore);
    assert.deepEqual(unexpected, []);
  });
});
