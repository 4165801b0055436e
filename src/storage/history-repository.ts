import type { Kysely, Selectable, Transaction } from 'kysely';
import { isRole } from '../domain/access/policy.ts';
import type { NationalProfile } from '../domain/child-labour/types.ts';
import type { MemberState } from '../domain/country.ts';
import type { Instrument } from '../domain/instrument.ts';
import type { Ratification } from '../domain/ratification.ts';
import { EVERYTHING } from '../services/cache-dependencies.ts';
import type {
  ActorScope,
  ChangeEvent,
  EventAction,
  HistoryFilter,
  HistoryRepository,
  NewChangeEvent,
  RecordType,
  RegistryWriteTx,
  TxPort,
} from '../services/history-ports.ts';
import type { Page, PageRequest } from '../services/ports.ts';
import {
  type BatchContext,
  declarationRows,
  eventRow,
  insertEvents,
  ratificationRow,
  selectCountries,
  selectInstruments,
  selectRatifications,
  toRatification,
  upsertRatifications,
} from './batch-writes.ts';
import { type DialectInfo, POSTGRES, SQLITE } from './dialect.ts';
import { bumpVersions } from './record-versions.ts';
import { fromInstrument, toCountry, toDeclaration, toInstrument } from './registry-rows.ts';
import type { Database, EventsTable } from './schema.ts';
import { StatementShapes } from './statement-cache.ts';
import { TX_PORTS } from './tx-ports.ts';

function toEvent(r: Selectable<EventsTable>): ChangeEvent {
  return {
    id: Number(r.id),
    at: r.at,
    userId: r.user_id === null ? null : Number(r.user_id),
    actor: r.actor,
    recordType: r.record_type as RecordType,
    recordKey: r.record_key,
    country: r.country_iso3,
    action: r.action as EventAction,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
    source: r.source,
    reason: r.reason,
    revertsEventId: r.reverts_event_id === null ? null : Number(r.reverts_event_id),
  };
}

class WriteTx implements RegistryWriteTx {
  /** Dependency keys this transaction changed; their versions are bumped just before it commits. */
  private readonly changed = new Set<string>();

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly maxParams: number,
    shapes: StatementShapes,
  ) {
    this.batch = { trx, maxParams, shapes };
  }

  /** The import's multi-row statements, compiled once per shape (decision 150). */
  private readonly batch: BatchContext;

  /**
   * Written last, after every record, so the version rows (shared by many writers) are locked only
   * for the end of the transaction and always after its record locks: a long import holding a
   * version row can never wait on a record a short save holds while that save waits on the version.
   */
  private readonly ports = new Map<string, unknown>();

  port<P>(port: TxPort<P>): P {
    let bound = this.ports.get(port.name);
    if (bound === undefined) {
      const factory = TX_PORTS[port.name];
      if (!factory) throw new Error(`no storage is registered for the write port "${port.name}" (src/storage/tx-ports.ts)`);
      bound = factory(this.trx, this.maxParams);
      this.ports.set(port.name, bound);
    }
    return bound as P;
  }

  async flushVersions(): Promise<void> {
    await bumpVersions(this.trx, this.changed, this.maxParams);
    this.changed.clear();
  }

  async getRatification(country: string, instrument: string): Promise<Ratification | null> {
    const r = await this.trx
      .selectFrom('ratifications')
      .selectAll()
      .where('country_iso3', '=', country)
      .where('instrument_code', '=', instrument)
      .executeTakeFirst();
    if (!r) return null;
    const decls = await this.trx.selectFrom('declarations').selectAll().where('ratification_id', '=', r.id).orderBy('id').execute();
    return toRatification(r, decls.map(toDeclaration));
  }

  async putRatification(r: Ratification): Promise<void> {
    const values = ratificationRow(r);
    const row = await this.trx
      .insertInto('ratifications')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['country_iso3', 'instrument_code']).doUpdateSet({
          registration_date: r.registrationDate,
          status: r.status,
          legal_act: r.legalAct,
          national_title: r.nationalTitle,
          source: r.source,
          confidence: r.confidence,
          notes: r.notes,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.trx.deleteFrom('declarations').where('ratification_id', '=', row.id).execute();
    const declarations = declarationRows(Number(row.id), r.declarations);
    if (declarations.length) await this.trx.insertInto('declarations').values(declarations).execute();
  }

  async deleteRatification(country: string, instrument: string): Promise<void> {
    await this.trx.deleteFrom('ratifications').where('country_iso3', '=', country).where('instrument_code', '=', instrument).execute();
  }

  async getInstrument(code: string): Promise<Instrument | null> {
    const row = await this.trx.selectFrom('instruments').selectAll().where('code', '=', code).executeTakeFirst();
    return row ? toInstrument(row) : null;
  }

  async putInstrument(i: Instrument): Promise<void> {
    const { code, ...rest } = fromInstrument(i);
    await this.trx.updateTable('instruments').set(rest).where('code', '=', code).execute();
  }

  async getNationalProfile(iso3: string): Promise<NationalProfile | null> {
    const row = await this.trx.selectFrom('national_profiles').select('profile').where('iso3', '=', iso3).executeTakeFirst();
    return row ? (JSON.parse(row.profile) as NationalProfile) : null;
  }

  async putNationalProfile(p: NationalProfile): Promise<void> {
    const values = { iso3: p.iso3, profile: JSON.stringify(p), source: p.sources.join(';') || null };
    await this.trx
      .insertInto('national_profiles')
      .values(values)
      .onConflict((oc) => oc.column('iso3').doUpdateSet({ profile: values.profile, source: values.source }))
      .execute();
  }

  async getCountry(iso3: string): Promise<MemberState | null> {
    const row = await this.trx.selectFrom('countries').selectAll().where('iso3', '=', iso3).executeTakeFirst();
    return row ? toCountry(row) : null;
  }

  async countryExists(iso3: string): Promise<boolean> {
    return Boolean(await this.trx.selectFrom('countries').select('iso3').where('iso3', '=', iso3).executeTakeFirst());
  }

  async appendEvent(e: NewChangeEvent): Promise<number> {
    const row = await this.trx.insertInto('events').values(eventRow(e)).returning('id').executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async getEvent(id: number): Promise<ChangeEvent | null> {
    const row = await this.trx.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toEvent(row) : null;
  }

  getCountries(iso3s: readonly string[]): Promise<MemberState[]> {
    return selectCountries(this.trx, iso3s, this.maxParams);
  }

  getInstruments(codes: readonly string[]): Promise<Instrument[]> {
    return selectInstruments(this.trx, codes, this.maxParams);
  }

  getRatifications(keys: readonly { country: string; instrument: string }[]): Promise<Ratification[]> {
    return selectRatifications(this.batch, keys);
  }

  putRatifications(rs: readonly Ratification[]): Promise<void> {
    return upsertRatifications(this.batch, rs);
  }

  appendEvents(es: readonly NewChangeEvent[]): Promise<void> {
    return insertEvents(this.batch, es);
  }

  async bumpVersions(keys: Iterable<string>): Promise<void> {
    for (const key of keys) this.changed.add(key);
  }

  async bumpVersion(): Promise<void> {
    this.changed.add(EVERYTHING);
  }
}

export class KyselyHistoryRepository implements HistoryRepository {
  /**
   * `limits.maxParams`: the most values one statement may bind (the dialect's); without it, the
   * smaller of the two engines' limits, safe on both.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly limits: Pick<DialectInfo, 'maxParams'> & Partial<Pick<DialectInfo, 'name'>> = {
      maxParams: Math.min(SQLITE.maxParams, POSTGRES.maxParams),
    },
  ) {
    this.shapes = new StatementShapes(db, limits.name);
  }

  private readonly shapes: StatementShapes;

  transaction<T>(fn: (tx: RegistryWriteTx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const tx = new WriteTx(trx, this.limits.maxParams, this.shapes);
      const result = await fn(tx);
      await tx.flushVersions();
      return result;
    });
  }

  async listEvents(filter: HistoryFilter, page: PageRequest): Promise<Page<ChangeEvent>> {
    let q = this.db.selectFrom('events');
    if (filter.recordType) q = q.where('record_type', '=', filter.recordType);
    if (filter.recordKey) q = q.where('record_key', '=', filter.recordKey);
    if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
    if (filter.country) q = q.where('country_iso3', '=', filter.country);
    if (filter.editor) q = q.where('actor', '=', filter.editor);
    if (filter.from) q = q.where('at', '>=', filter.from);
    // A date-only upper bound includes the whole day.
    if (filter.to) q = q.where('at', '<=', filter.to.length === 10 ? `${filter.to}T23:59:59.999Z` : filter.to);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute();
    const items = await this.withScopes(rows.map(toEvent));
    return { items, total: Number(total?.n ?? 0), page: page.page, pageSize: page.pageSize };
  }

  async getEvent(id: number): Promise<ChangeEvent | null> {
    const row = await this.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? ((await this.withScopes([toEvent(row)]))[0] ?? null) : null;
  }

  /** Adds each editor's role and countries (one query for the page), so a public page can name them without the email. */
  private async withScopes(events: ChangeEvent[]): Promise<ChangeEvent[]> {
    const ids = [...new Set(events.flatMap((e) => (e.userId === null ? [] : [e.userId])))];
    if (!ids.length) return events.map((e) => ({ ...e, actorScope: null }));
    const users = await this.db.selectFrom('users').select(['id', 'role', 'countries']).where('id', 'in', ids).execute();
    const scopes = new Map<number, ActorScope>();
    for (const u of users) {
      if (isRole(u.role)) scopes.set(Number(u.id), { role: u.role, countries: JSON.parse(u.countries) as string[] });
    }
    return events.map((e) => ({ ...e, actorScope: e.userId === null ? null : (scopes.get(e.userId) ?? null) }));
  }
}
