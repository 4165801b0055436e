/**
 * Issue 10, the documents library in Chromium: the secretariat uploads a PDF through the no-JS form,
 * the document page offers it as a download, the one search finds it by a word inside the PDF, and
 * axe finds no WCAG 2 A/AA violation on the list, the document page (en and id) and the upload form.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServices } from '../../src/container.ts';
import { startServer } from '../../src/main.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { browserSuiteConfig, browserSuiteSkip, launchChromium } from '../support/browser.ts';
import { tinyPdf } from '../support/tiny-pdf.ts';

const skip = browserSuiteSkip('documents browser tests');

describe('documents library in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let sec: BrowserContext;
  let scripts: BrowserContext;
  let page: Page;
  let base: string;
  let documentPath = '';

  const signedIn = async (javaScriptEnabled: boolean) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const login = await context.request.post(`${base}/api/auth/login`, { data: { email: 'sec@example.org', password: PASSWORD } });
    assert.equal(login.status(), 200);
    return context;
  };

  const audit = async (context: BrowserContext, path: string) => {
    const p = await context.newPage();
    try {
      await p.goto(`${base}${path}`);
      const result = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa']).analyze();
      const violations = result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
      assert.deepEqual(violations, [], `${path}: ${JSON.stringify(violations, null, 2)}`);
    } finally {
      await p.close();
    }
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-documents-'));
    const config = browserSuiteConfig(dir);
    server = await startServer(config);
    base = `http://127.0.0.1:${server.port}`;
    const services = await createServices(config, { hasher: testHasher });
    try {
      await services.accounts.createUser({ email: 'sec@example.org', password: PASSWORD, role: 'secretariat' }, new Date());
    } finally {
      await services.close();
    }
    browser = await launchChromium();
    sec = await signedIn(false);
    page = await sec.newPage();
    scripts = await browser.newContext();
  });

  after(async () => {
    await page?.close().catch(() => {});
    await sec?.close().catch(() => {});
    await scripts?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the secretariat uploads a PDF without JavaScript; its page offers the download; the search finds a word inside it', async () => {
    await page.goto(`${base}/en/documents`);
    await page.getByRole('link', { name: 'Add a document' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/documents/new');
    await page.getByLabel('Title in English').fill('Child labour survey, Central Java');
    await page.getByLabel('Title in Indonesian').fill('Survei pekerja anak, Jawa Tengah');
    await page.getByLabel('Kind').selectOption('report');
    await page.getByLabel('Date (YYYY, YYYY-MM or YYYY-MM-DD)').fill('2025-11');
    await page.getByLabel('Countries (ISO codes, e.g. IDN, BRA)').fill('IDN');
    await page.getByLabel('Instruments (e.g. C138, C182)').fill('C182');
    await page.getByLabel('File (PDF, HTML or plain text, at most 20 MB)').setInputFiles({
      name: 'survey.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(tinyPdf('Brick kilns near Klaten xylophonist')),
    });
    await page.getByLabel('Source (where the document comes from)').fill('Test: ILO Jakarta office report');
    await page.getByRole('button', { name: 'Add the document' }).click();
    documentPath = new URL(page.url()).pathname;
    assert.match(documentPath, /^\/en\/documents\/doc-[0-9a-f]{12}$/);
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(main, /Child labour survey, Central Java/);
    assert.match(main, /words inside the file find this document/);
    const download = page.getByRole('link', { name: /Download survey\.pdf/ });
    assert.equal(await download.getAttribute('href'), `/api/documents/${documentPath.split('/').pop()}/file`);
    const stored = readdirSync(join(dir, 'documents')).filter((f) => !f.startsWith('.'));
    assert.equal(stored.length, 1);
    assert.match(stored[0] ?? '', /^[0-9a-f]{64}$/);

    await page.goto(`${base}/en/search?q=xylophonist`);
    const hit = page.locator('main').getByRole('link', { name: 'Child labour survey, Central Java' });
    assert.equal(await hit.getAttribute('href'), documentPath);
    await page.goto(`${base}/id${documentPath.slice(3)}`);
    assert.equal(await page.locator('h1').textContent(), 'Survei pekerja anak, Jawa Tengah');
  });

  test('a .pdf that is really HTML gets the form again with the reason on the file field; nothing new is stored', async () => {
    const before = readdirSync(join(dir, 'documents')).length;
    await page.goto(`${base}/en/documents/new`);
    await page.getByLabel('Title in English').fill('Disguised');
    await page
      .getByLabel('File (PDF, HTML or plain text, at most 20 MB)')
      .setInputFiles({ name: 'x.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!doctype html><script>alert(1)</script>') });
    await page.getByLabel('Source (where the document comes from)').fill('Test');
    await page.getByRole('button', { name: 'Add the document' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/documents/new');
    const summary = page.getByRole('alert');
    assert.match((await summary.textContent()) ?? '', /named \.pdf.*HTML document/);
    assert.equal(await page.getByLabel('Title in English').inputValue(), 'Disguised');
    assert.equal(readdirSync(join(dir, 'documents')).length, before);
    assert.ok(existsSync(join(dir, 'documents')));
  });

  test('axe: the list, a document page in en and id, the filtered list and the upload form', async () => {
    assert.ok(documentPath, 'the upload test ran first');
    await audit(scripts, '/en/documents');
    await audit(scripts, '/id/documents?kind=report&country=IDN');
    await audit(scripts, documentPath);
    await audit(scripts, `/id${documentPath.slice(3)}`);
    const secScripts = await signedIn(true);
    try {
      await audit(secScripts, '/en/documents/new');
      await audit(secScripts, '/id/documents/new');
    } finally {
      await secScripts.close();
    }
  });
});
