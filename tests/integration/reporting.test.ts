import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ical from 'node-ical';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { type CountryReports, ReportingService } from '../../src/services/reporting-service.ts';
import { KyselyHistoryRepository } from '../../src/storage/history-repository.ts';
import { KyselyReportingRepository } from '../../src/storage/reporting-repository.ts';
import { asClient, type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const TODAY = '2026-12-03';
const SOURCE = 'Reporting test: GB.316/INS/5 (test citation)';

const RULE_SET = { category: 'fundamental', cycleYears: 3, sinceYear: 2012, untilYear: null, source: SOURCE };
const GROUP = { ruleSetId: 'fundamental-2012', label: 'G–N', firstLetter: 'G', lastLetter: 'N', baseYear: 2027, source: SOURCE };
const SENT = {
  instrument: 'C182',
  year: 2002,
  kind: 'first',
  dateSent: '2002-08-20',
  link: 'https://example.org/idn-c182-2002.pdf',
  source: SOURCE,
};
const ORGS = { employers: ['APINDO'], workers: ['KSPSI', 'KSBSI'], source: SOURCE };

interface Route {
  name: string;
  method: string;
  path: string;
  body: unknown;
  /** Whether the IDN focal point may (the secretariat and admin may all). */
  idn: boolean;
}

const ROUTES: Route[] = [
  { name: 'rule set', method: 'PUT', path: '/api/reporting/rule-sets/fundamental-2012', body: RULE_SET, idn: false },
  { name: 'group year', method: 'POST', path: '/api/reporting/group-years', body: GROUP, idn: false },
  { name: 'IDN report sent', method: 'POST', path: '/api/countries/IDN/reports/sent', body: SENT, idn: true },
  {
    name: 'MYS report sent',
    method: 'POST',
    path: '/api/countries/MYS/reports/sent',
    body: { ...SENT, instrument: 'C138', year: 2000 },
    idn: false,
  },
  { name: 'IDN organisations', method: 'PUT', path: '/api/countries/IDN/representative-organisations', body: ORGS, idn: true },
  { name: 'MYS organisations', method: 'PUT', path: '/api/countries/MYS/representative-organisations', body: ORGS, idn: false },
];

for (const database of await allDatabases()) {
  describe(`reporting calendar on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const clients: Record<string, Client> = {};
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const reports = async (query = ''): Promise<CountryReports> => {
      const res = await request(`/api/countries/IDN/reports${query}`);
      assert.equal(res.status, 200, await res.clone().text());
      return (await res.json()) as CountryReports;
    };
    const send = (who: string | null, method: string, path: string, body: unknown) =>
      request(path, asClient(who ? (clients[who] ?? null) : null, { method, body: JSON.stringify(body) }));

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW, today: () => TODAY });
      await services.accounts.createUser({ email: 'admin@example.org', password: PASSWORD, role: 'admin' }, NOW);
      await services.accounts.createUser({ email: 'sec@example.org', password: PASSWORD, role: 'secretariat' }, NOW);
      await services.accounts.createUser({ email: 'idn@example.org', password: PASSWORD, role: 'focal_point', countries: ['IDN'] }, NOW);
      await services.accounts.createUser({ email: 'reader@example.org', password: PASSWORD, role: 'reader' }, NOW);
      for (const [who, email] of [
        ['admin', 'admin@example.org'],
        ['secretariat', 'sec@example.org'],
        ['idn', 'idn@example.org'],
        ['reader', 'reader@example.org'],
      ] as const)
        clients[who] = await signIn(request, email);
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test("Indonesia's calendar lists its C138 and C182 first reports from entry into force, regular reports unknown", async () => {
      const data = await reports();
      const first = data.reports.filter((r) => r.kind === 'first');
      const c138 = first.find((r) => r.instrument === 'C138');
      const c182 = first.find((r) => r.instrument === 'C182');
      // C138 registered 1999 (in force 12 months later, Art 12(3)); C182 on 2000-03-28 (Art 10(3)).
      // Nobody has said Indonesia's receipts are recorded here completely: a missing one proves nothing (decision 095).
      assert.deepEqual([c138?.year, c138?.dueDate, c138?.status], [2001, '2001-09-01', 'not_recorded']);
      assert.deepEqual([c182?.year, c182?.dueDate], [2002, '2002-09-01']);
      assert.ok(c138?.legalBasis.includes('Constitution Art 22'));
      for (const code of ['C138', 'C182']) {
        const regular = data.reports.filter((r) => r.instrument === code && r.kind === 'regular');
        assert.deepEqual(
          regular.map((r) => [r.status, r.missing?.datum]),
          [['unknown', 'rule_set']],
          code,
        );
      }
      assert.equal((await request('/api/countries/XXX/reports')).status, 404);
      assert.equal((await request('/api/countries/IDN/reports?year=abc')).status, 400);
    });

    test('once the focal point states the receipts are complete from a date, a missing receipt due after it is overdue; in the history and revertable', async () => {
      const first = async () => (await reports()).reports.find((r) => r.instrument === 'C138' && r.kind === 'first');
      const path = '/api/countries/IDN/reports/receipts-complete';
      const body = { since: '2000-01-01', source: 'Test: the ministry’s register of reports sent since 2000' };
      assert.equal((await send(null, 'PUT', path, body)).status, 401);
      assert.equal((await send('reader', 'PUT', path, body)).status, 403);
      assert.equal((await send('idn', 'PUT', '/api/countries/MYS/reports/receipts-complete', body)).status, 403);
      const bad = await send('idn', 'PUT', path, { ...body, since: '2000-13-01' });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /since/);
      const set = await send('idn', 'PUT', path, body);
      assert.equal(set.status, 200, await set.clone().text());
      const eventId = ((await set.json()) as { event: { id: number } }).event.id;
      assert.equal((await first())?.status, 'overdue');
      assert.deepEqual((await reports()).receiptsComplete, { country: 'IDN', since: '2000-01-01', source: body.source });
      const history = (await (await request('/api/history?recordType=report_receipts_complete')).json()) as { items: { id: number }[] };
      assert.equal(history.items[0]?.id, eventId);
      // Reverted: back to "not recorded"; then stated again for the tests below.
      const reverted = await send('secretariat', 'POST', `/api/history/${eventId}/revert`, { reason: 'test' });
      assert.equal(reverted.status, 200, await reverted.clone().text());
      assert.equal((await first())?.status, 'not_recorded');
      assert.equal((await send('secretariat', 'PUT', path, body)).status, 200);
      assert.equal((await first())?.status, 'overdue');
    });

    test('role checks on every write route: anonymous 401 before validation, reader 403, focal point own State only', async () => {
      for (const route of ROUTES) {
        const anonymous = await request(route.path, {
          method: route.method,
          headers: { 'content-type': 'application/json' },
          body: '{"bad":',
        });
        assert.equal(anonymous.status, 401, `anonymous ${route.name}`);
        const reader = await send('reader', route.method, route.path, { nonsense: true });
        assert.equal(reader.status, 403, `reader ${route.name}: ${await reader.text()}`);
        const idnInvalid = await send('idn', route.method, route.path, { nonsense: true });
        assert.equal(idnInvalid.status, route.idn ? 400 : 403, `idn ${route.name} invalid body`);
        if (route.idn) {
          const problem = (await idnInvalid.json()) as { errors?: { field: string }[] };
          assert.ok(
            problem.errors?.some((e) => e.field === 'source'),
            `400 names the field: ${JSON.stringify(problem)}`,
          );
        }
      }
      for (const route of ROUTES) {
        for (const who of route.idn ? ['idn', 'secretariat', 'admin'] : ['secretariat', 'admin']) {
          const res = await send(who, route.method, route.path, route.body);
          assert.equal(res.status, 200, `${who} ${route.name}: ${await res.text()}`);
        }
      }
    });

    test("entering a group's base year changes the calendar at once, is in the history and is revertable", async () => {
      // The rule set and G–N's year were entered by the role test above: Indonesia (I) is in G–N.
      const withGroup = await reports();
      const regular = withGroup.reports.filter((r) => r.instrument === 'C138' && r.kind === 'regular');
      assert.deepEqual(
        regular.map((r) => r.year),
        [2012, 2015, 2018, 2021, 2024, 2027],
      );
      assert.equal(regular.at(-1)?.group?.label, 'G–N');
      assert.equal(regular.at(-1)?.status, 'not_yet_due');
      const history = await request('/api/history?recordType=reporting_group_year');
      const events = (await history.json()) as { items: { id: number; recordKey: string; after: { baseYear: number } }[] };
      assert.equal(events.items[0]?.recordKey, 'fundamental-2012/G–N/*');
      assert.equal(events.items[0]?.after.baseYear, 2027);

      // Change it: the calendar follows at once.
      const moved = await send('secretariat', 'POST', '/api/reporting/group-years', { ...GROUP, baseYear: 2026 });
      assert.equal(moved.status, 200);
      const movedEvent = ((await moved.json()) as { event: { id: number } }).event.id;
      const after = (await reports('?year=2026')).reports.filter((r) => r.instrument === 'C138' && r.kind === 'regular');
      assert.deepEqual(
        after.map((r) => [r.year, r.status]),
        [[2026, 'overdue']],
      );
      // Revert the change: back to 2027.
      const reverted = await send('secretariat', 'POST', `/api/history/${movedEvent}/revert`, { reason: 'test' });
      assert.equal(reverted.status, 200, await reverted.clone().text());
      const back = (await reports('?year=2027')).reports.filter((r) => r.instrument === 'C138' && r.kind === 'regular');
      assert.equal(back.length, 1);
    });

    test('marking a report sent shows it received with its link, and organisations are listed on each report', async () => {
      const data = await reports();
      const c182 = data.reports.find((r) => r.instrument === 'C182' && r.kind === 'first');
      assert.equal(c182?.status, 'received');
      assert.deepEqual(c182?.received, { dateSent: '2002-08-20', link: SENT.link, source: SOURCE });
      assert.deepEqual(c182?.copiesTo?.workers, ['KSPSI', 'KSBSI']);
      assert.equal(c182?.copiesTo?.basis, 'Constitution Art 23(2)');
      const noRatification = await send('idn', 'POST', '/api/countries/IDN/reports/sent', { ...SENT, instrument: 'C001' });
      assert.equal(noRatification.status, 404);
      const future = await send('idn', 'POST', '/api/countries/IDN/reports/sent', { ...SENT, dateSent: '2027-01-01' });
      assert.equal(future.status, 400);
      assert.match(await future.text(), /dateSent/);
      // A focal point may revert a change to their own State's receipt.
      const events = (await (await request('/api/history?recordType=report_received')).json()) as { items: { id: number }[] };
      assert.ok(events.items.length >= 1);
    });

    test('comments asking for a reply, from a ReplyRequestSource, bring a request the next year (merged into a scheduled report)', async () => {
      const { db, dialect } = services.handle;
      const withComments = new ReportingService(
        services.registry,
        new KyselyReportingRepository(db),
        new KyselyHistoryRepository(db, dialect),
        {
          replyRequests: async (iso3) => (iso3 === 'IDN' ? [{ instrument: 'C182', year: 2026, commentId: 'CEACR-TEST-1' }] : []),
          replyRequestsByCountry: async () => new Map([['IDN', [{ instrument: 'C182', year: 2026, commentId: 'CEACR-TEST-1' }]]]),
        },
      );
      const data = await withComments.reportsFor('IDN', { year: 2027 }, TODAY);
      // G–N reports in 2027 (entered above): the request is merged into that regular report.
      const request = data.reports.filter((r) => r.instrument === 'C182' && r.year === 2027);
      assert.deepEqual(
        request.map((r) => r.kind),
        ['regular'],
      );
      assert.deepEqual(request[0]?.reasons, [{ kind: 'reply', year: 2026, commentId: 'CEACR-TEST-1' }]);
      assert.ok(request[0]?.legalBasis.some((c) => c.includes('CEACR-TEST-1')));
      const without = await services.reporting.reportsFor('IDN', { year: 2027 }, TODAY);
      assert.deepEqual(without.reports.find((r) => r.instrument === 'C182' && r.year === 2027)?.reasons, []);
    });

    test('overdue counts by region and by instrument', async () => {
      const byRegion = (await (await request('/api/reports/overdue?by=region')).json()) as {
        rows: { key: string; overdue: number }[];
        total: number;
      };
      assert.ok(byRegion.total > 0);
      assert.ok(byRegion.rows.some((r) => r.key === 'Asia and the Pacific' && r.overdue > 0));
      const byInstrument = (await (await request('/api/reports/overdue?by=instrument')).json()) as {
        rows: { key: string; overdue: number }[];
      };
      assert.ok(byInstrument.rows.some((r) => r.key === 'C138' && r.overdue > 0));
      assert.equal((await request('/api/reports/overdue?by=planet')).status, 400);
    });

    test('the .ics feed parses, has CRLF line endings, stable UIDs across requests and edits, and the legal basis in each event', async () => {
      const fetchIcs = async () => {
        const res = await request('/api/countries/IDN/reports.ics');
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /^text\/calendar/);
        return res.text();
      };
      const first = await fetchIcs();
      assert.ok(first.includes('\r\n'));
      assert.ok(!/[^\r]\n/.test(first), 'every line ends with CRLF');
      const events = (text: string) =>
        Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => (c as { type?: string }).type === 'VEVENT');
      const parsed = events(first);
      assert.ok(parsed.length >= 4);
      const uids = parsed.map((e) => e.uid).sort();
      assert.ok(uids.includes('idn-c138-first-2001@reports.tripartite'));
      for (const e of parsed) {
        assert.match(String(e.description), /Legal basis: Constitution Art 22/);
        assert.match(String(e.summary), /C1(38|82)/);
        assert.equal(e.datetype, 'date', 'all-day event');
      }
      const c138 = parsed.find((e) => e.uid === 'idn-c138-first-2001@reports.tripartite');
      assert.equal(c138?.start.toISOString().slice(0, 10), '2001-09-01');
      assert.deepEqual(
        events(await fetchIcs())
          .map((e) => e.uid)
          .sort(),
        uids,
      );
      // After an edit (organisations change the description), the UIDs stay.
      const edit = await send('idn', 'PUT', '/api/countries/IDN/representative-organisations', { ...ORGS, workers: ['KSPSI'] });
      assert.equal(edit.status, 200);
      const edited = events(await fetchIcs());
      assert.deepEqual(edited.map((e) => e.uid).sort(), uids);
      assert.match(String(edited[0]?.description), /workers KSPSI/);
    });
  });
}
