import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { casePriority, comparePriority } from './priority.ts';
import type { CaseAssessment } from './types.ts';

const a = (p: Partial<CaseAssessment>): CaseAssessment => ({
  verdict: 'prohibited',
  age: 14,
  night: false,
  inSchool: true,
  reasons: [],
  ...p,
});

describe('case priority', () => {
  test('worst form first, citing the C182 Art 3 reasons', () => {
    const p = casePriority(
      a({ verdict: 'worst_form', reasons: [{ rule: 'c182.slavery', citation: 'C182 Art 3(a)', verdict: 'worst_form' }] }),
    );
    assert.deepEqual(p, { tier: 'worst_form', rank: 1, citations: ['C182 Art 3(a)'] });
  });
  test('prohibited hazardous work is second', () => {
    const p = casePriority(a({ reasons: [{ rule: 'c138.hazardous-work', citation: 'C138 Art 3(1)', verdict: 'prohibited' }] }));
    assert.deepEqual(p, { tier: 'hazardous', rank: 2, citations: ['C138 Art 3(1)'] });
  });
  test('prohibited night work ranks as hazardous, citing R190 Para 3(e)', () => {
    const p = casePriority(
      a({ night: true, reasons: [{ rule: 'national.night-work', citation: 'UU 13/2003 Pasal 76(1)', verdict: 'prohibited' }] }),
    );
    assert.deepEqual(p, { tier: 'hazardous', rank: 2, citations: ['R190 Para 3(e)', 'UU 13/2003 Pasal 76(1)'] });
  });
  const table: [string, Partial<CaseAssessment>, string, string[]][] = [
    [
      'a child of 12 below the minimum age',
      { age: 12, reasons: [{ rule: 'c138.minimum-age', citation: 'C138 Art 2(1)', verdict: 'prohibited' }] },
      'vulnerable',
      ['C138 Art 7(1)', 'C138 Art 2(1)'],
    ],
    [
      'a child of 13 is not "young"',
      { age: 13, reasons: [{ rule: 'c138.minimum-age', citation: 'C138 Art 2(1)', verdict: 'prohibited' }] },
      'other',
      ['C138 Art 2(1)'],
    ],
    [
      'out of school',
      { inSchool: false, reasons: [{ rule: 'c138.minimum-age', citation: 'C138 Art 2(1)', verdict: 'prohibited' }] },
      'vulnerable',
      ['C138 Art 2(3)', 'C138 Art 2(1)'],
    ],
    ['school unknown is not out of school', { inSchool: null }, 'other', []],
    [
      'conditional, young',
      { verdict: 'conditional', age: 12, reasons: [{ rule: 'c138.light-work', citation: 'C138 Art 7(1)', verdict: 'conditional' }] },
      'vulnerable',
      ['C138 Art 7(1)'],
    ],
    ['other_law is the rest', { verdict: 'other_law', age: 19 }, 'other', []],
  ];
  for (const [name, patch, tier, citations] of table) {
    test(name, () => {
      const p = casePriority(a(patch));
      assert.equal(p.tier, tier);
      assert.deepEqual(p.citations, citations);
    });
  }
  test('the young-age threshold is an option', () => {
    assert.equal(casePriority(a({ age: 13 }), { youngAge: 14 }).tier, 'vulnerable');
  });
  test('worklist order: tier, then younger first, unknown age last', () => {
    const items = [
      { id: 'old-other', priority: casePriority(a({ age: 16 })), age: 16 },
      { id: 'unknown-age', priority: casePriority(a({ age: null })), age: null },
      { id: 'worst', priority: casePriority(a({ verdict: 'worst_form', age: 17 })), age: 17 },
      { id: 'young-other', priority: casePriority(a({ age: 14 })), age: 14 },
    ];
    assert.deepEqual(
      items.sort(comparePriority).map((i) => i.id),
      ['worst', 'young-other', 'old-other', 'unknown-age'],
    );
  });
});
