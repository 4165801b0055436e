import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runRetryingSchemaRace } from './db.ts';

const schemaGone = () => Object.assign(new Error('schema "t_1_other" does not exist'), { code: '3F000' });

test('a migration run that meets a schema dropped by someone else is run again', async () => {
  let calls = 0;
  const result = await runRetryingSchemaRace(async () => {
    calls++;
    if (calls < 3) throw schemaGone();
    return ['2026-12-03-005-record-versions'];
  });
  assert.deepEqual(result, ['2026-12-03-005-record-versions']);
  assert.equal(calls, 3);
});

test('other errors, and a race that does not end, are thrown', async () => {
  let calls = 0;
  await assert.rejects(
    runRetryingSchemaRace(async () => {
      calls++;
      throw Object.assign(new Error('permission denied'), { code: '42501' });
    }),
    /permission denied/,
  );
  assert.equal(calls, 1, 'not retried');
  calls = 0;
  await assert.rejects(
    runRetryingSchemaRace(async () => {
      calls++;
      throw schemaGone();
    }, 3),
    /does not exist/,
  );
  assert.equal(calls, 3);
});

test("a table or column of another schema dropped during the migrator's catalogue scan is run again too", async () => {
  for (const [code, message] of [
    ['42703', 'column "worker_ref" of relation "cases" does not exist'],
    ['42P01', 'relation "t_1_other.cases" does not exist'],
  ] as const) {
    let calls = 0;
    const result = await runRetryingSchemaRace(async () => {
      calls++;
      if (calls < 2) throw Object.assign(new Error(message), { code });
      return [];
    });
    assert.deepEqual(result, []);
    assert.equal(calls, 2, code);
  }
});
