/**
 * Browser tests of trusted editing in the portal: signing in, correcting a record with a plain
 * form (no script), its history, signing out; a forged form posted from another origin; a script
 * stored in a title; the focal point's scope; and axe on the new pages in both languages. The real
 * server runs on SQLite in a temp folder; the users are created beforehand through the services.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServices } from '../../src/container.ts';
import { startServer } from '../../src/main.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { browserSuiteConfig, browserSuiteSkip, launchChromium } from '../support/browser.ts';

const skip = browserSuiteSkip('editing browser tests');

const IDN = 'idn@example.org';
const SEC = 'sec@example.org';
const XSS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

describe('trusted editing in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let attacker: Server;
  let attackerPort: number;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  /** A fresh browser profile: scripts off unless a test needs them (axe, the forged form). */
  const newPage = async (javaScriptEnabled: boolean): Promise<Page> => {
    const context = await browser.newContext({ javaScriptEnabled });
    contexts.push(context);
    return context.newPage();
  };

  /** Signs in with the portal's own form, as a person would. */
  const signIn = async (page: Page, email: string, lang: 'en' | 'id' = 'en'): Promise<void> => {
    await page.goto(`${base}/${lang}/login`);
    await page.locator('#login-email').fill(email);
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(/\/account$/);
  };

  /** The text of the national-law section of a State's page, read anonymously. */
  const nationalLaw = async (iso3: string): Promise<string> => {
    const html = await (await fetch(`${base}/en/countries/${iso3}`)).text();
    const start = html.indexOf('<section aria-labelledby="national-law-heading">');
    return html.slice(start, html.indexOf('</section>', start));
  };

  /** The text of the C138/C182 box of a State's page, read anonymously. */
  const childLabourBox = async (iso3: string): Promise<string> => {
    const html = await (await fetch(`${base}/en/countries/${iso3}`)).text();
    const start = html.indexOf('<section class="box"');
    return html.slice(start, html.indexOf('</section>', start)).replace(/<[^>]+>/g, '');
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-editing-'));
    const config = browserSuiteConfig(dir);
    const services = await createServices(config, { hasher: testHasher });
    const at = new Date();
    await services.accounts.createUser({ email: IDN, password: PASSWORD, role: 'focal_point', countries: ['IDN'] }, at);
    await services.accounts.createUser({ email: SEC, password: PASSWORD, role: 'secretariat' }, at);
    await services.close();
    server = await startServer(config);
    base = `http://127.0.0.1:${server.port}`;

    // Another origin (another port) whose page posts a form to the portal as soon as it loads.
    attacker = createServer((req, res) => {
      const target = `${base}/en/countries/IDN/profile/edit`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><title>Win a prize</title></head><body>
<form id="f" method="post" action="${target}">
<input name="_csrf" value="guessed"><input name="generalMinimumAge" value="10"><input name="hazardousMinimumAge" value="10">
<input name="compulsoryEducationAge" value="10"><input name="source" value="forged by ${req.headers.host}">
</form><script>document.getElementById('f').submit();</script></body></html>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerPort = (attacker.address() as AddressInfo).port;

    browser = await launchChromium();
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await new Promise<void>((resolve) => (attacker ? attacker.close(() => resolve()) : resolve()));
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a focal point signs in, corrects C138 for Indonesia with no script, sees it and its history, and signs out', async () => {
    const page = await newPage(false);
    await page.goto(`${base}/en/countries/IDN`);
    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email address').fill(IDN);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/countries/IDN', 'back to the page the reader came from');
    const header = page.getByRole('navigation', { name: 'Your account' });
    assert.match(await header.innerText(), /idn@example\.org \(focal point\)/);
    await header.getByRole('link', { name: 'Account' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data gaps' }).waitFor();

    await page.getByRole('link', { name: 'Edit C138', exact: true }).click();
    assert.equal(new URL(page.url()).pathname, '/en/countries/IDN/ratifications/C138/edit');
    assert.equal(await page.getByLabel('Registration date').inputValue(), '1999');
    assert.equal(await page.locator('#rat-minimum-age').inputValue(), '15');
    await page.getByLabel('Registration date').fill('1999-06-07');
    await page.locator('#rat-source').fill('ILO NORMLEX, ratifications of C138: Indonesia, registered 07 Jun 1999');
    await page.locator('#rat-reason').fill('Registration day found in NORMLEX');
    await page.getByRole('button', { name: 'Save the change' }).click();

    const url = new URL(page.url());
    assert.equal(url.pathname, '/en/countries/IDN');
    assert.equal(url.searchParams.get('saved'), '1');
    assert.match(await page.getByRole('status').first().innerText(), /Your change is saved/);
    assert.match(await page.locator('section.box').innerText(), /ratified; registered 7 June 1999/);
    const history = await page.locator('section[aria-labelledby="history-heading"]').innerText();
    assert.match(history, /idn@example\.org/);
    assert.match(history, /Registration day found in NORMLEX/);
    assert.match(history, /ILO NORMLEX, ratifications of C138/);
    // What a screen reader says ("before: … after: …"); the eye sees "1999 → 1999-06-07".
    assert.match(history.replace(/\s+/g, ' '), /Registration date: before: 1999 → , after: 1999-06-07/);
    assert.match(history, /\d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/login');
    assert.match(await page.getByRole('status').innerText(), /You are signed out/);
    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Sign in' }).waitFor();
    const again = await page.goto(`${base}/en/countries/IDN/ratifications/C138/edit`);
    assert.equal(new URL(page.url()).pathname, '/en/login', 'the session is over');
    assert.equal(again?.status(), 200);
  });

  test('a revert asks for confirmation on its own page, with no script, and Cancel changes nothing', async () => {
    const page = await newPage(false);
    await signIn(page, SEC);
    await page.goto(`${base}/en/history?record=IDN/C138`);
    const latest = page.locator('ol.history > li').first();
    const changeId = ((await latest.getAttribute('id')) ?? '').replace('change-', '');
    assert.match(changeId, /^\d+$/);
    await latest.getByRole('button', { name: `Revert… Change ${changeId}` }).click();
    assert.equal(new URL(page.url()).pathname, `/en/history/${changeId}/revert`);
    assert.equal(await page.locator('h1').innerText(), `Revert change ${changeId}?`);
    const what = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    assert.match(what, /Registration date: before: 1999-06-07 → , after: 1999/, 'the change read backwards');
    assert.match(await childLabourBox('IDN'), /registered 7 June 1999/, 'nothing is reverted by showing the page');
    await page.getByRole('link', { name: 'Cancel' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/history');
    assert.match(await childLabourBox('IDN'), /registered 7 June 1999/, 'Cancel reverts nothing');

    await page
      .locator(`#change-${changeId}`)
      .getByRole('button', { name: `Revert… Change ${changeId}` })
      .click();
    await page.getByLabel(`Reason for reverting change ${changeId}`).fill('day not confirmed');
    await page.getByRole('button', { name: 'Yes, revert this change' }).click();
    assert.equal(new URL(page.url()).searchParams.get('saved'), '1');
    assert.match(await page.getByRole('status').first().innerText(), /The change is reverted/);
    assert.match(await childLabourBox('IDN'), /ratified; registered 1999/);
    // The revert is kept for the next tests' record state: put the day back as it was.
    const redo = page.locator('ol.history > li').first();
    const revertId = ((await redo.getAttribute('id')) ?? '').replace('change-', '');
    await redo.getByRole('button', { name: `Revert… Change ${revertId}` }).click();
    await page.getByRole('button', { name: 'Yes, revert this change' }).click();
    assert.match(await childLabourBox('IDN'), /registered 7 June 1999/);
  });

  test('a form posted from a page on another origin is refused, and the record is unchanged', async () => {
    const page = await newPage(true);
    await signIn(page, IDN);
    const before = await nationalLaw('IDN');
    assert.match(before, /15 years/);
    for (const host of ['127.0.0.1', 'localhost']) {
      // 127.0.0.1 on another port: another origin of the same site, so the (Lax) cookie is sent.
      // localhost: another site altogether.
      const response = page.waitForResponse((r) => r.url().endsWith('/en/countries/IDN/profile/edit') && r.request().method() === 'POST');
      await page.goto(`http://${host}:${attackerPort}/`);
      const refused = await response;
      assert.equal(refused.status(), 403, `forged post from ${host}`);
      assert.match(await page.locator('h1').innerText(), /Not allowed/);
    }
    assert.equal(await nationalLaw('IDN'), before, 'nothing changed');
  });

  test('a script injected into a title is shown as text and never runs', async () => {
    const page = await newPage(true);
    await signIn(page, SEC);
    await page.goto(`${base}/en/instruments/C138`);
    await page.getByRole('link', { name: 'Edit this instrument' }).click();
    await page.getByLabel('Title in Indonesian').fill(XSS);
    await page.getByLabel('official: it comes from a national act').check();
    await page.locator('#ins-source').fill('XSS test');
    await page.locator('#ins-reason').fill('checking that titles are escaped');
    await page.getByRole('button', { name: 'Save the change' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/instruments/C138');

    for (const lang of ['id', 'en']) {
      await page.goto(`${base}/${lang}/instruments/C138`);
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      const text = lang === 'id' ? await page.locator('h1').innerText() : await page.locator('main').innerText();
      assert.ok(text.includes(XSS), `the title shows literally on /${lang}: ${text.slice(0, 200)}`);
      assert.equal(await page.locator('main img[src="x"]').count(), 0);
    }
    await page.goto(`${base}/en/history?record=C138`);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.ok((await page.locator('main').innerText()).includes(XSS));
  });

  test("the focal point for IDN sees no edit link on Malaysia's page and is refused its edit forms", async () => {
    const page = await newPage(false);
    await signIn(page, IDN);
    await page.goto(`${base}/en/countries/MYS`);
    assert.equal(await page.locator('main a[href*="/edit"], main a[href*="/ratifications/new"]').count(), 0);
    for (const path of ['/en/countries/MYS/ratifications/C138/edit', '/en/countries/MYS/profile/edit', '/id/instruments/C138/edit']) {
      const response = await page.goto(`${base}${path}`);
      assert.equal(response?.status(), 403, path);
    }
    assert.match(await page.locator('main').innerText(), /Hanya sekretariat yang boleh mengubah instrumen/);
    await page.goto(`${base}/en/countries/IDN`);
    assert.ok((await page.locator('main a[href="/en/countries/IDN/profile/edit"]').count()) === 1);
  });

  describe('axe finds no WCAG 2 A/AA violation', () => {
    let anonymous: Page;
    let signedIn: Page;

    before(async () => {
      anonymous = await newPage(true);
      signedIn = await newPage(true);
      await signIn(signedIn, IDN);
    });

    const audit = async (page: Page, label: string) => {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      const violations = result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
      if (violations.length) console.log(JSON.stringify(violations, null, 2));
      assert.ok(result.passes.length > 0, 'axe audited nothing');
      assert.equal(violations.length, 0, `axe violations on ${label}: ${violations.map((v) => v.id).join(', ')}`);
    };

    for (const lang of ['en', 'id'] as const) {
      test(`on the sign-in page with an error (${lang})`, async () => {
        await anonymous.goto(`${base}/${lang}/login`);
        await audit(anonymous, `/${lang}/login`);
        await anonymous.locator('main form button[type="submit"]').click();
        assert.equal(await anonymous.locator('.field-error').count(), 2);
        await audit(anonymous, `/${lang}/login with errors`);
      });

      for (const path of ['/account', '/history', '/gaps', '/countries/IDN', '/countries/IDN/profile/edit']) {
        test(`on ${path} signed in (${lang})`, async () => {
          const response = await signedIn.goto(`${base}/${lang}${path}`);
          assert.equal(response?.status(), 200);
          await audit(signedIn, `/${lang}${path}`);
        });
      }

      test(`on an edit form with errors (${lang})`, async () => {
        await signedIn.goto(`${base}/${lang}/countries/IDN/ratifications/C138/edit`);
        await signedIn.locator('#rat-registration-date').fill('1999-02-30');
        await signedIn.locator('#rat-source').fill('');
        const response = signedIn.waitForResponse((r) => r.request().method() === 'POST');
        await signedIn.locator('#rat-source').press('Enter');
        assert.equal((await response).status(), 400);
        await signedIn.locator('.error-summary').waitFor();
        assert.equal(await signedIn.locator('#rat-source').getAttribute('aria-invalid'), 'true');
        assert.equal(await signedIn.locator('#rat-registration-date').inputValue(), '1999-02-30', 'the value is kept');
        await audit(signedIn, `/${lang}/countries/IDN/ratifications/C138/edit with errors`);
      });

      test(`on the confirmation of a revert (${lang})`, async () => {
        await signedIn.goto(`${base}/${lang}/history?record=IDN/C138`);
        const changeId = ((await signedIn.locator('ol.history > li').first().getAttribute('id')) ?? '').replace('change-', '');
        const response = await signedIn.goto(`${base}/${lang}/history/${changeId}/revert`);
        assert.equal(response?.status(), 200);
        await audit(signedIn, `/${lang}/history/${changeId}/revert`);
      });

      test(`on the history of one record and the gaps of one kind (${lang})`, async () => {
        await anonymous.goto(`${base}/${lang}/history?record=IDN/C138`);
        await audit(anonymous, `/${lang}/history?record=IDN/C138`);
        await anonymous.goto(`${base}/${lang}/gaps?kind=c138-minimum-age`);
        await audit(anonymous, `/${lang}/gaps?kind=c138-minimum-age`);
      });
    }
  });
});
