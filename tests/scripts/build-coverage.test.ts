import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCompleteLists } from '../../scripts/build-coverage.ts';
import type { Instrument, PublishedCount } from '../../src/domain/instrument.ts';
import type { Ratification } from '../../src/domain/ratification.ts';

function instrument(code: string, publishedCount: PublishedCount | null): Instrument {
  return {
    code,
    type: 'convention',
    number: Number(code.slice(1)),
    titleEn: code,
    titleId: null,
    titleIdKind: null,
    titleIdSource: null,
    titleIdAct: null,
    adoptionDate: null,
    ilcSession: null,
    entryIntoForce: null,
    status: null,
    category: null,
    subjects: [],
    revises: [],
    ratificationEifMonths: null,
    ratificationEifArticle: null,
    verifiedFields: [],
    publishedCount,
    source: null,
    confidence: null,
    notes: null,
  };
}

const count = (n: number, confidence: PublishedCount['confidence']): PublishedCount => ({
  count: n,
  asOf: '2023-07',
  source: 'SRC',
  confidence,
  notes: null,
});

function rows(country: string, codes: string[]): Ratification[] {
  return codes.map((instrument) => ({
    country,
    instrument,
    registrationDate: null,
    status: null,
    legalAct: null,
    nationalTitle: null,
    declarations: [],
    source: null,
    confidence: null,
    notes: null,
  }));
}

/** Indonesia's 19 counted Conventions plus the MLC, 2006 (C186), which came after the count. */
const IDN_CODES = [...Array.from({ length: 19 }, (_, k) => `C${String(k + 1).padStart(3, '0')}`), 'C186'];

describe('complete lists (scripts/build-coverage.ts)', () => {
  test('an instrument list is complete only when its rows reach a high-confidence published count', () => {
    const instruments = [
      instrument('C900', count(2, 'high')),
      instrument('C901', count(2, 'medium')),
      instrument('C902', count(3, 'high')),
    ];
    const ratifications = [...rows('AAA', ['C900', 'C901', 'C902']), ...rows('BBB', ['C900', 'C901', 'C902']), ...rows('IDN', IDN_CODES)];
    const { lists, problems } = buildCompleteLists(instruments, ratifications);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      lists.map((l) => `${l.scope}:${l.code}`),
      ['instrument:C900', 'country:IDN'],
    );
    assert.equal(lists[0]?.source, 'SRC');
  });

  test("Indonesia's list is not called complete when the rows do not match the counted 19", () => {
    const { lists, problems } = buildCompleteLists([], rows('IDN', IDN_CODES.slice(1)));
    assert.equal(lists.length, 0);
    assert.match(problems[0] ?? '', /IDN: a source counts 19 ratifications, the data has 18/);
  });
});
