/**
 * Issue 8 item 17 in a browser: Indonesian pages show provenance in plain Indonesian words and no
 * English research note; a signed-in editor sees the notes. Item 18: the coverage line is shown.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServices } from '../../src/container.ts';
import { startServer } from '../../src/main.ts';
import { readBundle } from '../../src/storage/bundle.ts';
import { BUNDLED_DATA_DIR } from '../../src/storage/paths.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { browserSuiteConfig, browserSuiteSkip, launchChromium } from '../support/browser.ts';

const skip = browserSuiteSkip('provenance browser tests');
const bundle = await readBundle(BUNDLED_DATA_DIR);

/** A long enough piece of each note that finding it on the page means the note was published. */
function excerpts(notes: (string | null | undefined)[]): string[] {
  return notes.filter((n): n is string => !!n && n.length >= 12).map((n) => n.slice(0, 40));
}

const c138 = bundle.instruments.find((i) => i.code === 'C138');
const c138Notes = excerpts([c138?.notes]);
const idnNotes = excerpts(bundle.ratifications.filter((r) => r.country === 'IDN').map((r) => r.notes));
const sourceDescriptions = (ids: string) =>
  excerpts(ids.split(';').map((id) => bundle.sources.find((s) => s.id === id)?.description?.replace(/^https?:\/\/\S+\s*/, '')));

describe('provenance in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let reader: BrowserContext;
  let editor: BrowserContext;
  let page: Page;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-prov-'));
    const config = browserSuiteConfig(dir);
    server = await startServer(config);
    base = `http://127.0.0.1:${server.port}`;
    const services = await createServices(config, { hasher: testHasher });
    try {
      await services.accounts.createUser(
        { email: 'idn-editor@example.org', password: PASSWORD, role: 'focal_point', countries: ['IDN'] },
        new Date(),
      );
    } finally {
      await services.close();
    }
    browser = await launchChromium();
    reader = await browser.newContext({ javaScriptEnabled: false });
    page = await reader.newPage();
    editor = await browser.newContext({ javaScriptEnabled: false });
  });

  after(async () => {
    await reader?.close().catch(() => {});
    await editor?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the Indonesian C138 page gives provenance in Indonesian words and no English research note', async () => {
    assert.ok(c138Notes.length > 0, 'C138 has a research note in the data');
    await page.goto(`${base}/id/instruments/C138`);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const note of [...c138Notes, ...sourceDescriptions(c138?.source ?? '')]) assert.ok(!text.includes(note), `published: ${note}`);
    assert.match(text, /dasar hukum: Undang-Undang Nomor 20 Tahun 1999/);
    assert.match(text, /terverifikasi \(keyakinan tinggi\)/);
    assert.match(text, /Seluruh 176 ratifikasi ditampilkan: daftar ini lengkap\./);
    assert.equal(await page.locator('.editor-notes').count(), 0);
  });

  test('the Indonesian page of Indonesia shows no English research note and says its list is complete', async () => {
    assert.ok(idnNotes.length > 0, 'Indonesia’s ratifications carry research notes in the data');
    await page.goto(`${base}/id/countries/IDN`);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const note of idnNotes) assert.ok(!text.includes(note), `published: ${note}`);
    assert.match(text, /Lengkap: seluruh \d+ ratifikasi negara ini ditampilkan\./);
    assert.match(text, /Sumber/);
  });

  test("Brazil's page says only C138 and C182 are complete", async () => {
    await page.goto(`${base}/en/countries/BRA`);
    assert.match((await page.locator('main').textContent()) ?? '', /Complete for C138 and C182; other Conventions: partial/);
  });

  test('a signed-in editor sees the research notes on the same page', async () => {
    const login = await editor.request.post(`${base}/api/auth/login`, {
      data: { email: 'idn-editor@example.org', password: PASSWORD },
    });
    assert.equal(login.status(), 200);
    const editorPage = await editor.newPage();
    await editorPage.goto(`${base}/id/countries/IDN`);
    const notes = editorPage.locator('.editor-notes');
    assert.ok((await notes.count()) > 0);
    await notes.first().locator('summary').click();
    assert.match((await notes.first().locator('summary').textContent()) ?? '', /Catatan riset/);
    const allNotes = (await notes.allTextContents()).join('\n');
    assert.ok(
      idnNotes.some((n) => allNotes.includes(n)),
      'the notes of the data are the ones shown',
    );
    await editorPage.close();
  });
});
