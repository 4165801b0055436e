import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ClosureInput, canClose, consecutiveClearVisits } from './closure.ts';
import { allowedTransitions, canTransition } from './status.ts';
import type { Visit } from './types.ts';

const clear = (date: string): Visit => ({ date, inChildLabour: false });
const work = (date: string): Visit => ({ date, inChildLabour: true });
const provided = [{ kind: 'school_kit', dueDate: '2026-01-10', providedOn: '2026-01-05' }];
const base: ClosureInput = {
  reason: 'no_longer_in_child_labour',
  on: '2026-06-01',
  visits: [],
  actions: provided,
  ageOn: 14,
  failedAttempts: 0,
  note: null,
};

describe('consecutive clear follow-up visits', () => {
  const cases: [string, Visit[], number][] = [
    ['none', [], 0],
    ['one clear', [clear('2026-02-01')], 1],
    ['exactly two, different days', [clear('2026-02-01'), clear('2026-03-01')], 2],
    ['two the same day count once', [clear('2026-02-01'), clear('2026-02-01')], 1],
    ['a relapse between breaks the pair', [clear('2026-02-01'), work('2026-03-01'), clear('2026-04-01')], 1],
    ['a relapse at the last visit resets to zero', [clear('2026-02-01'), clear('2026-03-01'), work('2026-04-01')], 0],
    ['two clear after a relapse', [work('2026-02-01'), clear('2026-03-01'), clear('2026-04-01')], 2],
    ['recorded out of order', [clear('2026-04-01'), work('2026-02-01'), clear('2026-03-01')], 2],
    ['same day clear and in work: the day does not count', [clear('2026-03-01'), clear('2026-04-01'), work('2026-04-01')], 0],
  ];
  for (const [name, visits, expected] of cases) {
    test(name, () => assert.equal(consecutiveClearVisits(visits), expected));
  }
  test('visits after the reference day are not counted', () => {
    assert.equal(consecutiveClearVisits([clear('2026-02-01'), clear('2026-09-01')], '2026-06-01'), 1);
  });
});

describe('closure rules', () => {
  test('one clear visit refuses "no longer in child labour"', () => {
    assert.deepEqual(canClose({ ...base, visits: [clear('2026-02-01')] }), {
      allowed: false,
      refusal: 'too-few-clear-visits',
      params: { clear: 1, required: 2 },
    });
  });
  test('exactly two consecutive clear visits on different days allow it', () => {
    assert.equal(canClose({ ...base, visits: [clear('2026-02-01'), clear('2026-03-01')] }).allowed, true);
  });
  test('a non-consecutive pair (relapse between) refuses', () => {
    const d = canClose({ ...base, visits: [clear('2026-02-01'), work('2026-03-01'), clear('2026-04-01')] });
    assert.equal(d.allowed, false);
  });
  test('no support provided refuses even with two clear visits', () => {
    const d = canClose({
      ...base,
      actions: [{ kind: 'awareness', dueDate: '2026-01-01', providedOn: null }],
      visits: [clear('2026-02-01'), clear('2026-03-01')],
    });
    assert.deepEqual(d, { allowed: false, refusal: 'no-support-provided', params: {} });
  });
  const table: [string, Partial<ClosureInput>, boolean | string][] = [
    ['turned 18 at 18', { reason: 'turned_18', ageOn: 18 }, true],
    ['turned 18 at 17', { reason: 'turned_18', ageOn: 17 }, 'under-18'],
    ['turned 18, age unknown', { reason: 'turned_18', ageOn: null }, 'age-unknown'],
    ['lost after 3 attempts', { reason: 'lost_to_follow_up', failedAttempts: 3 }, true],
    ['lost after 2 attempts', { reason: 'lost_to_follow_up', failedAttempts: 2 }, 'too-few-attempts'],
    ['moved away with a note', { reason: 'moved_away', note: 'family moved to another province' }, true],
    ['moved away without a note', { reason: 'moved_away', note: '  ' }, 'note-required'],
    ['duplicate with a note', { reason: 'duplicate', note: 'same child as case 12' }, true],
    ['duplicate without a note', { reason: 'duplicate', note: null }, 'note-required'],
    ['not child labour, reassessed', { reason: 'not_child_labour', reassessedNotChildLabour: true }, true],
    ['not child labour, not reassessed', { reason: 'not_child_labour' }, 'not-reassessed'],
  ];
  for (const [name, patch, expected] of table) {
    test(name, () => {
      const d = canClose({ ...base, ...patch });
      if (expected === true) assert.equal(d.allowed, true);
      else assert.equal(d.allowed === false && d.refusal, expected);
    });
  }
  test('lost-to-follow-up threshold is configuration', () => {
    assert.equal(
      canClose({ ...base, reason: 'lost_to_follow_up', failedAttempts: 2 }, { lostAfterAttempts: 2, clearVisitsRequired: 2 }).allowed,
      true,
    );
  });
  test('an invalid day is an error, not a guess', () => {
    assert.throws(() => canClose({ ...base, on: '2026-02-30' }), /on: not a valid ISO day/);
  });
});

describe('status transitions', () => {
  const table: [Parameters<typeof canTransition>[0], Parameters<typeof canTransition>[1], boolean][] = [
    ['identified', 'support_planned', true],
    ['identified', 'follow_up', false],
    ['support_planned', 'support_provided', true],
    ['support_provided', 'follow_up', true],
    ['follow_up', 'support_planned', true],
    ['follow_up', 'closed', true],
    ['identified', 'closed', true],
    ['closed', 'identified', false],
  ];
  for (const [from, to, ok] of table) test(`${from} -> ${to}: ${ok}`, () => assert.equal(canTransition(from, to), ok));
  test('closed is terminal', () => assert.deepEqual(allowedTransitions('closed'), []));
});
