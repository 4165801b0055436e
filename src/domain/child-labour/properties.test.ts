import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  ageBreakpoints,
  type CheckInput,
  type CheckResult,
  CONDITION_KEYS,
  type CountryFacts,
  compareVerdicts,
  evaluate,
  type NationalNightWork,
  type NationalProfile,
  renderMessage,
  type SourcedAge,
  WORK_KINDS,
} from './index.ts';
import { mostSevere } from './verdict.ts';

/*
 * Properties over any facts and input: arbitrary ratification states, declarations (or none),
 * national profiles with or without each field, national light-work bands and any hours or night.
 */

const sourcedAge = (min: number, max: number, citation?: string): fc.Arbitrary<SourcedAge | null> =>
  fc.option(
    fc.integer({ min, max }).map((value) => (citation ? { value, source: 'TEST', citation } : { value, source: 'TEST' })),
    { nil: null },
  );

const lightWork = fc
  .record({
    minAge: fc.integer({ min: 10, max: 16 }),
    span: fc.integer({ min: 0, max: 4 }),
    maxHoursPerDay: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    daytimeOnly: fc.boolean(),
    outsideSchoolHours: fc.boolean(),
    conditions: fc.subarray([...CONDITION_KEYS]),
    citation: fc.constantFrom(undefined, 'UU 13/2003 Pasal 69'),
  })
  .map(({ span, citation, ...lw }) => ({ ...lw, maxAge: lw.minAge + span, source: 'TEST', ...(citation ? { citation } : {}) }));

const nightWork: fc.Arbitrary<NationalNightWork> = fc
  .record({
    underAge: fc.integer({ min: 14, max: 21 }),
    sex: fc.constantFrom(undefined, 'female' as const, 'male' as const),
    citation: fc.constantFrom(undefined, 'UU 13/2003 Pasal 76(1)'),
  })
  .map(({ sex, citation, underAge }) => ({
    underAge,
    ...(sex ? { sex } : {}),
    from: '23:00',
    to: '07:00',
    source: 'TEST',
    ...(citation ? { citation } : {}),
  }));

const profile: fc.Arbitrary<NationalProfile | null> = fc.option(
  fc
    .record({
      generalMinimumAge: sourcedAge(10, 18),
      hazardousMinimumAge: fc.oneof(sourcedAge(14, 21), sourcedAge(16, 19, 'UU 13/2003 Pasal 74')),
      compulsoryEducationAge: sourcedAge(10, 18),
      lightWork: fc.option(lightWork, { nil: undefined }),
      childUnderAge: fc.option(sourcedAge(16, 21, 'UU 13/2003 Pasal 1 angka 26'), { nil: undefined }),
      nightWork: fc.option(nightWork, { nil: undefined }),
    })
    .map(({ lightWork: lw, childUnderAge, nightWork: nw, ...p }) => {
      const out: NationalProfile = { iso3: 'XXX', ...p, sources: ['TEST'] };
      if (lw) out.lightWork = lw;
      if (nw) out.nightWork = nw;
      if (childUnderAge) out.childUnderAge = childUnderAge;
      return out;
    }),
  { nil: null },
);

const facts: fc.Arbitrary<CountryFacts> = fc.record({
  iso3: fc.constant('XXX'),
  c138: fc.record({ ratified: fc.boolean(), declaredAge: fc.constantFrom(null, 14, 15, 16) }),
  c182: fc.record({ ratified: fc.boolean() }),
  profile,
});

const input: fc.Arbitrary<CheckInput> = fc.record({
  age: fc.integer({ min: 0, max: 30 }),
  work: fc.constantFrom(...WORK_KINDS),
  hoursPerDay: fc.option(fc.double({ min: 0, max: 24, noNaN: true }), { nil: null }),
  night: fc.option(fc.boolean(), { nil: null }),
  sex: fc.constantFrom(null, 'female' as const, 'male' as const),
});

const RUNS = { numRuns: 2000 };

test('raising the age never makes a verdict more severe', () => {
  fc.assert(
    fc.property(facts, input, fc.integer({ min: 1, max: 20 }), (f, i, years) => {
      const younger = evaluate(f, i);
      const older = evaluate(f, { ...i, age: i.age + years });
      assert.ok(
        compareVerdicts(older.verdict, younger.verdict) <= 0,
        `${i.work}: ${younger.verdict} at ${i.age} but ${older.verdict} at ${i.age + years}`,
      );
    }),
    RUNS,
  );
});

test('evaluate is deterministic and leaves its arguments alone', () => {
  fc.assert(
    fc.property(facts, input, (f, i) => {
      const before = JSON.stringify({ f, i });
      assert.deepEqual(evaluate(f, i), evaluate(f, i));
      assert.equal(JSON.stringify({ f, i }), before);
    }),
    RUNS,
  );
});

test('conditions are listed if and only if the verdict is conditional', () => {
  fc.assert(
    fc.property(facts, input, (f, i) => {
      const r = evaluate(f, i);
      assert.equal(r.conditions.length > 0, r.verdict === 'conditional');
      assert.equal(new Set(r.conditions).size, r.conditions.length, 'no condition twice');
    }),
    RUNS,
  );
});

test('the verdict is the most severe reason, and every reason cites its provision', () => {
  const CITATION = /^(C029 Art |C138 Art |C182 Art |R190 Para |UU 13\/2003 |national law \()/;
  fc.assert(
    fc.property(facts, input, (f, i) => {
      const r = evaluate(f, i);
      assert.ok(r.reasons.length > 0);
      assert.equal(r.verdict, mostSevere(r.reasons.map((x) => x.verdict)));
      for (const reason of r.reasons) {
        assert.match(reason.citation, CITATION);
        assert.match(reason.rule, /^[a-z0-9]+\.[a-z0-9-]+$/);
      }
    }),
    RUNS,
  );
});

test('the minimum age is reported unless it rests on an unrecorded declaration', () => {
  fc.assert(
    fc.property(facts, input, (f, i) => {
      const r = evaluate(f, i);
      assert.equal(r.minimumAge === null, r.minimumAgeBasis === 'unknown');
      if (r.uncertain) assert.equal(r.minimumAgeBasis, 'unknown');
      if (r.minimumAge !== null && f.c138.ratified && f.c138.declaredAge !== null) assert.ok(r.minimumAge >= f.c138.declaredAge);
    }),
    RUNS,
  );
});

test('every message renders completely in both languages', () => {
  fc.assert(
    fc.property(facts, input, (f, i) => {
      for (const reason of evaluate(f, i).reasons) {
        for (const lang of ['en', 'id'] as const) assert.doesNotMatch(renderMessage(reason, lang), /\{\w+\}/);
      }
    }),
    { numRuns: 500 },
  );
});

/** A result without the age itself: what ages between two breakpoints must share. */
function outcome(r: CheckResult): unknown {
  return {
    ...r,
    age: null,
    reasons: r.reasons.map(({ params, ...reason }) => ({
      ...reason,
      params: Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'age')),
    })),
  };
}

test('ageBreakpoints lists every age at which the answer can change', () => {
  fc.assert(
    fc.property(facts, input, (f, i) => {
      const breaks = new Set(ageBreakpoints(f));
      const here = evaluate(f, i);
      const next = evaluate(f, { ...i, age: i.age + 1 });
      if (!breaks.has(i.age + 1))
        assert.deepEqual(outcome(next), outcome(here), `no breakpoint at ${i.age + 1}: ${[...breaks].join(', ')}`);
    }),
    RUNS,
  );
});

test('for any facts, severity never decreases light → regular → hazardous → slavery, and slavery is never permitted', () => {
  const chain = ['light', 'regular', 'hazardous', 'slavery'] as const;
  fc.assert(
    fc.property(facts, input, (f, i) => {
      const verdicts = chain.map((work) => evaluate(f, { ...i, work }).verdict);
      for (let k = 1; k < chain.length; k++)
        assert.ok(compareVerdicts(verdicts[k]!, verdicts[k - 1]!) >= 0, `${chain[k - 1]} ${verdicts[k - 1]}, ${chain[k]} ${verdicts[k]}`);
      assert.notEqual(verdicts[3], 'permitted');
    }),
    RUNS,
  );
});
