import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/env.ts';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { AppMetrics, UNMATCHED_ROUTE } from '../../src/http/metrics.ts';
import { startServer } from '../../src/main.ts';
import { LOGIN_LIMIT } from '../../src/services/account-service.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';
import { type MetricFamily, parsePrometheusText, sampleValue } from '../support/prometheus-text.ts';

const TOKEN = 'metrics-token-for-the-tests-0123456789';
const WORKERS = [
  'worker_id,country,birth_date,work',
  'W1,IDN,2012-03-14,light',
  'W2,IDN,2005-01-20,regular',
  'W3,MYS,2010-05-30,hazardous',
];

describe('the Prometheus text reader used below', () => {
  test('reads a well-formed exposition and refuses what a Prometheus server would', () => {
    const good = '# HELP a_total A.\n# TYPE a_total counter\na_total{x="1\\"q\\\\"} 3\n';
    assert.equal(sampleValue(parsePrometheusText(good), 'a_total', { x: '1"q\\' }), 3);
    for (const [bad, why] of [
      ['a_total 1\n', 'no TYPE'],
      ['# TYPE a_total counter\na_total 1', 'no final line feed'],
      ['# TYPE a_total counter\na_total{x="1} 1\n', 'unterminated label'],
      ['# TYPE a_total counter\na_total 1\na_total 2\n', 'repeated series'],
      ['# TYPE a_total counter\na_total one\n', 'bad value'],
      ['# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n', 'not cumulative'],
      ['# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_sum 1\nh_count 1\n', '+Inf is not the count'],
    ]) {
      assert.throws(() => parsePrometheusText(bad as string), Error, why);
    }
  });
});

describe('metrics setting', () => {
  test('is off unless TRIPARTITE_METRICS_TOKEN is set, and a short token is refused', () => {
    assert.equal(loadConfig({}).metricsToken, null);
    assert.equal(loadConfig({ TRIPARTITE_METRICS_TOKEN: ` ${TOKEN} ` }).metricsToken, TOKEN);
    assert.throws(
      () => loadConfig({ TRIPARTITE_METRICS_TOKEN: 'short' }),
      (e: Error) => e instanceof ConfigError && /TRIPARTITE_METRICS_TOKEN/.test(e.message),
    );
  });
});

for (const database of await allDatabases()) {
  describe(`GET /metrics on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let metrics: AppMetrics;
    let app: ReturnType<typeof createApp>;

    before(async () => {
      metrics = new AppMetrics(TOKEN);
      services = await createServices(database.config, { hasher: testHasher, events: metrics.events });
      metrics.watchPool(services.handle);
      app = createApp({ ...services, metrics });
      await services.accounts.createUser({ email: 'admin@example.org', password: PASSWORD, role: 'admin' }, new Date());
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const scrape = async (): Promise<Map<string, MetricFamily>> => {
      const res = await request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      return parsePrometheusText(await res.text());
    };
    const requests = (families: Map<string, MetricFamily>, labels: Record<string, string>) =>
      sampleValue(families, 'tripartite_http_requests_total', labels);

    test('requests are counted by route template and status, never by raw path', async () => {
      const before = await scrape();
      for (const iso3 of ['IDN', 'IDN', 'idn']) assert.equal((await request(`/api/countries/${iso3}`)).status, 200);
      assert.equal((await request('/api/countries/XXX')).status, 404);
      assert.equal((await request('/api/no-such-route')).status, 404);
      const after = await scrape();
      const country = { method: 'GET', route: '/api/countries/:iso3' };
      assert.equal(requests(after, { ...country, status: '200' }) - requests(before, { ...country, status: '200' }), 3);
      assert.equal(requests(after, { ...country, status: '404' }) - requests(before, { ...country, status: '404' }), 1);
      const unmatched = { method: 'GET', route: UNMATCHED_ROUTE, status: '404' };
      assert.equal(requests(after, unmatched) - requests(before, unmatched), 1);
      const latency = (f: Map<string, MetricFamily>) => sampleValue(f, 'tripartite_http_request_duration_seconds_count', country);
      assert.equal(latency(after) - latency(before), 4);
      const routes = after.get('tripartite_http_requests_total')?.samples.map((s) => s.labels.route) ?? [];
      assert.ok(!routes.some((r) => /IDN|XXX|no-such-route/i.test(r ?? '')), `raw paths in the labels: ${routes.join(', ')}`);
    });

    test('cache hits and misses are counted by cache and kind', async () => {
      const kind = { cache: 'registry', kind: 'country' };
      const hits = (f: Map<string, MetricFamily>) => sampleValue(f, 'tripartite_cache_hits_total', kind);
      const misses = (f: Map<string, MetricFamily>) => sampleValue(f, 'tripartite_cache_misses_total', kind);
      const start = await scrape();
      await request('/api/countries/BRA');
      const first = await scrape();
      assert.ok(misses(first) > misses(start), 'the first read of Brazil is a miss');
      await request('/api/countries/BRA');
      const second = await scrape();
      assert.equal(misses(second), misses(first), 'the second read loads nothing');
      assert.ok(hits(second) > hits(first), 'the second read is a hit');
    });

    test('screened rows and screening time are counted: API summary, API streamed CSV and portal upload', async () => {
      const before = await scrape();
      for (const format of ['json', 'csv']) {
        const res = await request(`/api/compliance/screen?on=2026-01-01&format=${format}`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv' },
          body: `${WORKERS.join('\n')}\n`,
        });
        assert.equal(res.status, 200);
        await res.text();
      }
      const form = new FormData();
      form.set('_csrf', '');
      form.set('on', '2026-01-01');
      form.set('file', new File([`${WORKERS.join('\n')}\n`], 'workers.csv', { type: 'text/csv' }));
      const portal = await request('/en/compliance/screen', { method: 'POST', body: form });
      assert.equal(portal.status, 200);
      await portal.text();
      const after = await scrape();
      assert.equal(sampleValue(after, 'tripartite_screening_rows_total') - sampleValue(before, 'tripartite_screening_rows_total'), 9);
      const count = (f: Map<string, MetricFamily>) => sampleValue(f, 'tripartite_screening_duration_seconds_count');
      assert.equal(count(after) - count(before), 3);
      assert.ok(
        sampleValue(after, 'tripartite_screening_duration_seconds_sum') > sampleValue(before, 'tripartite_screening_duration_seconds_sum'),
      );
    });

    test('imported rows are counted once the import has committed', async () => {
      const admin = await services.accounts.login('admin@example.org', PASSWORD, '127.0.0.1', new Date());
      const before = await scrape();
      const rows = [
        { line: 2, input: { country: 'IDN', instrument: 'C155', source: 'NORMLEX' } },
        { line: 3, input: { country: 'MYS', instrument: 'C155', source: 'NORMLEX' } },
      ];
      await services.edits.importRatifications(admin.user, rows, new Date());
      await assert.rejects(
        services.edits.importRatifications(
          admin.user,
          [{ line: 2, input: { country: 'IDN', instrument: 'C999', source: 'x' } }],
          new Date(),
        ),
      );
      const after = await scrape();
      assert.equal(
        sampleValue(after, 'tripartite_import_rows_total') - sampleValue(before, 'tripartite_import_rows_total'),
        2,
        'a refused import counts nothing',
      );
    });

    test('refused sign-ins raise the login-failure counter: invalid, then locked', async () => {
      const failures = (f: Map<string, MetricFamily>, reason: string) => sampleValue(f, 'tripartite_login_failures_total', { reason });
      const signIn = (email: string, password: string) =>
        request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
      const before = await scrape();
      assert.equal((await signIn('admin@example.org', 'not the password at all')).status, 401);
      const wrong = await scrape();
      assert.equal(failures(wrong, 'invalid') - failures(before, 'invalid'), 1);
      for (let i = 0; i < LOGIN_LIMIT.perAccount; i++) assert.equal((await signIn('nobody@example.org', 'guess')).status, 401);
      assert.equal((await signIn('nobody@example.org', 'guess')).status, 429);
      const after = await scrape();
      assert.equal(failures(after, 'invalid') - failures(wrong, 'invalid'), LOGIN_LIMIT.perAccount);
      assert.equal(failures(after, 'locked') - failures(wrong, 'locked'), 1);
    });

    test(`the database pool is ${database.name === 'postgres' ? 'reported' : 'absent (SQLite has none)'}, with the process metrics`, async () => {
      await request('/api/countries/IDN');
      const families = await scrape();
      const names = ['tripartite_db_pool_connections_in_use', 'tripartite_db_pool_connections_idle', 'tripartite_db_pool_waiting_queries'];
      if (database.name === 'postgres') {
        for (const name of names) assert.equal(families.get(name)?.type, 'gauge', name);
        const open = sampleValue(families, names[0] as string) + sampleValue(families, names[1] as string);
        assert.ok(open >= 1 && open <= 10, `open connections: ${open}`);
      } else {
        for (const name of names) assert.equal(families.has(name), false, name);
      }
      assert.equal(families.get('process_cpu_user_seconds_total')?.type, 'counter');
      assert.ok(sampleValue(families, 'nodejs_heap_size_used_bytes') > 0);
    });

    test('the token is required', async () => {
      for (const authorization of [undefined, 'Bearer wrong-token-0123456789abcdef', `Basic ${TOKEN}`, TOKEN]) {
        const res = await request('/metrics', authorization ? { headers: { authorization } } : {});
        assert.equal(res.status, 401, String(authorization));
        assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
        assert.doesNotMatch(await res.text(), /tripartite_http_requests_total/);
      }
    });

    test('an app without the setting has no /metrics, and each app counts only its own requests', async () => {
      const plain = createApp({ ...services });
      assert.equal((await plain.request('http://localhost/metrics')).status, 404);
      const other = new AppMetrics(TOKEN);
      const second = createApp({ ...services, metrics: other });
      await second.request('http://localhost/api/health');
      const res = await second.request('http://localhost/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
      const families = parsePrometheusText(await res.text());
      assert.equal(requests(families, { route: '/api/health', status: '200' }), 1);
      assert.equal(requests(families, { route: '/api/countries/:iso3' }), 0);
    });

    test('the server started with TRIPARTITE_METRICS_TOKEN serves /metrics over HTTP', async () => {
      const server = await startServer({ ...database.config, port: 0, metricsToken: TOKEN });
      try {
        const base = `http://127.0.0.1:${server.port}`;
        assert.equal((await fetch(`${base}/api/countries/IDN`)).status, 200);
        assert.equal((await fetch(`${base}/metrics`)).status, 401);
        const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
        assert.equal(res.status, 200);
        const families = parsePrometheusText(await res.text());
        assert.equal(requests(families, { route: '/api/countries/:iso3', status: '200' }), 1);
        assert.ok(sampleValue(families, 'tripartite_cache_misses_total', { cache: 'registry', kind: 'country' }) >= 1);
      } finally {
        await server.close();
      }
      const off = await startServer({ ...database.config, port: 0 });
      try {
        assert.equal((await fetch(`http://127.0.0.1:${off.port}/metrics`)).status, 404);
      } finally {
        await off.close();
      }
    });
  });
}
