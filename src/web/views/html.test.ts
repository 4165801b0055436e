// Kept one folder below src/web so that `src/web/*/*.test.ts` (the glob bash expands) finds it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeHtml, html, join, raw, SafeHtml } from '../html.ts';

describe('html template', () => {
  test('should render <script> in a title as text', () => {
    const title = '<script>alert("x")</script>';
    assert.equal(html`<h1>${title}</h1>`.value, '<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>');
  });

  test('should escape quotes so a value cannot leave its attribute', () => {
    assert.equal(html`<a title="${`" onmouseover='x'`}">`.value, '<a title="&quot; onmouseover=&#39;x&#39;">');
  });

  test('should escape ampersands once', () => {
    assert.equal(escapeHtml('Tom & Jerry &amp;'), 'Tom &amp; Jerry &amp;amp;');
  });

  test('should not escape nested templates or raw markup', () => {
    const inner = html`<em>${'a<b'}</em>`;
    assert.equal(html`<p>${inner}${raw('<br>')}</p>`.value, '<p><em>a&lt;b</em><br></p>');
  });

  test('should concatenate arrays and escape their strings', () => {
    assert.equal(html`<ul>${['<1>', html`<li>2</li>`]}</ul>`.value, '<ul>&lt;1&gt;<li>2</li></ul>');
  });

  test('should render null, undefined and false as nothing, numbers and true as text', () => {
    assert.equal(html`${null}${undefined}${false}|${0}|${true}`.value, '|0|true');
  });

  test('should join with an escaped separator', () => {
    assert.equal(join(['a', html`<b>b</b>`], ' & ').value, 'a &amp; <b>b</b>');
  });

  test('should return SafeHtml that prints as its markup', () => {
    const out = html`<i>x</i>`;
    assert.ok(out instanceof SafeHtml);
    assert.equal(`${out}`, '<i>x</i>');
  });
});
