import type { Provenance } from './facts.ts';

export const ILO_REGIONS = ['Africa', 'Americas', 'Arab States', 'Asia and the Pacific', 'Europe and Central Asia'] as const;
export type IloRegion = (typeof ILO_REGIONS)[number];

export interface MemberState extends Provenance {
  iso3: string;
  iso2: string;
  nameEn: string;
  nameId: string | null;
  region: IloRegion | null;
  membershipDate: string | null;
  membershipNote: string | null;
}

export function normaliseIso3(raw: string): string | null {
  const v = raw.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(v) ? v : null;
}
