/**
 * Issue 10, one search in Chromium with JavaScript off: the GET form on /en/search and /id/search
 * finds "pekerja anak" and a misspelt "minimun age", grouped by kind, and a result leads to its
 * page; axe finds no WCAG 2 A/AA violation on the search page, empty, with results and with none.
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

const skip = browserSuiteSkip('search browser tests');

describe('one search in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let reader: BrowserContext;
  let scripts: BrowserContext;
  let page: Page;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-search-'));
    server = await startServer(browserSuiteConfig(dir));
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
    reader = await browser.newContext({ javaScriptEnabled: false });
    page = await reader.newPage();
    scripts = await browser.newContext();
  });

  after(async () => {
    await reader?.close().catch(() => {});
    await scripts?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the Indonesian form finds "pekerja anak" without JavaScript, grouped by kind, and leads to C182', async () => {
    await page.goto(`${base}/id/search`);
    await page.locator('#q').fill('pekerja anak');
    await page.locator('form[role="search"] button[type="submit"]').click();
    const url = new URL(page.url());
    assert.equal(url.pathname, '/id/search');
    assert.equal(url.searchParams.get('q'), 'pekerja anak');
    const instruments = page.locator('section[aria-labelledby="results-instrument"]');
    assert.match((await instruments.locator('h3').textContent()) ?? '', /^Instrumen \(\d+\)$/);
    const firstThree = await instruments.locator('li a').evaluateAll((as) => as.slice(0, 3).map((a) => a.textContent));
    assert.ok(firstThree.includes('C182'), `C182 among ${firstThree.join(', ')}`);
    await instruments.getByRole('link', { name: 'C182', exact: true }).click();
    assert.equal(new URL(page.url()).pathname, '/id/instruments/C182');
  });

  test('the English form forgives a typo: "minimun age" finds C138 first', async () => {
    await page.goto(`${base}/en/search?q=minimun+age`);
    const first = page.locator('section[aria-labelledby="results-instrument"] li a').first();
    assert.equal(await first.textContent(), 'C138');
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
    for (const path of ['/search', '/search?q=pekerja+anak', '/search?q=indonesia', '/search?q=qqqqqqqq', '/search?q=minimum+kerja+zzzz']) {
      test(`axe finds no WCAG 2 A/AA violation on /${lang}${path}`, () => audit(`/${lang}${path}`));
    }
  }
});
