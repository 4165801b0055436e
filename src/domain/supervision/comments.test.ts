import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  canMove,
  procedureId,
  replyRequests,
  type SupervisoryComment,
  type SupervisoryProcedure,
  stageArticle,
  stageFromOutcome,
  stagesOf,
  undatedReplyRequests,
  validateComment,
  validateProcedure,
} from './comments.ts';

const comment = (over: Partial<SupervisoryComment> = {}): SupervisoryComment => ({
  id: '2233949',
  country: 'IDN',
  instruments: ['C138'],
  kind: 'direct_request',
  year: 2003,
  session: 92,
  sessionYear: 2004,
  normlexId: '2233949',
  url: 'https://normlex.ilo.org/x',
  summaryEn: null,
  summaryId: null,
  requestsReply: false,
  source: 'NORMLEX-CEACR-IDN-C138',
  confidence: 'medium',
  notes: null,
  ...over,
});

const procedure = (over: Partial<SupervisoryProcedure> = {}): SupervisoryProcedure => ({
  id: 'art26-pol-1982',
  procedure: 'art26',
  country: 'POL',
  instruments: ['C087', 'C098'],
  year: 1982,
  session: null,
  filedBy: 'Workers delegates',
  stage: 'commission_of_inquiry',
  outcome: null,
  conclusionsEn: null,
  conclusionsId: null,
  url: null,
  source: 'http://www.ilo.org/x',
  confidence: 'high',
  notes: null,
  ...over,
});

const fields = (issues: { field: string }[]) => issues.map((i) => i.field);

describe('procedure stages', () => {
  test('each procedure has its own stages, each resting on an article', () => {
    assert.deepEqual(stagesOf('art24'), ['received', 'receivable', 'committee', 'gb_decision', 'closed']);
    assert.deepEqual(stagesOf('art26'), ['filed', 'gb_decision', 'commission_of_inquiry', 'report', 'art33_measures', 'closed']);
    assert.equal(stageArticle('art26', 'commission_of_inquiry'), 'Constitution Art 26(3)');
    assert.equal(stageArticle('art26', 'report'), 'Constitution Art 28');
    assert.equal(stageArticle('art26', 'art33_measures'), 'Constitution Art 33');
    assert.equal(stageArticle('art24', 'gb_decision'), 'Constitution Art 25');
    assert.equal(stageArticle('cas', 'discussed'), 'Constitution Art 23(1)');
    assert.equal(stageArticle('art24', null), 'Constitution Art 24');
  });

  const moves: [Parameters<typeof canMove>, boolean][] = [
    [['art24', 'received', 'receivable'], true],
    [['art24', 'committee', 'received'], false],
    [['art24', 'received', 'closed'], true],
    [['art24', 'closed', 'committee'], false],
    [['art24', 'committee', 'commission_of_inquiry'], false],
    [['art26', 'filed', 'commission_of_inquiry'], true],
    [['art26', 'commission_of_inquiry', 'art33_measures'], false],
    [['art26', 'report', 'art33_measures'], true],
    [['art26', null, 'report'], true],
    [['cas', 'discussed', 'conclusions'], true],
    [['cas', 'discussed', 'art33_measures'], false],
  ];
  for (const [args, expected] of moves) {
    test(`${args[0]}: ${args[1]} → ${args[2]} is ${expected ? 'allowed' : 'refused'}`, () => assert.equal(canMove(...args), expected));
  }

  const outcomes: [Parameters<typeof stageFromOutcome>, string | null][] = [
    [['art24', 'Closed; GB adopted tripartite committee report'], 'closed'],
    [['art24', 'Declared receivable, committee set up (GB 258th Session, Nov 1993)'], 'committee'],
    [['art24', 'Pending: receivable, referred to CFA (GB.352, Nov 2024)'], 'committee'],
    [['art24', 'Closed: not receivable (GB.355, Nov 2025)'], 'closed'],
    [['art26', 'GB referred to Commission of Inquiry (GB.268, March 1997); art.33 measures by ILC 2000'], 'art33_measures'],
    [['art26', 'Commission of Inquiry set up Nov 2008'], 'commission_of_inquiry'],
    [['art26', 'CoI decision deferred repeatedly (Nov 2012 ... Nov 2017 deferred to March 2018)'], 'gb_decision'],
    [['art26', 'Commission of Inquiry (report O.B. 1962 No.2 Suppl. II)'], 'report'],
    [['art26', 'GB decided 9 Nov 2020 not to refer to CoI; procedure closed (GB.340)'], 'closed'],
    [['art24', null], null],
    [['art24', ''], null],
  ];
  for (const [args, expected] of outcomes) {
    test(`outcome "${args[1]}" reads as ${expected}`, () => assert.equal(stageFromOutcome(...args), expected));
  }
});

describe('validation', () => {
  test('a sourced comment is valid; unknown kind, year and session are allowed', () => {
    assert.deepEqual(validateComment(comment(), 2026), []);
    assert.deepEqual(validateComment(comment({ kind: null, year: null, session: null, sessionYear: null }), 2026), []);
  });
  test('each bad field is named', () => {
    const issues = validateComment(
      comment({
        country: 'Indonesia',
        instruments: ['138'],
        kind: 'letter' as never,
        year: 1900,
        sessionYear: null,
        source: ' ',
        confidence: 'sure' as never,
      }),
      2026,
    );
    assert.deepEqual(fields(issues).sort(), ['confidence', 'country', 'instruments.0', 'kind', 'source', 'year'].sort());
  });
  test('a comment is laid before the Conference of its year or the next (Art 23(1))', () => {
    const [issue] = validateComment(comment({ year: 2003, sessionYear: 2006 }), 2026);
    assert.equal(issue?.field, 'sessionYear');
    assert.match(issue?.message ?? '', /Art 23\(1\)/);
  });
  test('a year after the current one is refused', () => {
    assert.deepEqual(fields(validateComment(comment({ year: 2027, sessionYear: null }), 2026)), ['year']);
  });
  test('a stage must belong to the procedure, naming its article', () => {
    const [issue] = validateProcedure(procedure({ procedure: 'art24', stage: 'commission_of_inquiry' }), 2026);
    assert.equal(issue?.field, 'stage');
    assert.match(issue?.message ?? '', /Constitution Art 24/);
  });
  test('only a CAS case has a session; a CAS case has no complainant', () => {
    assert.deepEqual(fields(validateProcedure(procedure({ session: 70 }), 2026)), ['session']);
    assert.deepEqual(fields(validateProcedure(procedure({ procedure: 'cas', stage: 'discussed', session: 112 }), 2026)), ['filedBy']);
    assert.deepEqual(validateProcedure(procedure({ procedure: 'cas', stage: 'discussed', session: 112, filedBy: null }), 2026), []);
  });
});

describe('replyRequests', () => {
  test('one request per Convention of each comment that asks for a reply, oldest first', () => {
    const comments = [
      comment({ id: 'a', requestsReply: true, year: 2024, instruments: ['C120', 'C187'] }),
      comment({ id: 'b', requestsReply: false, year: 2023 }),
      comment({ id: 'c', requestsReply: true, year: 2021, instruments: ['C138'] }),
      comment({ id: 'd', requestsReply: true, year: null }),
    ];
    assert.deepEqual(replyRequests(comments), [
      { instrument: 'C138', year: 2021, commentId: 'c' },
      { instrument: 'C120', year: 2024, commentId: 'a' },
      { instrument: 'C187', year: 2024, commentId: 'a' },
    ]);
    assert.deepEqual(
      undatedReplyRequests(comments).map((c) => c.id),
      ['d'],
    );
  });
  test('no comments, no requests', () => assert.deepEqual(replyRequests([]), []));
});

describe('procedureId', () => {
  test('readable, with a suffix for a second record', () => {
    const taken = new Set(['art26-ven-2015']);
    assert.equal(
      procedureId(procedure({ country: 'VEN', year: 2015 }), (x) => taken.has(x)),
      'art26-ven-2015-2',
    );
    assert.equal(
      procedureId(procedure({ procedure: 'cas', country: 'IDN', instruments: ['C098'], year: null }), () => false),
      'cas-idn-c098',
    );
  });
});
