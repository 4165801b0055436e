import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MemberState } from '../../domain/country.ts';
import { type CompleteList, countryCoverage, instrumentCoverage } from '../../domain/coverage.ts';
import type { Instrument } from '../../domain/instrument.ts';
import type { CountryProfile, InstrumentDetail, RatificationView } from '../../services/registry-service.ts';
import { createView } from '../views/view.ts';
import { renderCountryProfile } from './country-profile.ts';
import { renderError } from './error.ts';
import { renderInstrument } from './instrument-detail.ts';
import { parseInstrumentListQuery, renderInstrumentList } from './instruments-list.ts';

function instrument(overrides: Partial<Instrument> = {}): Instrument {
  return {
    code: 'C138',
    type: 'convention',
    number: 138,
    titleEn: 'Minimum Age Convention, 1973',
    titleId: 'Konvensi ILO mengenai Usia Minimum untuk Diperbolehkan Bekerja',
    titleIdKind: 'official',
    titleIdSource: null,
    titleIdAct: 'Undang-Undang Nomor 20 Tahun 1999',
    adoptionDate: '1973-06-26',
    ilcSession: 58,
    entryIntoForce: '1976-06-19',
    status: 'up-to-date',
    category: 'fundamental',
    subjects: ['child-labour'],
    revises: [],
    ratificationEifMonths: 12,
    ratificationEifArticle: 'C138 Art 12(3)',
    verifiedFields: [],
    publishedCount: { count: 176, asOf: '2023-07', source: 'WP-C138', confidence: 'high', notes: null },
    source: 'WP-C138',
    confidence: 'high',
    notes: null,
    ...overrides,
  };
}

const indonesia: MemberState = {
  iso3: 'IDN',
  iso2: 'ID',
  nameEn: 'Indonesia',
  nameId: 'Indonesia',
  region: 'Asia and the Pacific',
  membershipDate: '1950-05-12',
  membershipNote: null,
  source: 'WP-ILO-MEMBERS',
  confidence: 'medium',
  notes: null,
};

function ratification(overrides: Partial<RatificationView> = {}): RatificationView {
  return {
    country: 'IDN',
    instrument: 'C138',
    registrationDate: '1999-06-07',
    status: 'in_force',
    legalAct: null,
    nationalTitle: null,
    declarations: [],
    source: 'X',
    confidence: 'medium',
    notes: null,
    entryIntoForce: '2000-06-07',
    entryIntoForceRule: 'C138 Art 12(3)',
    minimumAge: null,
    countryRef: { iso3: 'IDN', iso2: 'ID', nameEn: 'Indonesia', nameId: 'Indonesia' },
    instrumentRef: { code: 'C138', titleEn: 'Minimum Age Convention, 1973', titleId: null, titleIdKind: null },
    ...overrides,
  };
}

/** The lists the reference data shows complete; the fixtures use the same ones. */
const COMPLETE_LISTS: CompleteList[] = [
  { scope: 'instrument', code: 'C138', source: 'WP-C138', basis: '176 rows for a published count of 176' },
  { scope: 'instrument', code: 'C182', source: 'WP-C182', basis: '187 rows for a published count of 187' },
  { scope: 'country', code: 'IDN', source: 'ILO-JAKARTA', basis: 'a total of 19 Conventions' },
];

function detail(i: Instrument, ratifications: RatificationView[] = []): InstrumentDetail {
  return {
    instrument: i,
    session: {
      number: 58,
      year: 1973,
      openingDate: '1973-06-06',
      closingDate: null,
      place: 'Geneva',
      source: null,
      confidence: 'high',
      notes: null,
    },
    revises: [],
    revisedBy: [],
    recordedRatifications: ratifications.length,
    coverage: instrumentCoverage(i, ratifications.length, COMPLETE_LISTS),
    ratifications,
    sources: [{ id: 'WP-C138', description: null }],
  };
}

const en = (path = '/') => createView('en', path, '');
const id = (path = '/') => createView('id', path, '');

describe('instrument page', () => {
  test('should render a <script> in a title as text', () => {
    const out = renderInstrument(en(), detail(instrument({ titleEn: '<script>alert(1)</script>' })));
    assert.ok(!out.includes('<script>alert(1)</script>'));
    assert.ok(out.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  test('should show the title in both languages with the official act, and the session', () => {
    const out = renderInstrument(en(), detail(instrument()));
    assert.match(out, /<h1>C138: Minimum Age Convention, 1973<\/h1>/);
    assert.match(out, /Konvensi ILO mengenai Usia Minimum untuk Diperbolehkan Bekerja/);
    assert.match(out, /official title \(Undang-Undang Nomor 20 Tahun 1999\)/);
    assert.match(out, /26 June 1973/);
    assert.match(out, /58th Session, Geneva, 1973/);
    assert.match(out, /<html lang="en">/);
    assert.equal(out.match(/<h1>/g)?.length, 1);
  });

  test('should say unknown facts in words and mark low confidence as unverified', () => {
    const i = instrument({
      adoptionDate: null,
      status: null,
      category: null,
      entryIntoForce: '1921',
      confidence: 'low',
      ilcSession: null,
      publishedCount: null,
      titleId: null,
    });
    const out = renderInstrument(en(), detail(i));
    assert.match(out, /date not recorded/);
    assert.match(out, /status not recorded/);
    assert.match(out, /category not recorded/);
    assert.match(out, /session not recorded/);
    assert.match(out, /not found in the sources/);
    assert.match(out, /no Indonesian title recorded/);
    assert.match(out, /1921<\/time> <span class="note">\(year only\)<\/span>/);
    assert.match(out, /class="badge badge-unverified" title="[^"]+">unverified</);
  });

  test('should mark an English fallback title on the Indonesian page', () => {
    const out = renderInstrument(
      id(),
      detail(instrument({ code: 'C001', titleEn: 'Hours of Work (Industry) Convention, 1919', titleId: null })),
    );
    assert.match(
      out,
      /<span lang="en">Hours of Work \(Industry\) Convention, 1919<\/span> <span class="note">\(bahasa Inggris; belum ada judul bahasa Indonesia\)<\/span>/,
    );
    assert.match(out, /<html lang="id">/);
  });

  test('should list ratifications with unknowns in words and the declared age', () => {
    const rows = [
      ratification({
        minimumAge: {
          kind: 'minimum_age',
          article: 'C138 Art 2(1)',
          value: 15,
          date: '1999',
          source: null,
          confidence: 'low',
          notes: null,
        },
      }),
      ratification({
        country: 'AAA',
        countryRef: { iso3: 'AAA', iso2: 'AA', nameEn: 'Aland', nameId: 'Aland' },
        registrationDate: null,
        entryIntoForce: null,
        status: null,
        confidence: null,
      }),
    ];
    const out = renderInstrument(id(), detail(instrument(), rows));
    assert.match(out, /15 tahun<\/td>|15 tahun <span class="badge badge-unverified"/);
    assert.match(out, /tidak dapat dihitung: tanggal registrasi tidak tercatat/);
    assert.match(out, /status tidak tercatat/);
    assert.match(out, /belum dinilai/);
    assert.match(out, /tidak tercatat/);
    assert.match(out, /menurut C138 Pasal 12\(3\)/);
    assert.ok(out.indexOf('/id/countries/AAA') < out.indexOf('/id/countries/IDN'), 'rows sorted by name');
  });
});

describe('country profile', () => {
  const profile = (ratifications: RatificationView[]): CountryProfile => {
    const c138 = ratifications.find((r) => r.instrument === 'C138') ?? null;
    const c182 = ratifications.find((r) => r.instrument === 'C182') ?? null;
    return {
      country: indonesia,
      coverage: countryCoverage('IDN', ratifications.length, COMPLETE_LISTS),
      ratifications,
      childLabour: {
        c138: { ratified: c138 !== null, ratification: c138, minimumAge: c138?.minimumAge?.value ?? null },
        c182: { ratified: c182 !== null, ratification: c182 },
      },
      sources: [],
    };
  };

  test('should say when nothing is recorded for the child-labour Conventions', () => {
    const out = renderCountryProfile(en('/countries/IDN'), profile([]));
    assert.match(out, /Declared minimum age \(C138 Art 2\(1\)\)<\/dt>\s*<dd><span class="unknown">not recorded<\/span>/);
    assert.equal(out.match(/no ratification recorded/g)?.length, 2);
    assert.match(out, /No source recorded\./);
  });

  test('should show the declared age, the dates and the national facts', () => {
    const c138 = ratification({
      registrationDate: '1999',
      entryIntoForce: '2000',
      legalAct: 'Undang-Undang Nomor 20 Tahun 1999',
      minimumAge: {
        kind: 'minimum_age',
        article: 'C138 Art 2(1)',
        value: 15,
        date: '1999',
        source: null,
        confidence: 'medium',
        notes: null,
      },
    });
    const c182 = ratification({
      instrument: 'C182',
      registrationDate: '2000-03-28',
      entryIntoForce: '2001-03-28',
      entryIntoForceRule: 'C182 Art 10(3)',
    });
    const out = renderCountryProfile(id('/countries/IDN'), profile([c138, c182]));
    assert.match(out, /Usia minimum yang dideklarasikan \(C138 Pasal 2\(1\)\)<\/dt>\s*<dd><strong>15 tahun<\/strong>/);
    assert.match(out, /28 Maret 2000/);
    assert.match(out, /1999<\/time> <span class="note">\(tahun saja\)<\/span>/);
    assert.match(out, /Undang-Undang Nomor 20 Tahun 1999/);
  });
});

describe('instrument list', () => {
  test('should accept empty form fields as no filter', () => {
    const parsed = parseInstrumentListQuery(en(), new URLSearchParams('type=&status=&category=&subject=&q=&page='), ['child-labour']);
    assert.deepEqual(parsed, { ok: true, value: { filter: {}, page: 1 } });
  });

  test('should reject unknown values with a message naming the allowed ones', () => {
    const parsed = parseInstrumentListQuery(en(), new URLSearchParams('type=treaty&subject=cats&page=0'), ['child-labour']);
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.match(parsed.message, /The Type “treaty” is not known\. Choose one of: convention, protocol, recommendation\./);
    assert.match(parsed.message, /Subject “cats”/);
    assert.match(parsed.message, /page number/);
  });

  test('should render labelled filters and a captioned table', () => {
    const item = { ...instrument({ confidence: 'low' }), recordedRatifications: 176, coverage: null };
    const out = renderInstrumentList(
      id('/instruments'),
      { filter: { type: 'convention' }, page: 1 },
      { items: [item], total: 1, page: 1, pageSize: 50 },
      ['child-labour'],
    );
    for (const field of ['type', 'status', 'category', 'subject', 'q']) assert.match(out, new RegExp(`<label for="f-${field}">`));
    assert.match(out, /<option value="convention" selected>Konvensi<\/option>/);
    assert.match(out, /<caption id="instruments-caption">Instrumen 1–1 dari 1<\/caption>/);
    assert.match(out, /<th scope="col">Kode<\/th>/);
    assert.match(out, /belum terverifikasi/);
  });
});

describe('error page', () => {
  test('should never show the detail of a server error', () => {
    const out = renderError(en(), { status: 500, detail: 'SQLITE_BUSY at /srv/x.ts:12' });
    assert.ok(!out.includes('SQLITE_BUSY'));
    assert.match(out, /Something went wrong/);
    assert.match(out, /href="\/en\/"/);
  });

  test('should show a client error in the page language', () => {
    const out = renderError(id(), { status: 404, detail: null });
    assert.match(out, /Halaman tidak ditemukan/);
    assert.match(out, /Ke beranda/);
  });
});
