import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createServices, type Services } from '../../container.ts';
import { createApp } from '../../http/app.ts';
import { argon2Hasher } from '../../storage/argon2-hasher.ts';

const PASSWORD = 'correct horse battery staple';
const NOW = new Date('2026-12-03T10:00:00.000Z');
const SOURCE = 'Portal test: Governing Body document (test citation)';

interface Browser {
  cookie: string;
}

describe('reporting calendar pages and forms', () => {
  let dir: string;
  let services: Services;
  let app: Hono;
  let idn: Browser;
  let sec: Browser;
  const request = (path: string, init: RequestInit = {}) => app.request(`http://localhost${path}`, init);
  const get = (path: string, who?: Browser) => request(path, { headers: who ? { cookie: who.cookie } : {} });
  const csrfOf = async (who: Browser) => /name="_csrf" value="([^"]*)"/.exec(await (await get('/en/account', who)).text())?.[1] ?? '';
  const post = async (path: string, fields: Record<string, string>, who: Browser) =>
    request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: who.cookie },
      body: new URLSearchParams({ ...fields, _csrf: await csrfOf(who) }),
    });
  const signIn = async (email: string): Promise<Browser> => {
    const res = await request('/en/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password: PASSWORD }),
    });
    assert.equal(res.status, 303);
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-reporting-forms-'));
    services = await createServices(
      { databaseUrl: null, sqlitePath: join(dir, 't.db'), pgSchema: 'public' },
      { hasher: argon2Hasher({ memoryCost: 1024, timeCost: 1 }) },
    );
    app = createApp({ ...services, now: () => NOW, today: () => '2026-12-03' });
    await services.accounts.createUser({ email: 'idn@example.org', password: PASSWORD, role: 'focal_point', countries: ['IDN'] }, NOW);
    await services.accounts.createUser({ email: 'sec@example.org', password: PASSWORD, role: 'secretariat' }, NOW);
    idn = await signIn('idn@example.org');
    sec = await signIn('sec@example.org');
  });

  after(async () => {
    await services?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('addresses: canonical code, unknown State 404, the profile links the page', async () => {
    const lower = await get('/en/countries/idn/obligations');
    assert.equal(lower.status, 301);
    assert.equal(lower.headers.get('location'), '/en/countries/IDN/obligations');
    assert.equal((await get('/id/countries/XXX/obligations')).status, 404);
    assert.match(await (await get('/id/countries/IDN')).text(), /href="\/id\/countries\/IDN\/obligations">Kewajiban pelaporan/);
    const anonymous = await (await get('/en/countries/IDN/obligations')).text();
    assert.doesNotMatch(anonymous, /Mark a report as sent/, 'no form for an anonymous reader');
  });

  test('the focal point may not enter rules; a refused form is re-rendered in Indonesian with its values', async () => {
    const refused = await post('/en/obligations/rules/rule-set', { id: 'x', source: SOURCE }, idn);
    assert.equal(refused.status, 403);
    const bad = await post(
      '/id/countries/IDN/obligations/sent',
      { report: 'C138|2001|first', dateSent: '2001-02-30', link: '', source: '' },
      idn,
    );
    assert.equal(bad.status, 400);
    const page = await bad.text();
    assert.match(page, /Masukkan tanggal laporan dikirim/);
    assert.match(page, /value="2001-02-30"/);
    assert.match(page, /<option value="C138\|2001\|first" selected>/);
  });

  test('the focal point records the organisations that receive copies, one a line; without a source the form comes back', async () => {
    const missing = await post('/en/countries/IDN/obligations/organisations', { employers: 'APINDO', workers: 'KSPSI', source: '' }, idn);
    assert.equal(missing.status, 400);
    assert.match(await missing.text(), /<textarea id="org-employers"[^>]*>APINDO<\/textarea>/);
    const saved = await post(
      '/en/countries/IDN/obligations/organisations',
      { employers: 'Asosiasi Pengusaha Indonesia (APINDO)\n', workers: 'KSPSI\r\nKSBSI\n\n', source: SOURCE },
      idn,
    );
    assert.equal(saved.status, 303, await saved.text());
    assert.match(saved.headers.get('location') ?? '', /saved=1#copies-heading$/);
    const page = await (await get('/en/countries/IDN/obligations')).text();
    assert.match(page, /Asosiasi Pengusaha Indonesia \(APINDO\)/);
    assert.match(page, /KSPSI, KSBSI/);
    const mys = await post('/en/countries/MYS/obligations/organisations', { employers: 'x', workers: 'y', source: SOURCE }, idn);
    assert.equal(mys.status, 403);
  });

  test("the secretariat's group year changes Indonesia's page at once, and reverting it in the portal undoes it", async () => {
    const rs = await post(
      '/en/obligations/rules/rule-set',
      { id: 'fundamental-2012', category: 'fundamental', cycleYears: '3', sinceYear: '2012', source: SOURCE },
      sec,
    );
    assert.equal(rs.status, 303, await rs.text());
    const gy = await post(
      '/en/obligations/rules/group-year',
      { ruleSetId: 'fundamental-2012', label: 'G–N', firstLetter: 'g', lastLetter: 'n', baseYear: '2027', source: SOURCE },
      sec,
    );
    assert.equal(gy.status, 303, await gy.text());
    const page = await (await get('/en/countries/IDN/obligations')).text();
    assert.match(page, /Group G–N: every 3 years, counted from 2027/);
    const history = await services.edits.history({ recordType: 'reporting_group_year' }, { page: 1, pageSize: 5 });
    const event = history.items[0];
    assert.ok(event);
    const rules = await (await get('/en/obligations/rules', sec)).text();
    assert.match(rules, /reporting group year/);
    const revert = await post(`/en/history/${event.id}/revert`, { reason: 'entered in error' }, sec);
    assert.equal(revert.status, 303, await revert.text());
    assert.doesNotMatch(await (await get('/en/countries/IDN/obligations')).text(), /Group G–N/);
  });
});
