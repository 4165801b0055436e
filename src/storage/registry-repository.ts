import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { NationalProfile } from '../domain/child-labour/types.ts';
import type { MemberState } from '../domain/country.ts';
import type { CompleteList } from '../domain/coverage.ts';
import type { Confidence } from '../domain/facts.ts';
import type { IlcSession } from '../domain/ilc-session.ts';
import type { Instrument, InstrumentCategory, TitleIdKind } from '../domain/instrument.ts';
import type { Declaration, RatificationStatus } from '../domain/ratification.ts';
import type {
  CountryFilter,
  CountryListItem,
  InstrumentFilter,
  InstrumentListItem,
  Page,
  PageRequest,
  RatificationFilter,
  RatificationRecord,
  RegistryBundle,
  RegistryRepository,
  SeedResult,
} from '../services/ports.ts';
import { selectCountries, selectInstruments } from './batch-writes.ts';
import { countCompleteLists, readCompleteLists, replaceCompleteLists } from './complete-lists.ts';
import type { DialectInfo } from './dialect.ts';
import { allVersionsDigest, bumpEverything, VersionReader } from './record-versions.ts';
import { parseJsonList, searchable, toCountry, toDeclaration, toInstrument, toSession } from './registry-rows.ts';
import { chunks, seedRegistry } from './registry-seed.ts';
import type { Database } from './schema.ts';

function likePattern(q: string): string {
  return `%${searchable(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class KyselyRegistryRepository implements RegistryRepository {
  private readonly versionReader: VersionReader;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectInfo,
  ) {
    this.versionReader = new VersionReader(db);
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async getNationalProfile(iso3: string): Promise<NationalProfile | null> {
    const row = await this.db.selectFrom('national_profiles').select('profile').where('iso3', '=', iso3).executeTakeFirst();
    return row ? (JSON.parse(row.profile) as NationalProfile) : null;
  }

  async listNationalProfiles(): Promise<NationalProfile[]> {
    const rows = await this.db.selectFrom('national_profiles').select('profile').orderBy('iso3').execute();
    return rows.map((r) => JSON.parse(r.profile) as NationalProfile);
  }

  dataVersion(): Promise<string> {
    return allVersionsDigest(this.db);
  }

  versionsOf(keys: string[]): Promise<string> {
    return this.versionReader.versionsOf(keys);
  }

  async countInstruments(): Promise<number> {
    const row = await this.db
      .selectFrom('instruments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async listInstruments(filter: InstrumentFilter, page: PageRequest): Promise<Page<InstrumentListItem>> {
    let q = this.db.selectFrom('instruments');
    if (filter.type) q = q.where('type', '=', filter.type);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.category) q = q.where('category', '=', filter.category);
    if (filter.subject) q = q.where('subjects', 'like', `%${JSON.stringify(filter.subject)}%`);
    if (filter.q) q = q.where(sql<boolean>`search_text like ${likePattern(filter.q)} escape '\\'`);
    const totalRow = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await q
      .selectAll('instruments')
      .select((eb) =>
        eb
          .selectFrom('ratifications')
          .whereRef('ratifications.instrument_code', '=', 'instruments.code')
          .select((e) => e.fn.countAll<number>().as('c'))
          .as('recorded'),
      )
      .orderBy('code')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute();
    return {
      items: rows.map((r) => ({ ...toInstrument(r), recordedRatifications: Number(r.recorded ?? 0) })),
      total: Number(totalRow?.n ?? 0),
      page: page.page,
      pageSize: page.pageSize,
    };
  }

  async getInstrument(code: string): Promise<Instrument | null> {
    const row = await this.db.selectFrom('instruments').selectAll().where('code', '=', code).executeTakeFirst();
    return row ? toInstrument(row) : null;
  }

  async listRevisedBy(code: string) {
    const rows = await this.db
      .selectFrom('instruments')
      .select(['code', 'title_en', 'title_id', 'title_id_kind'])
      .where('revises', 'like', `%${JSON.stringify(code)}%`)
      .orderBy('code')
      .execute();
    return rows.map((r) => ({
      code: r.code,
      titleEn: r.title_en,
      titleId: r.title_id,
      titleIdKind: r.title_id_kind as TitleIdKind | null,
    }));
  }

  async getInstrumentTitles(codes: string[]) {
    if (codes.length === 0) return [];
    const rows = await this.db
      .selectFrom('instruments')
      .select(['code', 'title_en', 'title_id', 'title_id_kind', 'category'])
      .where('code', 'in', codes)
      .orderBy('code')
      .execute();
    return rows.map((r) => ({
      code: r.code,
      titleEn: r.title_en,
      titleId: r.title_id,
      titleIdKind: r.title_id_kind as TitleIdKind | null,
      category: r.category as InstrumentCategory | null,
    }));
  }

  async listSubjects(): Promise<{ subject: string; count: number }[]> {
    const rows = await this.db.selectFrom('instruments').select('subjects').execute();
    const counts = new Map<string, number>();
    for (const r of rows) for (const s of parseJsonList(r.subjects)) counts.set(s, (counts.get(s) ?? 0) + 1);
    return [...counts].map(([subject, count]) => ({ subject, count })).sort((a, b) => a.subject.localeCompare(b.subject));
  }

  async listCountries(filter: CountryFilter): Promise<CountryListItem[]> {
    let q = this.db.selectFrom('countries').selectAll('countries');
    if (filter.region) q = q.where('region', '=', filter.region);
    if (filter.q) q = q.where(sql<boolean>`search_text like ${likePattern(filter.q)} escape '\\'`);
    const rows = await q
      .select((eb) =>
        eb
          .selectFrom('ratifications')
          .whereRef('ratifications.country_iso3', '=', 'countries.iso3')
          .select((e) => e.fn.countAll<number>().as('c'))
          .as('recorded'),
      )
      .orderBy('name_en')
      .execute();
    return rows.map((r) => ({ ...toCountry(r), recordedRatifications: Number(r.recorded ?? 0) }));
  }

  /** The member States among these codes, in a few statements (the import's one-pass check). */
  getCountries(iso3s: readonly string[]): Promise<MemberState[]> {
    return selectCountries(this.db, iso3s, this.dialect.maxParams);
  }

  /** The instruments among these codes, in a few statements. */
  getInstruments(codes: readonly string[]): Promise<Instrument[]> {
    return selectInstruments(this.db, codes, this.dialect.maxParams);
  }

  async getCountry(iso3: string): Promise<MemberState | null> {
    const row = await this.db.selectFrom('countries').selectAll().where('iso3', '=', iso3).executeTakeFirst();
    return row ? toCountry(row) : null;
  }

  async listRatifications(filter: RatificationFilter, page: PageRequest | null): Promise<Page<RatificationRecord>> {
    let q = this.db
      .selectFrom('ratifications as r')
      .innerJoin('countries as c', 'c.iso3', 'r.country_iso3')
      .innerJoin('instruments as i', 'i.code', 'r.instrument_code');
    if (filter.country) q = q.where('r.country_iso3', '=', filter.country);
    if (filter.instrument) q = q.where('r.instrument_code', '=', filter.instrument);
    if (filter.status) q = q.where('r.status', '=', filter.status);
    // Partial dates start with the year, so comparing the first four characters works for both precisions.
    if (filter.fromYear !== undefined)
      q = q.where(sql<boolean>`substr(r.registration_date, 1, 4) >= ${String(filter.fromYear).padStart(4, '0')}`);
    if (filter.toYear !== undefined)
      q = q.where(sql<boolean>`substr(r.registration_date, 1, 4) <= ${String(filter.toYear).padStart(4, '0')}`);
    const totalRow = page ? await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst() : null;
    let rowsQ = q
      .selectAll('r')
      .select([
        'c.iso2 as country_iso2',
        'c.name_en as country_name_en',
        'c.name_id as country_name_id',
        'i.title_en as instrument_title_en',
        'i.title_id as instrument_title_id',
        'i.title_id_kind as instrument_title_id_kind',
        'i.category as instrument_category',
        'i.eif_months as instrument_eif_months',
        'i.eif_article as instrument_eif_article',
      ])
      .orderBy('r.country_iso3')
      .orderBy('r.instrument_code');
    if (page) rowsQ = rowsQ.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
    const rows = await rowsQ.execute();
    const byRatification = new Map<number, Declaration[]>();
    for (const ids of chunks(
      rows.map((r) => Number(r.id)),
      1000,
    )) {
      const decls = await this.db.selectFrom('declarations').selectAll().where('ratification_id', 'in', ids).orderBy('id').execute();
      for (const d of decls) {
        const list = byRatification.get(Number(d.ratification_id)) ?? [];
        list.push(toDeclaration(d));
        byRatification.set(Number(d.ratification_id), list);
      }
    }
    const total = totalRow ? Number(totalRow.n) : rows.length;
    return {
      items: rows.map((r) => ({
        country: r.country_iso3,
        instrument: r.instrument_code,
        registrationDate: r.registration_date,
        status: r.status as RatificationStatus | null,
        legalAct: r.legal_act,
        nationalTitle: r.national_title,
        declarations: byRatification.get(Number(r.id)) ?? [],
        source: r.source,
        confidence: r.confidence as Confidence | null,
        notes: r.notes,
        countryIso2: r.country_iso2,
        countryNameEn: r.country_name_en,
        countryNameId: r.country_name_id,
        instrumentTitleEn: r.instrument_title_en,
        instrumentTitleId: r.instrument_title_id,
        instrumentTitleIdKind: r.instrument_title_id_kind as TitleIdKind | null,
        instrumentCategory: r.instrument_category as InstrumentCategory | null,
        instrumentEifMonths: r.instrument_eif_months === null ? null : Number(r.instrument_eif_months),
        instrumentEifArticle: r.instrument_eif_article,
      })),
      total,
      page: page?.page ?? 1,
      pageSize: page?.pageSize ?? total,
    };
  }

  async getIlcSession(number: number): Promise<IlcSession | null> {
    const row = await this.db.selectFrom('ilc_sessions').selectAll().where('number', '=', number).executeTakeFirst();
    return row ? toSession(row) : null;
  }

  async listIlcSessions(): Promise<IlcSession[]> {
    const rows = await this.db.selectFrom('ilc_sessions').selectAll().orderBy('number').execute();
    return rows.map(toSession);
  }

  async getSources(ids: string[]) {
    if (ids.length === 0) return [];
    return this.db.selectFrom('sources').select(['id', 'description']).where('id', 'in', ids).orderBy('id').execute();
  }

  listCompleteLists(): Promise<CompleteList[]> {
    return readCompleteLists(this.db);
  }

  countCompleteLists(): Promise<number> {
    return countCompleteLists(this.db);
  }

  async seedCompleteLists(lists: CompleteList[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.dialect.seedLock(trx);
      await replaceCompleteLists(trx, lists);
      await trx.updateTable('meta').set({ value: randomUUID() }).where('key', '=', 'data_version').execute();
      await bumpEverything(trx);
    });
  }

  /** Fills an empty database from the bundle, or refreshes untouched records (src/storage/registry-seed.ts). */
  seed(input: RegistryBundle): Promise<SeedResult> {
    return seedRegistry(this.db, this.dialect, input);
  }
}
