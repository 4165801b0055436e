/**
 * Browser tests of the case pages (issue 11) at a phone's width (390 x 844), scripts off for the
 * reader: a monitor signs in and records a visit with the no-JS form, in English and in Indonesian;
 * a case manager is refused closure after one clear follow-up visit (the rule's message beside the
 * form) and closes the case after a second one on another day, in both languages; anonymous readers
 * go to the sign-in page, another unit's case is the 404 page; axe (WCAG 2 A/AA) finds nothing on
 * the case page, the visit form, the close form, the worklist and the case list. Units, members and
 * cases are set up through the services before the server starts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServices } from '../../src/container.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { addDays } from '../../src/domain/child-labour/cases/types.ts';
import { startServer } from '../../src/main.ts';
import type { OpenCaseInput } from '../../src/services/cases/case-types.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { browserSuiteConfig, browserSuiteSkip, launchChromium } from '../support/browser.ts';

const skip = browserSuiteSkip('case pages browser tests');

const MONITOR = 'monitor@example.org';
const MANAGER = 'manager@example.org';
const OTHER = 'other-unit@example.org';
const PHONE = { width: 390, height: 844 };
const today = new Date().toISOString().slice(0, 10);

describe('Case pages in a browser at 390 px', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  /** Case ids by purpose: visit (en, id), closure (en, id), and one of unit B. */
  const ids: Record<'visitEn' | 'visitId' | 'closeEn' | 'closeId' | 'otherUnit', string> = {
    visitEn: '',
    visitId: '',
    closeEn: '',
    closeId: '',
    otherUnit: '',
  };
  let unitA = 0;

  const newPage = async (javaScriptEnabled: boolean): Promise<Page> => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: PHONE });
    contexts.push(context);
    return context.newPage();
  };

  const signIn = async (page: Page, email: string, lang: 'en' | 'id'): Promise<void> => {
    await page.goto(`${base}/${lang}/login`);
    await page.locator('#login-email').fill(email);
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(/\/account$/);
  };

  const audit = async (page: Page, path: string) => {
    const response = await page.goto(`${base}${path}`);
    assert.equal(response?.status(), 200, path);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const violations = result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
    assert.deepEqual(violations, [], `${path}: ${JSON.stringify(violations, null, 2)}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= PHONE.width, `${path} fits 390 px without scrolling sideways (scroll width ${wide})`);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-cases-'));
    const config = browserSuiteConfig(dir);
    const services = await createServices(config, { hasher: testHasher });
    const at = new Date();
    const monitor = await services.accounts.createUser({ email: MONITOR, password: PASSWORD, role: 'reader' }, at);
    const manager = await services.accounts.createUser({ email: MANAGER, password: PASSWORD, role: 'reader' }, at);
    const other = await services.accounts.createUser({ email: OTHER, password: PASSWORD, role: 'reader' }, at);
    // Units and members straight into their tables: the unit service is another helper's (issue 11, C1).
    const db = services.handle.db;
    const unit = async (name: string) =>
      Number(
        (
          await db
            .insertInto('monitoring_units')
            .values({
              name,
              kind: 'cooperative',
              country_iso3: 'IDN',
              province: 'Lampung',
              district: 'Tanggamus',
              supply_chain: null,
              commodity: 'cocoa',
              follow_up_days: JSON.stringify({ worst_form: 14, hazardous: 30, vulnerable: 60, other: 90 }),
              lost_after_attempts: 3,
              retention_months: 24,
              created_at: at.toISOString(),
              created_by: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    unitA = await unit('Koperasi Kakao Tanggamus');
    const unitB = await unit('Other cooperative');
    const member = (unitId: number, userId: number, role: string) =>
      db
        .insertInto('unit_members')
        .values({ unit_id: unitId, user_id: userId, role, added_at: at.toISOString(), added_by: null })
        .execute();
    await member(unitA, monitor.id, 'monitor');
    await member(unitA, manager.id, 'case_manager');
    await member(unitB, other.id, 'monitor');

    const identifiedOn = addDays(today, -30);
    const child = (name: string): OpenCaseInput => ({
      origin: 'visit',
      identifiedOn,
      sex: 'female',
      ageYears: 12,
      agePrecision: 'estimated',
      district: 'Tanggamus',
      schoolEnrolled: true,
      schoolAttending: false,
      work: 'hazardous',
      workTask: 'spraying pesticide',
      commodity: 'cocoa',
      hoursPerDay: 5,
      nightWork: false,
      hazards: ['pesticides'],
      name,
      consent: { by: 'Ibu Sari', relation: 'parent', on: identifiedOn, purposes: ['case_management'] },
    });
    const open = async (actor: Actor, unitId: number, name: string) => (await services.cases.openCase(actor, unitId, child(name), at)).id;
    ids.visitEn = await open(manager, unitA, 'Ani');
    ids.visitId = await open(manager, unitA, 'Budi');
    ids.closeEn = await open(manager, unitA, 'Citra');
    ids.closeId = await open(manager, unitA, 'Dewi');
    ids.otherUnit = await open(other, unitB, 'Eka');
    // The closure cases: support provided, then one clear follow-up visit five days ago.
    for (const id of [ids.closeEn, ids.closeId]) {
      const planned = await services.cases.addAction(
        manager,
        id,
        { kind: 'school_enrolment', responsible: 'Koperasi', dueOn: addDays(today, -20) },
        at,
      );
      const action = planned.actions[0];
      assert.ok(action);
      await services.cases.markActionProvided(manager, id, action.id, addDays(today, -20), at);
      await services.cases.recordVisit(
        manager,
        id,
        { visitedOn: addDays(today, -5), kind: 'follow_up', childFound: true, inChildLabour: false, atSchool: true },
        at,
      );
    }
    await services.close();
    server = await startServer(config);
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of ['en', 'id'] as const) {
    test(`a monitor signs in and records a visit on a phone without JavaScript (${lang})`, async () => {
      const page = await newPage(false);
      const id = lang === 'en' ? ids.visitEn : ids.visitId;
      await signIn(page, MONITOR, lang);
      await page.goto(`${base}/${lang}/units/${unitA}/worklist`);
      await page.locator(`main a[href="/${lang}/cases/${id}/visit"]`).click();
      assert.equal(new URL(page.url()).pathname, `/${lang}/cases/${id}/visit`);
      const html = await page.content();
      assert.ok(Buffer.byteLength(html) < 60_000, `the visit form weighs ${Buffer.byteLength(html)} bytes`);
      assert.equal(await page.locator('#visit-date').inputValue(), today, 'the date is today already');
      assert.equal(await page.locator('#visit-date').getAttribute('type'), 'date');
      const words = lang === 'en' ? { no: 'No', yes: 'Yes', save: 'Save the visit' } : { no: 'Tidak', yes: 'Ya', save: 'Simpan kunjungan' };
      // The radio buttons' labels are large targets (at least 44 px high: WCAG 2.5.5).
      const box = await page.locator('label[for="visit-in-work-no"]').boundingBox();
      assert.ok(box && box.height >= 44, `label height ${box?.height}`);
      await page.locator('#visit-in-work-no').check();
      await page.locator('#visit-at-school').check();
      await page.getByRole('button', { name: words.save }).click();
      assert.equal(new URL(page.url()).pathname, `/${lang}/cases/${id}`);
      const main = await page.locator('main').innerText();
      assert.match(main, lang === 'en' ? /Saved\./ : /Tersimpan\./);
      assert.match(main, lang === 'en' ? /Visit recorded/ : /Kunjungan dicatat/);
      const visits = await page.locator('section[aria-labelledby="case-visits"] tbody tr').count();
      assert.equal(visits, 1);
      assert.match(
        await page.locator('section[aria-labelledby="case-visits"] tbody').innerText(),
        new RegExp(`${words.no}[\\s\\S]*${words.yes}`),
      );
    });

    test(`a case manager is refused closure after one clear visit and closes after two (${lang})`, async () => {
      const page = await newPage(false);
      const id = lang === 'en' ? ids.closeEn : ids.closeId;
      await signIn(page, MANAGER, lang);
      await page.goto(`${base}/${lang}/cases/${id}`);
      await page
        .getByRole('link', { name: lang === 'en' ? 'Close the case' : 'Tutup kasus' })
        .first()
        .click();
      const submit = lang === 'en' ? 'Close the case' : 'Tutup kasus';
      await page.locator('#close-reason').selectOption('no_longer_in_child_labour');
      const refused = page.waitForResponse((r) => r.url().endsWith('/close') && r.request().method() === 'POST');
      await page.locator('main form').getByRole('button', { name: submit }).click();
      assert.equal((await refused).status(), 400);
      const alert = await page.locator('.case-refusal').innerText();
      assert.match(
        alert,
        lang === 'en'
          ? /2 consecutive follow-up visits on different days must find the child out of child labour; found 1\./
          : /2 kunjungan tindak lanjut berturut-turut pada hari yang berbeda harus mendapati anak tidak lagi menjadi pekerja anak; baru 1\./,
      );
      // A second clear visit today (another day than the first), with the same phone form.
      await page.goto(`${base}/${lang}/cases/${id}/visit`);
      await page.locator('#visit-in-work-no').check();
      await page.locator('#visit-at-school').check();
      await page.locator('main form button[type="submit"]').click();
      await page.goto(`${base}/${lang}/cases/${id}/close`);
      await page.locator('#close-reason').selectOption('no_longer_in_child_labour');
      await page.locator('main form').getByRole('button', { name: submit }).click();
      assert.equal(new URL(page.url()).pathname, `/${lang}/cases/${id}`);
      const main = await page.locator('main').innerText();
      assert.match(main, lang === 'en' ? /Closed on .*: No longer in child labour/ : /Ditutup pada .*: Tidak lagi menjadi pekerja anak/);
      assert.match(main, lang === 'en' ? /Status\s+Closed/ : /Status kasus\s+Ditutup/);
    });
  }

  test('anonymous readers are sent to sign in; another unit’s case is the 404 page', async () => {
    const anonymous = await newPage(false);
    await anonymous.goto(`${base}/en/cases/${ids.visitEn}`);
    assert.equal(new URL(anonymous.url()).pathname, '/en/login');
    assert.equal(new URL(anonymous.url()).searchParams.get('next'), `/en/cases/${ids.visitEn}`);
    const page = await newPage(false);
    await signIn(page, MONITOR, 'en');
    const response = await page.goto(`${base}/en/cases/${ids.otherUnit}`);
    assert.equal(response?.status(), 404);
    assert.doesNotMatch(await page.locator('main').innerText(), /Eka/);
    const unknown = await page.goto(`${base}/id/cases/00000000-0000-4000-8000-000000000000`);
    assert.equal(unknown?.status(), 404);
  });

  test('axe finds no violations on the case page, visit form, close form, worklist and case list', async () => {
    const page = await newPage(true);
    await signIn(page, MANAGER, 'en');
    await audit(page, `/en/cases/${ids.visitEn}`);
    await audit(page, `/id/cases/${ids.visitId}/visit`);
    await audit(page, `/en/cases/${ids.visitId}/close`);
    await audit(page, `/id/units/${unitA}/worklist`);
    await audit(page, `/en/units/${unitA}/cases?priority=worst_form`);
    await audit(page, `/id/units/${unitA}/cases/new`);
    await audit(page, `/en/cases/${ids.visitEn}/actions`);
  });
});
