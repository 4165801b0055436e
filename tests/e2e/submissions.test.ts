/**
 * Browser tests of the submission pages (Constitution Art 19(5)(b), 19(6)(b)): a focal point records
 * Indonesia's submission of C190 with the plain form (no script) and it leaves the overdue lists;
 * axe finds nothing on a State's submissions page (en and id, with and without form errors) or on
 * the overdue dashboard. The real server runs on SQLite in a temp folder.
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

const skip = browserSuiteSkip('submission browser tests');

const IDN = 'idn@example.org';
const SEC = 'sec@example.org';

describe('submissions in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  const newPage = async (javaScriptEnabled: boolean): Promise<Page> => {
    const context = await browser.newContext({ javaScriptEnabled });
    contexts.push(context);
    return context.newPage();
  };

  const signIn = async (page: Page, email: string, lang: 'en' | 'id' = 'en'): Promise<void> => {
    await page.goto(`${base}/${lang}/login`);
    await page.locator('#login-email').fill(email);
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(/\/account$/);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-submissions-'));
    const config = browserSuiteConfig(dir);
    const services = await createServices(config, { hasher: testHasher });
    const at = new Date();
    await services.accounts.createUser({ email: IDN, password: PASSWORD, role: 'focal_point', countries: ['IDN'] }, at);
    const sec = await services.accounts.createUser({ email: SEC, password: PASSWORD, role: 'secretariat' }, at);
    await services.submissions.setTracking(sec, { session: 108, source: 'Browser test: tracking of ILC 108' }, at);
    await services.close();
    server = await startServer(config);
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const audit = async (page: Page, label: string) => {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const violations = result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
    if (violations.length) console.log(JSON.stringify(violations, null, 2));
    assert.ok(result.passes.length > 0, 'axe audited nothing');
    assert.equal(violations.length, 0, `axe violations on ${label}: ${violations.map((v) => v.id).join(', ')}`);
  };

  for (const lang of ['en', 'id'] as const) {
    test(`axe on Indonesia's submissions page, with the form and its errors (${lang})`, async () => {
      const page = await newPage(true);
      await signIn(page, IDN, lang);
      await page.goto(`${base}/${lang}/countries/IDN/submissions`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.match((await page.locator('main table').textContent()) ?? '', /C190/);
      await audit(page, `/${lang}/countries/IDN/submissions`);
      await page.locator('#sub-instrument').selectOption('C190');
      await page.locator('main form.edit-form button[type="submit"]').click();
      assert.ok((await page.locator('.field-error').count()) >= 1);
      await audit(page, `/${lang}/countries/IDN/submissions with errors`);
    });

    test(`axe on the overdue dashboard, anonymous and as the secretariat (${lang})`, async () => {
      const anonymous = await newPage(true);
      await anonymous.goto(`${base}/${lang}/submissions`);
      await audit(anonymous, `/${lang}/submissions`);
      const secretariat = await newPage(true);
      await signIn(secretariat, SEC, lang);
      await secretariat.goto(`${base}/${lang}/submissions`);
      assert.equal(await secretariat.locator('#track-session').count(), 1);
      await audit(secretariat, `/${lang}/submissions signed in`);
    });
  }

  test('a focal point records a submission without script; it leaves the overdue lists', async () => {
    const before = await (await fetch(`${base}/en/submissions`)).text();
    assert.match(before, /href="\/en\/countries\/IDN\/submissions"/);
    const page = await newPage(false);
    await signIn(page, IDN);
    await page.goto(`${base}/en/countries/IDN`);
    await page.getByRole('link', { name: 'Submissions to the competent authorities' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/countries/IDN/submissions');
    assert.match((await page.locator('main table').textContent()) ?? '', /overdue/);
    await page.getByLabel('Instrument', { exact: true }).selectOption('C190');
    await page.getByLabel('Date of submission').fill('2020-03-02');
    await page.getByLabel('Competent authority').fill('Dewan Perwakilan Rakyat');
    await page.locator('#sub-source').fill('Letter of the Ministry of Manpower to the Director-General, 2020');
    await page.getByRole('button', { name: 'Save submission' }).click();
    assert.match(page.url(), /\/en\/countries\/IDN\/submissions\?saved=1$/);
    assert.match((await page.locator('[role="status"]').textContent()) ?? '', /saved/);
    const row = (await page.locator('main table tbody tr').first().textContent()) ?? '';
    assert.match(row, /submitted/);
    assert.match(row, /Dewan Perwakilan Rakyat/);
    const after = await (await fetch(`${base}/en/submissions`)).text();
    assert.doesNotMatch(after, /href="\/en\/countries\/IDN\/submissions"/);
    const idPage = await (await fetch(`${base}/id/countries/IDN/submissions`)).text();
    assert.match(idPage, /sudah disampaikan/);
  });
});
