import type { Kysely } from 'kysely';
import { appendCaseEvents, type CaseEventInput } from './case-events.ts';
import type { Database } from './schema.ts';

/*
 * Storage of a unit's case export and of retention (issue 11, decisions 224 and 225). The export
 * reads the sealed columns only when the caller asked for identifying data; retention clears
 * every sealed column of a case, its visits and its actions in one transaction with its events.
 */
export interface ExportCaseRow {
  id: string;
  case_number: number;
  age_years: number | null;
  sex: string | null;
  district: string | null;
  status: string;
  priority: string;
  verdict: string | null;
  identified_on: string;
  closed_on: string | null;
  closure_reason: string | null;
  anonymised_at: string | null;
}

export interface IdentifyingExportRow extends ExportCaseRow {
  name_enc: string | null;
  birth_date_enc: string | null;
  village_enc: string | null;
  location_enc: string | null;
  contact_enc: string | null;
  notes_enc: string | null;
  consent_by_enc: string | null;
  consent_relation: string | null;
  consent_on: string | null;
  consent_purposes: string | null;
}

const PLAIN = [
  'id',
  'case_number',
  'age_years',
  'sex',
  'district',
  'status',
  'priority',
  'verdict',
  'identified_on',
  'closed_on',
  'closure_reason',
  'anonymised_at',
] as const;
const SEALED = [
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
] as const;

/** Rows per statement: far below SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 500;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

export class KyselyCaseExports {
  constructor(private readonly db: Kysely<Database>) {}

  async pseudonymousRows(unitId: number): Promise<ExportCaseRow[]> {
    return this.db.selectFrom('cases').select(PLAIN).where('unit_id', '=', unitId).orderBy('case_number').execute();
  }

  async identifyingRows(unitId: number): Promise<IdentifyingExportRow[]> {
    return this.db
      .selectFrom('cases')
      .select([...PLAIN, ...SEALED])
      .where('unit_id', '=', unitId)
      .orderBy('case_number')
      .execute();
  }

  async recordEvents(events: readonly CaseEventInput[]): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      for (const part of chunks(events)) await appendCaseEvents(tx, part);
    });
  }

  /** Closed cases of the unit not yet anonymised, with their closing day. */
  async retentionCandidates(unitId: number): Promise<{ id: string; closed_on: string | null; anonymised_at: string | null }[]> {
    return this.db
      .selectFrom('cases')
      .select(['id', 'closed_on', 'anonymised_at'])
      .where('unit_id', '=', unitId)
      .where('closed_on', 'is not', null)
      .where('anonymised_at', 'is', null)
      .orderBy('id')
      .execute();
  }

  /**
   * Clears every identifying column of the cases (sealed fields, consent-giver, the household and
   * register references that lead back to the child), the notes of their visits and actions, and
   * appends the events, all in one transaction: a case is anonymised with its event or not at all.
   */
  async anonymise(caseIds: readonly string[], at: string, events: readonly CaseEventInput[]): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      for (const ids of chunks(caseIds)) {
        await tx
          .updateTable('cases')
          .set({
            name_enc: null,
            birth_date_enc: null,
            village_enc: null,
            location_enc: null,
            contact_enc: null,
            notes_enc: null,
            consent_by_enc: null,
            household_ref: null,
            worker_ref: null,
            anonymised_at: at,
            updated_at: at,
          })
          .where('id', 'in', ids)
          .where('anonymised_at', 'is', null)
          .execute();
        await tx.updateTable('case_visits').set({ notes_enc: null }).where('case_id', 'in', ids).execute();
        await tx.updateTable('case_actions').set({ notes_enc: null }).where('case_id', 'in', ids).execute();
      }
      for (const part of chunks(events)) await appendCaseEvents(tx, part);
    });
  }
}
