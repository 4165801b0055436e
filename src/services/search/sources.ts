import type { LibraryDocument } from '../../domain/documents/document.ts';
import type { IloOffice } from '../../domain/governance/offices.ts';
import type { Programme } from '../../domain/programmes/programme.ts';
import type { SupervisoryComment } from '../../domain/supervision/comments.ts';
import type { UsdolGood } from '../../domain/usdol/usdol.ts';
import type { CountryListItem, InstrumentListItem } from '../ports.ts';
import type { SearchDocument, SearchSource } from './search-source.ts';

/** Subject labels (slug → text) in each language, as the portal shows them. */
export interface SubjectLabels {
  en: Record<string, string>;
  id: Record<string, string>;
}

const STATUS_BOOST: Record<string, number> = { 'up-to-date': 1.5, outdated: 0.8, withdrawn: 0.6, abrogated: 0.6 };

export function instrumentSource(list: () => Promise<InstrumentListItem[]>, subjects: SubjectLabels): SearchSource {
  return {
    kind: 'instrument',
    async documents() {
      return (await list()).map(
        (i): SearchDocument => ({
          kind: 'instrument',
          key: i.code,
          path: `/instruments/${i.code}`,
          titleEn: i.titleEn,
          titleId: i.titleId,
          codes: i.code,
          numbers: String(i.number),
          textEn: i.subjects.map((s) => subjects.en[s] ?? s).join('. '),
          textId: i.subjects.map((s) => subjects.id[s] ?? s).join('. '),
          boost: (STATUS_BOOST[i.status ?? ''] ?? 1) * (i.type === 'convention' ? 1.2 : 1),
        }),
      );
    },
  };
}

export function countrySource(list: () => Promise<CountryListItem[]>): SearchSource {
  return {
    kind: 'country',
    async documents() {
      return (await list()).map(
        (c): SearchDocument => ({
          kind: 'country',
          key: c.iso3,
          path: `/countries/${c.iso3}`,
          titleEn: c.nameEn,
          titleId: c.nameId,
          codes: `${c.iso3} ${c.iso2}`,
        }),
      );
    },
  };
}

export function officeSource(list: () => Promise<IloOffice[]>): SearchSource {
  return {
    kind: 'office',
    async documents() {
      return (await list()).map(
        (o): SearchDocument => ({
          kind: 'office',
          key: o.id,
          path: '/office',
          titleEn: o.name,
          titleId: null,
          codes: [o.countryIso3, ...o.covers].filter(Boolean).join(' '),
          textEn: [o.city, o.countryName, o.region].filter(Boolean).join('. '),
        }),
      );
    },
  };
}

/** Comments with a summary of our own (the others have no text to search yet). */
export function commentSource(
  list: () => Promise<SupervisoryComment[]>,
  countryName: () => Promise<Map<string, CountryListItem>>,
): SearchSource {
  return {
    kind: 'comment',
    async documents() {
      const [comments, names] = await Promise.all([list(), countryName()]);
      return comments
        .filter((c) => c.summaryEn || c.summaryId)
        .map((c): SearchDocument => {
          const state = names.get(c.country);
          const label = (name: string) => `${name}: ${c.instruments.join(', ')}${c.year ? ` (${c.year})` : ''}`;
          return {
            kind: 'comment',
            key: c.id,
            path: `/supervision/comments/${encodeURIComponent(c.id)}`,
            titleEn: label(state?.nameEn ?? c.country),
            titleId: label(state?.nameId ?? state?.nameEn ?? c.country),
            codes: [c.country, ...c.instruments].join(' '),
            textEn: c.summaryEn ?? undefined,
            textId: c.summaryId ?? undefined,
          };
        });
    },
  };
}

export interface SessionFacts {
  number: number;
  year: number | null;
  place: string | null;
}

export function sessionSource(list: () => Promise<SessionFacts[]>): SearchSource {
  return {
    kind: 'session',
    async documents() {
      return (await list()).map(
        (s): SearchDocument => ({
          kind: 'session',
          key: String(s.number),
          path: `/conference/${s.number}`,
          titleEn: `International Labour Conference, session ${s.number}${s.year ? ` (${s.year})` : ''}`,
          titleId: `Konferensi Perburuhan Internasional, sidang ke-${s.number}${s.year ? ` (${s.year})` : ''}`,
          numbers: [s.number, s.year].filter((x) => x !== null).join(' '),
          textEn: s.place ?? undefined,
          textId: s.place ?? undefined,
        }),
      );
    },
  };
}

/** Technical-cooperation programmes and projects (issue 10): names, aims, themes, donors, States. */
export function programmeSource(list: () => Promise<Programme[]>): SearchSource {
  return {
    kind: 'programme',
    async documents() {
      return (await list()).map(
        (p): SearchDocument => ({
          kind: 'programme',
          key: p.id,
          path: `/programmes/${encodeURIComponent(p.id)}`,
          titleEn: p.nameEn,
          titleId: p.nameId,
          codes: [...(p.countries ?? []), ...(p.instruments ?? [])].join(' '),
          textEn: [p.aimEn, p.area, ...p.themes, ...(p.donors ?? []), ...(p.partners ?? [])].filter(Boolean).join('. '),
          textId: [p.aimId, p.area].filter(Boolean).join('. '),
        }),
      );
    },
  };
}

/** USDOL's List of Goods (issue 10): one document a good, with the States it is listed for. */
export function goodSource(list: () => readonly UsdolGood[]): SearchSource {
  return {
    kind: 'good',
    async documents() {
      const byGood = new Map<string, UsdolGood[]>();
      for (const g of list()) byGood.set(g.good, [...(byGood.get(g.good) ?? []), g]);
      return [...byGood.entries()].map(
        ([good, rows]): SearchDocument => ({
          kind: 'good',
          key: good,
          path: `/goods?good=${encodeURIComponent(good)}`,
          titleEn: good,
          titleId: null,
          codes: rows.map((r) => r.iso3).join(' '),
          textEn: [rows[0]?.sector, ...rows.map((r) => r.countryUsdol)].filter(Boolean).join('. '),
        }),
      );
    },
  };
}

/** Text of a document indexed for the search: enough to find a report by the words of its first pages, bounded for the index's size. */
export const INDEXED_DOCUMENT_CHARS = 200_000;

/** The documents library (decision 196): title in each language and the text extracted from the file. */
export function documentSource(list: () => Promise<{ document: LibraryDocument; text: string | null }[]>): SearchSource {
  return {
    kind: 'document',
    async documents() {
      return (await list()).map(
        ({ document: d, text }): SearchDocument => ({
          kind: 'document',
          key: d.id,
          path: `/documents/${encodeURIComponent(d.id)}`,
          titleEn: d.titleEn,
          titleId: d.titleId,
          codes: [...d.countries, ...d.instruments].join(' '),
          // Indonesian text is read with the Indonesian affix rules, every other language with the English ones.
          ...(text ? { [d.language === 'id' ? 'textId' : 'textEn']: text.slice(0, INDEXED_DOCUMENT_CHARS) } : {}),
        }),
      );
    },
  };
}
