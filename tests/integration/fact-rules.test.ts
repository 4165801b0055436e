import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { asClient, type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

// The fact rules of issue 8 item 9 through the API, on both engines (the portal and the import are
// covered in src/web/routing/editing-routes.test.ts and src/cli/editing-cli.test.ts).
const NOW = new Date('2026-11-27T10:00:00.000Z');
const source = 'Test source: ILO NORMLEX printout, 2026';

for (const database of await allDatabases()) {
  describe(`fact rules on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const clients: Record<string, Client> = {};
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, now: () => NOW });
      await services.accounts.createUser({ email: 'sec@example.org', password: PASSWORD, role: 'secretariat' }, NOW);
      clients.secretariat = await signIn(request, 'sec@example.org');
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('impossible facts are refused with a field error naming the rule, and nothing is stored', async () => {
      const send = async (method: string, path: string, body: unknown) => {
        const res = await request(path, asClient(clients.secretariat ?? null, { method, body: JSON.stringify(body) }));
        return { status: res.status, body: (await res.json()) as any };
      };
      const refused = async (method: string, path: string, body: unknown, expected: string[]) => {
        const res = await send(method, path, body);
        assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
        assert.match(res.body.type, /bad-request/);
        assert.deepEqual(
          res.body.errors.map((e: { field: string; rule?: string }) => `${e.field} ${e.rule}`),
          expected,
          JSON.stringify(res.body),
        );
      };
      const brazil = await (await request('/api/countries/BRA')).json();
      const eventsBefore = (await services.edits.history({}, { page: 1, pageSize: 1 })).total;

      // NOW is 2026-11-27: a registration on 2026-12-01 has not happened yet; a year in the future neither.
      await refused('PUT', '/api/ratifications/BRA/C190', { registrationDate: '2026-12-01', source }, [
        'registrationDate registration-in-future',
      ]);
      await refused('PUT', '/api/ratifications/BRA/C190', { registrationDate: '2027', source }, [
        'registrationDate registration-in-future',
      ]);
      // C190 was adopted on 2019-06-21: May 2019 is before every day of that; 2019-06-20 too.
      await refused('PUT', '/api/ratifications/BRA/C190', { registrationDate: '2019-05', source }, [
        'registrationDate registration-before-adoption',
      ]);
      await refused('PUT', '/api/ratifications/BRA/C190', { registrationDate: '2019-06-20', source }, [
        'registrationDate registration-before-adoption',
      ]);
      const c138 = await send('PUT', '/api/ratifications/BRA/C138', {
        minimumAge: { value: 16, article: 'C138 Art 2(2)', date: '2030-01-01' },
        source,
      });
      assert.equal(c138.status, 400);
      assert.deepEqual(c138.body.errors, [
        {
          field: 'minimumAge.date',
          rule: 'registration-in-future',
          message: '2030-01-01 is after today (2026-11-27): a declaration cannot be registered in the future',
        },
      ]);
      // BRA registered C138 on 2001-06-28.
      await refused('POST', '/api/ratifications/BRA/C138/denounce', { date: '2001-06-27', source }, [
        'date denunciation-before-ratification',
      ]);
      await refused('POST', '/api/ratifications/BRA/C138/denounce', { date: '2027-01-01', source }, ['date registration-in-future']);
      // BRA: general minimum age 16, hazardous 18.
      await refused('PUT', '/api/countries/BRA/profile', { hazardousMinimumAge: 15, source }, [
        'hazardousMinimumAge hazardous-age-below-16',
        'hazardousMinimumAge hazardous-age-below-general-age',
      ]);
      await refused('PUT', '/api/countries/BRA/profile', { generalMinimumAge: 19, source }, [
        'generalMinimumAge hazardous-age-below-general-age',
      ]);
      const words = await send('PUT', '/api/countries/BRA/profile', { hazardousMinimumAge: 14, generalMinimumAge: 14, source });
      assert.match(words.body.detail, /hazardousMinimumAge: 14 is below 16: C138 Art 3\(3\)/);

      const noSuchDay = await send('PUT', '/api/ratifications/BRA/C190', { registrationDate: '2023-02-30', source });
      assert.equal(noSuchDay.status, 400);
      assert.deepEqual(noSuchDay.body.errors, [
        { field: 'registrationDate', message: '2023-02-30 is not a date: February 2023 has 28 days' },
      ]);

      assert.deepEqual(await (await request('/api/countries/BRA')).json(), brazil, 'nothing of BRA changed');
      assert.equal((await services.edits.history({}, { page: 1, pageSize: 1 })).total, eventsBefore, 'no event recorded');
    });

    test('partial dates are compared soundly: a date that may be on or after the limit is accepted', async () => {
      const save = async (method: string, path: string, body: unknown) =>
        request(path, asClient(clients.secretariat ?? null, { method, body: JSON.stringify(body) }));
      // 2019 and June 2019 each include days from the adoption of C190 (2019-06-21) on.
      for (const registrationDate of ['2019', '2019-06', '2019-06-21']) {
        const res = await save('PUT', '/api/ratifications/BRA/C190', { registrationDate, status: 'not_in_force', source });
        assert.equal(res.status, 200, `${registrationDate}: ${await res.text()}`);
      }
      // 2026 includes today (2026-11-27).
      const thisYear = await save('PUT', '/api/ratifications/BRA/C190', { registrationDate: '2026', source });
      assert.equal(thisYear.status, 200, await thisYear.text());
      // A C138 ratification recorded by its year only: a denunciation early in that year may follow it.
      const listed = (await (await request('/api/ratifications?instrument=C138&status=in_force&pageSize=200')).json()) as {
        items: { country: string; registrationDate: string | null }[];
      };
      const yearOnly = listed.items.find((r) => r.registrationDate?.length === 4);
      assert.ok(yearOnly, 'the bundled data has a C138 ratification known to the year only');
      const denounced = await save('POST', `/api/ratifications/${yearOnly.country}/C138/denounce`, {
        date: `${yearOnly.registrationDate}-03-01`,
        source,
      });
      assert.equal(denounced.status, 200, await denounced.text());
    });

    test('a ratification dated before ILO membership is saved, with a warning for the editor', async () => {
      // Croatia joined on 1992-06-30; the reference data gives its C138 date of succession as 1991-10-08.
      const res = await request(
        '/api/ratifications/HRV/C138',
        asClient(clients.secretariat ?? null, {
          method: 'PUT',
          body: JSON.stringify({ registrationDate: '1991-10-08', legalAct: 'Notification of succession', source }),
        }),
      );
      assert.equal(res.status, 200);
      const body = (await res.json()) as any;
      assert.equal(body.record.registrationDate, '1991-10-08');
      assert.equal(body.record.legalAct, 'Notification of succession');
      assert.ok(body.event);
      assert.deepEqual(
        body.warnings.map((w: { field: string; rule: string }) => `${w.field} ${w.rule}`),
        ['registrationDate registration-before-membership'],
      );
      assert.match(body.warnings[0].message, /before HRV joined the ILO \(1992-06-30\)/);
      const ordinary = await request(
        '/api/ratifications/BRA/C182',
        asClient(clients.secretariat ?? null, { method: 'PUT', body: JSON.stringify({ registrationDate: '2000-02-02', source }) }),
      );
      assert.deepEqual(((await ordinary.json()) as any).warnings, []);
    });
  });
}
