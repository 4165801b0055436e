import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { asClient, type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

/** Issue 9: submission to the competent authorities (Constitution Art 19(5)(b), 19(6)(b)) over the API. */
const NOW = new Date('2026-12-03T10:00:00.000Z');
const TODAY = '2026-12-03';
const SOURCE = 'Test: ILO, Submission to the competent authorities, ILC 108 (2019)';

for (const database of await allDatabases()) {
  describe(`submissions on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const clients: Record<'secretariat' | 'idn' | 'mys', Client> = {} as never;
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const post = (who: Client | null, path: string, body: unknown) =>
      request(path, asClient(who, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) }));
    const getJson = async (path: string) => {
      const res = await request(path);
      assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
      return (await res.json()) as any;
    };

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW, today: () => TODAY });
      await services.accounts.createUser({ email: 'sec@example.org', password: PASSWORD, role: 'secretariat' }, NOW);
      await services.accounts.createUser({ email: 'idn@example.org', password: PASSWORD, role: 'focal_point', countries: ['IDN'] }, NOW);
      await services.accounts.createUser({ email: 'mys@example.org', password: PASSWORD, role: 'focal_point', countries: ['MYS'] }, NOW);
      clients.secretariat = await signIn(request, 'sec@example.org');
      clients.idn = await signIn(request, 'idn@example.org');
      clients.mys = await signIn(request, 'mys@example.org');
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('an untracked session is "not tracked", never overdue, and cannot be marked until it is opened', async () => {
      const list = await getJson('/api/submissions?country=IDN&session=108');
      assert.equal(list.total, 1);
      assert.equal(list.items[0].instrument, 'C190');
      assert.equal(list.items[0].status, 'not_tracked');
      assert.equal((await getJson('/api/submissions?status=overdue')).total, 0);
      const res = await post(clients.idn, '/api/submissions', {
        country: 'IDN',
        instrument: 'C190',
        submittedDate: '2020-03-02',
        source: SOURCE,
      });
      assert.equal(res.status, 409, await res.text());
    });

    test('role checks: anonymous 401 before validation, focal point of another State 403, focal point 403 on tracking', async () => {
      for (const body of ['{', '{}', { country: 'IDN' }]) {
        assert.equal((await post(null, '/api/submissions', body)).status, 401);
        assert.equal((await post(null, '/api/conference/sessions/108/submission-tracking', body)).status, 401);
      }
      const other = await post(clients.mys, '/api/submissions', { country: 'IDN', instrument: 'C190', submittedDate: 'nonsense' });
      assert.equal(other.status, 403);
      assert.match(((await other.json()) as any).detail, /MYS/);
      assert.equal((await post(clients.mys, '/api/submissions', '{}')).status, 403, 'a focal point naming no State is refused');
      assert.equal((await post(clients.idn, '/api/conference/sessions/108/submission-tracking', { source: SOURCE })).status, 403);
      const bad = await post(clients.secretariat, '/api/conference/sessions/108/submission-tracking', { tracked: 'yes' });
      assert.equal(bad.status, 400);
      const fields = ((await bad.json()) as any).errors.map((e: any) => e.field).sort();
      assert.deepEqual(fields, ['source', 'tracked']);
      assert.equal((await post(clients.secretariat, '/api/conference/sessions/998/submission-tracking', { source: SOURCE })).status, 404);
    });

    test('opening session 108 gives every member State due dates 12 and 18 months after its closing, now overdue', async () => {
      const res = await post(clients.secretariat, '/api/conference/sessions/108/submission-tracking', {
        source: SOURCE,
        reason: 'start tracking',
      });
      assert.equal(res.status, 200, await res.clone().text());
      const opened = (await res.json()) as any;
      assert.equal(opened.event.recordType, 'submission_tracking');
      const all = await getJson('/api/submissions?session=108&pageSize=200');
      const members = (await services.registry.listCountries({})).length;
      assert.ok(all.total >= members - 5 && all.total <= members, `${all.total} of ${members}`);
      for (const item of all.items) {
        assert.equal(item.dueDate, '2020-06-21');
        assert.equal(item.latestDate, '2020-12-21');
        assert.equal(item.status, 'overdue');
        assert.equal(item.legalBasis, 'Constitution Art 19(5)(b)');
      }
      assert.deepEqual(
        all.trackedSessions.map((s: any) => [s.session, s.closingDate]),
        [[108, '2019-06-21']],
      );
    });

    test('bad input is a 400 naming the field', async () => {
      const cases: [unknown, string][] = [
        [{ country: 'IDN', instrument: 'C190', submittedDate: '2020-02-30', source: SOURCE }, 'submittedDate'],
        [{ country: 'IDN', instrument: 'C190', submittedDate: '2027-01-01', source: SOURCE }, 'submittedDate'],
        [{ country: 'IDN', instrument: 'C190', submittedDate: '2019-01-01', source: SOURCE }, 'submittedDate'],
        [{ country: 'IDN', instrument: 'C190', source: SOURCE }, 'submittedDate'],
        [{ country: 'IDN', instrument: 'C190', submittedDate: '2020-03-02' }, 'source'],
        [
          { country: 'IDN', instrument: 'C190', submittedDate: '2020-03-02', exceptionalCircumstances: 'yes', source: SOURCE },
          'exceptionalCircumstances',
        ],
      ];
      for (const [body, field] of cases) {
        const res = await post(clients.idn, '/api/submissions', body);
        const text = await res.text();
        assert.equal(res.status, 400, text);
        assert.ok(
          JSON.parse(text).errors.some((e: any) => e.field === field),
          `${field}: ${text}`,
        );
      }
      for (const query of ['status=late', 'session=abc', 'country=1', 'session=0']) {
        assert.equal((await request(`/api/submissions?${query}`)).status, 400, query);
      }
      assert.equal((await request('/api/submissions/overdue?by=planet')).status, 400);
      assert.equal((await request('/api/submissions?country=ZZZ')).status, 404);
      assert.equal((await request('/api/submissions?session=998')).status, 404);
    });

    test('marking one submitted removes it from the overdue lists; the change is in the history and revertable', async () => {
      const before = await getJson('/api/submissions/overdue?by=country');
      const idnBefore = before.items.find((i: any) => i.country === 'IDN');
      assert.deepEqual(idnBefore.instruments, ['C190']);
      const regionBefore = (await getJson('/api/submissions/overdue?by=region')).items.find(
        (r: any) => r.region === 'Asia and the Pacific',
      );

      const res = await post(clients.idn, '/api/submissions', {
        country: 'idn',
        instrument: 'c190',
        submittedDate: '2020-03-02',
        authority: 'Dewan Perwakilan Rakyat',
        reference: 'https://example.org/idn-c190',
        source: SOURCE,
      });
      assert.equal(res.status, 200, await res.clone().text());
      const saved = (await res.json()) as any;
      assert.equal(saved.event.recordType, 'submission');
      assert.equal(saved.event.recordKey, 'IDN/C190');

      const mine = await getJson('/api/submissions?country=IDN');
      assert.equal(mine.items[0].status, 'submitted');
      assert.equal(mine.items[0].record.authority, 'Dewan Perwakilan Rakyat');
      assert.equal(mine.items[0].late, false);
      const after = await getJson('/api/submissions/overdue?by=country');
      assert.ok(!after.items.some((i: any) => i.country === 'IDN'));
      assert.equal(after.items.length, before.items.length - 1);
      const regionAfter = (await getJson('/api/submissions/overdue?by=region')).items.find((r: any) => r.region === 'Asia and the Pacific');
      assert.equal(regionAfter.overdue, regionBefore.overdue - 1);

      const again = await post(clients.idn, '/api/submissions', {
        country: 'IDN',
        instrument: 'C190',
        submittedDate: '2020-03-02',
        source: 'other',
      });
      assert.equal(((await again.json()) as any).event, null, 'the same facts again change nothing');

      const history = await getJson('/api/history?record=IDN/C190');
      assert.equal(history.items[0].recordType, 'submission');
      assert.equal((await post(clients.mys, `/api/history/${saved.event.id}/revert`, {})).status, 403, "another State's focal point");
      const revert = await post(clients.secretariat, `/api/history/${saved.event.id}/revert`, { reason: 'not confirmed' });
      assert.equal(revert.status, 200, await revert.clone().text());
      assert.equal((await getJson('/api/submissions?country=IDN')).items[0].status, 'overdue');
    });

    test('the secretariat records for any State; exceptional circumstances move the deadline to 18 months', async () => {
      const res = await post(clients.secretariat, '/api/submissions', {
        country: 'MYS',
        instrument: 'C190',
        exceptionalCircumstances: true,
        source: SOURCE,
      });
      assert.equal(res.status, 200, await res.clone().text());
      const item = (await getJson('/api/submissions?country=MYS')).items[0];
      assert.equal(item.deadline, '2020-12-21');
      assert.equal(item.status, 'overdue');
      assert.equal(item.reason, 'exceptional_circumstances');
    });

    test('closing tracking is a change too, and its revert opens the session again', async () => {
      const res = await post(clients.secretariat, '/api/conference/sessions/108/submission-tracking', { tracked: false, source: SOURCE });
      const closed = (await res.json()) as any;
      assert.equal(closed.record, null);
      assert.equal((await getJson('/api/submissions?status=overdue')).total, 0);
      assert.equal(
        (await post(clients.idn, `/api/history/${closed.event.id}/revert`, {})).status,
        403,
        'a focal point reverts no tracking',
      );
      const revert = await post(clients.secretariat, `/api/history/${closed.event.id}/revert`, {});
      assert.equal(revert.status, 200, await revert.clone().text());
      assert.ok((await getJson('/api/submissions?status=overdue')).total > 100);
    });
  });
}
