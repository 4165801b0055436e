import type { Selectable } from 'kysely';
import type { IloRegion, MemberState } from '../domain/country.ts';
import type { Confidence } from '../domain/facts.ts';
import type { IlcSession } from '../domain/ilc-session.ts';
import type {
  Instrument,
  InstrumentCategory,
  InstrumentStatus,
  InstrumentType,
  PublishedCount,
  TitleIdKind,
} from '../domain/instrument.ts';
import type { Declaration } from '../domain/ratification.ts';
import type { CountriesTable, DeclarationsTable, IlcSessionsTable, InstrumentsTable } from './schema.ts';

/* Rows as stored ↔ domain records, shared by the registry repository, the write transaction and the import's batches. */

type InstrumentRow = Selectable<InstrumentsTable>;
type CountryRow = Selectable<CountriesTable>;

/** Lower-cased, accent-free text so that "cote" finds "Côte d'Ivoire" on both engines. */
export function searchable(...parts: (string | number | null | undefined)[]): string {
  return parts
    .filter((p) => p !== null && p !== undefined && p !== '')
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

export function parseJsonList(value: string | null): string[] {
  if (!value) return [];
  const parsed: unknown = JSON.parse(value);
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

export function toInstrument(r: InstrumentRow): Instrument {
  return {
    code: r.code,
    type: r.type as InstrumentType,
    number: Number(r.number),
    titleEn: r.title_en,
    titleId: r.title_id,
    titleIdKind: r.title_id_kind as TitleIdKind | null,
    titleIdSource: r.title_id_source,
    titleIdAct: r.title_id_act,
    adoptionDate: r.adoption_date,
    ilcSession: r.ilc_session === null ? null : Number(r.ilc_session),
    entryIntoForce: r.entry_into_force,
    status: r.status as InstrumentStatus | null,
    category: r.category as InstrumentCategory | null,
    subjects: parseJsonList(r.subjects),
    revises: parseJsonList(r.revises),
    ratificationEifMonths: r.eif_months === null ? null : Number(r.eif_months),
    ratificationEifArticle: r.eif_article,
    verifiedFields: parseJsonList(r.verified_fields),
    publishedCount: r.published_count ? (JSON.parse(r.published_count) as PublishedCount) : null,
    source: r.source,
    confidence: r.confidence as Confidence | null,
    notes: r.notes,
  };
}

export function fromInstrument(i: Instrument): InstrumentsTable {
  return {
    code: i.code,
    type: i.type,
    number: i.number,
    title_en: i.titleEn,
    title_id: i.titleId,
    title_id_kind: i.titleIdKind,
    title_id_source: i.titleIdSource,
    title_id_act: i.titleIdAct,
    adoption_date: i.adoptionDate,
    ilc_session: i.ilcSession,
    entry_into_force: i.entryIntoForce,
    status: i.status,
    category: i.category,
    subjects: JSON.stringify(i.subjects),
    revises: JSON.stringify(i.revises),
    eif_months: i.ratificationEifMonths,
    eif_article: i.ratificationEifArticle,
    verified_fields: JSON.stringify(i.verifiedFields),
    published_count: i.publishedCount ? JSON.stringify(i.publishedCount) : null,
    search_text: searchable(i.code, `no ${i.number}`, i.titleEn, i.titleId),
    source: i.source,
    confidence: i.confidence,
    notes: i.notes,
  };
}

export function toCountry(r: CountryRow): MemberState {
  return {
    iso3: r.iso3,
    iso2: r.iso2,
    nameEn: r.name_en,
    nameId: r.name_id,
    region: r.region as IloRegion | null,
    membershipDate: r.membership_date,
    membershipNote: r.membership_note,
    source: r.source,
    confidence: r.confidence as Confidence | null,
    notes: r.notes,
  };
}

export function fromCountry(c: MemberState): CountriesTable {
  return {
    iso3: c.iso3,
    iso2: c.iso2,
    name_en: c.nameEn,
    name_id: c.nameId,
    region: c.region,
    membership_date: c.membershipDate,
    membership_note: c.membershipNote,
    search_text: searchable(c.iso3, c.iso2, c.nameEn, c.nameId),
    source: c.source,
    confidence: c.confidence,
    notes: c.notes,
  };
}

export function toSession(r: Selectable<IlcSessionsTable>): IlcSession {
  return {
    number: Number(r.number),
    year: r.year === null ? null : Number(r.year),
    openingDate: r.opening_date,
    closingDate: r.closing_date,
    place: r.place,
    source: r.source,
    confidence: r.confidence as Confidence | null,
    notes: r.notes,
  };
}

export function toDeclaration(r: Selectable<DeclarationsTable>): Declaration {
  return {
    kind: r.kind as Declaration['kind'],
    article: r.article,
    value: Number(r.value),
    date: r.date,
    source: r.source,
    confidence: r.confidence as Confidence | null,
    notes: r.notes,
  };
}
