/**
 * Browser tests of the programmes pages (issue 10): the real server on SQLite, Chromium with
 * JavaScript off for the reader, and axe (WCAG 2 A/AA) on the list, the EAST page in Indonesian and
 * the country profile's section.
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

const skip = browserSuiteSkip('programmes browser tests');

describe('Programmes pages in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let axeContext: BrowserContext;
  let axePage: Page;
  let base: string;

  const audit = async (path: string) => {
    await axePage.goto(`${base}${path}`);
    const result = await new AxeBuilder({ page: axePage }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const violations = result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
    assert.deepEqual(violations, [], `${path}: ${JSON.stringify(violations, null, 2)}`);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-programmes-'));
    server = await startServer(browserSuiteConfig(dir));
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

  test('the EAST programme page in Indonesian, reached from the nav and the no-JS filter form', async () => {
    await page.goto(`${base}/id/`);
    await page
      .getByRole('navigation', { name: /Utama|Main/ })
      .getByRole('link', { name: 'Program' })
      .click();
    assert.equal(new URL(page.url()).pathname, '/id/programmes');
    await page.getByLabel('Negara (kode ISO, mis. IDN)').fill('IDN');
    await page.getByLabel('Tema').selectOption('education');
    await page.getByRole('button', { name: /Terapkan|filter/i }).click();
    assert.match(page.url(), /country=IDN/);
    await page.getByRole('link', { name: /Pendidikan dan Pelatihan Keterampilan untuk Pekerjaan Kaum Muda/ }).click();
    assert.equal(new URL(page.url()).pathname, '/id/programmes/east-indonesia');
    const main = await page.locator('main').innerText();
    assert.match(main, /Persatuan Guru Republik Indonesia/);
    assert.match(main, /Pemberi motivasi, Komunikator/);
    assert.match(main, /4 tahun/);
    assert.match(main, /Hasil\s+tidak diketahui/);
    assert.match(main, /SEED-FOUNDING-TEXT/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  });

  test('axe finds no violations on the list, the EAST page (id), an ILAB project and the country profile', async () => {
    await audit('/en/programmes');
    await audit('/id/programmes?country=BRA&page=1');
    await audit('/id/programmes/east-indonesia');
    await audit('/en/programmes/ilab-morocco-adros-closed');
    await audit('/en/countries/IDN');
  });
});
