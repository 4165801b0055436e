import type { Kysely } from 'kysely';
import { isUnitRole, type UnitRole } from '../domain/monitoring/unit-roles.ts';
import type { UnitMembershipPort } from '../services/cases/unit-access.ts';
import type { Database } from './schema.ts';

export class KyselyUnitMembership implements UnitMembershipPort {
  constructor(private readonly db: Kysely<Database>) {}

  async roleOf(userId: number, unitId: number): Promise<UnitRole | null> {
    const row = await this.db
      .selectFrom('unit_members')
      .select('role')
      .where('unit_id', '=', unitId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row && isUnitRole(row.role) ? row.role : null;
  }

  async unitExists(unitId: number): Promise<boolean> {
    return Boolean(await this.db.selectFrom('monitoring_units').select('id').where('id', '=', unitId).executeTakeFirst());
  }
}
