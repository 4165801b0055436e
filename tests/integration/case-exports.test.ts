import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import { createApp } from '../../src/http/app.ts';
import { pseudonymKey } from '../../src/services/cases/case-export-service.ts';
import { actionNotesField, openValue, sealCaseFields, sealValue, visitNotesField } from '../../src/storage/case-codec.ts';
import { PASSWORD, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';
import { addMember, insertUnit } from '../support/monitoring-fixture.ts';

/*
 * Case exports (decision 224) and retention (decision 225) on both databases: a pseudonymised
 * export names no child; an identifying export is a case manager's, needs a reason, releases only
 * what consent covers and leaves an event per released case; retention clears the sealed columns
 * of closed cases past the unit's period, with an event, and nothing else.
 */
const TODAY = '2026-12-04';
const NOW = new Date(`${TODAY}T10:00:00Z`);

interface Child {
  number: number;
  name: string;
  birth: string;
  consent: 'export' | 'case-only' | 'none';
  closedOn: string | null;
}
const CHILDREN: Child[] = [
  { number: 1, name: 'Siti Rahmawati', birth: '2012-03-14', consent: 'export', closedOn: null },
  { number: 2, name: 'Budi Santoso', birth: '2011-07-02', consent: 'case-only', closedOn: null },
  { number: 3, name: 'Dewi Lestari', birth: '2013-01-20', consent: 'none', closedOn: null },
  { number: 4, name: 'Agus Pratama', birth: '2008-05-05', consent: 'export', closedOn: '2023-06-30' },
  { number: 5, name: 'Rina Wulandari', birth: '2010-11-11', consent: 'export', closedOn: '2025-06-30' },
];

for (const database of await allDatabases()) {
  describe(`Case exports and retention on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    let unit: number;
    const ids = new Map<number, string>();
    const tokens: Record<string, string> = {};
    const get = (path: string, who: string | null, headers: Record<string, string> = {}) =>
      app.request(`http://localhost${path}`, { headers: { ...headers, ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) } });
    const eventsOf = (action: string) =>
      services.handle.db.selectFrom('case_events').selectAll().where('unit_id', '=', unit).where('action', '=', action).execute();

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, today: () => TODAY, now: () => NOW });
      const db = services.handle.db;
      const keys = services.dataKeys!;
      unit = await insertUnit(db, 'Export unit', { retentionMonths: 24 });
      const other = await insertUnit(db, 'Other unit');
      for (const c of CHILDREN) {
        const id = randomUUID();
        ids.set(c.number, id);
        await db
          .insertInto('cases')
          .values({
            id,
            unit_id: unit,
            case_number: c.number,
            worker_ref: `W-${c.number}`,
            origin: 'screening',
            status: c.closedOn ? 'closed' : 'follow_up',
            priority: 'hazardous',
            priority_rank: 2,
            identified_on: '2023-01-10',
            sex: c.number % 2 ? 'female' : 'male',
            age_years: 13,
            age_precision: 'exact',
            district: 'Poso',
            household_ref: `HH-${c.number}`,
            country_iso3: 'IDN',
            verdict: 'prohibited',
            ...sealCaseFields(keys, id, {
              name: c.name,
              birth_date: c.birth,
              village: 'Desa Tambarana',
              contact: '+62 812 0000 0000',
              notes: `Notes about ${c.name}`,
              consent_by: c.consent === 'none' ? null : 'Ibu Sri',
            }),
            consent_relation: c.consent === 'none' ? null : 'parent',
            consent_on: c.consent === 'none' ? null : '2023-01-10',
            consent_purposes: JSON.stringify(c.consent === 'export' ? ['case_management', 'identified_export'] : ['case_management']),
            closed_on: c.closedOn,
            closure_reason: c.closedOn ? 'moved_away' : null,
            created_at: NOW.toISOString(),
            updated_at: NOW.toISOString(),
          })
          .execute();
        await db
          .insertInto('case_visits')
          .values({
            case_id: id,
            visited_on: '2023-03-01',
            kind: 'follow_up',
            in_child_labour: 0,
            notes_enc: sealValue(keys, id, visitNotesField, `${c.name} was at school`),
            created_at: NOW.toISOString(),
          })
          .execute();
        await db
          .insertInto('case_actions')
          .values({
            case_id: id,
            kind: 'school_kit',
            responsible: 'cooperative',
            due_on: '2023-02-01',
            provided_on: '2023-02-01',
            notes_enc: sealValue(keys, id, actionNotesField, `Kit given to ${c.name}`),
            created_at: NOW.toISOString(),
          })
          .execute();
      }
      for (const [who, u, role] of [
        ['manager', unit, 'case_manager'],
        ['monitor', unit, 'monitor'],
        ['viewer', unit, 'viewer'],
        ['stranger', other, 'case_manager'],
      ] as const) {
        const user = await services.accounts.createUser({ email: `${who}@example.org`, password: PASSWORD, role: 'reader' }, NOW);
        await addMember(db, u, user.id, role);
        tokens[who] = (await services.accounts.createApiToken(user.id, 'export test', NOW)).token;
      }
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('pseudonymised export (a monitor): keyed pseudonyms, age band, district; no name, birth date, village or case number', async () => {
      const res = await get(`/api/units/${unit}/cases/export`, 'monitor');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'private, no-store');
      const text = await res.text();
      const [head, ...rows] = text.trim().split('\r\n');
      assert.equal(head, 'pseudonym,age_band,sex,district,status,priority,verdict,identified_on,closed_on,closure_reason');
      assert.equal(rows.length, CHILDREN.length);
      for (const c of CHILDREN) {
        assert.ok(!text.includes(c.name) && !text.includes(c.birth), 'an identifying value in a pseudonymised export');
        assert.ok(!text.includes(ids.get(c.number)!));
      }
      assert.ok(!text.includes('Tambarana') && !text.includes('HH-') && !text.includes('W-1'));
      assert.match(rows[0]!, /^[A-Za-z0-9_-]{16},12-14,female,Poso,follow_up,hazardous,prohibited,2023-01-10,,$/);
      // Stable for the unit (rows of a child join across exports), different from another unit's key.
      const again = await (await get(`/api/units/${unit}/cases/export`, 'monitor')).text();
      assert.equal(again, text);
      assert.notDeepEqual(pseudonymKey(services.dataKeys!, unit), pseudonymKey(services.dataKeys!, unit + 1));
      assert.equal((await eventsOf('identifying_export')).length, 0);
    });

    test('who may export: a viewer 403 (aggregates only), another unit 404, anonymous 401, a monitor may not ask for identifying data', async () => {
      assert.equal((await get(`/api/units/${unit}/cases/export`, 'viewer')).status, 403);
      assert.equal((await get(`/api/units/${unit}/cases/export`, 'stranger')).status, 404);
      assert.equal((await get(`/api/units/${unit}/cases/export?identifying=true&reason=x`, 'stranger')).status, 404);
      assert.equal((await get(`/api/units/${unit}/cases/export?identifying=maybe`, null)).status, 401);
      assert.equal((await get(`/api/units/${unit}/cases/export?identifying=true&reason=audit`, 'monitor')).status, 403);
      const noReason = await get(`/api/units/${unit}/cases/export?identifying=true`, 'manager');
      assert.equal(noReason.status, 400);
      assert.equal(((await noReason.json()) as any).errors[0].field, 'reason');
      const crossSite = await get(`/api/units/${unit}/cases/export?identifying=true&reason=x`, 'manager', {
        'sec-fetch-site': 'cross-site',
      });
      assert.equal(crossSite.status, 403);
      assert.equal((await eventsOf('identifying_export')).length, 0);
    });

    test('identifying export (a case manager, with a reason): released only where consent covers it, one event per released case', async () => {
      const reason = 'Referral list for the district education office';
      const res = await get(`/api/units/${unit}/cases/export?identifying=true&reason=${encodeURIComponent(reason)}`, 'manager');
      assert.equal(res.status, 200);
      const [head, ...rows] = (await res.text()).trim().split('\r\n');
      const cols = head!.split(',');
      const byNumber = new Map(rows.map((r) => [Number(r.split(',')[cols.indexOf('case_number')]), r.split(',')]));
      const cell = (n: number, col: string) => byNumber.get(n)![cols.indexOf(col)];
      assert.equal(cell(1, 'name'), 'Siti Rahmawati');
      assert.equal(cell(1, 'birth_date'), '2012-03-14');
      assert.equal(cell(1, 'withheld'), '');
      assert.equal(cell(2, 'name'), '');
      assert.equal(cell(2, 'withheld'), 'purpose-not-covered');
      assert.equal(cell(3, 'name'), '');
      assert.equal(cell(3, 'withheld'), 'no-consent');
      const events = await eventsOf('identifying_export');
      assert.deepEqual(events.map((e) => e.case_id).sort(), [ids.get(1), ids.get(4), ids.get(5)].sort());
      for (const e of events) {
        assert.equal(e.reason, reason);
        assert.equal(e.actor, 'manager@example.org');
        assert.equal(e.at, NOW.toISOString());
        for (const c of CHILDREN) assert.ok(!`${e.before}${e.after}`.includes(c.name), 'an identifying value in a case event');
      }
    });

    test('retention: closed cases past 24 months are anonymised (sealed columns, notes, references) with an event; others untouched', async () => {
      const db = services.handle.db;
      const metricsBefore = await services.caseMetrics.unitMetricsAsOperator(unit, { from: '2023-01-01', to: TODAY }, TODAY);
      const result = await services.caseRetention.anonymiseDue(unit, TODAY, NOW, { userId: null, actor: 'retention (cli)' });
      assert.equal(result.cutoff, '2024-12-04');
      assert.deepEqual(result.caseIds, [ids.get(4)]);
      const gone = await db.selectFrom('cases').selectAll().where('id', '=', ids.get(4)!).executeTakeFirstOrThrow();
      for (const col of [
        'name_enc',
        'birth_date_enc',
        'village_enc',
        'location_enc',
        'contact_enc',
        'notes_enc',
        'consent_by_enc',
      ] as const)
        assert.equal(gone[col], null, col);
      assert.equal(gone.household_ref, null);
      assert.equal(gone.worker_ref, null);
      assert.equal(gone.anonymised_at, NOW.toISOString());
      assert.equal(gone.district, 'Poso');
      assert.equal(gone.age_years, 13);
      const visit = await db.selectFrom('case_visits').select('notes_enc').where('case_id', '=', ids.get(4)!).executeTakeFirstOrThrow();
      const action = await db.selectFrom('case_actions').select('notes_enc').where('case_id', '=', ids.get(4)!).executeTakeFirstOrThrow();
      assert.equal(visit.notes_enc, null);
      assert.equal(action.notes_enc, null);
      const events = await eventsOf('anonymise');
      assert.deepEqual(
        events.map((e) => [e.case_id, e.actor]),
        [[ids.get(4), 'retention (cli)']],
      );
      // Closed 2025-06-30 (not yet due) and open cases keep their sealed data.
      for (const n of [1, 5]) {
        const row = await db
          .selectFrom('cases')
          .select(['name_enc', 'anonymised_at'])
          .where('id', '=', ids.get(n)!)
          .executeTakeFirstOrThrow();
        assert.equal(row.anonymised_at, null);
        assert.equal(openValue(services.dataKeys!, ids.get(n)!, 'name', row.name_enc), CHILDREN[n - 1]!.name);
      }
      // The figures do not change; a second run finds nothing more.
      assert.deepEqual(await services.caseMetrics.unitMetricsAsOperator(unit, { from: '2023-01-01', to: TODAY }, TODAY), metricsBefore);
      assert.equal((await services.caseRetention.anonymiseDue(unit, TODAY, NOW, { userId: null, actor: 'x' })).anonymised, 0);
      // An identifying export now withholds the anonymised child.
      const res = await get(`/api/units/${unit}/cases/export?identifying=true&reason=audit`, 'manager');
      const text = await res.text();
      assert.ok(!text.includes('Agus Pratama'));
      assert.match(text, /anonymised/);
    });

    test('retention for no such unit is refused; a later day makes the second closed case due', async () => {
      await assert.rejects(services.caseRetention.anonymiseDue(999_999, TODAY, NOW, { userId: null, actor: 'x' }), { code: 'not_found' });
      const later = await services.caseRetention.anonymiseDue(unit, '2027-06-30', NOW, { userId: null, actor: 'x' });
      assert.deepEqual(later.caseIds, [ids.get(5)]);
    });
  });
}
