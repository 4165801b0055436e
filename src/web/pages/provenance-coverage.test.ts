import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MemberState } from '../../domain/country.ts';
import { type CompleteList, countryCoverage, instrumentCoverage } from '../../domain/coverage.ts';
import type { Instrument } from '../../domain/instrument.ts';
import type { CountryListEntry, CountryProfile, InstrumentDetail, RatificationView } from '../../services/registry-service.ts';
import { createView, type PortalSession, type View } from '../views/view.ts';
import { renderCountryList } from './countries-list.ts';
import { renderCountryProfile } from './country-profile.ts';
import { renderInstrument } from './instrument-detail.ts';

const LISTS: CompleteList[] = [
  { scope: 'instrument', code: 'C138', source: 'WP-C138', basis: '176 rows for a published count of 176' },
  { scope: 'instrument', code: 'C182', source: 'WP-C182', basis: '187 rows for a published count of 187' },
  { scope: 'country', code: 'IDN', source: 'ILO-JAKARTA', basis: 'a total of 19 Conventions' },
];

const RESEARCH_NOTE = 'classification recalled; not read from NORMLEX page';
const ROW_NOTE = 'dump 000_4f52a7e09dc7d879.txt, commit b437b13: date read from the party table';
const SOURCE_DESCRIPTION = 'https://en.wikipedia.org/wiki/Minimum_Age_Convention,_1973 (infobox: Ratifiers 176; kiwix copy)';

const editor: PortalSession = {
  actor: { id: 7, email: 'focal@example.org', role: 'focal_point', countries: ['IDN'] },
  csrfToken: 'csrf-token',
};

const view = (lang: 'en' | 'id', path: string, session: PortalSession | null = null): View => createView(lang, path, '', session);

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
    ilcSession: null,
    entryIntoForce: '1976-06-19',
    status: 'up-to-date',
    category: 'fundamental',
    subjects: [],
    revises: [],
    ratificationEifMonths: 12,
    ratificationEifArticle: 'C138 Art 12(3)',
    verifiedFields: [],
    publishedCount: { count: 176, asOf: '2023-07', source: 'WP-C138', confidence: 'high', notes: null },
    source: 'WP-C138',
    confidence: 'high',
    notes: RESEARCH_NOTE,
    ...overrides,
  };
}

function detail(i: Instrument, shown: number): InstrumentDetail {
  return {
    instrument: i,
    session: null,
    revises: [],
    revisedBy: [],
    recordedRatifications: shown,
    coverage: instrumentCoverage(i, shown, LISTS),
    ratifications: [],
    sources: [
      { id: 'WP-C138', description: SOURCE_DESCRIPTION },
      { id: 'https://normlex.ilo.org/dyn/normlex/en/f?p=C098', description: null },
    ],
  };
}

const c098 = instrument({
  code: 'C098',
  number: 98,
  titleEn: 'Right to Organise and Collective Bargaining Convention, 1949',
  titleId: null,
  titleIdKind: null,
  titleIdAct: null,
  publishedCount: { count: 168, asOf: null, source: 'https://normlex.ilo.org/dyn/normlex/en/f?p=C098', confidence: 'medium', notes: null },
  notes: null,
});

const country = (iso3: string, nameEn: string, nameId: string): MemberState => ({
  iso3,
  iso2: iso3.slice(0, 2),
  nameEn,
  nameId,
  region: 'Americas',
  membershipDate: '1919',
  membershipNote: null,
  source: 'WP-ILO-MEMBERS',
  confidence: 'medium',
  notes: null,
});

function ratification(iso3: string, code: string): RatificationView {
  return {
    country: iso3,
    instrument: code,
    registrationDate: '2000-02-02',
    status: 'in_force',
    legalAct: null,
    nationalTitle: null,
    declarations: [],
    source: 'https://www.verdragen.nl/en/Treaty/Details/009189.html;WP-C138',
    confidence: 'high',
    notes: ROW_NOTE,
    entryIntoForce: null,
    entryIntoForceRule: null,
    minimumAge: null,
    countryRef: { iso3, iso2: iso3.slice(0, 2), nameEn: iso3, nameId: iso3 },
    instrumentRef: { code, titleEn: `Convention ${code}`, titleId: null, titleIdKind: null },
  };
}

function profile(c: MemberState, codes: string[]): CountryProfile {
  const ratifications = codes.map((code) => ratification(c.iso3, code));
  return {
    country: c,
    coverage: countryCoverage(c.iso3, ratifications.length, LISTS),
    ratifications,
    childLabour: {
      c138: { ratified: false, ratification: null, minimumAge: null },
      c182: { ratified: false, ratification: null },
    },
    sources: [{ id: 'WP-C138', description: SOURCE_DESCRIPTION }],
  };
}

const brazil = country('BRA', 'Brazil', 'Brasil');
const indonesia = country('IDN', 'Indonesia', 'Indonesia');

describe('coverage on pages', () => {
  test('should say an instrument list is partial next to its published count, in English and Indonesian', () => {
    const en = renderInstrument(view('en', '/instruments/C098'), detail(c098, 46));
    assert.match(en, /46 of 168 ratifications shown — this list is partial\./);
    assert.match(
      en,
      /Published ratification count<\/dt><dd><strong>168<\/strong> \(as of: unknown; source: <a href="https:\/\/normlex\.ilo\.org[^"]*" rel="nofollow noopener">normlex\.ilo\.org<\/a>\)/,
    );
    assert.ok(
      en.indexOf('this list is partial') < en.indexOf('Published ratification count'),
      'the coverage comes first, next to the count',
    );
    const id = renderInstrument(view('id', '/instruments/C098'), detail(c098, 46));
    assert.match(id, /46 dari 168 ratifikasi ditampilkan — daftar ini belum lengkap\./);
    assert.match(id, /per tanggal: tidak diketahui/);
  });

  test('should say a partial list without a published count has an unknown count', () => {
    const out = renderInstrument(view('en', '/instruments/C098'), detail({ ...c098, publishedCount: null }, 3));
    assert.match(out, /3 ratifications shown — this list is partial; the published count is not known\./);
  });

  test('should call the C138 list complete', () => {
    assert.match(
      renderInstrument(view('en', '/instruments/C138'), detail(instrument(), 176)),
      /All 176 ratifications are shown: this list is complete\./,
    );
    assert.match(
      renderInstrument(view('id', '/instruments/C138'), detail(instrument(), 176)),
      /Seluruh 176 ratifikasi ditampilkan: daftar ini lengkap\./,
    );
  });

  test('should say which lists of a State are complete', () => {
    const en = renderCountryProfile(view('en', '/countries/BRA'), profile(brazil, ['C081', 'C138', 'C182']));
    assert.match(en, /Complete for C138 and C182; other Conventions: partial/);
    const id = renderCountryProfile(view('id', '/countries/BRA'), profile(brazil, ['C081', 'C138', 'C182']));
    assert.match(id, /Lengkap untuk C138 dan C182; Konvensi lain: sebagian/);
    const idn = renderCountryProfile(view('id', '/countries/IDN'), profile(indonesia, ['C138', 'C182']));
    assert.match(idn, /Lengkap: seluruh 2 ratifikasi negara ini ditampilkan\./);
    assert.doesNotMatch(idn, /Konvensi lain: sebagian/);
  });

  test('should mark each State in the country list as complete or partial', () => {
    const entry = (c: MemberState, shown: number): CountryListEntry => ({
      ...c,
      recordedRatifications: shown,
      coverage: countryCoverage(c.iso3, shown, LISTS),
    });
    const en = renderCountryList(view('en', '/countries'), {}, [entry(brazil, 3), entry(indonesia, 20)]);
    assert.match(en, /3 ratifications recorded \(complete for C138 and C182 only\)/);
    assert.match(en, /20 ratifications recorded \(complete list\)/);
    assert.match(en, /Ratifications of C138 and C182 are listed in full for every State\./);
    const id = renderCountryList(view('id', '/countries'), {}, [entry(brazil, 3)]);
    assert.match(id, /3 ratifikasi tercatat \(lengkap hanya untuk C138 dan C182\)/);
  });
});

describe('provenance on pages', () => {
  test('should show the authority, the source by name and link, and the confidence in words, without the research note', () => {
    const en = renderInstrument(view('en', '/instruments/C138'), detail(instrument(), 176));
    assert.match(en, /authority: <span lang="id">Undang-Undang Nomor 20 Tahun 1999<\/span>/);
    assert.match(
      en,
      /source: <a href="https:\/\/en\.wikipedia\.org\/wiki\/Minimum_Age_Convention,_1973" rel="nofollow noopener">en\.wikipedia\.org<\/a>/,
    );
    assert.match(en, /verified \(high confidence\)/);
    assert.ok(!en.includes(RESEARCH_NOTE));
    assert.ok(!en.includes('kiwix copy'), 'the source description is a research note');
    const id = renderInstrument(view('id', '/instruments/C138'), detail(instrument(), 176));
    assert.match(id, /dasar hukum: <span lang="id">Undang-Undang Nomor 20 Tahun 1999<\/span>/);
    assert.match(id, /terverifikasi \(keyakinan tinggi\)/);
    assert.ok(!id.includes(RESEARCH_NOTE));
    assert.ok(!id.includes('kiwix copy'));
  });

  test('should say a low-confidence fact is unverified in both languages', () => {
    const low = instrument({ confidence: 'low' });
    assert.match(renderInstrument(view('en', '/instruments/C138'), detail(low, 176)), /unverified \(low confidence\)/);
    assert.match(renderInstrument(view('id', '/instruments/C138'), detail(low, 176)), /belum terverifikasi \(keyakinan rendah\)/);
  });

  test('should show the research notes and source descriptions to a signed-in editor', () => {
    const out = renderInstrument(view('id', '/instruments/C138', editor), detail(instrument(), 176));
    assert.match(out, /Catatan riset \(hanya untuk editor yang masuk\)/);
    assert.ok(out.includes(RESEARCH_NOTE));
    assert.ok(out.includes('kiwix copy'));
  });

  test('should keep ratification notes on a country page for editors only', () => {
    const anonymous = renderCountryProfile(view('id', '/countries/IDN'), profile(indonesia, ['C138']));
    assert.ok(!anonymous.includes('000_4f52a7e09dc7d879'));
    assert.ok(!anonymous.includes('b437b13'));
    assert.match(
      anonymous,
      /<a href="https:\/\/www\.verdragen\.nl\/en\/Treaty\/Details\/009189\.html" rel="nofollow noopener">verdragen\.nl<\/a>/,
    );
    assert.match(anonymous, /terverifikasi \(keyakinan tinggi\)/);
    const signedIn = renderCountryProfile(view('id', '/countries/IDN', editor), profile(indonesia, ['C138']));
    assert.ok(signedIn.includes('000_4f52a7e09dc7d879'));
  });

  test('should name a free-text research source without publishing it', () => {
    const p = profile(brazil, ['C081']);
    const row = p.ratifications[0];
    assert.ok(row);
    row.source = 'GH-code-index file id 57444563026 (read_file id, repo name not returned)';
    const out = renderCountryProfile(view('en', '/countries/BRA'), p);
    assert.match(out, /a research source without a public name/);
    assert.ok(!out.includes('57444563026'));
  });

  test('should link each id of a grouped source row to its own site, or to none rather than a wrong one', () => {
    const description =
      'Lists: https://www.harrismanaloe.example/2023 ("18"); http://blogbaru-demas.example/2015 ; https://scribd.example/doc/1';
    const p = profile(indonesia, ['C019']);
    const row = p.ratifications[0];
    assert.ok(row);
    row.source = 'IDN-LIST-HARRISMANALOE-2023;IDN-LIST-BLOGBARU-2015;IDN-LIST-KADEK-2020';
    p.sources = ['IDN-LIST-HARRISMANALOE-2023', 'IDN-LIST-BLOGBARU-2015', 'IDN-LIST-KADEK-2020'].map((id) => ({ id, description }));
    const out = renderCountryProfile(view('en', '/countries/IDN'), p);
    assert.match(
      out,
      /href="https:\/\/www\.harrismanaloe\.example\/2023"[^>]*>harrismanaloe\.example<\/a> \(<span class="source-id">IDN-LIST-HARRISMANALOE-2023/,
    );
    assert.match(
      out,
      /href="http:\/\/blogbaru-demas\.example\/2015"[^>]*>blogbaru-demas\.example<\/a> \(<span class="source-id">IDN-LIST-BLOGBARU-2015/,
    );
    assert.match(out, /<span class="source-id">IDN-LIST-KADEK-2020<\/span> <span class="note">\(links under Sources\)<\/span>/);
    assert.match(
      out,
      /<li><span class="source-id">IDN-LIST-KADEK-2020<\/span>: <a href="https:\/\/www\.harrismanaloe/,
      'the source list gives every link',
    );
  });
});
