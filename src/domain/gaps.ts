import type { NationalProfile } from './child-labour/types.ts';
import type { Instrument } from './instrument.ts';
import { parsePartialDate } from './partial-date.ts';
import type { Ratification } from './ratification.ts';

/**
 * The known holes in the registry, as a worklist: every fact that is unknown or rests on a weak
 * source, with what would fill it and who may.
 */
export const GAP_KINDS = [
  'c138-minimum-age',
  'ratification-date',
  'ratification-day',
  'ratification-status',
  'low-confidence-ratification',
  'instrument-status',
  'instrument-title-unverified',
  'national-minimum-age',
  'national-hazardous-age',
  'governing-body-members',
] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export interface Gap {
  kind: GapKind;
  /** The record to fix: 'IDN/C138', 'C138' or 'IDN'. */
  record: string;
  recordType:
    | 'ratification'
    | 'instrument'
    | 'national_profile'
    /** A Governing Body period whose elected members are unknown (src/domain/governance/governing-body-gaps.ts). */
    | 'gb_period';
  country: string | null;
  instrument: string | null;
  /** Which role may fill it: a country's focal point (or the secretariat), or the secretariat only. */
  role: 'focal_point' | 'secretariat';
}

export function findGaps(input: {
  ratifications: Ratification[];
  instruments: Instrument[];
  profiles: Map<string, NationalProfile>;
  countries: string[];
}): Gap[] {
  const gaps: Gap[] = [];
  for (const r of input.ratifications) {
    const base = {
      record: `${r.country}/${r.instrument}`,
      recordType: 'ratification' as const,
      country: r.country,
      instrument: r.instrument,
      role: 'focal_point' as const,
    };
    if (r.instrument === 'C138' && r.status !== 'denounced' && !r.declarations.some((d) => d.kind === 'minimum_age'))
      gaps.push({ kind: 'c138-minimum-age', ...base });
    const date = parsePartialDate(r.registrationDate);
    if (!date) gaps.push({ kind: 'ratification-date', ...base });
    else if (date.precision !== 'day') gaps.push({ kind: 'ratification-day', ...base });
    if (r.status === null) gaps.push({ kind: 'ratification-status', ...base });
    if (r.confidence === 'low') gaps.push({ kind: 'low-confidence-ratification', ...base });
  }
  for (const i of input.instruments) {
    const base = { record: i.code, recordType: 'instrument' as const, country: null, instrument: i.code, role: 'secretariat' as const };
    if (i.status === null) gaps.push({ kind: 'instrument-status', ...base });
    if (i.confidence === 'low') gaps.push({ kind: 'instrument-title-unverified', ...base });
  }
  for (const iso3 of input.countries) {
    const p = input.profiles.get(iso3);
    const base = { record: iso3, recordType: 'national_profile' as const, country: iso3, instrument: null, role: 'focal_point' as const };
    if (!p?.generalMinimumAge) gaps.push({ kind: 'national-minimum-age', ...base });
    if (!p?.hazardousMinimumAge) gaps.push({ kind: 'national-hazardous-age', ...base });
  }
  return gaps;
}
