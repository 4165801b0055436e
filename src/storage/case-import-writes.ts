import type { Insertable, Kysely, Transaction } from 'kysely';
import type { CaseEventInput } from './case-events.ts';
import type { DialectInfo } from './dialect.ts';
import type { Database } from './schema.ts';
import type { CasesTable } from './schema-monitoring.ts';
import { StatementShapes, statementShapes } from './statement-cache.ts';

/*
 * The writes of the screening import (issue 11, decision 220), all inside one transaction: the
 * unit's row is locked first (a write as the first statement: SQLite takes its write lock up front,
 * PostgreSQL locks the row, so a case opened by hand meanwhile waits for the import's numbers),
 * then the cases go in multi-row statements, each preceded by a look-up of the batch's worker ids
 * already in the unit (rows written earlier in this transaction included, so a worker id twice in
 * one file is found too), and the unit's next case number is written once at the end.
 */

export type NewCaseRow = Insertable<CasesTable>;

/** Rows per multi-row statement: 500, or fewer when a row's values would pass the engine's limit. */
export const IMPORT_ROWS_PER_STATEMENT = 500;

export interface LockedUnit {
  country: string;
  nextCaseNumber: number;
}

export interface CaseImportTx {
  readonly unit: LockedUnit;
  /** The worker ids among `refs` that already have a case in the unit. */
  existingRefs(refs: readonly string[]): Promise<Set<string>>;
  insertCases(rows: readonly NewCaseRow[]): Promise<void>;
  appendEvents(events: readonly CaseEventInput[]): Promise<void>;
  setNextCaseNumber(next: number): Promise<void>;
}

export interface CaseImportStore {
  /** Runs `fn` in one transaction with the unit locked; null when the unit does not exist (nothing is run). */
  withLockedUnit<T>(unitId: number, fn: (tx: CaseImportTx) => Promise<T>): Promise<T | null>;
}

/** Every column of `cases`, in the order of the bound values of the multi-row statement. */
const CASE_COLUMNS = [
  'id',
  'unit_id',
  'case_number',
  'worker_ref',
  'origin',
  'status',
  'priority',
  'priority_rank',
  'identified_on',
  'assigned_to',
  'sex',
  'age_years',
  'age_precision',
  'province',
  'district',
  'household_ref',
  'school_enrolled',
  'school_attending',
  'work_task',
  'commodity',
  'hours_per_day',
  'night_work',
  'hazards',
  'country_iso3',
  'verdict',
  'minimum_age',
  'assessment',
  'name_enc',
  'birth_date_enc',
  'village_enc',
  'location_enc',
  'contact_enc',
  'notes_enc',
  'consent_by_enc',
  'consent_relation',
  'consent_on',
  'consent_purposes',
  'closed_on',
  'closure_reason',
  'anonymised_at',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof CasesTable)[];
const EVENT_COLUMNS = ['case_id', 'unit_id', 'at', 'user_id', 'actor', 'action', 'before', 'after', 'reason'] as const;

/** A row of nulls: Kysely binds each as a value, so the statement's values are in column order. */
function placeholders(columns: readonly string[], rows: number): Record<string, null>[] {
  const row = Object.fromEntries(columns.map((c) => [c, null]));
  return Array.from({ length: rows }, () => row);
}

export class KyselyCaseImportStore implements CaseImportStore {
  private readonly shapes: StatementShapes;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Pick<DialectInfo, 'maxParams'> & Partial<Pick<DialectInfo, 'name'>>,
  ) {
    // Each statement shape compiled once (and on SQLite prepared once), as the registry import does (decision 150).
    this.shapes = new StatementShapes(db, dialect.name);
  }

  async withLockedUnit<T>(unitId: number, fn: (tx: CaseImportTx) => Promise<T>): Promise<T | null> {
    const missing = Symbol('missing');
    const result = await this.db.transaction().execute(async (trx) => {
      const touched = await trx
        .updateTable('monitoring_units')
        .set((eb) => ({ next_case_number: eb.ref('next_case_number') }))
        .where('id', '=', unitId)
        .executeTakeFirst();
      if (Number(touched.numUpdatedRows) === 0) return missing;
      const row = await trx
        .selectFrom('monitoring_units')
        .select(['country_iso3', 'next_case_number'])
        .where('id', '=', unitId)
        .executeTakeFirstOrThrow();
      const unit = { country: row.country_iso3, nextCaseNumber: Number(row.next_case_number) };
      const tx = new ImportTx(trx, unitId, unit, this.dialect.maxParams, this.shapes);
      return fn(tx);
    });
    return result === missing ? null : (result as T);
  }
}

function perStatement(maxParams: number, columns: number): number {
  return Math.max(1, Math.min(IMPORT_ROWS_PER_STATEMENT, Math.floor(maxParams / columns)));
}

class ImportTx implements CaseImportTx {
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly unitId: number,
    readonly unit: LockedUnit,
    private readonly maxParams: number,
    private readonly shapes: StatementShapes,
  ) {}

  /** Multi-row INSERTs of `rows` into `table`, in the few shapes the statement cache keeps. */
  private async insertRows<T>(
    table: 'cases' | 'case_events',
    columns: readonly string[],
    rows: readonly T[],
    bind: (values: unknown[], at: number, row: T) => void,
  ): Promise<void> {
    const per = perStatement(this.maxParams, columns.length);
    let at = 0;
    for (const size of statementShapes(rows.length, per, this.shapes.reusesStatements)) {
      const text = this.shapes.sql(`case-import-${table}`, size, (db, n) => db.insertInto(table).values(placeholders(columns, n) as never));
      const values = new Array<unknown>(size * columns.length);
      for (let i = 0; i < size; i++) bind(values, i * columns.length, rows[at + i] as T);
      at += size;
      await this.shapes.run(this.trx, text, values);
    }
  }

  async existingRefs(refs: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const size = perStatement(this.maxParams, 1);
    for (let i = 0; i < refs.length; i += size) {
      const part = refs.slice(i, i + size);
      const rows = await this.trx
        .selectFrom('cases')
        .select('worker_ref')
        .where('unit_id', '=', this.unitId)
        .where('worker_ref', 'in', part)
        .execute();
      for (const r of rows) if (r.worker_ref !== null) found.add(r.worker_ref);
    }
    return found;
  }

  insertCases(rows: readonly NewCaseRow[]): Promise<void> {
    return this.insertRows('cases', CASE_COLUMNS, rows, (values, at, row) => {
      for (let c = 0; c < CASE_COLUMNS.length; c++) values[at + c] = row[CASE_COLUMNS[c] as (typeof CASE_COLUMNS)[number]] ?? null;
    });
  }

  /** As appendCaseEvents (case-events.ts) writes them, in multi-row statements. */
  appendEvents(events: readonly CaseEventInput[]): Promise<void> {
    const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
    return this.insertRows('case_events', EVENT_COLUMNS, events, (values, at, e) => {
      values[at] = e.caseId;
      values[at + 1] = e.unitId;
      values[at + 2] = e.at;
      values[at + 3] = e.userId;
      values[at + 4] = e.actor;
      values[at + 5] = e.action;
      values[at + 6] = json(e.before);
      values[at + 7] = json(e.after);
      values[at + 8] = e.reason;
    });
  }

  async setNextCaseNumber(next: number): Promise<void> {
    await this.trx.updateTable('monitoring_units').set({ next_case_number: next }).where('id', '=', this.unitId).execute();
  }
}
