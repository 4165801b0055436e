/**
 * Issue 12: every kind of write refreshes each cached document that shows what it changed, on
 * another instance too, and leaves the documents that do not show it cached. Two sets of services
 * on one database stand for two instances (the two-process test over HTTP is cache-two-process).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { ComplianceService } from '../../src/services/compliance-service.ts';
import { GapsService } from '../../src/services/gaps-service.ts';
import { RegistryService } from '../../src/services/registry-service.ts';
import { backupDatabase, restoreDatabase } from '../../src/storage/backup.ts';
import { KyselyRegistryRepository } from '../../src/storage/registry-repository.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-11-27T10:00:00.000Z');
const source = 'Test source: ILO NORMLEX printout, 2026';

type Docs = Record<string, unknown>;

/** The cached documents, as an instance reads them (search and gaps are built per call from cached parts). */
async function readAll(s: Pick<Services, 'registry' | 'compliance' | 'gaps'>): Promise<Docs> {
  return {
    'instrument C138': await s.registry.getInstrument('C138'),
    'instrument C155': await s.registry.getInstrument('C155'),
    'country IDN': await s.registry.getCountryProfile('IDN'),
    'country MYS': await s.registry.getCountryProfile('MYS'),
    'instrument list': await s.registry.listInstruments({}, { page: 1, pageSize: 1000 }),
    'outdated instruments': await s.registry.listInstruments({ status: 'outdated' }, { page: 1, pageSize: 1000 }),
    'country list': await s.registry.listCountries({}),
    'search renamed': await s.registry.search('renamed'),
    subjects: await s.registry.listSubjects(),
    'compliance IDN': await s.compliance.countryFacts('IDN'),
    'compliance MYS': await s.compliance.countryFacts('MYS'),
    'compliance all': await s.compliance.allCountryFacts(),
    gaps: await s.gaps.list({}, { page: 1, pageSize: 100_000 }, null),
  };
}

const json = (v: unknown) => JSON.parse(JSON.stringify(v, (_key, x) => (x instanceof Map ? Object.fromEntries(x) : x)));

for (const database of await allDatabases()) {
  describe(`cache freshness across instances on ${database.name}`, { skip: database.skip }, () => {
    let writer: Services;
    let reader: Services;
    let admin: Actor;
    const work = mkdtempSync(join(tmpdir(), 'tripartite-cache-'));
    const backupFile = join(work, 'before.jsonl.gz');

    /** Services with empty caches on the reader's database: what a new instance would serve. */
    const freshInstance = () => {
      const repo = new KyselyRegistryRepository(reader.handle.db, reader.handle.dialect);
      // The Governing Body's gaps are read uncached, as the container adds them (decision 112).
      const gaps = new GapsService(repo).withSource(() => reader.organs.gaps(new Date().toISOString().slice(0, 10)));
      return { registry: new RegistryService(repo), compliance: new ComplianceService(repo), gaps };
    };

    /**
     * Warms the reader, runs the write through the writer, then reads through the reader: every
     * document equals what a new instance reads, `changed` ones differ from before, `kept` ones are
     * the very objects cached before (not reloaded).
     */
    async function check(write: () => Promise<unknown>, expect: { changed: string[]; kept: string[] }) {
      const warm = await readAll(reader);
      await readAll(reader);
      await write();
      const seen = await readAll(reader);
      const truth = await readAll(freshInstance());
      for (const name of Object.keys(truth))
        assert.deepEqual(json(seen[name]), json(truth[name]), `${name} is stale on the other instance`);
      for (const name of expect.changed) assert.notDeepEqual(json(seen[name]), json(warm[name]), `${name} should show the write`);
      for (const name of expect.kept) assert.equal(seen[name], warm[name], `${name} does not show the write and should stay cached`);
    }

    before(async () => {
      writer = await createServices(database.config, { hasher: testHasher });
      reader = await createServices(database.config, { hasher: testHasher, prepare: false });
      admin = await writer.accounts.createUser({ email: 'admin@example.org', password: PASSWORD, role: 'admin' }, NOW);
      await backupDatabase(writer.handle, backupFile, NOW);
    });
    after(async () => {
      await writer?.close();
      await reader?.close();
      rmSync(work, { recursive: true, force: true });
      await database.cleanup();
    });

    test('a ratification save refreshes its instrument page, country profile and compliance facts only', () =>
      check(
        () =>
          writer.edits.saveRatification(
            admin,
            {
              country: 'IDN',
              instrument: 'C138',
              legalAct: 'Cache test act',
              minimumAge: { value: 16, article: 'C138 Art 2(2)', date: '2020-01-01' },
              source,
            },
            NOW,
          ),
        {
          changed: ['instrument C138', 'country IDN', 'compliance IDN', 'compliance all'],
          kept: ['instrument C155', 'country MYS', 'instrument list', 'country list', 'compliance MYS', 'subjects'],
        },
      ));

    test('a new ratification also refreshes the counts in lists', () =>
      check(() => writer.edits.saveRatification(admin, { country: 'IDN', instrument: 'C155', registrationDate: '2026', source }, NOW), {
        changed: ['instrument C155', 'country IDN', 'instrument list', 'country list'],
        kept: ['instrument C138', 'country MYS', 'compliance IDN', 'compliance MYS', 'subjects'],
      }));

    test('a denunciation refreshes the State, the instrument and the compliance facts', () =>
      check(() => writer.edits.denounce(admin, { country: 'MYS', instrument: 'C138', date: '2026-01-01', source }, NOW), {
        changed: ['instrument C138', 'country MYS', 'compliance MYS', 'compliance all'],
        kept: ['instrument C155', 'country IDN', 'instrument list', 'country list', 'compliance IDN'],
      }));

    test('an instrument status edit refreshes its page, the lists and the gaps', () =>
      check(() => writer.edits.updateInstrument(admin, { code: 'C155', status: 'outdated', source }, NOW), {
        changed: ['instrument C155', 'instrument list', 'outdated instruments'],
        kept: ['instrument C138', 'country IDN', 'country MYS', 'country list', 'compliance IDN', 'compliance all'],
      }));

    test('an instrument title edit refreshes every document naming the instrument, and search', () =>
      check(() => writer.edits.updateInstrument(admin, { code: 'C155', titleEn: 'Renamed Safety Convention', source }, NOW), {
        changed: ['instrument C155', 'country IDN', 'instrument list', 'search renamed'],
        kept: ['country list', 'compliance IDN', 'compliance all'],
      }));

    test('a national profile edit refreshes the compliance facts of that State', () =>
      check(() => writer.edits.updateNationalProfile(admin, { country: 'IDN', compulsoryEducationAge: 17, source }, NOW), {
        changed: ['compliance IDN', 'compliance all'],
        kept: ['instrument C138', 'instrument C155', 'country MYS', 'instrument list', 'country list', 'compliance MYS'],
      }));

    test('a revert refreshes what the reverted change showed', async () => {
      const created = await writer.edits.history({ recordKey: 'IDN/C155', recordType: 'ratification' }, { page: 1, pageSize: 10 });
      const event = created.items.find((e) => e.action === 'create');
      assert.ok(event, 'the IDN/C155 ratification was created above');
      await check(() => writer.edits.revert(admin, event.id, 'cache test', NOW), {
        changed: ['instrument C155', 'country IDN', 'instrument list', 'country list'],
        kept: ['instrument C138', 'country MYS', 'compliance MYS'],
      });
    });

    test('an import refreshes every document showing one of its rows', () =>
      check(
        () =>
          writer.edits.importRatifications(
            admin,
            [
              { line: 2, input: { country: 'MYS', instrument: 'C155', registrationDate: '2025', source } },
              { line: 3, input: { country: 'IDN', instrument: 'C138', legalAct: 'Imported act', source } },
            ],
            NOW,
          ),
        {
          changed: ['instrument C155', 'instrument C138', 'country MYS', 'country IDN', 'instrument list', 'country list'],
          kept: ['compliance MYS', 'subjects'],
        },
      ));

    test('every cache lookup is reported to the events given to createServices, by cache and document kind', async () => {
      const seen: string[] = [];
      const observed = await createServices(database.config, {
        prepare: false,
        hasher: testHasher,
        events: {
          cacheLookup: (cache, kind, hit) => seen.push(`${cache} ${kind} ${hit ? 'hit' : 'miss'}`),
          rowsImported: () => {},
          loginFailed: () => {},
        },
      });
      try {
        await observed.registry.getInstrument('C138');
        await observed.registry.getInstrument('C138');
        await observed.compliance.countryFacts('IDN');
        await observed.gaps.list({}, { page: 1, pageSize: 10 }, null);
      } finally {
        await observed.close();
      }
      assert.deepEqual(seen, [
        'registry instrument miss',
        'registry completeLists miss',
        'registry instrument hit',
        'compliance complianceCountry miss',
        'gaps gaps miss',
      ]);
      assert.deepEqual(observed.registry.cacheCounters().instrument, { hits: 1, misses: 1 });
    });

    test('version checks made in one turn share one query, and a check after a write sees it', async () => {
      let queries = 0;
      const counting = reader.handle.db.withPlugin({
        transformQuery: (args) => {
          queries++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      });
      const repo = new KyselyRegistryRepository(counting, reader.handle.dialect);
      const [idn, mys, idnAgain] = await Promise.all([
        repo.versionsOf(['country:IDN']),
        repo.versionsOf(['country:MYS', '*']),
        repo.versionsOf(['country:IDN']),
      ]);
      assert.equal(queries, 1, 'three checks, one query');
      assert.equal(idnAgain, idn);
      await writer.edits.saveRatification(admin, { country: 'IDN', instrument: 'C138', legalAct: 'Batched check act', source }, NOW);
      const [idnAfter, mysAfter] = await Promise.all([repo.versionsOf(['country:IDN']), repo.versionsOf(['country:MYS', '*'])]);
      assert.notEqual(idnAfter, idn, 'the write to IDN is seen');
      assert.equal(mysAfter, mys, 'MYS did not change');
      assert.equal(queries, 2);
    });

    test('a restore refreshes everything', () =>
      check(() => restoreDatabase(writer.handle, backupFile, { replace: true }), {
        changed: [
          'instrument C138',
          'instrument C155',
          'country IDN',
          'country MYS',
          'instrument list',
          'country list',
          'compliance IDN',
          'compliance MYS',
        ],
        kept: [],
      }));
  });
}
