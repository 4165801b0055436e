import type { Kysely } from 'kysely';
import type { DialectInfo } from '../dialect.ts';

/**
 * Issue 11, child-labour monitoring and remediation (decision 210). Units that monitor, their
 * members with roles scoped to the unit, children's cases with their visits and support actions,
 * and each case's own append-only history. Columns ending in `_enc` hold identifying data sealed
 * by src/storage/field-crypto.ts (envelope text, never the value in clear); everything else is
 * what the aggregate figures need (sex, age, district) or carries no identity. Booleans are
 * 0/1/null integers and lists JSON text, the same on SQLite and PostgreSQL; days are ISO text.
 * A case's id is a random UUID, so ids cannot be guessed; its number counts within its unit.
 */
export const createMonitoring = {
  async up(db: Kysely<any>, d: DialectInfo): Promise<void> {
    await db.schema
      .createTable('monitoring_units')
      .addColumn('id', 'integer', d.identity)
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('kind', 'varchar(30)', (c) => c.notNull())
      .addColumn('country_iso3', 'varchar(3)', (c) => c.notNull())
      .addColumn('province', 'varchar(120)')
      .addColumn('district', 'varchar(120)')
      .addColumn('supply_chain', 'varchar(200)')
      .addColumn('commodity', 'varchar(120)')
      // JSON {"worst_form": days, "hazardous": days, ...}: the follow-up interval per priority tier.
      .addColumn('follow_up_days', 'text', (c) => c.notNull())
      .addColumn('lost_after_attempts', 'integer', (c) => c.notNull())
      .addColumn('retention_months', 'integer', (c) => c.notNull())
      .addColumn('next_case_number', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('created_by', 'integer')
      .execute();

    await db.schema
      .createTable('unit_members')
      // A one-column key as every table has (the backup pages through each table by it).
      .addColumn('id', 'integer', d.identity)
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('monitoring_units.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'varchar(20)', (c) => c.notNull())
      .addColumn('added_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('added_by', 'integer')
      .execute();
    await db.schema.createIndex('unit_members_unit_user').on('unit_members').columns(['unit_id', 'user_id']).unique().execute();
    await db.schema.createIndex('unit_members_user').on('unit_members').column('user_id').execute();

    await db.schema
      .createTable('cases')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('monitoring_units.id'))
      .addColumn('case_number', 'integer', (c) => c.notNull())
      // The worker id of a screening row (or another register's id): the import's duplicate key.
      .addColumn('worker_ref', 'varchar(200)')
      .addColumn('origin', 'varchar(20)', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('priority', 'varchar(20)', (c) => c.notNull())
      // 1 = worst_form … 4 = other (src/domain/child-labour/cases/priority.ts), for ordering in SQL.
      .addColumn('priority_rank', 'integer', (c) => c.notNull())
      .addColumn('identified_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('assigned_to', 'integer')
      .addColumn('sex', 'varchar(10)')
      .addColumn('age_years', 'integer')
      .addColumn('age_precision', 'varchar(10)', (c) => c.notNull())
      .addColumn('province', 'varchar(120)')
      .addColumn('district', 'varchar(120)')
      .addColumn('household_ref', 'varchar(100)')
      .addColumn('school_enrolled', 'integer')
      .addColumn('school_attending', 'integer')
      .addColumn('work_task', 'varchar(300)')
      .addColumn('commodity', 'varchar(120)')
      .addColumn('hours_per_day', 'real')
      .addColumn('night_work', 'integer')
      .addColumn('hazards', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('country_iso3', 'varchar(3)', (c) => c.notNull())
      // The compliance engine's answer for this child, work and State, kept with the case.
      .addColumn('verdict', 'varchar(20)')
      .addColumn('minimum_age', 'integer')
      .addColumn('assessment', 'text')
      .addColumn('name_enc', 'text')
      .addColumn('birth_date_enc', 'text')
      .addColumn('village_enc', 'text')
      .addColumn('location_enc', 'text')
      .addColumn('contact_enc', 'text')
      .addColumn('notes_enc', 'text')
      // Consent (UU 27/2022 Pasal 25): who gave it is identifying, sealed; when and for what are not.
      .addColumn('consent_by_enc', 'text')
      .addColumn('consent_relation', 'varchar(20)')
      .addColumn('consent_on', 'varchar(10)')
      .addColumn('consent_purposes', 'text')
      .addColumn('closed_on', 'varchar(10)')
      .addColumn('closure_reason', 'varchar(30)')
      .addColumn('anonymised_at', 'varchar(30)')
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cases_unit_number').on('cases').columns(['unit_id', 'case_number']).unique().execute();
    // NULLs are distinct in a unique index on both engines: cases opened by hand carry no worker id.
    await db.schema.createIndex('cases_unit_worker').on('cases').columns(['unit_id', 'worker_ref']).unique().execute();
    await db.schema.createIndex('cases_unit_status').on('cases').columns(['unit_id', 'status']).execute();

    await db.schema
      .createTable('case_visits')
      .addColumn('id', 'integer', d.identity)
      .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('visited_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('monitor_user_id', 'integer')
      .addColumn('child_found', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('in_child_labour', 'integer')
      .addColumn('at_school', 'integer')
      .addColumn('notes_enc', 'text')
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_visits_case').on('case_visits').columns(['case_id', 'visited_on']).execute();

    await db.schema
      .createTable('case_actions')
      .addColumn('id', 'integer', d.identity)
      .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('kind', 'varchar(40)', (c) => c.notNull())
      .addColumn('responsible', 'varchar(200)', (c) => c.notNull())
      .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('provided_on', 'varchar(10)')
      .addColumn('programme_id', 'varchar(80)')
      .addColumn('notes_enc', 'text')
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_actions_case').on('case_actions').column('case_id').execute();

    // Not the public history (src/services/history-ports.ts): a case's events are seen only inside its unit.
    await db.schema
      .createTable('case_events')
      .addColumn('id', 'integer', d.identity)
      .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('unit_id', 'integer', (c) => c.notNull())
      .addColumn('at', 'varchar(30)', (c) => c.notNull())
      .addColumn('user_id', 'integer')
      .addColumn('actor', 'varchar(254)', (c) => c.notNull())
      .addColumn('action', 'varchar(30)', (c) => c.notNull())
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('reason', 'text')
      .execute();
    await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'id']).execute();
    await db.schema.createIndex('case_events_unit').on('case_events').columns(['unit_id', 'id']).execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    for (const t of ['case_events', 'case_actions', 'case_visits', 'cases', 'unit_members', 'monitoring_units']) {
      await db.schema.dropTable(t).ifExists().execute();
    }
  },
};
