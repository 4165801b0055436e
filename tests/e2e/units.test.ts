/**
 * Browser tests of the monitoring-unit pages (issue 11): the real server on SQLite, Chromium at
 * 390 px with JavaScript off for the people using the forms, and axe (WCAG 2 A/AA) on the units
 * list and a unit's page, in English and Indonesian, also with a form's errors shown.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServices } from '../../src/container.ts';
import { startServer } from '../../src/main.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { browserSuiteConfig, browserSuiteSkip, launchChromium } from '../support/browser.ts';

const skip = browserSuiteSkip('monitoring units browser tests');
const WIDTH = 390;
const viewport = { width: WIDTH, height: 844 };
const ADMIN = 'admin@example.org';
const UNIT_ADMIN = 'unit.admin@example.org';
const MONITOR = 'monitor@example.org';

describe('Monitoring unit pages in a browser at 390 px', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let base: string;
  let unitPath = '';

  /** A phone without JavaScript, signed in with the portal's own form. */
  const phone = async (email: string, lang: 'en' | 'id'): Promise<Page> => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/${lang}/login`);
    await page.locator('#login-email').fill(email);
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(/\/account$/);
    return page;
  };

  /** Scripts on (axe is a script; the pages use none), signed in through the API. */
  const auditor = async (email: string): Promise<Page> => {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const login = await context.request.post(`${base}/api/auth/login`, { data: { email, password: PASSWORD } });
    assert.equal(login.status(), 200);
    return context.newPage();
  };

  const audit = async (page: Page, what: string) => {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const violations = result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
    assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 2)}`);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(scrollWidth <= clientWidth, `${what} scrolls sideways at ${WIDTH} px: ${scrollWidth} > ${clientWidth}`);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-units-'));
    const config = browserSuiteConfig(dir);
    server = await startServer(config);
    base = `http://127.0.0.1:${server.port}`;
    const services = await createServices(config, { hasher: testHasher });
    try {
      await services.accounts.createUser({ email: ADMIN, password: PASSWORD, role: 'admin' }, new Date());
      await services.accounts.createUser({ email: UNIT_ADMIN, password: PASSWORD, role: 'reader' }, new Date());
      await services.accounts.createUser({ email: MONITOR, password: PASSWORD, role: 'reader' }, new Date());
    } finally {
      await services.close();
    }
    browser = await launchChromium();
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('en: the platform admin creates a unit and adds its administrator, without JavaScript', async () => {
    const page = await phone(ADMIN, 'en');
    await page.goto(`${base}/en/units`);
    assert.match(await page.locator('main').innerText(), /There is no monitoring unit yet/);
    // A missing name is shown on the form, linked from the summary.
    await page.getByLabel('Country (ISO code, e.g. IDN)').fill('IDN');
    await page.getByRole('button', { name: 'Create the unit' }).click();
    assert.match(await page.locator('.error-summary').innerText(), /Name is required/);
    await page.getByLabel('Name of the unit').fill('Kakao Luwu cooperative');
    await page.getByLabel('Kind of organisation').selectOption('cooperative');
    await page.getByLabel('District (optional)').fill('Luwu');
    await page.getByLabel('Commodity (optional, e.g. cocoa)').fill('cocoa');
    await page.getByRole('button', { name: 'Create the unit' }).click();
    unitPath = new URL(page.url()).pathname.replace(/^\/en/, '');
    assert.match(unitPath, /^\/units\/\d+$/);
    const main = page.locator('main');
    assert.equal(await main.locator('h1').innerText(), 'Kakao Luwu cooperative');
    assert.match(await main.innerText(), /The unit was created/);
    assert.match(await main.innerText(), /Worst forms of child labour \(C182 Art 3\)\s+14 days/);

    await page.getByLabel('Email of the account').fill(UNIT_ADMIN);
    await page.getByLabel('Role in the unit').selectOption('unit_admin');
    await page.getByRole('button', { name: 'Add the member' }).click();
    assert.match(await main.innerText(), /The member was added/);
    assert.match(await main.locator('table').innerText(), /unit\.admin@example\.org\s+Unit administrator/);
  });

  test('id: the unit administrator adds a monitor, changes the role and removes them, without JavaScript', async () => {
    assert.ok(unitPath, 'the unit of the first test');
    const page = await phone(UNIT_ADMIN, 'id');
    await page.goto(`${base}/id/units`);
    await page.getByRole('link', { name: 'Kakao Luwu cooperative' }).click();
    assert.equal(new URL(page.url()).pathname, `/id${unitPath}`);
    const main = page.locator('main');
    assert.match(await main.innerText(), /Peran Anda\s+Administrator unit/);
    await page.getByLabel('Email akun').fill(MONITOR);
    await page.getByLabel('Peran di unit').selectOption('monitor');
    await page.getByRole('button', { name: 'Tambahkan anggota' }).click();
    assert.match(await main.innerText(), /Anggota telah ditambahkan/);

    await page.getByLabel(`Peran ${MONITOR}`).selectOption('case_manager');
    await page.locator('tr', { hasText: MONITOR }).getByRole('button', { name: 'Ubah peran' }).click();
    assert.match(await main.innerText(), /Peran telah diubah/);
    assert.match(await main.locator('tr', { hasText: MONITOR }).innerText(), /Manajer kasus/);

    await page.getByRole('button', { name: `Keluarkan ${MONITOR} dari unit` }).click();
    assert.match(await main.innerText(), /Anggota telah dikeluarkan/);
    assert.equal(await main.locator('tr', { hasText: MONITOR }).count(), 0);

    // The settings form is a <details>: opened, changed and saved without JavaScript.
    await page.getByText('Ubah pengaturan').click();
    await page.getByLabel('Pekerjaan berbahaya').fill('21');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    assert.match(await main.innerText(), /Pengaturan telah disimpan/);
    assert.match(await main.innerText(), /Pekerjaan berbahaya\s+21 hari/);
  });

  for (const lang of ['en', 'id'] as const) {
    test(`axe finds no violation on /${lang}/units and the unit page at 390 px`, async () => {
      assert.ok(unitPath, 'the unit of the first test');
      const admin = await auditor(ADMIN);
      await admin.goto(`${base}/${lang}/units`);
      await audit(admin, `/${lang}/units (platform admin, with the create form)`);
      await admin.goto(`${base}/${lang}${unitPath}`);
      await audit(admin, `/${lang}${unitPath} (members and forms)`);
      // The error state of the create form.
      await admin.goto(`${base}/${lang}/units`);
      await admin.locator('#unit-country').fill('XXX');
      await admin.locator('form[action$="/units"] button[type="submit"]').click();
      await admin.locator('.error-summary').waitFor();
      await audit(admin, `/${lang}/units with errors`);
      // The error state of the settings form (opened by its errors).
      await admin.goto(`${base}/${lang}${unitPath}`);
      await admin.locator('details summary').click();
      await admin.locator('#settings-retentionMonths').fill('0');
      await admin.locator('form[action$="/settings"] button[type="submit"]').click();
      await admin.locator('.error-summary').waitFor();
      await audit(admin, `/${lang}${unitPath} with settings errors`);

      const member = await auditor(UNIT_ADMIN);
      await member.goto(`${base}/${lang}/units`);
      await audit(member, `/${lang}/units (member)`);
    });
  }
});
