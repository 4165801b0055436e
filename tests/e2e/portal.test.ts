/**
 * Browser tests of the server-rendered portal: the real server (SQLite in a temp folder, migrated
 * and seeded from data/) driven by the system Chromium, with no JavaScript needed by any page.
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

const skip = browserSuiteSkip('portal browser tests');

describe('portal in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let axeContext: BrowserContext;
  let axePage: Page;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-'));
    server = await startServer(browserSuiteConfig(dir));
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
    // No page may need JavaScript: run with it off, as a reader with scripts blocked would.
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    // axe runs as a script in the page, so the audit context allows scripts (the pages have none).
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

  test('the home page leads to C138 with its title, adoption date and ratifications', async () => {
    await page.goto(`${base}/en/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByRole('link', { name: 'C138: Minimum Age Convention, 1973' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/instruments/C138');
    assert.match(await page.locator('h1').innerText(), /Minimum Age Convention, 1973/);
    assert.match(await page.locator('main').innerText(), /26 June 1973/);
    const rows = await page.locator('#ratifications-caption').locator('xpath=..').locator('tbody tr').count();
    assert.ok(rows > 100, `expected the C138 ratification table to have rows, got ${rows}`);
    await page.goBack();
    assert.equal(new URL(page.url()).pathname, '/en/');
  });

  test("Indonesia's profile shows the C138 minimum age and C182", async () => {
    await page.goto(`${base}/en/`);
    await page.getByRole('link', { name: /^Indonesia:/ }).click();
    assert.equal(new URL(page.url()).pathname, '/en/countries/IDN');
    assert.equal(await page.locator('h1').innerText(), 'Indonesia');
    const box = await page.locator('section.box').innerText();
    assert.match(box, /Declared minimum age \(C138 Art 2\(1\)\)\s*15 years/);
    assert.match(box, /C182/);
    assert.match(box, /ratified; registered 28 March 2000/);
  });

  test('the language switch opens the same page in Indonesian', async () => {
    await page.goto(`${base}/en/countries/IDN`);
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Bahasa Indonesia' }).click();
    assert.equal(new URL(page.url()).pathname, '/id/countries/IDN');
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    const main = await page.locator('main').innerText();
    assert.match(main, /Konvensi tentang pekerja anak/);
    assert.match(main, /Usia minimum yang dideklarasikan/);
    assert.match(main, /15 tahun/);
    assert.match(main, /Konvensi ILO mengenai Usia Minimum untuk Diperbolehkan Bekerja/);
    await page.getByRole('navigation', { name: 'Utama' }).getByRole('link', { name: 'Instrumen' }).waitFor();
    await page.locator('section.box').getByRole('link', { name: 'C138', exact: true }).click();
    assert.equal(new URL(page.url()).pathname, '/id/instruments/C138');
    assert.equal(await page.locator('h1').innerText(), 'C138: Konvensi ILO mengenai Usia Minimum untuk Diperbolehkan Bekerja');
    const facts = await page.locator('main').innerText();
    assert.match(facts, /judul resmi \(Undang-Undang Nomor 20 Tahun 1999\)/);
    assert.match(facts, /26 Juni 1973/);
    assert.match(facts, /Sidang ke-58, Jenewa, 1973/);
  });

  test('search finds instruments and member States', async () => {
    await page.goto(`${base}/en/`);
    await page.getByLabel('Search instruments and member States').fill('minimum age');
    await page.getByRole('button', { name: 'Search' }).click();
    const url = new URL(page.url());
    assert.equal(url.pathname, '/en/search');
    assert.equal(url.searchParams.get('q'), 'minimum age');
    await page.getByRole('link', { name: 'C138', exact: true }).waitFor();
    await page.getByLabel('Search instruments and member States').fill('Indonesia');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Indonesia', exact: true }).click();
    assert.equal(new URL(page.url()).pathname, '/en/countries/IDN');
  });

  test('the first Tab reaches the skip link, which moves to the main content', async () => {
    // Reading document.activeElement needs script, so this runs in the script-enabled context.
    const page = axePage;
    await page.goto(`${base}/en/instruments`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement | null;
      return el ? { text: el.textContent, href: el.getAttribute('href') } : null;
    });
    assert.deepEqual(focused, { text: 'Skip to main content', href: '#main' });
    assert.ok(await page.locator('.skip-link').isVisible());
    await page.keyboard.press('Enter');
    assert.equal(new URL(page.url()).hash, '#main');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  });

  test('the instruments filter form filters by type with no script', async () => {
    await page.goto(`${base}/id/instruments`);
    await page.getByLabel('Jenis').selectOption('protocol');
    await page.getByRole('button', { name: 'Terapkan saringan' }).click();
    assert.equal(new URL(page.url()).searchParams.get('type'), 'protocol');
    const types = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
    assert.ok(types.length > 0);
    assert.ok(
      types.every((t) => t === 'Protokol'),
      types.join(','),
    );
  });

  test('an unknown instrument gives a 404 page in the path language', async () => {
    const response = await page.goto(`${base}/id/instruments/C999`);
    assert.equal(response?.status(), 404);
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    assert.match(await page.locator('h1').innerText(), /Halaman tidak ditemukan/);
    await page.getByRole('link', { name: 'Ke beranda' }).click();
    assert.equal(new URL(page.url()).pathname, '/id/');
  });

  const pages = ['/', '/instruments', '/instruments/C138', '/countries', '/countries/IDN', '/search?q=child', '/instruments/C999'];
  for (const lang of ['en', 'id']) {
    for (const path of pages) {
      test(`axe finds no WCAG 2 A/AA violation on /${lang}${path}`, async () => {
        await axePage.goto(`${base}/${lang}${path}`);
        const result = await new AxeBuilder({ page: axePage }).withTags(['wcag2a', 'wcag2aa']).analyze();
        const violations = result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        }));
        if (violations.length) console.log(JSON.stringify(violations, null, 2));
        assert.ok(result.passes.length > 0, 'axe audited nothing');
        assert.equal(violations.length, 0, `axe violations on /${lang}${path}: ${violations.map((v) => v.id).join(', ')}`);
      });
    }
  }
});
