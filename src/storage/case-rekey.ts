import type { Kysely } from 'kysely';
import { caseFieldContext, IDENTIFYING_CASE_FIELDS } from './case-codec.ts';
import { type Keyring, needsRotation, rotateField } from './field-crypto.ts';
import type { Database } from './schema.ts';

/*
 * Completing a key rotation (issue 11: "key rotation documented"): values sealed with an old key
 * stay readable while that key is listed in TRIPARTITE_DATA_KEYS_OLD, but the old key can be
 * retired only once nothing needs it. This re-seals, with the current key, every sealed value of
 * the case tables that was sealed with another one, page by page (each page its own transaction,
 * so a rerun after an interruption continues where it stopped: values already re-sealed are
 * skipped). A case's own history keeps the envelopes it recorded; see the README.
 */
export interface RekeyCounts {
  cases: number;
  visits: number;
  actions: number;
  values: number;
}

const PAGE = 500;
const CASE_COLUMNS = IDENTIFYING_CASE_FIELDS.map((f) => `${f}_enc` as const);

export async function rekeyCaseData(db: Kysely<Database>, keys: Keyring): Promise<RekeyCounts> {
  const counts: RekeyCounts = { cases: 0, visits: 0, actions: 0, values: 0 };
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('cases')
      .select(['id', ...CASE_COLUMNS])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const update: Record<string, string> = {};
        for (const field of IDENTIFYING_CASE_FIELDS) {
          const sealed = row[`${field}_enc`];
          if (sealed && needsRotation(keys, sealed)) update[`${field}_enc`] = rotateField(keys, sealed, caseFieldContext(row.id, field));
        }
        if (Object.keys(update).length === 0) continue;
        await trx.updateTable('cases').set(update).where('id', '=', row.id).execute();
        counts.cases += 1;
        counts.values += Object.keys(update).length;
      }
    });
    after = rows[rows.length - 1]!.id;
  }
  counts.visits = await rekeyNotes(db, 'case_visits', 'visit_notes', keys, counts);
  counts.actions = await rekeyNotes(db, 'case_actions', 'action_notes', keys, counts);
  return counts;
}

async function rekeyNotes(
  db: Kysely<Database>,
  table: 'case_visits' | 'case_actions',
  field: string,
  keys: Keyring,
  counts: RekeyCounts,
): Promise<number> {
  let changed = 0;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'case_id', 'notes_enc'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        if (!row.notes_enc || !needsRotation(keys, row.notes_enc)) continue;
        const notes = rotateField(keys, row.notes_enc, caseFieldContext(row.case_id, field));
        await trx.updateTable(table).set({ notes_enc: notes }).where('id', '=', row.id).execute();
        changed += 1;
        counts.values += 1;
      }
    });
    after = rows[rows.length - 1]!.id;
  }
  return changed;
}
