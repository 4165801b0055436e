import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sourceText } from '../web/views/history.ts';
import { createView } from '../web/views/view.ts';
import type { ChangeEvent } from './history-ports.ts';
import { eventForReader, publicActor } from './history-privacy.ts';
import { parseRevertSource, revertSource } from './revert-source.ts';

describe('revert sources', () => {
  test('should read back what it wrote, a reverted revert and a text cut at the length limit', () => {
    const once = revertSource(8, 'UU 13/2003 (Pasal 69)', 500);
    assert.deepEqual(parseRevertSource(once), { eventId: 8, revertedSource: 'UU 13/2003 (Pasal 69)', truncated: false });
    const twice = revertSource(9, once, 500);
    assert.equal(parseRevertSource(twice)?.revertedSource, once);
    const cut = revertSource(10, 'x'.repeat(600), 500);
    assert.equal(cut.length, 500);
    assert.equal(parseRevertSource(cut)?.truncated, true);
    assert.equal(parseRevertSource('ILO NORMLEX'), null);
    assert.equal(parseRevertSource('a revert of change 8 (its source: x)'), null, 'only the generated form, from its start');
  });

  test('should say a revert source in the page language and keep every stored character', () => {
    const stored = revertSource(9, revertSource(8, 'NORMLEX (2026)', 500), 500);
    const id = sourceText(createView('id', '/history', '', null), stored);
    assert.equal(id, 'pembatalan perubahan 9 (sumbernya: pembatalan perubahan 8 (sumbernya: NORMLEX (2026)))');
    assert.equal(sourceText(createView('en', '/history', '', null), stored), stored);
    const cut = sourceText(createView('id', '/history', '', null), revertSource(3, 'y'.repeat(600), 500));
    assert.match(cut, /^pembatalan perubahan 3 \(sumbernya: y+…\)$/);
  });
});

describe('editors in the public history', () => {
  const event: ChangeEvent = {
    id: 1,
    at: '2026-11-27T10:00:00.000Z',
    userId: 3,
    actor: 'idn@example.org',
    recordType: 'ratification',
    recordKey: 'IDN/C138',
    country: 'IDN',
    action: 'update',
    before: null,
    after: null,
    source: 's',
    reason: null,
    revertsEventId: null,
    actorScope: { role: 'focal_point', countries: ['IDN', 'TLS'] },
  };

  test('should name an editor by role and countries for an anonymous reader, by email for an editor', () => {
    assert.equal(eventForReader(event, null).actor, 'focal_point (IDN, TLS)');
    assert.equal(eventForReader(event, { id: 2, email: 'sec@example.org', role: 'secretariat', countries: [] }).actor, 'idn@example.org');
    assert.equal(publicActor({ role: 'secretariat', countries: [] }), 'secretariat');
    assert.equal(publicActor(null), 'editor', 'an account that is gone still hides the email');
    assert.equal(eventForReader({ ...event, actorScope: null }, undefined).actor, 'editor');
  });
});
