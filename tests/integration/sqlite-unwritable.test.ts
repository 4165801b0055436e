/**
 * SQLite on a read-only or full disk (issue 12): a write is refused with a clear 503 problem and
 * Retry-After, the file stays intact (every acknowledged write and nothing else), and writes work
 * again once the disk does. The conditions are made by SQLite itself, so they hold when the tests
 * run as root (where chmod on the file would not stop a write): `PRAGMA query_only` refuses writes
 * with SQLITE_READONLY, and `PRAGMA max_page_count` at the file's current size makes the next page
 * it needs fail with SQLITE_FULL, as a full disk does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { asClient, type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { sqliteDatabase } from '../support/databases.ts';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const RECORD = 'IDN/C155';

describe('SQLite that cannot be written', () => {
  const database = sqliteDatabase();
  let services: Services;
  let app: ReturnType<typeof createApp>;
  let editor: Client;
  const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
  let writes = 0;
  /** A change that is always new, so each one that is acknowledged adds exactly one event. */
  const write = () =>
    request(
      `/api/ratifications/${RECORD}`,
      asClient(editor, {
        method: 'PUT',
        body: JSON.stringify({ registrationDate: '2026', legalAct: `Act ${++writes} ${'x'.repeat(440)}`, source: 'Test source, 2026' }),
      }),
    );
  const eventsOfRecord = async () =>
    (
      await sql<{ after: string | null }>`select after from events where record_key = ${RECORD} order by id`.execute(services.handle.db)
    ).rows.map((r) => (JSON.parse(r.after ?? 'null') as { legalAct?: string } | null)?.legalAct);

  before(async () => {
    services = await createServices(database.config, { hasher: testHasher });
    app = createApp({ ...services, now: () => NOW });
    await services.accounts.createUser({ email: 'editor@example.org', password: PASSWORD, role: 'secretariat' }, NOW);
    editor = await signIn(request, 'editor@example.org');
  });
  after(async () => {
    await services?.close();
    await database.cleanup();
  });

  async function assertUnavailableProblem(res: Response, detail: RegExp): Promise<void> {
    const text = await res.text();
    assert.equal(res.status, 503, text);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.match(res.headers.get('retry-after') ?? '', /^\d+$/);
    const body = JSON.parse(text) as { status: number; detail: string; instance: string };
    assert.equal(body.status, 503);
    assert.match(body.detail, detail);
    assert.equal(body.instance, `/api/ratifications/${RECORD}`);
  }

  test('read-only: a write is 503 naming the cause, nothing is written, reads and health still answer 200', async () => {
    const before = await eventsOfRecord();
    const shown = await (await request(`/api/ratifications?country=IDN&instrument=C155`)).text();
    await sql`pragma query_only = on`.execute(services.handle.db);
    try {
      await assertUnavailableProblem(await write(), /read-only/);
      assert.equal((await request('/api/health')).status, 200);
      const read = await request(`/api/ratifications?country=IDN&instrument=C155`);
      assert.equal(read.status, 200);
      assert.equal(await read.text(), shown);
    } finally {
      await sql`pragma query_only = off`.execute(services.handle.db);
    }
    assert.deepEqual(await eventsOfRecord(), before);
    assert.equal((await write()).status, 200, 'writable again');
  });

  test('full: the write that needs a page is 503, every acknowledged write is kept, the file passes its integrity check', async () => {
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(services.handle.db);
    await sql.raw(`pragma max_page_count = ${rows[0]?.page_count}`).execute(services.handle.db);
    const acknowledged: string[] = [];
    let refused: Response | null = null;
    try {
      // Each change adds ~1 KB of history, so a handful of 4 KiB pages fill up well within the bound.
      for (let i = 0; i < 400 && !refused; i++) {
        const res = await write();
        if (res.status === 200) acknowledged.push(((await res.json()) as { record: { legalAct: string } }).record.legalAct);
        else refused = res;
      }
      assert.ok(refused, 'a write should have been refused once the pages ran out');
      await assertUnavailableProblem(refused, /disk .* is full/);
    } finally {
      await sql.raw('pragma max_page_count = 1073741823').execute(services.handle.db);
    }
    const events = await eventsOfRecord();
    assert.deepEqual(events.slice(events.length - acknowledged.length), acknowledged, 'every acknowledged write is in the history');
    assert.ok(!events.includes(`Act ${writes} ${'x'.repeat(440)}`), 'the refused write left nothing behind');

    const file = new Database(database.config.sqlitePath, { readonly: true });
    try {
      assert.equal(file.pragma('integrity_check', { simple: true }), 'ok');
      const current = file
        .prepare(`select legal_act from ratifications where country_iso3 = 'IDN' and instrument_code = 'C155'`)
        .pluck()
        .get();
      assert.equal(current, acknowledged.at(-1));
    } finally {
      file.close();
    }
    assert.equal((await write()).status, 200, 'writable again once there is room');
  });
});
