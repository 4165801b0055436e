import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { type AdoptionVote, adoptionCounts } from './adoption-votes.ts';
import { evaluateVote } from './vote.ts';

const file = JSON.parse(readFileSync(new URL('../../../data/adoption-votes.json', import.meta.url), 'utf8')) as {
  sources: { id: string; url: string; description: string }[];
  votes: AdoptionVote[];
};

/** Margins computed by hand: for − ceil(2/3 × (for + against)). */
const EXPECTED: Record<string, { votesCast: number; required: number; margin: number }> = {
  C190: { votesCast: 446, required: 298, margin: 141 },
  R206: { votesCast: 409, required: 273, margin: 124 },
  C189: { votesCast: 412, required: 275, margin: 121 },
  R201: { votesCast: 442, required: 295, margin: 139 },
  P029: { votesCast: 445, required: 297, margin: 140 },
};

describe('real adoptions (data/adoption-votes.json)', () => {
  for (const v of file.votes) {
    const counts = adoptionCounts(v);
    if (!counts) {
      test(`${v.instrument} (${v.session}th session): figures unknown, and said so`, () => {
        assert.ok(v.note && v.note.length > 0);
      });
      continue;
    }
    test(`${v.instrument} (${v.session}th session) comes out adopted with the right margin`, () => {
      const r = evaluateVote(v.kind, counts);
      assert.equal(r.outcome, 'adopted');
      assert.deepEqual({ votesCast: r.votesCast, required: r.required, margin: r.margin }, EXPECTED[v.instrument]);
      assert.ok(r.citations.includes('Constitution Art 19(2)'));
      if (v.quorum !== null) {
        assert.equal(r.quorum, v.quorum, 'our quorum rule gives the announced quorum');
        assert.ok(r.votesCast >= v.quorum);
      }
    });
  }

  test('every figure names stored sources with a confidence', () => {
    const ids = new Set(file.sources.map((s) => s.id));
    for (const v of file.votes) {
      if (v.for === null) continue;
      assert.ok(v.source, v.instrument);
      for (const id of v.source.split(';')) assert.ok(ids.has(id), `${v.instrument}: unknown source ${id}`);
      assert.ok(v.confidence && ['high', 'medium', 'low'].includes(v.confidence));
    }
    for (const s of file.sources) assert.match(s.url, /^https?:\/\//);
  });

  test('a final vote of 2 for and 2 against is rejected, citing Art 19(2)', () => {
    const r = evaluateVote('instrument', { for: 2, against: 2, abstain: 0, delegatesAttending: 4 });
    assert.equal(r.outcome, 'rejected');
    assert.ok(r.citations.includes('Constitution Art 19(2)'));
    assert.equal(r.reasons.at(-1)?.article, 'Constitution Art 19(2)');
  });
});
