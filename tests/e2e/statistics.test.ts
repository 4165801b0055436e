/**
 * Browser tests of the statistics page (issue 10): the real server on SQLite, Chromium with
 * JavaScript off for the reader, and axe (WCAG 2 A/AA) on the page in en and id. The tables beside
 * the charts must hold the same numbers as the CSV downloads they link to.
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

const skip = browserSuiteSkip('statistics browser tests');

/** The digits of a table cell ("246,000,000" or "246.000.000" → "246000000"); a cell saying "unknown" → "". */
const digits = (text: string) => text.replace(/\D/g, '');

describe('statistics page in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let axeContext: BrowserContext;
  let axePage: Page;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-stats-'));
    const config = browserSuiteConfig(dir);
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

  /** The body rows of a table as the reader sees them, cell by cell. */
  const tableRows = async (tableName: RegExp): Promise<string[][]> => {
    const table = page.getByRole('table', { name: tableName });
    return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
  };

  /** The CSV a download link points to, as rows of cells (the cells read here hold no commas). */
  const linkedCsv = async (linkName: string, nth: number): Promise<string[][]> => {
    const href = await page.getByRole('link', { name: linkName }).nth(nth).getAttribute('href');
    assert.ok(href, `${linkName} has an address`);
    const res = await context.request.get(`${base}${href}`);
    assert.equal(res.status(), 200);
    const [, ...rows] = (await res.text())
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    return rows;
  };

  test('the estimates chart and its table hold the same numbers as the CSV download (English, no JavaScript)', async () => {
    await page.goto(`${base}/en/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/statistics');
    const chart = page.getByRole('img', { name: /Children in child labour and in hazardous work, worldwide/ });
    assert.equal(await chart.count(), 1);
    const table = await tableRows(/Children in child labour and in hazardous work, worldwide, by reference year/);
    const csv = await linkedCsv('CSV (the table)', 0);
    assert.equal(table.length, 7);
    assert.deepEqual(
      table.map((r) => [r[0], digits(r[2] ?? ''), digits(r[3] ?? '')]),
      csv.map((r) => [r[0], r[2], r[3]]),
    );
    const y2008 = table.find((r) => r[0] === '2008');
    assert.match(y2008?.[3] ?? '', /unknown/);
    const svgHref = await page.getByRole('link', { name: 'SVG (the chart)' }).first().getAttribute('href');
    const svg = await context.request.get(`${base}${svgHref}`);
    assert.match(await svg.text(), /role="img"/);
  });

  test('choosing an instrument with the form shows its ratifications by year and by region, equal to their CSVs', async () => {
    await page.goto(`${base}/en/statistics`);
    await page.getByLabel('Instrument code').fill('C182');
    await page.getByRole('button', { name: 'Show' }).click();
    assert.equal(new URL(page.url()).searchParams.get('instrument'), 'C182');
    const byYear = await tableRows(/Ratifications of C182 by year of registration/);
    const yearCsv = await linkedCsv('CSV (the table)', 1);
    assert.deepEqual(
      byYear.map((r) => [/unknown/.test(r[0] ?? '') ? 'unknown' : r[0], digits(r[1] ?? ''), digits(r[2] ?? '')]),
      yearCsv.map((r) => [r[1], r[2], r[3]]),
    );
    const byRegion = await tableRows(/Ratifications of C182 by ILO region/);
    const regionCsv = await linkedCsv('CSV (the table)', 2);
    assert.deepEqual(
      byRegion.map((r) => digits(r[1] ?? '')),
      regionCsv.map((r) => r[2]),
    );
    assert.equal(await page.getByRole('img', { name: /Ratifications of C182 by year of registration/ }).count(), 1);
  });

  test('a malformed instrument code is a 400 page with the error on the field', async () => {
    const res = await page.goto(`${base}/en/statistics?instrument=zz`);
    assert.equal(res?.status(), 400);
    assert.match((await page.getByRole('alert').textContent()) ?? '', /Enter an instrument code like C138/);
  });

  test('at 390 px the page does not scroll sideways and the chart fits the screen', async () => {
    const narrow = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const p = await narrow.newPage();
      for (const path of ['/en/statistics', '/id/statistics?instrument=C182']) {
        await p.goto(`${base}${path}`);
        const { scrollWidth, clientWidth } = await p.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        assert.ok(scrollWidth <= clientWidth, `${path} scrolls sideways: ${scrollWidth} > ${clientWidth}`);
        const box = await p.locator('svg.chart').first().boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${path}: the chart fits (${JSON.stringify(box)})`);
      }
    } finally {
      await narrow.close();
    }
  });

  test('axe finds no violations on the statistics page (en, id, and the error state)', async () => {
    for (const path of ['/en/statistics', '/id/statistics?instrument=C182', '/en/statistics?instrument=zz']) {
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
