import type { NationalProfile } from '../domain/child-labour/types.ts';
import type { MemberState } from '../domain/country.ts';
import type { CompleteList } from '../domain/coverage.ts';
import type { IlcSession } from '../domain/ilc-session.ts';
import type { Instrument, InstrumentCategory, InstrumentStatus, InstrumentType, TitleIdKind } from '../domain/instrument.ts';
import type { Ratification, RatificationStatus } from '../domain/ratification.ts';

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface InstrumentFilter {
  type?: InstrumentType;
  status?: InstrumentStatus;
  category?: InstrumentCategory;
  subject?: string;
  /** Free text over code, English and Indonesian titles. */
  q?: string;
}

export interface InstrumentListItem extends Instrument {
  /** Ratifications recorded in this registry (may be fewer than the published count). */
  recordedRatifications: number;
}

export interface CountryFilter {
  region?: string;
  q?: string;
}

export interface CountryListItem extends MemberState {
  recordedRatifications: number;
}

/** A ratification joined with the names a reader needs and the instrument's entry-into-force rule. */
export interface RatificationRecord extends Ratification {
  country: string;
  countryIso2: string;
  countryNameEn: string;
  countryNameId: string | null;
  instrumentTitleEn: string;
  instrumentTitleId: string | null;
  instrumentTitleIdKind: TitleIdKind | null;
  instrumentCategory: InstrumentCategory | null;
  instrumentEifMonths: number | null;
  instrumentEifArticle: string | null;
}

export interface RatificationFilter {
  country?: string;
  instrument?: string;
  status?: RatificationStatus;
  /** Only ratifications registered in or after / before this year. */
  fromYear?: number;
  toYear?: number;
}

/** Everything the bundled data set holds, as loaded by `db seed`. */
export interface RegistryBundle {
  instruments: Instrument[];
  countries: MemberState[];
  ratifications: Ratification[];
  ilcSessions: IlcSession[];
  sources: { id: string; description: string | null }[];
  nationalProfiles: NationalProfile[];
  /** Ratification lists the sources show to be complete; every other list is partial. */
  completeLists: CompleteList[];
}

export interface SeedResult {
  instruments: number;
  countries: number;
  ratifications: number;
  declarations: number;
  ilcSessions: number;
  sources: number;
  nationalProfiles: number;
}

/** Storage port for the standards registry; implemented once over Kysely for both engines. */
export interface RegistryRepository {
  listInstruments(filter: InstrumentFilter, page: PageRequest): Promise<Page<InstrumentListItem>>;
  getInstrument(code: string): Promise<Instrument | null>;
  /** Instruments whose `revises` list contains `code`. */
  listRevisedBy(code: string): Promise<Pick<Instrument, 'code' | 'titleEn' | 'titleId' | 'titleIdKind'>[]>;
  getInstrumentTitles(codes: string[]): Promise<Pick<Instrument, 'code' | 'titleEn' | 'titleId' | 'titleIdKind' | 'category'>[]>;
  listSubjects(): Promise<{ subject: string; count: number }[]>;
  listCountries(filter: CountryFilter): Promise<CountryListItem[]>;
  getCountry(iso3: string): Promise<MemberState | null>;
  listRatifications(filter: RatificationFilter, page: PageRequest | null): Promise<Page<RatificationRecord>>;
  getIlcSession(number: number): Promise<IlcSession | null>;
  listIlcSessions(): Promise<IlcSession[]>;
  getSources(ids: string[]): Promise<{ id: string; description: string | null }[]>;
  listCompleteLists(): Promise<CompleteList[]>;
  /** Zero on a database seeded before coverage existed: start-up then loads just the lists. */
  countCompleteLists(): Promise<number>;
  seedCompleteLists(lists: CompleteList[]): Promise<void>;
  /** Number of instruments; zero means an empty database that should be seeded. */
  countInstruments(): Promise<number>;
  /** Upserts the bundle by natural keys in one transaction; running it twice changes nothing. */
  seed(bundle: RegistryBundle): Promise<SeedResult>;
  getNationalProfile(iso3: string): Promise<NationalProfile | null>;
  listNationalProfiles(): Promise<NationalProfile[]>;
  ping(): Promise<void>;
  /** Changes whenever registry data changes (a digest of every record version). */
  dataVersion(): Promise<string>;
  /**
   * The current versions of these dependency keys (src/services/cache-dependencies.ts), in one
   * indexed query: equal answers mean none of them changed. Read-side caches check it per lookup.
   */
  versionsOf(keys: string[]): Promise<string>;
}
