import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createServices, type Services } from '../../container.ts';
import { createApp } from '../../http/app.ts';
import { argon2Hasher } from '../../storage/argon2-hasher.ts';

/** The submission pages' forms without a browser: the tracking form, the errors next to the fields, the saved record. */
const PASSWORD = 'correct horse battery staple';
const NOW = new Date('2026-12-03T10:00:00.000Z');

describe('portal: submission forms', () => {
  let dir: string;
  let services: Services;
  let app: Hono;
  const cookies: Record<string, string> = {};
  const request = (path: string, init: RequestInit = {}) => app.request(`http://localhost${path}`, init);
  const get = (path: string, who?: string) => request(path, { headers: who ? { cookie: who } : {} });
  const csrfOf = async (who: string) => /name="_csrf" value="([^"]*)"/.exec(await (await get('/en/account', who)).text())?.[1] ?? '';
  const post = async (path: string, fields: Record<string, string>, who: string) =>
    request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: who },
      body: new URLSearchParams({ ...fields, _csrf: await csrfOf(who) }),
    });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-submission-forms-'));
    services = await createServices(
      { databaseUrl: null, sqlitePath: join(dir, 't.db'), pgSchema: 'public' },
      { hasher: argon2Hasher({ memoryCost: 1024, timeCost: 1 }) },
    );
    app = createApp({ ...services, now: () => NOW, today: () => '2026-12-03' });
    await services.accounts.createUser({ email: 'idn@example.org', password: PASSWORD, role: 'focal_point', countries: ['IDN'] }, NOW);
    await services.accounts.createUser({ email: 'sec@example.org', password: PASSWORD, role: 'secretariat' }, NOW);
    for (const who of ['idn', 'sec']) {
      const res = await request('/en/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: `${who}@example.org`, password: PASSWORD }),
      });
      cookies[who] = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    }
  });
  after(async () => {
    await services?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('before any session is tracked the page says so and offers no instrument', async () => {
    const page = await (await get('/en/countries/IDN/submissions', cookies.idn)).text();
    assert.match(page, /No Conference session is open for tracking yet/);
    assert.match(page, /Every instrument of a tracked session already has a recorded submission|Nothing to show/);
    assert.equal((await get('/en/countries/ZZZ/submissions')).status, 404);
  });

  test('the secretariat opens session 108 from the dashboard (id), with the problems shown first', async () => {
    const missing = await post('/id/submissions/tracking', { session: '', source: '' }, cookies.sec ?? '');
    assert.equal(missing.status, 400);
    assert.match(await missing.text(), /Pilih sidangnya/);
    const noSource = await post('/id/submissions/tracking', { session: '108', source: '' }, cookies.sec ?? '');
    assert.equal(noSource.status, 400);
    const ok = await post('/id/submissions/tracking', { session: '108', source: 'ILO, ILC 108 (2019)' }, cookies.sec ?? '');
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/id/submissions?saved=1');
    const dashboard = await (await get('/id/submissions?saved=1', cookies.sec)).text();
    assert.match(dashboard, /Sidang ke-108 \(2019\)/);
    assert.match(dashboard, /href="\/id\/countries\/IDN\/submissions"/);
    const focal = await post('/en/submissions/tracking', { session: '108', source: 'x' }, cookies.idn ?? '');
    assert.equal(focal.status, 403);
  });

  test('the focal point gets the problems next to the fields, then records the submission', async () => {
    const who = cookies.idn ?? '';
    const noInstrument = await post('/en/countries/IDN/submissions', { source: 'x' }, who);
    assert.equal(noInstrument.status, 400);
    assert.match(await noInstrument.text(), /Choose the instrument/);
    const badDate = await post('/en/countries/IDN/submissions', { instrument: 'C190', submittedDate: '2020-02-30', source: 'x' }, who);
    assert.equal(badDate.status, 400);
    const text = await badDate.text();
    assert.match(text, /Enter a real date as YYYY-MM-DD/);
    assert.match(text, /value="2020-02-30"/, 'the values are kept');
    const neither = await post('/id/countries/IDN/submissions', { instrument: 'C190', source: 'x' }, who);
    assert.match(await neither.text(), /atau centang keadaan luar biasa/);
    const saved = await post(
      '/en/countries/IDN/submissions',
      { instrument: 'C190', submittedDate: '2020-03-02', authority: 'DPR', exceptionalCircumstances: '1', source: 'Letter to the DG' },
      who,
    );
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), '/en/countries/IDN/submissions?saved=1');
    const record = await services.submissions.listSubmissions({ country: 'IDN' }, '2026-12-03');
    assert.equal(record.items[0]?.status, 'submitted');
    assert.equal(record.items[0]?.record?.exceptionalCircumstances, true);
    const page = await (await get('/en/countries/IDN/submissions?saved=1', who)).text();
    assert.match(page, /Your change is saved/);
    assert.match(page, /to DPR/);
    const again = await post(
      '/en/countries/IDN/submissions',
      { instrument: 'C190', submittedDate: '2020-03-02', authority: 'DPR', exceptionalCircumstances: '1', source: 'Letter to the DG' },
      who,
    );
    assert.equal(again.headers.get('location'), '/en/countries/IDN/submissions?unchanged=1');
    const history = await (await get('/en/history')).text();
    assert.match(history, /submission to the competent authorities <a href="\/en\/countries\/IDN\/submissions">IDN\/C190<\/a>/);
    assert.match(history, /submission tracking of a Conference session <a href="\/en\/submissions">108<\/a>/);
  });

  test('the obligations section lists due and overdue submissions under its own heading', async () => {
    const { renderSubmissionsSection } = await import('../views/submissions.ts');
    const { dictFor } = await import('../i18n/index.ts');
    const items = await services.submissions.dueAndOverdue('MYS', '2026-12-03');
    assert.deepEqual(
      items.map((i) => [i.instrument, i.status]),
      [['C190', 'overdue']],
    );
    const section = renderSubmissionsSection(dictFor('id'), 'id', items).value;
    assert.match(section, /^<section aria-labelledby="submissions-section-heading">\n<h2 id="submissions-section-heading">Penyampaian/);
    assert.match(section, /terlambat/);
    assert.match(section, /href="\/id\/countries\/MYS\/submissions"/);
    const none = renderSubmissionsSection(dictFor('en'), 'en', [], 'IDN').value;
    assert.match(none, /No submission is due or overdue/);
  });
});
