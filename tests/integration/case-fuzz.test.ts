import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { asClient, type Client, signIn, testHasher } from '../support/accounts.ts';
import { insertMember, insertUnit } from '../support/case-units.ts';
import { allDatabases } from '../support/databases.ts';

/*
 * The case routes fuzzed as a member of the unit (the OpenAPI fuzz, tests/integration/
 * fuzz-openapi.test.ts, reaches them only as a non-member: 401 or 404). A case manager sends
 * near-valid and junk bodies to every case route: never a 5xx, every 4xx is problem+json, and no
 * response to a refused request repeats the identifying value it carried.
 */
const RUNS = Number(process.env.FUZZ_CASE_RUNS ?? 300);
const NOW = new Date('2026-12-04T09:00:00.000Z');
const SECRET = 'Siti Rahmawati';

const VALID_OPEN = {
  origin: 'visit',
  identifiedOn: '2026-09-01',
  sex: 'female',
  ageYears: 12,
  work: 'hazardous',
  hoursPerDay: 5,
  district: 'Poso',
  hazards: ['heavy loads'],
};
const junk = fc.oneof(
  fc.constantFrom(
    null,
    '',
    ' ',
    '2026-02-30',
    '2026-12-04',
    '2026-09-01',
    '1900-01-01',
    '3000-01-01',
    'follow_up',
    'attempt',
    'no_longer_in_child_labour',
    'turned_18',
    'lost_to_follow_up',
    'duplicate',
    'school_kit',
    'referral',
    'parent',
    'guardian',
    'female',
    'male',
    'light',
    'hazardous',
    'IDN',
    'XXX',
    SECRET,
    '\u0000',
    '\uD800',
    'a'.repeat(5000),
    -1,
    0,
    1,
    12,
    17,
    25,
    1e308,
    Number.MAX_SAFE_INTEGER,
    true,
    false,
    [],
    ['case_management'],
    [SECRET],
    {},
  ),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
);
const FIELDS = [
  'origin',
  'identifiedOn',
  'sex',
  'ageYears',
  'agePrecision',
  'country',
  'work',
  'hoursPerDay',
  'nightWork',
  'hazards',
  'name',
  'birthDate',
  'notes',
  'consent',
  'visitedOn',
  'kind',
  'childFound',
  'inChildLabour',
  'atSchool',
  'responsible',
  'dueOn',
  'programmeId',
  'providedOn',
  'userId',
  'reason',
  'on',
  'note',
];
const consent = fc.record({ by: junk, relation: junk, on: junk, purposes: junk }, { requiredKeys: [] });
/** A valid body per route, which the fuzzer spoils in up to three fields (or replaces by junk). */
const BASES: Record<string, Record<string, unknown>> = {
  open: VALID_OPEN,
  visits: { visitedOn: '2026-12-01', kind: 'follow_up', inChildLabour: false, atSchool: true },
  actions: { kind: 'school_kit', responsible: 'Cooperative A', dueOn: '2026-12-20' },
  provided: { providedOn: '2026-12-02' },
  assign: { userId: null },
  close: { reason: 'no_longer_in_child_labour', on: '2026-12-04' },
};
const bodyFor = (route: string) =>
  fc.oneof(
    {
      arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(junk, consent), { maxKeys: 3 }).map((o) => ({ ...BASES[route], ...o })),
      weight: 6,
    },
    { arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), junk, { maxKeys: 6 }), weight: 1 },
    { arbitrary: junk, weight: 1 },
  );

for (const database of await allDatabases()) {
  describe(`case routes fuzzed as a member on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    let client: Client;
    let unitId: number;
    const ids: string[] = [];
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW, today: () => '2026-12-04' });
      const cm = await services.accounts.createUser(
        { email: 'cm@example.org', password: 'correct horse battery staple', role: 'reader' },
        NOW,
      );
      unitId = await insertUnit(services.handle.db, 'Cooperative A');
      await insertMember(services.handle.db, unitId, cm.id, 'case_manager');
      client = await signIn(request, 'cm@example.org');
      for (let i = 0; i < 3; i++) ids.push((await services.cases.openCase(cm, unitId, VALID_OPEN as never, NOW)).id);
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('no 5xx, problem+json refusals, and no identifying value echoed', async () => {
      const counts = new Map<number, number>();
      const routeArb = fc.tuple(
        fc.constantFrom('open', 'visits', 'actions', 'provided', 'assign', 'close', 'list', 'get', 'events', 'worklist'),
        fc.constantFrom(...ids, 'not-a-uuid', '00000000-0000-4000-8000-000000000000'),
        fc.constantFrom('1', '2', '0', 'x', '99999999999'),
        fc.constantFrom('', '?status=closed', '?overdue=true', '?priority=worst_form', '?today=2026-02-30', '?overdue=x&status=y'),
      );
      await fc.assert(
        fc.asyncProperty(
          routeArb.chain((r) => fc.tuple(fc.constant(r), bodyFor(r[0]))),
          async ([[route, id, actionId, query], body]) => {
            const paths: Record<string, [string, string]> = {
              open: ['POST', `/api/units/${unitId}/cases`],
              visits: ['POST', `/api/cases/${id}/visits`],
              actions: ['POST', `/api/cases/${id}/actions`],
              provided: ['POST', `/api/cases/${id}/actions/${actionId}/provided`],
              assign: ['POST', `/api/cases/${id}/assign`],
              close: ['POST', `/api/cases/${id}/close`],
              list: ['GET', `/api/cases?unit=${unitId}${query.replace('?', '&')}`],
              get: ['GET', `/api/cases/${id}`],
              events: ['GET', `/api/cases/${id}/events`],
              worklist: ['GET', `/api/units/${unitId}/worklist${query}`],
            };
            const [method, path] = paths[route]!;
            const res = await request(path, asClient(client, method === 'POST' ? { method, body: JSON.stringify(body) } : { method }));
            counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
            assert.ok(res.status < 500, `${method} ${path} ${JSON.stringify(body)} → ${res.status}: ${await res.clone().text()}`);
            if (res.status >= 400) {
              assert.match(res.headers.get('content-type') ?? '', /problem\+json/, `${method} ${path}`);
              assert.ok(!(await res.text()).includes(SECRET), `${method} ${path} echoes an identifying value`);
            }
          },
        ),
        { numRuns: RUNS, seed: 1107 },
      );
      console.log(`  ${database.name}: ${[...counts].map(([s, n]) => `${s}:${n}`).join(' ')}`);
      assert.ok((counts.get(400) ?? 0) > 0 && (counts.get(201) ?? 0) > 0, 'both refusals and successful writes were reached');
    });
  });
}
