import type { MemberState } from '../domain/country.ts';
import { type CompleteList, type Coverage, countryCoverage, instrumentCoverage } from '../domain/coverage.ts';
import { notFound } from '../domain/errors.ts';
import { splitSources } from '../domain/facts.ts';
import type { IlcSession } from '../domain/ilc-session.ts';
import type { Instrument, InstrumentCategory, TitleIdKind } from '../domain/instrument.ts';
import { type Declaration, declarationInEffect, entryIntoForceForState, type Ratification } from '../domain/ratification.ts';
import { type CachedDocument, cachedDocument } from './cache-dependencies.ts';
import type {
  CountryFilter,
  CountryListItem,
  InstrumentFilter,
  InstrumentListItem,
  Page,
  PageRequest,
  RatificationFilter,
  RatificationRecord,
  RegistryRepository,
} from './ports.ts';
import { cacheLookupListener, NO_SERVICE_EVENTS, type ServiceEvents } from './service-events.ts';
import { type CacheCounters, VersionedCache } from './versioned-cache.ts';

export interface InstrumentRef {
  code: string;
  titleEn: string;
  titleId: string | null;
  titleIdKind: TitleIdKind | null;
  category?: InstrumentCategory | null;
}

export interface CountryRef {
  iso3: string;
  iso2: string;
  nameEn: string;
  nameId: string | null;
}

/** A ratification with the facts derived from it and the names a reader needs. */
export interface RatificationView extends Ratification {
  /** Entry into force for the State, from the instrument's own rule; null when not computable. */
  entryIntoForce: string | null;
  entryIntoForceRule: string | null;
  /** The minimum-age declaration in effect (the latest one), if any. */
  minimumAge: Declaration | null;
  countryRef: CountryRef;
  instrumentRef: InstrumentRef;
}

export interface InstrumentDetail {
  instrument: Instrument;
  session: IlcSession | null;
  revises: InstrumentRef[];
  revisedBy: InstrumentRef[];
  recordedRatifications: number;
  /** Whether the list shown is the whole list; null for a Recommendation. */
  coverage: Coverage | null;
  ratifications: RatificationView[];
  sources: { id: string; description: string | null }[];
}

export interface ChildLabourSummary {
  c138: { ratified: boolean; ratification: RatificationView | null; minimumAge: number | null };
  c182: { ratified: boolean; ratification: RatificationView | null };
}

export interface CountryProfile {
  country: MemberState;
  coverage: Coverage;
  ratifications: RatificationView[];
  childLabour: ChildLabourSummary;
  sources: { id: string; description: string | null }[];
}

export type InstrumentListEntry = InstrumentListItem & { coverage: Coverage | null };
export type CountryListEntry = CountryListItem & { coverage: Coverage };

export interface SearchResult {
  q: string;
  instruments: InstrumentListEntry[];
  instrumentTotal: number;
  countries: CountryListEntry[];
}

const ENGLISH = new Intl.Collator('en');

function toView(r: RatificationRecord): RatificationView {
  return {
    country: r.country,
    instrument: r.instrument,
    registrationDate: r.registrationDate,
    status: r.status,
    legalAct: r.legalAct,
    nationalTitle: r.nationalTitle,
    declarations: r.declarations,
    source: r.source,
    confidence: r.confidence,
    notes: r.notes,
    entryIntoForce: entryIntoForceForState(r.registrationDate, r.instrumentEifMonths),
    entryIntoForceRule: r.instrumentEifArticle,
    minimumAge: declarationInEffect(r.declarations),
    countryRef: { iso3: r.country, iso2: r.countryIso2, nameEn: r.countryNameEn, nameId: r.countryNameId },
    instrumentRef: {
      code: r.instrument,
      titleEn: r.instrumentTitleEn,
      titleId: r.instrumentTitleId,
      titleIdKind: r.instrumentTitleIdKind,
      category: r.instrumentCategory,
    },
  };
}

/** Read-side use cases of the standards registry; the API, portal and CLI all go through here. */
export class RegistryService {
  private readonly cache: VersionedCache;

  constructor(
    private readonly repo: RegistryRepository,
    events: ServiceEvents = NO_SERVICE_EVENTS,
  ) {
    this.cache = new VersionedCache(repo, { onLookup: cacheLookupListener(events, 'registry') });
  }

  /** Reads through the cache, valid while the records the document shows are unchanged (see VersionedCache). */
  private cached<T>(doc: CachedDocument, load: () => Promise<T>): Promise<T> {
    return this.cache.get(doc, load);
  }

  /** Cache hits and misses by document kind. */
  cacheCounters(): Record<string, CacheCounters> {
    return this.cache.counters();
  }

  ping(): Promise<void> {
    return this.repo.ping();
  }

  listInstruments(filter: InstrumentFilter, page: PageRequest): Promise<Page<InstrumentListEntry>> {
    return this.cached(
      cachedDocument(
        'instrumentList',
        JSON.stringify([filter.type, filter.status, filter.category, filter.subject, filter.q, page.page, page.pageSize]),
      ),
      async () => {
        const [result, lists] = await Promise.all([this.repo.listInstruments(filter, page), this.completeLists()]);
        return { ...result, items: result.items.map((i) => ({ ...i, coverage: instrumentCoverage(i, i.recordedRatifications, lists) })) };
      },
    );
  }

  /** The lists the sources show to be complete; everything else is partial (src/domain/coverage.ts). */
  completeLists(): Promise<CompleteList[]> {
    return this.cached(cachedDocument('completeLists', 'all'), () => this.repo.listCompleteLists());
  }

  listSubjects() {
    return this.cached(cachedDocument('subjects', 'all'), () => this.repo.listSubjects());
  }

  getInstrument(code: string): Promise<InstrumentDetail> {
    return this.cached(cachedDocument('instrument', code, code), () => this.loadInstrument(code));
  }

  private async loadInstrument(code: string): Promise<InstrumentDetail> {
    const instrument = await this.repo.getInstrument(code);
    if (!instrument) throw notFound(`No instrument with code "${code}" in the registry. Codes look like C138, P029 or R146.`);
    const [session, revises, revisedBy, page, lists] = await Promise.all([
      instrument.ilcSession === null ? null : this.repo.getIlcSession(instrument.ilcSession),
      this.repo.getInstrumentTitles(instrument.revises),
      this.repo.listRevisedBy(code),
      this.repo.listRatifications({ instrument: code }, null),
      this.completeLists(),
    ]);
    const ratifications = page.items.map(toView);
    ratifications.sort((a, b) => ENGLISH.compare(a.countryRef.nameEn, b.countryRef.nameEn));
    const sourceIds = new Set(splitSources(instrument.source));
    for (const id of splitSources(instrument.titleIdSource)) sourceIds.add(id);
    if (session) for (const id of splitSources(session.source)) sourceIds.add(id);
    for (const id of splitSources(instrument.publishedCount?.source ?? null)) sourceIds.add(id);
    return {
      instrument,
      session,
      revises,
      revisedBy,
      recordedRatifications: page.total,
      coverage: instrumentCoverage(instrument, page.total, lists),
      ratifications,
      sources: await this.repo.getSources([...sourceIds]),
    };
  }

  listCountries(filter: CountryFilter): Promise<CountryListEntry[]> {
    return this.cached(cachedDocument('countryList', JSON.stringify([filter.region, filter.q])), async () => {
      const [countries, lists] = await Promise.all([this.repo.listCountries(filter), this.completeLists()]);
      return countries.map((c) => ({ ...c, coverage: countryCoverage(c.iso3, c.recordedRatifications, lists) }));
    });
  }

  getCountryProfile(iso3: string): Promise<CountryProfile> {
    return this.cached(cachedDocument('country', iso3, iso3), () => this.loadCountryProfile(iso3));
  }

  private async loadCountryProfile(iso3: string): Promise<CountryProfile> {
    const country = await this.repo.getCountry(iso3);
    if (!country) throw notFound(`No member State with ISO 3166 alpha-3 code "${iso3}" in the registry.`);
    const [page, lists] = await Promise.all([this.repo.listRatifications({ country: iso3 }, null), this.completeLists()]);
    const ratifications = page.items.map(toView);
    const c138 = ratifications.find((r) => r.instrument === 'C138') ?? null;
    const c182 = ratifications.find((r) => r.instrument === 'C182') ?? null;
    const sourceIds = new Set(splitSources(country.source));
    for (const r of ratifications) for (const id of splitSources(r.source)) sourceIds.add(id);
    const coverage = countryCoverage(iso3, ratifications.length, lists);
    for (const id of splitSources(coverage.source)) sourceIds.add(id);
    return {
      country,
      coverage,
      ratifications,
      childLabour: {
        c138: { ratified: c138 !== null && c138.status !== 'denounced', ratification: c138, minimumAge: c138?.minimumAge?.value ?? null },
        c182: { ratified: c182 !== null && c182.status !== 'denounced', ratification: c182 },
      },
      sources: await this.repo.getSources([...sourceIds]),
    };
  }

  async listRatifications(filter: RatificationFilter, page: PageRequest | null): Promise<Page<RatificationView>> {
    const result = await this.repo.listRatifications(filter, page);
    return { ...result, items: result.items.map(toView) };
  }

  async search(q: string, limit = 20): Promise<SearchResult> {
    const trimmed = q.trim();
    if (!trimmed) return { q: trimmed, instruments: [], instrumentTotal: 0, countries: [] };
    const [instruments, countries] = await Promise.all([
      this.listInstruments({ q: trimmed }, { page: 1, pageSize: limit }),
      this.listCountries({ q: trimmed }),
    ]);
    return { q: trimmed, instruments: instruments.items, instrumentTotal: instruments.total, countries };
  }

  listIlcSessions() {
    return this.repo.listIlcSessions();
  }

  /** The version of the loaded data (changes on every import); names the open-data downloads. */
  dataVersion(): Promise<string> {
    return this.repo.dataVersion();
  }
}
