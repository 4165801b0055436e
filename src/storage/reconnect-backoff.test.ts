import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { databaseUnavailable } from './db-errors.ts';
import { ReconnectBackoff, ReconnectBackoffError } from './reconnect-backoff.ts';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

function setup() {
  let clock = 1_000_000;
  let attempts = 0;
  let database: 'down' | 'up' = 'down';
  const backoff = new ReconnectBackoff({ initialMs: 100, maxMs: 800, now: () => clock, random: () => 0.5 });
  const connect = () =>
    backoff.connect(async () => {
      attempts += 1;
      if (database === 'down') throw refused();
      return 'client';
    });
  return {
    connect,
    advance: (ms: number) => {
      clock += ms;
    },
    attempts: () => attempts,
    up: () => {
      database = 'up';
    },
    down: () => {
      database = 'down';
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the connection to fail');
}

describe('reconnection with backoff', () => {
  test('after a refused attempt, requests fail at once as an outage until the next attempt is due', async () => {
    const s = setup();
    assert.equal(databaseUnavailable(await failure(s.connect())), 'unreachable');
    assert.equal(s.attempts(), 1);
    const early = await failure(s.connect());
    assert.ok(early instanceof ReconnectBackoffError);
    assert.equal(databaseUnavailable(early), 'unreachable', 'answered 503 like the refusal itself');
    assert.equal(s.attempts(), 1, 'no attempt while backing off');
    s.advance(100);
    await failure(s.connect());
    assert.equal(s.attempts(), 2);
  });

  test('the waits double up to the maximum', async () => {
    const s = setup();
    const waits: number[] = [];
    await failure(s.connect());
    for (let round = 0; round < 5; round++) {
      let waited = 0;
      while (s.attempts() === round + 1) {
        s.advance(10);
        waited += 10;
        await failure(s.connect());
      }
      waits.push(waited);
    }
    assert.deepEqual(waits, [100, 200, 400, 800, 800]);
  });

  test('one attempt at a time once due; the others fail at once', async () => {
    const s = setup();
    await failure(s.connect());
    s.advance(100);
    const probe = s.connect();
    const meanwhile = await failure(s.connect());
    assert.ok(meanwhile instanceof ReconnectBackoffError);
    await failure(probe);
    assert.equal(s.attempts(), 2);
  });

  test('a success ends the backoff, and the next outage starts again from the shortest wait', async () => {
    const s = setup();
    await failure(s.connect());
    s.advance(100);
    await failure(s.connect());
    s.advance(200);
    s.up();
    assert.equal(await s.connect(), 'client');
    assert.equal(await s.connect(), 'client');
    s.down();
    await failure(s.connect());
    s.advance(100);
    await failure(s.connect());
    assert.equal(s.attempts(), 6, 'due again after the shortest wait');
  });

  test('a busy pool or a bug does not start a backoff', async () => {
    const backoff = new ReconnectBackoff({ now: () => 0 });
    let attempts = 0;
    const fail = (error: Error) =>
      failure(
        backoff.connect(async () => {
          attempts += 1;
          throw error;
        }),
      );
    await fail(new Error('timeout exceeded when trying to connect'));
    await fail(new Error('boom'));
    await fail(new Error('boom'));
    assert.equal(attempts, 3);
  });
});
