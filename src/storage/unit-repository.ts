import type { Kysely, Selectable } from 'kysely';
import { PRIORITY_TIERS, type PriorityTier } from '../domain/child-labour/cases/index.ts';
import { isUnitRole, type UnitRole } from '../domain/monitoring/unit-roles.ts';
import { DEFAULT_FOLLOW_UP_DAYS, isUnitKind, type UnitSettings } from '../domain/monitoring/unit-settings.ts';
import type { UnitEvent, UnitEventInput, UnitMemberRecord, UnitRecord, UnitRepository, UserRef } from '../services/cases/unit-service.ts';
import type { Database } from './schema.ts';
import type { MonitoringUnitsTable } from './schema-monitoring.ts';

/** The stored JSON of follow-up days, read defensively: a tier missing or damaged falls back to the default. */
function followUpDays(json: string): Record<PriorityTier, number> {
  let parsed: Record<string, unknown> = {};
  try {
    const value = JSON.parse(json) as unknown;
    if (value && typeof value === 'object') parsed = value as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  const out = { ...DEFAULT_FOLLOW_UP_DAYS } as Record<PriorityTier, number>;
  for (const tier of PRIORITY_TIERS) {
    const days = parsed[tier];
    if (typeof days === 'number' && Number.isInteger(days) && days > 0) out[tier] = days;
  }
  return out;
}

function toUnit(r: Selectable<MonitoringUnitsTable>): UnitRecord {
  return {
    id: Number(r.id),
    name: r.name,
    kind: isUnitKind(r.kind) ? r.kind : 'other',
    country: r.country_iso3,
    province: r.province,
    district: r.district,
    supplyChain: r.supply_chain,
    commodity: r.commodity,
    followUpDays: followUpDays(r.follow_up_days),
    lostAfterAttempts: Number(r.lost_after_attempts),
    retentionMonths: Number(r.retention_months),
    createdAt: r.created_at,
  };
}

function settingsColumns(s: UnitSettings) {
  return {
    name: s.name,
    kind: s.kind,
    country_iso3: s.country,
    province: s.province,
    district: s.district,
    supply_chain: s.supplyChain,
    commodity: s.commodity,
    follow_up_days: JSON.stringify(s.followUpDays),
    lost_after_attempts: s.lostAfterAttempts,
    retention_months: s.retentionMonths,
  };
}

/** Monitoring units and their members (issue 11, decision 211), one Kysely path for both databases. */
export class KyselyUnitRepository implements UnitRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createUnit(settings: UnitSettings, createdAt: string, createdBy: number | null): Promise<UnitRecord> {
    const row = await this.db
      .insertInto('monitoring_units')
      .values({ ...settingsColumns(settings), created_at: createdAt, created_by: createdBy })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUnit(row);
  }

  async updateUnit(id: number, settings: UnitSettings): Promise<UnitRecord | null> {
    const row = await this.db
      .updateTable('monitoring_units')
      .set(settingsColumns(settings))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toUnit(row) : null;
  }

  async getUnit(id: number): Promise<UnitRecord | null> {
    const row = await this.db.selectFrom('monitoring_units').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUnit(row) : null;
  }

  async listUnits(memberOf: number | null): Promise<UnitRecord[]> {
    let query = this.db.selectFrom('monitoring_units').selectAll('monitoring_units');
    if (memberOf !== null)
      query = query.where('id', 'in', this.db.selectFrom('unit_members').select('unit_id').where('user_id', '=', memberOf));
    return (await query.orderBy('name').orderBy('id').execute()).map(toUnit);
  }

  async rolesOf(userId: number): Promise<Map<number, UnitRole>> {
    const rows = await this.db.selectFrom('unit_members').select(['unit_id', 'role']).where('user_id', '=', userId).execute();
    const out = new Map<number, UnitRole>();
    for (const r of rows) if (isUnitRole(r.role)) out.set(Number(r.unit_id), r.role);
    return out;
  }

  async listMembers(unitId: number): Promise<UnitMemberRecord[]> {
    const rows = await this.db
      .selectFrom('unit_members')
      .innerJoin('users', 'users.id', 'unit_members.user_id')
      .select(['unit_members.user_id', 'users.email', 'unit_members.role', 'unit_members.added_at'])
      .where('unit_members.unit_id', '=', unitId)
      .orderBy('users.email')
      .execute();
    return rows.flatMap((r) =>
      isUnitRole(r.role) ? [{ userId: Number(r.user_id), email: r.email, role: r.role, addedAt: r.added_at }] : [],
    );
  }

  async findUser(by: { id: number } | { email: string }): Promise<UserRef | null> {
    let query = this.db.selectFrom('users').select(['id', 'email', 'disabled_at']);
    query = 'id' in by ? query.where('id', '=', by.id) : query.where('email', '=', by.email);
    const row = await query.executeTakeFirst();
    return row ? { id: Number(row.id), email: row.email, disabled: row.disabled_at !== null } : null;
  }

  /** false: the user is already a member (the unique index on unit and user decides, on both databases). */
  async addMember(unitId: number, userId: number, role: UnitRole, addedAt: string, addedBy: number | null): Promise<boolean> {
    const existing = await this.db
      .selectFrom('unit_members')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (existing) return false;
    try {
      await this.db
        .insertInto('unit_members')
        .values({ unit_id: unitId, user_id: userId, role, added_at: addedAt, added_by: addedBy })
        .execute();
      return true;
    } catch (error) {
      // A concurrent add of the same member: the unique index refused the second row.
      const again = await this.db
        .selectFrom('unit_members')
        .select('id')
        .where('unit_id', '=', unitId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (again) return false;
      throw error;
    }
  }

  async setRole(unitId: number, userId: number, role: UnitRole): Promise<boolean> {
    const result = await this.db
      .updateTable('unit_members')
      .set({ role })
      .where('unit_id', '=', unitId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async removeMember(unitId: number, userId: number): Promise<boolean> {
    const result = await this.db.deleteFrom('unit_members').where('unit_id', '=', unitId).where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async appendEvent(event: UnitEventInput): Promise<void> {
    await this.db
      .insertInto('unit_events')
      .values({
        unit_id: event.unitId,
        at: event.at,
        user_id: event.userId,
        actor: event.actor,
        action: event.action,
        before: event.before === null ? null : JSON.stringify(event.before),
        after: event.after === null ? null : JSON.stringify(event.after),
      })
      .execute();
  }

  async listEvents(unitId: number): Promise<UnitEvent[]> {
    const rows = await this.db.selectFrom('unit_events').selectAll().where('unit_id', '=', unitId).orderBy('id', 'desc').execute();
    return rows.map((r) => ({
      id: Number(r.id),
      unitId: Number(r.unit_id),
      at: r.at,
      userId: r.user_id === null ? null : Number(r.user_id),
      actor: r.actor,
      action: r.action,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown),
      after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    }));
  }
}
