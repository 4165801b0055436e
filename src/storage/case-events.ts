import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * A case's own append-only history (issue 11): who, when, what, before, after and why. Kept out of
 * the public history (the `events` table): it is read only inside the case's unit. `before` and
 * `after` must hold identifying values only as sealed envelopes (src/storage/case-codec.ts) or not
 * at all; the writer passes already-sealed or pseudonymous values.
 */
export interface CaseEventInput {
  caseId: string;
  unitId: number;
  at: string;
  userId: number | null;
  actor: string;
  /** open | import | update | assess | visit | action | action_provided | assign | close | reopen | identifying_export | anonymise */
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export async function appendCaseEvents(db: Kysely<Database> | Transaction<Database>, events: readonly CaseEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('case_events')
    .values(
      events.map((e) => ({
        case_id: e.caseId,
        unit_id: e.unitId,
        at: e.at,
        user_id: e.userId,
        actor: e.actor,
        action: e.action,
        before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
        after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
        reason: e.reason,
      })),
    )
    .execute();
}
