import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type Browser, PORTAL_PASSWORD as PASSWORD, usePortalEditing } from '../../../tests/support/portal-editing.ts';
import type { Services } from '../../container.ts';
import { safeNext, withParam } from './respond.ts';

describe('safe next', () => {
  test('should accept only a path of this site in the page language', () => {
    assert.equal(safeNext('en', '/en/countries/IDN?x=1#h'), '/en/countries/IDN?x=1#h');
    for (const bad of [
      '//evil.example/en/',
      '/\\evil.example',
      'https://evil.example/en/',
      '/id/countries',
      '/en/../admin',
      '/en/login',
      '/en/\nx',
      42,
      null,
    ])
      assert.equal(safeNext('en', bad), null, String(bad));
    assert.equal(withParam('/en/countries/IDN#national-law-heading', 'saved', '1'), '/en/countries/IDN?saved=1#national-law-heading');
  });
});

describe('editing in the portal (forms, sessions, CSRF, PRG)', () => {
  const portal = usePortalEditing();
  const { get, csrfOf, post, signIn, ratificationForm } = portal;
  let services: Services;
  let idn: Browser;
  let sec: Browser;
  before(() => {
    ({ services, idn, sec } = portal);
  });

  test('should sign in with the form, go to a safe next page only, and say nothing about which part was wrong', async () => {
    const wrong = await post('/id/login', { email: 'idn@example.org', password: 'wrong password!' });
    assert.equal(wrong.status, 401);
    const unknown = await post('/id/login', { email: 'nobody@example.org', password: 'wrong password!' });
    assert.equal(unknown.status, 401);
    const a = await wrong.text();
    assert.match(a, /Alamat email atau kata sandi salah/);
    assert.equal(a.replace(/value="[^"]*"/g, ''), (await unknown.text()).replace(/value="[^"]*"/g, ''), 'the same page for both');
    const empty = await post('/en/login', { email: '', password: '' });
    assert.equal(empty.status, 400);
    assert.match(await empty.text(), /id="login-email-error"/);
    const ok = await post('/en/login', { email: 'IDN@example.org', password: PASSWORD, next: '/en/countries/IDN' });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/en/countries/IDN');
    assert.match(ok.headers.get('set-cookie') ?? '', /HttpOnly/i);
    const evil = await post('/en/login', { email: 'idn@example.org', password: PASSWORD, next: '//evil.example/en/' });
    assert.equal(evil.headers.get('location'), '/en/account');
  });

  test('should refuse too many attempts with 429 and the wait, in the page language', async () => {
    let res: Response | null = null;
    for (let i = 0; i < 6; i++) res = await post('/en/login', { email: 'limited@example.org', password: 'wrong password!' });
    assert.equal(res?.status, 429);
    assert.ok(Number(res?.headers.get('retry-after')) > 0);
    assert.match((await res?.text()) ?? '', /Too many failed attempts to sign in\. Wait \d+ minutes/);
  });

  test('should send an anonymous reader to sign in, and a focal point elsewhere to 403', async () => {
    const anon = await get('/en/countries/IDN/ratifications/C138/edit');
    assert.equal(anon.status, 303);
    assert.equal(anon.headers.get('location'), '/en/login?next=%2Fen%2Fcountries%2FIDN%2Fratifications%2FC138%2Fedit');
    const mys = await get('/en/countries/MYS/ratifications/C138/edit', idn);
    assert.equal(mys.status, 403);
    assert.match(await mys.text(), /focal point for IDN, not for MYS/);
    assert.equal((await get('/en/instruments/C138/edit', idn)).status, 403);
    assert.equal((await get('/en/countries/MYS/profile/edit', idn)).status, 403);
    const page = await (await get('/en/countries/MYS', idn)).text();
    assert.ok(!page.includes('/edit"'), 'no edit link on a State that is not theirs');
    assert.ok((await (await get('/en/countries/IDN', idn)).text()).includes('/en/countries/IDN/ratifications/C138/edit'));
  });

  test('should keep personal pages out of every cache, and let public ones vary by cookie', async () => {
    const mine = await get('/en/countries/IDN', idn);
    assert.equal(mine.headers.get('cache-control'), 'private, no-store');
    const anon = await get('/en/countries/IDN');
    assert.equal(anon.headers.get('cache-control'), 'public, max-age=60');
    assert.match(anon.headers.get('vary') ?? '', /cookie/i);
    assert.ok(!(await anon.text()).includes('idn@example.org'));
  });

  test('should refuse a form without the CSRF token, or from another origin, and change nothing', async () => {
    const before = await services.compliance.countryFacts('IDN');
    const form = { generalMinimumAge: '12', hazardousMinimumAge: '18', compulsoryEducationAge: '15', source: 'forged' };
    const missing = await post('/en/countries/IDN/profile/edit', form, idn);
    assert.equal(missing.status, 403);
    const csrf = await csrfOf('/en/countries/IDN/profile/edit', idn);
    const cross = await post('/en/countries/IDN/profile/edit', { ...form, _csrf: csrf }, idn, { origin: 'http://evil.example' });
    assert.equal(cross.status, 403);
    const site = await post('/en/countries/IDN/profile/edit', { ...form, _csrf: csrf }, idn, { 'sec-fetch-site': 'cross-site' });
    assert.equal(site.status, 403);
    assert.deepEqual(await services.compliance.countryFacts('IDN'), before);
  });

  test('should save a ratification (303 to the profile), show it with its history, and re-render a bad one with 400', async () => {
    const bad = await post(
      '/en/countries/IDN/ratifications/C138/edit',
      await ratificationForm(idn, { source: ' ', registrationDate: '1999-02-30' }),
      idn,
    );
    assert.equal(bad.status, 400);
    const page = await bad.text();
    assert.match(page, /id="rat-source-error"/);
    assert.match(page, /id="rat-registration-date-error"/);
    assert.match(page, /value="1999-02-30"/);
    const saved = await post(
      '/en/countries/IDN/ratifications/C138/edit',
      await ratificationForm(idn, { registrationDate: '1999-06-07', reason: 'registration day found' }),
      idn,
    );
    assert.equal(saved.status, 303, await saved.text());
    assert.equal(saved.headers.get('location'), '/en/countries/IDN?saved=1');
    const profile = await (await get('/en/countries/IDN?saved=1', idn)).text();
    assert.match(profile, /Your change is saved/);
    assert.match(profile, /7 June 1999/);
    assert.match(profile, /<a href="\/en\/history\?user=\d+">idn@example\.org<\/a>/);
    assert.match(profile, /registration day found/);
    const again = await post(
      '/en/countries/IDN/ratifications/C138/edit',
      await ratificationForm(idn, { registrationDate: '1999-06-07', reason: 'same' }),
      idn,
    );
    assert.equal(again.headers.get('location'), '/en/countries/IDN?unchanged=1');
    const history = (await services.edits.history({ recordKey: 'IDN/C138' }, { page: 1, pageSize: 5 })).items;
    assert.equal(history.length, 1);
    const [first] = history;
    assert.ok(first);
    assert.equal(first.reason, 'registration day found');
    assert.equal(
      (first.after as { declarations: { source: string }[] }).declarations[0]?.source,
      'UU20-1999-ELUCIDATION-123DOK;NORMLEX-CEACR-IDN-C138;USDOL-SWEATTOIL-2022',
      'the untouched declaration keeps its source',
    );
  });

  test('should filter the history by editor email for a signed-in editor, and refuse it anonymously', async () => {
    const mine = await get('/en/history?editor=IDN@example.org', sec);
    assert.equal(mine.status, 200);
    const html = await mine.text();
    const names = [...html.matchAll(/<dt>By<\/dt><dd><a href="\/en\/history\?user=\d+">([^<]*)<\/a>/g)].map((m) => m[1]);
    assert.ok(names.length > 0, 'the filtered list has events');
    assert.deepEqual([...new Set(names)], ['idn@example.org']);
    const anonymous = await get('/en/history?editor=idn@example.org');
    assert.equal(anonymous.status, 400);
    const page = await anonymous.text();
    assert.match(page, /Sign in to filter the history by an editor’s email/);
    // The address is in the reader's own URL (language links echo it); the list itself is not shown.
    const main = page.slice(page.indexOf('<main'), page.indexOf('</main>'));
    assert.ok(!main.includes('idn@example.org'), 'no email in the page body');
    assert.ok(!main.includes('class="history"'), 'no list');
  });

  test('should ask for confirmation on a page of its own before a revert, without JavaScript', async () => {
    const [latest] = (await services.edits.history({ recordKey: 'IDN/C138' }, { page: 1, pageSize: 1 })).items;
    assert.ok(latest, 'a change to revert');
    const list = await (await get('/en/history?record=IDN/C138', sec)).text();
    assert.match(list, new RegExp(`<form method="get" action="/en/history/${latest.id}/revert" class="revert-form">`));
    assert.ok(!list.includes(`method="post" action="/en/history/${latest.id}/revert"`), 'no one-click revert in the list');
    const anonymous = await get(`/en/history/${latest.id}/revert`);
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /^\/en\/login\?next=/);
    assert.equal((await get('/en/history/999999/revert', sec)).status, 404);
    const page = await get(`/en/history/${latest.id}/revert?back=${encodeURIComponent('/en/countries/IDN')}`, sec);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, new RegExp(`<h1>Revert change ${latest.id}\\?</h1>`));
    assert.match(html, new RegExp(`<form method="post" action="/en/history/${latest.id}/revert" class="revert-form">`));
    assert.match(html, /<input type="hidden" name="_csrf" value="[^"]+">/);
    assert.match(html, /<input type="hidden" name="back" value="\/en\/countries\/IDN">/);
    assert.match(html, /<a href="\/en\/countries\/IDN">Cancel<\/a>/);
    assert.match(html, /Reason for reverting change/);
    const id = await (await get(`/id/history/${latest.id}/revert?back=//evil.example/`, sec)).text();
    assert.match(id, new RegExp(`<h1>Batalkan perubahan ${latest.id}\\?</h1>`));
    assert.match(id, /<input type="hidden" name="back" value="\/id\/history\?record=IDN%2FC138">/, 'a foreign back is replaced');
    const still = (await services.edits.history({ recordKey: 'IDN/C138' }, { page: 1, pageSize: 1 })).items[0];
    assert.equal(still?.id, latest.id, 'showing the confirmation changes nothing');
  });

  test('should revert from the history with a reason, and refuse a second revert with 409', async () => {
    const [latest] = (await services.edits.history({ recordKey: 'IDN/C138' }, { page: 1, pageSize: 1 })).items;
    assert.ok(latest);
    const csrf = await csrfOf('/en/history?record=IDN/C138', sec);
    const res = await post(`/en/history/${latest.id}/revert`, { _csrf: csrf, reason: 'not confirmed', back: '/en/countries/IDN' }, sec);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/en/countries/IDN?saved=1');
    const again = await post(`/en/history/${latest.id}/revert`, { _csrf: csrf, reason: '' }, sec);
    assert.equal(again.status, 409);
    assert.match(await again.text(), new RegExp(`Change ${latest.id} cannot be reverted`));
    const history = await (await get('/id/history?record=IDN/C138')).text();
    assert.match(history, /not confirmed/);
    assert.match(history, /membatalkan perubahan/);
    assert.match(history, new RegExp(`pembatalan perubahan ${latest.id} \\(sumbernya: `), 'the revert source in Indonesian');
    assert.ok(!history.includes('revert of change'), 'no English revert source');
  });

  test('should add a ratification, and refuse one already recorded or of a Recommendation', async () => {
    const csrf = await csrfOf('/en/countries/IDN/ratifications/new', idn);
    const exists = await post('/en/countries/IDN/ratifications/new', { _csrf: csrf, instrument: 'c138', source: 'x' }, idn);
    assert.equal(exists.status, 400);
    assert.match(await exists.text(), /A ratification of C138 by this State is already recorded/);
    const rec = await post('/en/countries/IDN/ratifications/new', { _csrf: csrf, instrument: 'R146', source: 'x' }, idn);
    assert.match(await rec.text(), /Recommendations are not ratified/);
    const added = await post(
      '/en/countries/IDN/ratifications/new',
      { _csrf: csrf, instrument: 'C155', registrationDate: '2026', status: 'not_in_force', confidence: 'low', source: 'Test gazette' },
      idn,
    );
    assert.equal(added.status, 303, await added.text());
    assert.equal((await services.edits.history({ recordKey: 'IDN/C155' }, { page: 1, pageSize: 1 })).items[0]?.action, 'create');
  });

  test('should edit an instrument and the national law, with messages next to the fields', async () => {
    const csrf = await csrfOf('/en/instruments/C155/edit', sec);
    const missingKind = await post(
      '/en/instruments/C155/edit',
      { _csrf: csrf, titleEn: 'Occupational Safety and Health Convention, 1981', titleId: 'Judul', source: 'x' },
      sec,
    );
    assert.equal(missingKind.status, 400);
    assert.match(await missingKind.text(), /id="ins-title-id-kind-error"/);
    const saved = await post(
      '/en/instruments/C155/edit',
      {
        _csrf: csrf,
        status: 'up-to-date',
        titleEn: 'Occupational Safety and Health Convention, 1981',
        titleId: 'Judul',
        titleIdKind: 'unofficial',
        source: 'x',
      },
      sec,
    );
    assert.equal(saved.headers.get('location'), '/en/instruments/C155?saved=1');
    const profileCsrf = await csrfOf('/en/countries/IDN/profile/edit', idn);
    const bad = await post('/en/countries/IDN/profile/edit', { _csrf: profileCsrf, generalMinimumAge: '9', source: '' }, idn);
    assert.equal(bad.status, 400);
    const text = await bad.text();
    assert.match(text, /id="nat-general-error"/);
    assert.match(text, /id="nat-source-error"/);
    const ok = await post(
      '/en/countries/IDN/profile/edit',
      {
        _csrf: profileCsrf,
        generalMinimumAge: '15',
        hazardousMinimumAge: '18',
        compulsoryEducationAge: '16',
        compulsoryEducationAgeCitation: 'UU 20/2003 Pasal 6',
        source: 'UU 20/2003',
      },
      idn,
    );
    assert.equal(ok.headers.get('location'), '/en/countries/IDN?saved=1#national-law-heading');
    const profile = async () => (await services.compliance.countryFacts('IDN'))?.profile;
    assert.equal((await profile())?.compulsoryEducationAge?.citation, 'UU 20/2003 Pasal 6');

    // The form comes back filled with each age's provision; sent back as it is, nothing changes.
    const form = await (await get('/en/countries/IDN/profile/edit', idn)).text();
    assert.match(form, /name="compulsoryEducationAgeCitation"[^>]*value="UU 20\/2003 Pasal 6"/);
    const events = async () =>
      (await services.edits.history({ recordType: 'national_profile', recordKey: 'IDN' }, { page: 1, pageSize: 200 })).total;
    const eventsBefore = await events();
    const hazardous = (await profile())?.hazardousMinimumAge;
    const resend = async (overrides: Record<string, string>) => {
      const p = await profile();
      return post(
        '/en/countries/IDN/profile/edit',
        {
          _csrf: profileCsrf,
          generalMinimumAge: String(p?.generalMinimumAge?.value ?? ''),
          generalMinimumAgeCitation: p?.generalMinimumAge?.citation ?? '',
          hazardousMinimumAge: String(p?.hazardousMinimumAge?.value ?? ''),
          hazardousMinimumAgeCitation: p?.hazardousMinimumAge?.citation ?? '',
          compulsoryEducationAge: String(p?.compulsoryEducationAge?.value ?? ''),
          compulsoryEducationAgeCitation: p?.compulsoryEducationAge?.citation ?? '',
          source: 'checked again',
          ...overrides,
        },
        idn,
      );
    };
    assert.equal((await resend({})).headers.get('location'), '/en/countries/IDN?unchanged=1#national-law-heading');
    assert.equal(await events(), eventsBefore, 'a form sent back unchanged records no event');
    // A provision corrected on its own: same age, new provision and source, one event.
    await resend({ hazardousMinimumAgeCitation: 'UU 13/2003 Pasal 74 ayat (1)', source: 'UU 13/2003 (checked)' });
    const after = (await profile())?.hazardousMinimumAge;
    assert.equal(after?.value, hazardous?.value);
    assert.equal(after?.citation, 'UU 13/2003 Pasal 74 ayat (1)');
    assert.equal(after?.source, 'UU 13/2003 (checked)');
    assert.equal(await events(), eventsBefore + 1);
  });

  test('should create a token shown once, list it without its secret, and revoke it', async () => {
    const csrf = await csrfOf('/en/account', idn);
    const created = await post('/en/account/tokens', { _csrf: csrf, name: 'import script' }, idn);
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('cache-control'), 'private, no-store');
    const secret = /value="(trp_[^"]+)"/.exec(await created.text())?.[1];
    assert.ok(secret);
    const account = await (await get('/en/account', idn)).text();
    assert.ok(!account.includes(secret));
    assert.match(account, /import script/);
    const id = /action="\/en\/account\/tokens\/(\d+)\/revoke"/.exec(account)?.[1];
    const revoked = await post(`/en/account/tokens/${id}/revoke`, { _csrf: csrf }, idn);
    assert.equal(revoked.headers.get('location'), '/en/account?done=revoked#tokens-heading');
    const invalid = await post('/en/account/tokens', { _csrf: csrf, name: ' ' }, idn);
    assert.equal(invalid.status, 400);
    assert.match(await invalid.text(), /id="token-name-error"/);
  });

  test('should give the screening form the session token, and sign out with a POST', async () => {
    const who = await signIn('sec@example.org');
    const screen = await (await get('/en/compliance/screen', who)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(screen.slice(screen.indexOf('screen-form')))?.[1];
    assert.ok(token && token.length > 10, 'the upload form carries the CSRF token');
    const out = await post('/en/logout', { _csrf: token }, who);
    assert.equal(out.status, 303);
    assert.match(out.headers.get('set-cookie') ?? '', /tripartite_session=;/);
    assert.equal((await get('/en/account', who)).status, 303, 'the session is over');
  });

  test('should list gaps by kind for everyone, and refuse unknown filters', async () => {
    const res = await get('/en/gaps?kind=c138-minimum-age');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Declared minimum age under C138 Art 2\(1\) not recorded/);
    assert.equal((await get('/en/gaps?kind=nope')).status, 400);
    assert.equal((await get('/en/history?from=yesterday')).status, 400);
  });
});
