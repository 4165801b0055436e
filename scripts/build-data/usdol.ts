/**
 * USDOL (ILAB) facts for scripts/build-data.ts, from reference-data/usdol/ (SOURCES.md, "usdol/"):
 * the List of Goods (goods_2022.csv) → data/usdol-goods.json, and per country the legal standards,
 * enforcement (labour inspection) figures and child-work statistics → data/usdol-country-facts.json.
 * Every figure keeps its source id and reporting year. "Unknown", "Unavailable", "N/A" and blank cells
 * become null. The reference data gives an ISO3 code per row (mapped by hand, SOURCES.md); a code that
 * is not one of the registry's member States is kept but marked memberState: false and listed.
 */
import { resolve } from 'node:path';
import type { MemberState } from '../../src/domain/country.ts';
import {
  CHILD_WORK_MEASURES,
  type ChildWorkMeasure,
  ENFORCEMENT_MEASURES,
  type EnforcementMeasure,
  GOOD_SECTORS,
  type GoodSector,
  LEGAL_STANDARDS,
  USDOL_SOURCE,
  USDOL_YEAR,
  type UsdolCountryFacts,
  type UsdolFigure,
  type UsdolGood,
  type UsdolLegalStandard,
  type UsdolValue,
} from '../../src/domain/usdol/usdol.ts';
import { readCsv, rowsOf } from './csv.ts';
import { byString } from './order.ts';
import { REF } from './paths.ts';

type Cells = ReturnType<typeof rowsOf>[number];

const UNKNOWN = new Set(['', 'unknown', 'unavailable', 'n/a']);

/** A cell as sourced: Yes/No → boolean, a plain number → number, unknown words → null, other text as written. */
export function usdolValue(raw: string): UsdolValue {
  const s = raw.trim();
  if (UNKNOWN.has(s.toLowerCase())) return null;
  if (s === 'Yes') return true;
  if (s === 'No') return false;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  return s;
}

function yesNo(c: Cells, field: string): boolean {
  const v = c.raw(field);
  if (v !== 'Yes' && v !== 'No') c.bad(field, `expected Yes or No, got "${v}"`);
  return v === 'Yes';
}

function bool(value: UsdolValue): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

export interface UsdolData {
  goods: UsdolGood[];
  facts: UsdolCountryFacts[];
  /** Rows whose code is not a member State of the registry: "file: ISO3 (USDOL name)". */
  unmatched: string[];
}

export function readUsdol(countries: readonly MemberState[]): UsdolData {
  const members = new Set(countries.map((c) => c.iso3));
  const unmatched = new Set<string>();
  const iso3Of = (c: Cells, file: string): string => {
    const iso3 = c.required('iso3');
    if (!/^[A-Z]{3}$/.test(iso3)) c.bad('iso3', `"${iso3}" is not an ISO 3166 alpha-3 code`);
    if (!members.has(iso3)) unmatched.add(`${file}: ${iso3} (${c.raw('country_usdol')})`);
    return iso3;
  };
  const base = { source: USDOL_SOURCE, year: USDOL_YEAR };

  const goodsFile = 'usdol/goods_2022.csv';
  const goods: UsdolGood[] = [];
  const goodsTable = readCsv(resolve(REF, goodsFile), goodsFile, [
    'good',
    'sector',
    'iso3',
    'country_usdol',
    'child_labor',
    'forced_labor',
    'forced_child_labor',
    'derived_labor_exploitation',
  ]);
  for (const c of rowsOf(goodsTable)) {
    const iso3 = iso3Of(c, goodsFile);
    goods.push({
      good: c.required('good'),
      sector: c.oneOf<GoodSector>('sector', GOOD_SECTORS) ?? 'Other',
      iso3,
      countryUsdol: c.required('country_usdol'),
      memberState: members.has(iso3),
      childLabour: yesNo(c, 'child_labor'),
      forcedLabour: yesNo(c, 'forced_labor'),
      forcedChildLabour: yesNo(c, 'forced_child_labor'),
      derivedFromExploitation: yesNo(c, 'derived_labor_exploitation'),
      ...base,
    });
  }
  goods.sort((a, b) => byString(a.good, b.good) || byString(a.iso3, b.iso3));

  const facts = new Map<string, UsdolCountryFacts>();
  const factsOf = (c: Cells, file: string): UsdolCountryFacts => {
    const iso3 = iso3Of(c, file);
    let f = facts.get(iso3);
    if (!f) {
      f = {
        iso3,
        countryUsdol: c.required('country_usdol'),
        memberState: members.has(iso3),
        advancementLevel: null,
        legalStandards: null,
        enforcement: null,
        childWork: null,
      };
      facts.set(iso3, f);
    }
    return f;
  };

  const legalFile = 'usdol/legal_standards_2022.csv';
  const legalColumns = LEGAL_STANDARDS.flatMap((s) => [`${s}_standard`, `${s}_age`, `${s}_conforms`]);
  for (const c of rowsOf(readCsv(resolve(REF, legalFile), legalFile, ['iso3', 'country_usdol', 'advancement_level', ...legalColumns]))) {
    const f = factsOf(c, legalFile);
    const level = usdolValue(c.raw('advancement_level'));
    f.advancementLevel = typeof level === 'string' ? { measure: 'advancement_level', value: level, ...base } : null;
    f.legalStandards = LEGAL_STANDARDS.map((standard): UsdolLegalStandard => {
      const inLaw = bool(usdolValue(c.raw(`${standard}_standard`)));
      const age = usdolValue(c.raw(`${standard}_age`));
      return {
        standard,
        inLaw,
        // An age is a known fact only where the law has the standard (SOURCES.md).
        age: inLaw === true && (typeof age === 'number' || typeof age === 'string') ? age : null,
        ageApplies: c.raw(`${standard}_age`).trim() !== 'N/A',
        conforms: bool(usdolValue(c.raw(`${standard}_conforms`))),
        ...base,
      };
    });
  }

  const figures = <K extends string>(c: Cells, measures: readonly K[]): UsdolFigure<K>[] =>
    measures.map((measure) => ({ measure, value: usdolValue(c.raw(measure)), ...base }));

  const enforcementFile = 'usdol/enforcement_2022.csv';
  for (const c of rowsOf(readCsv(resolve(REF, enforcementFile), enforcementFile, ['iso3', 'country_usdol', ...ENFORCEMENT_MEASURES]))) {
    factsOf(c, enforcementFile).enforcement = figures<EnforcementMeasure>(c, ENFORCEMENT_MEASURES);
  }
  const childFile = 'usdol/child_work_statistics_2022.csv';
  for (const c of rowsOf(readCsv(resolve(REF, childFile), childFile, ['iso3', 'country_usdol', ...CHILD_WORK_MEASURES]))) {
    factsOf(c, childFile).childWork = figures<ChildWorkMeasure>(c, CHILD_WORK_MEASURES);
  }

  return {
    goods,
    facts: [...facts.values()].sort((a, b) => byString(a.iso3, b.iso3)),
    unmatched: [...unmatched].sort(),
  };
}
