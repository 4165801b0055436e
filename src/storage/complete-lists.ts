import type { Kysely } from 'kysely';
import { type CompleteList, LIST_SCOPES, type ListScope } from '../domain/coverage.ts';
import type { Database } from './schema.ts';

function isScope(value: string): value is ListScope {
  return (LIST_SCOPES as readonly string[]).includes(value);
}

export async function readCompleteLists(db: Kysely<Database>): Promise<CompleteList[]> {
  const rows = await db.selectFrom('complete_lists').selectAll().orderBy('list_key').execute();
  return rows.flatMap((r) => (isScope(r.scope) ? [{ scope: r.scope, code: r.code, source: r.source, basis: r.basis }] : []));
}

export async function countCompleteLists(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('complete_lists')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The bundled lists replace the stored ones: a list that is no longer complete in the data must
 * stop being shown as complete, so rows missing from the bundle are removed.
 */
export async function replaceCompleteLists(db: Kysely<Database>, lists: readonly CompleteList[]): Promise<void> {
  await db.deleteFrom('complete_lists').execute();
  if (lists.length === 0) return;
  await db
    .insertInto('complete_lists')
    .values(lists.map((l) => ({ list_key: `${l.scope}:${l.code}`, scope: l.scope, code: l.code, source: l.source, basis: l.basis })))
    .execute();
}
