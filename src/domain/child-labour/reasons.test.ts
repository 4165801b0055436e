import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import profiles from '../../../data/national-profiles.json' with { type: 'json' };
import { type CountryFacts, evaluate, type NationalProfile, renderCitation, renderMessage, type WorkKind } from './index.ts';

const byIso3 = new Map((profiles as unknown as NationalProfile[]).map((p) => [p.iso3, p]));
const facts = (iso3: string, declaredAge: number | null, profile: NationalProfile | null = byIso3.get(iso3) ?? null): CountryFacts => ({
  iso3,
  c138: { ratified: true, declaredAge },
  c182: { ratified: true },
  profile,
});
const IDN = facts('IDN', 15);

describe('adults in the kinds of work C182 Art 3(a)-(c) names (item 1)', () => {
  test('slavery from 18 is prohibited as forced labour, citing C029, and says so in both languages', () => {
    const r = evaluate(IDN, { age: 18, work: 'slavery' });
    assert.equal(r.verdict, 'prohibited');
    assert.equal(r.reasons[0]?.citation, 'C029 Art 1(1)');
    const en = renderMessage(r.reasons[0]!, 'en');
    assert.match(en, /prohibited at every age/);
    assert.match(en, /Art 2\(1\)/);
    assert.match(en, /P029/);
    assert.match(renderMessage(r.reasons[0]!, 'id'), /dilarang pada usia berapa pun/);
  });

  for (const work of ['sexual_exploitation', 'illicit'] as const) {
    test(`${work} from 18 is other_law: an adult, not child labour, and still governed by other law`, () => {
      for (const age of [18, 25, 60]) {
        const r = evaluate(IDN, { age, work });
        assert.equal(r.verdict, 'other_law');
        const en = renderMessage(r.reasons[0]!, 'en');
        assert.match(en, /is an adult, so this is not child labour/);
        assert.match(en, /remains unlawful or regulated under other law/);
        assert.match(renderMessage(r.reasons[0]!, 'id'), /sudah dewasa.*bukan pekerja anak/);
      }
      assert.equal(evaluate(IDN, { age: 17, work }).verdict, 'worst_form');
    });
  }
});

describe('national hazardous-work ages are cited as national law (item 4)', () => {
  test('Zambia, 18, hazardous: prohibited under national law (age 19, USDOL), never cited as C182, and not contradicted', () => {
    const zmb = facts('ZMB', 15);
    assert.equal(zmb.profile?.hazardousMinimumAge?.value, 19);
    const r = evaluate(zmb, { age: 18, work: 'hazardous' });
    assert.equal(r.verdict, 'prohibited');
    assert.equal(r.reasons[0]?.citation, 'national law (USDOL-SWEATTOIL-2022)');
    assert.ok(!r.reasons.some((x) => x.citation.startsWith('C182 Art 4')));
    // The Convention-side reason is a note, not a rule that reads as "permitted".
    const c138 = r.reasons.find((x) => x.rule === 'c138.hazardous-work')!;
    assert.equal(c138.kind, 'note');
    for (const reason of r.reasons) assert.doesNotMatch(renderMessage(reason, 'en'), /occupational safety and health law still applies/);
    assert.match(renderMessage(r.reasons[0]!, 'en'), /national law prohibits this work\. The person is an adult/);
    assert.equal(renderCitation(r.reasons[0]!.citation, 'id'), 'hukum nasional (USDOL-SWEATTOIL-2022)');
    assert.equal(evaluate(zmb, { age: 19, work: 'hazardous' }).verdict, 'permitted');
  });

  test('a synthetic profile with a provision cites that provision', () => {
    const profile: NationalProfile = {
      iso3: 'SYN',
      generalMinimumAge: null,
      hazardousMinimumAge: { value: 20, source: 'TEST', citation: 'Labour Act s 12' },
      compulsoryEducationAge: null,
      sources: ['TEST'],
    };
    const r = evaluate(facts('SYN', 15, profile), { age: 19, work: 'hazardous' });
    assert.equal(r.verdict, 'prohibited');
    assert.equal(r.reasons[0]?.citation, 'Labour Act s 12');
    assert.equal(evaluate(facts('SYN', 15, profile), { age: 17, work: 'hazardous' }).reasons[0]?.citation, 'C182 Art 3(d)');
  });
});

describe('reasons come deciding-first, notes last and marked as notes (item 5)', () => {
  test('Indonesia, 16, hazardous: the worst-form reasons first, the national child definition last as a note', () => {
    const r = evaluate(IDN, { age: 16, work: 'hazardous' });
    assert.equal(r.verdict, 'worst_form');
    assert.deepEqual(
      r.reasons.map((x) => [x.citation, x.kind, x.verdict]),
      [
        ['C182 Art 3(d)', 'rule', 'worst_form'],
        ['UU 13/2003 Pasal 74', 'rule', 'worst_form'],
        ['C138 Art 3(1)', 'rule', 'prohibited'],
        ['UU 13/2003 Pasal 1 angka 26', 'note', 'permitted'],
      ],
    );
  });

  test('for any State, age and work: deciding rules, then other rules by severity, then notes', () => {
    const all = [...byIso3.keys()].map((iso3) => facts(iso3, 15));
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.integer({ min: 5, max: 20 }),
        fc.constantFrom<WorkKind>('regular', 'light', 'hazardous', 'slavery', 'training', 'artistic'),
        fc.option(fc.boolean(), { nil: null }),
        (f, age, work, night) => {
          const r = evaluate(f, { age, work, night });
          const groups = r.reasons.map((x) => (x.kind === 'note' ? 2 : x.verdict === r.verdict ? 0 : 1));
          assert.deepEqual(groups, [...groups].sort(), JSON.stringify(r.reasons.map((x) => [x.rule, x.kind, x.verdict])));
          assert.equal(groups[0], 0, 'the first reason decides');
          for (const x of r.reasons) if (x.kind === 'note') assert.equal(x.verdict, 'permitted');
        },
      ),
      { numRuns: 1000 },
    );
  });
});
