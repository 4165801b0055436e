import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { asClient, type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const TODAY = '2026-12-03';
const source = 'GB.350/INS/1, ILO Governing Body, November 2023 (test)';

const session = {
  number: 350,
  startDate: '2024-03-14',
  endDate: '2024-03-28',
  place: 'Geneva',
  agenda: ['Approval of the minutes', 'Agenda of the Conference'],
  source,
};

for (const database of await allDatabases()) {
  describe(`Governing Body and Office on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const clients: Record<string, Client> = {};
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const send = (who: string | null, method: string, path: string, body: unknown) =>
      request(
        path,
        asClient(who ? (clients[who] ?? null) : null, { method, body: typeof body === 'string' ? body : JSON.stringify(body) }),
      );

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

    test('GET /api/governing-body: the sourced seats, the ten permanent seats, and unknown elected seats (not empty)', async () => {
      const res = await request('/api/governing-body');
      assert.equal(res.status, 200);
      const body = (await res.json()) as any;
      const seats = (group: string, type: string) => body.rules.seats.find((s: any) => s.group === group && s.memberType === type)?.seats;
      assert.deepEqual(
        [seats('government', 'titular'), seats('employers', 'titular'), seats('workers', 'titular'), seats('all', 'titular')],
        [28, 14, 14, 56],
      );
      assert.deepEqual([seats('government', 'deputy'), seats('employers', 'deputy'), seats('workers', 'deputy')], [28, 19, 19]);
      assert.deepEqual(body.rules.permanentSeats.map((p: any) => p.iso3).sort(), [
        'BRA',
        'CHN',
        'DEU',
        'FRA',
        'GBR',
        'IND',
        'ITA',
        'JPN',
        'RUS',
        'USA',
      ]);
      assert.ok(body.rules.permanentSeats.every((p: any) => p.source && p.confidence === 'medium'));
      assert.deepEqual(body.rules.issues, []);
      const period = body.periods.find((p: any) => p.id === '2021-2024');
      assert.ok(period, 'the period opened by the June 2021 election');
      assert.equal(period.composition.membership, 'partial');
      const gov = period.composition.cells.find((c: any) => c.group === 'government' && c.memberType === 'titular');
      assert.deepEqual([gov.seats, gov.permanent, gov.knownElected, gov.unknown], [28, 10, 0, 18]);
      assert.equal(period.composition.totals.titular.unknown, 46);
      assert.equal(period.composition.totals.deputy.unknown, 66);
      assert.equal(body.current, null, 'no recorded period covers 2026-12-03');
      assert.deepEqual(body.cyclePeriod, { id: '2024-2027', startDate: '2024-06', endDate: '2027-06', recorded: false });
      assert.equal((await request('/api/governing-body/periods/2021-2024')).status, 200);
      assert.equal((await request('/api/governing-body/periods/1990-1993')).status, 404);
      const bad = await request('/api/governing-body/periods/latest');
      assert.equal(bad.status, 400);
      assert.match(((await bad.json()) as any).detail, /id must be two years/);
    });

    test('the unknown compositions are in the data-gaps worklist', async () => {
      const body = (await (await request('/api/gaps?kind=governing-body-members')).json()) as any;
      assert.deepEqual(body.items.map((g: any) => g.record).sort(), ['2021-2024', '2024-2027']);
      assert.ok(body.items.every((g: any) => g.recordType === 'gb_period' && g.role === 'secretariat'));
    });

    test('GET /api/office: the Director-General unknown, offices with cities, filters by region and country', async () => {
      const office = (await (await request('/api/office')).json()) as any;
      assert.equal(office.directorGeneral, null);
      assert.equal(office.offices.length, 21);
      const jakarta = office.offices.find((o: any) => o.city === 'Jakarta');
      assert.deepEqual(jakarta.covers, ['IDN', 'TLS']);
      const arab = (await (await request('/api/office/offices?region=Arab%20States')).json()) as any;
      assert.ok(arab.items.length >= 4 && arab.items.every((o: any) => o.region === 'Arab States'));
      const idn = (await (await request('/api/office/offices?country=idn')).json()) as any;
      assert.deepEqual(
        idn.items.map((o: any) => o.city),
        ['Jakarta'],
      );
      const bad = await request('/api/office/offices?region=Mars');
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get('content-type') ?? '', /problem\+json/);
      assert.match(((await bad.json()) as any).detail, /region must be one of/);
      const covering = await services.organs.officesForCountry('IDN');
      assert.deepEqual(
        covering.map((c) => [c.office.city, c.basis]),
        [
          ['Jakarta', 'covers'],
          ['Bangkok', 'region'],
        ],
      );
    });

    test('writes: anonymous 401 before validation, focal points 403 (no role of their own here), secretariat records', async () => {
      for (const [method, path] of [
        ['POST', '/api/governing-body/sessions'],
        ['PUT', '/api/governing-body/sessions/350'],
        ['PUT', '/api/governing-body/periods/2024-2027'],
      ] as const) {
        const anonymous = await send(null, method, path, '{not json');
        assert.equal(anonymous.status, 401, `anonymous ${method} ${path}`);
        for (const who of ['mys', 'idn']) {
          const refused = await send(who, method, path, { nonsense: true });
          assert.equal(refused.status, 403, `${who} ${method} ${path}`);
          assert.match(((await refused.json()) as any).detail, /secretariat/);
        }
      }
      const missing = await send('secretariat', 'POST', '/api/governing-body/sessions', { number: 350 });
      assert.equal(missing.status, 400);
      assert.match(((await missing.json()) as any).detail, /source is required/);
      const backwards = await send('secretariat', 'POST', '/api/governing-body/sessions', { ...session, endDate: '2024-03-01' });
      assert.equal(backwards.status, 400);
      assert.equal(((await backwards.json()) as any).errors[0].field, 'endDate');

      const created = await send('secretariat', 'POST', '/api/governing-body/sessions', session);
      assert.equal(created.status, 201, await created.clone().text());
      assert.equal(((await created.json()) as any).event.action, 'create');
      const again = await send('secretariat', 'POST', '/api/governing-body/sessions', session);
      assert.equal(again.status, 409);
      const read = (await (await request('/api/governing-body/sessions/350')).json()) as any;
      assert.deepEqual(read.agenda, session.agenda);
      const list = (await (await request('/api/governing-body/sessions')).json()) as any;
      assert.deepEqual(
        list.items.map((s: any) => s.number),
        [350],
      );
      const odd = await send('secretariat', 'PUT', '/api/governing-body/sessions/351', { startDate: '2024-08-01', source });
      assert.equal(odd.status, 200);
      assert.equal(((await odd.json()) as any).warnings[0].rule, 'session-month');
    });

    test('a period with its members: checked against Art 7, recorded, and reverted from the history', async () => {
      const twice = await send('secretariat', 'PUT', '/api/governing-body/periods/2024-2027', {
        startDate: '2024-06',
        members: [
          { holderIso3: 'IDN', group: 'government', memberType: 'titular', seat: 'elected' },
          { holderIso3: 'IDN', group: 'government', memberType: 'deputy', seat: 'elected' },
        ],
        source,
      });
      assert.equal(twice.status, 400);
      assert.match(((await twice.json()) as any).detail, /IDN holds 2 government seats/);
      const notPermanent = await send('secretariat', 'PUT', '/api/governing-body/periods/2024-2027', {
        members: [{ holderIso3: 'IDN', group: 'government', memberType: 'titular', seat: 'permanent' }],
        source,
      });
      assert.equal(notPermanent.status, 400);
      assert.equal(((await notPermanent.json()) as any).errors[0].field, 'members[0].holderIso3');
      const noState = await send('secretariat', 'PUT', '/api/governing-body/periods/2024-2027', {
        members: [{ holderIso3: 'XXX', group: 'government', memberType: 'titular', seat: 'elected' }],
        source,
      });
      assert.equal(noState.status, 400);

      const saved = await send('secretariat', 'PUT', '/api/governing-body/periods/2024-2027', {
        startDate: '2024-06',
        endDate: '2027-06',
        members: [
          { holderIso3: 'BRA', group: 'government', memberType: 'titular', seat: 'permanent' },
          { holderIso3: 'IDN', group: 'government', memberType: 'titular', seat: 'elected' },
        ],
        source,
      });
      assert.equal(saved.status, 200, await saved.clone().text());
      const event = ((await saved.json()) as any).event;
      assert.equal(event.recordType, 'gb_period');
      const period = (await (await request('/api/governing-body/periods/2024-2027')).json()) as any;
      const gov = period.composition.cells.find((c: any) => c.group === 'government' && c.memberType === 'titular');
      assert.deepEqual([gov.permanent, gov.knownElected, gov.unknown], [1, 1, 26]);
      const overview = (await (await request('/api/governing-body')).json()) as any;
      assert.equal(overview.current.id, '2024-2027', 'the recorded period now covers the reference date');

      const history = (await (await request('/api/history?record=2024-2027', asClient(clients.secretariat ?? null))).json()) as any;
      assert.ok(history.items.some((e: any) => e.id === event.id && e.recordType === 'gb_period' && e.source === source));
      const refused = await send('idn', 'POST', `/api/history/${event.id}/revert`, {});
      assert.equal(refused.status, 403);
      const revert = await send('secretariat', 'POST', `/api/history/${event.id}/revert`, { reason: 'test' });
      assert.equal(revert.status, 200, await revert.clone().text());
      assert.equal((await request('/api/governing-body/periods/2024-2027')).status, 404, 'reverting the creation removes the period');
      const gaps = (await (await request('/api/gaps?kind=governing-body-members')).json()) as any;
      assert.ok(
        gaps.items.some((g: any) => g.record === '2024-2027'),
        'the gap is back after the revert',
      );
    });

    test('portal form: the secretariat records a session without JavaScript; others are sent to sign in or refused', async () => {
      const form = (who: string | null, fields: Record<string, string>) => {
        const client = who ? clients[who] : null;
        return request('/id/governing-body/sessions/new', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...(client ? { cookie: client.cookie } : {}) },
          body: new URLSearchParams(client ? { ...fields, _csrf: client.csrf } : fields),
        });
      };
      const anonymous = await request('/en/governing-body/sessions/new');
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.headers.get('location') ?? '', /^\/en\/login\?next=/);
      assert.equal((await form(null, { number: '352' })).status, 303);
      assert.equal((await form('idn', { number: '352', source })).status, 403);
      const page = await request('/en/governing-body/sessions/new', asClient(clients.secretariat ?? null));
      assert.equal(page.status, 200);
      const bad = await form('secretariat', { number: 'x', startDate: '2025-13-01', source: '' });
      assert.equal(bad.status, 400);
      const badText = await bad.text();
      assert.match(badText, /class="error-summary"/);
      assert.match(badText, /href="#gbs-number"[\s\S]*href="#gbs-start"/);
      const saved = await form('secretariat', {
        number: '352',
        startDate: '2024-11-04',
        endDate: '2024-11-14',
        agenda: 'Item one\r\nItem two\r\n',
        source,
      });
      assert.equal(saved.status, 303, await saved.clone().text());
      assert.equal(saved.headers.get('location'), '/id/governing-body/sessions/352?saved=1');
      assert.deepEqual(((await (await request('/api/governing-body/sessions/352')).json()) as any).agenda, ['Item one', 'Item two']);
      assert.equal((await form('secretariat', { number: '352', source })).status, 409);
      const history = await request('/en/history?record=352');
      assert.equal(history.status, 200);
      assert.match(await history.text(), /Governing Body session/);
    });

    test('portal pages answer in en and id', async () => {
      for (const lang of ['en', 'id']) {
        const gb = await request(`/${lang}/governing-body`);
        assert.equal(gb.status, 200);
        const text = await gb.text();
        assert.match(text, /href="\/(en|id)\/countries\/BRA"/);
        assert.match(text, /gaps\?kind=governing-body-members/);
        assert.equal((await request(`/${lang}/governing-body/sessions/350`)).status, 200);
        assert.equal((await request(`/${lang}/governing-body/sessions/9998`)).status, 404);
        const office = await request(`/${lang}/office`);
        assert.equal(office.status, 200);
        assert.match(await office.text(), /Jakarta/);
        const idn = await (await request(`/${lang}/countries/IDN`)).text();
        assert.match(idn, /id="offices-heading"/);
      }
    });
  });
}
