/**
 * Issue 12 acceptance: two server processes (`node bin/tripartite.js serve`) on one database (one
 * SQLite file; one PostgreSQL schema), both caches warm and kept warm by a reader hammering the
 * second one; every write goes through the first and is read through the second as soon as it is
 * acknowledged: never the old value, for several kinds of documents.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createServices } from '../../src/container.ts';
import { PROJECT_ROOT } from '../../src/storage/paths.ts';
import { type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases, TEST_DATA_KEY, type TestDatabase } from '../support/databases.ts';

const source = 'Test source: ILO NORMLEX printout, 2026';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function databaseEnv(database: TestDatabase): NodeJS.ProcessEnv {
  const { config } = database;
  return config.databaseUrl
    ? { DATABASE_URL: config.databaseUrl, TRIPARTITE_PG_SCHEMA: config.pgSchema, TRIPARTITE_DATA_KEY: TEST_DATA_KEY }
    : { DATABASE_URL: '', TRIPARTITE_DB: config.sqlitePath };
}

async function startServe(database: TestDatabase): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/tripartite.js', 'serve'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...databaseEnv(database), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tripartite serve exited with code ${child.exitCode} while starting`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('tripartite serve did not answer /api/health within 60 s');
}

function stop(child: ChildProcess | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface RatificationJson {
  country: string;
  instrument: string;
  legalAct: string | null;
  status: string | null;
  instrumentRef: { titleEn: string };
}

for (const database of await allDatabases()) {
  describe(`two server processes on one ${database.name} database`, { skip: database.skip }, () => {
    let writer: { child: ChildProcess; base: string };
    let reader: { child: ChildProcess; base: string };
    let client: Client;
    let hammering = true;
    let hammer: Promise<void> = Promise.resolve();

    const read = async <T>(path: string): Promise<T> => {
      const res = await fetch(`${reader.base}${path}`);
      assert.equal(res.status, 200, `GET ${path} on the reader: ${res.status}`);
      return (await res.json()) as T;
    };
    const write = async (method: string, path: string, body: unknown): Promise<{ event: { id: number } | null }> => {
      const res = await fetch(`${writer.base}${path}`, {
        method,
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(res.status, 200, `${method} ${path} on the writer: ${res.status} ${await res.clone().text()}`);
      return (await res.json()) as { event: { id: number } | null };
    };
    const answer = async (country: string, age: number): Promise<{ verdict: string; bindsC138: boolean }> => {
      const res = await fetch(`${reader.base}/api/compliance/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ country, age, work: 'regular' }),
      });
      assert.equal(res.status, 200);
      return (await res.json()) as { verdict: string; bindsC138: boolean };
    };
    const check = async (country: string, age: number) => (await answer(country, age)).verdict;

    before(async () => {
      const services = await createServices(database.config, { hasher: testHasher });
      try {
        await services.accounts.createUser({ email: 'admin@example.org', password: PASSWORD, role: 'admin' }, new Date());
      } finally {
        await services.close();
      }
      // One after the other: the first start may build the CLI bundle.
      writer = await startServe(database);
      reader = await startServe(database);
      client = await signIn((path, init) => fetch(`${writer.base}${path}`, init), 'admin@example.org');
      // Keeps the reader's caches warm and busy while the writes land, as other users would.
      hammer = (async () => {
        const paths = ['/api/instruments/C138', '/api/countries/IDN', '/api/countries', '/api/instruments/C155', '/api/instruments?q=C155'];
        for (let n = 0; hammering; n++) await (await fetch(`${reader.base}${paths[n % paths.length]}`)).arrayBuffer();
      })();
    });
    after(async () => {
      hammering = false;
      await hammer.catch(() => {});
      await Promise.all([stop(writer?.child), stop(reader?.child)]);
      await database.cleanup();
    });

    test('a ratification saved through one process is read through the other at once', async () => {
      for (let i = 1; i <= 8; i++) {
        const legalAct = `Two-process act ${i}`;
        await write('PUT', '/api/ratifications/IDN/C138', { legalAct, source });
        const page = await read<{ ratifications: RatificationJson[] }>('/api/instruments/C138');
        assert.equal(page.ratifications.find((r) => r.country === 'IDN')?.legalAct, legalAct, `instrument page, write ${i}`);
        const profile = await read<{ ratifications: RatificationJson[] }>('/api/countries/IDN');
        assert.equal(profile.ratifications.find((r) => r.instrument === 'C138')?.legalAct, legalAct, `country profile, write ${i}`);
      }
    });

    test('a national profile edit through one process changes the compliance answer of the other at once', async () => {
      assert.equal(await check('IDN', 15), 'permitted');
      for (const [age, verdict] of [
        [16, 'prohibited'],
        [15, 'permitted'],
        [16, 'prohibited'],
      ] as const) {
        await write('PUT', '/api/countries/IDN/profile', { generalMinimumAge: age, source });
        assert.equal(await check('IDN', 15), verdict, `general minimum age ${age}`);
      }
    });

    test('an instrument title edit through one process shows in search and country profiles of the other at once', async () => {
      const c155 = await read<{ ratifications: RatificationJson[] }>('/api/instruments/C155');
      const ratifier = c155.ratifications[0]?.country as string;
      assert.ok(ratifier, 'some State has ratified C155');
      await read(`/api/countries/${ratifier}`);
      for (let i = 1; i <= 3; i++) {
        const titleEn = `Renamed Safety Convention ${i}`;
        await write('PATCH', '/api/instruments/C155', { titleEn, source });
        assert.equal((await read<{ instrument: { titleEn: string } }>('/api/instruments/C155')).instrument.titleEn, titleEn);
        const found = await read<{ items: { code: string }[] }>(`/api/instruments?q=${encodeURIComponent(titleEn)}`);
        assert.deepEqual(
          found.items.map((x) => x.code),
          ['C155'],
          `search for the new title, edit ${i}`,
        );
        const profile = await read<{ ratifications: RatificationJson[] }>(`/api/countries/${ratifier}`);
        assert.equal(profile.ratifications.find((r) => r.instrument === 'C155')?.instrumentRef.titleEn, titleEn);
      }
    });

    test('a new ratification, its revert and a denunciation change counts, home page and compliance of the other at once', async () => {
      const recorded = async () => {
        const { items: countries } = await read<{ items: { iso3: string; recordedRatifications: number }[] }>('/api/countries');
        return {
          idn: countries.find((c) => c.iso3 === 'IDN')?.recordedRatifications ?? -1,
          total: countries.reduce((sum, c) => sum + c.recordedRatifications, 0),
        };
      };
      const home = async () =>
        (await (await fetch(`${reader.base}/en/`)).text()).includes(
          `<strong>${new Intl.NumberFormat('en').format((await recorded()).total)}</strong>`,
        );
      const before = await recorded();
      assert.ok(await home(), 'the home page shows the total of recorded ratifications');

      const created = await write('PUT', '/api/ratifications/IDN/C155', { registrationDate: '2026', source });
      assert.deepEqual(await recorded(), { idn: before.idn + 1, total: before.total + 1 });
      assert.ok(await home(), 'the home page shows the new total');
      const c155 = await read<{ ratifications: RatificationJson[] }>('/api/instruments/C155');
      assert.ok(c155.ratifications.some((r) => r.country === 'IDN'));

      await write('POST', `/api/history/${created.event?.id}/revert`, { reason: 'two-process test' });
      assert.deepEqual(await recorded(), before);
      assert.ok(await home(), 'the home page shows the total again');
      const reverted = await read<{ ratifications: RatificationJson[] }>('/api/instruments/C155');
      assert.ok(!reverted.ratifications.some((r) => r.country === 'IDN'));

      assert.equal((await answer('MYS', 14)).bindsC138, true);
      assert.equal((await read<{ childLabour: { c138: { ratified: boolean } } }>('/api/countries/MYS')).childLabour.c138.ratified, true);
      await write('POST', '/api/ratifications/MYS/C138/denounce', { date: '2026-01-01', source });
      const mys = await read<{ childLabour: { c138: { ratified: boolean } }; ratifications: RatificationJson[] }>('/api/countries/MYS');
      assert.equal(mys.childLabour.c138.ratified, false);
      assert.equal(mys.ratifications.find((r) => r.instrument === 'C138')?.status, 'denounced');
      assert.equal((await answer('MYS', 14)).bindsC138, false, 'the compliance answer no longer rests on C138');
    });
  });
}
