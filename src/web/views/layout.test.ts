import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { html } from '../html.ts';
import { layout } from './layout.ts';
import { createView } from './view.ts';

describe('main menu', () => {
  test('should reach Screening, Data gaps and History in both languages, marking the current one', () => {
    const expected = {
      en: ['Screening', 'Data gaps', 'Change history'],
      id: ['Penyaringan', 'Kekosongan data', 'Riwayat perubahan'],
    };
    for (const lang of ['en', 'id'] as const) {
      const page = layout(createView(lang, '/history', '', null), { title: 'x', section: 'history', body: html`` });
      const menu = /<nav class="main-nav"[\s\S]*?<\/nav>/.exec(page)?.[0] ?? '';
      const [screening, gaps, history] = expected[lang];
      assert.ok(menu.includes(`<a href="/${lang}/compliance/screen">${screening}</a>`), menu);
      assert.ok(menu.includes(`<a href="/${lang}/gaps">${gaps}</a>`), menu);
      assert.ok(menu.includes(`<a href="/${lang}/history" aria-current="page">${history}</a>`), menu);
    }
  });
});
