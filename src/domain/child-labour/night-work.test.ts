import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import profiles from '../../../data/national-profiles.json' with { type: 'json' };
import { type CheckInput, type CountryFacts, evaluate, type NationalProfile, renderMessage, type WorkKind } from './index.ts';

const IDN_PROFILE = (profiles as unknown as NationalProfile[]).find((p) => p.iso3 === 'IDN')!;
const IDN: CountryFacts = { iso3: 'IDN', c138: { ratified: true, declaredAge: 15 }, c182: { ratified: true }, profile: IDN_PROFILE };
/** Declared 15, no national profile: no national night rule. */
const PLAIN: CountryFacts = { iso3: 'PLN', c138: { ratified: true, declaredAge: 15 }, c182: { ratified: true }, profile: null };

const night = (age: number, work: WorkKind, sex?: CheckInput['sex']): CheckInput => ({ age, work, night: true, sex: sex ?? null });

describe('night work under 18 (item 3)', () => {
  test('the Indonesian profile holds UU 13/2003 Pasal 76(1) as a structured fact', () => {
    assert.deepEqual(IDN_PROFILE.nightWork, {
      underAge: 18,
      sex: 'female',
      from: '23:00',
      to: '07:00',
      source: 'UU-13-2003',
      citation: 'UU 13/2003 Pasal 76(1)',
    });
  });

  test('Indonesia, a female worker of 16 at night: prohibited under Pasal 76(1), for every kind of C138 work', () => {
    for (const work of ['regular', 'light', 'training', 'artistic'] as const) {
      const r = evaluate(IDN, night(16, work, 'female'));
      assert.equal(r.verdict, 'prohibited', work);
      assert.equal(r.reasons[0]?.citation, 'UU 13/2003 Pasal 76(1)', `${work}: the deciding reason first`);
      assert.match(renderMessage(r.reasons[0]!, 'en'), /female workers under 18 between 23:00 and 07:00/);
      assert.match(
        renderMessage(r.reasons[0]!, 'id'),
        /pekerja perempuan yang berumur kurang dari 18 tahun antara pukul 23\.00 sampai dengan pukul 07\.00/,
      );
    }
  });

  test('Indonesia, sex not stated: conditional, saying it is prohibited if the worker is female', () => {
    const r = evaluate(IDN, night(16, 'regular'));
    assert.equal(r.verdict, 'conditional');
    assert.deepEqual(r.conditions, ['national-night-not-female', 'night-hazard-considered']);
    assert.equal(r.reasons[0]?.messageKey, 'night-work.national-sex-unknown');
    assert.match(renderMessage(r.reasons[0]!, 'en'), /if the worker is one of them, this night work is prohibited/);
  });

  test('Indonesia, a male worker: the national rule does not cover him; the R190 condition applies', () => {
    const r = evaluate(IDN, night(17, 'regular', 'male'));
    assert.equal(r.verdict, 'conditional');
    assert.deepEqual(r.conditions, ['night-hazard-considered']);
    assert.equal(r.reasons[0]?.citation, 'R190 Para 3(e)');
    assert.equal(r.reasons[0]?.messageKey, 'night-work.national-other-sex');
  });

  test('no national night rule: conditional on R190 Para 3(e), never silently ignored', () => {
    for (const work of ['regular', 'light', 'hazardous', 'training', 'artistic'] as const) {
      const r = evaluate(PLAIN, night(17, work, 'female'));
      assert.ok(
        r.reasons.some((x) => x.citation === 'R190 Para 3(e)' && x.verdict === 'conditional'),
        `${work}: ${r.reasons.map((x) => x.citation)}`,
      );
    }
    assert.equal(evaluate(PLAIN, night(16, 'regular')).verdict, 'conditional');
    assert.equal(evaluate(PLAIN, { age: 16, work: 'regular', night: false }).verdict, 'permitted');
  });

  test('from 18, and for work in a school, the night flag changes nothing', () => {
    assert.equal(evaluate(IDN, night(18, 'regular', 'female')).verdict, 'permitted');
    assert.equal(evaluate(PLAIN, night(18, 'light')).verdict, 'permitted');
    assert.equal(evaluate(IDN, night(16, 'school', 'female')).verdict, 'permitted');
  });

  test('a sex that is not female or male is refused', () => {
    assert.throws(() => evaluate(IDN, { age: 16, work: 'regular', sex: 'x' as never }), /sex must be one of female, male/);
  });
});
