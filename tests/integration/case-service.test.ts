import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { DomainError } from '../../src/domain/errors.ts';
import type { OpenCaseInput } from '../../src/services/cases/case-types.ts';
import { testHasher } from '../support/accounts.ts';
import { insertMember, insertUnit } from '../support/case-units.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-04T09:00:00.000Z');
const TODAY = '2026-12-04';
const at = (day: string) => new Date(`${day}T10:00:00.000Z`);

/** A 12-year-old carrying heavy loads on a cocoa farm: hazardous work under 18, a worst form (C182 Art 3(d)). */
export const HAZARDOUS_CHILD: OpenCaseInput = {
  origin: 'visit',
  identifiedOn: '2026-09-01',
  sex: 'female',
  ageYears: 12,
  agePrecision: 'estimated',
  district: 'Poso',
  householdRef: 'HH-17',
  schoolEnrolled: true,
  schoolAttending: false,
  work: 'hazardous',
  workTask: 'carrying cocoa pods',
  commodity: 'cocoa',
  hoursPerDay: 5,
  nightWork: false,
  hazards: ['heavy loads', 'machetes'],
};

const CONSENT = { by: 'Ibu Rahmawati', relation: 'parent' as const, on: '2026-09-01', purposes: ['case_management'] };

async function refused(promise: Promise<unknown>, code: DomainError['code']): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

for (const database of await allDatabases()) {
  describe(`case service on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    const users: Record<string, Actor> = {};
    let unitA: number;
    let unitB: number;

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      for (const name of ['monA', 'monB', 'cmA', 'viewerA', 'adminA']) {
        users[name] = await services.accounts.createUser(
          { email: `${name.toLowerCase()}@example.org`, password: 'correct horse battery staple', role: 'reader' },
          NOW,
        );
      }
      users.platform = await services.accounts.createUser(
        { email: 'platform@example.org', password: 'correct horse battery staple', role: 'admin' },
        NOW,
      );
      const db = services.handle.db;
      unitA = await insertUnit(db, 'Cooperative A', { lostAfterAttempts: 2 });
      unitB = await insertUnit(db, 'Cooperative B');
      await insertMember(db, unitA, users.monA!.id, 'monitor');
      await insertMember(db, unitA, users.cmA!.id, 'case_manager');
      await insertMember(db, unitA, users.viewerA!.id, 'viewer');
      await insertMember(db, unitA, users.adminA!.id, 'unit_admin');
      await insertMember(db, unitB, users.monB!.id, 'monitor');
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('opening a case assesses it with the compliance engine, numbers it within the unit and records the open event', async () => {
      const first = await services.cases.openCase(users.monA!, unitA, HAZARDOUS_CHILD, NOW);
      assert.equal(first.verdict, 'worst_form');
      assert.equal(first.priority, 'worst_form');
      assert.equal(first.status, 'identified');
      assert.equal(first.country, 'IDN');
      assert.ok(
        first.reasons.some((r) => /C182 Art 3/.test(r.citation)),
        JSON.stringify(first.reasons),
      );
      assert.deepEqual(first.hazards, ['heavy loads', 'machetes']);
      assert.equal(first.identifying, true);
      assert.equal(first.name, null);
      const second = await services.cases.openCase(
        users.monA!,
        unitA,
        { ...HAZARDOUS_CHILD, ageYears: 16, work: 'light', hoursPerDay: 2, hazards: [] },
        NOW,
      );
      assert.equal(second.caseNumber, first.caseNumber + 1);
      const other = await services.cases.openCase(users.monB!, unitB, HAZARDOUS_CHILD, NOW);
      assert.equal(other.caseNumber, 1, 'numbers count within each unit');
      const events = await services.cases.events(users.monA!, first.id);
      assert.equal(events.length, 1);
      assert.equal(events[0]!.action, 'open');
      assert.equal(events[0]!.actor, 'mona@example.org');
    });

    test('identifying fields are refused without consent, naming each field and citing UU 27/2022 Pasal 25(2)', async () => {
      const error = await refused(
        services.cases.openCase(
          users.monA!,
          unitA,
          { ...HAZARDOUS_CHILD, ageYears: null, name: 'Siti Rahmawati', birthDate: '2012-03-14' },
          NOW,
        ),
        'invalid',
      );
      assert.deepEqual(error.issues.map((i) => i.field).sort(), ['birthDate', 'name']);
      for (const issue of error.issues) assert.match(issue.message, /UU 27\/2022 Pasal 25\(2\)/);
      assert.doesNotMatch(error.message, /Siti|2012-03-14/, 'the refusal never repeats the value');
      const late = await refused(
        services.cases.openCase(users.monA!, unitA, { ...HAZARDOUS_CHILD, name: 'Siti', consent: { ...CONSENT, on: '2026-10-01' } }, NOW),
        'invalid',
      );
      assert.equal(late.issues[0]!.field, 'name');
      assert.equal(late.issues[0]!.rule, 'not-yet-given');
      const purpose = await refused(
        services.cases.openCase(
          users.monA!,
          unitA,
          { ...HAZARDOUS_CHILD, name: 'Siti', consent: { ...CONSENT, purposes: ['referral'] } },
          NOW,
        ),
        'invalid',
      );
      assert.equal(purpose.issues[0]!.rule, 'purpose-not-covered');
    });

    test('with consent the identifying fields are stored sealed, shown to members who may see them, and the age is computed from the birth date', async () => {
      const opened = await services.cases.openCase(
        users.monA!,
        unitA,
        {
          ...HAZARDOUS_CHILD,
          ageYears: null,
          name: 'Siti Rahmawati',
          birthDate: '2012-03-14',
          village: 'Desa Tampemadoro',
          consent: CONSENT,
        },
        NOW,
      );
      assert.equal(opened.ageYears, 14);
      assert.equal(opened.agePrecision, 'exact');
      assert.equal(opened.name, 'Siti Rahmawati');
      assert.equal(opened.birthDate, '2012-03-14');
      assert.deepEqual(opened.consent, { by: 'Ibu Rahmawati', relation: 'parent', on: '2026-09-01', purposes: ['case_management'] });
      const row = await services.handle.db.selectFrom('cases').selectAll().where('id', '=', opened.id).executeTakeFirstOrThrow();
      assert.ok(row.name_enc?.startsWith('v1.'));
      assert.ok(!JSON.stringify(row).includes('Siti'));
      const manager = await services.cases.getCase(users.cmA!, opened.id, TODAY);
      assert.equal(manager.village, 'Desa Tampemadoro');
      const events = JSON.stringify(await services.handle.db.selectFrom('case_events').selectAll().execute());
      assert.ok(!events.includes('Siti') && !events.includes('2012-03-14') && !events.includes('Tampemadoro'));
      assert.match(events, /identifyingFields/);
    });

    test('scope: another unit\u2019s case is 404 on every step; a viewer, a unit admin and a platform admin see no case; anonymous is 401', async () => {
      const mine = await services.cases.openCase(users.monA!, unitA, HAZARDOUS_CHILD, NOW);
      const visit = { visitedOn: TODAY, kind: 'follow_up' as const, childFound: true, inChildLabour: false, atSchool: true };
      const action = { kind: 'school_kit', responsible: 'Cooperative A', dueOn: TODAY };
      const steps: [string, (who: Actor | null) => Promise<unknown>][] = [
        ['getCase', (who) => services.cases.getCase(who, mine.id, TODAY)],
        ['events', (who) => services.cases.events(who, mine.id)],
        ['recordVisit', (who) => services.cases.recordVisit(who, mine.id, visit, NOW)],
        ['addAction', (who) => services.cases.addAction(who, mine.id, action, NOW)],
        ['markActionProvided', (who) => services.cases.markActionProvided(who, mine.id, 1, TODAY, NOW)],
        ['assign', (who) => services.cases.assign(who, mine.id, null, NOW)],
        ['closeCase', (who) => services.cases.closeCase(who, mine.id, { reason: 'duplicate', on: TODAY, note: 'x' }, NOW)],
      ];
      for (const [name, step] of steps) {
        for (const who of ['monB', 'viewerA', 'adminA', 'platform']) {
          const error = await refused(step(users[who]!), 'not_found');
          assert.doesNotMatch(error.message, /Cooperative A/, `${name} as ${who}`);
        }
        await refused(step(null), 'unauthenticated');
      }
      await refused(services.cases.listCases(users.monB!, { unitId: unitA }, TODAY), 'not_found');
      await refused(services.cases.listCases(users.viewerA!, { unitId: unitA }, TODAY), 'forbidden');
      await refused(services.cases.worklist(users.monB!, unitA, TODAY), 'not_found');
      await refused(services.cases.openCase(users.monB!, unitA, HAZARDOUS_CHILD, NOW), 'not_found');
      await refused(services.cases.openCase(users.viewerA!, unitA, HAZARDOUS_CHILD, NOW), 'forbidden');
      // A monitor may not plan support, assign or close: 403 inside their own unit.
      await refused(services.cases.addAction(users.monA!, mine.id, action, NOW), 'forbidden');
      await refused(services.cases.closeCase(users.monA!, mine.id, { reason: 'duplicate', on: TODAY, note: 'x' }, NOW), 'forbidden');
      await refused(services.cases.getCase(users.monA!, 'not-a-uuid', TODAY), 'not_found');
      const list = await services.cases.listCases(users.monB!, { unitId: unitB }, TODAY);
      assert.ok(list.every((c) => c.unitId === unitB));
    });

    test('closure rule end to end: one clear visit refuses with the rule in words, two on different days allow, a relapse resets', async () => {
      const c = await services.cases.openCase(users.monA!, unitA, HAZARDOUS_CHILD, at('2026-09-01'));
      let view = await services.cases.addAction(
        users.cmA!,
        c.id,
        { kind: 'school_enrolment', responsible: 'District education office', dueOn: '2026-09-20' },
        at('2026-09-02'),
      );
      assert.equal(view.status, 'support_planned');
      view = await services.cases.markActionProvided(users.cmA!, c.id, view.actions[0]!.id, '2026-09-15', at('2026-09-15'));
      assert.equal(view.status, 'support_provided');
      const clear = (visitedOn: string) => ({
        visitedOn,
        kind: 'follow_up' as const,
        childFound: true,
        inChildLabour: false,
        atSchool: true,
      });
      view = await services.cases.recordVisit(users.monA!, c.id, clear('2026-10-01'), at('2026-10-01'));
      assert.equal(view.status, 'follow_up');
      const close = { reason: 'no_longer_in_child_labour' as const, on: '2026-10-02' };
      const once = await refused(services.cases.closeCase(users.cmA!, c.id, close, at('2026-10-02')), 'invalid');
      assert.match(once.message, /2 consecutive follow-up visits on different days must find the child out of child labour; found 1/);
      assert.equal(once.issues[0]!.field, 'reason');
      // A second visit the same day is the same observation.
      await services.cases.recordVisit(users.monA!, c.id, clear('2026-10-01'), at('2026-10-02'));
      await refused(services.cases.closeCase(users.cmA!, c.id, close, at('2026-10-02')), 'invalid');
      // A relapse sends the case back to support planning and resets the count.
      view = await services.cases.recordVisit(users.monA!, c.id, { ...clear('2026-10-20'), inChildLabour: true }, at('2026-10-20'));
      assert.equal(view.status, 'support_planned');
      assert.equal(view.clearVisits, 0);
      view = await services.cases.recordVisit(users.monA!, c.id, clear('2026-11-10'), at('2026-11-10'));
      const afterRelapse = await refused(
        services.cases.closeCase(users.cmA!, c.id, { ...close, on: '2026-11-10' }, at('2026-11-10')),
        'invalid',
      );
      assert.match(afterRelapse.message, /found 1/);
      view = await services.cases.recordVisit(users.monA!, c.id, clear('2026-11-24'), at('2026-11-24'));
      assert.equal(view.clearVisits, 2);
      const closed = await services.cases.closeCase(users.cmA!, c.id, { ...close, on: '2026-11-25' }, at('2026-11-25'));
      assert.equal(closed.status, 'closed');
      assert.equal(closed.closureReason, 'no_longer_in_child_labour');
      await refused(services.cases.recordVisit(users.monA!, c.id, clear('2026-11-26'), at('2026-11-26')), 'conflict');
      const actions = (await services.cases.events(users.cmA!, c.id)).map((e) => e.action);
      assert.deepEqual(actions, ['open', 'action', 'action_provided', 'visit', 'visit', 'visit', 'visit', 'visit', 'close']);
    });

    test('the other closing reasons each need their own condition', async () => {
      const open = (input: Partial<OpenCaseInput> = {}) =>
        services.cases.openCase(users.monA!, unitA, { ...HAZARDOUS_CHILD, ...input }, NOW);
      const closeAs = (id: string, reason: string, note?: string) =>
        services.cases.closeCase(users.cmA!, id, { reason: reason as never, on: TODAY, note: note ?? null }, NOW);
      const young = await open();
      assert.match((await refused(closeAs(young.id, 'turned_18'), 'invalid')).message, /is 12, not 18/);
      const older = await open({ ageYears: 17, identifiedOn: '2025-11-01' });
      assert.equal((await closeAs(older.id, 'turned_18')).closureReason, 'turned_18');
      const moved = await open();
      assert.match((await refused(closeAs(moved.id, 'moved_away'), 'invalid')).message, /note is required/);
      assert.equal((await closeAs(moved.id, 'moved_away', 'moved to another province')).status, 'closed');
      const dup = await open();
      assert.equal((await closeAs(dup.id, 'duplicate', `duplicate of case ${young.caseNumber}`)).closureReason, 'duplicate');
      const lost = await open();
      const attempt = (visitedOn: string) => ({
        visitedOn,
        kind: 'attempt' as const,
        childFound: false,
        inChildLabour: null,
        atSchool: null,
      });
      await services.cases.recordVisit(users.monA!, lost.id, attempt('2026-10-01'), NOW);
      assert.match((await refused(closeAs(lost.id, 'lost_to_follow_up'), 'invalid')).message, /2 unsuccessful attempts .*found 1/);
      await services.cases.recordVisit(users.monA!, lost.id, attempt('2026-11-01'), NOW);
      assert.equal((await closeAs(lost.id, 'lost_to_follow_up')).closureReason, 'lost_to_follow_up');
      const labour = await open();
      assert.match((await refused(closeAs(labour.id, 'not_child_labour'), 'invalid')).message, /permitted or other_law/);
      const permitted = await open({ ageYears: 16, work: 'light', hoursPerDay: 2, hazards: [] });
      assert.equal(permitted.verdict, 'permitted', 'light work of a 16-year-old, 2 hours a day, in Indonesia');
      assert.equal((await closeAs(permitted.id, 'not_child_labour')).closureReason, 'not_child_labour');
      assert.match((await refused(closeAs(young.id, 'retired'), 'invalid')).issues[0]!.field, /reason/);
    });

    test('input errors name their field; a programme id must exist; assign takes only a monitor or case manager of the unit', async () => {
      const bad = await refused(
        services.cases.openCase(
          users.monA!,
          unitA,
          { ...HAZARDOUS_CHILD, work: 'mining' as never, identifiedOn: '2026-13-01', hoursPerDay: 30 },
          NOW,
        ),
        'invalid',
      );
      assert.deepEqual(bad.issues.map((i) => i.field).sort(), ['hoursPerDay', 'identifiedOn', 'work']);
      const unknown = await refused(services.cases.openCase(users.monA!, unitA, { ...HAZARDOUS_CHILD, country: 'XXX' }, NOW), 'invalid');
      assert.equal(unknown.issues[0]!.field, 'country');
      const c = await services.cases.openCase(users.monA!, unitA, HAZARDOUS_CHILD, NOW);
      const p = await refused(
        services.cases.addAction(
          users.cmA!,
          c.id,
          { kind: 'referral', responsible: 'X', dueOn: TODAY, programmeId: 'no-such-programme' },
          NOW,
        ),
        'invalid',
      );
      assert.equal(p.issues[0]!.field, 'programmeId');
      const v = await refused(
        services.cases.recordVisit(
          users.monA!,
          c.id,
          { visitedOn: '2027-01-01', kind: 'follow_up', childFound: true, inChildLabour: null, atSchool: null },
          NOW,
        ),
        'invalid',
      );
      assert.deepEqual(v.issues.map((i) => i.field).sort(), ['inChildLabour', 'visitedOn']);
      assert.equal((await refused(services.cases.assign(users.cmA!, c.id, users.viewerA!.id, NOW), 'invalid')).issues[0]!.field, 'userId');
      assert.equal((await refused(services.cases.assign(users.cmA!, c.id, users.monB!.id, NOW), 'invalid')).issues[0]!.field, 'userId');
      const assigned = await services.cases.assign(users.cmA!, c.id, users.monA!.id, NOW);
      assert.equal(assigned.assignedTo, users.monA!.id);
    });

    test('lists filter by status, priority and overdue, most urgent first; worklists for a monitor and a case manager', async () => {
      const unit = await insertUnit(services.handle.db, 'Cooperative C');
      await insertMember(services.handle.db, unit, users.monA!.id, 'monitor');
      await insertMember(services.handle.db, unit, users.cmA!.id, 'case_manager');
      // Worst form identified 2026-09-01: follow-up every 14 days, overdue by 2026-12-04.
      const urgent = await services.cases.openCase(users.monA!, unit, HAZARDOUS_CHILD, NOW);
      // A 16-year-old in light work identified today: not due for weeks.
      const calm = await services.cases.openCase(
        users.monA!,
        unit,
        { ...HAZARDOUS_CHILD, identifiedOn: TODAY, ageYears: 16, work: 'regular', hazards: [] },
        NOW,
      );
      const all = await services.cases.listCases(users.monA!, { unitId: unit }, TODAY);
      assert.deepEqual(
        all.map((c) => c.id),
        [urgent.id, calm.id],
      );
      assert.deepEqual(
        (await services.cases.listCases(users.monA!, { unitId: unit, overdue: true }, TODAY)).map((c) => c.id),
        [urgent.id],
      );
      assert.deepEqual(
        (await services.cases.listCases(users.monA!, { unitId: unit, overdue: false }, TODAY)).map((c) => c.id),
        [calm.id],
      );
      assert.deepEqual(
        (await services.cases.listCases(users.monA!, { unitId: unit, priority: 'worst_form' }, TODAY)).map((c) => c.id),
        [urgent.id],
      );
      assert.deepEqual(await services.cases.listCases(users.monA!, { unitId: unit, status: 'closed' }, TODAY), []);
      await services.cases.addAction(users.cmA!, calm.id, { kind: 'awareness_raising', responsible: 'Monitor', dueOn: '2026-12-01' }, NOW);
      const mine = await services.cases.worklist(users.monA!, unit, TODAY);
      assert.equal(mine.scope, 'monitor');
      assert.deepEqual(
        mine.visits.map((c) => c.id),
        [urgent.id],
      );
      assert.deepEqual(
        mine.actions.map((a) => a.caseId),
        [calm.id],
      );
      assert.equal(mine.actions[0]!.action.overdue, true);
      // Assigned to someone else: off the monitor's list, still on the case manager's.
      await services.cases.assign(users.cmA!, urgent.id, users.cmA!.id, NOW);
      assert.deepEqual((await services.cases.worklist(users.monA!, unit, TODAY)).visits, []);
      const unitList = await services.cases.worklist(users.cmA!, unit, TODAY);
      assert.equal(unitList.scope, 'unit');
      assert.deepEqual(
        unitList.visits.map((c) => c.id),
        [urgent.id],
      );
      const due = await services.cases.dueForUnit(unit, TODAY);
      assert.equal(due.visits[0]!.name, null);
      assert.deepEqual(
        due.visits.map((c) => c.caseNumber),
        [urgent.caseNumber],
      );
    });
  });
}
