import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor } from '../../domain/access/policy.ts';
import type { MemberState } from '../../domain/country.ts';
import { countryCoverage } from '../../domain/coverage.ts';
import type { Gap } from '../../domain/gaps.ts';
import type { Instrument } from '../../domain/instrument.ts';
import type { ChangeEvent } from '../../services/history-ports.ts';
import type { CountryProfile, RatificationView } from '../../services/registry-service.ts';
import { changedFields } from '../views/history.ts';
import { createView, type PortalSession, type View } from '../views/view.ts';
import { renderAccount, renderTokenCreated } from './account.ts';
import { renderCountryProfile } from './country-profile.ts';
import { renderGaps } from './gaps.ts';
import { normaliseRecordKey, parseHistoryQuery, renderHistory } from './history.ts';
import { renderInstrument } from './instrument-detail.ts';
import { instrumentErrors, instrumentValues, renderInstrumentEdit } from './instrument-edit.ts';
import { renderLogin } from './login.ts';
import { profileErrors, profileInput, profileValues, renderProfileEdit } from './profile-edit.ts';
import {
  emptyRatificationValues,
  parseRatificationForm,
  ratificationErrors,
  ratificationInput,
  ratificationValues,
  renderRatificationEdit,
} from './ratification-edit.ts';

const XSS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
const ESCAPED = '&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;';

const idnFocal: Actor = { id: 3, email: 'idn@example.org', role: 'focal_point', countries: ['IDN'] };
const secretariat: Actor = { id: 2, email: 'sec@example.org', role: 'secretariat', countries: [] };
const session = (actor: Actor): PortalSession => ({ actor, csrfToken: 'csrf-token-123' });
const view = (lang: 'en' | 'id', path: string, actor: Actor | null = idnFocal, search = ''): View =>
  createView(lang, path, search, actor ? session(actor) : null);

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

function c138(overrides: Partial<RatificationView> = {}): RatificationView {
  const declaration = {
    kind: 'minimum_age' as const,
    article: 'C138 Art 2(1)',
    value: 15,
    date: '1999',
    source: 'UU20-1999',
    confidence: 'medium' as const,
    notes: null,
  };
  return {
    country: 'IDN',
    instrument: 'C138',
    registrationDate: '1999',
    status: 'in_force',
    legalAct: 'Undang-Undang Nomor 20 Tahun 1999',
    nationalTitle: null,
    declarations: [declaration],
    source: 'UU20-1999',
    confidence: 'medium',
    notes: null,
    entryIntoForce: '2000',
    entryIntoForceRule: 'C138 Art 12(3)',
    minimumAge: declaration,
    countryRef: { iso3: 'IDN', iso2: 'ID', nameEn: 'Indonesia', nameId: 'Indonesia' },
    instrumentRef: { code: 'C138', titleEn: 'Minimum Age Convention, 1973', titleId: XSS, titleIdKind: 'official' },
    ...overrides,
  };
}

function instrument(overrides: Partial<Instrument> = {}): Instrument {
  return {
    code: 'C138',
    type: 'convention',
    number: 138,
    titleEn: 'Minimum Age Convention, 1973',
    titleId: XSS,
    titleIdKind: 'official',
    titleIdSource: null,
    titleIdAct: null,
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
    publishedCount: null,
    source: 'WP-C138',
    confidence: 'high',
    notes: null,
    ...overrides,
  };
}

function event(overrides: Partial<ChangeEvent> = {}): ChangeEvent {
  return {
    id: 7,
    at: '2026-11-27T10:00:00.000Z',
    userId: 3,
    actor: 'idn@example.org',
    recordType: 'ratification',
    recordKey: 'IDN/C138',
    country: 'IDN',
    action: 'update',
    before: { country: 'IDN', instrument: 'C138', registrationDate: '1999', status: 'in_force', source: 'old' },
    after: { country: 'IDN', instrument: 'C138', registrationDate: '1999-06-07', status: 'in_force', source: 'ILO NORMLEX' },
    source: 'ILO NORMLEX',
    reason: XSS,
    revertsEventId: null,
    actorScope: { role: 'focal_point', countries: ['IDN'] },
    ...overrides,
  };
}

function profile(ratifications: RatificationView[] = [c138()]): CountryProfile {
  const r138 = ratifications.find((r) => r.instrument === 'C138') ?? null;
  return {
    country: indonesia,
    coverage: countryCoverage('IDN', ratifications.length, []),
    ratifications,
    childLabour: {
      c138: { ratified: r138 !== null, ratification: r138, minimumAge: r138?.minimumAge?.value ?? null },
      c182: { ratified: false, ratification: null },
    },
    sources: [],
  };
}

describe('layout header', () => {
  test('should offer "Sign in" (back to this page) to an anonymous reader', () => {
    const out = renderCountryProfile(view('en', '/countries/IDN', null), profile());
    assert.match(out, /<a href="\/en\/login\?next=%2Fen%2Fcountries%2FIDN">Sign in<\/a>/);
    assert.ok(!out.includes('/en/logout'));
  });

  test('should show the email, role, account and gaps links and a sign-out form with the CSRF token', () => {
    const out = renderCountryProfile(view('id', '/countries/IDN'), profile());
    assert.match(out, /idn@example\.org \(narahubung \(focal point\)\)/);
    assert.match(out, /<a href="\/id\/account">Akun<\/a>/);
    assert.match(out, /<a href="\/id\/gaps">Kekosongan data<\/a>/);
    assert.match(
      out,
      /<form method="post" action="\/id\/logout" class="signout-form"><input type="hidden" name="_csrf" value="csrf-token-123"><button type="submit" class="button-quiet">Keluar<\/button><\/form>/,
    );
  });

  test('should escape an email address', () => {
    const actor = { ...secretariat, email: '"><script>x</script>@example.org' };
    const out = renderGaps(view('en', '/gaps', actor), {
      query: { country: '', kind: '', page: 1 },
      result: { items: [], total: 0, page: 1, pageSize: 50, counts: {} },
      countries: [],
    });
    assert.ok(!out.includes('<script>x</script>'));
    assert.match(out, /&quot;&gt;&lt;script&gt;x&lt;\/script&gt;@example\.org/);
  });
});

describe('sign-in page', () => {
  test('should render labelled fields, keep the email, never echo the password, and escape next', () => {
    const out = renderLogin(view('en', '/login', null), {
      email: 'a"b@example.org',
      next: '/en/countries/IDN?x="y"',
      errors: [{ id: 'login-password', message: 'Enter your password.' }],
    });
    assert.match(out, /<label for="login-email">Email address<\/label>/);
    assert.match(out, /value="a&quot;b@example\.org"/);
    assert.match(out, /<input type="password" id="login-password" name="password" value=""/);
    assert.match(out, /aria-describedby="login-password-error" aria-invalid="true"/);
    assert.match(out, /<p class="field-error" id="login-password-error">/);
    assert.match(out, /<a href="#login-password">Enter your password\.<\/a>/);
    assert.match(out, /name="next" value="\/en\/countries\/IDN\?x=&quot;y&quot;"/);
    assert.match(out, /<title>Error: Sign in – Tripartite<\/title>/);
  });

  test('should show a generic failure and the signed-out notice in Indonesian', () => {
    const out = renderLogin(view('id', '/login', null), { email: '', next: null, errors: [], problem: 'Salah.', notice: 'signed-out' });
    assert.match(out, /<html lang="id">/);
    assert.match(out, /role="alert"[\s\S]*<p>Salah\.<\/p>/);
    assert.match(out, /<p class="notice" role="status">Anda sudah keluar\.<\/p>/);
    assert.match(out, /<label for="login-password">Kata sandi<\/label>/);
  });
});

describe('account page', () => {
  const data = {
    actor: idnFocal,
    countries: [{ iso3: 'IDN', nameEn: 'Indonesia', nameId: 'Indonesia' }],
    tokens: [
      { id: 1, name: XSS, createdAt: '2026-11-01T08:00:00.000Z', lastUsedAt: null, revokedAt: null },
      {
        id: 2,
        name: 'old',
        createdAt: '2026-01-01T08:00:00.000Z',
        lastUsedAt: '2026-02-01T09:30:00.000Z',
        revokedAt: '2026-03-01T00:00:00.000Z',
      },
    ],
    minPasswordLength: 12,
    tokenName: '',
    errors: [],
  };

  test('should list tokens with dates, escape their names and offer revoke only for active ones', () => {
    const out = renderAccount(view('en', '/account'), data);
    assert.ok(!out.includes('<script>window'));
    assert.ok(out.includes(ESCAPED));
    assert.match(out, /<caption id="tokens-caption">Your API tokens \(2\)<\/caption>/);
    assert.match(out, /never used/);
    assert.match(out, /1 February 2026 at 09:30 UTC/);
    assert.equal(out.match(/action="\/en\/account\/tokens\/\d+\/revoke"/g)?.length, 1);
    assert.match(out, /action="\/en\/account\/tokens\/1\/revoke"/);
    assert.match(out, /focal point/);
    assert.match(out, /<a href="\/en\/countries\/IDN">Indonesia<\/a> \(IDN\)/);
    assert.equal(out.match(/name="_csrf" value="csrf-token-123"/g)?.length, 5, 'sign out, password, revoke, create, everywhere');
  });

  test('should show a password problem next to its field, in Indonesian', () => {
    const out = renderAccount(view('id', '/account'), { ...data, errors: [{ id: 'password-confirm', message: 'Beda.' }] });
    assert.match(
      out,
      /id="password-confirm-error"><span class="visually-hidden">Kesalahan:<\/span> Beda\.<\/p>\n<input type="password" id="password-confirm"/,
    );
    assert.match(out, /<title>Kesalahan: Akun Anda – Tripartite<\/title>/);
    assert.match(out, /1 November 2026 pukul 08\.00 UTC/);
  });

  test('should show a new token once, with the warning', () => {
    const out = renderTokenCreated(view('en', '/account/tokens'), { name: 'script', token: 'trp_abc"def' });
    assert.match(out, /role="alert"><p><strong>Copy the token now\.<\/strong> It is shown only this once/);
    assert.match(out, /value="trp_abc&quot;def" readonly/);
  });
});

describe('ratification form', () => {
  const base = {
    mode: 'edit' as const,
    country: indonesia,
    instrument: c138().instrumentRef,
    current: c138(),
    errors: [],
    denounce: { values: { date: '', source: '', reason: '' }, errors: [] },
    history: null,
  };

  test('should be filled from the record, with the C138 age fields and the source left to the editor', () => {
    const out = renderRatificationEdit(view('en', '/countries/IDN/ratifications/C138/edit'), {
      ...base,
      values: ratificationValues(c138()),
    });
    assert.match(out, /<h1>Edit the ratification of C138 by Indonesia<\/h1>/);
    assert.match(out, /action="\/en\/countries\/IDN\/ratifications\/C138\/edit"/);
    assert.match(out, /id="rat-registration-date" name="registrationDate" value="1999"/);
    assert.match(out, /<option value="in_force" selected>in force<\/option>/);
    assert.match(out, /<option value="15" selected>15 years<\/option>/);
    assert.match(out, /<option value="">not recorded<\/option>/);
    assert.match(out, /<option value="C138 Art 2\(1\)" selected>C138 Art 2\(1\)<\/option>/);
    assert.match(out, /id="rat-source" name="source" value=""/);
    assert.match(out, /Recorded now: <span class="source-ids">UU20-1999<\/span>/);
    assert.match(out, /action="\/en\/countries\/IDN\/ratifications\/C138\/denounce"/);
    assert.ok(!out.includes('<script>window'), 'the Indonesian title is data: escaped');
  });

  test('should put each problem next to its field, keep the values and escape them (Indonesian)', () => {
    const values = { ...ratificationValues(c138()), registrationDate: '1999-13-40', reason: XSS, source: '' };
    const v = view('id', '/countries/IDN/ratifications/C138/edit');
    const errors = ratificationErrors(
      v,
      [
        { field: 'source', message: 'cite' },
        { field: 'registrationDate', message: 'bad' },
      ],
      values,
    );
    const out = renderRatificationEdit(v, { ...base, values, errors });
    assert.match(out, /id="rat-source-error"><span class="visually-hidden">Kesalahan:<\/span> Kutip sumber perubahan ini/);
    assert.match(out, /id="rat-registration-date-error">[^\n]*TTTT-BB-HH/);
    assert.match(
      out,
      /value="1999-13-40" class="input-date" maxlength="10" spellcheck="false" aria-describedby="rat-registration-date-hint rat-registration-date-error" aria-invalid="true"/,
    );
    assert.ok(out.includes(`>${ESCAPED}</textarea>`));
    assert.match(out, /<a href="#rat-source">Kutip sumber/);
    assert.match(out, /<title>Kesalahan: Sunting ratifikasi C138 oleh Indonesia – Tripartite<\/title>/);
    assert.match(out, /<option value="15" selected>15 tahun<\/option>/);
    assert.match(out, /Pasal 2 ayat \(1\) Konvensi ILO No\. 138/);
  });

  test('should leave out the age fields for another Convention, and ask for the code when adding', () => {
    const c182 = c138({ instrument: 'C182', instrumentRef: { code: 'C182', titleEn: 'Worst Forms', titleId: null, titleIdKind: null } });
    const edit = renderRatificationEdit(view('en', '/x'), {
      ...base,
      instrument: c182.instrumentRef,
      current: c182,
      values: ratificationValues(c182),
    });
    assert.ok(!edit.includes('rat-minimum-age'));
    const add = renderRatificationEdit(view('en', '/x'), {
      ...base,
      mode: 'new',
      instrument: null,
      current: null,
      values: emptyRatificationValues('C155'),
    });
    assert.match(add, /<h1>Add a ratification by Indonesia<\/h1>/);
    assert.match(add, /id="rat-instrument" name="instrument" value="C155"/);
    assert.match(add, /action="\/en\/countries\/IDN\/ratifications\/new"/);
    assert.ok(!add.includes('/denounce'));
  });

  test('should send the declared age only when the editor changed it', () => {
    const current = c138();
    const same = ratificationInput(ratificationValues(current), 'IDN', 'C138', current.declarations);
    assert.equal(same.minimumAge, undefined);
    const raised = ratificationInput({ ...ratificationValues(current), minimumAge: '16' }, 'IDN', 'C138', current.declarations);
    assert.deepEqual(raised.minimumAge, { value: 16, article: 'C138 Art 2(1)', date: '1999' });
    const parsed = parseRatificationForm({ status: '', confidence: '', minimumAge: '', registrationDate: ' 1999-06-07 ' });
    const input = ratificationInput(parsed, 'IDN', 'C138', []);
    assert.equal(input.status, null);
    assert.equal(input.confidence, null);
    assert.equal(input.minimumAge, undefined);
    assert.equal(input.removeMinimumAge, undefined, 'nothing recorded, nothing to remove');
    assert.equal(input.registrationDate, '1999-06-07');
    // "Not recorded" chosen for the recorded declaration takes it off the record, under its article.
    const cleared = ratificationInput({ ...ratificationValues(current), minimumAge: '' }, 'IDN', 'C138', current.declarations);
    assert.equal(cleared.minimumAge, undefined);
    assert.equal(cleared.removeMinimumAge, 'C138 Art 2(1)');
    const otherArticle = ratificationInput(
      { ...ratificationValues(current), minimumAge: '', minimumAgeArticle: 'C138 Art 2(2)' },
      'IDN',
      'C138',
      current.declarations,
    );
    assert.equal(otherArticle.removeMinimumAge, undefined, 'no Art 2(2) notice is recorded');
  });
});

describe('instrument form', () => {
  test('should escape the titles it is filled with and check the kind of the Indonesian title', () => {
    const i = instrument();
    const out = renderInstrumentEdit(view('en', '/instruments/C138/edit', secretariat), {
      instrument: i,
      values: instrumentValues(i),
      errors: [],
      history: null,
    });
    assert.ok(!out.includes('<script>window'));
    assert.ok(out.includes(`value="${ESCAPED}"`));
    assert.match(out, /<input type="radio" id="ins-title-id-kind" name="titleIdKind" value="official" checked>/);
    assert.match(out, /<legend>The Indonesian title is<\/legend>/);
    assert.match(out, /<option value="up-to-date" selected>up to date<\/option>/);
  });

  test('should mark the radio group when the kind is missing', () => {
    const i = instrument();
    const v = view('id', '/instruments/C138/edit', secretariat);
    const values = { ...instrumentValues(i), titleIdKind: '' };
    const errors = instrumentErrors(v, [{ field: 'titleIdKind', message: 'x' }], values);
    const out = renderInstrumentEdit(v, { instrument: i, values, errors, history: null });
    assert.match(out, /<fieldset class="group field-has-error" aria-describedby="ins-title-id-kind-error">/);
    assert.match(out, /Nyatakan apakah judul bahasa Indonesia itu resmi/);
    assert.match(out, /<a href="#ins-title-id-kind">/);
  });
});

describe('national law', () => {
  const national = {
    iso3: 'IDN',
    generalMinimumAge: { value: 15, source: 'USDOL;UU-13-2003' },
    hazardousMinimumAge: { value: 18, source: 'UU-13-2003', citation: 'UU 13/2003 Pasal 74' },
    compulsoryEducationAge: null,
    sources: [],
  };

  test('should show each age with its provision and source on the country page, and unknown where null', () => {
    const out = renderCountryProfile(view('en', '/countries/IDN', null), profile(), { national });
    assert.match(out, /<h2 id="national-law-heading">National law on child labour<\/h2>/);
    assert.match(
      out,
      /General minimum age for work<\/dt><dd><strong>15 years<\/strong><br><span class="note"><span class="unknown">provision not recorded<\/span>; source: <span class="source-ids">USDOL, UU-13-2003<\/span>/,
    );
    assert.match(out, /provision: UU 13\/2003 Pasal 74/);
    assert.match(out, /Age at the end of compulsory education<\/dt><dd><span class="unknown">unknown<\/span>/);
    assert.ok(!out.includes('/profile/edit'), 'no edit link for an anonymous reader');
  });

  test('should show edit links to the focal point of the State only', () => {
    const mine = renderCountryProfile(view('en', '/countries/IDN'), profile(), { national });
    assert.match(mine, /href="\/en\/countries\/IDN\/profile\/edit"/);
    assert.match(mine, /href="\/en\/countries\/IDN\/ratifications\/C138\/edit">Edit<span class="visually-hidden"> C138<\/span>/);
    assert.match(mine, /href="\/en\/countries\/IDN\/ratifications\/new">Add a ratification/);
    const malaysia = { ...profile(), country: { ...indonesia, iso3: 'MYS', nameEn: 'Malaysia', nameId: null } };
    const other = renderCountryProfile(view('en', '/countries/MYS'), malaysia, { national: { ...national, iso3: 'MYS' } });
    assert.ok(!other.includes('/edit'));
    assert.ok(!other.includes('/ratifications/new'));
  });

  test('should offer unknown and 10 to 21 years, and word problems in Indonesian', () => {
    const v = view('id', '/countries/IDN/profile/edit');
    const values = { ...profileValues(national), source: '' };
    const errors = profileErrors(
      v,
      [
        { field: 'source', message: 'x' },
        { field: 'generalMinimumAge', message: 'y' },
      ],
      values,
    );
    const out = renderProfileEdit(v, { country: indonesia, profile: national, values, errors, history: null });
    assert.match(
      out,
      /<select id="nat-general" name="generalMinimumAge" class="select-short" aria-invalid="true"|<select id="nat-general" name="generalMinimumAge" class="select-short" aria-describedby="nat-general-error" aria-invalid="true">/,
    );
    assert.match(out, /<option value="">tidak diketahui<\/option>/);
    assert.match(out, /<option value="15" selected>15 tahun<\/option>/);
    assert.match(out, /<option value="21">21 tahun<\/option>/);
    assert.match(out, /Pilih usia dari 10 sampai 21/);
    assert.deepEqual(profileInput({ ...values, compulsoryEducationAge: '', hazardousMinimumAge: 'x' }, 'IDN').compulsoryEducationAge, null);
    assert.ok(Number.isNaN(profileInput({ ...values, hazardousMinimumAge: 'x' }, 'IDN').hazardousMinimumAge));
  });
});

describe('history', () => {
  test('should list who, when (in the page language), source, reason (escaped) and the changed fields', () => {
    const en = renderInstrument(
      view('en', '/instruments/C138', null),
      {
        instrument: instrument(),
        session: null,
        revises: [],
        revisedBy: [],
        recordedRatifications: 0,
        coverage: null,
        ratifications: [],
        sources: [],
      },
      { history: { events: [event()], total: 12, fullPath: '/history?record=C138' } },
    );
    assert.match(en, /<h2 id="history-heading">History<\/h2>/);
    assert.match(en, /<a href="\/en\/history\?user=3">focal point \(IDN\)<\/a>/, 'an anonymous reader sees the role, not the email');
    assert.ok(!en.includes('idn@example.org'));
    assert.match(en, /<time datetime="2026-11-27T10:00:00.000Z">27 November 2026 at 10:00 UTC<\/time>/);
    assert.ok(en.includes(`<dd>${ESCAPED}</dd>`));
    assert.ok(!en.includes('<script>window'));
    assert.match(
      en,
      /Registration date<\/span>: <span class="visually-hidden">before:<\/span> <del>1999<\/del> <span aria-hidden="true">→<\/span><span class="visually-hidden">, after:<\/span> <ins>1999-06-07<\/ins>/,
    );
    assert.ok(!en.includes('<span class="diff-field">Status'), 'unchanged fields are left out');
    assert.match(en, /<a href="\/en\/history\?record=C138">See all 12 changes<\/a>/);
    assert.ok(!en.includes('/revert'), 'no revert form for an anonymous reader');
    const id = renderHistory(view('id', '/history', secretariat), {
      query: parseHistoryQuery(view('id', '/history'), new URLSearchParams('record=idn/c138')),
      result: { items: [event({ action: 'revert', revertsEventId: 6 })], total: 1, page: 1, pageSize: 25 },
    });
    assert.match(id, /27 November 2026 pukul 10\.00 UTC/);
    assert.match(id, /Perubahan 7: dibatalkan/);
    assert.match(id, /membatalkan perubahan 6/);
    assert.match(id, /id="h-record" name="record" value="idn\/c138"/);
    assert.match(id, /<a href="\/id\/history\?user=3">idn@example\.org<\/a>/, 'a signed-in editor sees the email');
    assert.match(id, /<form method="get" action="\/id\/history\/7\/revert" class="revert-form">/, 'Revert leads to its confirmation');
    assert.match(id, /<input type="hidden" name="back" value="\/id\/history">/);
  });

  test('should offer Revert only to a reader allowed to change the record', () => {
    const data = {
      query: parseHistoryQuery(view('en', '/history'), new URLSearchParams()),
      result: { items: [event({ recordType: 'instrument' as const, recordKey: 'C138', country: null })], total: 1, page: 1, pageSize: 25 },
    };
    assert.ok(!renderHistory(view('en', '/history', idnFocal), data).includes('/revert'));
    assert.ok(renderHistory(view('en', '/history', secretariat), data).includes('/en/history/7/revert'));
  });

  test('should validate the filters and say what is wrong next to each field', () => {
    const q = parseHistoryQuery(view('en', '/history'), new URLSearchParams('record=nope!&country=1&user=0&from=2026-02-30&to=x'));
    assert.deepEqual(
      q.errors.map((e) => e.id),
      ['h-record', 'h-country', 'h-user', 'h-from', 'h-to'],
    );
    const out = renderHistory(view('en', '/history'), { query: q, result: null });
    assert.match(out, /id="h-from-error">[^\n]*Enter a real date as YYYY-MM-DD/);
    assert.equal(normaliseRecordKey('idn/c29'), 'IDN/C029');
    assert.equal(normaliseRecordKey('c138'), 'C138');
    assert.equal(normaliseRecordKey('mys'), 'MYS');
    assert.equal(normaliseRecordKey('IDN/R146'), null);
  });

  test('should find the changed fields of an update and the filled fields of a creation', () => {
    assert.deepEqual(
      changedFields({ a: 1, b: [1], country: 'IDN' }, { a: 1, b: [2], c: null, country: 'MYS' }).map((l) => l.key),
      ['b'],
    );
    assert.deepEqual(
      changedFields(null, { registrationDate: '2026', status: null }).map((l) => l.key),
      ['registrationDate'],
    );
  });
});

describe('gaps worklist', () => {
  const gaps: Gap[] = [
    { kind: 'c138-minimum-age', record: 'IDN/C138', recordType: 'ratification', country: 'IDN', instrument: 'C138', role: 'focal_point' },
    { kind: 'national-minimum-age', record: 'MYS', recordType: 'national_profile', country: 'MYS', instrument: null, role: 'focal_point' },
    { kind: 'instrument-status', record: 'C001', recordType: 'instrument', country: null, instrument: 'C001', role: 'secretariat' },
  ];
  const data = {
    query: { country: '', kind: '' as const, page: 1 },
    result: {
      items: gaps,
      total: 3,
      page: 1,
      pageSize: 50,
      counts: { 'c138-minimum-age': 1, 'national-minimum-age': 1, 'instrument-status': 1 },
    },
    countries: [
      { iso3: 'IDN', nameEn: 'Indonesia', nameId: 'Indonesia' },
      { iso3: 'MYS', nameEn: 'Malaysia', nameId: null },
    ],
  };

  test('should describe each gap in plain words, with its record, the role and labelled filters', () => {
    const en = renderGaps(view('en', '/gaps', null), data);
    assert.match(en, /<td data-label="Gap">Declared minimum age under C138 Art 2\(1\) not recorded<\/td>/);
    assert.match(en, /<a href="\/en\/countries\/IDN#ratifications-heading">Indonesia: C138<\/a>/);
    assert.match(en, /<td data-label="Who may fill it">the focal point of the member State, or the secretariat<\/td>/);
    assert.match(en, /<label for="g-country">Member State<\/label><select id="g-country" name="country">/);
    assert.match(en, /<label for="g-kind">Kind of gap<\/label>/);
    assert.match(en, /<th scope="row">All gaps<\/th><td class="num">3<\/td>/);
    assert.ok(!en.includes('Fill it'), 'an anonymous reader gets no form link');
    const id = renderGaps(view('id', '/gaps', null), data);
    assert.match(id, /Usia minimum yang dideklarasikan menurut C138 Pasal 2 ayat \(1\) tidak tercatat/);
    assert.match(id, /<span lang="en">Malaysia<\/span>/);
  });

  test('should link a focal point to the forms of their own States only', () => {
    const out = renderGaps(view('en', '/gaps'), data);
    assert.match(out, /Gaps in the member States you are responsible for come first/);
    assert.match(out, /<a href="\/en\/countries\/IDN\/ratifications\/C138\/edit#rat-minimum-age">Fill it/);
    assert.ok(!out.includes('/countries/MYS/profile/edit'));
    assert.ok(!out.includes('/instruments/C001/edit'));
    const sec = renderGaps(view('en', '/gaps', secretariat), data);
    assert.ok(sec.includes('/en/countries/MYS/profile/edit'));
    assert.ok(sec.includes('/en/instruments/C001/edit'));
  });
});
