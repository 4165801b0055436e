/**
 * The portal at phone width (390 px, issue 8 items 19 and 20): the key columns of the country,
 * instrument and gaps tables are on screen without scrolling sideways, and the menu reaches
 * Screening, Data gaps and History.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startServer } from '../../src/main.ts';
import { en } from '../../src/web/i18n/en.ts';
import { id } from '../../src/web/i18n/id.ts';
import { browserSuiteConfig, browserSuiteSkip, launchChromium } from '../support/browser.ts';

const skip = browserSuiteSkip('portal at phone width');
const WIDTH = 390;
const DICTS = { en, id } as const;

describe('portal at 390 px', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-narrow-'));
    server = await startServer(browserSuiteConfig(dir));
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
    // Scripts on, only so the test can measure the page (and axe can run); the pages use none.
    context = await browser.newContext({ viewport: { width: WIDTH, height: 844 } });
    page = await context.newPage();
  });

  after(async () => {
    await page?.close().catch(() => {});
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function assertInViewport(cell: Locator, what: string): Promise<void> {
    const box = await cell.boundingBox();
    assert.ok(box, `${what} is rendered`);
    assert.ok(box.x >= 0 && box.x + box.width <= WIDTH, `${what} lies within the 390 px viewport: x ${box.x}, width ${box.width}`);
    assert.ok(await cell.isVisible(), `${what} is visible`);
  }

  async function assertNoSidewaysScroll(path: string): Promise<void> {
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(scrollWidth <= clientWidth, `${path} scrolls sideways: ${scrollWidth} > ${clientWidth}`);
  }

  for (const lang of ['en', 'id'] as const) {
    const t = DICTS[lang];

    test(`/${lang}/countries/IDN shows status, date and minimum age of C138 without sideways scrolling`, async () => {
      await page.goto(`${base}/${lang}/countries/IDN`);
      // The ratifications table (the supervision sections below it list C138 comments too).
      const row = page
        .locator('section[aria-labelledby="ratifications-heading"] table.stacked tbody tr')
        .filter({ has: page.getByRole('link', { name: 'C138', exact: true }) });
      assert.equal(await row.count(), 1);
      const age = row.locator(`td[data-label="${t.colDeclaredMinimumAge}"]`);
      assert.match(await age.innerText(), lang === 'en' ? /15 years/ : /15 tahun/);
      await assertInViewport(age, 'the minimum-age cell');
      await assertInViewport(row.locator(`td[data-label="${t.colStatus}"]`), 'the status cell');
      await assertInViewport(row.locator(`td[data-label="${t.colRegistrationDate}"]`), 'the registration date cell');
      await assertNoSidewaysScroll(`/${lang}/countries/IDN`);
    });
  }

  test('the C138 table and the gaps worklist fit the screen too', async () => {
    await page.goto(`${base}/en/instruments/C138`);
    const row = page.locator('table.stacked tbody tr').filter({ has: page.getByRole('link', { name: 'Indonesia', exact: true }) });
    await assertInViewport(row.locator(`td[data-label="${en.colDeclaredMinimumAge}"]`), 'the C138 minimum-age cell of Indonesia');
    await assertInViewport(row.locator(`td[data-label="${en.colStatus}"]`), 'the C138 status cell of Indonesia');
    await assertNoSidewaysScroll('/en/instruments/C138');
    await page.goto(`${base}/id/gaps`);
    await assertInViewport(page.locator(`table.stacked tbody tr td[data-label="${id.colWhoMayFill}"]`).first(), 'the role cell of a gap');
    await assertNoSidewaysScroll('/id/gaps');
  });

  for (const lang of ['en', 'id'] as const) {
    test(`the /${lang} menu reaches Screening, Data gaps and History at phone width`, async () => {
      const t = DICTS[lang];
      await page.goto(`${base}/${lang}/`);
      const menu = page.getByRole('navigation', { name: t.mainNavLabel });
      for (const [name, path] of [
        [t.navScreen, '/compliance/screen'],
        [t.navGaps, '/gaps'],
        [t.navHistory, '/history'],
      ] as const) {
        const link = menu.getByRole('link', { name, exact: true });
        await assertInViewport(link, `the menu link ${name}`);
        await link.click();
        assert.equal(new URL(page.url()).pathname, `/${lang}${path}`);
        await page.goto(`${base}/${lang}/`);
      }
    });

    test(`axe finds no WCAG 2 A/AA violation on /${lang}/countries/IDN at 390 px`, async () => {
      await page.goto(`${base}/${lang}/countries/IDN`);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      const ids = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.ok(result.passes.length > 0, 'axe audited nothing');
      assert.deepEqual(ids, []);
    });
  }
});
