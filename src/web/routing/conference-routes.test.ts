import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type Browser, usePortalEditing } from '../../../tests/support/portal-editing.ts';

describe('the Conference in the portal (pages in en and id, forms with CSRF, PRG)', () => {
  const portal = usePortalEditing();
  const { get, csrfOf, post } = portal;
  let idn: Browser;
  let sec: Browser;
  before(() => {
    ({ idn, sec } = portal);
  });

  test('the sessions list and a session page in English and Indonesian, with unknown dates shown as unknown', async () => {
    const en = await get('/en/conference');
    assert.equal(en.status, 200);
    const list = await en.text();
    assert.match(list, /108th session/);
    assert.match(list, /href="\/en\/instruments\/C190"/);
    const id = await (await get('/id/conference/2')).text();
    assert.match(id, /Sidang ke-2/);
    assert.match(id, /tidak diketahui/);
    assert.equal((await get('/en/conference/998')).status, 404);
    assert.match(await (await get('/en/instruments/C190')).text(), /<a href="\/en\/conference\/108">/);
    assert.equal((await get('/en/conference/99999999999999999999')).status, 404);
    // Other addresses under /conference (the vote calculator) are not taken for a session number.
    assert.notEqual((await get('/en/conference/vote-calculator')).status, 500);
  });

  test('anonymous editors are sent to sign in; a focal point may not edit a session or another State', async () => {
    const anon = await get('/en/conference/113/edit');
    assert.equal(anon.status, 303);
    assert.match(anon.headers.get('location') ?? '', /\/en\/login\?next=/);
    assert.equal((await get('/en/conference/113/edit', idn)).status, 403);
    assert.equal((await get('/en/conference/113/delegations/MYS/edit', idn)).status, 403);
    assert.equal((await get('/en/conference/113/votes/new', idn)).status, 403);
    const huge = '/en/conference/99999999999999999999/delegations/IDN/edit';
    assert.equal(
      (await post(huge, { _csrf: await csrfOf('/en/conference/113/delegations/IDN/edit', idn), rows: '0', source: 's' }, idn)).status,
      404,
    );
  });

  test('the secretariat edits the agenda, the focal point enters its delegation, the secretariat records a vote', async () => {
    const sessionForm = '/en/conference/113/edit';
    const saved = await post(
      sessionForm,
      {
        _csrf: await csrfOf(sessionForm, sec),
        year: '2025',
        openingDate: '2025-06-02',
        closingDate: '2025-06-13',
        place: 'Geneva',
        agenda: 'Reports of the Chairperson\nC199: Test standard-setting item',
        source: 'Test: ILC 113 agenda (fixture)',
        reason: '',
      },
      sec,
    );
    assert.equal(saved.status, 303, await saved.text());
    const bad = await post(sessionForm, { _csrf: await csrfOf(sessionForm, sec), closingDate: '2025-13-01', source: 'x' }, sec);
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /href="#s-closing"/);

    const delegationForm = '/id/conference/113/delegations/IDN/edit';
    const fields: Record<string, string> = {
      _csrf: await csrfOf(delegationForm, idn),
      rows: '4',
      'name-0': 'Delegasi Pemerintah',
      'group-0': 'government',
      'role-0': 'delegate',
      'credentials-0': 'accepted',
      'name-1': 'Delegasi Pengusaha',
      'group-1': 'employers',
      'role-1': 'delegate',
      'credentials-1': 'accepted',
      'name-2': 'Delegasi Pekerja',
      'group-2': 'workers',
      'role-2': 'delegate',
      'credentials-2': 'objected',
      'name-3': '',
      source: 'Test: credentials report (fixture)',
    };
    const tooMany = await post(delegationForm, { ...fields, 'group-1': 'government', 'group-2': 'government', 'role-2': 'delegate' }, idn);
    assert.equal(tooMany.status, 400);
    assert.match(await tooMany.text(), /Paling banyak dua delegasi pemerintah/);
    const entered = await post(delegationForm, fields, idn);
    assert.equal(entered.status, 303, await entered.text());
    const noCsrf = await post(delegationForm, { ...fields, _csrf: 'forged' }, idn);
    assert.equal(noCsrf.status, 403);

    const voteForm = '/en/conference/113/votes/new';
    const vote = await post(
      voteForm,
      {
        _csrf: await csrfOf(voteForm, sec),
        kind: 'ordinary',
        date: '2025-06-12',
        agendaItem: '',
        ballots: 'IDN-1 for\nIDN-2 for\nIDN-3 against',
        delegatesAttending: '4',
        source: 'Test: record vote (fixture)',
      },
      sec,
    );
    assert.equal(vote.status, 303, await vote.text());
    const page = await (await get('/id/conference/113')).text();
    assert.match(page, /Disahkan/);
    assert.match(page, /Pasal 17/);
    assert.match(page, /Delegasi pemerintah/);
    const history = await (await get('/id/history?record=113')).text();
    assert.match(history, /sidang Konferensi/);
    assert.match(history, /href="\/id\/conference\/113"/);
    const refused = await post(
      voteForm,
      {
        _csrf: await csrfOf(voteForm, sec),
        kind: 'ordinary',
        date: '2025-06-12',
        for: '5',
        against: '1',
        abstain: '0',
        delegatesAttending: '3',
        source: 's',
      },
      sec,
    );
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /href="#v-attending"/);
  });
});
