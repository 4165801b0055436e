import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import profiles from '../../../data/national-profiles.json' with { type: 'json' };
import { DomainError } from '../errors.ts';
import { ageOn } from './age.ts';
import {
  type CheckInput,
  type ConditionKey,
  type CountryFacts,
  evaluate,
  type MinimumAgeBasis,
  type NationalProfile,
  renderMessage,
  type Verdict,
  type WorkKind,
} from './index.ts';

/*
 * The rules as a table. Every age comes from `ageOn` on ON, with the birth date one day before or on
 * the birthday, so each boundary is tested where it bites: born 2011-06-16 is 14 on ON, born
 * 2011-06-15 is 15.
 */
const ON = '2026-06-15';
/** Born so as to turn `n` tomorrow: still n - 1 on ON. */
const dayBefore = (n: number) => `${2026 - n}-06-16`;
/** Born so as to turn `n` on ON. */
const onBirthday = (n: number) => `${2026 - n}-06-15`;

const age = (value: number, source = 'TEST') => ({ value, source });

function profile(iso3: string, p: Partial<NationalProfile>): NationalProfile {
  return { iso3, generalMinimumAge: null, hazardousMinimumAge: null, compulsoryEducationAge: null, sources: ['TEST'], ...p };
}

function state(iso3: string, ratified: boolean, declaredAge: number | null, p: NationalProfile | null = null, c182 = true): CountryFacts {
  return { iso3, c138: { ratified, declaredAge }, c182: { ratified: c182 }, profile: p };
}

const IDN_PROFILE = (profiles as unknown as NationalProfile[]).find((p) => p.iso3 === 'IDN')!;

const S = {
  D14: state('D14', true, 14),
  D15: state('D15', true, 15),
  D16: state('D16', true, 16),
  /** Not ratified, national law unknown: the C138 Art 2(3) floor of 15. */
  NR: state('NRX', false, null),
  /** Not ratified, national law 14. */
  NR14: state('NRN', false, null, profile('NRN', { generalMinimumAge: age(14) })),
  /** Ratified, declaration not recorded, no national age. */
  UNREC: state('UNR', true, null),
  UNREC_NAT16: state('UNN', true, null, profile('UNN', { generalMinimumAge: age(16) })),
  UNREC_NAT12: state('UNL', true, null, profile('UNL', { generalMinimumAge: age(12) })),
  /** Declared 14, national law 16: national law governs. */
  ABOVE: state('ABV', true, 14, profile('ABV', { generalMinimumAge: age(16) })),
  /** Declared 16, national law 15: the declaration governs and national law falls short. */
  BELOW: state('BLW', true, 16, profile('BLW', { generalMinimumAge: age(15) })),
  HAZ18: state('HZ8', true, 15, profile('HZ8', { hazardousMinimumAge: age(18) })),
  HAZ16: state('HZ6', true, 15, profile('HZ6', { hazardousMinimumAge: age(16) })),
  HAZ19: state('HZ9', true, 15, profile('HZ9', { hazardousMinimumAge: age(19) })),
  NO_C182: state('N82', true, 15, null, false),
  /** Indonesia: declared 15 (UU 20/1999), profile from data/national-profiles.json. */
  IDN: state('IDN', true, 15, IDN_PROFILE),
} satisfies Record<string, CountryFacts>;

interface Case {
  state: keyof typeof S;
  born: string;
  work: WorkKind;
  hours?: number;
  night?: boolean;
  verdict: Verdict;
  minimumAge: number | null;
  basis: MinimumAgeBasis;
  /** Rule ids that must be among the reasons. */
  rules: string[];
  uncertain?: boolean;
  shortfall?: { declared: number; national: number };
  /** Conditions that must be listed (a conditional verdict must list at least one anyway). */
  conditions?: ConditionKey[];
  /** Citations that must appear among the reasons. */
  citations?: string[];
}

const c = (
  st: Case['state'],
  born: string,
  work: WorkKind,
  verdict: Verdict,
  minimumAge: number | null,
  basis: MinimumAgeBasis,
  rules: string[],
  extra: Partial<Case> = {},
): Case => ({ state: st, born, work, verdict, minimumAge, basis, rules, ...extra });

const CASES: Case[] = [
  // C138 Art 2(1): regular work at the declared age, for each declarable age.
  c('D14', dayBefore(14), 'regular', 'prohibited', 14, 'declared', ['c138.minimum-age']),
  c('D14', onBirthday(14), 'regular', 'permitted', 14, 'declared', ['c138.minimum-age']),
  c('D15', dayBefore(15), 'regular', 'prohibited', 15, 'declared', ['c138.minimum-age'], { citations: ['C138 Art 2(1)'] }),
  c('D15', onBirthday(15), 'regular', 'permitted', 15, 'declared', ['c138.minimum-age']),
  c('D16', dayBefore(16), 'regular', 'prohibited', 16, 'declared', ['c138.minimum-age']),
  c('D16', onBirthday(16), 'regular', 'permitted', 16, 'declared', ['c138.minimum-age']),

  // C138 Art 7: light work from 13 (12 where M is 14, Art 7(4)) up to M.
  c('D14', dayBefore(12), 'light', 'prohibited', 14, 'declared', ['c138.light-work'], { citations: ['C138 Art 7(4)'] }),
  c('D14', onBirthday(12), 'light', 'conditional', 14, 'declared', ['c138.light-work'], { conditions: ['light-authority-determined'] }),
  c('D14', dayBefore(14), 'light', 'conditional', 14, 'declared', ['c138.light-work']),
  c('D14', onBirthday(14), 'light', 'permitted', 14, 'declared', ['c138.light-work']),
  c('D15', dayBefore(13), 'light', 'prohibited', 15, 'declared', ['c138.light-work'], { citations: ['C138 Art 7(1)'] }),
  c('D15', onBirthday(13), 'light', 'conditional', 15, 'declared', ['c138.light-work'], {
    conditions: ['light-not-harmful', 'light-no-school-prejudice', 'light-authority-determined'],
  }),
  c('D15', dayBefore(15), 'light', 'conditional', 15, 'declared', ['c138.light-work']),
  c('D15', onBirthday(15), 'light', 'permitted', 15, 'declared', ['c138.light-work']),
  c('D16', dayBefore(13), 'light', 'prohibited', 16, 'declared', ['c138.light-work']),
  c('D16', onBirthday(13), 'light', 'conditional', 16, 'declared', ['c138.light-work']),
  c('D16', dayBefore(16), 'light', 'conditional', 16, 'declared', ['c138.light-work']),
  c('D16', onBirthday(16), 'light', 'permitted', 16, 'declared', ['c138.light-work']),

  // C138 Art 6: training in an undertaking from 14 below M; school work outside the Convention.
  c('D14', dayBefore(14), 'training', 'prohibited', 14, 'declared', ['c138.training']),
  c('D14', onBirthday(14), 'training', 'permitted', 14, 'declared', ['c138.training']),
  c('D15', dayBefore(14), 'training', 'prohibited', 15, 'declared', ['c138.training'], { citations: ['C138 Art 6'] }),
  c('D15', onBirthday(14), 'training', 'conditional', 15, 'declared', ['c138.training'], { conditions: ['training-authority-conditions'] }),
  c('D15', onBirthday(15), 'training', 'permitted', 15, 'declared', ['c138.training']),
  c('D16', dayBefore(16), 'training', 'conditional', 16, 'declared', ['c138.training']),
  c('D16', onBirthday(16), 'training', 'permitted', 16, 'declared', ['c138.training']),
  c('D15', onBirthday(6), 'school', 'permitted', 15, 'declared', ['c138.school']),
  c('D16', dayBefore(13), 'school', 'permitted', 16, 'declared', ['c138.school']),

  // C138 Art 8: artistic performances below M need an individual permit.
  c('D14', dayBefore(14), 'artistic', 'conditional', 14, 'declared', ['c138.artistic'], { conditions: ['artistic-individual-permit'] }),
  c('D14', onBirthday(14), 'artistic', 'permitted', 14, 'declared', ['c138.artistic']),
  c('D15', onBirthday(8), 'artistic', 'conditional', 15, 'declared', ['c138.artistic'], { citations: ['C138 Art 8(1)'] }),
  c('D15', onBirthday(15), 'artistic', 'permitted', 15, 'declared', ['c138.artistic']),
  c('D16', dayBefore(16), 'artistic', 'conditional', 16, 'declared', ['c138.artistic']),
  c('D16', onBirthday(16), 'artistic', 'permitted', 16, 'declared', ['c138.artistic']),

  // Hazardous work: C138 Art 3, C182 Art 3(d) and Art 4.
  c('D15', dayBefore(16), 'hazardous', 'worst_form', 15, 'declared', ['c138.hazardous-work', 'c182.hazardous-work'], {
    citations: ['C138 Art 3(1)', 'C182 Art 3(d)'],
  }),
  c('D15', onBirthday(16), 'hazardous', 'conditional', 15, 'declared', ['c138.hazardous-work'], {
    conditions: ['hazardous-authorised-by-law', 'hazardous-full-protection', 'hazardous-specific-instruction'],
    citations: ['C138 Art 3(3)'],
  }),
  c('D15', dayBefore(18), 'hazardous', 'conditional', 15, 'declared', ['c138.hazardous-work']),
  c('D15', onBirthday(18), 'hazardous', 'permitted', 15, 'declared', ['c138.hazardous-work']),
  c('HAZ18', onBirthday(16), 'hazardous', 'worst_form', 15, 'declared', [
    'c138.hazardous-work',
    'c182.hazardous-work',
    'national.hazardous-minimum-age',
  ]),
  // A national age without a recorded provision is cited by its source, never as a Convention article.
  c('HAZ18', dayBefore(18), 'hazardous', 'worst_form', 15, 'declared', ['c182.hazardous-work', 'national.hazardous-minimum-age'], {
    citations: ['national law (TEST)'],
  }),
  c('HAZ18', onBirthday(18), 'hazardous', 'permitted', 15, 'declared', ['c138.hazardous-work']),
  c('HAZ16', dayBefore(16), 'hazardous', 'worst_form', 15, 'declared', ['c182.hazardous-work', 'national.hazardous-minimum-age']),
  c('HAZ16', onBirthday(16), 'hazardous', 'conditional', 15, 'declared', ['c138.hazardous-work'], {
    conditions: ['hazardous-full-protection', 'hazardous-specific-instruction'],
  }),
  c('HAZ19', onBirthday(18), 'hazardous', 'prohibited', 15, 'declared', ['c138.hazardous-work', 'national.hazardous-minimum-age']),
  c('HAZ19', onBirthday(19), 'hazardous', 'permitted', 15, 'declared', ['c138.hazardous-work']),

  // C182 Art 3(a)-(c): worst forms for everyone under 18 (Art 2). From 18 slavery is still forced
  // labour (C029 Art 1(1), 2(1)); the other two are not child labour but governed by other law.
  c('D15', dayBefore(18), 'slavery', 'worst_form', 15, 'declared', ['c182.slavery'], { citations: ['C182 Art 3(a)'] }),
  c('D15', onBirthday(18), 'slavery', 'prohibited', 15, 'declared', ['c029.forced-labour'], { citations: ['C029 Art 1(1)'] }),
  c('D16', dayBefore(18), 'sexual_exploitation', 'worst_form', 16, 'declared', ['c182.sexual-exploitation'], {
    citations: ['C182 Art 3(b)'],
  }),
  c('D16', onBirthday(18), 'sexual_exploitation', 'other_law', 16, 'declared', ['c182.sexual-exploitation'], { citations: ['C182 Art 2'] }),
  c('D14', dayBefore(18), 'illicit', 'worst_form', 14, 'declared', ['c182.illicit-activities'], { citations: ['C182 Art 3(c)'] }),
  c('D14', onBirthday(18), 'illicit', 'other_law', 14, 'declared', ['c182.illicit-activities']),
  c('NO_C182', onBirthday(10), 'slavery', 'worst_form', 15, 'declared', ['c182.slavery', 'c182.not-bound'], {
    citations: ['C182 Art 10(1)'],
  }),

  // C138 not ratified: national law, else the Art 2(3) floor of 15; C138 does not bind (Art 12(1)).
  c('NR', dayBefore(15), 'regular', 'prohibited', 15, 'baseline', ['c138.minimum-age', 'c138.not-bound'], {
    citations: ['C138 Art 2(3)', 'C138 Art 12(1)'],
  }),
  c('NR', onBirthday(15), 'regular', 'permitted', 15, 'baseline', ['c138.minimum-age', 'c138.not-bound']),
  c('NR', onBirthday(13), 'light', 'conditional', 15, 'baseline', ['c138.light-work', 'c138.not-bound']),
  c('NR14', dayBefore(14), 'regular', 'prohibited', 14, 'national', ['c138.minimum-age', 'c138.not-bound']),
  c('NR14', onBirthday(14), 'regular', 'permitted', 14, 'national', ['c138.minimum-age']),
  c('NR14', onBirthday(12), 'light', 'conditional', 14, 'national', ['c138.light-work']),

  // Ratified, declaration not recorded: try 14, 15 and 16; never assume one.
  c('UNREC', dayBefore(14), 'regular', 'prohibited', null, 'unknown', ['c138.declaration-unrecorded', 'c138.minimum-age']),
  c('UNREC', onBirthday(14), 'regular', 'prohibited', null, 'unknown', ['c138.declaration-unrecorded', 'c138.minimum-age'], {
    uncertain: true,
  }),
  c('UNREC', dayBefore(16), 'regular', 'prohibited', null, 'unknown', ['c138.declaration-unrecorded'], { uncertain: true }),
  c('UNREC', onBirthday(16), 'regular', 'permitted', null, 'unknown', ['c138.declaration-unrecorded', 'c138.minimum-age']),
  c('UNREC', dayBefore(12), 'light', 'prohibited', null, 'unknown', ['c138.light-work']),
  c('UNREC', onBirthday(12), 'light', 'prohibited', null, 'unknown', ['c138.light-work'], { uncertain: true }),
  c('UNREC', onBirthday(13), 'light', 'conditional', null, 'unknown', ['c138.light-work'], { conditions: ['light-not-harmful'] }),
  c('UNREC', dayBefore(16), 'artistic', 'conditional', null, 'unknown', ['c138.artistic'], {
    uncertain: true,
    conditions: ['artistic-permit-limits'],
  }),
  c('UNREC', dayBefore(16), 'hazardous', 'worst_form', null, 'unknown', ['c182.hazardous-work']),
  c('UNREC', onBirthday(14), 'training', 'conditional', null, 'unknown', ['c138.training'], { uncertain: true }),
  c('UNREC_NAT16', dayBefore(16), 'regular', 'prohibited', 16, 'national', ['c138.minimum-age', 'c138.declaration-unrecorded']),
  c('UNREC_NAT16', onBirthday(16), 'regular', 'permitted', 16, 'national', ['c138.minimum-age']),
  c('UNREC_NAT12', onBirthday(13), 'regular', 'prohibited', null, 'unknown', ['c138.declaration-unrecorded', 'c138.minimum-age'], {
    citations: ['C138 Art 2(4)'],
  }),

  // National law above the declaration raises M; below it, the declaration governs (shortfall).
  c('ABOVE', dayBefore(16), 'regular', 'prohibited', 16, 'national', ['c138.minimum-age']),
  c('ABOVE', onBirthday(16), 'regular', 'permitted', 16, 'national', ['c138.minimum-age']),
  c('ABOVE', onBirthday(13), 'light', 'conditional', 16, 'national', ['c138.light-work']),
  c('BELOW', onBirthday(15), 'regular', 'prohibited', 16, 'declared', ['c138.minimum-age', 'c138.national-shortfall'], {
    shortfall: { declared: 16, national: 15 },
  }),
  c('BELOW', onBirthday(16), 'regular', 'permitted', 16, 'declared', ['c138.national-shortfall'], {
    shortfall: { declared: 16, national: 15 },
  }),
  c('BELOW', onBirthday(17), 'slavery', 'worst_form', 16, 'declared', ['c182.slavery'], { shortfall: { declared: 16, national: 15 } }),

  // Indonesia, UU 13/2003: light work 13-15 at most 3 hours, daytime (Pasal 69); hazardous under 18 (Pasal 74).
  c('IDN', onBirthday(13), 'light', 'conditional', 15, 'declared', ['c138.light-work', 'national.light-work'], {
    hours: 3,
    night: false,
    conditions: ['national-max-hours-per-day', 'national-daytime-only', 'national-written-parental-consent', 'light-authority-determined'],
    citations: ['UU 13/2003 Pasal 69', 'UU 13/2003 Pasal 1 angka 26'],
  }),
  c('IDN', onBirthday(13), 'light', 'prohibited', 15, 'declared', ['national.light-work-hours'], { hours: 3.5 }),
  c('IDN', dayBefore(15), 'light', 'prohibited', 15, 'declared', ['national.light-work-night'], { hours: 2, night: true }),
  c('IDN', dayBefore(13), 'light', 'prohibited', 15, 'declared', ['c138.light-work', 'national.light-work']),
  // Pasal 69's "13 sampai dengan 15 tahun" is read as C138 Art 7(1) is: until M (15) is reached.
  c('IDN', onBirthday(15), 'light', 'permitted', 15, 'declared', ['c138.light-work', 'national.light-work'], { hours: 3 }),
  c('IDN', onBirthday(15), 'light', 'permitted', 15, 'declared', ['c138.light-work'], { hours: 3.5 }),
  // At night, under 18: Pasal 76(1) forbids it for female workers; the sex is not stated.
  c('IDN', onBirthday(16), 'light', 'conditional', 15, 'declared', ['c138.light-work', 'national.night-work'], {
    hours: 6,
    night: true,
    conditions: ['national-night-not-female', 'night-hazard-considered'],
    citations: ['UU 13/2003 Pasal 76(1)'],
  }),
  c('IDN', dayBefore(15), 'regular', 'prohibited', 15, 'declared', ['c138.minimum-age', 'national.child', 'national.compulsory-education']),
  c('IDN', onBirthday(15), 'regular', 'permitted', 15, 'declared', ['c138.minimum-age', 'national.child']),
  c('IDN', onBirthday(17), 'hazardous', 'worst_form', 15, 'declared', ['c138.hazardous-work', 'national.hazardous-minimum-age'], {
    citations: ['UU 13/2003 Pasal 74', 'C182 Art 3(d)'],
  }),
  c('IDN', onBirthday(16), 'hazardous', 'worst_form', 15, 'declared', ['c182.hazardous-work', 'national.hazardous-minimum-age']),
  c('IDN', onBirthday(18), 'hazardous', 'permitted', 15, 'declared', ['c138.hazardous-work']),
];

function describeCase(k: Case, a: number): string {
  const extra = [k.hours === undefined ? '' : `${k.hours} h`, k.night ? 'night' : ''].filter(Boolean).join(', ');
  return `${k.state}: ${k.work} at ${a} (born ${k.born})${extra ? ` [${extra}]` : ''} → ${k.verdict}`;
}

describe('evaluate: rule table', () => {
  for (const k of CASES) {
    const a = ageOn(k.born, ON);
    assert.ok(a !== null, `bad birth date ${k.born}`);
    test(describeCase(k, a), () => {
      const input: CheckInput = { age: a, work: k.work, hoursPerDay: k.hours ?? null, night: k.night ?? null };
      const r = evaluate(S[k.state], input);
      const ids = r.reasons.map((x) => x.rule);
      assert.equal(r.verdict, k.verdict, `verdict; reasons: ${ids.join(', ')}`);
      assert.equal(r.age, a);
      assert.equal(r.minimumAge, k.minimumAge, 'minimumAge');
      assert.equal(r.minimumAgeBasis, k.basis, 'basis');
      assert.equal(r.uncertain, k.uncertain ?? false, 'uncertain');
      assert.equal(r.bindsC138, S[k.state].c138.ratified);
      assert.deepEqual(r.nationalShortfall, k.shortfall ?? null, 'nationalShortfall');
      for (const id of k.rules) assert.ok(ids.includes(id), `rule ${id} missing from ${ids.join(', ')}`);
      for (const cite of k.citations ?? [])
        assert.ok(
          r.reasons.some((x) => x.citation === cite),
          `citation ${cite} missing`,
        );
      assert.equal(r.conditions.length > 0, r.verdict === 'conditional', 'conditions listed iff conditional');
      for (const cond of k.conditions ?? []) assert.ok(r.conditions.includes(cond), `condition ${cond} missing from ${r.conditions}`);
      // Every reason reads as a sentence in both languages, with no fact left out.
      for (const reason of r.reasons) {
        for (const lang of ['en', 'id'] as const) {
          const text = renderMessage(reason, lang);
          assert.doesNotMatch(text, /\{\w+\}/, `${reason.messageKey} (${lang}) has an unfilled placeholder: ${text}`);
          if ('age' in reason.params) assert.match(text, new RegExp(`\\b${reason.params.age}\\b`));
          if ('minimumAge' in reason.params) assert.match(text, new RegExp(`\\b${reason.params.minimumAge}\\b`));
        }
      }
    });
  }
});

describe('evaluate: answers that explain themselves', () => {
  test('an uncertain answer says what each possible declaration would give', () => {
    const r = evaluate(S.UNREC, { age: 14, work: 'regular' });
    const note = r.reasons.find((x) => x.messageKey === 'note.declaration-unrecorded-differs');
    assert.ok(note);
    assert.deepEqual(note.params, { age: 14, verdictIf14: 'permitted', verdictIf15: 'prohibited', verdictIf16: 'prohibited' });
    assert.match(renderMessage(note, 'en'), /permitted if 14, prohibited if 15, prohibited if 16/);
    assert.match(renderMessage(note, 'id'), /diperbolehkan jika 14 tahun, dilarang jika 15 tahun/);
  });

  test('rules that do not depend on the declaration are listed once when it is unrecorded', () => {
    const r = evaluate(S.UNREC, { age: 15, work: 'hazardous' });
    assert.deepEqual(
      r.reasons.map((x) => x.rule),
      // The deciding rule (worst form) comes before the less severe one.
      ['c138.declaration-unrecorded', 'c182.hazardous-work', 'c138.hazardous-work'],
    );
  });

  test('an Indonesian answer cites UU 13/2003 in Indonesian drafting style', () => {
    const r = evaluate(S.IDN, { age: 13, work: 'light', hoursPerDay: 3.5 });
    const hours = r.reasons.find((x) => x.rule === 'national.light-work-hours')!;
    assert.equal(hours.citation, 'UU 13/2003 Pasal 69');
    assert.equal(
      renderMessage(hours, 'id'),
      'Usia 13 tahun: 3,5 jam sehari melebihi batas 3 jam untuk pekerjaan ringan bagi anak berusia 13–15 tahun menurut UU 13/2003 Pasal 69 (sumber UU-13-2003): dilarang.',
    );
  });

  test('input that names no age or work kind is rejected as invalid', () => {
    for (const input of [
      { age: -1, work: 'regular' },
      { age: 14.5, work: 'regular' },
      { age: Number.NaN, work: 'regular' },
      { age: 14, work: 'mining' },
      { age: 14, work: 'light', hoursPerDay: 25 },
      { age: 14, work: 'light', hoursPerDay: -1 },
    ]) {
      assert.throws(
        () => evaluate(S.D15, input as CheckInput),
        (e: unknown) => e instanceof DomainError && e.code === 'invalid',
        JSON.stringify(input),
      );
    }
    assert.throws(() => evaluate(state('BAD', true, 12), { age: 14, work: 'regular' }), DomainError);
  });
});
