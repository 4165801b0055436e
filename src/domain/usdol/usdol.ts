/**
 * The US Department of Labor's (ILAB) country facts and its List of Goods Produced by Child Labor or
 * Forced Labor, 2022 reporting year (issue 10, "Goods"). These are USDOL's findings, not ILO facts:
 * every figure keeps its source id and year, and a value the source does not give is null (unknown).
 */

export const USDOL_SOURCE = 'USDOL-SWEATTOIL-2022';
export const USDOL_YEAR = 2022;

/** The kinds of exploitation the List of Goods flags for a good in a country. */
export const GOOD_KINDS = ['child_labour', 'forced_labour', 'forced_child_labour'] as const;
export type GoodKind = (typeof GOOD_KINDS)[number];

export const GOOD_SECTORS = ['Agriculture', 'Manufacturing', 'Mining', 'Other'] as const;
export type GoodSector = (typeof GOOD_SECTORS)[number];

export interface UsdolGood {
  good: string;
  sector: GoodSector;
  iso3: string;
  /** The name USDOL writes. */
  countryUsdol: string;
  /** The iso3 is one of the registry's member States (false: a territory or non-member USDOL reports on). */
  memberState: boolean;
  childLabour: boolean;
  forcedLabour: boolean;
  forcedChildLabour: boolean;
  /** Produced with inputs made by child or forced labour ("derived from labour exploitation"). */
  derivedFromExploitation: boolean;
  source: string;
  year: number;
}

/** A figure as sourced: a number, Yes/No, text as written (e.g. "$1.68 million", "12/13"), or null (unknown). */
export type UsdolValue = number | boolean | string | null;

export interface UsdolFigure<K extends string> {
  measure: K;
  value: UsdolValue;
  source: string;
  year: number;
}

export const LEGAL_STANDARDS = [
  'minimum_work',
  'minimum_hazardous_work',
  'types_hazardous_work',
  'compulsory_education',
  'free_public_education',
  'prohibition_forced_labor',
  'prohibition_child_trafficking',
  'prohibition_csec',
  'prohibition_illicit_activities',
  'minimum_compulsory_military',
  'minimum_voluntary_military',
  'minimum_non_state_military',
] as const;
export type LegalStandard = (typeof LEGAL_STANDARDS)[number];

export interface UsdolLegalStandard {
  standard: LegalStandard;
  /** The law has the standard (null: unknown or not applicable). */
  inLaw: boolean | null;
  /** The age, only where the law has the standard and the source gives one. */
  age: number | string | null;
  /** False where the source says the age is not applicable ("N/A"), as opposed to not known. */
  ageApplies: boolean;
  /** Meets the international standard in ILAB's assessment. */
  conforms: boolean | null;
  source: string;
  year: number;
}

export const ENFORCEMENT_MEASURES = [
  'labor_funding',
  'labor_inspectors',
  'labor_inspections',
  'labor_violations',
  'labor_penalties_imposed',
  'labor_penalties_collected',
  'authorized_access_penalties',
  'labor_new_employee_training',
  'labor_routine_inspections_conducted',
  'labor_routine_inspections_targeted',
  'labor_unannounced_inspections_premitted',
  'labor_unannounced_inspections_conducted',
  'labor_complaint_mechanism',
  'labor_referral_mechanism',
  'labor_inspectors_intl_standards',
  'criminal_new_employee_training',
  'criminal_investigations',
  'criminal_prosecutions',
  'criminal_convictions',
  'criminal_referral_mechanism',
  'criminal_penalties_for_wfcl',
] as const;
export type EnforcementMeasure = (typeof ENFORCEMENT_MEASURES)[number];

export const CHILD_WORK_MEASURES = [
  'work_age_range',
  'share_working',
  'children_working',
  'share_agriculture',
  'share_industry',
  'share_services',
  'attendance_age_range',
  'attendance_share',
  'primary_completion_rate',
] as const;
export type ChildWorkMeasure = (typeof CHILD_WORK_MEASURES)[number];

export interface UsdolCountryFacts {
  iso3: string;
  countryUsdol: string;
  memberState: boolean;
  /** ILAB's assessment of the year's efforts (e.g. "Moderate Advancement"), as written. */
  advancementLevel: UsdolFigure<'advancement_level'> | null;
  /** null: the State is not in the source file (unknown, not "no standards"). */
  legalStandards: UsdolLegalStandard[] | null;
  enforcement: UsdolFigure<EnforcementMeasure>[] | null;
  childWork: UsdolFigure<ChildWorkMeasure>[] | null;
}

export interface GoodsFilter {
  good?: string;
  country?: string;
  kind?: GoodKind;
}

export function hasKind(g: UsdolGood, kind: GoodKind): boolean {
  return kind === 'child_labour' ? g.childLabour : kind === 'forced_labour' ? g.forcedLabour : g.forcedChildLabour;
}

/** The goods matching every given filter; the good is matched without regard to case or accents. */
export function filterGoods(goods: readonly UsdolGood[], filter: GoodsFilter): UsdolGood[] {
  const good = filter.good ? fold(filter.good) : null;
  const country = filter.country?.toUpperCase() ?? null;
  return goods.filter(
    (g) => (!good || fold(g.good).includes(good)) && (!country || g.iso3 === country) && (!filter.kind || hasKind(g, filter.kind)),
  );
}

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}
