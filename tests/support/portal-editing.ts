import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Hono } from 'hono';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { argon2Hasher } from '../../src/storage/argon2-hasher.ts';

export const PORTAL_PASSWORD = 'correct horse battery staple';
export const PORTAL_NOW = new Date('2026-11-27T10:00:00.000Z');

export interface Browser {
  cookie: string;
}

export interface PortalEditing {
  services: Services;
  app: Hono;
  /** Signed in as the secretariat and as Indonesia's focal point. */
  sec: Browser;
  idn: Browser;
  request(path: string, init?: RequestInit): Response | Promise<Response>;
  get(path: string, who?: Browser): Response | Promise<Response>;
  csrfOf(path: string, who: Browser): Promise<string>;
  post(path: string, fields: Record<string, string>, who?: Browser, headers?: Record<string, string>): Response | Promise<Response>;
  signIn(email: string): Promise<Browser>;
  /** The C138 form of Indonesia as the portal fills it, with its CSRF token. */
  ratificationForm(who: Browser, extra?: Record<string, string>): Promise<Record<string, string>>;
}

/**
 * A portal on its own SQLite file with three accounts, for the editing tests: registers the
 * describe's before/after hooks, and fills `services`, `app`, `sec` and `idn` once before runs.
 */
export function usePortalEditing(): PortalEditing {
  let dir = '';
  // Filled by the before hook; the helpers below read them when a test runs.
  const state = {} as Pick<PortalEditing, 'services' | 'app' | 'sec' | 'idn'>;
  const portal: PortalEditing = Object.assign(state, {
    request: (path: string, init: RequestInit = {}) => portal.app.request(`http://localhost${path}`, init),
    get: (path: string, who?: Browser) => portal.request(path, { headers: who ? { cookie: who.cookie } : {} }),
    csrfOf: async (path: string, who: Browser) =>
      /name="_csrf" value="([^"]*)"/.exec(await (await portal.get(path, who)).text())?.[1] ?? '',
    post: (path: string, fields: Record<string, string>, who?: Browser, headers: Record<string, string> = {}) =>
      portal.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(who ? { cookie: who.cookie } : {}), ...headers },
        body: new URLSearchParams(fields),
      }),
    signIn: async (email: string): Promise<Browser> => {
      const res = await portal.post('/en/login', { email, password: PORTAL_PASSWORD });
      assert.equal(res.status, 303, await res.text());
      return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
    },
    ratificationForm: async (who: Browser, extra: Record<string, string> = {}) => ({
      _csrf: await portal.csrfOf('/en/countries/IDN/ratifications/C138/edit', who),
      registrationDate: '1999',
      status: 'in_force',
      legalAct: 'Undang-Undang Nomor 20 Tahun 1999',
      nationalTitle: '',
      minimumAge: '15',
      minimumAgeArticle: 'C138 Art 2(1)',
      minimumAgeDate: '1999',
      confidence: 'medium',
      source: 'ILO NORMLEX',
      reason: '',
      ...extra,
    }),
  });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-editing-'));
    portal.services = await createServices(
      { databaseUrl: null, sqlitePath: join(dir, 't.db'), pgSchema: 'public' },
      { hasher: argon2Hasher({ memoryCost: 1024, timeCost: 1 }) },
    );
    portal.app = createApp({ ...portal.services, now: () => PORTAL_NOW });
    const { accounts } = portal.services;
    await accounts.createUser({ email: 'sec@example.org', password: PORTAL_PASSWORD, role: 'secretariat' }, PORTAL_NOW);
    await accounts.createUser({ email: 'idn@example.org', password: PORTAL_PASSWORD, role: 'focal_point', countries: ['IDN'] }, PORTAL_NOW);
    await accounts.createUser({ email: 'limited@example.org', password: PORTAL_PASSWORD, role: 'secretariat' }, PORTAL_NOW);
    portal.idn = await portal.signIn('idn@example.org');
    portal.sec = await portal.signIn('sec@example.org');
  });

  after(async () => {
    await portal.services?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  return portal;
}
