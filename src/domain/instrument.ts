import type { Provenance } from './facts.ts';

export const INSTRUMENT_TYPES = ['convention', 'protocol', 'recommendation'] as const;
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];

/** NORMLEX classification vocabulary; null when the sources do not give it. */
export const INSTRUMENT_STATUSES = [
  'up-to-date',
  'interim-status',
  'outdated',
  'requested-to-revise',
  'abrogated',
  'withdrawn',
  'replaced',
] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

export const INSTRUMENT_CATEGORIES = ['fundamental', 'governance', 'technical'] as const;
export type InstrumentCategory = (typeof INSTRUMENT_CATEGORIES)[number];

export type TitleIdKind = 'official' | 'unofficial';

const CODE = /^(C|P|R)(\d{3})$/;

export function normaliseInstrumentCode(raw: string): string | null {
  // Already in the stored form (most rows of an import): nothing to rebuild.
  if (CODE.test(raw)) return raw;
  const m = /^\s*([cpr])\s*0*(\d{1,3})\s*$/i.exec(raw);
  if (!m?.[1] || !m[2]) return null;
  return `${m[1].toUpperCase()}${m[2].padStart(3, '0')}`;
}

export function isInstrumentCode(value: string): boolean {
  return CODE.test(value);
}

export interface PublishedCount {
  count: number | null;
  asOf: string | null;
  source: string | null;
  confidence: Provenance['confidence'];
  notes: string | null;
}

export interface Instrument extends Provenance {
  code: string;
  type: InstrumentType;
  number: number;
  titleEn: string;
  titleId: string | null;
  titleIdKind: TitleIdKind | null;
  titleIdSource: string | null;
  titleIdAct: string | null;
  /** 'YYYY-MM-DD' or 'YYYY' (year from the title) or null */
  adoptionDate: string | null;
  ilcSession: number | null;
  entryIntoForce: string | null;
  status: InstrumentStatus | null;
  category: InstrumentCategory | null;
  subjects: string[];
  revises: string[];
  /** Months from registration of a ratification to its entry into force for that State, from the instrument's final provisions. */
  ratificationEifMonths: number | null;
  ratificationEifArticle: string | null;
  verifiedFields: string[];
  publishedCount: PublishedCount | null;
}

export function instrumentTypeOfCode(code: string): InstrumentType | null {
  switch (code[0]) {
    case 'C':
      return 'convention';
    case 'P':
      return 'protocol';
    case 'R':
      return 'recommendation';
    default:
      return null;
  }
}
