import type { IloRegion, MemberState } from '../country.ts';
import type { Provenance } from '../facts.ts';

/**
 * The International Labour Office's field structure as the sources give it: regional offices,
 * country offices, area offices and decent work technical support teams (DWT). Pure.
 */
export const OFFICE_TYPES = ['regional_office', 'country_office', 'area_office', 'dwt'] as const;
export type OfficeType = (typeof OFFICE_TYPES)[number];

export interface IloOffice extends Provenance {
  /** A stable slug made from the name and the city, e.g. 'regional-office-for-africa-abidjan'. */
  id: string;
  name: string;
  type: OfficeType;
  region: IloRegion | null;
  city: string | null;
  /** The State the office sits in (ISO3), when it is a member State, and the name as the source writes it. */
  countryIso3: string | null;
  countryName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** The member States the source says the office covers (ISO3); empty when the source says nothing. */
  covers: string[];
  /** Territories the source names as covered that are not member States (e.g. the occupied Palestinian territory). */
  coversOther: string[];
}

/** The Director-General: only a sourced fact; null when the sources name nobody. */
export interface DirectorGeneral extends Provenance {
  name: string;
  since: string | null;
}

export interface OfficeData {
  directorGeneral: DirectorGeneral | null;
  offices: IloOffice[];
}

/** Why an office is listed for a State: the source says it covers it, it sits there, or it is its region's office. */
export type CoverBasis = 'covers' | 'located' | 'region';

export interface CoveringOffice {
  office: IloOffice;
  basis: CoverBasis;
}

/**
 * The offices that cover a State, as far as the data says: offices whose source names the State,
 * offices located in it, and the regional office of its ILO region (region: the State's region in
 * the registry). Most specific first; an office is listed once, under its most specific basis.
 */
export function officesCovering(offices: readonly IloOffice[], state: Pick<MemberState, 'iso3' | 'region'>): CoveringOffice[] {
  const out: CoveringOffice[] = [];
  const seen = new Set<string>();
  const add = (office: IloOffice, basis: CoverBasis) => {
    if (seen.has(office.id)) return;
    seen.add(office.id);
    out.push({ office, basis });
  };
  for (const o of offices) if (o.covers.includes(state.iso3)) add(o, 'covers');
  for (const o of offices) if (o.countryIso3 === state.iso3) add(o, 'located');
  if (state.region) for (const o of offices) if (o.type === 'regional_office' && o.region === state.region) add(o, 'region');
  return out;
}

export function filterOffices(offices: readonly IloOffice[], filter: { region?: string; country?: string }): IloOffice[] {
  return offices.filter(
    (o) =>
      (!filter.region || o.region === filter.region) &&
      (!filter.country || o.countryIso3 === filter.country || o.covers.includes(filter.country)),
  );
}
