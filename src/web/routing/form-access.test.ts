import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createServices, type Services } from '../../container.ts';
import { createApp } from '../../http/app.ts';
import { argon2Hasher } from '../../storage/argon2-hasher.ts';

/**
 * Issue 8, items 12 and 14 in the portal: every form POST checks who is asking before it reads the
 * form, and a new password is refused when unchanged or easily guessed, in English and Indonesian.
 */
const PASSWORD = 'correct horse battery staple';
const NOW = new Date('2026-11-27T10:00:00.000Z');

interface Browser {
  cookie: string;
}

describe('portal forms: who may post, and password rules', () => {
  let dir: string;
  let services: Services;
  let app: Hono;
  let idn: Browser;
  const request = (path: string, init: RequestInit = {}) => app.request(`http://localhost${path}`, init);
  const get = (path: string, who?: Browser) => request(path, { headers: who ? { cookie: who.cookie } : {} });
  const csrfOf = async (path: string, who: Browser) => /name="_csrf" value="([^"]*)"/.exec(await (await get(path, who)).text())?.[1] ?? '';
  const post = (path: string, fields: Record<string, string>, who?: Browser) =>
    request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(who ? { cookie: who.cookie } : {}) },
      body: new URLSearchParams(fields),
    });
  const signIn = async (email: string): Promise<Browser> => {
    const res = await post('/en/login', { email, password: PASSWORD });
    assert.equal(res.status, 303, await res.text());
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-forms-'));
    services = await createServices(
      { databaseUrl: null, sqlitePath: join(dir, 't.db'), pgSchema: 'public' },
      { hasher: argon2Hasher({ memoryCost: 1024, timeCost: 1 }) },
    );
    app = createApp({ ...services, now: () => NOW });
    await services.accounts.createUser({ email: 'idn@example.org', password: PASSWORD, role: 'focal_point', countries: ['IDN'] }, NOW);
    idn = await signIn('idn@example.org');
  });

  after(async () => {
    await services?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('should check every form POST for a reader first: anonymous to sign-in, outside the role 403, whatever the body', async () => {
    const admin = await services.accounts.createUser({ email: 'admin-forms@example.org', password: PASSWORD, role: 'admin' }, NOW);
    const change = await services.edits.saveRatification(
      admin,
      { country: 'MYS', instrument: 'C138', legalAct: 'Akta 1966 (forms test)', source: 'forms test' },
      NOW,
    );
    const mysEvent = String(change.event?.id);
    const eventsBefore = (await services.edits.history({}, { page: 1, pageSize: 1 })).total;
    // Every POST route of the portal, from the app itself: a new form is covered without editing this test.
    const open = new Set(['/:lang/login', '/:lang/compliance/screen']);
    const forms = app.routes
      .filter((r) => r.method === 'POST' && /^\/(en|id)\//.test(r.path))
      .map((r) => r.path)
      .filter((path) => !open.has(path.replace(/^\/(en|id)\//, '/:lang/')));
    assert.ok(forms.length >= 22, `${forms.length} portal form routes`);
    const junkBodies: Record<string, string>[] = [
      {},
      { source: 'x'.repeat(5000), reason: 'x'.repeat(5000) },
      { registrationDate: 'never', generalMinimumAge: 'abc' },
    ];
    const fill = (path: string, iso3: string) =>
      path
        .replace(':iso3', iso3)
        .replace(':code', 'C138')
        .replace(/:number\{[^}]*\}/, '113')
        .replace(':id', path.includes('history') ? mysEvent : '1');
    for (const path of forms) {
      for (const body of junkBodies) {
        const res = await post(fill(path, 'IDN'), body);
        assert.equal(res.status, 303, `anonymous POST ${path}`);
        assert.match(res.headers.get('location') ?? '', /^\/(en|id)\/login/, `anonymous POST ${path} goes to sign in`);
      }
    }
    const csrf = await csrfOf('/en/account', idn);
    // A focal point for IDN lacks the right to these: another State, the instruments, a change on MYS.
    const outside = forms.filter((p) => /countries\/:iso3\/|instruments\/:code\/edit|history\/:id\/revert/.test(p));
    assert.ok(outside.length >= 12);
    for (const path of outside) {
      for (const body of junkBodies) {
        const res = await post(fill(path, 'MYS'), { ...body, _csrf: csrf }, idn);
        const text = await res.text();
        assert.equal(res.status, 403, `focal point POST ${fill(path, 'MYS')}: ${text.slice(0, 200)}`);
        assert.doesNotMatch(text, /CSRF/, 'refused for the role, not for the token');
      }
    }
    // The Conference's forms: sessions and votes are the secretariat's; MYS's delegation is not IDN's.
    const conference = forms.filter((p) => p.includes('/conference/'));
    assert.ok(conference.length >= 6);
    for (const path of conference) {
      for (const body of junkBodies) {
        const res = await post(fill(path, 'MYS'), { ...body, _csrf: csrf }, idn);
        assert.equal(res.status, 403, `focal point POST ${fill(path, 'MYS')}`);
      }
    }
    assert.equal((await services.edits.history({}, { page: 1, pageSize: 1 })).total, eventsBefore, 'nothing was changed');
  });

  test('should refuse a new password equal to the current one or easily guessed, in both languages', async () => {
    await services.accounts.createUser({ email: 'pw@example.org', password: PASSWORD, role: 'secretariat' }, NOW);
    const who = await signIn('pw@example.org');
    const csrf = await csrfOf('/en/account', who);
    const change = (lang: string, next: string) =>
      post(`/${lang}/account/password`, { _csrf: csrf, current: PASSWORD, next, confirm: next }, who);
    const same = await change('en', PASSWORD);
    assert.equal(same.status, 400);
    assert.match(await same.text(), /The new password is the same as the current one/);
    const sameId = await change('id', PASSWORD);
    assert.equal(sameId.status, 400);
    assert.match(await sameId.text(), /Kata sandi baru sama dengan kata sandi saat ini/);
    for (const common of ['password1234', 'qwertyuiop123', '123456789012', 'pw@example.org1']) {
      const res = await change('en', common);
      assert.equal(res.status, 400, common);
      assert.match(await res.text(), /too common or too easy to guess/, common);
    }
    const commonId = await change('id', 'iloveyou1234');
    assert.match(await commonId.text(), /terlalu umum atau terlalu mudah ditebak/);
    const ok = await change('en', 'a kettle of unrelated pelicans');
    assert.equal(ok.status, 303);
  });
});
