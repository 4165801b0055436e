import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createServices, type Services } from '../../container.ts';
import { createApp } from '../../http/app.ts';

const EXAMPLE = 'kind=instrument&for=298&against=148&abstain=30&delegatesAttending=476';

describe('vote calculator page', () => {
  let dir: string;
  let services: Services;
  let app: Hono;
  const get = (path: string) => app.request(`http://localhost${path}`);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tripartite-vote-page-'));
    services = await createServices({ databaseUrl: null, sqlitePath: join(dir, 't.db'), pgSchema: 'public' });
    app = createApp({ ...services, today: () => '2026-12-03' });
  });
  after(async () => {
    await services?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the empty form: a GET form with the three kinds and the counts', async () => {
    const res = await get('/en/conference/vote-calculator');
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(body, /<form class="check-form" method="get" action="\/en\/conference\/vote-calculator" novalidate>/);
    for (const kind of ['ordinary', 'instrument', 'amendment']) assert.match(body, new RegExp(`name="kind" value="${kind}"`));
    assert.match(body, /name="delegatesAttending"/);
    assert.doesNotMatch(body, /id="result-heading"/);
  });

  test('the issue example: adopted, with the figures and the explanation', async () => {
    const res = await get(`/en/conference/vote-calculator?${EXAMPLE}`);
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(body, /<title>Adopted – Conference vote calculator/);
    assert.match(body, /two-thirds of 446 votes cast is 298, reached with a margin of 0/);
    assert.match(body, /<dt>Votes for required<\/dt><dd>298<\/dd>/);
    assert.match(body, /<dt>Quorum \(half of the delegates attending\)<\/dt><dd>238 \(met\)<\/dd>/);
    assert.match(body, /Constitution Art 19\(2\)/);
    assert.match(body, /value="instrument" checked/, 'the form keeps what was entered');
  });

  test('in Indonesian: Diterima, with Indonesian citations and number formats', async () => {
    const res = await get(`/id/conference/vote-calculator?${EXAMPLE.replace('298', '1298').replace('476', '1476')}`);
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.match(body, /<html lang="id"/);
    assert.match(body, /Diterima/);
    assert.match(body, /Pasal 19 ayat \(2\) Konstitusi ILO/);
    assert.match(body, /<dt>Suara yang diberikan<\/dt><dd>1\.446<\/dd>/);
  });

  test('a void vote and a rejected one', async () => {
    const voidBody = await (
      await get('/en/conference/vote-calculator?kind=ordinary&for=150&against=87&abstain=200&delegatesAttending=476')
    ).text();
    assert.match(voidBody, /<title>Void – /);
    assert.match(voidBody, /238 \(not met\)/);
    const rejected = await (await get('/en/conference/vote-calculator?kind=instrument&for=2&against=2&delegatesAttending=4')).text();
    assert.match(rejected, /<title>Rejected – /);
    assert.match(rejected, /short by 1/);
  });

  test('bad input: 400, the error summary links to each field, never a 500', async () => {
    const res = await get('/en/conference/vote-calculator?kind=&for=1.5&against=-2&abstain=&delegatesAttending=x');
    assert.equal(res.status, 400);
    const body = await res.text();
    assert.match(body, /<a href="#vote-kind-ordinary">Choose the kind of decision<\/a>/);
    assert.match(body, /<a href="#vote-for">Votes for: enter a whole number of 0 or more<\/a>/);
    assert.match(body, /<a href="#vote-against">/);
    assert.match(body, /<a href="#vote-attending">/);
    assert.doesNotMatch(body, /<a href="#vote-abstain">/, 'an empty abstentions box means none');
    assert.match(body, /id="vote-for" name="for" value="1.5"[^>]*aria-invalid="true"/);
    const over = await get('/id/conference/vote-calculator?kind=ordinary&for=3&against=2&abstain=1&delegatesAttending=5');
    assert.equal(over.status, 400);
    assert.match(
      await over.text(),
      /Jumlah delegasi yang hadir \(5\) tidak boleh lebih sedikit daripada jumlah suara setuju, menolak, dan abstain \(6\)/,
    );
  });

  test('the abstention parameter is a checkbox', async () => {
    const body = await (await get(`/en/conference/vote-calculator?${EXAMPLE}&abstentionsAreVotesCast=yes`)).text();
    assert.match(body, /<title>Rejected – /);
    assert.match(body, /name="abstentionsAreVotesCast" value="yes" checked/);
  });
});
