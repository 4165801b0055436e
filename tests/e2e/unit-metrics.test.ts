/**
 * Browser tests of a monitoring unit's metrics page (issue 11, decision 223): the real server on
 * SQLite with a generated unit, Chromium with JavaScript off for the reader, axe (WCAG 2 A/AA) on
 * the page in en and id and in its error state. The totals table holds the numbers of the CSV it
 * links to; a reader from another unit gets 404.
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
import { addMember, generateCases, insertGenerated, insertUnit } from '../support/monitoring-fixture.ts';

const skip = browserSuiteSkip('unit metrics browser tests');
const digits = (text: string) => text.replace(/\D/g, '');

describe('unit metrics page in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let base: string;
  let unit: number;
  const contexts: BrowserContext[] = [];

  const newPage = async (options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Page> => {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? false, viewport: options.viewport });
    contexts.push(context);
    return context.newPage();
  };
  const signIn = async (page: Page, email: string, lang: 'en' | 'id' = 'en'): Promise<void> => {
    await page.goto(`${base}/${lang}/login`);
    await page.locator('#login-email').fill(email);
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(/\/account$/);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-unit-metrics-'));
    const config = browserSuiteConfig(dir);
    const services = await createServices(config, { hasher: testHasher });
    try {
      const db = services.handle.db;
      unit = await insertUnit(db, 'Koperasi Kakao Poso');
      const other = await insertUnit(db, 'Other unit');
      await insertGenerated(db, unit, generateCases(600, 31));
      const now = new Date();
      const viewer = await services.accounts.createUser({ email: 'viewer@example.org', password: PASSWORD, role: 'reader' }, now);
      const stranger = await services.accounts.createUser({ email: 'stranger@example.org', password: PASSWORD, role: 'reader' }, now);
      await addMember(db, unit, viewer.id, 'viewer');
      await addMember(db, other, stranger.id, 'case_manager');
    } finally {
      await services.close();
    }
    server = await startServer(config);
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a viewer sees the figures, three charts with their tables, and the totals equal the CSV download (no JavaScript)', async () => {
    const page = await newPage();
    const anonymous = await page.goto(`${base}/en/units/${unit}/metrics`);
    assert.equal(new URL(page.url()).pathname, '/en/login', `anonymous is sent to sign in (${anonymous?.status()})`);
    await signIn(page, 'viewer@example.org');
    const res = await page.goto(`${base}/en/units/${unit}/metrics?from=2024-01-01&to=2025-12-31`);
    assert.equal(res?.status(), 200);
    assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /Figures: Koperasi Kakao Poso/);
    assert.equal(await page.getByRole('img', { name: /Children monitored, identified in child labour/ }).count(), 3);
    const totals = page.getByRole('table', { name: 'Figures of the unit for the period' });
    const cells = await totals
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
    const href = await page.getByRole('link', { name: 'CSV (all the figures)' }).getAttribute('href');
    const csv = await page.context().request.get(`${base}${href}`);
    assert.equal(csv.status(), 200);
    const [head, total] = (await csv.text())
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    const col = (name: string) => total![head!.indexOf(name)];
    const shown = Object.fromEntries(cells.map(([label, value]) => [label, digits(value ?? '')]));
    assert.equal(shown['Children monitored (identified or visited in the period)'], col('children_monitored'));
    assert.equal(shown['Identified in child labour'], col('identified_in_child_labour'));
    assert.equal(shown['With at least two follow-up visits'], col('with_two_follow_ups'));
    assert.equal(shown['Cases with a follow-up visit overdue'], col('overdue_visits'));
    assert.ok(Number(col('children_monitored')) > 100);
    // Counts only: the page names no child and holds no case id.
    assert.doesNotMatch(await page.content(), /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
  });

  test('a member of another unit gets 404; a day that does not exist is a 400 with the error on the field', async () => {
    const page = await newPage();
    await signIn(page, 'stranger@example.org');
    assert.equal((await page.goto(`${base}/en/units/${unit}/metrics`))?.status(), 404);
    const viewer = await newPage();
    await signIn(viewer, 'viewer@example.org', 'id');
    const res = await viewer.goto(`${base}/id/units/${unit}/metrics?from=2025-02-30`);
    assert.equal(res?.status(), 400);
    assert.match((await viewer.getByRole('alert').textContent()) ?? '', /Hari pertama: masukkan tanggal yang ada/);
    assert.equal(await viewer.getByRole('img').count(), 0);
  });

  test('at 390 px the page does not scroll sideways and the charts fit', async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, 'viewer@example.org');
    for (const path of [`/en/units/${unit}/metrics`, `/id/units/${unit}/metrics`]) {
      await page.goto(`${base}${path}`);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      assert.ok(scrollWidth <= clientWidth, `${path} scrolls sideways: ${scrollWidth} > ${clientWidth}`);
      const box = await page.locator('svg.chart').first().boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${path}: the chart fits (${JSON.stringify(box)})`);
    }
  });

  test('axe finds no violations on the metrics page (en, id, and the error state)', async () => {
    const page = await newPage({ javaScriptEnabled: true });
    await signIn(page, 'viewer@example.org');
    for (const path of [
      `/en/units/${unit}/metrics`,
      `/id/units/${unit}/metrics?from=2024-01-01`,
      `/en/units/${unit}/metrics?to=2025-13-01`,
    ]) {
      await page.goto(`${base}${path}`);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
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
