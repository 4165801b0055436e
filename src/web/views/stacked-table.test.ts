import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { html } from '../html.ts';
import { labelCells } from './stacked-table.ts';

describe('stacked table cells', () => {
  test('should label each cell in column order, escape the labels and leave escaped text alone', () => {
    const row = html`<tr>
<td>${'<td>not a cell'}</td>
<td class="num">15</td>
<td>extra</td>
</tr>`;
    const out = labelCells(['Instrument', 'Minimum "age"'], row).value;
    assert.equal(
      out,
      '<tr>\n<td data-label="Instrument">&lt;td&gt;not a cell</td>\n<td data-label="Minimum &quot;age&quot;" class="num">15</td>\n<td>extra</td>\n</tr>',
    );
    assert.equal(labelCells(['x'], html`<tr><th scope="row">h</th><tdx></tdx></tr>`).value, '<tr><th scope="row">h</th><tdx></tdx></tr>');
  });
});
