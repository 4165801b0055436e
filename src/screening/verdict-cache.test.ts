import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { generateWorkforce } from '../../bench/gen-workforce.ts';
import { ageOn, evaluate, WORK_KINDS, type WorkKind } from '../domain/child-labour/index.ts';
import type { Sex } from '../domain/child-labour/types.ts';
import { CacheMismatchError, CHILD_LABOUR_ENGINE, screenCsv } from './index.ts';
import { screenCsvWith } from './screen.ts';
import { Collector, parseCsv, pieces, registryFacts } from './testing.ts';
import { outcomeOf, VerdictCache } from './verdict-cache.ts';

const ON = '2025-06-30';
const facts = await registryFacts();
const countries = [...facts.keys()];

/** Deterministic shuffle (so classes are filled by arbitrary representative ages). */
function shuffled<T>(items: T[], seed: number): T[] {
  const a = [...items];
  let s = seed >>> 0;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const hoursKeyOf = (h: number | null) => (h === null ? 0 : Number.isInteger(h * 1e6) ? Math.round(h * 1e6) + 1 : -1);

describe('VerdictCache with the child-labour engine', () => {
  test('gives exactly what evaluate gives for every State, work kind and age (classes filled in random order)', () => {
    const cache = new VerdictCache(CHILD_LABOUR_ENGINE);
    const index = new Map(countries.map((iso3) => [iso3, cache.addCountry(facts.get(iso3)!)]));
    const ages = [...Array.from({ length: 41 }, (_, a) => a), 50, 60, 70, 80, 90, 100, 110, 120];
    const keys: [string, number, number][] = [];
    for (const iso3 of countries) for (let w = 0; w < WORK_KINDS.length; w++) for (const age of ages) keys.push([iso3, w, age]);
    let checked = 0;
    for (const [iso3, w, age] of shuffled(keys, 42)) {
      const id = cache.resolve(index.get(iso3)!, w, age, 0, null, false);
      const want = outcomeOf(evaluate(facts.get(iso3)!, { age, work: WORK_KINDS[w]!, hoursPerDay: null, night: false }));
      const got = cache.outcomes[id]!;
      assert.deepEqual(
        { verdict: got.verdict, minimumAge: got.minimumAge, uncertain: got.uncertain, citations: got.citations },
        want,
        `${iso3} ${WORK_KINDS[w]} age ${age}`,
      );
      checked++;
    }
    assert.equal(checked, countries.length * WORK_KINDS.length * ages.length);
    // the point of the classes: far fewer evaluations than keys
    assert.ok(cache.evaluations < keys.length / 3, `${cache.evaluations} evaluations for ${keys.length} keys`);
  });

  test('hours and night: exact wherever the rules read them, ignored where they do not', () => {
    const cache = new VerdictCache(CHILD_LABOUR_ENGINE);
    const index = new Map(countries.map((iso3) => [iso3, cache.addCountry(facts.get(iso3)!)]));
    const hoursValues = [null, 0, 1.5, 2, 3, 3.000001, 3.5, 8, 24];
    let sensitive = 0;
    let adultSensitive = 0;
    const cases: [string, WorkKind, number, number | null, boolean][] = [];
    for (const iso3 of countries)
      for (const work of WORK_KINDS)
        for (const age of [8, 12, 13, 14, 15, 16, 17, 30])
          for (const h of hoursValues) for (const night of [false, true]) cases.push([iso3, work, age, h, night]);
    for (const [iso3, work, age, h, night] of shuffled(cases, 7)) {
      const f = facts.get(iso3)!;
      if (CHILD_LABOUR_ENGINE.readsHoursOrNight!(f, { age, work, hoursPerDay: h, night })) {
        sensitive++;
        if (age >= 18) adultSensitive++;
      }
      const id = cache.resolve(index.get(iso3)!, WORK_KINDS.indexOf(work), age, hoursKeyOf(h), h, night);
      const got = cache.outcomes[id]!;
      const want = outcomeOf(evaluate(f, { age, work, hoursPerDay: h, night }));
      assert.equal(got.verdict, want.verdict, `${iso3} ${work} ${age} ${h} ${night}`);
      assert.equal(got.citations, want.citations, `${iso3} ${work} ${age} ${h} ${night}`);
      assert.equal(got.uncertain, want.uncertain);
      assert.equal(got.minimumAge, want.minimumAge);
    }
    assert.ok(sensitive > 0, 'some light work reads hours (a national light-work profile)');
    // Night work under 18 is judged for every kind of work C138 governs (R190 Para 3(e)), so
    // children's rows are keyed on night; an adult's result never depends on hours or night.
    assert.equal(adultSensitive, 0);
  });

  test('an incomplete list of age breakpoints is caught, not reported as verdicts', async () => {
    const wrong = { ...CHILD_LABOUR_ENGINE, ageBreakpoints: () => [] as number[] };
    const rows = Array.from({ length: 4000 }, (_, i) => `${i},IDN,${1960 + (i % 60)}-0${1 + (i % 9)}-1${i % 10},${WORK_KINDS[i % 9]}`);
    const csv = Buffer.from(`worker_id,country,birth_date,work\n${rows.join('\n')}\n`);
    await assert.rejects(screenCsvWith(wrong, pieces(csv, []), { on: ON, facts }), CacheMismatchError);
  });

  test('sex is part of the key: an engine whose answer turns on sex alone is followed for every State and age', async () => {
    // The real engine reads sex only in some national rules; this one reads it everywhere, so a cache
    // that shared an entry between sexes would give some row the other sex's answer.
    const bySex: typeof CHILD_LABOUR_ENGINE = {
      ...CHILD_LABOUR_ENGINE,
      evaluate: (f, input) => {
        const result = evaluate(f, input);
        if (input.sex === null || input.sex === undefined) return result;
        return { ...result, reasons: [...result.reasons, { ...result.reasons[0]!, citation: `test: ${input.sex}` }] };
      },
    };
    const sexes = ['', 'female', 'male'] as const;
    const rows: string[] = [];
    for (const iso3 of countries)
      for (let age = 5; age <= 19; age++) for (const sex of sexes) rows.push(`${iso3},${2024 - age}-01-01,light,${sex}`);
    const lines = shuffled(rows, 3).map((r, i) => `${i},${r}`);
    const out = new Collector();
    const summary = await screenCsvWith(
      bySex,
      pieces(Buffer.from(`worker_id,country,birth_date,work,sex\n${lines.join('\n')}\n`), [4096]),
      {
        on: ON,
        facts,
        out,
      },
    );
    assert.equal(summary.valid, lines.length);
    const written = parseCsv(out.text()).slice(1);
    lines.forEach((line, i) => {
      const [, iso3, birth, work, sex] = line.split(',') as [string, string, string, WorkKind, string];
      const want = outcomeOf(bySex.evaluate(facts.get(iso3)!, { age: ageOn(birth, ON)!, work, sex: sex === '' ? null : (sex as Sex) }));
      assert.deepEqual(written[i]!.slice(5), [want.verdict, want.minimumAge === null ? '' : String(want.minimumAge), want.citations], line);
    });
  });
});

describe('screenCsv equals evaluate row by row', () => {
  const day = fc
    .record({ y: fc.integer({ min: 1905, max: 2025 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .filter(({ y, m, d }) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate())
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
    .filter((s) => s <= ON);
  const row = fc.record({
    iso3: fc.oneof(fc.constantFrom(...countries), fc.constant('IDN')),
    birth: day,
    work: fc.constantFrom(...WORK_KINDS),
    hours: fc.oneof(
      fc.constant(''),
      fc.integer({ min: 0, max: 24 }).map(String),
      fc.integer({ min: 0, max: 2400 }).map((n) => (n / 100).toFixed(2)),
      fc.constantFrom('3', '3.0', '3.000001', '2.9999999', '3.00000001', '.5', '24.000'),
    ),
    night: fc.constantFrom('', '0', '1', 'yes', 'NO', 'True', 'false'),
    sex: fc.constantFrom('', 'female', 'F', 'Perempuan', 'male', 'M', 'LAKI-LAKI', ' f '),
    quoted: fc.boolean(),
  });
  /** The README's spellings of the `sex` column, as the check's input. */
  const sexOf = (v: string): Sex | null => {
    const t = v.trim().toLowerCase();
    return ['female', 'f', 'perempuan'].includes(t) ? 'female' : ['male', 'm', 'laki-laki'].includes(t) ? 'male' : null;
  };

  test('a few thousand random rows: the cached fast path writes what evaluate returns for each', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 500, maxLength: 800 }), async (rs) => {
        const lines = rs.map((r, i) =>
          r.quoted
            ? `${i},"${r.iso3}","${r.birth}","${r.work}","${r.hours}","${r.night}","${r.sex}"`
            : `${i},${r.iso3},${r.birth},${r.work},${r.hours},${r.night},${r.sex}`,
        );
        const csv = Buffer.from(`worker_id,country,birth_date,work,hours_per_day,night,Sex\n${lines.join('\n')}\n`);
        const out = new Collector();
        const summary = await screenCsv(pieces(csv, [777, 5000]), { on: ON, facts, out });
        assert.equal(summary.invalid, 0, JSON.stringify(summary.errors.slice(0, 3)));
        const written = parseCsv(out.text()).slice(1);
        const counts: Record<string, number> = { permitted: 0, other_law: 0, conditional: 0, prohibited: 0, worst_form: 0 };
        rs.forEach((r, i) => {
          const hoursPerDay = r.hours === '' ? null : Number(r.hours);
          const night = ['1', 'yes', 'true'].includes(r.night.toLowerCase());
          const sex = sexOf(r.sex);
          const o = outcomeOf(evaluate(facts.get(r.iso3)!, { age: ageOn(r.birth, ON)!, work: r.work, hoursPerDay, night, sex }));
          counts[o.verdict]!++;
          assert.deepEqual(written[i]!.slice(7), [o.verdict, o.minimumAge === null ? '' : String(o.minimumAge), o.citations], lines[i]);
        });
        assert.deepEqual(summary.verdicts, counts);
      }),
      { numRuns: 5, seed: 20251127 },
    );
  });

  test('the benchmark generator’s rows: every valid row as evaluate says, ~0.1% reported', async () => {
    const csv = Buffer.from([...generateWorkforce({ rows: 20_000, seed: 7 })].join(''));
    const out = new Collector();
    const summary = await screenCsv(pieces(csv, [65_536, 300_000]), { on: ON, facts, out });
    assert.equal(summary.rows, 20_000);
    assert.ok(summary.invalid > 0 && summary.invalid < 60, `${summary.invalid} invalid`);
    let checked = 0;
    for (const r of parseCsv(out.text()).slice(1)) {
      if (r[7] === 'invalid') continue;
      const [, , iso3, birth, work, hours, night] = r as [string, string, string, string, WorkKind, string, string];
      const o = outcomeOf(
        evaluate(facts.get(iso3)!, {
          age: ageOn(birth, ON)!,
          work,
          hoursPerDay: hours === '' ? null : Number(hours),
          night: ['1', 'yes', 'true'].includes(night.toLowerCase()),
        }),
      );
      assert.deepEqual(r.slice(7), [o.verdict, o.minimumAge === null ? '' : String(o.minimumAge), o.citations]);
      checked++;
    }
    assert.equal(checked, summary.valid);
  });
});
