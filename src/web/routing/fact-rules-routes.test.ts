import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type Browser, usePortalEditing } from '../../../tests/support/portal-editing.ts';
import type { Services } from '../../container.ts';

/* Impossible facts refused next to their field, odd but sourced ones saved with a warning (issue 8 item 9). */

describe('editing in the portal: fact rules and warnings', () => {
  const portal = usePortalEditing();
  const { get, csrfOf, post, ratificationForm } = portal;
  let services: Services;
  let idn: Browser;
  let sec: Browser;
  before(() => {
    ({ services, idn, sec } = portal);
  });

  test('should refuse an impossible fact with the rule in words next to the field, in English and Indonesian', async () => {
    const eventsBefore = (await services.edits.history({ recordKey: 'IDN/C138' }, { page: 1, pageSize: 1 })).total;
    for (const [lang, words] of [
      ['en', /cannot be registered in the future/],
      ['id', /tidak dapat diregistrasi pada masa depan/],
    ] as const) {
      const future = await post(
        `/${lang}/countries/IDN/ratifications/C138/edit`,
        await ratificationForm(idn, { registrationDate: '2027-01-05' }),
        idn,
      );
      assert.equal(future.status, 400);
      const page = await future.text();
      assert.match(page, /id="rat-registration-date-error"/);
      assert.match(page, words);
    }
    const csrf = await csrfOf('/en/countries/IDN/profile/edit', idn);
    const hazardous = await post(
      '/en/countries/IDN/profile/edit',
      { _csrf: csrf, generalMinimumAge: '15', hazardousMinimumAge: '14', compulsoryEducationAge: '', source: 'a typo' },
      idn,
    );
    assert.equal(hazardous.status, 400);
    const text = await hazardous.text();
    assert.match(text, /id="nat-hazardous-error"/);
    assert.match(text, /cannot be below 16 \(C138 Art 3\(3\)\)/);
    assert.equal((await services.edits.history({ recordKey: 'IDN/C138' }, { page: 1, pageSize: 1 })).total, eventsBefore);
    assert.equal((await services.compliance.countryFacts('IDN'))?.profile?.hazardousMinimumAge?.value, 18);
  });

  test('should save an odd but sourced fact and warn the editor on the page it lands on', async () => {
    const csrf = await csrfOf('/en/countries/MKD/ratifications/C138/edit', sec);
    const saved = await post(
      '/en/countries/MKD/ratifications/C138/edit',
      {
        _csrf: csrf,
        registrationDate: '1991-11-17',
        status: 'in_force',
        legalAct: 'Notification of succession',
        nationalTitle: '',
        minimumAge: '15',
        minimumAgeArticle: 'C138 Art 2(1)',
        minimumAgeDate: '1991-11-17',
        confidence: 'medium',
        source: 'NORMLEX, Ratifications for North Macedonia',
        reason: '',
      },
      sec,
    );
    assert.equal(saved.status, 303, await saved.text());
    assert.equal(saved.headers.get('location'), '/en/countries/MKD?saved=1&check=C138');
    const page = await (await get('/en/countries/MKD?saved=1&check=C138', sec)).text();
    assert.match(page, /Your change is saved/);
    assert.match(page, /registration date of C138 \(1991-11-17\) is before North Macedonia joined the ILO \(1993-05-28\)/);
    const idPage = await (await get('/id/countries/MKD?saved=1&check=C138', sec)).text();
    assert.match(idPage, /tanggal registrasi C138 \(1991-11-17\) lebih awal daripada tanggal .* menjadi anggota ILO \(1993-05-28\)/);
    const anonymous = await (await get('/en/countries/MKD?saved=1&check=C138')).text();
    assert.doesNotMatch(anonymous, /joined the ILO/, 'the warning is for the editor only');
    // A State whose dates agree gets no warning.
    const idnPage = await (await get('/en/countries/IDN?saved=1&check=C138', idn)).text();
    assert.doesNotMatch(idnPage, /joined the ILO/);
  });
});
