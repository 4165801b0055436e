/**
 * Issue 9, supervision in Chromium: Indonesia's profile shows its C138 comments (en and id), the
 * supervision page filters without JavaScript, the secretariat records a comment through the
 * no-JS form; axe finds no WCAG 2 A/AA violation on the pages.
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

const skip = browserSuiteSkip('supervision browser tests');

describe('supervision in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let reader: BrowserContext;
  let scripts: BrowserContext;
  let page: Page;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-supervision-'));
    const config = browserSuiteConfig(dir);
    server = await startServer(config);
    base = `http://127.0.0.1:${server.port}`;
    const services = await createServices(config, { hasher: testHasher });
    try {
      await services.accounts.createUser({ email: 'sec@example.org', password: PASSWORD, role: 'secretariat' }, new Date());
    } finally {
      await services.close();
    }
    browser = await launchChromium();
    reader = await browser.newContext({ javaScriptEnabled: false });
    page = await reader.newPage();
    // axe is a script: it runs in a context with scripts on.
    scripts = await browser.newContext();
  });

  after(async () => {
    await reader?.close().catch(() => {});
    await scripts?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("Indonesia's profile lists its C138 comments, in English", async () => {
    await page.goto(`${base}/en/countries/IDN`);
    const section = page.locator('section[aria-labelledby="supervision-comments-heading"]');
    assert.equal(await section.locator('h2').textContent(), 'Supervisory comments');
    const c138 = section.locator('tr', { has: page.locator('a[href="/en/instruments/C138"]') });
    assert.equal(await c138.count(), 5);
    const dr = section.locator('tr', { has: page.locator('a[href="/en/supervision/comments/2233949"]') });
    assert.match((await dr.textContent()) ?? '', /direct request[\s\S]*2003[\s\S]*28 March 2000/);
    assert.match((await c138.first().textContent()) ?? '', /kind not stated in the source|direct request/);
    assert.equal(
      await page.locator('section[aria-labelledby="supervision-procedures-heading"] h2').textContent(),
      'Representations and complaints',
    );
  });

  test("Indonesia's profile lists its C138 comments, in Indonesian", async () => {
    await page.goto(`${base}/id/countries/IDN`);
    const section = page.locator('section[aria-labelledby="supervision-comments-heading"]');
    assert.equal(await section.locator('h2').textContent(), 'Komentar pengawasan');
    const dr = section.locator('tr', { has: page.locator('a[href="/id/supervision/comments/2233949"]') });
    assert.match((await dr.textContent()) ?? '', /permintaan langsung[\s\S]*2003[\s\S]*28 Maret 2000/);
    assert.equal(await section.locator('tr', { has: page.locator('a[href="/id/instruments/C138"]') }).count(), 5);
    assert.equal(await page.locator('.editor-notes').count(), 0, 'no research note for an anonymous reader');
  });

  test('the supervision page filters with a plain GET form and links to a case', async () => {
    await page.goto(`${base}/en/supervision`);
    await page.getByLabel('Procedure', { exact: true }).selectOption('art26');
    await page.getByLabel('Member State (ISO code, e.g. IDN)').fill('MMR');
    await page.getByRole('button', { name: 'Apply' }).click();
    assert.match(page.url(), /procedure=art26/);
    const rows = page.locator('section[aria-labelledby="supervision-procedures-heading"] tbody tr');
    assert.equal(await rows.count(), 3);
    await page.getByRole('link', { name: 'Complaint' }).first().click();
    assert.match(page.url(), /\/en\/supervision\/procedures\/art26-mmr-/);
    assert.match((await page.locator('main').textContent()) ?? '', /Constitution Art/);
  });

  test('the secretariat records a comment through the no-JS form; it shows on the profile at once', async () => {
    const sec = await browser.newContext({ javaScriptEnabled: false });
    try {
      const login = await sec.request.post(`${base}/api/auth/login`, { data: { email: 'sec@example.org', password: PASSWORD } });
      assert.equal(login.status(), 200);
      const p = await sec.newPage();
      await p.goto(`${base}/en/supervision/comments/new`);
      await p.getByLabel('Member State (ISO code, e.g. IDN)').fill('IDN');
      await p.getByLabel('Conventions (codes separated by commas, e.g. C138, C182)').fill('C182');
      await p.getByLabel('Kind of comment').selectOption('observation');
      await p.getByLabel('Year', { exact: true }).fill('2025');
      await p.getByLabel('Summary in English (your own words)').fill('Asks for data on children in hazardous work.');
      await p.getByLabel('The comment asks the government for a reply or a report').check();
      await p.getByLabel('Source (required)').fill('Test: NORMLEX page');
      await p.getByRole('button', { name: 'Save' }).click();
      assert.match(p.url(), /\/en\/supervision\/comments\/local-1$/);
      assert.match((await p.locator('main').textContent()) ?? '', /yes: a report is requested out of cycle/);
      await p.goto(`${base}/en/countries/IDN`);
      assert.match(
        (await p.locator('section[aria-labelledby="supervision-comments-heading"]').textContent()) ?? '',
        /children in hazardous work/,
      );
      // A bad year comes back as an error on its field.
      await p.goto(`${base}/en/supervision/comments/local-1/edit`);
      await p.getByLabel('Year', { exact: true }).fill('2999');
      await p.getByLabel('Source (required)').fill('Test');
      await p.getByRole('button', { name: 'Save' }).click();
      assert.equal(await p.locator('#sf-year').getAttribute('aria-invalid'), 'true');
      await p.close();
    } finally {
      await sec.close();
    }
  });

  async function audit(path: string): Promise<void> {
    const p = await scripts.newPage();
    try {
      await p.goto(`${base}${path}`);
      const result = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa']).analyze();
      const violations = result.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
      if (violations.length) console.log(JSON.stringify(violations, null, 2));
      assert.ok(result.passes.length > 0, 'axe audited nothing');
      assert.equal(violations.length, 0, `axe violations on ${path}: ${violations.map((v) => v.id).join(', ')}`);
    } finally {
      await p.close();
    }
  }

  for (const lang of ['en', 'id']) {
    for (const path of [
      '/countries/IDN',
      '/supervision',
      '/supervision?country=IDN&instrument=C138',
      '/supervision/comments/2233949',
      '/supervision/procedures/art26-pol-1982',
      '/instruments/C029',
    ]) {
      test(`axe finds no WCAG 2 A/AA violation on /${lang}${path}`, () => audit(`/${lang}${path}`));
    }
  }
});
