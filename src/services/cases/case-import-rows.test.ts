import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importColumns, type RowOptions, readImportRow } from './case-import-rows.ts';

const OPTIONS: RowOptions = { on: '2026-12-01', unitCountry: 'IDN', includeConditional: false, consentRecorded: false };
const HEADER = 'worker_id,country,birth_date,work,hours_per_day,night,sex,verdict,minimum_age,citations,district,name'.split(',');
const { index } = importColumns(HEADER);

function row(values: Partial<Record<string, string>>, options: Partial<RowOptions> = {}) {
  const base: Record<string, string> = {
    worker_id: 'W1',
    country: 'IDN',
    birth_date: '2012-12-02',
    work: 'hazardous',
    hours_per_day: '',
    night: '',
    sex: 'F',
    verdict: 'prohibited',
    minimum_age: '18',
    citations: 'C138 Art 3(1); UU 13/2003 Pasal 74(1); C138 Art 3(1)',
    district: 'Kabupaten Garut',
    name: 'Siti',
  };
  const merged = { ...base, ...values };
  return readImportRow(
    7,
    HEADER.map((h) => merged[h] ?? ''),
    index,
    { ...OPTIONS, ...options },
  );
}

test('the header: required columns are named when missing; case and blanks do not matter', () => {
  assert.deepEqual(importColumns(['Worker_ID ', 'verdict']).missing, ['birth_date']);
  assert.deepEqual(importColumns(HEADER).missing, []);
});

test('a prohibited row of a child becomes a case with its age on the import day, citations once each, and no name', () => {
  const outcome = row({});
  assert.equal(outcome.kind, 'case');
  if (outcome.kind !== 'case') return;
  const c = outcome.candidate;
  assert.equal(c.age, 13, 'born 2012-12-02: 13 on 2026-12-01, one day before turning 14');
  assert.deepEqual(c.citations, ['C138 Art 3(1)', 'UU 13/2003 Pasal 74(1)']);
  assert.equal(c.sex, 'female');
  assert.equal(c.district, 'Kabupaten Garut');
  assert.equal(c.identifying, null, 'no consent recorded: nothing identifying is carried');
});

test('bad rows name their line and field', () => {
  const cases: [Partial<Record<string, string>>, string][] = [
    [{ worker_id: '' }, 'worker_id'],
    [{ worker_id: 'x'.repeat(201) }, 'worker_id'],
    [{ verdict: 'maybe' }, 'verdict'],
    [{ verdict: '' }, 'verdict'],
    [{ birth_date: '2012-13-01' }, 'birth_date'],
    [{ birth_date: '2030-01-01' }, 'birth_date'],
    [{ minimum_age: 'fifteen' }, 'minimum_age'],
    [{ country: 'ID' }, 'country'],
    [{ work: 'mining' }, 'work'],
    [{ hours_per_day: '25' }, 'hours_per_day'],
    [{ night: 'sometimes' }, 'night'],
    [{ sex: 'x' }, 'sex'],
    [{ district: 'x'.repeat(121) }, 'district'],
    [{ worker_id: 'W\u00001' }, 'worker_id'],
  ];
  for (const [values, field] of cases) {
    const outcome = row(values);
    assert.equal(outcome.kind, 'bad', JSON.stringify(values));
    if (outcome.kind === 'bad') assert.deepEqual([outcome.problem.line, outcome.problem.field], [7, field], JSON.stringify(values));
  }
});

test('rows that open no case: permitted, other_law, conditional unless asked, the screener invalid, adults', () => {
  assert.deepEqual(row({ verdict: 'permitted' }), { kind: 'skip', reason: 'permitted' });
  assert.deepEqual(row({ verdict: 'other_law' }), { kind: 'skip', reason: 'other_law' });
  assert.deepEqual(row({ verdict: 'conditional' }), { kind: 'skip', reason: 'conditional' });
  assert.equal(row({ verdict: 'conditional' }, { includeConditional: true }).kind, 'case');
  assert.deepEqual(row({ verdict: 'invalid', birth_date: 'garbage' }), { kind: 'skip', reason: 'invalid' });
  assert.deepEqual(row({ birth_date: '2008-12-01' }), { kind: 'skip', reason: 'adult' }, '18 on the import day');
  assert.equal(row({ birth_date: '2008-12-02' }).kind, 'case', 'still 17');
  const noCountry = row({ country: '' });
  assert.equal(noCountry.kind === 'case' ? noCountry.candidate.country : null, 'IDN', "the unit's State");
});

test('consent: name and birth date carried only with a parent or guardian named, on or before the day', () => {
  const header = [...HEADER, 'consent_by', 'consent_relation', 'consent_on'];
  const idx = importColumns(header).index;
  const read = (by: string, relation: string, on: string) => {
    const fields = ['W1', 'IDN', '2014-01-01', 'slavery', '', '', '', 'worst_form', '18', 'C182 Art 3(a)', '', 'Siti', by, relation, on];
    const o = readImportRow(2, fields, idx, { ...OPTIONS, consentRecorded: true });
    return o.kind === 'case' ? o.candidate.identifying : 'not a case';
  };
  assert.deepEqual(read('Ibu Ani', 'parent', '2026-11-30'), {
    name: 'Siti',
    birthDate: '2014-01-01',
    consentBy: 'Ibu Ani',
    consentRelation: 'parent',
    consentOn: '2026-11-30',
  });
  assert.equal(read('', 'parent', '2026-11-30'), null);
  assert.equal(read('Pak Budi', 'neighbour', '2026-11-30'), null);
  assert.equal(read('Pak Budi', 'guardian', '2026-12-02'), null, 'not yet given');
  const fields = ['W1', 'IDN', '2014-01-01', 'slavery', '', '', '', 'worst_form', '18', '', '', 'Siti', 'Ibu Ani', 'parent', '2026-11-30'];
  const without = readImportRow(2, fields, idx, OPTIONS);
  assert.equal(without.kind === 'case' ? without.candidate.identifying : 'x', null, 'the caller did not say consent was recorded');
});
