/**
 * Browser test of the Conference vote calculator: the form with scripts off (it needs none), its
 * result and its errors, and axe on every state in both languages. Same set-up as compliance.test.ts.
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

const skip = browserSuiteSkip('vote calculator browser tests');

const PATH = '/conference/vote-calculator';
const EXAMPLE = 'kind=instrument&for=298&against=148&abstain=30&delegatesAttending=476';

describe('vote calculator in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let scriptContext: BrowserContext;
  let scriptPage: Page;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-votes-'));
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

  test('without JavaScript: a final vote of 298–148–30 with 476 attending is adopted with exactly two-thirds', async () => {
    await page.goto(`${base}/en${PATH}`);
    await page.getByLabel('Final adoption of a Convention or Recommendation (two-thirds)').check();
    await page.getByLabel('Votes for').fill('298');
    await page.getByLabel('Votes against').fill('148');
    await page.getByLabel('Abstentions', { exact: true }).fill('30');
    await page.getByLabel('Delegates attending').fill('476');
    await page.getByRole('button', { name: 'Evaluate the vote' }).click();
    const url = new URL(page.url());
    assert.equal(url.pathname, `/en${PATH}`);
    assert.equal(url.searchParams.get('kind'), 'instrument');
    assert.match(await page.locator('.result .verdict').innerText(), /Adopted/);
    const result = await page.locator('.result').innerText();
    assert.match(result, /two-thirds of 446 votes cast is 298, reached with a margin of 0/);
    assert.match(result, /Constitution Art 19\(2\)/);
  });

  test('one vote short is rejected; in Indonesian it says Ditolak', async () => {
    await page.goto(`${base}/id${PATH}?${EXAMPLE.replace('for=298&against=148', 'for=297&against=149')}`);
    assert.match(await page.locator('.result .verdict').innerText(), /Ditolak/);
    assert.match(await page.locator('.result').innerText(), /kurang 1/);
  });

  test('a bad count shows the error summary, linked to the field', async () => {
    await page.goto(`${base}/en${PATH}?kind=ordinary&for=x&against=1&delegatesAttending=4`);
    const link = page.locator('.error-summary a');
    assert.equal(await link.count(), 1);
    assert.equal(await link.getAttribute('href'), '#vote-for');
    assert.equal(await page.locator('#vote-for').getAttribute('aria-invalid'), 'true');
  });

  async function audit(path: string) {
    await scriptPage.goto(`${base}${path}`);
    const result = await new AxeBuilder({ page: scriptPage }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const violations = result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
    if (violations.length) console.log(JSON.stringify(violations, null, 2));
    assert.ok(result.passes.length > 0, 'axe audited nothing');
    assert.equal(violations.length, 0, `axe violations on ${path}: ${violations.map((v) => v.id).join(', ')}`);
  }

  const states = [
    '',
    `?${EXAMPLE}`,
    '?kind=ordinary&for=150&against=87&abstain=200&delegatesAttending=476',
    '?kind=&for=1.5&against=-1&delegatesAttending=x',
  ];
  for (const lang of ['en', 'id']) {
    for (const query of states) {
      test(`axe finds no WCAG 2 A/AA violation on /${lang}${PATH}${query}`, () => audit(`/${lang}${PATH}${query}`));
    }
  }
});
