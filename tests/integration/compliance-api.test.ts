import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { runCli } from '../../src/cli/index.ts';
import { createServices, type Services } from '../../src/container.ts';
import { evaluate, WORK_KINDS } from '../../src/domain/child-labour/index.ts';
import { createApp } from '../../src/http/app.ts';
import { allDatabases, TEST_DATA_KEY } from '../support/databases.ts';

const TODAY = '2026-11-27';
const COUNTRIES = ['IDN', 'ESP', 'BRA', 'NGA', 'USA', 'IRN', 'TLS', 'IND', 'DEU', 'ZAF', 'BGD', 'ARG'];

for (const database of await allDatabases()) {
  describe(`compliance check on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    const env = {
      ...process.env,
      TRIPARTITE_TODAY: TODAY,
      TRIPARTITE_DB: database.config.sqlitePath,
      DATABASE_URL: database.config.databaseUrl ?? '',
      // PostgreSQL needs the data key; an SQLite file keeps its own key file beside it.
      ...(database.config.databaseUrl ? { TRIPARTITE_DATA_KEY: TEST_DATA_KEY } : {}),
      TRIPARTITE_PG_SCHEMA: database.config.pgSchema,
    };

    before(async () => {
      services = await createServices(database.config);
      app = createApp({ ...services, today: () => TODAY });
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    const post = (body: unknown) =>
      app.request('http://localhost/api/compliance/check', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
      let out = '';
      let err = '';
      const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), env });
      return { code, out, err };
    }

    test('Indonesia: 14-year-old in light work for 3 hours a day is conditional under C138 Art 7 and UU 13/2003 Pasal 69', async () => {
      const res = await post({ country: 'IDN', age: 14, work: 'light', hoursPerDay: 3 });
      assert.equal(res.status, 200);
      const body = (await res.json()) as any;
      assert.equal(body.verdict, 'conditional');
      assert.equal(body.minimumAge, 15);
      assert.equal(body.minimumAgeBasis, 'declared');
      assert.ok(body.reasons.some((r: any) => r.citation.startsWith('C138 Art 7')));
      assert.ok(body.conditions.length > 0);
      const longer = (await (await post({ country: 'IDN', age: 14, work: 'light', hoursPerDay: 3.5 })).json()) as any;
      assert.equal(longer.verdict, 'prohibited');
      assert.ok(longer.reasons.some((r: any) => r.citation.includes('Pasal 69')));
    });

    test('sex: a female worker of 16 at night in Indonesia is prohibited under UU 13/2003 Pasal 76(1), read from storage', async () => {
      const female = (await (await post({ country: 'IDN', age: 16, work: 'regular', night: true, sex: 'female' })).json()) as any;
      assert.equal(female.verdict, 'prohibited');
      assert.equal(female.sex, 'female');
      assert.deepEqual(
        female.reasons.map((r: any) => [r.citation, r.kind]),
        [
          ['UU 13/2003 Pasal 76(1)', 'rule'],
          ['C138 Art 2(1)', 'rule'],
          ['UU 13/2003 Pasal 1 angka 26', 'note'],
        ],
      );
      const unstated = (await (await post({ country: 'IDN', age: 16, work: 'regular', night: true })).json()) as any;
      assert.equal(unstated.verdict, 'conditional');
      assert.equal(unstated.sex, null);
      assert.deepEqual(
        unstated.conditions.map((c: any) => c.key),
        ['national-night-not-female', 'night-hazard-considered'],
      );
      const male = (await (await post({ country: 'IDN', age: 16, work: 'regular', night: true, sex: 'male' })).json()) as any;
      assert.equal(male.reasons[0].citation, 'R190 Para 3(e)');
    });

    test('adults: slavery is prohibited (C029), sexual exploitation is other_law', async () => {
      const slavery = (await (await post({ country: 'BRA', age: 30, work: 'slavery' })).json()) as any;
      assert.equal(slavery.verdict, 'prohibited');
      assert.equal(slavery.reasons[0].citation, 'C029 Art 1(1)');
      const exploitation = (await (await post({ country: 'BRA', age: 30, work: 'sexual_exploitation', lang: 'id' })).json()) as any;
      assert.equal(exploitation.verdict, 'other_law');
      assert.match(exploitation.reasons[0].message, /sudah dewasa/);
    });

    test('a birth date is turned into completed years on the reference date', async () => {
      const dayBefore = (await (await post({ country: 'IDN', birthDate: '2011-11-28', on: TODAY, work: 'regular' })).json()) as any;
      const birthday = (await (await post({ country: 'IDN', birthDate: '2011-11-27', on: TODAY, work: 'regular' })).json()) as any;
      assert.equal(dayBefore.age, 14);
      assert.equal(dayBefore.verdict, 'prohibited');
      assert.equal(birthday.age, 15);
      assert.equal(birthday.verdict, 'permitted');
    });

    test('the explanation comes in Indonesian on request', async () => {
      const en = (await (await post({ country: 'IDN', age: 16, work: 'hazardous' })).json()) as any;
      const id = (await (await post({ country: 'IDN', age: 16, work: 'hazardous', lang: 'id' })).json()) as any;
      assert.equal(en.verdict, 'worst_form');
      assert.equal(id.verdict, 'worst_form');
      assert.notEqual(en.reasons[0].message, id.reasons[0].message);
    });

    const bad: [unknown, number, RegExp][] = [
      [{ country: 'IDN', age: 14 }, 400, /work/],
      [{ country: 'IDN', age: 14, work: 'mining' }, 400, /work must be one of/],
      [{ country: 'ZZZ', age: 14, work: 'light' }, 404, /ZZZ/],
      [{ country: 'IDN', age: -1, work: 'light' }, 400, /age/],
      [{ country: 'IDN', age: 14.5, work: 'light' }, 400, /age/],
      [{ country: 'IDN', birthDate: '2011-02-30', work: 'light' }, 400, /birthDate/],
      [{ country: 'IDN', birthDate: '2030-01-01', on: TODAY, work: 'light' }, 400, /after the reference date/],
      [{ country: 'IDN', age: 14, birthDate: '2011-01-01', work: 'light' }, 400, /not both/],
      [{ country: 'IDN', age: 14, work: 'light', hoursPerDay: 30 }, 400, /hoursPerDay/],
      [{ country: 'IDN', age: '14', work: 'light' }, 400, /age must be a number/],
      [{ country: 'IDN', age: 16, work: 'regular', sex: 'f' }, 400, /sex must be female or male/],
    ];
    for (const [body, status, message] of bad) {
      test(`${JSON.stringify(body)} gives ${status}`, async () => {
        const res = await post(body);
        assert.equal(res.status, status);
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
        assert.match(((await res.json()) as any).detail, message);
      });
    }

    test('the screener’s facts for every State are the single-State facts the check uses', async () => {
      const all = await services.compliance.allCountryFacts();
      const countries = await services.repo.listCountries({});
      assert.equal(all.size, countries.length);
      for (const { iso3 } of countries) assert.deepEqual(all.get(iso3), await services.compliance.countryFacts(iso3), iso3);
      // Indonesia's declaration and profile come through the bulk path too.
      assert.equal(all.get('IDN')?.c138.declaredAge, 15);
      assert.ok(all.get('IDN')?.profile?.lightWork);
      assert.equal(all.get('IDN')?.profile?.nightWork?.citation, 'UU 13/2003 Pasal 76(1)');
    });

    test('malformed JSON gives a 400, not a 500', async () => {
      const res = await app.request('http://localhost/api/compliance/check', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"country":',
      });
      assert.equal(res.status, 400);
    });

    test('API, CLI and library agree on random inputs', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...COUNTRIES),
          fc.integer({ min: 5, max: 20 }),
          fc.constantFrom(...WORK_KINDS),
          fc.option(fc.constantFrom(1, 2, 3, 3.5, 6), { nil: undefined }),
          fc.boolean(),
          fc.constantFrom(null, 'female' as const, 'male' as const),
          async (country, age, work, hoursPerDay, night, sex) => {
            const facts = await services.compliance.countryFacts(country);
            assert.ok(facts, country);
            const library = evaluate(facts, { age, work, hoursPerDay: hoursPerDay ?? null, night, sex });
            const api = (await (await post({ country, age, work, hoursPerDay: hoursPerDay ?? null, night, sex })).json()) as any;
            const args = ['check', '--country', country, '--age', String(age), '--work', work, '--json'];
            if (hoursPerDay !== undefined) args.push('--hours-per-day', String(hoursPerDay));
            if (night) args.push('--night');
            if (sex) args.push('--sex', sex);
            const run = await cli(args);
            assert.equal(run.code, 0, run.err);
            const viaCli = JSON.parse(run.out);
            for (const answer of [api, viaCli]) {
              assert.equal(answer.verdict, library.verdict);
              assert.equal(answer.minimumAge, library.minimumAge);
              assert.equal(answer.minimumAgeBasis, library.minimumAgeBasis);
              assert.equal(answer.uncertain, library.uncertain);
              assert.deepEqual(
                answer.reasons.map((r: any) => `${r.rule}|${r.kind}|${r.citation}|${r.verdict}`),
                library.reasons.map((r) => `${r.rule}|${r.kind}|${r.citation}|${r.verdict}`),
              );
              assert.deepEqual(
                answer.conditions.map((c: any) => c.key),
                library.conditions,
              );
            }
          },
        ),
        { numRuns: database.name === 'sqlite' ? 60 : 30, seed: 182 },
      );
    });

    test('the CLI refuses bad arguments with one line and exit 2', async () => {
      for (const args of [
        ['check', '--country', 'IDN', '--age', '14'],
        ['check', '--country', 'IDN', '--age', '14', '--work', 'mining'],
        ['check', '--country', 'ID', '--age', '14', '--work', 'light'],
        ['check', '--country', 'IDN', '--age', 'x', '--work', 'light'],
        ['check', '--country', 'IDN', '--birth-date', '2011-13-01', '--work', 'light'],
      ]) {
        const run = await cli(args);
        assert.equal(run.code, 2, `${args.join(' ')}: ${run.out}`);
        assert.equal(run.err.trim().split('\n').length, 1, run.err);
      }
      const unknown = await cli(['check', '--country', 'ZZZ', '--age', '14', '--work', 'light']);
      assert.equal(unknown.code, 1);
    });
  });
}
