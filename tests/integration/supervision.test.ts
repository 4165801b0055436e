import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { asClient, type Client, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const source = 'Test source: NORMLEX comment page, 2026';

for (const database of await allDatabases()) {
  describe(`supervision on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const clients: Record<string, Client> = {};
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const get = async (path: string) => {
      const res = await request(path);
      assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
      return (await res.json()) as any;
    };

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW });
      await services.accounts.createUser({ email: 'sec@example.org', password: 'correct horse battery staple', role: 'secretariat' }, NOW);
      await services.accounts.createUser(
        { email: 'idn@example.org', password: 'correct horse battery staple', role: 'focal_point', countries: ['IDN'] },
        NOW,
      );
      await services.accounts.createUser(
        // No role reads only (src/domain/access/policy.ts): a focal point of another State has no right here either.
        { email: 'reader@example.org', password: 'correct horse battery staple', role: 'focal_point', countries: ['MYS'] },
        NOW,
      );
      clients.secretariat = await signIn(request, 'sec@example.org');
      clients.idn = await signIn(request, 'idn@example.org');
      clients.reader = await signIn(request, 'reader@example.org');
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test("the bundled data is seeded: Indonesia's C138 comments and the 23 Art 24/26 cases", async () => {
      const idn = await get('/api/comments?country=IDN&instrument=C138');
      const ids = idn.items.map((c: any) => c.id).sort();
      assert.deepEqual(ids, ['2233949', '2242272', '2262360', '2294852', '4313016']);
      const dr = await get('/api/comments/2233949');
      assert.equal(dr.kind, 'direct_request');
      assert.equal(dr.year, 2003);
      assert.match(dr.summaryEn, /28 March 2000/);
      const unknownKind = idn.items.find((c: any) => c.id === '4313016');
      assert.equal(unknownKind.kind, null, 'the kind stays unknown where the source does not say');
      const cases = await get('/api/procedures?pageSize=100');
      assert.equal(cases.items.filter((p: any) => p.procedure !== 'cas').length, 23);
      assert.ok(cases.items.every((p: any) => p.source.length > 0));
    });

    test('filters: kind, year, procedure, instrument; a bad filter is a 400 naming the field', async () => {
      const drs = await get('/api/comments?kind=direct_request&year=2003');
      assert.ok(drs.total > 0);
      assert.ok(drs.items.every((c: any) => c.kind === 'direct_request' && c.year === 2003));
      const art26 = await get('/api/procedures?procedure=art26');
      assert.equal(art26.total, 12);
      const myanmar = await get('/api/procedures?country=MMR&instrument=C029');
      assert.ok(myanmar.items.length >= 3);
      assert.ok(myanmar.items.every((p: any) => p.country === 'MMR' && p.instruments.includes('C029')));
      const bad = await request('/api/comments?kind=letter');
      assert.equal(bad.status, 400);
      assert.match(((await bad.json()) as any).detail, /kind/);
      assert.equal((await request('/api/procedures/art99-xxx')).status, 404);
    });

    test('anonymous 401 before validation; focal point and reader 403; secretariat writes', async () => {
      const invalid = JSON.stringify({ kind: 'letter' });
      for (const [method, path] of [
        ['POST', '/api/comments'],
        ['PUT', '/api/comments/2233949'],
        ['POST', '/api/procedures'],
        ['PUT', '/api/procedures/art26-pol-1982'],
      ] as const) {
        const anonymous = await request(path, { method, headers: { 'content-type': 'application/json' }, body: invalid });
        assert.equal(anonymous.status, 401, `anonymous ${method} ${path}`);
        for (const who of ['idn', 'reader'] as const) {
          const res = await request(path, asClient(clients[who] ?? null, { method, body: invalid }));
          assert.equal(res.status, 403, `${who} ${method} ${path}`);
        }
        const res = await request(path, asClient(clients.secretariat ?? null, { method, body: invalid }));
        assert.equal(res.status, 400, `secretariat ${method} ${path} with a bad body`);
      }
    });

    test('a comment added, then changed and reverted: in the history and on the read side at once', async () => {
      // Read (and cache) the public pages that show Indonesia's and C182's comments first.
      const pages = ['/en/countries/IDN', '/en/instruments/C182'];
      for (const path of pages) assert.doesNotMatch(await (await request(path)).text(), /figures on inspections/);
      const add = await request(
        '/api/comments',
        asClient(clients.secretariat ?? null, {
          method: 'POST',
          body: JSON.stringify({
            country: 'IDN',
            instruments: ['C182'],
            kind: 'observation',
            year: 2025,
            requestsReply: true,
            summaryEn: 'Asks for figures on inspections.',
            source,
          }),
        }),
      );
      assert.equal(add.status, 201, await add.clone().text());
      const added = (await add.json()) as any;
      assert.match(added.record.id, /^local-\d+$/);
      assert.deepEqual(await services.supervision.replyRequestsFor('IDN'), [
        { instrument: 'C182', year: 2025, commentId: added.record.id },
      ]);
      for (const path of pages)
        assert.match(await (await request(path)).text(), /figures on inspections/, `${path} shows the new comment at once`);
      // The reporting calendar reads the same comments (src/container.ts): the reply is requested the next year.
      const reports = await get('/api/countries/IDN/reports?year=2026');
      const reply = reports.reports.filter((r: any) => r.instrument === 'C182' && r.year === 2026);
      assert.equal(reply.length, 1, JSON.stringify(reports.reports));
      assert.ok(
        reply[0].legalBasis.some((c: string) => c.includes(added.record.id)),
        `the report names the comment: ${JSON.stringify(reply[0])}`,
      );

      const id = added.record.id;
      const change = await request(
        `/api/comments/${id}`,
        asClient(clients.secretariat ?? null, { method: 'PUT', body: JSON.stringify({ year: 2024, source, reason: 'year misread' }) }),
      );
      assert.equal(change.status, 200, await change.clone().text());
      const changed = (await change.json()) as any;
      assert.equal((await get(`/api/comments/${id}`)).year, 2024);

      const revert = await request(
        `/api/history/${changed.event.id}/revert`,
        asClient(clients.secretariat ?? null, { method: 'POST', body: JSON.stringify({ reason: 'test' }) }),
      );
      assert.equal(revert.status, 200, await revert.clone().text());
      assert.equal((await get(`/api/comments/${id}`)).year, 2025);
      const history = (await (await request(`/api/history?record=${id}`, asClient(clients.secretariat ?? null))).json()) as any;
      assert.deepEqual(
        history.items.map((e: any) => [e.recordType, e.action]),
        [
          ['supervisory_comment', 'revert'],
          ['supervisory_comment', 'update'],
          ['supervisory_comment', 'create'],
        ],
      );
      // Reverting the creation removes the comment.
      const undo = await request(
        `/api/history/${added.event.id}/revert`,
        asClient(clients.secretariat ?? null, { method: 'POST', body: '{}' }),
      );
      assert.equal(undo.status, 200, await undo.clone().text());
      assert.equal((await request(`/api/comments/${id}`)).status, 404);
    });

    test('a comment must name a member State and Conventions the registry holds', async () => {
      const res = await request(
        '/api/comments',
        asClient(clients.secretariat ?? null, { method: 'POST', body: JSON.stringify({ country: 'XXX', instruments: ['C999'], source }) }),
      );
      assert.equal(res.status, 400);
      const problem = (await res.json()) as any;
      assert.deepEqual(problem.errors.map((e: any) => e.field).sort(), ['country', 'instruments.0']);
    });

    test('a focal point cannot revert a supervision change: 403 before the body is read', async () => {
      const add = await request(
        '/api/comments',
        asClient(clients.secretariat ?? null, { method: 'POST', body: JSON.stringify({ country: 'IDN', instruments: ['C138'], source }) }),
      );
      const { event, record } = (await add.json()) as any;
      assert.notEqual(record.id, 'local-1', 'the id of a comment whose creation was reverted is not given again');
      const res = await request(
        `/api/history/${event.id}/revert`,
        asClient(clients.idn ?? null, { method: 'POST', body: '{"reason": 5}' }),
      );
      assert.equal(res.status, 403);
    });

    test('random bodies from the secretariat never give a 5xx (the OpenAPI fuzz signs in as a focal point only)', async () => {
      const anything = fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.integer(),
        fc.double(),
        fc.constant(null),
        fc.boolean(),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
        fc.constantFrom('IDN', 'C138', 'art26', 'cas', 'report', 'observation', 2024, 99999999999, -1, 'x'.repeat(5000)),
      );
      const keys = ['country', 'instruments', 'kind', 'year', 'session', 'sessionYear', 'normlexId', 'url', 'summaryEn', 'requestsReply'];
      const more = ['procedure', 'stage', 'filedBy', 'outcome', 'confidence', 'conclusionsId', 'source'];
      const body = fc.dictionary(fc.constantFrom(...keys, ...more), anything).map((b) => ({ source, ...b }));
      const target = fc.constantFrom(
        ['POST', '/api/comments'],
        ['PUT', '/api/comments/2233949'],
        ['PUT', '/api/comments/nope'],
        ['POST', '/api/procedures'],
        ['PUT', '/api/procedures/art26-pol-1982'],
      );
      await fc.assert(
        fc.asyncProperty(target, body, async ([method, path], b) => {
          const res = await request(
            path as string,
            asClient(clients.secretariat ?? null, { method: method as string, body: JSON.stringify(b) }),
          );
          const text = await res.text();
          assert.ok(res.status < 500, `${method} ${path} ${JSON.stringify(b).slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`);
        }),
        { numRuns: 150, seed: 9 },
      );
    });

    test('a procedure moves stage with its source; the stage must belong to the procedure', async () => {
      const add = await request(
        '/api/procedures',
        asClient(clients.secretariat ?? null, {
          method: 'POST',
          body: JSON.stringify({
            procedure: 'cas',
            country: 'IDN',
            instruments: ['C138'],
            year: 2025,
            session: 113,
            stage: 'discussed',
            source,
          }),
        }),
      );
      assert.equal(add.status, 201, await add.clone().text());
      const { record } = (await add.json()) as any;
      assert.equal(record.id, 'cas-idn-c138-2025');
      const wrongStage = await request(
        `/api/procedures/${record.id}`,
        asClient(clients.secretariat ?? null, { method: 'PUT', body: JSON.stringify({ stage: 'commission_of_inquiry', source }) }),
      );
      assert.equal(wrongStage.status, 400);
      assert.match(((await wrongStage.json()) as any).detail, /stage/);
      const move = await request(
        `/api/procedures/${record.id}`,
        asClient(clients.secretariat ?? null, {
          method: 'PUT',
          body: JSON.stringify({ stage: 'conclusions', conclusionsEn: 'Asks for information on inspections.', source }),
        }),
      );
      assert.equal(move.status, 200, await move.clone().text());
      assert.equal((await get(`/api/procedures/${record.id}`)).stage, 'conclusions');
      const again = await request(
        `/api/procedures/${record.id}`,
        asClient(clients.secretariat ?? null, { method: 'PUT', body: JSON.stringify({ stage: 'conclusions', source: 'another source' }) }),
      );
      assert.equal(((await again.json()) as any).event, null, 'nothing changed: no event, the source is not added');
      const bundled = await request(
        '/api/procedures/art26-gtm-2012',
        asClient(clients.secretariat ?? null, {
          method: 'PUT',
          body: JSON.stringify({ stage: 'closed', source: 'GB decision, March 2018' }),
        }),
      );
      assert.equal(bundled.status, 200, await bundled.clone().text());
      const closed = await get('/api/procedures/art26-gtm-2012');
      assert.equal(closed.stage, 'closed');
      assert.match(closed.source, /^https:\/\/www\.ilo\.org\/gb\/decisions\/GB316.* ; GB decision, March 2018$/, 'the sources accumulate');
      const page = await request('/en/history?record=ART26-GTM-2012');
      assert.equal(page.status, 200);
      assert.match(await page.text(), /supervisory procedure/);
      const profile = await get('/api/procedures?country=IDN&procedure=cas');
      assert.ok(profile.items.some((p: any) => p.id === record.id));
    });
  });
}
