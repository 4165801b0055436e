import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createServices, type Services } from '../../src/container.ts';
import type { Actor } from '../../src/domain/access/policy.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { OPERATOR } from '../../src/services/cases/unit-service.ts';
import { testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';

const NOW = new Date('2026-12-04T10:00:00.000Z');
const PASSWORD = 'correct horse battery staple';

async function refused(promise: Promise<unknown>, code: DomainError['code'], field?: string): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DomainError, `expected a DomainError, got ${error}`);
    assert.equal(error.code, code, error.message);
    if (field)
      assert.ok(
        error.issues.some((i) => i.field === field),
        `issues name ${field}: ${JSON.stringify(error.issues)}`,
      );
    return error;
  }
  assert.fail(`expected ${code}`);
}

for (const database of await allDatabases()) {
  describe(`monitoring units (service) on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    const actors: Record<string, Actor> = {};

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      for (const [key, role] of [
        ['admin', 'admin'],
        ['unitAdmin', 'reader'],
        ['monitor', 'reader'],
        ['viewer', 'reader'],
        ['outsider', 'secretariat'],
      ] as const) {
        actors[key] = await services.accounts.createUser({ email: `${key.toLowerCase()}@example.org`, password: PASSWORD, role }, NOW);
      }
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    test('a platform admin creates a unit with the documented defaults; others may not', async () => {
      const unit = await services.units.create(
        actors.admin!,
        { name: '  Cocoa co-op Sulawesi ', country: 'idn', kind: 'cooperative', commodity: 'cocoa' },
        NOW,
      );
      assert.equal(unit.name, 'Cocoa co-op Sulawesi');
      assert.equal(unit.country, 'IDN');
      assert.deepEqual(unit.followUpDays, { worst_form: 14, hazardous: 30, vulnerable: 60, other: 90 });
      assert.equal(unit.lostAfterAttempts, 3);
      assert.equal(unit.retentionMonths, 24);
      assert.equal(unit.myRole, null);
      await refused(services.units.create(null, { name: 'x', country: 'IDN' }, NOW), 'unauthenticated');
      await refused(services.units.create(actors.outsider!, { name: 'x', country: 'IDN' }, NOW), 'forbidden');
      await refused(services.units.create(actors.admin!, { name: 'x', country: 'XXX' }, NOW), 'invalid', 'country');
      await refused(services.units.create(actors.admin!, { name: ' ', country: 'IDN' }, NOW), 'invalid', 'name');
      await refused(services.units.create(actors.admin!, { name: 'x', country: 'IDN', kind: 'club' as never }, NOW), 'invalid', 'kind');
      await refused(
        services.units.create(actors.admin!, { name: 'x', country: 'IDN', followUpDays: { hazardous: 0 } }, NOW),
        'invalid',
        'followUpDays.hazardous',
      );
      const op = await services.units.create(
        OPERATOR,
        { name: 'District labour office', country: 'GHA', followUpDays: { worst_form: 7 } },
        NOW,
      );
      assert.equal(op.followUpDays.worst_form, 7);
      assert.equal(op.followUpDays.other, 90);
    });

    test('members: added by email or id, scoped visibility, 404 for non-members, 403 for a viewer', async () => {
      const unit = await services.units.create(actors.admin!, { name: 'Scope unit', country: 'IDN' }, NOW);
      const other = await services.units.create(actors.admin!, { name: 'Other unit', country: 'IDN' }, NOW);
      await services.units.addMember(actors.admin!, unit.id, { email: 'UnitAdmin@example.org', role: 'unit_admin' }, NOW);
      // The unit admin adds the rest.
      await services.units.addMember(actors.unitAdmin!, unit.id, { userId: actors.monitor!.id, role: 'monitor' }, NOW);
      await services.units.addMember(actors.unitAdmin!, unit.id, { email: 'viewer@example.org', role: 'viewer' }, NOW);
      await refused(
        services.units.addMember(actors.unitAdmin!, unit.id, { email: 'viewer@example.org', role: 'monitor' }, NOW),
        'conflict',
      );
      await refused(
        services.units.addMember(actors.unitAdmin!, unit.id, { email: 'nobody@example.org', role: 'monitor' }, NOW),
        'invalid',
        'email',
      );
      await refused(
        services.units.addMember(actors.unitAdmin!, unit.id, { email: 'outsider@example.org', role: 'boss' }, NOW),
        'invalid',
        'role',
      );

      const members = await services.units.members(actors.unitAdmin!, unit.id);
      assert.deepEqual(
        members.map((m) => [m.email, m.role]),
        [
          ['monitor@example.org', 'monitor'],
          ['unitadmin@example.org', 'unit_admin'],
          ['viewer@example.org', 'viewer'],
        ],
      );

      // Scoping: a member lists only their units; the platform admin lists all of them.
      const mine = await services.units.list(actors.monitor!);
      assert.deepEqual(
        mine.map((u) => [u.id, u.myRole]),
        [[unit.id, 'monitor']],
      );
      const all = await services.units.list(actors.admin!);
      assert.ok(all.some((u) => u.id === other.id) && all.some((u) => u.id === unit.id));
      assert.deepEqual(await services.units.list(actors.outsider!), []);
      await refused(services.units.list(null), 'unauthenticated');

      // Another unit, or one that does not exist: 404, never 403.
      await refused(services.units.get(actors.monitor!, other.id), 'not_found');
      await refused(services.units.get(actors.monitor!, 999_999), 'not_found');
      await refused(services.units.get(actors.admin!, 9_999_999_999), 'not_found');
      await refused(services.units.removeMember(actors.admin!, unit.id, 3_124_932_496), 'not_found');
      await refused(services.units.addMember(actors.admin!, unit.id, { userId: 3_124_932_496, role: 'viewer' }, NOW), 'invalid', 'userId');
      await refused(services.units.get(actors.outsider!, unit.id), 'not_found');
      await refused(
        services.units.addMember(actors.outsider!, unit.id, { email: 'outsider@example.org', role: 'unit_admin' }, NOW),
        'not_found',
      );
      await refused(services.units.get(null, unit.id), 'unauthenticated');
      assert.equal((await services.units.get(actors.viewer!, unit.id)).myRole, 'viewer');

      // A viewer or a monitor sees the unit but may not manage it.
      await refused(
        services.units.addMember(actors.viewer!, unit.id, { email: 'outsider@example.org', role: 'monitor' }, NOW),
        'forbidden',
      );
      await refused(
        services.units.addMember(actors.monitor!, unit.id, { email: 'outsider@example.org', role: 'monitor' }, NOW),
        'forbidden',
      );
      await refused(services.units.members(actors.viewer!, unit.id), 'forbidden');
      await refused(services.units.update(actors.viewer!, unit.id, { retentionMonths: 12 }), 'forbidden');
      await refused(services.units.removeMember(actors.monitor!, unit.id, actors.viewer!.id), 'forbidden');

      // Role change and removal.
      const changed = await services.units.changeRole(actors.unitAdmin!, unit.id, actors.monitor!.id, 'case_manager');
      assert.equal(changed.role, 'case_manager');
      assert.equal((await services.units.members(actors.monitor!, unit.id)).length, 3, 'a case manager sees the members to assign cases');
      await refused(services.units.changeRole(actors.unitAdmin!, unit.id, actors.outsider!.id, 'monitor'), 'not_found');
      await refused(services.units.changeRole(actors.unitAdmin!, unit.id, actors.viewer!.id, 'owner'), 'invalid', 'role');
      await services.units.removeMember(actors.unitAdmin!, unit.id, actors.viewer!.id);
      await refused(services.units.get(actors.viewer!, unit.id), 'not_found');
      await refused(services.units.removeMember(actors.unitAdmin!, unit.id, actors.viewer!.id), 'not_found');
    });

    test('settings: a unit admin changes them, validated field by field; the country must exist', async () => {
      const unit = await services.units.create(actors.admin!, { name: 'Settings unit', country: 'IDN' }, NOW);
      await services.units.addMember(actors.admin!, unit.id, { userId: actors.unitAdmin!.id, role: 'unit_admin' }, NOW);
      const updated = await services.units.update(actors.unitAdmin!, unit.id, {
        followUpDays: { vulnerable: 45 },
        lostAfterAttempts: 4,
        province: 'Sulawesi Tengah',
        district: '',
      });
      assert.deepEqual(updated.followUpDays, { worst_form: 14, hazardous: 30, vulnerable: 45, other: 90 });
      assert.equal(updated.lostAfterAttempts, 4);
      assert.equal(updated.province, 'Sulawesi Tengah');
      assert.equal(updated.district, null);
      assert.equal(updated.myRole, 'unit_admin');
      assert.deepEqual((await services.units.get(actors.unitAdmin!, unit.id)).followUpDays, updated.followUpDays);
      await refused(services.units.update(actors.unitAdmin!, unit.id, { retentionMonths: 0 }), 'invalid', 'retentionMonths');
      await refused(services.units.update(actors.unitAdmin!, unit.id, { lostAfterAttempts: 2.5 }), 'invalid', 'lostAfterAttempts');
      await refused(services.units.update(actors.unitAdmin!, unit.id, { country: 'ZZZ' }), 'invalid', 'country');
      assert.equal((await services.units.update(actors.admin!, unit.id, { country: 'gha' })).country, 'GHA');
    });
  });
}
