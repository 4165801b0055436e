import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { asClient, type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const source = 'Test source: ILC Provisional Record (test fixture)';

const IDN_DELEGATION = {
  delegates: [
    { name: 'Government Delegate One', group: 'government', role: 'delegate' },
    { name: 'Government Delegate Two', group: 'government', role: 'delegate' },
    { name: 'Employers Delegate', group: 'employers', role: 'delegate' },
    { name: 'Workers Delegate', group: 'workers', role: 'delegate' },
    { name: 'Adviser', group: 'workers', role: 'adviser' },
  ],
  source,
};

for (const database of await allDatabases()) {
  describe(`the Conference on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const clients: Record<string, Client> = {};
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const send = async (who: string | null, method: string, path: string, body: unknown) => {
      const res = await request(path, asClient(who ? (clients[who] ?? null) : null, { method, body: JSON.stringify(body) }));
      return { status: res.status, body: (await res.json()) as any, type: res.headers.get('content-type') ?? '' };
    };
    const revert = (who: string, id: number) => send(who, 'POST', `/api/history/${id}/revert`, { reason: 'test revert' });

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW });
      await services.accounts.createUser({ email: 'sec@example.org', password: PASSWORD, role: 'secretariat' }, NOW);
      await services.accounts.createUser({ email: 'idn@example.org', password: PASSWORD, role: 'focal_point', countries: ['IDN'] }, NOW);
      await services.accounts.createUser({ email: 'reader@example.org', password: PASSWORD, role: 'focal_point', countries: ['THA'] }, NOW);
      clients.secretariat = await signIn(request, 'sec@example.org');
      clients.idn = await signIn(request, 'idn@example.org');
      clients.reader = await signIn(request, 'reader@example.org');
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('sessions list their dates, unknown ones as null, and the instruments adopted from the registry', async () => {
      const list = await send(null, 'GET', '/api/conference/sessions', undefined);
      assert.equal(list.status, 200);
      const s108 = list.body.items.find((s: any) => s.number === 108);
      assert.equal(s108.year, 2019);
      assert.deepEqual(
        s108.adopted.map((i: any) => i.code),
        ['C190'],
      );
      const s2 = list.body.items.find((s: any) => s.number === 2);
      assert.equal(s2.openingDate, null);
      const missing = await send(null, 'GET', '/api/conference/sessions/998', undefined);
      assert.equal(missing.status, 404);
      assert.match(missing.type, /problem\+json/);
    });

    test('the secretariat edits a session and its agenda through the history; a focal point may not', async () => {
      const refused = await send('idn', 'PUT', '/api/conference/sessions/113', { place: 'Elsewhere', source });
      assert.equal(refused.status, 403);
      const bad = await send('secretariat', 'PUT', '/api/conference/sessions/113', { closingDate: '2025-02-30', source });
      assert.equal(bad.status, 400);
      assert.ok(
        bad.body.errors.some((e: any) => e.field === 'closingDate'),
        JSON.stringify(bad.body),
      );
      const saved = await send('secretariat', 'PUT', '/api/conference/sessions/113', {
        agenda: [
          { text: 'Reports of the Chairperson and of the Director-General' },
          { text: 'Test standard-setting item', instrument: 'c199' },
        ],
        source,
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.record.agenda[1].instrument, 'C199');
      const detail = await send(null, 'GET', '/api/conference/sessions/113', undefined);
      assert.equal(detail.body.session.agenda.length, 2);
      const undone = await revert('secretariat', saved.body.event.id);
      assert.equal(undone.status, 200, JSON.stringify(undone.body));
      assert.equal((await send(null, 'GET', '/api/conference/sessions/113', undefined)).body.session.agenda.length, 0);
      const redo = await send('secretariat', 'PUT', '/api/conference/sessions/113', saved.body.record);
      assert.equal(redo.status, 200);
    });

    test('a session edit reaches the cached pages of the instruments it adopted (decision 106)', async () => {
      assert.equal((await send(null, 'GET', '/api/instruments/C190', undefined)).body.session.place, 'Geneva');
      const moved = await send('secretariat', 'PUT', '/api/conference/sessions/108', { place: 'Geneva (Palais des Nations)', source });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.equal((await send(null, 'GET', '/api/instruments/C190', undefined)).body.session.place, 'Geneva (Palais des Nations)');
      assert.equal((await revert('secretariat', moved.body.event.id)).status, 200);
      assert.equal((await send(null, 'GET', '/api/instruments/C190', undefined)).body.session.place, 'Geneva');
    });

    test('delegations: anonymous 401 before validation, signed in without the right 403, focal point own State only, secretariat all', async () => {
      const anonymous = await request('/api/conference/sessions/113/delegations/IDN', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{not json',
      });
      assert.equal(anonymous.status, 401);
      assert.equal((await send('reader', 'PUT', '/api/conference/sessions/113/delegations/IDN', IDN_DELEGATION)).status, 403);
      assert.equal((await send('idn', 'PUT', '/api/conference/sessions/113/delegations/MYS', { delegates: 'x' })).status, 403);
      const own = await send('idn', 'PUT', '/api/conference/sessions/113/delegations/IDN', IDN_DELEGATION);
      assert.equal(own.status, 200, JSON.stringify(own.body));
      assert.deepEqual(
        own.body.record.delegates.map((d: any) => d.id),
        ['IDN-1', 'IDN-2', 'IDN-3', 'IDN-4', 'IDN-5'],
      );
      const three = await send('idn', 'PUT', '/api/conference/sessions/113/delegations/IDN', {
        delegates: [...IDN_DELEGATION.delegates, { name: 'A third', group: 'government', role: 'delegate' }],
        source,
      });
      assert.equal(three.status, 400);
      assert.match(three.body.detail, /Art 3\(1\)/);
      const mys = await send('secretariat', 'PUT', '/api/conference/sessions/113/delegations/MYS', {
        delegates: [
          { name: 'MYS Government', group: 'government', role: 'delegate' },
          { name: 'MYS Employers', group: 'employers', role: 'delegate' },
        ],
        inArrears: true,
        source,
      });
      assert.equal(mys.status, 200, JSON.stringify(mys.body));
      const list = await send(null, 'GET', '/api/conference/sessions/113/delegations', undefined);
      const summary = list.body.items.find((d: any) => d.country === 'MYS').summary;
      assert.equal(summary.noCounterpart, 'employers');
      assert.equal(summary.noVote, true);
      // A delegation's revert is allowed to its focal point and is in the history.
      const temp = await send('idn', 'PUT', '/api/conference/sessions/113/delegations/IDN', {
        delegates: own.body.record.delegates.map((d: any) => (d.id === 'IDN-5' ? { ...d, credentials: 'objected' } : d)),
        source,
      });
      assert.equal(temp.status, 200);
      const undone = await revert('idn', temp.body.event.id);
      assert.equal(undone.status, 200, JSON.stringify(undone.body));
      const idn = await send(null, 'GET', '/api/conference/sessions/113/delegations/IDN', undefined);
      assert.equal(idn.body.delegates[4].credentials, 'accepted');
      const history = await send(null, 'GET', '/api/history?recordType=ilc_delegation&record=113/IDN', undefined);
      assert.deepEqual(
        history.body.items.map((e: any) => e.action),
        ['revert', 'update', 'create'],
      );
    });

    test('a counts-only vote is stored with its source and its result computed when read', async () => {
      assert.equal((await send('idn', 'POST', '/api/conference/sessions/113/votes', { kind: 'ordinary' })).status, 403);
      const tooMany = await send('secretariat', 'POST', '/api/conference/sessions/113/votes', {
        kind: 'ordinary',
        date: '2025-06-10',
        for: 10,
        against: 5,
        abstain: 1,
        delegatesAttending: 12,
        source,
      });
      assert.equal(tooMany.status, 400);
      assert.ok(tooMany.body.errors.some((e: any) => e.field === 'delegatesAttending'));
      const huge = await send('secretariat', 'POST', '/api/conference/sessions/113/votes', {
        kind: 'ordinary',
        date: '2025-06-10',
        for: 1,
        against: 0,
        abstain: 0,
        delegatesAttending: 3_000_000_000,
        source,
      });
      assert.equal(huge.status, 400);
      assert.ok(huge.body.errors.some((e: any) => e.field === 'delegatesAttending'));
      const vote = await send('secretariat', 'POST', '/api/conference/sessions/113/votes', {
        kind: 'ordinary',
        date: '2025-06-10',
        for: 300,
        against: 100,
        abstain: 20,
        delegatesAttending: 450,
        source,
      });
      assert.equal(vote.status, 201, JSON.stringify(vote.body));
      assert.equal(vote.body.vote.key, '113/1');
      assert.equal(vote.body.vote.result.outcome, 'adopted');
      assert.equal(vote.body.vote.result.votesCast, 400);
      assert.equal(vote.body.vote.result.required, 201);
      const read = await send(null, 'GET', '/api/conference/sessions/113/votes?lang=id', undefined);
      assert.equal(read.body.items[0].result.margin, 99);
      assert.match(read.body.items[0].explanation.join(' '), /Pasal 17/);
      const undone = await revert('secretariat', vote.body.event.id);
      assert.equal(undone.status, 200, JSON.stringify(undone.body));
      assert.equal((await send(null, 'GET', '/api/conference/sessions/113/votes', undefined)).body.items.length, 0);
      // A removed vote's number is not given to the next one: each key names one vote in the history.
      const next = await send('secretariat', 'POST', '/api/conference/sessions/113/votes', {
        kind: 'ordinary',
        date: '2025-06-10',
        for: 3,
        against: 1,
        abstain: 0,
        delegatesAttending: 4,
        source,
      });
      assert.equal(next.body.vote.key, '113/2');
      assert.equal((await revert('secretariat', next.body.event.id)).status, 200);
    });

    test('a record vote: split by group, the delegate without a counterpart and the State in arrears excluded', async () => {
      const vote = await send('secretariat', 'POST', '/api/conference/sessions/113/votes', {
        kind: 'ordinary',
        date: '2025-06-11',
        delegatesAttending: 6,
        ballots: [
          { delegateId: 'IDN-1', vote: 'for' },
          { delegateId: 'IDN-2', vote: 'for' },
          { delegateId: 'IDN-3', vote: 'against' },
          { delegateId: 'IDN-4', vote: 'for' },
          { delegateId: 'MYS-1', vote: 'against' },
          { delegateId: 'MYS-2', vote: 'against' },
        ],
        source,
      });
      assert.equal(vote.status, 201, JSON.stringify(vote.body));
      const result = vote.body.vote.result;
      assert.deepEqual(result.byGroup.government, { for: 2, against: 0, abstain: 0 });
      assert.equal(result.excluded.length, 2);
      assert.ok(result.excluded.every((e: any) => e.country === 'MYS' && /13\(4\)/.test(e.article)));
      const adviser = await send('secretariat', 'POST', '/api/conference/sessions/113/votes', {
        kind: 'ordinary',
        date: '2025-06-11',
        delegatesAttending: 6,
        ballots: [{ delegateId: 'IDN-5', vote: 'for' }],
        source,
      });
      assert.equal(adviser.status, 400);
      assert.match(adviser.body.detail, /Art 3\(6\)/);
      // A delegate who voted cannot silently leave the delegation.
      const removal = await send('idn', 'PUT', '/api/conference/sessions/113/delegations/IDN', {
        delegates: IDN_DELEGATION.delegates.slice(1),
        source,
      });
      assert.equal(removal.status, 409);
      assert.equal((await revert('secretariat', vote.body.event.id)).status, 200);
    });

    test('the final vote that adopts creates the instrument with its session and date in one transaction; revert works', async () => {
      const missingTitle = await send('secretariat', 'POST', '/api/conference/sessions/113/votes', {
        kind: 'instrument',
        agendaItem: 2,
        date: '2025-06-13',
        for: 400,
        against: 20,
        abstain: 30,
        delegatesAttending: 480,
        source,
      });
      assert.equal(missingTitle.status, 400);
      assert.ok(missingTitle.body.errors.some((e: any) => e.field === 'instrument.titleEn'));
      assert.equal((await send(null, 'GET', '/api/instruments/C199', undefined)).status, 404);
      assert.equal((await send(null, 'GET', '/api/conference/sessions/113/votes', undefined)).body.items.length, 0);

      const vote = await send('secretariat', 'POST', '/api/conference/sessions/113/votes', {
        kind: 'instrument',
        agendaItem: 2,
        date: '2025-06-13',
        for: 400,
        against: 20,
        abstain: 30,
        delegatesAttending: 480,
        instrument: { code: 'C199', titleEn: 'Test Adoption Convention, 2025', type: 'convention' },
        source,
      });
      assert.equal(vote.status, 201, JSON.stringify(vote.body));
      assert.equal(vote.body.vote.result.outcome, 'adopted');
      assert.deepEqual(vote.body.vote.result.citations.includes('Constitution Art 19(2)'), true);
      assert.equal(vote.body.instrument.event.action, 'create');
      const instrument = await send(null, 'GET', '/api/instruments/C199', undefined);
      assert.equal(instrument.status, 200);
      assert.equal(instrument.body.instrument.ilcSession, 113);
      assert.equal(instrument.body.instrument.adoptionDate, '2025-06-13');
      const detail = await send(null, 'GET', '/api/conference/sessions/113', undefined);
      assert.deepEqual(
        detail.body.adopted.map((i: any) => i.code),
        ['C199'],
      );

      // A rejected final vote changes nothing in the registry (2 for, 2 against: Art 19(2)).
      const rejected = await send('secretariat', 'POST', '/api/conference/sessions/113/votes', {
        kind: 'instrument',
        date: '2025-06-13',
        for: 2,
        against: 2,
        abstain: 0,
        delegatesAttending: 4,
        instrument: { code: 'R299', titleEn: 'Test Recommendation', type: 'recommendation' },
        source,
      });
      assert.equal(rejected.status, 201);
      assert.equal(rejected.body.vote.result.outcome, 'rejected');
      assert.equal(rejected.body.instrument, null);
      assert.equal((await send(null, 'GET', '/api/instruments/R299', undefined)).status, 404);

      // An existing instrument gets its session and adoption date (an instrument update event).
      const existing = await send('secretariat', 'POST', '/api/conference/sessions/108/votes', {
        kind: 'instrument',
        date: '2019-06-20',
        for: 439,
        against: 7,
        abstain: 30,
        delegatesAttending: 476,
        instrument: { code: 'C190' },
        source,
      });
      assert.equal(existing.status, 201, JSON.stringify(existing.body));
      assert.equal(existing.body.instrument.event.action, 'update');
      assert.equal((await send(null, 'GET', '/api/instruments/C190', undefined)).body.instrument.adoptionDate, '2019-06-20');
      const undoInstrument = await revert('secretariat', existing.body.instrument.event.id);
      assert.equal(undoInstrument.status, 200, JSON.stringify(undoInstrument.body));
      assert.equal((await send(null, 'GET', '/api/instruments/C190', undefined)).body.instrument.adoptionDate, '2019-06-21');
      const undoVote = await revert('secretariat', existing.body.event.id);
      assert.equal(undoVote.status, 200);
      assert.equal((await send(null, 'GET', '/api/conference/sessions/108/votes', undefined)).body.items.length, 0);

      const history = await send(null, 'GET', '/api/history?recordType=ilc_vote', undefined);
      assert.ok(history.body.items.length >= 5);
    });
  });
}
