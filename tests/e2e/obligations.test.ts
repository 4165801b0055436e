/**
 * Browser tests of the reporting calendar's pages (issue 9): Indonesia's obligations page in English
 * and Indonesian with axe, the secretariat entering a rule set and a group's base year with plain
 * forms (no script) and the calendar following at once, and the focal point marking a report sent.
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

const skip = browserSuiteSkip('obligations browser tests');

const IDN = 'idn@example.org';
const SEC = 'sec@example.org';
const SOURCE = 'Browser test: Governing Body document (test citation)';

describe('the reporting calendar in a browser', { skip }, () => {
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

  const signIn = async (page: Page, email: string): Promise<void> => {
    await page.goto(`${base}/en/login`);
    await page.locator('#login-email').fill(email);
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(/\/account$/);
  };

  const axe = async (page: Page, what: string): Promise<void> => {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const violations = result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
    assert.ok(result.passes.length > 0, `${what}: axe audited nothing`);
    assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 2)}`);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-obligations-'));
    const config = browserSuiteConfig(dir);
    const services = await createServices(config, { hasher: testHasher });
    const at = new Date();
    await services.accounts.createUser({ email: IDN, password: PASSWORD, role: 'focal_point', countries: ['IDN'] }, at);
    await services.accounts.createUser({ email: SEC, password: PASSWORD, role: 'secretariat' }, at);
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

  test("Indonesia's obligations page lists its C138 and C182 reports in English and Indonesian, with no axe violations", async () => {
    const page = await newPage(true);
    await page.goto(`${base}/en/countries/IDN`);
    await page.getByRole('link', { name: 'Reporting obligations (article 22 of the ILO Constitution)' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/countries/IDN/obligations');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Reporting obligations of Indonesia');
    // No one has stated that Indonesia's receipts are recorded here completely: past reports are "not recorded", not overdue.
    const notRecorded = await page.locator('section[aria-labelledby="reports-not_recorded-heading"]').innerText();
    assert.match(notRecorded, /C138[\s\S]*First \(detailed\) report[\s\S]*2001/);
    assert.match(notRecorded, /C182[\s\S]*2002/);
    assert.match(await page.locator('section[aria-labelledby="receipts-complete-heading"]').innerText(), /not stated/);
    const unknownDates = await page.locator('section[aria-labelledby="reports-unknown-heading"]').innerText();
    assert.match(unknownDates, /reporting cycle for this category is not yet entered/);
    assert.equal(
      await page.getByRole('link', { name: 'Calendar feed of the due dates (iCalendar)' }).getAttribute('href'),
      '/api/countries/IDN/reports.ics',
    );
    await axe(page, 'obligations en');

    await page.goto(`${base}/id/countries/IDN/obligations`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Kewajiban pelaporan Indonesia');
    assert.match(
      await page.locator('section[aria-labelledby="reports-not_recorded-heading"]').innerText(),
      /Laporan pertama \(terperinci\)/,
    );
    await axe(page, 'obligations id');

    await page.goto(`${base}/id/obligations`);
    assert.match(await page.locator('h1').innerText(), /Laporan yang terlambat/);
    await axe(page, 'dashboard id');
  });

  test('the secretariat enters a rule set and a group year with no script; the calendar follows at once', async () => {
    const page = await newPage(false);
    await signIn(page, SEC);
    await page.goto(`${base}/en/obligations/rules`);
    await page.locator('#rs-id').fill('fundamental-2012');
    await page.locator('#rs-category').selectOption('fundamental');
    await page.locator('#rs-cycle').fill('3');
    await page.locator('#rs-since').fill('2012');
    await page.locator('#rs-source').fill(SOURCE);
    await page.getByRole('button', { name: 'Save the rule set' }).click();
    assert.equal(new URL(page.url()).searchParams.get('saved'), '1');

    // A refused form keeps the values and names the field.
    await page.locator('#gy-rule-set').selectOption('fundamental-2012');
    await page.locator('#gy-label').fill('G–N');
    await page.locator('#gy-first').fill('G');
    await page.locator('#gy-last').fill('N');
    await page.locator('#gy-base').fill('20x7');
    await page.locator('#gy-source').fill(SOURCE);
    await page.getByRole('button', { name: 'Save the base year' }).click();
    assert.match(await page.locator('.error-summary').innerText(), /Enter a year as four digits/);
    assert.equal(await page.locator('#gy-label').inputValue(), 'G–N');
    await page.locator('#gy-base').fill('2027');
    await page.getByRole('button', { name: 'Save the base year' }).click();
    assert.equal(new URL(page.url()).searchParams.get('saved'), '1');
    assert.match(await page.locator('#groups-caption').locator('xpath=..').innerText(), /G–N[\s\S]*2027/);

    await page.goto(`${base}/en/countries/IDN/obligations`);
    const upcoming = await page.locator('section[aria-labelledby="reports-upcoming-heading"]').innerText();
    assert.match(upcoming, /Regular \(simplified\) report[\s\S]*2027[\s\S]*Group G–N: every 3 years/);
    const axePage = await newPage(true);
    await signIn(axePage, SEC);
    await axePage.goto(`${base}/id/obligations/rules`);
    await axe(axePage, 'rules id (secretariat)');
  });

  test('the focal point marks a report sent with no script; it moves to Received', async () => {
    const page = await newPage(false);
    await signIn(page, IDN);
    await page.goto(`${base}/en/countries/IDN/obligations`);
    await page.locator('#sent-report').selectOption('C182|2002|first');
    await page.locator('#sent-date').fill('2002-08-30');
    await page.locator('#sent-link').fill('https://example.org/idn-c182-first-report.pdf');
    await page.locator('#sent-source').fill(SOURCE);
    await page.getByRole('button', { name: 'Record the report as sent' }).click();
    const url = new URL(page.url());
    assert.equal(url.pathname, '/en/countries/IDN/obligations');
    assert.equal(url.searchParams.get('saved'), '1');
    const received = await page.locator('section[aria-labelledby="reports-received-heading"]').innerText();
    assert.match(received, /C182[\s\S]*2002[\s\S]*sent 30 August 2002/);
    assert.match(await page.locator('section[aria-labelledby="history-heading"]').innerText(), /idn@example\.org/);

    const axePage = await newPage(true);
    await signIn(axePage, IDN);
    await axePage.goto(`${base}/id/countries/IDN/obligations`);
    await axe(axePage, 'obligations id (focal point, with the form)');
  });
});
