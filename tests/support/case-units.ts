import type { Kysely } from 'kysely';
import type { UnitRole } from '../../src/domain/monitoring/unit-roles.ts';
import type { Database } from '../../src/storage/schema.ts';

/*
 * Monitoring units and members for the case tests, written straight to the tables of migration
 * 013 (the unit service is another part of issue 11; these tests need only rows to stand on).
 */
export const TEST_FOLLOW_UP_DAYS = { worst_form: 14, hazardous: 30, vulnerable: 60, other: 90 };

export async function insertUnit(
  db: Kysely<Database>,
  name: string,
  options: { country?: string; lostAfterAttempts?: number; followUpDays?: Record<string, number> } = {},
): Promise<number> {
  const row = await db
    .insertInto('monitoring_units')
    .values({
      name,
      kind: 'cooperative',
      country_iso3: options.country ?? 'IDN',
      province: 'Sulawesi Tengah',
      district: 'Poso',
      supply_chain: null,
      commodity: 'cocoa',
      follow_up_days: JSON.stringify(options.followUpDays ?? TEST_FOLLOW_UP_DAYS),
      lost_after_attempts: options.lostAfterAttempts ?? 3,
      retention_months: 24,
      created_at: '2026-12-01T00:00:00.000Z',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function insertMember(db: Kysely<Database>, unitId: number, userId: number, role: UnitRole): Promise<void> {
  await db
    .insertInto('unit_members')
    .values({ unit_id: unitId, user_id: userId, role, added_at: '2026-12-01T00:00:00.000Z', added_by: null })
    .execute();
}
