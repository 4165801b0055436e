import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VERDICTS, WORK_KINDS } from '../../domain/child-labour/index.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import type { CheckAnswer } from '../../services/compliance-service.ts';
import { en as enDict } from '../i18n/en.ts';
import { id as idDict } from '../i18n/id.ts';
import { createView } from '../views/view.ts';
import { CHECK_FIELD_IDS, checkErrors, parseCheckForm, renderComplianceCheck } from './compliance-check.ts';
import { renderComplianceScreen, SCREEN_FIELD_IDS } from './compliance-screen.ts';

const TODAY = '2026-11-27';
const en = (path = '/compliance/check', search = '') => createView('en', path, search);
const id = (path = '/compliance/check', search = '') => createView('id', path, search);

const COUNTRIES = [
  { iso3: 'IDN', nameEn: 'Indonesia', nameId: 'Indonesia' },
  { iso3: 'BRA', nameEn: 'Brazil', nameId: 'Brasil' },
  { iso3: 'XKX', nameEn: 'Kosovo <test>', nameId: null },
];

function answer(overrides: Partial<CheckAnswer> = {}): CheckAnswer {
  return {
    country: { iso3: 'IDN', nameEn: 'Indonesia', nameId: 'Indonesia' },
    verdict: 'conditional',
    age: 14,
    on: null,
    work: 'light',
    sex: null,
    minimumAge: 15,
    minimumAgeBasis: 'declared',
    uncertain: false,
    bindsC138: true,
    nationalShortfall: null,
    reasons: [
      {
        rule: 'c138.light-work',
        kind: 'rule',
        citation: 'C138 Art 7(1)',
        verdict: 'conditional',
        message: 'Light work is allowed <b>only</b> if…',
        params: {},
      },
      {
        rule: 'national.light-work',
        kind: 'rule',
        citation: 'UU 13/2003 Pasal 69',
        verdict: 'conditional',
        message: 'At most 3 hours.',
        params: {},
      },
    ],
    conditions: [{ key: 'light-not-harmful', message: 'Not harmful (C138 Art 7(1)(a)).' }],
    lang: 'en',
    ...overrides,
  };
}

const submitted = (query: string) => parseCheckForm(new URLSearchParams(query));

describe('compliance check form', () => {
  test('should count the form as sent only when it carries the kind of work', () => {
    assert.equal(submitted('country=IDN').submitted, false);
    assert.equal(submitted('country=IDN&work=').submitted, true);
  });

  test('should read numbers strictly, with a decimal comma, and hand bad text to the service as NaN', () => {
    const form = submitted('country=idn&age=14&work=light&hoursPerDay=7,5&night=yes&on=');
    assert.equal(form.values.country, 'IDN');
    assert.equal(form.request.age, 14);
    assert.equal(form.request.hoursPerDay, 7.5);
    assert.equal(form.request.night, true);
    assert.equal(form.request.on, null);
    assert.equal(form.request.birthDate, null);
    assert.ok(Number.isNaN(submitted('age=0x10&work=light').request.age));
    assert.ok(Number.isNaN(submitted('age=14&work=light&hoursPerDay=lots').request.hoursPerDay));
    assert.equal(submitted('work=light&night=').request.night, false);
  });

  test('should list the member States by name in the page language, with the prefilled one selected', () => {
    const out = renderComplianceCheck(id(), {
      countries: COUNTRIES,
      values: submitted('country=BRA').values,
      today: TODAY,
      answer: null,
      errors: [],
    });
    assert.match(out, /<option value="BRA" selected>Brasil<\/option>/);
    assert.ok(out.indexOf('>Brasil<') < out.indexOf('>Indonesia<'));
    // A name with no Indonesian form is marked as English and escaped.
    assert.match(out, /<option value="XKX" lang="en">Kosovo &lt;test&gt;<\/option>/);
    assert.match(out, /<input type="date" id="check-on" name="on" value="2026-11-27"/);
    assert.match(out, /Pekerjaan ringan \(Pasal 7 Konvensi ILO No\. 138\)/);
    assert.ok(!out.includes('class="result"'));
  });

  test('should show the verdict as a badge with words, the minimum age basis, citations and conditions', () => {
    const values = submitted('country=IDN&age=14&work=light&hoursPerDay=3').values;
    const out = renderComplianceCheck(en(), { countries: COUNTRIES, values, today: TODAY, answer: answer(), errors: [] });
    assert.match(out, /<p class="verdict verdict-conditional"><span class="verdict-icon" aria-hidden="true">!<\/span>/);
    assert.match(out, /<span class="verdict-prefix">Verdict:<\/span> conditional/);
    assert.match(out, /<a href="\/en\/instruments\/C138">C138 Art 7\(1\)<\/a>/);
    assert.match(out, /<span class="citation">UU 13\/2003 Pasal 69<\/span>/);
    assert.match(out, /<strong>15 years<\/strong>: declared by the State under C138 Art 2\(1\)/);
    assert.match(out, /Light work is allowed &lt;b&gt;only&lt;\/b&gt; if…/);
    assert.match(out, /<h3 id="conditions-heading">Conditions that must all be met<\/h3>/);
    assert.match(out, /<dt>Hours per day<\/dt><dd>3 hours<\/dd>/);
    assert.match(out, /<title>Conditional: Indonesia – Child labour check – Tripartite<\/title>/);
    assert.equal((out.match(/<h1>/g) ?? []).length, 1);
    assert.ok(!out.includes('class="warning"'));
  });

  test('should render the result in Indonesian, with citations in the Indonesian style', () => {
    const values = submitted('country=IDN&age=14&work=light&hoursPerDay=4').values;
    const a = answer({
      verdict: 'prohibited',
      lang: 'id',
      conditions: [],
      reasons: [{ rule: 'x', kind: 'rule', citation: 'C138 Art 7(1)', verdict: 'conditional', message: 'pesan', params: {} }],
    });
    const out = renderComplianceCheck(id(), { countries: COUNTRIES, values, today: TODAY, answer: a, errors: [] });
    assert.match(out, /<html lang="id">/);
    assert.match(out, /Putusan:<\/span> dilarang/);
    assert.match(out, /<a href="\/id\/instruments\/C138">Pasal 7 ayat \(1\) Konvensi ILO No\. 138<\/a>/);
    assert.match(out, /dinyatakan oleh negara berdasarkan Pasal 2 ayat \(1\)/);
    assert.ok(!out.includes('conditions-heading'), 'conditions only for a conditional verdict');
  });

  test('should warn when uncertain, say when C138 does not bind and show a national shortfall', () => {
    const values = submitted('country=IDN&birthDate=2012-03-01&on=2026-11-27&work=regular').values;
    const a = answer({
      verdict: 'worst_form',
      minimumAge: null,
      minimumAgeBasis: 'unknown',
      uncertain: true,
      bindsC138: false,
      nationalShortfall: { declared: 15, national: 14 },
      on: '2026-11-27',
    });
    const out = renderComplianceCheck(en(), { countries: COUNTRIES, values, today: TODAY, answer: a, errors: [] });
    assert.match(out, /verdict-worst-form/);
    assert.match(out, /worst form of child labour/);
    assert.match(out, /class="warning"><strong>Uncertain:<\/strong>/);
    assert.match(out, /Indonesia has not ratified C138/);
    assert.match(out, /general minimum age of 14 years, below the 15 years/);
    assert.match(
      out,
      /<span class="unknown">unknown: the State ratified C138 but its declaration under Art 2\(1\) is not recorded<\/span>/,
    );
    assert.match(out, /14 years on 27 November 2026 <span class="note">\(born 1 March 2012\)<\/span>/);
  });

  test('should put each error next to its field and in a summary, keep the values and answer 400-style', () => {
    const form = submitted('country=IDN&age=%22%3E%3Cscript%3E&work=light&hoursPerDay=30');
    const e = invalid('bad', [
      { field: 'hoursPerDay', message: 'x' },
      { field: 'age', message: 'y' },
      { field: 'age', message: 'z' },
    ]);
    const errors = checkErrors(en(), e, form.values, TODAY);
    assert.deepEqual(
      errors.map((x) => x.id),
      [CHECK_FIELD_IDS.age, CHECK_FIELD_IDS.hoursPerDay],
    );
    const out = renderComplianceCheck(en(), { countries: COUNTRIES, values: form.values, today: TODAY, answer: null, errors });
    assert.match(out, /<div class="error-summary" role="alert"/);
    assert.match(out, /<li><a href="#check-age">Enter the age as a whole number of years from 0 to 120\.<\/a><\/li>/);
    assert.match(out, /<p class="field-error" id="check-age-error"><span class="visually-hidden">Error:<\/span> Enter the age/);
    assert.match(
      out,
      /id="check-age" name="age" value="&quot;&gt;&lt;script&gt;"[^>]*aria-describedby="check-age-error" aria-invalid="true"/,
    );
    assert.match(out, /id="check-hours"[^>]*aria-describedby="check-hours-hint check-hours-error" aria-invalid="true"/);
    assert.match(out, /<option value="IDN" selected>/);
    assert.match(out, /<option value="light" selected>/);
    assert.match(out, /<title>Error: Child labour check/);
    assert.ok(!out.includes('<script>'));
  });

  test('should explain each age and date problem from what was typed, in both languages', () => {
    const msg = (query: string, field: string, view = en()) =>
      checkErrors(view, invalid('x', [{ field, message: 'x' }]), submitted(query).values, TODAY)[0]?.message;
    assert.equal(msg('work=light', 'age'), enDict.checkFieldAgeMissing);
    assert.equal(msg('work=light&age=3&birthDate=2012-01-01', 'age'), enDict.checkFieldAgeBoth);
    assert.equal(msg('work=light&birthDate=2012-02-30', 'birthDate'), enDict.checkFieldBirthDateInvalid);
    assert.equal(msg('work=light&birthDate=2030-01-01', 'birthDate'), enDict.checkFieldBirthDateAfter);
    assert.equal(msg('work=light&birthDate=1800-01-01', 'birthDate', id()), idDict.checkFieldBirthDateTooOld('120'));
    assert.equal(msg('work=', 'work', id()), idDict.checkFieldWorkMissing);
    assert.equal(msg('work=mining', 'work'), enDict.checkFieldWorkInvalid('mining'));
    assert.equal(msg('work=light', 'country'), enDict.checkFieldCountryMissing);
  });

  test('should put an unknown State next to the country field', () => {
    const form = submitted('country=XYZ&age=14&work=light');
    const errors = checkErrors(id(), notFound('No ILO member State'), form.values, TODAY);
    assert.deepEqual(errors, [{ id: 'check-country', message: idDict.checkFieldCountryUnknown('XYZ') }]);
  });
});

describe('screening page', () => {
  const view = (lang: 'en' | 'id') => createView(lang, '/compliance/screen', '');

  test('should render a multipart form with a CSRF placeholder, a file input and the date', () => {
    const out = renderComplianceScreen(view('en'), { on: TODAY, errors: [] });
    assert.match(
      out,
      /<form class="screen-form" id="screen-form" method="post" action="\/en\/compliance\/screen" enctype="multipart\/form-data"/,
    );
    assert.match(out, /<input type="hidden" name="_csrf" value="">/);
    assert.match(
      out,
      /<input type="file" id="screen-file" name="file" accept=".csv,.gz,text\/csv,application\/gzip" aria-describedby="screen-file-hint">/,
    );
    assert.match(out, /<input type="date" id="screen-on" name="on" value="2026-11-27"/);
    assert.match(out, /<progress id="screen-progress" max="100" value="0"><\/progress>/);
    assert.match(out, /<p class="status" id="screen-status" role="status"><\/p>/);
    assert.match(out, /<script src="\/static\/screen-upload\.js\?v=[0-9a-f]{12}" defer><\/script>/);
    assert.match(out, /href="\/static\/screening-example\.csv" download/);
    for (const column of ['worker_id', 'country', 'birth_date', 'work', 'hours_per_day', 'night'])
      assert.match(out, new RegExp(`<code>${column}</code>`));
    assert.equal((out.match(/<h1>/g) ?? []).length, 1);
  });

  test('should hand the script its texts as escaped JSON in the page language', () => {
    const out = renderComplianceScreen(view('id'), { on: TODAY, errors: [] });
    const attr = /data-messages="([^"]*)"/.exec(out)?.[1] ?? '';
    assert.ok(!attr.includes('"'));
    const messages = JSON.parse(
      attr
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    );
    assert.equal(messages.verdicts.worst_form, 'bentuk pekerjaan terburuk untuk anak');
    assert.equal(messages.done, idDict.screenScript.done);
  });

  test('should show errors next to the fields, with the English detail marked', () => {
    const out = renderComplianceScreen(view('id'), {
      on: '<x>',
      errors: [{ id: SCREEN_FIELD_IDS.file, message: idDict.screenFileEmpty }],
      detail: 'the input is empty: <expected> a CSV header line',
      csrfToken: 'tok"en',
    });
    assert.match(out, /<h2 id="error-summary-title">Ada yang perlu diperbaiki<\/h2>/);
    assert.match(out, /<li><a href="#screen-file">Berkas itu kosong\./);
    assert.match(out, /aria-describedby="screen-file-hint screen-file-detail screen-file-error" aria-invalid="true"/);
    assert.match(out, /Rincian: <span lang="en">the input is empty: &lt;expected&gt; a CSV header line<\/span>/);
    assert.match(out, /value="&lt;x&gt;"/);
    assert.match(out, /name="_csrf" value="tok&quot;en"/);
    assert.match(out, /<title>Kesalahan: Periksa daftar pekerja/);
  });
});

describe('compliance texts', () => {
  test('should name every verdict and kind of work in both languages', () => {
    for (const dict of [enDict, idDict]) {
      assert.deepEqual(Object.keys(dict.verdict).sort(), [...VERDICTS].sort());
      assert.deepEqual(Object.keys(dict.work).sort(), [...WORK_KINDS].sort());
    }
    assert.deepEqual(
      [idDict.verdict.permitted, idDict.verdict.conditional, idDict.verdict.prohibited, idDict.verdict.worst_form],
      ['diperbolehkan', 'bersyarat', 'dilarang', 'bentuk pekerjaan terburuk untuk anak'],
    );
  });
});
