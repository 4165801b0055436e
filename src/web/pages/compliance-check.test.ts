import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { invalid } from '../../domain/errors.ts';
import type { CheckAnswer } from '../../services/compliance-service.ts';
import { createView } from '../views/view.ts';
import { checkErrors, citationHtml, parseCheckForm, renderComplianceCheck } from './compliance-check.ts';

/* The check form's optional sex input and how notes are shown (issue 8 items 3 and 5). */

const TODAY = '2026-11-27';
const COUNTRIES = [{ iso3: 'IDN', nameEn: 'Indonesia', nameId: 'Indonesia' }];
const view = (lang: 'en' | 'id') => createView(lang, '/compliance/check', '');
const form = (query: string) => parseCheckForm(new URLSearchParams(query));

function answer(overrides: Partial<CheckAnswer> = {}): CheckAnswer {
  return {
    country: { iso3: 'IDN', nameEn: 'Indonesia', nameId: 'Indonesia' },
    verdict: 'prohibited',
    age: 16,
    on: null,
    work: 'regular',
    sex: 'female',
    minimumAge: 15,
    minimumAgeBasis: 'declared',
    uncertain: false,
    bindsC138: true,
    nationalShortfall: null,
    reasons: [
      {
        rule: 'national.night-work',
        kind: 'rule',
        citation: 'UU 13/2003 Pasal 76(1)',
        verdict: 'prohibited',
        message: 'Night.',
        params: {},
      },
      { rule: 'c138.minimum-age', kind: 'rule', citation: 'C138 Art 2(1)', verdict: 'permitted', message: 'Age.', params: {} },
      {
        rule: 'national.child',
        kind: 'note',
        citation: 'UU 13/2003 Pasal 1 angka 26',
        verdict: 'permitted',
        message: 'A child.',
        params: {},
      },
    ],
    conditions: [],
    lang: 'en',
    ...overrides,
  };
}

describe('compliance check: sex of the worker', () => {
  test('should read the sex as given, and leave it null when not stated', () => {
    assert.equal(form('country=IDN&age=16&work=regular&sex=female').request.sex, 'female');
    assert.equal(form('country=IDN&age=16&work=regular&sex=').request.sex, null);
    assert.equal(form('country=IDN&age=16&work=regular').request.sex, null);
    // Anything else goes to the service, which refuses it with a field error.
    assert.equal(form('country=IDN&age=16&work=regular&sex=x').request.sex, 'x');
  });

  test('should offer an optional select, "not stated" by default, in both languages', () => {
    const en = renderComplianceCheck(view('en'), {
      countries: COUNTRIES,
      values: form('country=IDN').values,
      today: TODAY,
      answer: null,
      errors: [],
    });
    assert.match(en, /<label for="check-sex">Sex of the worker <span class="optional">\(optional\)<\/span><\/label>/);
    assert.match(en, /<select id="check-sex" name="sex" aria-describedby="check-sex-hint">\n<option value="">not stated<\/option>/);
    const id = renderComplianceCheck(view('id'), {
      countries: COUNTRIES,
      values: form('country=IDN&work=&sex=male').values,
      today: TODAY,
      answer: null,
      errors: [],
    });
    assert.match(id, /<option value="">tidak disebutkan<\/option>/);
    assert.match(id, /<option value="male" selected>laki-laki<\/option>/);
    assert.match(id, /<option value="female">perempuan<\/option>/);
  });

  test('should repeat the sex on the result, or say it was not stated', () => {
    const values = form('country=IDN&age=16&work=regular&night=yes&sex=female').values;
    const out = renderComplianceCheck(view('id'), {
      countries: COUNTRIES,
      values,
      today: TODAY,
      answer: answer({ lang: 'id' }),
      errors: [],
    });
    assert.match(out, /<dt>Jenis kelamin<\/dt><dd>perempuan<\/dd>/);
    const none = renderComplianceCheck(view('en'), {
      countries: COUNTRIES,
      values,
      today: TODAY,
      answer: answer({ sex: null }),
      errors: [],
    });
    assert.match(none, /<dt>Sex<\/dt><dd>not stated<\/dd>/);
  });

  test('should put a refused sex next to its field', () => {
    const values = form('country=IDN&age=16&work=regular&sex=x').values;
    const errors = checkErrors(view('en'), invalid('sex: bad', [{ field: 'sex', message: 'bad' }]), values, TODAY);
    assert.deepEqual(errors, [{ id: 'check-sex', message: 'Choose female, male or “not stated”.' }]);
  });
});

describe('compliance check: citations', () => {
  test('should link C029 and R190 citations to their instruments, written in the page language', () => {
    assert.equal(String(citationHtml(view('en'), 'R190 Para 3(e)')), '<a href="/en/instruments/R190">R190 Para 3(e)</a>');
    assert.equal(
      String(citationHtml(view('id'), 'C029 Art 1(1)')),
      '<a href="/id/instruments/C029">Pasal 1 ayat (1) Konvensi ILO No. 29</a>',
    );
    assert.equal(
      String(citationHtml(view('id'), 'national law (USDOL-SWEATTOIL-2022)')),
      '<span class="citation">hukum nasional (USDOL-SWEATTOIL-2022)</span>',
    );
  });
});

describe('compliance check: notes', () => {
  test('should mark a note as a note and never label it "permitted", in both languages', () => {
    const values = form('country=IDN&age=16&work=regular').values;
    const en = renderComplianceCheck(view('en'), { countries: COUNTRIES, values, today: TODAY, answer: answer(), errors: [] });
    assert.match(
      en,
      /<li class="reason-note"><span class="reason-citation"><span class="citation">UU 13\/2003 Pasal 1 angka 26<\/span><\/span> <span class="reason-kind">\(note\)<\/span>/,
    );
    assert.match(en, /<span class="reason-verdict">\(prohibited\)<\/span><br>Night\./);
    const id = renderComplianceCheck(view('id'), {
      countries: COUNTRIES,
      values,
      today: TODAY,
      answer: answer({ lang: 'id' }),
      errors: [],
    });
    assert.match(id, /<span class="reason-kind">\(catatan\)<\/span><br>A child\./);
    assert.doesNotMatch(id, /\(permitted\)|\(note\)/);
  });
});
