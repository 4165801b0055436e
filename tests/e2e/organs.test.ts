/**
 * Browser tests of the Governing Body and Office pages (issue 9, organs): the real server on SQLite,
 * Chromium with JavaScript off for the reader, and axe (WCAG 2 A/AA) on each page in en and id.
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

const skip = browserSuiteSkip('organs browser tests');

describe('Governing Body and Office pages in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let axeContext: BrowserContext;
  let axePage: Page;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-organs-'));
    const config = browserSuiteConfig(dir);
    const services = await createServices(config, { hasher: testHasher });
    await services.accounts.createUser({ email: 'sec@example.org', password: PASSWORD, role: 'secretariat' }, new Date());
    await services.close();
    server = await startServer(config);
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    axeContext = await browser.newContext();
    axePage = await axeContext.newPage();
  });

  after(async () => {
    await page?.close().catch(() => {});
    await context?.close().catch(() => {});
    await axePage?.close().catch(() => {});
    await axeContext?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the Governing Body in English: seats by group, permanent seats linked to profiles, unknown seats to the gaps', async () => {
    await page.goto(`${base}/en/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Governing Body' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/governing-body');
    const seats = page.getByRole('table', { name: /Seats of the Governing Body by group/ });
    assert.match(await seats.getByRole('row', { name: /Government/ }).innerText(), /28\s+28/);
    assert.match(await seats.getByRole('row', { name: /Total/ }).innerText(), /56\s+66/);
    const period = page.getByRole('table', { name: /Seats in the 2021-2024 period/ });
    assert.match(await period.getByRole('row', { name: /Government, titular/ }).innerText(), /28\s+10\s+0\s+18 unknown/);
    assert.match(await page.locator('main').innerText(), /current composition is unknown/);
    await page.getByRole('link', { name: 'Brazil' }).first().click();
    assert.equal(new URL(page.url()).pathname, '/en/countries/BRA');
    await page.goBack();
    await period.getByRole('link', { name: '18 unknown' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/gaps');
    assert.match(await page.locator('main').innerText(), /Governing Body, period 2021-2024/);
  });

  test('the Governing Body and the Office in Indonesian, and Indonesia’s office on its profile', async () => {
    await page.goto(`${base}/id/governing-body`);
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    assert.equal(await page.locator('h1').innerText(), 'Badan Pengurus');
    assert.match(await page.locator('main').innerText(), /Kursi pemerintah permanen/);
    await page.getByRole('link', { name: /Kantor Perburuhan Internasional/ }).click();
    assert.equal(new URL(page.url()).pathname, '/id/office');
    assert.match(await page.locator('main').innerText(), /Direktur Jenderal[\s\S]*Tidak diketahui/);
    await page.goto(`${base}/en/countries/IDN`);
    const offices = page.locator('section', { has: page.locator('#offices-heading') });
    assert.match(await offices.innerText(), /Jakarta[\s\S]*Bangkok/);
  });

  test('the secretariat records a session with the portal form, in Indonesian, and axe finds no violation on the form and the session', async () => {
    const audit = async (label: string) => {
      const result = await new AxeBuilder({ page: axePage }).withTags(['wcag2a', 'wcag2aa']).analyze();
      const violations = result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
      assert.deepEqual(violations, [], `${label}: ${JSON.stringify(violations, null, 2)}`);
    };
    await axePage.goto(`${base}/id/login`);
    await axePage.locator('#login-email').fill('sec@example.org');
    await axePage.locator('#login-password').fill(PASSWORD);
    await axePage.locator('main form button[type="submit"]').click();
    await axePage.waitForURL(/\/account$/);
    await axePage.goto(`${base}/id/governing-body`);
    await axePage.getByRole('link', { name: 'Catat sidang' }).click();
    await audit('/id/governing-body/sessions/new');
    await axePage.getByLabel('Nomor sidang').fill('353');
    await axePage.locator('main form button[type="submit"]').click();
    assert.match(await axePage.locator('.error-summary').innerText(), /sumber/i);
    await audit('/id/governing-body/sessions/new with errors');
    await axePage.getByLabel('Tanggal pembukaan').fill('2025-03-10');
    await axePage.getByLabel('Mata acara').fill('Butir pertama\nButir kedua');
    await axePage.locator('#gbs-source').fill('GB.353 agenda (test)');
    await axePage.locator('main form button[type="submit"]').click();
    await axePage.waitForURL(/\/id\/governing-body\/sessions\/353\?saved=1$/);
    assert.equal(await axePage.locator('h1').innerText(), 'Sidang ke-353 Badan Pengurus');
    assert.match(await axePage.locator('main ol').innerText(), /Butir pertama[\s\S]*Butir kedua/);
    await audit('/id/governing-body/sessions/353');
  });

  test('axe finds no WCAG 2 A/AA violation on the organs pages in en and id', async () => {
    for (const path of ['/en/governing-body', '/id/governing-body', '/en/office', '/id/office']) {
      await axePage.goto(`${base}${path}`);
      const result = await new AxeBuilder({ page: axePage }).withTags(['wcag2a', 'wcag2aa']).analyze();
      const violations = result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
      assert.ok(result.passes.length > 0, 'axe audited nothing');
      assert.deepEqual(violations, [], `${path}: ${JSON.stringify(violations, null, 2)}`);
    }
  });
});
