/**
 * Decisions 200-201 in Chromium: a secretariat user edits the EAST programme through the no-JS form
 * in /id/ and sees the change on its page; records a new programme; corrects an office; a bad year
 * comes back on its field; an anonymous reader is sent to sign in; axe finds no WCAG 2 A/AA
 * violation on the forms (blank, filled and with errors).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { createServices } from '../../src/container.ts';
import { startServer } from '../../src/main.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { browserSuiteConfig, browserSuiteSkip, launchChromium } from '../support/browser.ts';

const skip = browserSuiteSkip('programme editing browser tests');
const JAKARTA = 'ilo-country-office-for-indonesia-and-timor-leste-jakarta';

describe('programme and office editing in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let sec: BrowserContext;
  let secScripts: BrowserContext;
  let base: string;

  const signedIn = async (javaScriptEnabled: boolean) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const login = await context.request.post(`${base}/api/auth/login`, { data: { email: 'sec@example.org', password: PASSWORD } });
    assert.equal(login.status(), 200);
    return context;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-programme-edit-'));
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
    // axe is a script: it runs in a context with scripts on.
    secScripts = await signedIn(true);
  });

  after(async () => {
    await sec?.close().catch(() => {});
    await secScripts?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('an anonymous reader who opens the form is sent to sign in', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await context.newPage();
      await p.goto(`${base}/id/programmes/east-indonesia/edit`);
      assert.match(p.url(), /\/id\/login\?next=%2Fid%2Fprogrammes%2Feast-indonesia%2Fedit$/);
      await p.goto(`${base}/id/programmes/east-indonesia`);
      assert.equal(await p.getByRole('link', { name: 'Sunting program ini' }).count(), 0, 'no edit link for a reader');
    } finally {
      await context.close();
    }
  });

  test('the secretariat edits EAST in /id/ and sees the change on its page, with the history', async () => {
    const p = await sec.newPage();
    try {
      await p.goto(`${base}/id/programmes/east-indonesia`);
      await p.getByRole('link', { name: 'Sunting program ini' }).click();
      assert.match(p.url(), /\/id\/programmes\/east-indonesia\/edit$/);
      await p.getByLabel('Nama dalam bahasa Indonesia').fill('Pendidikan dan Pelatihan Keterampilan bagi Kaum Muda (EAST)');
      await p.getByLabel('Mitra (satu per baris)').fill('Persatuan guru\nAsosiasi pengusaha');
      await p.getByLabel('Pelatih', { exact: false }).first().check();
      await p.getByLabel('Sumber perubahan ini (wajib)').fill('Uji: dokumen proyek EAST');
      await p.getByLabel('Alasan perubahan').fill('nama Indonesia resmi');
      await p.getByRole('button', { name: 'Simpan' }).click();
      assert.match(p.url(), /\/id\/programmes\/east-indonesia\?saved=1$/);
      assert.equal(await p.locator('h1').textContent(), 'Pendidikan dan Pelatihan Keterampilan bagi Kaum Muda (EAST)');
      const main = (await p.locator('main').textContent()) ?? '';
      assert.match(main, /Persatuan guru/);
      assert.match(main, /Asosiasi pengusaha/);
      assert.match(main, /nama Indonesia resmi/, 'the change is in the history on the page');
      // Anyone reads it, in both languages.
      await p.goto(`${base}/id/programmes?country=IDN`);
      assert.match((await p.locator('main').textContent()) ?? '', /Pendidikan dan Pelatihan Keterampilan bagi Kaum Muda/);
    } finally {
      await p.close();
    }
  });

  test('a new programme through the form; a bad year comes back on its field', async () => {
    const p = await sec.newPage();
    try {
      await p.goto(`${base}/en/programmes`);
      await p.getByRole('link', { name: 'Record a new programme' }).click();
      await p.getByLabel('Name in English (required)').fill('School meals and work pilot');
      await p.getByLabel('Member States (ISO codes separated by commas, e.g. IDN, TLS)').fill('IDN, BRA');
      await p.getByLabel('Start year').fill('20x5');
      await p.getByLabel('Source of this change (required)').fill('Test: programme note');
      await p.getByRole('button', { name: 'Save' }).click();
      assert.equal(await p.locator('#pf-startYear').getAttribute('aria-invalid'), 'true');
      await p.getByLabel('Start year').fill('2025');
      await p.getByLabel('Child labour', { exact: true }).check();
      await p.getByRole('button', { name: 'Save' }).click();
      assert.match(p.url(), /\/en\/programmes\/school-meals-and-work-pilot\?saved=1$/);
      const main = (await p.locator('main').textContent()) ?? '';
      assert.match(main, /Brazil/);
      assert.match(main, /2025/);
    } finally {
      await p.close();
    }
  });

  test("the secretariat corrects the Jakarta office's contacts; the profile's who-to-contact shows them", async () => {
    const p = await sec.newPage();
    try {
      await p.goto(`${base}/en/office`);
      await p.locator(`#office-${JAKARTA} a.edit-link`).click();
      assert.match(p.url(), new RegExp(`/en/office/${JAKARTA}/edit$`));
      await p.getByLabel('Email').fill('not-an-address');
      await p.getByLabel('Source of this change (required)').fill('Test: office page');
      await p.getByRole('button', { name: 'Save' }).click();
      assert.equal(await p.locator('#of-email').getAttribute('aria-invalid'), 'true');
      await p.getByLabel('Email').fill('jakarta@example.org');
      await p.getByRole('button', { name: 'Save' }).click();
      assert.match(p.url(), /\/en\/office#office-/);
      assert.match((await p.locator(`#office-${JAKARTA}`).textContent()) ?? '', /jakarta@example\.org/);
      await p.goto(`${base}/en/countries/TLS`);
      assert.match((await p.locator('main').textContent()) ?? '', /jakarta@example\.org/);
    } finally {
      await p.close();
    }
  });

  async function audit(path: string, submit = false): Promise<void> {
    const p = await secScripts.newPage();
    try {
      await p.goto(`${base}${path}`);
      if (submit) await p.locator('form.edit-form button[type="submit"]').click();
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
    for (const path of ['/programmes/new', '/programmes/east-indonesia/edit', `/office/${JAKARTA}/edit`, '/programmes/east-indonesia']) {
      test(`axe finds no WCAG 2 A/AA violation on /${lang}${path}`, () => audit(`/${lang}${path}`));
    }
    test(`axe finds no WCAG 2 A/AA violation on /${lang}/programmes/new with its errors`, () => audit(`/${lang}/programmes/new`, true));
  }
});
