/**
 * Browser tests of the open-data page (issue 10, decision 185): the real server on SQLite, Chromium
 * with JavaScript off, and axe (WCAG 2 A/AA) on /en/data and /id/data. Every link on the page must
 * download what it names.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../src/main.ts';
import { TABLE_NAMES } from '../../src/services/open-data/tables.ts';
import { browserSuiteConfig, browserSuiteSkip, launchChromium } from '../support/browser.ts';
import { unzip } from '../support/unzip.ts';

const skip = browserSuiteSkip('open-data browser tests');

describe('open-data page in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-data-'));
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

  test('the footer links to /en/data, which links the ZIP and every table as CSV and JSON, each a working download', async () => {
    await page.goto(`${base}/en/`);
    await page.locator('footer a[href="/en/data"]').click();
    assert.equal(new URL(page.url()).pathname, '/en/data');
    assert.equal(await page.locator('h1').textContent(), 'Open data');
    const hrefs = await page.locator('main a[href^="/api/export"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(
      hrefs.sort(),
      ['/api/export.zip', ...TABLE_NAMES.flatMap((t) => [`/api/export/${t}.csv`, `/api/export/${t}.json`])].sort(),
    );
    for (const href of hrefs) {
      const res = await context.request.get(`${base}${href}`);
      assert.equal(res.status(), 200, `${href}`);
      if (href?.endsWith('.zip')) assert.ok((await unzip(await res.body())).size > TABLE_NAMES.length * 2);
    }
  });

  test('axe finds no violations on /en/data and /id/data', async () => {
    for (const path of ['/en/data', '/id/data']) {
      const axeContext = await browser.newContext();
      const axePage = await axeContext.newPage();
      await axePage.goto(`${base}${path}`);
      const result = await new AxeBuilder({ page: axePage }).withTags(['wcag2a', 'wcag2aa']).analyze();
      await axeContext.close();
      assert.deepEqual(
        result.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        [],
        path,
      );
      assert.ok(result.passes.length > 0, 'axe audited nothing');
    }
  });
});
