/**
 * The case pages of the portal (issue 11) through the whole app, on SQLite and PostgreSQL: sign-in
 * first (anonymous readers are sent to the sign-in page, before any form is read); another unit's
 * case is the 404 page and no write lands; a viewer sees no child; the visit and close forms refuse
 * with their messages (the closure rule's in English and Indonesian); the open-case form refuses
 * identifying data without consent (UU 27/2022 Pasal 25(2)); the compliance check hands its work
 * facts on; and every page stays under 60 KB.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { createApp } from '../../src/http/app.ts';
import type { OpenCaseInput } from '../../src/services/cases/case-types.ts';
import { asClient, type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { insertMember, insertUnit } from '../support/case-units.ts';
import { allDatabases } from '../support/databases.ts';

const TODAY = '2026-12-04';
const NOW = new Date(`${TODAY}T09:00:00.000Z`);
const CHILD: OpenCaseInput = {
  origin: 'visit',
  identifiedOn: '2026-11-01',
  sex: 'male',
  ageYears: 12,
  agePrecision: 'estimated',
  district: 'Poso',
  schoolEnrolled: true,
  schoolAttending: false,
  work: 'hazardous',
  workTask: 'carrying cocoa pods',
  commodity: 'cocoa',
  hoursPerDay: 5,
  nightWork: false,
  hazards: ['heavy loads'],
  name: 'Rudi Hartono',
  consent: { by: 'Bapak Hartono', relation: 'parent', on: '2026-11-01', purposes: ['case_management'] },
};
const formBody = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return body.toString();
};

for (const database of await allDatabases()) {
  describe(`case pages on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const users: Record<string, Actor> = {};
    const clients: Record<string, Client> = {};
    let unitA: number;
    let caseA: string;
    let caseB: string;
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const get = (who: string | null, path: string) => request(path, asClient(who ? (clients[who] ?? null) : null));
    const post = (who: string | null, path: string, fields: Record<string, string | string[]>) =>
      request(
        path,
        asClient(who ? (clients[who] ?? null) : null, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: formBody(fields),
        }),
      );

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, today: () => TODAY, now: () => NOW });
      for (const name of ['monA', 'cmA', 'viewerA', 'monB']) {
        users[name] = await services.accounts.createUser(
          { email: `${name.toLowerCase()}@example.org`, password: PASSWORD, role: 'reader' },
          NOW,
        );
        clients[name] = await signIn(request, `${name.toLowerCase()}@example.org`);
      }
      unitA = await insertUnit(services.handle.db, 'Unit A');
      const unitB = await insertUnit(services.handle.db, 'Unit B');
      await insertMember(services.handle.db, unitA, (users.monA as Actor).id, 'monitor');
      await insertMember(services.handle.db, unitA, (users.cmA as Actor).id, 'case_manager');
      await insertMember(services.handle.db, unitA, (users.viewerA as Actor).id, 'viewer');
      await insertMember(services.handle.db, unitB, (users.monB as Actor).id, 'monitor');
      caseA = (await services.cases.openCase(users.cmA as Actor, unitA, CHILD, NOW)).id;
      caseB = (await services.cases.openCase(users.monB as Actor, unitB, { ...CHILD, name: 'Wati' }, NOW)).id;
    });

    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('anonymous readers go to the sign-in page, GET or POST, whatever they send', async () => {
      for (const path of [
        `/en/cases/${caseA}`,
        `/id/units/${unitA}/cases?status=nonsense`,
        `/en/units/${unitA}/worklist`,
        `/en/cases/${caseA}/visit`,
      ]) {
        const res = await get(null, path);
        assert.equal(res.status, 303, path);
        assert.equal(res.headers.get('location'), `${path.slice(0, 3)}/login?next=${encodeURIComponent(path)}`);
      }
      const res = await post(null, `/en/cases/${caseA}/visit`, { visitedOn: 'not a day' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/en/login');
      assert.equal((await services.cases.getCase(users.cmA as Actor, caseA, TODAY)).visits.length, 0);
    });

    test('another unit’s case is the 404 page, for every page and form, and nothing is written', async () => {
      for (const path of [`/en/cases/${caseA}`, `/en/cases/${caseA}/visit`, `/id/cases/${caseA}/actions`, `/en/cases/${caseA}/close`]) {
        const res = await get('monB', path);
        assert.equal(res.status, 404, path);
        assert.doesNotMatch(await res.text(), /Rudi/);
      }
      const visit = await post('monB', `/en/cases/${caseA}/visit`, { visitedOn: TODAY, found: 'yes', inWork: 'no' });
      assert.equal(visit.status, 404);
      const close = await post('monB', `/en/cases/${caseA}/close`, { reason: 'duplicate', on: TODAY, note: 'x' });
      assert.equal(close.status, 404);
      assert.equal((await get('monB', `/en/units/${unitA}/cases`)).status, 404);
      const a = await services.cases.getCase(users.cmA as Actor, caseA, TODAY);
      assert.equal(a.visits.length, 0);
      assert.equal(a.status, 'identified');
      assert.equal((await get('monA', `/en/cases/${caseB}`)).status, 404);
    });

    test('a viewer sees no child: no case page, no list', async () => {
      const page = await get('viewerA', `/en/cases/${caseA}`);
      assert.equal(page.status, 404);
      const list = await get('viewerA', `/en/units/${unitA}/cases`);
      assert.equal(list.status, 403);
      assert.doesNotMatch(await list.text(), /Rudi/);
    });

    test('the case page shows the verdict, its citations, the child’s name to a monitor, and the history', async () => {
      const res = await get('monA', `/en/cases/${caseA}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'private, no-store');
      const html = await res.text();
      assert.match(html, /worst form of child labour/);
      assert.match(html, /C182 Art 3\(d\)/);
      assert.match(html, /Rudi Hartono/);
      assert.match(html, /Given by Bapak Hartono \(parent\) on 1 November 2026/);
      assert.match(html, /<strong>Opened<\/strong>/);
      const id = await (await get('monA', `/id/cases/${caseA}`)).text();
      assert.match(id, /bentuk pekerjaan terburuk untuk anak/);
      assert.match(id, /<h1>Kasus 1<\/h1>/);
    });

    test('the case list filters by status, priority and overdue; an unknown filter is 400', async () => {
      const all = await (await get('monA', `/en/units/${unitA}/cases?priority=worst_form`)).text();
      assert.match(all, new RegExp(`/en/cases/${caseA}`));
      const closed = await (await get('monA', `/en/units/${unitA}/cases?status=closed`)).text();
      assert.doesNotMatch(closed, new RegExp(`/en/cases/${caseA}`));
      assert.match(closed, /No case matches these filters\./);
      const overdue = await (await get('monA', `/en/units/${unitA}/cases?overdue=1`)).text();
      // Identified on 2026-11-01 with a 14-day interval for worst forms: overdue on 2026-12-04.
      assert.match(overdue, new RegExp(`/en/cases/${caseA}`));
      const bad = await get('monA', `/en/units/${unitA}/cases?priority=urgent`);
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /priority/);
    });

    test('the visit form: unanswered questions are 400 naming them; an answer is saved and shown', async () => {
      const missing = await post('monA', `/en/cases/${caseA}/visit`, { visitedOn: TODAY, found: 'yes' });
      assert.equal(missing.status, 400);
      assert.match(await missing.text(), /Answer: Is the child still in child labour\?/);
      const future = await post('monA', `/id/cases/${caseA}/visit`, { visitedOn: '2026-12-05', found: 'yes', inWork: 'no' });
      assert.equal(future.status, 400);
      assert.match(await future.text(), /tidak setelah hari ini/);
      const ok = await post('monA', `/en/cases/${caseA}/visit`, {
        visitedOn: '2026-11-20',
        found: 'yes',
        inWork: 'yes',
        atSchool: 'no',
        notes: 'at the farm',
      });
      assert.equal(ok.status, 303);
      assert.equal(ok.headers.get('location'), `/en/cases/${caseA}?saved=visit`);
      const attempt = await post('monA', `/en/cases/${caseA}/visit`, { visitedOn: '2026-11-25', found: 'no' });
      assert.equal(attempt.status, 303);
      const kase = await services.cases.getCase(users.monA as Actor, caseA, TODAY);
      assert.deepEqual(
        kase.visits.map((v) => [v.visitedOn, v.kind, v.inChildLabour, v.atSchool, v.notes]),
        [
          ['2026-11-20', 'follow_up', true, false, 'at the farm'],
          ['2026-11-25', 'attempt', null, null, null],
        ],
      );
    });

    test('closing: a monitor may not (403); one clear visit is refused with the rule’s message in en and id; two allow it', async () => {
      assert.equal((await get('monA', `/en/cases/${caseA}/close`)).status, 403);
      const cm = users.cmA as Actor;
      const planned = await services.cases.addAction(
        cm,
        caseA,
        { kind: 'school_enrolment', responsible: 'Koperasi', dueOn: '2026-11-22' },
        NOW,
      );
      const actionId = planned.actions[0]?.id ?? -1;
      const provided = await post('cmA', `/en/cases/${caseA}/actions/${actionId}/provided`, { providedOn: '2026-11-22' });
      assert.equal(provided.status, 303);
      await post('cmA', `/en/cases/${caseA}/visit`, { visitedOn: '2026-11-28', found: 'yes', inWork: 'no', atSchool: 'yes' });
      const en = await post('cmA', `/en/cases/${caseA}/close`, { reason: 'no_longer_in_child_labour', on: TODAY });
      assert.equal(en.status, 400);
      assert.match(await en.text(), /2 consecutive follow-up visits on different days must find the child out of child labour; found 1\./);
      const id = await post('cmA', `/id/cases/${caseA}/close`, { reason: 'no_longer_in_child_labour', on: TODAY });
      assert.equal(id.status, 400);
      assert.match(await id.text(), /baru 1\./);
      const note = await post('cmA', `/en/cases/${caseA}/close`, { reason: 'moved_away', on: TODAY, note: '' });
      assert.equal(note.status, 400);
      assert.match(await note.text(), /Write a note saying why\./);
      await post('cmA', `/en/cases/${caseA}/visit`, { visitedOn: TODAY, found: 'yes', inWork: 'no', atSchool: 'yes' });
      const closed = await post('cmA', `/en/cases/${caseA}/close`, { reason: 'no_longer_in_child_labour', on: TODAY });
      assert.equal(closed.status, 303);
      assert.equal((await services.cases.getCase(cm, caseA, TODAY)).status, 'closed');
      assert.equal((await get('cmA', `/en/cases/${caseA}/visit`)).status, 409);
    });

    test('opening a case by hand: identifying data without consent is refused naming the field and the law; with consent it opens', async () => {
      const fields = {
        origin: 'visit',
        identifiedOn: TODAY,
        ageYears: '11',
        agePrecision: 'estimated',
        work: 'hazardous',
        district: 'Poso',
        name: 'Sari',
      };
      const refused = await post('monA', `/en/units/${unitA}/cases/new`, fields);
      assert.equal(refused.status, 400);
      const text = await refused.text();
      assert.match(
        text,
        /name is identifying and cannot be stored: no consent of a parent or guardian is recorded \(UU 27\/2022 Pasal 25\(2\)\)/,
      );
      assert.match(text, /href="#nc-name"/);
      const opened = await post('monA', `/en/units/${unitA}/cases/new`, {
        ...fields,
        consentGiven: 'on',
        consentBy: 'Ibu Sari',
        consentRelation: 'parent',
        consentOn: TODAY,
        purposes: ['case_management', 'referral'],
      });
      assert.equal(opened.status, 303, await opened.clone().text());
      const location = opened.headers.get('location') ?? '';
      assert.match(location, /^\/en\/cases\/[0-9a-f-]{36}\?saved=opened$/);
      const page = await (await get('monA', location)).text();
      assert.match(page, /Sari/);
      assert.match(page, /Referral to services/);
    });

    test('from the compliance check: the answer links to a case, the unit chooser passes the work facts on', async () => {
      const check = await (await get('monA', '/en/compliance/check?country=IDN&age=12&work=hazardous&hoursPerDay=5')).text();
      assert.match(check, /href="\/en\/cases\/new\?from=check&amp;work=hazardous&amp;country=IDN&amp;age=12&amp;hours=5"/);
      const anonymous = await (await get(null, '/en/compliance/check?country=IDN&age=12&work=hazardous')).text();
      assert.doesNotMatch(anonymous, /cases\/new/);
      const chooser = await get('monA', `/en/cases/new?from=check&work=hazardous&country=IDN&age=12&hours=5&unit=${unitA}`);
      assert.equal(chooser.status, 303);
      const target = chooser.headers.get('location') ?? '';
      assert.equal(target, `/en/units/${unitA}/cases/new?from=check&age=12&work=hazardous&hours=5&country=IDN`);
      const form = await (await get('monA', target)).text();
      assert.match(form, /id="nc-ageYears" name="ageYears" value="12"/);
      assert.match(form, /<option value="hazardous" selected>/);
      assert.match(form, /<option value="check" selected>/);
      assert.equal((await get('monA', '/en/cases/new?unit=twelve')).status, 400);
    });

    test('every case page weighs under 60 KB in both languages', async () => {
      for (const lang of ['en', 'id']) {
        for (const path of [
          `/cases/${caseA}`,
          `/cases/${caseA}/actions`,
          `/units/${unitA}/cases`,
          `/units/${unitA}/worklist`,
          `/units/${unitA}/cases/new`,
        ]) {
          const res = await get('cmA', `/${lang}${path}`);
          assert.equal(res.status, 200, `${lang}${path}`);
          const bytes = (await res.arrayBuffer()).byteLength;
          assert.ok(bytes < 60_000, `/${lang}${path}: ${bytes} bytes`);
        }
      }
    });
  });
}
