import type { Insertable, Kysely, Transaction } from 'kysely';
import { appendCaseEvents, type CaseEventInput } from './case-events.ts';
import type { DialectInfo } from './dialect.ts';
import type { Database } from './schema.ts';
import type { CasesTable } from './schema-monitoring.ts';

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

const CASE_COLUMNS = 45;
const EVENT_COLUMNS = 10;

export class KyselyCaseImportStore implements CaseImportStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Pick<DialectInfo, 'maxParams'>,
  ) {}

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
      const tx = new ImportTx(
        trx,
        unitId,
        { country: row.country_iso3, nextCaseNumber: Number(row.next_case_number) },
        this.dialect.maxParams,
      );
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
  ) {}

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

  async insertCases(rows: readonly NewCaseRow[]): Promise<void> {
    const size = perStatement(this.maxParams, CASE_COLUMNS);
    for (let i = 0; i < rows.length; i += size)
      await this.trx
        .insertInto('cases')
        .values(rows.slice(i, i + size))
        .execute();
  }

  async appendEvents(events: readonly CaseEventInput[]): Promise<void> {
    const size = perStatement(this.maxParams, EVENT_COLUMNS);
    for (let i = 0; i < events.length; i += size) await appendCaseEvents(this.trx, events.slice(i, i + size));
  }

  async setNextCaseNumber(next: number): Promise<void> {
    await this.trx.updateTable('monitoring_units').set({ next_case_number: next }).where('id', '=', this.unitId).execute();
  }
}
