/**
 * Browser tests of the compliance pages: the check form (no script at all) and the screening
 * upload, with its optional script and without it. Same set-up as portal.test.ts: the real server
 * on SQLite in a temp folder, driven by the system Chromium.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateWorkforce } from '../../bench/gen-workforce.ts';
import { startServer } from '../../src/main.ts';
import { browserSuiteConfig, browserSuiteSkip, launchChromium } from '../support/browser.ts';

const skip = browserSuiteSkip('compliance browser tests');

const CASE = 'country=IDN&age=14&birthDate=&on=2026-11-27&work=light&hoursPerDay=3';
const BAD_CASE = 'country=IDN&age=&birthDate=&on=2026-11-27&work=light&hoursPerDay=3';

describe('compliance pages in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let scriptContext: BrowserContext;
  let scriptPage: Page;
  let base: string;
  let exampleFile: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-compliance-'));
    server = await startServer(browserSuiteConfig(dir));
    base = `http://127.0.0.1:${server.port}`;
    // The example file the page offers, downloaded as a reader would, then uploaded.
    exampleFile = join(dir, 'screening-example.csv');
    writeFileSync(exampleFile, await (await fetch(`${base}/static/screening-example.csv`)).text());
    browser = await launchChromium();
    // The check form and the plain upload need no script: run them with scripts off.
    context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    page = await context.newPage();
    // The upload script, and axe (a script itself), run here.
    scriptContext = await browser.newContext({ acceptDownloads: true });
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

  const verdict = (p: Page) => p.locator('.result .verdict').innerText();

  test('the check form gives light work at 14 in Indonesia as conditional, citing C138 Art 7', async () => {
    await page.goto(`${base}/en/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/compliance/check');
    await page.getByLabel('Member State').selectOption('IDN');
    await page.getByLabel('Age in completed years').fill('14');
    await page.getByLabel('Kind of work').selectOption('light');
    await page.getByLabel('Hours of work per day').fill('3');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('country'), 'IDN');
    assert.equal(url.searchParams.get('work'), 'light');
    assert.match(await verdict(page), /conditional/i);
    const citation = page.locator('.reasons').getByRole('link', { name: /^C138 Art 7/ });
    assert.equal(await citation.getAttribute('href'), '/en/instruments/C138');
    assert.match(await page.locator('.result').innerText(), /15 years: declared by the State under C138 Art 2\(1\)/);
    assert.ok((await page.locator('.conditions li').count()) > 0, 'a conditional verdict lists its conditions');
  });

  test('four hours a day makes it prohibited under UU 13/2003 Pasal 69', async () => {
    await page.goto(`${base}/en/compliance/check?${CASE}`);
    await page.getByLabel('Hours of work per day').fill('4');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    assert.equal(new URL(page.url()).searchParams.get('hoursPerDay'), '4');
    assert.match(await verdict(page), /prohibited/i);
    const reasons = await page.locator('.reasons').innerText();
    assert.match(reasons, /UU 13\/2003 Pasal 69[\s\S]*4 hours a day exceeds the limit of 3 hours/);
  });

  test('an empty age is shown next to the age field, with a summary at the top', async () => {
    await page.goto(`${base}/en/compliance/check?${CASE}`);
    await page.getByLabel('Age in completed years').fill('');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/en/compliance/check?')),
      page.getByRole('button', { name: 'Check', exact: true }).click(),
    ]);
    assert.equal(response.status(), 400);
    const age = page.locator('#check-age');
    assert.equal(await age.getAttribute('aria-invalid'), 'true');
    assert.match((await age.getAttribute('aria-describedby')) ?? '', /\bcheck-age-error\b/);
    const message = page.locator('#check-age-error');
    assert.ok(await message.isVisible());
    assert.match(await message.innerText(), /Enter the age in completed years, or the date of birth/);
    // The error sits in the age field's own group, just above its input.
    assert.equal(await message.evaluate((el) => el.parentElement?.querySelector('input')?.id), 'check-age');
    await page
      .locator('.error-summary')
      .getByRole('link', { name: /Enter the age/ })
      .waitFor();
    assert.equal(await page.getByLabel('Member State').inputValue(), 'IDN');
    assert.equal(await page.getByLabel('Kind of work').inputValue(), 'light');
    assert.match(await page.title(), /^Error: /);
  });

  test('the result page in Indonesian', async () => {
    await page.goto(`${base}/en/compliance/check?${CASE}`);
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Bahasa Indonesia' }).click();
    const url = new URL(page.url());
    assert.equal(url.pathname, '/id/compliance/check');
    assert.equal(url.searchParams.get('hoursPerDay'), '3');
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    assert.match(await verdict(page), /bersyarat/);
    const citation = page.locator('.reasons').getByRole('link', { name: 'Pasal 7 ayat (1) Konvensi ILO No. 138' });
    assert.equal(await citation.getAttribute('href'), '/id/instruments/C138');
    const result = await page.locator('.result').innerText();
    assert.match(result, /Usia minimum untuk diperbolehkan bekerja\s*15 tahun/);
    assert.match(result, /UU 13\/2003 Pasal 69/);
    await page.getByRole('navigation', { name: 'Utama' }).getByRole('link', { name: 'Periksa' }).waitFor();
  });

  test('night work by a female worker of 16, chosen in the Indonesian form, is prohibited under Pasal 76(1)', async () => {
    await page.goto(`${base}/id/compliance/check?country=IDN`);
    await page.getByLabel('Usia dalam tahun penuh').fill('16');
    await page.getByLabel('Jenis pekerjaan').selectOption('regular');
    await page.getByLabel('Sebagian pekerjaan dilakukan pada malam hari').check();
    const sex = page.getByLabel('Jenis kelamin pekerja');
    assert.equal(await sex.inputValue(), '', '"not stated" by default');
    await sex.selectOption('female');
    await page.getByRole('button', { name: 'Periksa', exact: true }).click();
    assert.equal(new URL(page.url()).searchParams.get('sex'), 'female');
    assert.match(await verdict(page), /dilarang/);
    const result = (await page.locator('.result').textContent()) ?? '';
    assert.match(result, /Jenis kelamin\s*perempuan/);
    const first = (await page.locator('.reasons li').first().textContent()) ?? '';
    assert.match(first, /^UU 13\/2003 Pasal 76\(1\) \(dilarang\)/);
    assert.match((await page.locator('.reasons li.reason-note').last().textContent()) ?? '', /^UU 13\/2003 Pasal 1 angka 26 \(catatan\)/);
    assert.equal(await page.getByLabel('Jenis kelamin pekerja').inputValue(), 'female', 'the form keeps the choice');
  });

  test("Indonesia's profile links to the check with the country filled in", async () => {
    await page.goto(`${base}/en/countries/IDN`);
    await page.getByRole('link', { name: /^Check a case in Indonesia/ }).click();
    assert.equal(new URL(page.url()).search, '?country=IDN');
    assert.equal(await page.getByLabel('Member State').inputValue(), 'IDN');
    assert.equal(await page.locator('.result').count(), 0);
    assert.equal(await page.locator('.error-summary').count(), 0);
  });

  test('with the script, the upload shows its progress and offers the result as a download link', async () => {
    await scriptPage.goto(`${base}/en/compliance/screen`);
    await scriptPage.getByLabel('Workers file (CSV)').setInputFiles(exampleFile);
    await scriptPage.getByRole('button', { name: 'Screen and download the result' }).click();
    const link = scriptPage.locator('#screen-result a[download]');
    await link.waitFor();
    // The page stayed put: the script sent the file, the form did not navigate.
    assert.equal(new URL(scriptPage.url()).pathname, '/en/compliance/screen');
    const progress = await scriptPage.locator('#screen-progress').evaluate((el: HTMLProgressElement) => ({ value: el.value, max: el.max }));
    assert.ok(progress.max > 1, `max is the file size, got ${progress.max}`);
    assert.equal(progress.value, progress.max);
    assert.ok(await scriptPage.locator('#screen-progress').isVisible());
    assert.match(await scriptPage.getByRole('status').innerText(), /Done: 11 rows screened/);
    assert.match((await link.getAttribute('download')) ?? '', /^screening-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.match((await link.getAttribute('href')) ?? '', /^blob:/);
    // The site's CSP keeps page scripts from fetching blob: URLs; a reader clicks the link.
    const [download] = await Promise.all([scriptPage.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), await link.getAttribute('download'));
    const csv = readFileSync(await download.path(), 'utf8');
    const header = csv.split('\n')[0] ?? '';
    assert.match(header, /,verdict,minimum_age,citations$/);
    assert.match(csv, /^W-002,.*,prohibited,15,/m);
    const summary = await scriptPage.locator('#screen-result').innerText();
    assert.match(summary, /prohibited\s*2/);
    // every verdict is counted with its name, the adults' other_law too
    assert.match(summary, /not child labour \(an adult\): other law applies\s*0/);
    assert.match(summary, /invalid rows\s*4/);
    assert.match(summary, /Row 7 \(W-007\): birth_date/);
  });

  test('without the script, the form post answers with the CSV as a download', async () => {
    await page.goto(`${base}/en/compliance/screen`);
    await page.getByLabel('Workers file (CSV)').setInputFiles(exampleFile);
    await page.getByLabel('Screening date').fill('2026-11-27');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Screen and download the result' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'screening-2026-11-27.csv');
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    assert.match(csv.split('\n')[0] ?? '', /verdict,minimum_age,citations$/);
    assert.equal(csv.trimEnd().split('\n').length, readFileSync(exampleFile, 'utf8').trimEnd().split('\n').length);
  });

  /** A gzip'd register cut at 60%: its first rows decompress, then the data ends mid-stream. */
  const truncatedGzip = () => {
    const path = join(dir, 'truncated.csv.gz');
    const whole = gzipSync(Buffer.from([...generateWorkforce({ rows: 30_000, seed: 11 })].join('')));
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length * 0.6)));
    return path;
  };

  test('with the script, a truncated .gz upload is reported as a failure and no partial result is offered', async () => {
    await scriptPage.goto(`${base}/en/compliance/screen`);
    await scriptPage.getByLabel('Workers file (CSV)').setInputFiles(truncatedGzip());
    await scriptPage.getByRole('button', { name: 'Screen and download the result' }).click();
    const status = scriptPage.getByRole('status');
    await status.filter({ hasText: /stopped before the end of the file/ }).waitFor();
    assert.match(
      (await status.textContent()) ?? '',
      /^The screening stopped before the end of the file, so no result is offered: it would be incomplete\./,
    );
    assert.equal(await scriptPage.locator('#screen-result a[download]').count(), 0);
    assert.equal(await scriptPage.locator('#screen-result').textContent(), '');
  });

  test('without the script, a truncated .gz upload ends in a failed download, not a complete-looking file', async () => {
    await page.goto(`${base}/en/compliance/screen`);
    await page.getByLabel('Workers file (CSV)').setInputFiles(truncatedGzip());
    await page.getByLabel('Screening date').fill('2026-11-27');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Screen and download the result' }).click(),
    ]);
    // The browser's own download list shows it failed (a network error: the transfer was cut).
    assert.ok(await download.failure(), 'the download is marked failed');
  });

  test('without the script, a file that cannot be screened gives the page again with the problem', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'name,age\nSiti,14\n');
    await page.goto(`${base}/id/compliance/screen`);
    await page.getByLabel('Berkas pekerja (CSV)').setInputFiles(bad);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Periksa dan unduh hasilnya' }).click(),
    ]);
    assert.equal(response.status(), 400);
    await page.locator('#screen-file-error').waitFor();
    assert.match(await page.locator('#screen-file-error').innerText(), /tidak memiliki kolom worker_id/);
    assert.equal(await page.locator('#screen-file').getAttribute('aria-invalid'), 'true');
  });

  async function audit(path: string, prepare?: (p: Page) => Promise<void>) {
    await scriptPage.goto(`${base}${path}`);
    await prepare?.(scriptPage);
    const result = await new AxeBuilder({ page: scriptPage }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const violations = result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
    if (violations.length) console.log(JSON.stringify(violations, null, 2));
    assert.ok(result.passes.length > 0, 'axe audited nothing');
    assert.equal(violations.length, 0, `axe violations on ${path}: ${violations.map((v) => v.id).join(', ')}`);
  }

  const pages = [
    '/compliance/check',
    `/compliance/check?${CASE}`,
    `/compliance/check?${CASE.replace('hoursPerDay=3', 'hoursPerDay=4')}`,
    '/compliance/check?country=USA&age=16&work=hazardous&night=yes',
    `/compliance/check?${BAD_CASE}`,
    '/compliance/screen',
  ];
  for (const lang of ['en', 'id']) {
    for (const path of pages) {
      test(`axe finds no WCAG 2 A/AA violation on /${lang}${path}`, () => audit(`/${lang}${path}`));
    }
    test(`axe finds no WCAG 2 A/AA violation on /${lang}/compliance/screen with a result shown`, () =>
      audit(`/${lang}/compliance/screen`, async (p) => {
        await p.locator('#screen-file').setInputFiles(exampleFile);
        await p.locator('#screen-form button[type=submit]').click();
        await p.locator('#screen-result a[download]').waitFor();
      }));
    test(`axe finds no WCAG 2 A/AA violation on /${lang}/compliance/check with the kinds of work explained`, () =>
      audit(`/${lang}/compliance/check?${CASE}`, async (p) => {
        await p.locator('details.work-help summary').click();
      }));
  }
});
