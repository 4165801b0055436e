import { escapeHtml, raw, type SafeHtml } from '../html.ts';

/**
 * The class of a table that stacks on narrow screens (site.css): each row becomes a block and each
 * cell a "label: value" line, so status, dates and ages are readable at 390 px without scrolling
 * sideways (issue 8 item 19; decision 063).
 */
export const STACKED_TABLE = 'stacked';

/**
 * Gives each cell of a rendered row its column's name (`data-label`), in column order, for the
 * stacked layout to show. Only `<td` tags are touched: rendered text is escaped, so a literal
 * `<td` in a row is always markup. Cells beyond the labels keep no label.
 */
export function labelCells(labels: readonly string[], row: SafeHtml): SafeHtml {
  let index = 0;
  return raw(
    row.value.replace(/<td(?=[\s>])/g, (tag) => {
      const label = labels[index++];
      return label === undefined ? tag : `${tag} data-label="${escapeHtml(label)}"`;
    }),
  );
}
