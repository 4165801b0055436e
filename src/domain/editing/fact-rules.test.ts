import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDenunciationFacts, checkProfileAges, checkRatificationFacts, FACT_RULES } from './fact-rules.ts';

const base = {
  country: 'HRV',
  instrument: 'C182',
  adoptionDate: '1999-06-17',
  membershipDate: '1992-06-30',
  today: '2026-11-27',
};
const rules = (issues: { field: string; rule?: string }[]) => issues.map((i) => `${i.field} ${i.rule}`);

describe('checkRatificationFacts', () => {
  test('refuses a registration after today, and one before the adoption, naming the rule', () => {
    assert.deepEqual(rules(checkRatificationFacts({ ...base, registrationDate: '2026-11-28' }).errors), [
      `registrationDate ${FACT_RULES.registrationInFuture}`,
    ]);
    assert.deepEqual(rules(checkRatificationFacts({ ...base, registrationDate: '1999-06-16' }).errors), [
      `registrationDate ${FACT_RULES.registrationBeforeAdoption}`,
    ]);
    assert.deepEqual(rules(checkRatificationFacts({ ...base, registrationDate: '1998', registrationField: 'registration_date' }).errors), [
      `registration_date ${FACT_RULES.registrationBeforeAdoption}`,
    ]);
  });

  test('accepts a date that may be on or after the limit, and today itself', () => {
    for (const registrationDate of ['1999', '1999-06', '1999-06-17', '2026', '2026-11', '2026-11-27', null]) {
      const found = checkRatificationFacts({ ...base, registrationDate });
      assert.deepEqual(found.errors, [], String(registrationDate));
    }
  });

  test('warns, without refusing, when the State was not yet a member', () => {
    const found = checkRatificationFacts({ ...base, instrument: 'C138', adoptionDate: '1973-06-26', registrationDate: '1991-10-08' });
    assert.deepEqual(found.errors, []);
    assert.deepEqual(rules(found.warnings), [`registrationDate ${FACT_RULES.registrationBeforeMembership}`]);
    assert.deepEqual(checkRatificationFacts({ ...base, registrationDate: '1992' }).warnings, [], 'the year of admission may be after it');
    assert.deepEqual(checkRatificationFacts({ ...base, membershipDate: null, registrationDate: '2000' }).warnings, []);
  });

  test('refuses a declaration dated after today', () => {
    const found = checkRatificationFacts({
      ...base,
      registrationDate: null,
      declarationDates: [{ field: 'minimumAge.date', date: '2027' }],
    });
    assert.deepEqual(rules(found.errors), [`minimumAge.date ${FACT_RULES.registrationInFuture}`]);
  });
});

describe('checkDenunciationFacts', () => {
  test('refuses a denunciation before the ratification or after today', () => {
    assert.deepEqual(rules(checkDenunciationFacts({ date: '2001-06-27', registrationDate: '2001-06-28', today: base.today })), [
      `date ${FACT_RULES.denunciationBeforeRatification}`,
    ]);
    assert.deepEqual(rules(checkDenunciationFacts({ date: '2027-01-01', registrationDate: '2001', today: base.today })), [
      `date ${FACT_RULES.registrationInFuture}`,
    ]);
  });

  test('accepts one that may follow it, or when the ratification date is unknown', () => {
    assert.deepEqual(checkDenunciationFacts({ date: '1998-03-01', registrationDate: '1998', today: base.today }), []);
    assert.deepEqual(checkDenunciationFacts({ date: '1950-01-01', registrationDate: null, today: base.today }), []);
  });
});

describe('checkProfileAges', () => {
  test('refuses a hazardous-work age below 16 or below the general minimum age', () => {
    assert.deepEqual(rules(checkProfileAges({ general: 14, hazardous: 15, changed: 'hazardousMinimumAge' })), [
      `hazardousMinimumAge ${FACT_RULES.hazardousBelow16}`,
    ]);
    assert.deepEqual(rules(checkProfileAges({ general: 17, hazardous: 16, changed: 'generalMinimumAge' })), [
      `generalMinimumAge ${FACT_RULES.hazardousBelowGeneral}`,
    ]);
    assert.deepEqual(rules(checkProfileAges({ general: 16, hazardous: 15, changed: 'hazardousMinimumAge' })), [
      `hazardousMinimumAge ${FACT_RULES.hazardousBelow16}`,
      `hazardousMinimumAge ${FACT_RULES.hazardousBelowGeneral}`,
    ]);
  });

  test('accepts 16 and above when not below the general age, and unknown ages', () => {
    assert.deepEqual(checkProfileAges({ general: 16, hazardous: 16, changed: 'hazardousMinimumAge' }), []);
    assert.deepEqual(checkProfileAges({ general: null, hazardous: 18, changed: 'hazardousMinimumAge' }), []);
    assert.deepEqual(checkProfileAges({ general: 15, hazardous: null, changed: 'generalMinimumAge' }), []);
  });
});
