/**
 * Browser tests of the goods page and the country profile's USDOL section (issue 10, "Goods"): the real
 * server on SQLite, Chromium with JavaScript off for the reader, and axe (WCAG 2 A/AA) in en and id.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../src/main.ts';
import { browserSuiteConfig, browserSuiteSkip, launchChromium } from '../support/browser.ts';

const skip = browserSuiteSkip('goods browser tests');

describe('goods page and USDOL country section in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-goods-'));
    server = await startServer(browserSuiteConfig(dir));
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
  });

  after(async () => {
    await page?.close().catch(() => {});
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('without JavaScript: the nav leads to the goods, the filter form narrows them, a country link opens its profile section', async () => {
    await page.goto(`${base}/en/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goods' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/goods');
    await page.getByLabel('Good (part of the name)').fill('cocoa');
    await page.getByLabel('Kind of labour').selectOption('forced_labour');
    await page.getByRole('button', { name: 'Show' }).click();
    const table = page.getByRole('table', { name: /Goods and countries listed \(2\)/ });
    assert.match(await table.innerText(), /Cocoa[\s\S]*Côte d'Ivoire[\s\S]*Forced labour[\s\S]*USDOL-SWEATTOIL-2022, 2022/);
    await table.getByRole('link', { name: "Côte d'Ivoire" }).click();
    assert.equal(new URL(page.url()).pathname, '/en/countries/CIV');
    const section = page.locator('section', { has: page.locator('#usdol-heading') });
    assert.match(await section.innerText(), /Cocoa/);
    assert.match(await section.getByRole('table', { name: /Legal standards on child labour/ }).innerText(), /Minimum age for work/);
    assert.match(await section.getByRole('table', { name: /Enforcement of child labour laws/ }).innerText(), /Labour inspectors/);
    assert.match(await section.getByRole('table', { name: /children’s work and education/i }).innerText(), /Share of children working/);
  });

  test('Indonesian: the same list by country, and a bad filter named in the form', async () => {
    await page.goto(`${base}/id/goods`);
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    await page.getByRole('region', { name: 'Telusuri menurut negara' }).getByRole('link', { name: 'Pantai Gading' }).click();
    assert.equal(new URL(page.url()).search, '?country=CIV');
    assert.match(await page.getByRole('table').innerText(), /Cocoa[\s\S]*Pekerja anak/);
    assert.equal(await page.locator('#goods-country').inputValue(), 'CIV');
    await page.goto(`${base}/id/goods?kind=budak`);
    assert.match(await page.locator('.error-summary').innerText(), /Pilih jenis kerja dari daftar/);
  });

  test('the weight budget: the whole unfiltered list is under 60 KB compressed', async () => {
    const res = await fetch(`${base}/en/goods`);
    const body = Buffer.from(await res.arrayBuffer());
    assert.ok(gzipSync(body).length < 60 * 1024, `${gzipSync(body).length} bytes`);
  });

  test('axe finds no WCAG 2 A/AA violation on the goods pages and the profile section in en and id', async () => {
    const axeContext = await browser.newContext();
    const axePage = await axeContext.newPage();
    try {
      for (const path of ['/en/goods', '/id/goods', '/en/goods?kind=x', '/en/countries/CIV', '/id/countries/CIV', '/en/countries/FRA']) {
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
    } finally {
      await axeContext.close();
    }
  });
});
