import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RenderMemo } from './render-memo.ts';

test('should reuse a page rendered from the same data object and key only', () => {
  const memo = new RenderMemo(2);
  let renders = 0;
  const render = () => `page ${++renders}`;
  const data = {};
  assert.equal(memo.render(data, 'en', render), 'page 1');
  assert.equal(memo.render(data, 'en', render), 'page 1');
  assert.equal(memo.render(data, 'id', render), 'page 2');
  assert.equal(memo.render({}, 'en', render), 'page 3', 'new data object, new render');
});

test('should keep a bounded number of variants per object', () => {
  const memo = new RenderMemo(2);
  let renders = 0;
  const data = {};
  for (const key of ['a', 'b', 'c']) memo.render(data, key, () => `${key}${++renders}`);
  assert.equal(
    memo.render(data, 'a', () => `a${++renders}`),
    'a4',
    'oldest variant was evicted',
  );
  assert.equal(
    memo.render(data, 'c', () => 'never'),
    'c3',
  );
});
