import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { sqliteDatabase } from '../support/databases.ts';

/**
 * Bounded fuzzing of every read route: random and malformed paths and query strings must give a
 * 2xx/3xx/4xx answer, never a 5xx, and never an unexpected error in the log.
 */
const database = sqliteDatabase();
let services: Services;
let app: ReturnType<typeof createApp>;
const unexpected: unknown[] = [];

before(async () => {
  services = await createServices(database.config);
  app = createApp({ ...services, onUnexpectedError: (e) => unexpected.push(e) });
});
after(async () => {
  await services.close();
  await database.cleanup();
});

const prefixes = [
  '/api/instruments',
  '/api/instruments/',
  '/api/countries',
  '/api/countries/',
  '/api/ratifications',
  '/api/openapi.json',
  '/en/',
  '/id/',
  '/en/instruments',
  '/id/instruments/',
  '/en/countries/',
  '/id/countries',
  '/en/search',
  '/',
];
const keys = [
  'type',
  'status',
  'category',
  'subject',
  'q',
  'page',
  'pageSize',
  'region',
  'country',
  'instrument',
  'format',
  'fromYear',
  'toYear',
  'lang',
];
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '-1',
    '0',
    '1e9',
    'NaN',
    '%',
    '%%',
    '%00',
    '%E0%A4%A',
    '../..',
    '<script>',
    "' or 1=1 --",
    'C138',
    'idn',
    '',
    '9'.repeat(30),
  ),
  fc.integer().map(String),
);
const segment = fc.oneof(nasty, fc.constantFrom('C138', 'IDN', 'c1', 'R999', 'XYZ'));
const queryString = fc
  .array(fc.tuple(fc.constantFrom(...keys), nasty), { maxLength: 5 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%25/g, Math.random() < 0.3 ? '%' : '%25')}`).join('&'));

test('random requests to every route never produce a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...prefixes), segment, queryString, async (prefix, seg, qs) => {
      const path = prefix.endsWith('/') ? `${prefix}${encodeURIComponent(seg)}` : prefix;
      const res = await app.request(`http://localhost${path}?${qs}`);
      await res.arrayBuffer();
      assert.ok(res.status < 500, `${path}?${qs} → ${res.status}`);
    }),
    { numRuns: 1500, seed: 138182 },
  );
  assert.deepEqual(unexpected, []);
});

test('methods other than GET are refused without a 5xx', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    for (const path of ['/api/instruments', '/api/instruments/C138', '/en/instruments']) {
      const res = await app.request(`http://localhost${path}`, { method, body: method === 'DELETE' ? undefined : '{bad json' });
      assert.ok(res.status >= 400 && res.status < 500, `${method} ${path} → ${res.status}`);
    }
  }
});
