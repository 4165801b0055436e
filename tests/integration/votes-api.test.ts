import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { allDatabases } from '../support/databases.ts';

const ISSUE_EXAMPLE = { kind: 'instrument', for: 298, against: 148, abstain: 30, delegatesAttending: 476 };

for (const database of await allDatabases()) {
  describe(`POST /api/votes/evaluate on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;

    before(async () => {
      services = await createServices(database.config);
      app = createApp({ ...services, today: () => '2026-12-03' });
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    const post = (body: unknown, query = '', headers: Record<string, string> = {}) =>
      app.request(`http://localhost/api/votes/evaluate${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    test('needs no account: the issue example is adopted with exactly two-thirds, explained in English', async () => {
      const res = await post(ISSUE_EXAMPLE);
      assert.equal(res.status, 200);
      const body = (await res.json()) as any;
      assert.deepEqual(
        [body.outcome, body.quorum, body.quorumMet, body.votesCast, body.required, body.margin],
        ['adopted', 238, true, 446, 298, 0],
      );
      assert.deepEqual(body.citations, ['Constitution Art 17(3)', 'Constitution Art 19(2)']);
      assert.equal(body.lang, 'en');
      assert.match(body.explanation[0], /^Adopted: 298 for, 148 against, 30 abstentions; two-thirds of 446 votes cast is 298/);
      assert.deepEqual(
        body.reasons.map((r: any) => r.code),
        ['votes-cast.abstentions-excluded', 'quorum.met', 'majority.two-thirds.reached'],
      );
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
    });

    test('2 for, 2 against on a final vote is rejected citing Art 19(2)', async () => {
      const body = (await (await post({ kind: 'instrument', for: 2, against: 2, abstain: 0, delegatesAttending: 4 })).json()) as any;
      assert.equal(body.outcome, 'rejected');
      assert.equal(body.margin, -1);
      assert.ok(body.citations.includes('Constitution Art 19(2)'));
    });

    test('the language comes from ?lang, else Accept-Language', async () => {
      const byQuery = (await (await post(ISSUE_EXAMPLE, '?lang=id')).json()) as any;
      assert.equal(byQuery.lang, 'id');
      assert.match(byQuery.explanation[0], /^Diterima: /);
      assert.match(byQuery.explanation.at(-1), /Pasal 19 ayat \(2\) Konstitusi ILO/);
      const res = await post(ISSUE_EXAMPLE, '', { 'accept-language': 'id-ID,id;q=0.9,en;q=0.5' });
      assert.equal(((await res.json()) as any).lang, 'id');
      assert.match(res.headers.get('vary') ?? '', /Accept-Language/i);
      const queryWins = (await (await post(ISSUE_EXAMPLE, '?lang=en', { 'accept-language': 'id' })).json()) as any;
      assert.equal(queryWins.lang, 'en');
    });

    test('the abstention parameter switches abstentions into votes cast', async () => {
      const body = (await (await post({ ...ISSUE_EXAMPLE, abstentionsAreVotesCast: true })).json()) as any;
      assert.deepEqual([body.votesCast, body.required, body.outcome, body.abstentionsAreVotesCast], [476, 318, 'rejected', true]);
    });

    test('a void vote: quorum one short', async () => {
      const body = (await (await post({ kind: 'ordinary', for: 150, against: 87, abstain: 200, delegatesAttending: 476 })).json()) as any;
      assert.deepEqual([body.outcome, body.quorumMet, body.votesCast, body.quorum], ['void', false, 237, 238]);
    });

    const bad: [string, unknown, string][] = [
      ['a fractional count', { ...ISSUE_EXAMPLE, for: 1.5 }, 'for'],
      ['a negative count', { ...ISSUE_EXAMPLE, against: -1 }, 'against'],
      ['a count given as a string', { ...ISSUE_EXAMPLE, abstain: '30' }, 'abstain'],
      ['a missing count', { kind: 'ordinary', for: 1, against: 1, abstain: 0 }, 'delegatesAttending'],
      ['an unknown kind', { ...ISSUE_EXAMPLE, kind: 'final' }, 'kind'],
      ['more votes than delegates attending', { ...ISSUE_EXAMPLE, delegatesAttending: 475 }, 'delegatesAttending'],
      ['a non-boolean parameter', { ...ISSUE_EXAMPLE, abstentionsAreVotesCast: 'yes' }, 'abstentionsAreVotesCast'],
    ];
    for (const [name, body, field] of bad) {
      test(`${name} → 400 problem+json naming ${field}`, async () => {
        const res = await post(body);
        assert.equal(res.status, 400);
        assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
        const problem = (await res.json()) as any;
        assert.ok(
          problem.errors.some((e: any) => e.field === field || e.field === `body.${field}`),
          JSON.stringify(problem.errors),
        );
        assert.match(problem.detail, new RegExp(field));
      });
    }

    test('a bad lang is a 400 naming lang; a non-JSON body is a 400, never a 5xx', async () => {
      const res = await post(ISSUE_EXAMPLE, '?lang=fr');
      assert.equal(res.status, 400);
      assert.match(JSON.stringify(await res.json()), /lang/);
      assert.equal((await post('{not json')).status, 400);
    });

    test('the route is in the OpenAPI document with its request and answer schemas', async () => {
      const doc = (await (await app.request('http://localhost/api/openapi.json')).json()) as any;
      const op = doc.paths['/votes/evaluate']?.post;
      assert.ok(op, 'documented');
      assert.ok(op.requestBody.content['application/json'].schema.$ref.endsWith('/VoteEvaluateRequest'));
      assert.ok(doc.components.schemas.VoteEvaluation.properties.explanation);
      assert.deepEqual(Object.keys(op.responses).sort(), ['200', '400']);
    });
  });
}
