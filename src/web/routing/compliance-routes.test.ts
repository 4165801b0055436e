import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { createServices, type Services } from '../../container.ts';
import { createApp } from '../../http/app.ts';

const TODAY = '2026-11-27';
const EXAMPLE = readFileSync(new URL('../static/screening-example.csv', import.meta.url));

describe('compliance pages', () => {
  let dir: string;
  let services: Services;
  let app: Hono;
  const get = (path: string) => app.request(`http://localhost${path}`);
  const upload = (lang: string, file: File | null, on = TODAY) => {
    const form = new FormData();
    form.set('_csrf', '');
    form.set('on', on);
    if (file) form.set('file', file);
    return app.request(`http://localhost/${lang}/compliance/screen`, { method: 'POST', body: form });
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-compliance-pages-'));
    services = await createServices({ databaseUrl: null, sqlitePath: join(dir, 't.db'), pgSchema: 'public' });
    app = createApp({ ...services, today: () => TODAY });
  });

  after(async () => {
    await services?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('should answer a case from the query with the verdict and its citations', async () => {
    const res = await get('/en/compliance/check?country=IDN&age=14&work=light&hoursPerDay=4&on=2026-11-27');
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(body, /Verdict:<\/span> prohibited/);
    assert.match(body, /UU 13\/2003 Pasal 69/);
    assert.match(body, /<a href="\/en\/compliance\/check" aria-current="page">Check<\/a>/);
  });

  test('should fill the form from a link without checking anything', async () => {
    const res = await get('/id/compliance/check?country=IDN');
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(body, /<option value="IDN" selected>Indonesia<\/option>/);
    assert.ok(!body.includes('error-summary'));
    assert.ok(!body.includes('class="result"'));
  });

  test('should answer a form with problems with 400, the messages and no cache', async () => {
    const res = await get('/en/compliance/check?country=IDN&age=&birthDate=&work=light');
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(await res.text(), /id="check-age-error"/);
    const unknown = await get('/en/compliance/check?country=XYZ&age=14&work=light');
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /<p class="field-error" id="check-country-error">.*There is no member State with the code XYZ/);
  });

  test('should link to the check from the home page and the country profile', async () => {
    assert.match(await (await get('/id/')).text(), /<a href="\/id\/compliance\/check">/);
    assert.match(await (await get('/en/countries/IDN')).text(), /<a href="\/en\/compliance\/check\?country=IDN">Check a case in Indonesia/);
  });

  test('should send the screened file back as a download', async () => {
    const res = await upload('en', new File([EXAMPLE], 'workers.csv', { type: 'text/csv' }));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="screening-${TODAY}.csv"`);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await res.text()).trimEnd().split('\n');
    assert.match(lines[0] ?? '', /,verdict,minimum_age,citations$/);
    assert.equal(lines.length, EXAMPLE.toString().trimEnd().split('\n').length);
    assert.match(lines.find((l) => l.startsWith('W-002,')) ?? '', /,prohibited,15,/);
  });

  test('should screen a gzip’d register as the plain one (a smaller upload on a slow connection)', async () => {
    const plain = await (await upload('en', new File([EXAMPLE], 'workers.csv', { type: 'text/csv' }))).text();
    const res = await upload('en', new File([gzipSync(EXAMPLE)], 'workers.csv.gz', { type: 'application/gzip' }));
    assert.equal(res.status, 200);
    assert.equal(await res.text(), plain);
  });

  test('should show the page again with the problem when the file cannot be screened', async () => {
    const noColumn = await upload('id', new File(['a,b\n1,2\n'], 'x.csv'));
    assert.equal(noColumn.status, 400);
    const body = await noColumn.text();
    assert.match(body, /<html lang="id">/);
    assert.match(body, /tidak memiliki kolom worker_id/);
    assert.match(body, /<span lang="en">the header lacks/);
    const nothing = await upload('en', null, 'soon');
    assert.equal(nothing.status, 400);
    const text = await nothing.text();
    assert.match(text, /Choose the CSV file to screen/);
    assert.match(text, /Enter the screening date as a real date/);
    assert.match(text, /name="on" value="soon"/);
  });

  test('should refuse a body over the limit with a 413 page before reading it', async () => {
    const res = await app.request('http://localhost/en/compliance/screen', {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(51 * 1024 * 1024) },
    });
    assert.equal(res.status, 413);
    assert.match(await res.text(), /The file is larger than 50 MB/);
  });

  test('should serve the upload script and the example file from /static', async () => {
    const js = await get('/static/screen-upload.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.ok((await js.arrayBuffer()).byteLength < 4096, 'the script stays under 4 KiB');
    const csv = await get('/static/screening-example.csv');
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.equal(await csv.text(), EXAMPLE.toString());
    assert.equal((await get('/static/nothing.js')).status, 404);
    const page = await (await get('/en/compliance/screen')).text();
    const src = /<script src="([^"]+)" defer>/.exec(page)?.[1] ?? '';
    assert.equal((await get(src)).status, 200);
  });
});
