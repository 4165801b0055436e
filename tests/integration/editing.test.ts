import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { readBundle } from '../../src/storage/bundle.ts';
import { BUNDLED_DATA_DIR } from '../../src/storage/paths.ts';
import { asClient, type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-11-27T10:00:00.000Z');

interface WriteRoute {
  name: string;
  method: string;
  path: string;
  body: unknown;
  /** Which roles may: admin, secretariat, focal point IDN. */
  allowed: { admin: boolean; secretariat: boolean; idn: boolean };
}

const source = 'Test source: ILO NORMLEX printout, 2026';
const WRITE_ROUTES: WriteRoute[] = [
  {
    name: 'save IDN ratification',
    method: 'PUT',
    path: '/api/ratifications/IDN/C155',
    body: { registrationDate: '2026', status: 'not_in_force', source },
    allowed: { admin: true, secretariat: true, idn: true },
  },
  {
    name: 'save MYS ratification',
    method: 'PUT',
    path: '/api/ratifications/MYS/C155',
    body: { registrationDate: '2026', source },
    allowed: { admin: true, secretariat: true, idn: false },
  },
  {
    name: 'denounce MYS C138',
    method: 'POST',
    path: '/api/ratifications/MYS/C138/denounce',
    body: { date: '2026-01-01', source },
    allowed: { admin: true, secretariat: true, idn: false },
  },
  {
    name: 'edit IDN profile',
    method: 'PUT',
    path: '/api/countries/IDN/profile',
    body: { compulsoryEducationAge: 16, source },
    allowed: { admin: true, secretariat: true, idn: true },
  },
  {
    name: 'edit MYS profile',
    method: 'PUT',
    path: '/api/countries/MYS/profile',
    body: { generalMinimumAge: 15, source },
    allowed: { admin: true, secretariat: true, idn: false },
  },
  {
    name: 'edit instrument',
    method: 'PATCH',
    path: '/api/instruments/C155',
    body: { status: 'up-to-date', source },
    allowed: { admin: true, secretariat: true, idn: false },
  },
  {
    name: 'create user',
    method: 'POST',
    path: '/api/users',
    body: { email: 'new@example.org', password: PASSWORD, role: 'secretariat' },
    allowed: { admin: true, secretariat: false, idn: false },
  },
];

for (const database of await allDatabases()) {
  describe(`editing on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const clients: Record<string, Client> = {};
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW });
      await services.accounts.createUser({ email: 'admin@example.org', password: PASSWORD, role: 'admin' }, NOW);
      await services.accounts.createUser({ email: 'sec@example.org', password: PASSWORD, role: 'secretariat' }, NOW);
      await services.accounts.createUser({ email: 'idn@example.org', password: PASSWORD, role: 'focal_point', countries: ['IDN'] }, NOW);
      clients.admin = await signIn(request, 'admin@example.org');
      clients.secretariat = await signIn(request, 'sec@example.org');
      clients.idn = await signIn(request, 'idn@example.org');
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('each role is allowed or refused on every write route', async () => {
      for (const route of WRITE_ROUTES) {
        for (const role of ['idn', 'secretariat', 'admin'] as const) {
          const body = route.path === '/api/users' ? { ...(route.body as object), email: `${role}-new@example.org` } : route.body;
          const res = await request(route.path, asClient(clients[role] ?? null, { method: route.method, body: JSON.stringify(body) }));
          const text = await res.text();
          if (route.allowed[role]) {
            assert.ok(
              res.status === 200 || res.status === 201 || (route.name.startsWith('denounce') && res.status === 409),
              `${role} ${route.name}: ${res.status} ${text}`,
            );
          } else {
            assert.equal(res.status, 403, `${role} ${route.name} should be refused: ${text}`);
            assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
          }
        }
        const anonymous = await request(route.path, {
          method: route.method,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(route.body),
        });
        assert.equal(anonymous.status, 401, `anonymous ${route.name}`);
      }
    });

    test('a focal point for IDN cannot touch MYS, and nothing of MYS changed by that attempt', async () => {
      const before = await (await request('/api/countries/MYS')).json();
      const res = await request(
        '/api/ratifications/MYS/C138',
        asClient(clients.idn ?? null, { method: 'PUT', body: JSON.stringify({ minimumAge: { value: 16 }, source }) }),
      );
      assert.equal(res.status, 403);
      assert.match(((await res.json()) as any).detail, /focal point for IDN, not for MYS/);
      const afterAttempt = await (await request('/api/countries/MYS')).json();
      assert.deepEqual(afterAttempt, before);
    });

    test('an edit and its revert are both in the history with user, time, before, after and reason', async () => {
      const edit = await request(
        '/api/ratifications/IDN/C138',
        asClient(clients.idn ?? null, {
          method: 'PUT',
          body: JSON.stringify({
            minimumAge: { value: 15 },
            registrationDate: '1999-06-07',
            source: 'Keppres/UU 20/1999 and NORMLEX',
            reason: 'registration day found',
          }),
        }),
      );
      assert.equal(edit.status, 200, await edit.clone().text());
      const edited = (await edit.json()) as any;
      assert.equal(edited.event.action, 'update');
      const profile = (await (await request('/api/countries/IDN')).json()) as any;
      assert.equal(profile.childLabour.c138.ratification.registrationDate, '1999-06-07', 'the read side sees the change at once');

      const revert = await request(
        `/api/history/${edited.event.id}/revert`,
        asClient(clients.secretariat ?? null, { method: 'POST', body: JSON.stringify({ reason: 'source not confirmed' }) }),
      );
      assert.equal(revert.status, 200, await revert.clone().text());
      const reverted = (await revert.json()) as any;
      assert.equal(reverted.event.revertsEventId, edited.event.id);

      const history = (await (await request('/api/history?record=IDN/C138', asClient(clients.admin ?? null))).json()) as any;
      const [second, first] = history.items;
      assert.equal(first.id, edited.event.id);
      assert.equal(first.actor, 'idn@example.org');
      assert.equal(first.at, NOW.toISOString());
      assert.equal(first.reason, 'registration day found');
      assert.equal(first.source, 'Keppres/UU 20/1999 and NORMLEX');
      assert.equal(first.before.registrationDate, '1999');
      assert.equal(first.after.registrationDate, '1999-06-07');
      assert.equal(second.action, 'revert');
      assert.equal(second.actor, 'sec@example.org');
      assert.equal(second.reason, 'source not confirmed');
      assert.deepEqual(second.after, first.before);
      assert.deepEqual(second.before, first.after);
      const restored = (await (await request('/api/countries/IDN')).json()) as any;
      assert.equal(restored.childLabour.c138.ratification.registrationDate, '1999');
      const again = await request(
        `/api/history/${edited.event.id}/revert`,
        asClient(clients.secretariat ?? null, { method: 'POST', body: '{}' }),
      );
      assert.equal(again.status, 409, 'a change already undone cannot be reverted twice');
    });

    test('anonymous readers of the history see role and countries, never an email; editors see emails', async () => {
      const anonymous = await request('/api/history?record=IDN/C138');
      assert.equal(anonymous.status, 200);
      const publicBody = (await anonymous.json()) as any;
      assert.ok(publicBody.items.length >= 2);
      assert.ok(!JSON.stringify(publicBody).includes('@example.org'), 'no email in the public history');
      const actors = new Set(publicBody.items.map((e: any) => e.actor));
      assert.ok(actors.has('focal_point (IDN)'), [...actors].join());
      assert.ok(actors.has('secretariat'), [...actors].join());
      assert.deepEqual(publicBody.items.find((e: any) => e.actor === 'focal_point (IDN)').actorScope, {
        role: 'focal_point',
        countries: ['IDN'],
      });
      const signedIn = (await (await request('/api/history?record=IDN/C138', asClient(clients.idn ?? null))).json()) as any;
      assert.deepEqual(new Set(signedIn.items.map((e: any) => e.actor)), new Set(['idn@example.org', 'sec@example.org']));
    });

    test('the history filters by an editor email for signed-in editors only', async () => {
      const mine = await request('/api/history?editor=IDN@Example.org', asClient(clients.secretariat ?? null));
      assert.equal(mine.status, 200, await mine.clone().text());
      const body = (await mine.json()) as any;
      assert.ok(body.total >= 1);
      assert.ok(body.items.every((e: any) => e.actor === 'idn@example.org'));
      const all = (await (await request('/api/history', asClient(clients.secretariat ?? null))).json()) as any;
      assert.ok(all.total > body.total, 'the filter leaves out the other editors');
      const anonymous = await request('/api/history?editor=idn@example.org');
      assert.equal(anonymous.status, 401);
      assert.match(anonymous.headers.get('content-type') ?? '', /problem\+json/);
      assert.match(((await anonymous.json()) as any).detail, /Sign in to filter the history by an editor/);
    });

    test('seeding the bundled data again keeps edited records as edited', async () => {
      const { readBundle } = await import('../../src/storage/bundle.ts');
      const { BUNDLED_DATA_DIR } = await import('../../src/storage/paths.ts');
      const res = await request(
        '/api/countries/IDN/profile',
        asClient(clients.idn ?? null, { method: 'PUT', body: JSON.stringify({ generalMinimumAge: 16, source, reason: 'seed test' }) }),
      );
      assert.equal(res.status, 200, await res.clone().text());
      await services.repo.seed(await readBundle(BUNDLED_DATA_DIR));
      const facts = await services.compliance.countryFacts('IDN');
      assert.equal(facts?.profile?.generalMinimumAge?.value, 16);
    });

    test('a provision is corrected on its own, the age kept; sent again, it records nothing', async () => {
      const put = (body: unknown) =>
        request('/api/countries/IDN/profile', asClient(clients.idn ?? null, { method: 'PUT', body: JSON.stringify(body) }));
      const before = (await services.compliance.countryFacts('IDN'))?.profile?.hazardousMinimumAge;
      assert.ok(before, 'Indonesia has a hazardous-work age in the bundled data');
      const change = {
        hazardousMinimumAgeCitation: 'UU 13/2003 Pasal 74 ayat (1)',
        source: 'UU 13/2003, checked',
        reason: 'provision made precise',
      };
      const res = await put(change);
      assert.equal(res.status, 200, await res.clone().text());
      const body = (await res.json()) as any;
      assert.equal(body.event?.action, 'update');
      assert.deepEqual(body.event.after.hazardousMinimumAge, {
        value: before.value,
        source: change.source,
        citation: change.hazardousMinimumAgeCitation,
      });
      const after = (await services.compliance.countryFacts('IDN'))?.profile;
      assert.equal(after?.hazardousMinimumAge?.citation, change.hazardousMinimumAgeCitation);
      assert.equal(after?.hazardousMinimumAge?.value, before.value);
      const again = (await (await put(change)).json()) as any;
      assert.equal(again.event, null, 'the same provision again changes nothing');
      const tooLong = await put({ ...change, generalMinimumAgeCitation: 'x'.repeat(501) });
      assert.equal(tooLong.status, 400);
      assert.ok(((await tooLong.json()) as any).errors.some((e: any) => e.field.includes('generalMinimumAgeCitation')));
    });

    test('a declaration recorded in error comes off the record, and a revert puts it back', async () => {
      const put = (path: string, body: unknown, who = clients.secretariat) =>
        request(path, asClient(who ?? null, { method: 'PUT', body: JSON.stringify(body) }));
      assert.equal((await services.compliance.countryFacts('IDN'))?.c138.declaredAge, 15);
      const removed = await put('/api/ratifications/IDN/C138', { removeMinimumAge: 'C138 Art 2(1)', source, reason: 'recorded in error' });
      assert.equal(removed.status, 200, await removed.clone().text());
      const event = ((await removed.json()) as any).event;
      assert.equal(event.before.declarations.length, 1);
      assert.equal(event.after.declarations.length, 0);
      // Never a guess: the declaration is now unknown, and the State's ratification stays.
      const facts = await services.compliance.countryFacts('IDN');
      assert.equal(facts?.c138.ratified, true);
      assert.equal(facts?.c138.declaredAge, null);
      const again = ((await (await put('/api/ratifications/IDN/C138', { removeMinimumAge: 'C138 Art 2(1)', source })).json()) as any).event;
      assert.equal(again, null, 'nothing left to remove');
      const both = await put('/api/ratifications/IDN/C138', { minimumAge: { value: 15 }, removeMinimumAge: 'C138 Art 2(1)', source });
      assert.equal(both.status, 400);
      const c182 = await put('/api/ratifications/IDN/C182', { removeMinimumAge: 'C138 Art 2(1)', source });
      assert.equal(c182.status, 400);
      const reverted = await request(
        `/api/history/${event.id}/revert`,
        asClient(clients.secretariat ?? null, { method: 'POST', body: '{}' }),
      );
      assert.equal(reverted.status, 200, await reverted.clone().text());
      assert.equal((await services.compliance.countryFacts('IDN'))?.c138.declaredAge, 15);
    });

    test('a write without a source is refused with a message next to the field', async () => {
      const res = await request(
        '/api/ratifications/IDN/C138',
        asClient(clients.idn ?? null, { method: 'PUT', body: JSON.stringify({ minimumAge: { value: 15 }, source: ' ' }) }),
      );
      assert.equal(res.status, 400);
      const body = (await res.json()) as any;
      assert.deepEqual(
        body.errors.map((e: any) => e.field),
        ['source'],
      );
    });

    test('a session-authenticated write without the CSRF token is refused', async () => {
      const res = await request('/api/countries/IDN/profile', {
        method: 'PUT',
        headers: { cookie: clients.idn?.cookie ?? '', 'content-type': 'application/json' },
        body: JSON.stringify({ generalMinimumAge: 15, source }),
      });
      assert.equal(res.status, 403);
      const cross = await request(
        '/api/countries/IDN/profile',
        asClient(clients.idn ?? null, {
          method: 'PUT',
          headers: { origin: 'https://evil.example' },
          body: JSON.stringify({ generalMinimumAge: 15, source }),
        }),
      );
      assert.equal(cross.status, 403);
    });

    test('API tokens are shown once, work as Bearer, and stop working when revoked', async () => {
      const created = (await (
        await request('/api/tokens', asClient(clients.idn ?? null, { method: 'POST', body: JSON.stringify({ name: 'ministry script' }) }))
      ).json()) as any;
      assert.match(created.token, /^trp_/);
      const list = (await (await request('/api/tokens', asClient(clients.idn ?? null))).json()) as any;
      assert.ok(!JSON.stringify(list).includes(created.token), 'the secret is never listed');
      const bearer = { authorization: `Bearer ${created.token}`, 'content-type': 'application/json' };
      const write = await request('/api/countries/IDN/profile', {
        method: 'PUT',
        headers: bearer,
        body: JSON.stringify({ compulsoryEducationAge: 15, source }),
      });
      assert.equal(write.status, 200, await write.clone().text());
      await request(`/api/tokens/${created.record.id}`, asClient(clients.idn ?? null, { method: 'DELETE' }));
      const refused = await request('/api/countries/IDN/profile', {
        method: 'PUT',
        headers: bearer,
        body: JSON.stringify({ compulsoryEducationAge: 16, source }),
      });
      assert.equal(refused.status, 401);
    });

    test('login is rate-limited per account, and logout everywhere ends every session', async () => {
      await services.accounts.createUser({ email: 'limited@example.org', password: PASSWORD, role: 'secretariat' }, NOW);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'limited@example.org', password: 'wrong password!!' }),
        });
        statuses.push(res.status);
      }
      assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
      assert.equal(statuses[6], 429);
      const locked = await request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'limited@example.org', password: PASSWORD }),
      });
      assert.equal(locked.status, 429, 'even the right password waits for the window');

      const a = await signIn(request, 'sec@example.org');
      const b = await signIn(request, 'sec@example.org');
      const out = await request('/api/auth/logout-all', asClient(a, { method: 'POST' }));
      assert.equal(out.status, 200);
      const me = (await (await request('/api/auth/me', asClient(b))).json()) as any;
      assert.equal(me.user, null);
    });

    test('the gaps worklist lists unknown facts with the role that may fill them', async () => {
      const body = (await (await request('/api/gaps?kind=c138-minimum-age&pageSize=200')).json()) as any;
      // Edits in this file only ever take a declared age away, so every bundled gap is still there.
      const bundledGaps = (await readBundle(BUNDLED_DATA_DIR)).ratifications.filter(
        (r) => r.instrument === 'C138' && r.declarations.length === 0,
      ).length;
      assert.ok(bundledGaps > 0 && body.total >= bundledGaps, `${body.total} gaps for ${bundledGaps} bundled`);
      assert.ok(body.items.every((g: any) => g.kind === 'c138-minimum-age' && g.role === 'focal_point'));
      const idnFirst = (await (await request('/api/gaps?pageSize=5', asClient(clients.idn ?? null))).json()) as any;
      assert.equal(idnFirst.items[0].country, 'IDN');
    });
  });
}
