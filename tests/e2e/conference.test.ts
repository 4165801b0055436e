/**
 * The Conference's session page in Chromium: a recorded vote with the result the engine computes,
 * in English and Indonesian, with no JavaScript; axe finds no WCAG 2 A/AA violation on the pages
 * and on the secretariat's forms.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { createServices } from '../../src/container.ts';
import { startServer } from '../../src/main.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { browserSuiteConfig, browserSuiteSkip, launchChromium } from '../support/browser.ts';

const skip = browserSuiteSkip('Conference browser tests');
const SEC = 'sec@example.org';
const source = 'Test: ILC Provisional Record (fixture)';

describe('a Conference session in a browser', { skip }, () => {
  let dir: string;
  let server: { close(): Promise<void>; port: number };
  let browser: Browser;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-e2e-conference-'));
    const config = browserSuiteConfig(dir);
    const services = await createServices(config, { hasher: testHasher });
    const at = new Date('2026-12-03T10:00:00.000Z');
    const sec = await services.accounts.createUser({ email: SEC, password: PASSWORD, role: 'secretariat' }, at);
    const actor = { id: sec.id, email: SEC, role: 'secretariat' as const, countries: [] };
    await services.conference.saveSession(
      actor,
      { number: 113, agenda: [{ text: 'Test standard-setting item', instrument: 'C199' }], source },
      at,
    );
    await services.conference.saveDelegation(
      actor,
      {
        session: 113,
        country: 'IDN',
        delegates: [
          { name: 'Government Delegate', group: 'government', role: 'delegate' },
          { name: 'Employers Delegate', group: 'employers', role: 'delegate' },
          { name: 'Workers Delegate', group: 'workers', role: 'delegate' },
        ],
        source,
      },
      at,
    );
    await services.conference.recordVote(
      actor,
      {
        session: 113,
        agendaItem: 1,
        kind: 'instrument',
        date: '2025-06-13',
        for: 400,
        against: 20,
        abstain: 30,
        delegatesAttending: 480,
        instrument: { code: 'C199', titleEn: 'Test Adoption Convention, 2025', type: 'convention' },
        source,
      },
      at,
    );
    await services.conference.recordVote(
      actor,
      {
        session: 113,
        kind: 'ordinary',
        date: '2025-06-12',
        delegatesAttending: 4,
        ballots: [
          { delegateId: 'IDN-1', vote: 'for' },
          { delegateId: 'IDN-2', vote: 'against' },
          { delegateId: 'IDN-3', vote: 'for' },
        ],
        source,
      },
      at,
    );
    await services.close();
    server = await startServer(config);
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const newPage = async (scripts: boolean): Promise<Page> => (await browser.newContext({ javaScriptEnabled: scripts })).newPage();

  const audit = async (page: Page, label: string) => {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const violations = result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
    if (violations.length) console.log(JSON.stringify(violations, null, 2));
    assert.ok(result.passes.length > 0, 'axe audited nothing');
    assert.equal(violations.length, 0, `axe violations on ${label}: ${violations.map((v) => v.id).join(', ')}`);
  };

  test('from the main navigation to the session page: the final vote adopted, with its margin and article (en)', async () => {
    const page = await newPage(false);
    await page.goto(`${base}/en/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conference' }).click();
    assert.equal(new URL(page.url()).pathname, '/en/conference');
    await page.getByRole('link', { name: '113th session' }).click();
    assert.equal(await page.locator('h1').textContent(), 'International Labour Conference, 113th session');
    const vote = page.locator('article', { has: page.getByRole('heading', { name: /Vote 1:/ }) });
    const text = (await vote.textContent()) ?? '';
    assert.match(text, /Adopted/);
    assert.match(text, /Constitution Art 19\(2\)/);
    assert.match(text, /Final vote on C199/);
    assert.match((await page.locator('#adopted-heading + p + ul').textContent()) ?? '', /C199/);
    const record = page.locator('article', { has: page.getByRole('heading', { name: /Vote 2:/ }) });
    assert.match((await record.textContent()) ?? '', /Ballots that carry no vote|Government/);
    await page.context().close();
  });

  test('the same page in Indonesian', async () => {
    const page = await newPage(false);
    await page.goto(`${base}/id/conference/113`);
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    assert.equal(await page.locator('h1').textContent(), 'Konferensi Ketenagakerjaan Internasional, Sidang ke-113');
    const text = (await page.locator('#votes-heading + article, #votes-heading ~ article').first().textContent()) ?? '';
    assert.match(text, /Disahkan/);
    assert.match(text, /Pasal 19 ayat \(2\)/);
    await page.context().close();
  });

  for (const lang of ['en', 'id'] as const)
    test(`axe: the sessions list and the session page (${lang})`, async () => {
      const page = await newPage(true);
      await page.goto(`${base}/${lang}/conference`);
      await audit(page, `/${lang}/conference`);
      await page.goto(`${base}/${lang}/conference/113`);
      await audit(page, `/${lang}/conference/113`);
      await page.context().close();
    });

  test('axe: the secretariat forms (session, delegation, vote)', async () => {
    const page = await newPage(true);
    await page.goto(`${base}/en/login`);
    await page.getByLabel('Email address').fill(SEC);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    for (const path of ['/en/conference/113/edit', '/id/conference/113/delegations/IDN/edit', '/en/conference/113/votes/new']) {
      await page.goto(`${base}${path}`);
      await audit(page, path);
    }
    // A refused vote shows its problems next to the fields, still without violations.
    await page.goto(`${base}/en/conference/113/votes/new`);
    await page.getByRole('button', { name: 'Record a vote' }).click();
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /date/);
    await audit(page, 'refused vote form');
    await page.context().close();
  });
});
