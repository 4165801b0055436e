import { type Selectable, sql, type Transaction } from 'kysely';
import type { MemberState } from '../domain/country.ts';
import type { Confidence } from '../domain/facts.ts';
import type { Instrument } from '../domain/instrument.ts';
import type { Declaration, Ratification, RatificationStatus } from '../domain/ratification.ts';
import type { NewChangeEvent } from '../services/history-ports.ts';
import { toCountry, toDeclaration, toInstrument } from './registry-rows.ts';
import type { Database, DeclarationsTable, EventsTable, RatificationsTable } from './schema.ts';

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

export function eventRow(e: NewChangeEvent): Omit<EventsTable, 'id'> {
  return {
    at: e.at,
    user_id: e.userId,
    actor: e.actor,
    record_type: e.recordType,
    record_key: e.recordKey,
    country_iso3: e.country,
    action: e.action,
    before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
    source: e.source,
    reason: e.reason,
    reverts_event_id: e.revertsEventId,
  };
}

const RATIFICATION_COLUMNS = 9;
const DECLARATION_COLUMNS = 8;
const EVENT_COLUMNS = 12;

export async function selectCountries(trx: Trx, iso3s: readonly string[], maxParams: number): Promise<MemberState[]> {
  const out: MemberState[] = [];
  for (const part of inBatches(iso3s, rowsPerStatement(maxParams, 1)))
    for (const row of await trx.selectFrom('countries').selectAll().where('iso3', 'in', part).execute()) out.push(toCountry(row));
  return out;
}

export async function selectInstruments(trx: Trx, codes: readonly string[], maxParams: number): Promise<Instrument[]> {
  const out: Instrument[] = [];
  for (const part of inBatches(codes, rowsPerStatement(maxParams, 1)))
    for (const row of await trx.selectFrom('instruments').selectAll().where('code', 'in', part).execute()) out.push(toInstrument(row));
  return out;
}

/** `(VALUES (?, ?), …)`: its columns are column1 and column2 on both engines. */
function keysTable(keys: readonly { country: string; instrument: string }[]) {
  return sql<{ column1: string; column2: string }>`(values ${sql.join(keys.map((k) => sql`(${k.country}, ${k.instrument})`))})`;
}

/** The stored records of these keys (those that exist), each with its declarations in id order. */
export async function selectRatifications(
  trx: Trx,
  keys: readonly { country: string; instrument: string }[],
  maxParams: number,
): Promise<Ratification[]> {
  const rows: Selectable<RatificationsTable>[] = [];
  for (const part of inBatches(keys, rowsPerStatement(maxParams, 2))) {
    rows.push(
      ...(await trx
        .selectFrom('ratifications')
        // A join on a VALUES list rather than `(a, b) IN (…)`, which PostgreSQL plans as thousands of ORs.
        .innerJoin(keysTable(part).as('k'), (join) =>
          join.onRef('k.column1', '=', 'ratifications.country_iso3').onRef('k.column2', '=', 'ratifications.instrument_code'),
        )
        .selectAll('ratifications')
        .execute()),
    );
  }
  const declarations = new Map<number, Declaration[]>();
  for (const part of inBatches(
    rows.map((r) => Number(r.id)),
    rowsPerStatement(maxParams, 1),
  )) {
    const found = await trx.selectFrom('declarations').selectAll().where('ratification_id', 'in', part).orderBy('id').execute();
    for (const d of found) {
      const list = declarations.get(Number(d.ratification_id)) ?? [];
      list.push(toDeclaration(d));
      declarations.set(Number(d.ratification_id), list);
    }
  }
  return rows.map((r) => toRatification(r, declarations.get(Number(r.id)) ?? []));
}

/**
 * Inserts or replaces the records and their declarations, as `putRatification` does one by one:
 * the rows keep their order, so new ids are given in the same order as the single-record path.
 */
export async function upsertRatifications(trx: Trx, records: readonly Ratification[], maxParams: number): Promise<void> {
  if (!records.length) return;
  const ids = new Map<string, number>();
  for (const part of inBatches(records, rowsPerStatement(maxParams, RATIFICATION_COLUMNS))) {
    const returned = await trx
      .insertInto('ratifications')
      .values(part.map(ratificationRow))
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
      .returning(['id', 'country_iso3', 'instrument_code'])
      .execute();
    for (const r of returned) ids.set(`${r.country_iso3}/${r.instrument_code}`, Number(r.id));
  }
  const idOf = (r: Ratification) => ids.get(`${r.country}/${r.instrument}`) as number;
  for (const part of inBatches(records.map(idOf), rowsPerStatement(maxParams, 1)))
    await trx.deleteFrom('declarations').where('ratification_id', 'in', part).execute();
  const declarations = records.flatMap((r) => declarationRows(idOf(r), r.declarations));
  for (const part of inBatches(declarations, rowsPerStatement(maxParams, DECLARATION_COLUMNS)))
    await trx.insertInto('declarations').values(part).execute();
}

export async function insertEvents(trx: Trx, events: readonly NewChangeEvent[], maxParams: number): Promise<void> {
  for (const part of inBatches(events, rowsPerStatement(maxParams, EVENT_COLUMNS)))
    await trx.insertInto('events').values(part.map(eventRow)).execute();
}
