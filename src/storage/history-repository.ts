import type { Kysely, Selectable, Transaction } from 'kysely';
import { isRole } from '../domain/access/policy.ts';
import type { NationalProfile } from '../domain/child-labour/types.ts';
import type { MemberState } from '../domain/country.ts';
import type { Confidence } from '../domain/facts.ts';
import type { Instrument } from '../domain/instrument.ts';
import type { Ratification, RatificationStatus } from '../domain/ratification.ts';
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
} from '../services/history-ports.ts';
import type { Page, PageRequest } from '../services/ports.ts';
import { bumpVersions } from './record-versions.ts';
import { fromInstrument, toCountry, toDeclaration, toInstrument } from './registry-repository.ts';
import type { Database, EventsTable } from './schema.ts';

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

  constructor(private readonly trx: Transaction<Database>) {}

  /**
   * Written last, after every record, so the version rows (shared by many writers) are locked only
   * for the end of the transaction and always after its record locks: a long import holding a
   * version row can never wait on a record a short save holds while that save waits on the version.
   */
  async flushVersions(): Promise<void> {
    await bumpVersions(this.trx, this.changed);
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
    return {
      country: r.country_iso3,
      instrument: r.instrument_code,
      registrationDate: r.registration_date,
      status: r.status as RatificationStatus | null,
      legalAct: r.legal_act,
      nationalTitle: r.national_title,
      declarations: decls.map(toDeclaration),
      source: r.source,
      confidence: r.confidence as Confidence | null,
      notes: r.notes,
    };
  }

  async putRatification(r: Ratification): Promise<void> {
    const values = {
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
    if (r.declarations.length) {
      await this.trx
        .insertInto('declarations')
        .values(
          r.declarations.map((d) => ({
            ratification_id: Number(row.id),
            kind: d.kind,
            article: d.article,
            value: d.value,
            date: d.date,
            source: d.source,
            confidence: d.confidence,
            notes: d.notes,
          })),
        )
        .execute();
    }
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
    const row = await this.trx
      .insertInto('events')
      .values({
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async getEvent(id: number): Promise<ChangeEvent | null> {
    const row = await this.trx.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toEvent(row) : null;
  }

  async bumpVersions(keys: Iterable<string>): Promise<void> {
    for (const key of keys) this.changed.add(key);
  }

  async bumpVersion(): Promise<void> {
    this.changed.add(EVERYTHING);
  }
}

export class KyselyHistoryRepository implements HistoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  transaction<T>(fn: (tx: RegistryWriteTx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const tx = new WriteTx(trx);
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
