import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { asClient, type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-04T10:00:00.000Z');
const source = 'Test source: EAST project document, 2026';
const JAKARTA = 'ilo-country-office-for-indonesia-and-timor-leste-jakarta';

for (const database of await allDatabases()) {
  describe(`programme and office editing on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const clients: Record<string, Client> = {};
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const get = async (path: string) => {
      const res = await request(path);
      assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
      return (await res.json()) as any;
    };
    const send = (who: string, method: string, path: string, body: unknown) =>
      request(path, asClient(clients[who] ?? null, { method, body: JSON.stringify(body) }));
    const revert = (eventId: number) => send('secretariat', 'POST', `/api/history/${eventId}/revert`, { reason: 'test' });

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW, today: () => '2026-12-04' });
      const users = [
        ['sec@example.org', 'secretariat', []],
        ['admin@example.org', 'admin', []],
        ['idn@example.org', 'focal_point', ['IDN']],
        ['reader@example.org', 'reader', []],
      ] as const;
      for (const [email, role, countries] of users)
        await services.accounts.createUser({ email, password: PASSWORD, role, countries: [...countries] }, NOW);
      clients.secretariat = await signIn(request, 'sec@example.org');
      clients.admin = await signIn(request, 'admin@example.org');
      clients.idn = await signIn(request, 'idn@example.org');
      clients.reader = await signIn(request, 'reader@example.org');
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('anonymous 401 before validation; focal point and reader 403 whatever the body; secretariat 400', async () => {
      const invalid = { nameEn: 42, city: 7 };
      for (const [method, path] of [
        ['POST', '/api/programmes'],
        ['PUT', '/api/programmes/east-indonesia'],
        ['PUT', '/api/programmes/no-such-programme'],
        ['PUT', `/api/offices/${JAKARTA}`],
      ] as const) {
        const anonymous = await request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(invalid) });
        assert.equal(anonymous.status, 401, `anonymous ${method} ${path}`);
        for (const who of ['idn', 'reader'] as const) {
          const res = await send(who, method, path, invalid);
          assert.equal(res.status, 403, `${who} ${method} ${path}`);
        }
        const res = await send('secretariat', method, path, invalid);
        assert.equal(res.status, 400, `secretariat ${method} ${path} with a bad body`);
      }
    });

    test('portal forms: an anonymous reader is sent to sign in, a focal point gets 403, the secretariat the form', async () => {
      for (const path of ['/en/programmes/new', '/id/programmes/east-indonesia/edit', `/en/office/${JAKARTA}/edit`]) {
        const anonymous = await request(path);
        assert.equal(anonymous.status, 303, path);
        assert.match(anonymous.headers.get('location') ?? '', /\/login\?next=/);
        assert.equal((await request(path, asClient(clients.idn ?? null))).status, 403, `focal point ${path}`);
        const form = await request(path, asClient(clients.secretariat ?? null));
        assert.equal(form.status, 200, path);
        assert.match(await form.text(), /name="_csrf"/);
      }
      assert.equal((await request('/en/programmes/no-such-programme/edit', asClient(clients.secretariat ?? null))).status, 404);
      // A form post without the session's CSRF token is refused before anything is written.
      const forged = await request('/en/programmes/new', {
        method: 'POST',
        headers: { cookie: clients.secretariat?.cookie ?? '', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'nameEn=Forged&source=x',
      });
      assert.equal(forged.status, 403);
      assert.equal((await request('/api/programmes/forged')).status, 404);
    });

    test('400 names the field: a missing source, a bad year order, an unknown State, an unknown instrument, a bad theme', async () => {
      const cases: [unknown, RegExp][] = [
        [{ nameEn: 'X' }, /source/],
        [{ nameEn: 'X', source, startYear: 2020, endYear: 2010 }, /endYear/],
        [{ nameEn: 'X', source, countries: ['XYZ'] }, /countries\.0/],
        [{ nameEn: 'X', source, instruments: ['C999'] }, /instruments\.0/],
        [{ nameEn: 'X', source, themes: ['gardening'] }, /theme/],
        [{ nameEn: 'X', source, url: 'javascript:alert(1)' }, /url/],
        [{ source }, /nameEn/],
      ];
      for (const [body, field] of cases) {
        const res = await send('secretariat', 'POST', '/api/programmes', body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
        assert.match(((await res.json()) as any).detail, field, JSON.stringify(body));
      }
      const office = await send('secretariat', 'PUT', `/api/offices/${JAKARTA}`, { email: 'not an address', source });
      assert.equal(office.status, 400);
      assert.match(((await office.json()) as any).detail, /email/);
      assert.equal((await send('secretariat', 'PUT', '/api/offices/no-such-office', { city: 'X', source })).status, 404);
      assert.equal((await send('secretariat', 'PUT', '/api/programmes/no-such-programme', { nameEn: 'X', source })).status, 404);
    });

    test('a programme created, changed and reverted: history events, search, country profile and open data follow', async () => {
      // Read (and cache) what shows programmes first: the search index and Timor-Leste's profile.
      const hitsOf = (r: any) => r.groups.flatMap((g: any) => g.hits.map((h: any) => h.key));
      assert.ok(!hitsOf(await get('/api/search?q=koperasi%20kopi&lang=id&kind=programme')).includes('coffee-cooperatives-pilot'));
      assert.ok(!(await (await request('/en/countries/TLS')).text()).includes('Coffee cooperatives pilot'));

      const created = await send('secretariat', 'POST', '/api/programmes', {
        nameEn: 'Coffee cooperatives pilot',
        nameId: 'Rintisan koperasi kopi',
        aimEn: 'Keep children out of the coffee harvest.',
        countries: ['tls'],
        startYear: 2024,
        endYear: 2027,
        donors: ['A test donor'],
        instruments: ['c182'],
        themes: ['child-labour'],
        roles: ['trainer'],
        source,
      });
      assert.equal(created.status, 201, await created.clone().text());
      const c = (await created.json()) as any;
      assert.equal(c.record.id, 'coffee-cooperatives-pilot');
      assert.deepEqual(c.record.countries, ['TLS']);
      assert.deepEqual(c.record.instruments, ['C182']);
      assert.equal(c.event.action, 'create');
      assert.equal(c.event.recordType, 'programme');
      const one = await get('/api/programmes/coffee-cooperatives-pilot');
      assert.equal(one.status, 'ongoing');
      assert.equal(one.nameId, 'Rintisan koperasi kopi');

      const found = await get('/api/search?q=koperasi%20kopi&lang=id&kind=programme');
      assert.equal(found.groups[0]?.hits[0]?.key, 'coffee-cooperatives-pilot', JSON.stringify(found));
      assert.ok((await (await request('/en/countries/TLS')).text()).includes('Coffee cooperatives pilot'), 'the cached profile is renewed');
      assert.match(await (await request('/api/export/programmes.csv')).text(), /coffee-cooperatives-pilot/);

      // A second programme of the same name gets its own id.
      const twin = await send('admin', 'POST', '/api/programmes', { nameEn: 'Coffee cooperatives pilot', source });
      assert.equal(twin.status, 201, 'an administrator may write too');
      assert.equal(((await twin.json()) as any).record.id, 'coffee-cooperatives-pilot-2');
      const taken = await send('secretariat', 'POST', '/api/programmes', { id: 'east-indonesia', nameEn: 'EAST again', source });
      assert.equal(taken.status, 409);

      const changed = await send('secretariat', 'PUT', '/api/programmes/coffee-cooperatives-pilot', {
        nameEn: 'Coffee and cocoa cooperatives pilot',
        countries: ['TLS', 'IDN'],
        endYear: null,
        source: 'Test source: mid-term review',
        reason: 'scope widened',
      });
      assert.equal(changed.status, 200, await changed.clone().text());
      const ch = (await changed.json()) as any;
      assert.equal(ch.event.before.nameEn, 'Coffee cooperatives pilot');
      assert.equal(ch.event.after.nameEn, 'Coffee and cocoa cooperatives pilot');
      assert.equal(ch.record.endYear, null, 'null clears a fact');
      assert.equal(ch.record.startYear, 2024, 'a field left out keeps its value');
      assert.equal(ch.record.source, `${source} ; Test source: mid-term review`);
      const page = async (path: string) => (await request(path)).text();
      assert.ok((await page('/en/countries/TLS')).includes('Coffee and cocoa cooperatives pilot'), 'the renamed programme on the profile');
      const inIndonesia = await get('/api/programmes?country=IDN&pageSize=100');
      assert.ok(inIndonesia.items.some((p: any) => p.id === 'coffee-cooperatives-pilot'));
      const unchanged = await send('secretariat', 'PUT', '/api/programmes/coffee-cooperatives-pilot', { startYear: 2024, source });
      assert.equal(((await unchanged.json()) as any).event, null, 'no change, no event');

      const back = await revert(ch.event.id);
      assert.equal(back.status, 200, await back.clone().text());
      const reverted = await get('/api/programmes/coffee-cooperatives-pilot');
      assert.equal(reverted.nameEn, 'Coffee cooperatives pilot');
      assert.equal(reverted.endYear, 2027);
      assert.ok(!(await page('/en/countries/TLS')).includes('Coffee and cocoa cooperatives pilot'), 'the old name is back on the profile');
      const history = await get('/api/history?recordType=programme&record=coffee-cooperatives-pilot');
      assert.deepEqual(
        history.items.map((e: any) => e.action),
        ['revert', 'update', 'create'],
      );

      // Reverting the creation removes the programme.
      assert.equal((await revert(c.event.id)).status, 200);
      assert.equal((await request('/api/programmes/coffee-cooperatives-pilot')).status, 404);
      const left = hitsOf(await get('/api/search?q=Coffee%20cooperatives%20pilot&kind=programme'));
      assert.ok(left.includes('coffee-cooperatives-pilot-2') && !left.includes('coffee-cooperatives-pilot'), 'only the twin is found');
    });

    test('a seeded programme is corrected (every field) and the focal point may not revert it', async () => {
      const res = await send('secretariat', 'PUT', '/api/programmes/east-indonesia', {
        aimId: 'Pendidikan dan pelatihan untuk pekerjaan yang layak bagi kaum muda.',
        partners: ['A teachers union'],
        activities: ['Training of trainers'],
        outcomes: ['Schools reached'],
        area: null,
        durationYears: 4,
        closedPerSource: false,
        url: 'https://www.ilo.org/jakarta',
        confidence: 'high',
        notes: 'Checked against the project document.',
        roles: ['motivator', 'communicator'],
        themes: ['youth-employment', 'education'],
        source,
      });
      assert.equal(res.status, 200, await res.clone().text());
      const r = (await res.json()) as any;
      assert.equal(r.record.confidence, 'high');
      assert.deepEqual(r.record.partners, ['A teachers union']);
      const refused = await send('idn', 'POST', `/api/history/${r.event.id}/revert`, { reason: 'no' });
      assert.equal(refused.status, 403);
      assert.equal((await revert(r.event.id)).status, 200);
    });

    test("an office's contacts and States covered: changed, seen on the profile and in search, reverted", async () => {
      assert.ok(!(await (await request('/en/countries/PNG')).text()).includes('Jakarta'));
      const res = await send('secretariat', 'PUT', `/api/offices/${JAKARTA}`, {
        phone: '+62 21 391 3112',
        email: 'jakarta@ilo.org',
        covers: ['IDN', 'TLS', 'png'],
        source: 'Test source: office web page',
      });
      assert.equal(res.status, 200, await res.clone().text());
      const r = (await res.json()) as any;
      assert.deepEqual(r.record.covers, ['IDN', 'TLS', 'PNG']);
      assert.equal(r.event.recordType, 'ilo_office');
      assert.ok((await (await request('/en/countries/PNG')).text()).includes('Jakarta'), 'the cached profile shows the office at once');
      const offices = await get('/api/office/offices?country=PNG');
      assert.ok(offices.items.some((o: any) => o.id === JAKARTA));
      const search = await get('/api/search?q=PNG&kind=office');
      assert.ok(JSON.stringify(search).includes(JAKARTA), JSON.stringify(search));
      const bad = await send('secretariat', 'PUT', `/api/offices/${JAKARTA}`, { covers: ['XYZ'], source });
      assert.equal(bad.status, 400);
      assert.match(((await bad.json()) as any).detail, /covers\.0/);

      assert.equal((await revert(r.event.id)).status, 200);
      const after = (await get('/api/office/offices')).items.find((o: any) => o.id === JAKARTA);
      assert.deepEqual(after.covers, ['IDN', 'TLS']);
      assert.equal(after.email, null);
      assert.ok(!(await (await request('/en/countries/PNG')).text()).includes('Jakarta'), 'and drops it after the revert');
      const history = await get(`/api/history?recordType=ilo_office`);
      assert.deepEqual(
        history.items.map((e: any) => e.action),
        ['revert', 'update'],
      );
    });
  });
}
