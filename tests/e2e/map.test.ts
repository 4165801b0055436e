/**
 * Browser test of the ratification map (issue 10): the C138 page colours Indonesia by its declared
 * minimum age (15) and a State that declared 16 as 16, read from the rendered SVG; Singapore and
 * Tuvalu (no polygon in the coarse outline) are on the map and reachable by keyboard; the map page
 * works with scripts off; axe finds nothing on the map pages in both languages.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../src/main.ts';
import { browserSuiteConfig, browserSuiteSkip, launchChromium } from '../support/browser.ts';

const skip = browserSuiteSkip('ratification map browser tests');

describe('ratification map in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let scriptContext: BrowserContext;
  let scriptPage: Page;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-map-'));
    server = await startServer(browserSuiteConfig(dir));
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    scriptContext = await browser.newContext();
    scriptPage = await scriptContext.newPage();
  });

  after(async () => {
    await page?.close().catch(() => {});
    await context?.close().catch(() => {});
    await scriptPage?.close().catch(() => {});
    await scriptContext?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const state = (p: Page, iso3: string) => p.locator(`svg.ratification-map a[data-iso3="${iso3}"]`);

  test('without JavaScript: the C138 page colours Indonesia as 15 and France (declared 16) as 16', async () => {
    await page.goto(`${base}/en/instruments/C138`);
    assert.equal(await page.locator('svg.ratification-map a.map-state').count(), 187);
    assert.equal(await state(page, 'IDN').getAttribute('data-age'), '15');
    assert.match((await state(page, 'IDN').getAttribute('class')) ?? '', /\bage-15\b/);
    assert.equal(await state(page, 'FRA').getAttribute('data-age'), '16');
    assert.equal(await state(page, 'IDN').locator('title').textContent(), 'Indonesia: ratified, minimum age 15');
    assert.equal(await state(page, 'IDN').getAttribute('href'), '/en/countries/IDN');
    // The legend and the table alternative are on the page too.
    assert.match((await page.locator('#map-key-C138').textContent()) ?? '', /minimum age 15 \(\d+\)/);
    assert.equal(await page.getByRole('link', { name: 'The same facts as a table' }).getAttribute('href'), '#ratifications-heading');
  });

  test('without JavaScript: the map page in Indonesian, and its form chooses another Convention', async () => {
    await page.goto(`${base}/id/map?instrument=C138`);
    assert.equal(await state(page, 'IDN').locator('title').textContent(), 'Indonesia: sudah meratifikasi, usia minimum 15 tahun');
    await page.getByLabel('Konvensi atau Protokol').fill('c182');
    await page.getByRole('button', { name: 'Tampilkan peta' }).click();
    assert.equal(new URL(page.url()).searchParams.get('instrument'), 'c182');
    assert.equal(await page.locator('svg.ratification-map > title').textContent(), 'Negara anggota menurut ratifikasi C182');
    assert.equal(await state(page, 'IDN').getAttribute('data-status'), 'ratified');
    assert.equal(await state(page, 'IDN').getAttribute('data-age'), null);
  });

  test('Singapore and Tuvalu are on the map as markers and keyboard focusable (focus() and Tab)', async () => {
    await scriptPage.goto(`${base}/en/instruments/C138`);
    for (const iso3 of ['SGP', 'TUV']) {
      const link = state(scriptPage, iso3);
      assert.equal(await link.locator('circle').count(), 1, `${iso3} has a marker`);
      await link.focus();
      assert.equal(await scriptPage.evaluate(() => document.activeElement?.getAttribute('data-iso3')), iso3);
    }
    // Tab from the link before Singapore (in document order) lands on Singapore.
    const previous = await scriptPage.evaluate(() => {
      const links = [...document.querySelectorAll('svg.ratification-map a')];
      const i = links.findIndex((a) => a.getAttribute('data-iso3') === 'SGP');
      return links[i - 1]?.getAttribute('data-iso3') ?? null;
    });
    assert.ok(previous);
    await state(scriptPage, previous).focus();
    await scriptPage.keyboard.press('Tab');
    assert.equal(await scriptPage.evaluate(() => document.activeElement?.getAttribute('data-iso3')), 'SGP');
  });

  test('axe finds no violations on the map pages and the C138 page, in English and Indonesian', async () => {
    for (const path of ['/en/map?instrument=C138', '/id/map?instrument=C182', '/en/instruments/C138', '/id/instruments/C182']) {
      await scriptPage.goto(`${base}${path}`);
      const result = await new AxeBuilder({ page: scriptPage }).withTags(['wcag2a', 'wcag2aa']).analyze();
      const violations = result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
      if (violations.length) console.log(path, JSON.stringify(violations, null, 2));
      assert.deepEqual(violations, [], path);
    }
  });
});
