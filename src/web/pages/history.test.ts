import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor } from '../../domain/access/policy.ts';
import { createView } from '../views/view.ts';
import { parseHistoryQuery, renderHistory } from './history.ts';

const secretariat: Actor = { id: 2, email: 'sec@example.org', role: 'secretariat', countries: [] };
const signedIn = (lang: 'en' | 'id') => createView(lang, '/history', '', { actor: secretariat, csrfToken: 't' });
const anonymous = (lang: 'en' | 'id') => createView(lang, '/history', '', null);

describe('history filter by editor', () => {
  test('should offer the editor field to signed-in editors only, in both languages', () => {
    for (const lang of ['en', 'id'] as const) {
      const query = parseHistoryQuery(signedIn(lang), new URLSearchParams('editor=IDN@Example.org'));
      assert.deepEqual(query.errors, []);
      assert.equal(query.filter.editor, 'idn@example.org');
      const page = renderHistory(signedIn(lang), { query, result: null });
      assert.match(page, /<input type="email" id="h-editor" name="editor" value="IDN@Example.org"/);
      assert.match(page, lang === 'en' ? /Editor’s email/ : /Email editor/);
      const open = renderHistory(anonymous(lang), { query: parseHistoryQuery(anonymous(lang), new URLSearchParams()), result: null });
      assert.ok(!open.includes('name="editor"'), 'no editor field for an anonymous reader');
    }
  });

  test('should refuse the filter to an anonymous reader and a value that is no email to an editor', () => {
    const refused = parseHistoryQuery(anonymous('id'), new URLSearchParams('editor=idn@example.org'));
    assert.equal(refused.filter.editor, undefined);
    assert.match(refused.errors[0]?.message ?? '', /Masuk dulu untuk menyaring riwayat menurut email editor/);
    const page = renderHistory(anonymous('id'), { query: refused, result: null });
    assert.match(page, /role="alert"[^\n]*<p>Masuk dulu untuk menyaring riwayat menurut email editor/, 'said as a problem of the page');
    assert.ok(!page.includes('href="#h-editor"'), 'no link to a field the reader does not have');
    const bad = parseHistoryQuery(signedIn('en'), new URLSearchParams('editor=nobody'));
    assert.deepEqual(
      bad.errors.map((e) => e.id),
      ['h-editor'],
    );
  });
});
