import { type CompiledQuery, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { MemberState } from '../domain/country.ts';
import type { Confidence } from '../domain/facts.ts';
import type { Instrument } from '../domain/instrument.ts';
import type { Declaration, Ratification, RatificationStatus } from '../domain/ratification.ts';
import type { NewChangeEvent, SerialisedChangeEvent } from '../services/history-ports.ts';
import { toCountry, toDeclaration, toInstrument } from './registry-rows.ts';
import type { Database, DeclarationsTable, EventsTable, RatificationsTable } from './schema.ts';
import { type StatementShapes, statementShapes } from './statement-cache.ts';

/**
 * The multi-row statements of the import. Each statement binds at most `maxParams` values (the
 * dialect's limit, below SQLite's 32,766 and PostgreSQL's 65,535), so a batch of rows is split into
 * as many statements as its columns require.
 */

type Trx = Transaction<Database>;

/**
 * Rows per statement beyond which neither engine gets faster (decision 086: on PostgreSQL a
 * statement of 5,000 rows was slower than five of 1,000; on SQLite no faster).
 */
export const MAX_ROWS_PER_STATEMENT = 1_000;

/** How many rows of `paramsPerRow` values one statement may carry. */
export function rowsPerStatement(maxParams: number, paramsPerRow: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(maxParams / paramsPerRow)));
}

export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function toRatification(r: Selectable<RatificationsTable>, declarations: Declaration[]): Ratification {
  return {
    country: r.country_iso3,
    instrument: r.instrument_code,
    registrationDate: r.registration_date,
    status: r.status as RatificationStatus | null,
    legalAct: r.legal_act,
    nationalTitle: r.national_title,
    declarations,
    source: r.source,
    confidence: r.confidence as Confidence | null,
    notes: r.notes,
  };
}

export function ratificationRow(r: Ratification): Omit<RatificationsTable, 'id'> {
  return {
    country_iso3: r.country,
    instrument_code: r.instrument,
    registration_date: r.registrationDate,
    status: r.status,
    legal_act: r.legalAct,
    national_title: r.nationalTitle,
    source: r.source,
    confidence: r.confidence,
    notes: r.notes,
  };
}

export function declarationRows(ratificationId: number, declarations: readonly Declaration[]): Omit<DeclarationsTable, 'id'>[] {
  return declarations.map((d) => ({
    ratification_id: ratificationId,
    kind: d.kind,
    article: d.article,
    value: d.value,
    date: d.date,
    source: d.source,
    confidence: d.confidence,
    notes: d.notes,
  }));
}

/** An event's before or after as stored: the JSON the caller already made (`SerialisedChangeEvent`), or made here. */
function jsonOf(e: NewChangeEvent, side: 'before' | 'after'): string | null {
  const given = (e as Partial<SerialisedChangeEvent>)[side === 'before' ? 'beforeJson' : 'afterJson'];
  if (given !== undefined) return given;
  const value = e[side];
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export function eventRow(e: NewChangeEvent): Omit<EventsTable, 'id'> {
  return {
    at: e.at,
    user_id: e.userId,
    actor: e.actor,
    record_type: e.recordType,
    record_key: e.recordKey,
    country_iso3: e.country,
    action: e.action,
    before: jsonOf(e, 'before'),
    after: jsonOf(e, 'after'),
    source: e.source,
    reason: e.reason,
    reverts_event_id: e.revertsEventId,
  };
}

/** The columns each multi-row statement writes, in the order of its bound values. */
const RATIFICATION_COLUMNS = [
  'country_iso3',
  'instrument_code',
  'registration_date',
  'status',
  'legal_act',
  'national_title',
  'source',
  'confidence',
  'notes',
] as const;
const DECLARATION_COLUMNS = ['ratification_id', 'kind', 'article', 'value', 'date', 'source', 'confidence', 'notes'] as const;
const EVENT_COLUMNS = [
  'at',
  'user_id',
  'actor',
  'record_type',
  'record_key',
  'country_iso3',
  'action',
  'before',
  'after',
  'source',
  'reason',
  'reverts_event_id',
] as const;

/** What the batched statements run in: the open transaction, the statement size limit, the compiled shapes. */
export interface BatchContext {
  trx: Trx;
  maxParams: number;
  shapes: StatementShapes;
}

/** A row of nulls: Kysely compiles each as a bound value, so a statement of such rows has every value bound, in column order. */
function placeholderRows(columns: readonly string[], rows: number): Record<string, null>[] {
  const row = Object.fromEntries(columns.map((c) => [c, null]));
  return Array.from({ length: rows }, () => row);
}

/**
 * Runs `items` in statements of at most `perStatement` items each (cut into the shapes the engine
 * reuses), each compiled once per shape by `build`; `bind` writes an item's values from index `at`.
 */
async function runInShapes<T, R>(
  ctx: BatchContext,
  kind: string,
  items: readonly T[],
  perStatement: number,
  valuesPerItem: number,
  build: (db: Kysely<Database>, rows: number) => { compile(): CompiledQuery },
  bind: (values: unknown[], at: number, item: T) => void,
): Promise<R[]> {
  const out: R[] = [];
  let at = 0;
  // Where statements run synchronously (better-sqlite3 copies the values as it binds them), one array
  // per shape serves every statement of that shape: each item's values overwrite the last.
  let values: unknown[] = [];
  for (const size of statementShapes(items.length, perStatement, ctx.shapes.reusesStatements)) {
    const sql = ctx.shapes.sql(kind, size, (db, rows) => {
      const built = build(db, rows);
      const bound = built.compile().parameters.length;
      if (bound !== rows * valuesPerItem) throw new Error(`${kind}: ${bound} values bound for ${rows} rows of ${valuesPerItem}`);
      return built;
    });
    if (!ctx.shapes.reusesStatements || values.length !== size * valuesPerItem) values = new Array(size * valuesPerItem);
    for (let i = 0; i < size; i++) bind(values, i * valuesPerItem, items[at + i] as T);
    at += size;
    for (const row of await ctx.shapes.run<R>(ctx.trx, sql, values)) out.push(row);
  }
  return out;
}

export async function selectCountries(trx: Kysely<Database>, iso3s: readonly string[], maxParams: number): Promise<MemberState[]> {
  const out: MemberState[] = [];
  for (const part of inBatches(iso3s, rowsPerStatement(maxParams, 1)))
    for (const row of await trx.selectFrom('countries').selectAll().where('iso3', 'in', part).execute()) out.push(toCountry(row));
  return out;
}

export async function selectInstruments(trx: Kysely<Database>, codes: readonly string[], maxParams: number): Promise<Instrument[]> {
  const out: Instrument[] = [];
  for (const part of inBatches(codes, rowsPerStatement(maxParams, 1)))
    for (const row of await trx.selectFrom('instruments').selectAll().where('code', 'in', part).execute()) out.push(toInstrument(row));
  return out;
}

/** `(VALUES (?, ?), …)`: its columns are column1 and column2 on both engines. */
function keysTable(rows: number) {
  return sql<{ column1: string; column2: string }>`(values ${sql.join(Array.from({ length: rows }, () => sql`(${''}, ${''})`))})`;
}

/** The stored records of these keys (those that exist), each with its declarations in id order. */
export async function selectRatifications(
  ctx: BatchContext,
  keys: readonly { country: string; instrument: string }[],
): Promise<Ratification[]> {
  const rows = await runInShapes<{ country: string; instrument: string }, Selectable<RatificationsTable>>(
    ctx,
    'select-ratifications',
    keys,
    rowsPerStatement(ctx.maxParams, 2),
    2,
    (db, n) =>
      db
        .selectFrom('ratifications')
        // A join on a VALUES list rather than `(a, b) IN (…)`, which PostgreSQL plans as thousands of ORs.
        .innerJoin(keysTable(n).as('k'), (join) =>
          join.onRef('k.column1', '=', 'ratifications.country_iso3').onRef('k.column2', '=', 'ratifications.instrument_code'),
        )
        .selectAll('ratifications'),
    (values, at, k) => {
      values[at] = k.country;
      values[at + 1] = k.instrument;
    },
  );
  const declarations = new Map<number, Declaration[]>();
  const found = await runInShapes<number, Selectable<DeclarationsTable>>(
    ctx,
    'select-declarations',
    rows.map((r) => Number(r.id)),
    rowsPerStatement(ctx.maxParams, 1),
    1,
    (db, n) => db.selectFrom('declarations').selectAll().where('ratification_id', 'in', Array(n).fill(0)).orderBy('id'),
    (values, at, id) => {
      values[at] = id;
    },
  );
  // Statements return their declarations in id order, and ids grow from statement to statement only
  // within one; a record's declarations are all in the statement of its id, so each list is in order.
  for (const d of found) {
    const list = declarations.get(Number(d.ratification_id)) ?? [];
    list.push(toDeclaration(d));
    declarations.set(Number(d.ratification_id), list);
  }
  return rows.map((r) => toRatification(r, declarations.get(Number(r.id)) ?? []));
}

/**
 * Inserts or replaces the records and their declarations, as `putRatification` does one by one:
 * the rows keep their order, so new ids are given in the same order as the single-record path.
 */
export async function upsertRatifications(ctx: BatchContext, records: readonly Ratification[]): Promise<void> {
  if (!records.length) return;
  const ids = new Map<string, Map<string, number>>();
  const returned = await runInShapes<Ratification, { id: number; country_iso3: string; instrument_code: string }>(
    ctx,
    'upsert-ratifications',
    records,
    rowsPerStatement(ctx.maxParams, RATIFICATION_COLUMNS.length),
    RATIFICATION_COLUMNS.length,
    (db, n) =>
      db
        .insertInto('ratifications')
        .values(placeholderRows(RATIFICATION_COLUMNS, n) as never)
        .onConflict((oc) =>
          oc.columns(['country_iso3', 'instrument_code']).doUpdateSet((eb) => ({
            registration_date: eb.ref('excluded.registration_date'),
            status: eb.ref('excluded.status'),
            legal_act: eb.ref('excluded.legal_act'),
            national_title: eb.ref('excluded.national_title'),
            source: eb.ref('excluded.source'),
            confidence: eb.ref('excluded.confidence'),
            notes: eb.ref('excluded.notes'),
          })),
        )
        .returning(['id', 'country_iso3', 'instrument_code']),
    (values, at, r) => {
      values[at] = r.country;
      values[at + 1] = r.instrument;
      values[at + 2] = r.registrationDate;
      values[at + 3] = r.status;
      values[at + 4] = r.legalAct;
      values[at + 5] = r.nationalTitle;
      values[at + 6] = r.source;
      values[at + 7] = r.confidence;
      values[at + 8] = r.notes;
    },
  );
  // By State, then instrument: no key string made for each of thousands of records.
  for (const r of returned) {
    let byInstrument = ids.get(r.country_iso3);
    if (!byInstrument) {
      byInstrument = new Map();
      ids.set(r.country_iso3, byInstrument);
    }
    byInstrument.set(r.instrument_code, Number(r.id));
  }
  const idList = records.map((r) => ids.get(r.country)?.get(r.instrument) as number);
  await runInShapes(
    ctx,
    'delete-declarations',
    idList,
    rowsPerStatement(ctx.maxParams, 1),
    1,
    (db, n) => db.deleteFrom('declarations').where('ratification_id', 'in', Array(n).fill(0)),
    (values, at, id) => {
      values[at] = id;
    },
  );
  const declarations: Omit<DeclarationsTable, 'id'>[] = [];
  records.forEach((r, i) => {
    if (r.declarations.length) declarations.push(...declarationRows(idList[i] as number, r.declarations));
  });
  await runInShapes<Omit<DeclarationsTable, 'id'>, never>(
    ctx,
    'insert-declarations',
    declarations,
    rowsPerStatement(ctx.maxParams, DECLARATION_COLUMNS.length),
    DECLARATION_COLUMNS.length,
    (db, n) => db.insertInto('declarations').values(placeholderRows(DECLARATION_COLUMNS, n) as never),
    (values, at, d) => {
      for (let c = 0; c < DECLARATION_COLUMNS.length; c++)
        values[at + c] = d[DECLARATION_COLUMNS[c] as (typeof DECLARATION_COLUMNS)[number]];
    },
  );
}

export async function insertEvents(ctx: BatchContext, events: readonly NewChangeEvent[]): Promise<void> {
  await runInShapes<NewChangeEvent, never>(
    ctx,
    'insert-events',
    events,
    rowsPerStatement(ctx.maxParams, EVENT_COLUMNS.length),
    EVENT_COLUMNS.length,
    (db, n) => db.insertInto('events').values(placeholderRows(EVENT_COLUMNS, n) as never),
    (values, at, e) => {
      values[at] = e.at;
      values[at + 1] = e.userId;
      values[at + 2] = e.actor;
      values[at + 3] = e.recordType;
      values[at + 4] = e.recordKey;
      values[at + 5] = e.country;
      values[at + 6] = e.action;
      values[at + 7] = jsonOf(e, 'before');
      values[at + 8] = jsonOf(e, 'after');
      values[at + 9] = e.source;
      values[at + 10] = e.reason;
      values[at + 11] = e.revertsEventId;
    },
  );
}
