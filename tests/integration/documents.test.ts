import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { asClient, type Client, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';
import { tinyPdf } from '../support/tiny-pdf.ts';

const NOW = new Date('2026-12-04T10:00:00.000Z');
const MAX = 256 * 1024;
const source = 'Test source: ILO report page, 2026';

for (const database of await allDatabases()) {
  describe(`documents library on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    let dir: string;
    const clients: Record<string, Client> = {};
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
    const get = async (path: string) => {
      const res = await request(path);
      assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
      return (await res.json()) as any;
    };
    const stored = () => (existsSync(dir) ? readdirSync(dir) : []);
    const rows = async () => (await services.handle.db.selectFrom('documents').select('id').execute()).length;

    /** A multipart upload as a browser or script sends it (no JSON content type). */
    const upload = (client: Client | null, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      if (file)
        form.append(
          'file',
          new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type ?? 'application/octet-stream' }),
          file.name,
        );
      const headers = new Headers();
      if (client) {
        headers.set('cookie', client.cookie);
        headers.set('x-csrf-token', client.csrf);
      }
      return request('/api/documents', { method: 'POST', headers, body: form });
    };
    const search = async (q: string) => {
      const body = await get(`/api/search?q=${encodeURIComponent(q)}&lang=en`);
      return (body.groups.find((g: any) => g.kind === 'document')?.hits ?? []).map((h: any) => h.key);
    };

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'tripartite-docs-'));
      rmSync(dir, { recursive: true });
      services = await createServices(database.config, { hasher: testHasher, documentsDir: dir, documentsMaxBytes: MAX });
      app = createApp({ ...services, now: () => NOW, onUnexpectedError: (e) => console.error(e) });
      await services.accounts.createUser({ email: 'sec@example.org', password: 'correct horse battery staple', role: 'secretariat' }, NOW);
      await services.accounts.createUser(
        { email: 'idn@example.org', password: 'correct horse battery staple', role: 'focal_point', countries: ['IDN'] },
        NOW,
      );
      clients.secretariat = await signIn(request, 'sec@example.org');
      clients.idn = await signIn(request, 'idn@example.org');
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    test('anonymous writes are 401 before validation; a focal point gets 403 whatever the body', async () => {
      assert.equal((await upload(null, { kind: 'letter' })).status, 401);
      assert.equal((await request('/api/documents', { method: 'POST', body: 'not a form' })).status, 401);
      assert.equal((await request('/api/documents/doc-0123456789ab', { method: 'PUT', body: '{"kind":1}' })).status, 401);
      assert.equal((await request('/api/documents/doc-0123456789ab', { method: 'DELETE' })).status, 401);
      const refused = await upload(clients.idn ?? null, { kind: 'letter' }, { name: 'x.pdf', bytes: tinyPdf('Hello') });
      assert.equal(refused.status, 403);
      const put = await request('/api/documents/doc-0123456789ab', asClient(clients.idn ?? null, { method: 'PUT', body: '{"kind":1}' }));
      assert.equal(put.status, 403);
      const del = await request('/api/documents/doc-0123456789ab', asClient(clients.idn ?? null, { method: 'DELETE', body: '{}' }));
      assert.equal(del.status, 403);
      assert.deepEqual(stored(), []);
      assert.equal(await rows(), 0);
    });

    test('a PDF upload is stored by its SHA-256 and found by a word inside it through /api/search', async () => {
      // The index is built before the upload: the upload must renew it.
      assert.deepEqual(await search('quetzalcoatl'), []);
      const bytes = tinyPdf('Child labour survey quetzalcoatl Jakarta 2026');
      const res = await upload(
        clients.secretariat ?? null,
        { titleEn: 'Survey report', kind: 'report', date: '2026-03', language: 'en', countries: 'IDN', instruments: 'C138, c182', source },
        { name: 'survey.pdf', bytes, type: 'application/pdf' },
      );
      assert.equal(res.status, 201, await res.clone().text());
      const { record, event } = (await res.json()) as any;
      assert.match(record.id, /^doc-[0-9a-f]{12}$/);
      assert.equal(record.file.mediaType, 'application/pdf');
      assert.equal(record.file.size, bytes.length);
      assert.equal(record.hasText, true);
      assert.deepEqual(record.instruments, ['C138', 'C182']);
      assert.equal(event.recordType, 'document');
      assert.equal(event.action, 'create');
      assert.deepEqual(stored(), [record.file.sha256]);
      assert.deepEqual(readFileSync(join(dir, record.file.sha256)), Buffer.from(bytes));
      assert.equal(record.file.sha256.length, 64);

      assert.deepEqual(await search('quetzalcoatl'), [record.id]);
      const listed = await get('/api/documents?q=QUETZALCOATL&country=idn&instrument=C182');
      assert.deepEqual(
        listed.items.map((d: any) => d.id),
        [record.id],
      );
      assert.equal((await get('/api/documents?kind=law')).total, 0);

      const file = await request(`/api/documents/${record.id}/file`);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(file.headers.get('content-disposition'), `attachment; filename="survey.pdf"; filename*=UTF-8''survey.pdf`);
      assert.match(file.headers.get('content-security-policy') ?? '', /^sandbox/);
      assert.deepEqual(new Uint8Array(await file.arrayBuffer()), bytes);
    });

    test('an HTML file is stored, its text searched without its script, and served as a text/plain attachment', async () => {
      const page =
        '\uFEFF  <!DOCTYPE html><html><head><title>Guide</title><script>var zanzibarsecret = 1;</script></head><body><p>Labour inspection in Semarang &amp; Surabaya</p></body></html>';
      const res = await upload(
        clients.secretariat ?? null,
        { titleEn: 'Inspection guide', kind: 'guide', source },
        { name: 'Laporan "akhir"\r\n évaluation.html', bytes: new TextEncoder().encode(page), type: 'text/html' },
      );
      assert.equal(res.status, 201, await res.clone().text());
      const { record } = (await res.json()) as any;
      assert.equal(record.file.mediaType, 'text/html');
      assert.doesNotMatch(record.file.fileName, /["\r\n/\\]/);
      assert.deepEqual(await search('Semarang'), [record.id]);
      assert.deepEqual(await search('zanzibarsecret'), []);
      const file = await request(`/api/documents/${record.id}/file`);
      assert.equal(file.headers.get('content-type'), 'text/plain; charset=utf-8');
      const disposition = file.headers.get('content-disposition') ?? '';
      assert.match(disposition, /^attachment; filename="[^"\r\n]+"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
      assert.match(disposition, /%C3%A9valuation\.html$/);
      assert.deepEqual(new Uint8Array(await file.arrayBuffer()), new TextEncoder().encode(page), 'the bytes as uploaded');
    });

    test('a file whose content is not what its name says is refused with 415 and nothing is stored', async () => {
      const before = { files: stored(), rows: await rows() };
      const html = new TextEncoder().encode('<!doctype html><html><body><script>alert(1)</script></body></html>');
      const disguised = await upload(
        clients.secretariat ?? null,
        { titleEn: 'Fake', source },
        { name: 'report.pdf', bytes: html, type: 'application/pdf' },
      );
      assert.equal(disguised.status, 415);
      const problem = (await disguised.json()) as any;
      assert.match(problem.detail, /named \.pdf.*content is an HTML document/);
      assert.equal(problem.errors[0].field, 'file');
      const binary = await upload(
        clients.secretariat ?? null,
        { titleEn: 'Binary', source },
        { name: 'tool.txt', bytes: new Uint8Array([0x4d, 0x5a, 0, 1, 2, 0xff]) },
      );
      assert.equal(binary.status, 415);
      const exe = await upload(
        clients.secretariat ?? null,
        { titleEn: 'Exe', source },
        { name: 'notes.exe', bytes: new TextEncoder().encode('hello') },
      );
      assert.equal(exe.status, 415);
      assert.match(((await exe.json()) as any).detail, /\.exe are not accepted/);
      const json = await request(
        '/api/documents',
        asClient(clients.secretariat ?? null, { method: 'POST', body: JSON.stringify({ titleEn: 'X', source }) }),
      );
      assert.equal(json.status, 415);
      assert.match(((await json.json()) as any).detail, /multipart\/form-data/);
      assert.deepEqual(stored(), before.files);
      assert.equal(await rows(), before.rows);
    });

    test('an oversize upload is refused with 413 and nothing is stored (file limit and body limit)', async () => {
      const before = { files: stored(), rows: await rows() };
      const pdf = tinyPdf('Oversize');
      const justOver = new Uint8Array(MAX + 1).fill(0x20);
      justOver.set(pdf);
      const over = await upload(clients.secretariat ?? null, { titleEn: 'Big', source }, { name: 'big.pdf', bytes: justOver });
      assert.equal(over.status, 413, await over.clone().text());
      const huge = new Uint8Array(MAX + 2 * 1024 * 1024).fill(0x20);
      huge.set(pdf);
      const way = await upload(clients.secretariat ?? null, { titleEn: 'Huge', source }, { name: 'huge.pdf', bytes: huge });
      assert.equal(way.status, 413);
      assert.match(((await way.json()) as any).detail, /nothing was stored/);
      assert.deepEqual(stored(), before.files);
      assert.equal(await rows(), before.rows);
    });

    test('validation names the field: a missing source, an unknown State, a bad date, neither file nor url', async () => {
      const noSource = await upload(clients.secretariat ?? null, { titleEn: 'X', url: 'https://example.org/a' });
      assert.equal(noSource.status, 400);
      assert.match(((await noSource.json()) as any).detail, /source/);
      const cases: [Record<string, string>, RegExp][] = [
        [{ titleEn: 'X', url: 'https://example.org/a', countries: 'XXX', source }, /countries\.0/],
        [{ titleEn: 'X', url: 'https://example.org/a', date: '2026-02-30', source }, /date/],
        [{ titleEn: 'X', source }, /file/],
        [{ titleEn: 'X', url: 'javascript:alert(1)', source }, /url/],
        [{ url: 'https://example.org/a', source }, /title/],
      ];
      for (const [fields, field] of cases) {
        const res = await upload(clients.secretariat ?? null, fields);
        assert.equal(res.status, 400, JSON.stringify(fields));
        const body = (await res.json()) as any;
        assert.match(body.errors.map((e: any) => e.field).join(' '), field);
      }
    });

    test('a link-only document has no file; metadata is corrected, removed and restored through the history', async () => {
      const res = await upload(clients.secretariat ?? null, {
        titleEn: 'Online law',
        kind: 'law',
        url: 'https://example.org/law',
        countries: 'IDN',
        source,
      });
      assert.equal(res.status, 201, await res.clone().text());
      const { record } = (await res.json()) as any;
      assert.equal(record.file, null);
      assert.equal((await request(`/api/documents/${record.id}/file`)).status, 404);

      const put = await request(
        `/api/documents/${record.id}`,
        asClient(clients.secretariat ?? null, {
          method: 'PUT',
          body: JSON.stringify({ titleId: 'Undang-undang daring', source: 'Correction' }),
        }),
      );
      assert.equal(put.status, 200, await put.clone().text());
      assert.equal(((await put.json()) as any).record.titleId, 'Undang-undang daring');
      const same = await request(
        `/api/documents/${record.id}`,
        asClient(clients.secretariat ?? null, {
          method: 'PUT',
          body: JSON.stringify({ titleId: 'Undang-undang daring', source: 'Again' }),
        }),
      );
      assert.equal(((await same.json()) as any).event, null, 'a change that changes nothing records nothing');

      const del = await request(
        `/api/documents/${record.id}`,
        asClient(clients.secretariat ?? null, { method: 'DELETE', body: JSON.stringify({ source: 'Duplicate' }) }),
      );
      assert.equal(del.status, 200, await del.clone().text());
      const removed = (await del.json()) as any;
      assert.equal(removed.event.action, 'delete');
      assert.equal((await request(`/api/documents/${record.id}`)).status, 404);

      const revert = await request(
        `/api/history/${removed.event.id}/revert`,
        asClient(clients.secretariat ?? null, { method: 'POST', body: JSON.stringify({ reason: 'not a duplicate' }) }),
      );
      assert.equal(revert.status, 200, await revert.clone().text());
      assert.equal((await get(`/api/documents/${record.id}`)).titleId, 'Undang-undang daring');
      const history = (await (
        await request(`/api/history?record=${record.id.toUpperCase()}`, asClient(clients.secretariat ?? null))
      ).json()) as any;
      assert.deepEqual(
        history.items.map((e: any) => e.action),
        ['revert', 'delete', 'update', 'create'],
      );
    });

    test('the routes are in the OpenAPI document and bad ids are 400, unknown ones 404', async () => {
      const doc = await get('/api/openapi.json');
      assert.ok(doc.paths['/documents']?.get && doc.paths['/documents']?.post);
      assert.ok(doc.paths['/documents/{id}']?.put && doc.paths['/documents/{id}']?.delete);
      assert.ok(doc.paths['/documents/{id}/file']?.get);
      assert.equal((await request('/api/documents/../../etc/passwd')).status, 404);
      assert.equal((await request('/api/documents/not-an-id')).status, 400);
      assert.equal((await request('/api/documents/doc-0123456789ab')).status, 404);
      assert.equal((await request('/api/documents/doc-0123456789ab/file')).status, 404);
      assert.equal((await request('/api/documents?kind=letter')).status, 400);
    });

    test('portal: list and page in en and id, the upload form for the secretariat only', async () => {
      const list = await request('/en/documents?q=quetzalcoatl');
      assert.equal(list.status, 200);
      const html = await list.text();
      assert.match(html, /Survey report/);
      assert.doesNotMatch(html, /Inspection guide/);
      const id = /href="\/en\/documents\/(doc-[0-9a-f]{12})"/.exec(html)?.[1];
      assert.ok(id);
      const page = await request(`/id/documents/${id}`);
      assert.equal(page.status, 200);
      const text = await page.text();
      assert.match(text, new RegExp(`href="/api/documents/${id}/file"`));
      assert.match(text, /Unduh survey\.pdf/);
      assert.equal((await request('/en/documents/doc-0123456789ab')).status, 404);
      assert.equal((await request('/en/documents?kind=letter')).status, 400);
      const anonymous = await request('/en/documents/new');
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.headers.get('location') ?? '', /\/en\/login/);
      const focal = await request('/id/documents/new', asClient(clients.idn ?? null));
      assert.equal(focal.status, 403);
      const form = await request('/en/documents/new', asClient(clients.secretariat ?? null));
      assert.equal(form.status, 200);
      assert.match(await form.text(), /enctype="multipart\/form-data"/);
    });

    test('portal upload: the form posts a file with the CSRF token and lands on the new document; a disguised file gets the form again', async () => {
      const post = (fields: Record<string, string>, file: { name: string; bytes: Uint8Array }) => {
        const form = new FormData();
        form.append('_csrf', clients.secretariat?.csrf ?? '');
        for (const [k, v] of Object.entries(fields)) form.append(k, v);
        form.append('file', new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
        return request('/en/documents/new', { method: 'POST', headers: { cookie: clients.secretariat?.cookie ?? '' }, body: form });
      };
      const ok = await post(
        { titleEn: 'Portal upload', kind: 'comment', source },
        { name: 'note.txt', bytes: new TextEncoder().encode('A plain note about kerja anak.') },
      );
      assert.equal(ok.status, 303, await ok.clone().text());
      const location = ok.headers.get('location') ?? '';
      assert.match(location, /^\/en\/documents\/doc-[0-9a-f]{12}$/);
      assert.match(await (await request(location)).text(), /Portal upload/);
      const bad = await post({ titleEn: 'Disguised', source }, { name: 'x.pdf', bytes: new TextEncoder().encode('plain words') });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /named \.pdf/);
    });
  });
}
