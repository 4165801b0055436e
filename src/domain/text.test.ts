import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from './errors.ts';
import { refuseNul } from './text.ts';

test('a NUL anywhere in the input is refused, naming the field', () => {
  assert.doesNotThrow(() => refuseNul({ source: 'UU 20/1999', minimumAge: { value: 15 } }));
  assert.throws(
    () => refuseNul({ source: 'ok', minimumAge: { article: 'C138\u0000' }, list: ['a', 'b\u0000'] }),
    (e: unknown) =>
      e instanceof DomainError && e.code === 'invalid' && e.issues.map((i) => i.field).join() === 'minimumAge.article,list[1]',
  );
});
