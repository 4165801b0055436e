import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { createLogger } from '../../src/http/logging.ts';
import { asClient, type Client, signIn, testHasher } from '../support/accounts.ts';
import { insertMember, insertUnit } from '../support/case-units.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-04T09:00:00.000Z');
const NAME = 'Siti Rahmawati';
const BIRTH = '2012-03-14';
const IDENTIFYING = [
  NAME,
  BIRTH,
  'Desa Tampemadoro',
  '+62 812 0000 1111',
  'Ibu Rahmawati',
  'lives behind the mosque',
  'carried pods again',
];
const IDENTIFYING_KEYS = ['name', 'birthDate', 'village', 'location', 'contact', 'notes'];

const OPEN = {
  origin: 'visit',
  identifiedOn: '2026-09-01',
  sex: 'female',
  ageYears: 12,
  agePrecision: 'estimated',
  district: 'Poso',
  schoolAttending: false,
  work: 'hazardous',
  workTask: 'carrying cocoa pods',
  commodity: 'cocoa',
  hoursPerDay: 5,
  hazards: ['heavy loads'],
};
const WITH_IDENTITY = {
  ...OPEN,
  ageYears: null,
  name: NAME,
  birthDate: BIRTH,
  village: 'Desa Tampemadoro',
  contact: '+62 812 0000 1111',
  notes: 'lives behind the mosque',
  consent: { by: 'Ibu Rahmawati', relation: 'parent', on: '2026-09-01', purposes: ['case_management'] },
};

for (const database of await allDatabases()) {
  describe(`case API on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const logLines: string[] = [];
    const clients: Record<string, Client> = {};
    let unitA: number;
    let unitB: number;
    let caseA: string;
    let caseB: string;
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const as = (who: string | null, method: string, path: string, body?: unknown) =>
      request(
        path,
        asClient(who ? (clients[who] ?? null) : null, body === undefined ? { method } : { method, body: JSON.stringify(body) }),
      );

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logLines.push(line) } });
      app = createApp({ ...services, now: () => NOW, today: () => '2026-12-04', logger });
      const ids: Record<string, number> = {};
      for (const name of ['mona', 'monb', 'cma', 'viewera']) {
        const user = await services.accounts.createUser(
          { email: `${name}@example.org`, password: 'correct horse battery staple', role: 'reader' },
          NOW,
        );
        ids[name] = user.id;
        clients[name] = await signIn(request, `${name}@example.org`);
      }
      const db = services.handle.db;
      unitA = await insertUnit(db, 'Cooperative A');
      unitB = await insertUnit(db, 'Cooperative B');
      await insertMember(db, unitA, ids.mona!, 'monitor');
      await insertMember(db, unitA, ids.cma!, 'case_manager');
      await insertMember(db, unitA, ids.viewera!, 'viewer');
      await insertMember(db, unitB, ids.monb!, 'monitor');
      const a = await as('mona', 'POST', `/api/units/${unitA}/cases`, WITH_IDENTITY);
      assert.equal(a.status, 201, await a.clone().text());
      caseA = ((await a.json()) as { id: string }).id;
      const b = await as('monb', 'POST', `/api/units/${unitB}/cases`, OPEN);
      assert.equal(b.status, 201, await b.clone().text());
      caseB = ((await b.json()) as { id: string }).id;
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    const caseRoutes = (id: string): [string, string][] => [
      ['GET', `/api/cases/${id}`],
      ['GET', `/api/cases/${id}/events`],
      ['POST', `/api/cases/${id}/visits`],
      ['POST', `/api/cases/${id}/actions`],
      ['POST', `/api/cases/${id}/actions/1/provided`],
      ['POST', `/api/cases/${id}/assign`],
      ['POST', `/api/cases/${id}/close`],
    ];
    const unitRoutes = (unit: number): [string, string][] => [
      ['GET', `/api/cases?unit=${unit}`],
      ['POST', `/api/units/${unit}/cases`],
      ['GET', `/api/units/${unit}/worklist`],
    ];
    const INVALID = { kind: 42, reason: 'x', visitedOn: 7, userId: 'me', origin: 'nowhere' };

    test('anonymous requests are 401 before any validation, reads included', async () => {
      for (const [method, path] of [
        ...caseRoutes(caseA),
        ...unitRoutes(unitA),
        ['GET', '/api/cases'],
        ['GET', '/api/cases/not-a-uuid'],
      ] as [string, string][]) {
        const res = await as(null, method, path, method === 'POST' ? INVALID : undefined);
        assert.equal(res.status, 401, `${method} ${path}`);
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
      }
    });

    test("another unit's case and unit are 404 on every route, even with an invalid body; a viewer gets 404 on cases and 403 on lists", async () => {
      for (const [method, path] of [...caseRoutes(caseA), ...unitRoutes(unitA)]) {
        const res = await as('monb', method, path, method === 'POST' ? INVALID : undefined);
        assert.equal(res.status, 404, `monitor of B: ${method} ${path}`);
      }
      for (const [method, path] of caseRoutes(caseA)) {
        const res = await as('viewera', method, path, method === 'POST' ? INVALID : undefined);
        assert.equal(res.status, 404, `viewer: ${method} ${path}`);
      }
      for (const [method, path] of unitRoutes(unitA)) {
        const res = await as('viewera', method, path, method === 'POST' ? INVALID : undefined);
        assert.equal(res.status, 403, `viewer: ${method} ${path}`);
      }
      assert.equal((await as('mona', 'GET', `/api/cases/${caseB}`)).status, 404);
      assert.equal((await as('mona', 'GET', '/api/units/999999/worklist')).status, 404);
      assert.equal((await as('mona', 'GET', '/api/units/abc/worklist')).status, 404);
    });

    test('inside the unit: 403 for a step the role lacks (before validation), then 400 naming the field', async () => {
      for (const path of [`/api/cases/${caseA}/actions`, `/api/cases/${caseA}/close`, `/api/cases/${caseA}/assign`]) {
        assert.equal((await as('mona', 'POST', path, INVALID)).status, 403, path);
      }
      const bad = await as('mona', 'POST', `/api/cases/${caseA}/visits`, { visitedOn: '2026-12-01', kind: 'chat' });
      assert.equal(bad.status, 400);
      const problem = (await bad.json()) as { errors: { field: string }[] };
      assert.ok(
        problem.errors.some((e) => /kind/.test(e.field)),
        JSON.stringify(problem),
      );
      const noConsent = await as('mona', 'POST', `/api/units/${unitA}/cases`, { ...WITH_IDENTITY, consent: null });
      assert.equal(noConsent.status, 400);
      const text = await noConsent.text();
      assert.match(text, /UU 27\/2022 Pasal 25\(2\)/);
      for (const value of IDENTIFYING) assert.ok(!text.includes(value), `the refusal repeats ${value}`);
      assert.equal((await as('mona', 'GET', `/api/cases?unit=${unitA}&overdue=maybe`)).status, 400);
      const nul = await request(
        `/api/cases/${caseA}/visits`,
        asClient(clients.mona ?? null, { method: 'POST', body: '{"visitedOn":"2026-12-01","kind":"follow_up","notes":"a\u0000b"}' }),
      );
      assert.equal(nul.status, 400);
      assert.deepEqual(((await nul.json()) as { errors: unknown }).errors, [{ field: 'body', message: 'contains U+0000' }]);
      assert.equal((await as('mona', 'GET', '/api/cases')).status, 400);
    });

    test('a viewer gets no identifying field from any route; members who may see them do', async () => {
      const member = (await (await as('mona', 'GET', `/api/cases/${caseA}`)).json()) as Record<string, unknown>;
      assert.equal(member.name, NAME);
      assert.equal(member.birthDate, BIRTH);
      const routes = [...caseRoutes(caseA), ...unitRoutes(unitA)].filter(([m]) => m === 'GET');
      for (const [, path] of routes) {
        const text = await (await as('viewera', 'GET', path)).text();
        for (const value of IDENTIFYING) assert.ok(!text.includes(value), `viewer sees ${value} at ${path}`);
        for (const key of IDENTIFYING_KEYS) assert.ok(!text.includes(`"${key}":"`), `viewer gets ${key} at ${path}`);
      }
    });

    test("a case's whole cycle through the API, at debug level, leaves no identifying value in the logs", async () => {
      const post = async (who: string, path: string, body: unknown, status: number) => {
        const res = await as(who, 'POST', path, body);
        assert.equal(res.status, status, `${path}: ${await res.clone().text()}`);
        return (await res.json()) as any;
      };
      const opened = await post('mona', `/api/units/${unitA}/cases`, WITH_IDENTITY, 201);
      await post('mona', `/api/units/${unitA}/cases`, { ...WITH_IDENTITY, consent: null }, 400);
      const planned = await post(
        'cma',
        `/api/cases/${opened.id}/actions`,
        { kind: 'school_kit', responsible: 'Cooperative A', dueOn: '2026-09-20', notes: 'carried pods again' },
        201,
      );
      await post('cma', `/api/cases/${opened.id}/actions/${planned.actions[0].id}/provided`, { providedOn: '2026-09-20' }, 200);
      await post(
        'mona',
        `/api/cases/${opened.id}/visits`,
        { visitedOn: '2026-10-01', kind: 'follow_up', inChildLabour: false, atSchool: true, notes: 'carried pods again' },
        201,
      );
      const refused = await post('cma', `/api/cases/${opened.id}/close`, { reason: 'no_longer_in_child_labour', on: '2026-10-02' }, 400);
      assert.match(refused.detail, /2 consecutive follow-up visits on different days must find the child out of child labour; found 1/);
      await post(
        'mona',
        `/api/cases/${opened.id}/visits`,
        { visitedOn: '2026-11-01', kind: 'follow_up', inChildLabour: false, atSchool: true },
        201,
      );
      await post('cma', `/api/cases/${opened.id}/assign`, { userId: null }, 200);
      const closed = await post('cma', `/api/cases/${opened.id}/close`, { reason: 'no_longer_in_child_labour', on: '2026-11-02' }, 200);
      assert.equal(closed.status, 'closed');
      const events = (await (await as('cma', 'GET', `/api/cases/${opened.id}/events`)).json()) as { items: { action: string }[] };
      assert.deepEqual(
        events.items.map((e) => e.action),
        ['open', 'action', 'action_provided', 'visit', 'visit', 'assign', 'close'],
      );
      const eventsText = JSON.stringify(events);
      for (const value of IDENTIFYING) assert.ok(!eventsText.includes(value), `an event shows ${value}`);
      await as('mona', 'GET', `/api/cases/${opened.id}`);
      await as('mona', 'GET', `/api/cases?unit=${unitA}`);
      await as('mona', 'GET', `/api/units/${unitA}/worklist`);
      const log = logLines.join('\n');
      assert.ok(logLines.length > 10, 'the requests were logged');
      assert.match(log, /"level":"(debug|info)"/);
      for (const value of IDENTIFYING) assert.ok(!log.includes(value), `the log holds ${value}`);
    });
  });
}
