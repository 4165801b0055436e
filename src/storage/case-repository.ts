import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { appendCaseEvents, type CaseEventInput } from './case-events.ts';
import type { Database } from './schema.ts';
import type { CaseActionsTable, CasesTable, CaseVisitsTable, MonitoringUnitsTable } from './schema-monitoring.ts';

/*
 * Storage of children's cases (issue 11): one path for SQLite and PostgreSQL. Every write runs in
 * one transaction with its case event, so a case never changes without its history. Rows come back
 * as stored: identifying columns are sealed envelopes (src/storage/case-codec.ts); the service
 * opens them only for a caller allowed to see them.
 */
export type CaseRow = Selectable<CasesTable>;
export type VisitRow = Selectable<CaseVisitsTable> & { monitor_email: string | null };
export type ActionRow = Selectable<CaseActionsTable>;
export type UnitRow = Selectable<MonitoringUnitsTable>;
export type NewCaseRow = Omit<Insertable<CasesTable>, 'case_number'>;
export type CasePatch = Updateable<CasesTable>;

/** The few facts of a visit that the overdue rule and the worklists need, per case. */
export interface VisitFact {
  case_id: string;
  visited_on: string;
  kind: string;
  in_child_labour: number | null;
}

type Db = Kysely<Database> | Transaction<Database>;

export class KyselyCaseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async unit(unitId: number): Promise<UnitRow | null> {
    return (await this.db.selectFrom('monitoring_units').selectAll().where('id', '=', unitId).executeTakeFirst()) ?? null;
  }

  async caseRow(caseId: string): Promise<CaseRow | null> {
    return (await this.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst()) ?? null;
  }

  async visits(caseId: string): Promise<VisitRow[]> {
    return this.db
      .selectFrom('case_visits')
      .leftJoin('users', 'users.id', 'case_visits.monitor_user_id')
      .selectAll('case_visits')
      .select('users.email as monitor_email')
      .where('case_visits.case_id', '=', caseId)
      .orderBy('case_visits.visited_on')
      .orderBy('case_visits.id')
      .execute();
  }

  async actions(caseId: string): Promise<ActionRow[]> {
    return this.db.selectFrom('case_actions').selectAll().where('case_id', '=', caseId).orderBy('due_on').orderBy('id').execute();
  }

  /** A unit's cases, filtered in SQL by status and priority (overdue needs the visits: the service decides). */
  async listCases(filter: { unitId: number; status?: string; priority?: string; assignedTo?: number }): Promise<CaseRow[]> {
    let q = this.db.selectFrom('cases').selectAll().where('unit_id', '=', filter.unitId);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.priority) q = q.where('priority', '=', filter.priority);
    if (filter.assignedTo !== undefined) q = q.where('assigned_to', '=', filter.assignedTo);
    return q.orderBy('priority_rank').orderBy('case_number').execute();
  }

  /** The visits of every case of a unit, in one query (not one per case). */
  async unitVisitFacts(unitId: number): Promise<VisitFact[]> {
    return this.db
      .selectFrom('case_visits')
      .innerJoin('cases', 'cases.id', 'case_visits.case_id')
      .select(['case_visits.case_id', 'case_visits.visited_on', 'case_visits.kind', 'case_visits.in_child_labour'])
      .where('cases.unit_id', '=', unitId)
      .orderBy('case_visits.visited_on')
      .orderBy('case_visits.id')
      .execute();
  }

  /** The open support actions of a unit's open cases. */
  async unitOpenActions(unitId: number): Promise<(ActionRow & { case_number: number; priority: string; assigned_to: number | null })[]> {
    return this.db
      .selectFrom('case_actions')
      .innerJoin('cases', 'cases.id', 'case_actions.case_id')
      .selectAll('case_actions')
      .select(['cases.case_number', 'cases.priority', 'cases.assigned_to'])
      .where('cases.unit_id', '=', unitId)
      .where('cases.status', '!=', 'closed')
      .where('case_actions.provided_on', 'is', null)
      .orderBy('case_actions.due_on')
      .orderBy('case_actions.id')
      .execute();
  }

  async events(caseId: string): Promise<Selectable<Database['case_events']>[]> {
    return this.db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  }

  async programmeExists(id: string): Promise<boolean> {
    return Boolean(await this.db.selectFrom('programmes').select('id').where('id', '=', id).executeTakeFirst());
  }

  /**
   * Inserts a case with the unit's next case number, taken and incremented in the same
   * transaction (UPDATE … RETURNING, so two openings at once never get the same number).
   */
  async insertCase(
    row: NewCaseRow,
    event: Omit<CaseEventInput, 'caseId' | 'unitId'>,
    visit: Insertable<CaseVisitsTable> | null = null,
  ): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const taken = await trx
        .updateTable('monitoring_units')
        .set((eb) => ({ next_case_number: eb('next_case_number', '+', 1) }))
        .where('id', '=', row.unit_id)
        .returning('next_case_number')
        .executeTakeFirstOrThrow();
      const caseNumber = Number(taken.next_case_number) - 1;
      await trx
        .insertInto('cases')
        .values({ ...row, case_number: caseNumber })
        .execute();
      if (visit) await trx.insertInto('case_visits').values(visit).execute();
      await appendCaseEvents(trx, [{ ...event, caseId: row.id, unitId: row.unit_id }]);
      return caseNumber;
    });
  }

  /** Applies a change to a case (and optionally adds a visit or an action) with its event, atomically. */
  async change(
    caseId: string,
    change: {
      patch?: CasePatch;
      visit?: Insertable<CaseVisitsTable>;
      action?: Insertable<CaseActionsTable>;
      provided?: { actionId: number; on: string };
      event: CaseEventInput;
    },
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (change.visit) await trx.insertInto('case_visits').values(change.visit).execute();
      if (change.action) await trx.insertInto('case_actions').values(change.action).execute();
      if (change.provided) {
        await trx
          .updateTable('case_actions')
          .set({ provided_on: change.provided.on })
          .where('id', '=', change.provided.actionId)
          .where('case_id', '=', caseId)
          .execute();
      }
      if (change.patch && Object.keys(change.patch).length > 0) await patchCase(trx, caseId, change.patch);
      await appendCaseEvents(trx, [change.event]);
    });
  }

  /** The id of the visit or action just added (the latest row of the case). */
  async latestActionId(caseId: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('case_actions')
      .select('id')
      .where('case_id', '=', caseId)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? Number(row.id) : null;
  }

  async userEmail(userId: number): Promise<string | null> {
    return (await this.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst())?.email ?? null;
  }
}

async function patchCase(db: Db, caseId: string, patch: CasePatch): Promise<void> {
  await db.updateTable('cases').set(patch).where('id', '=', caseId).execute();
}
