/**
 * Global estimates of child labour (ILO and ILO-UNICEF, children aged 5 to 17): one row per
 * reference year, each figure with the sources and confidence the reference data gives. A figure
 * the sources lack is null (unknown), never interpolated.
 */
import type { Confidence, SourceIds } from '../facts.ts';

export interface ChildLabourEstimate {
  year: number;
  /** As the source writes it, e.g. '5-17'. */
  ageGroup: string;
  childLabour: number | null;
  hazardousWork: number | null;
  source: SourceIds | null;
  confidence: Confidence | null;
  notes: string | null;
}

export const ESTIMATE_MEASURES = ['childLabour', 'hazardousWork'] as const;
export type EstimateMeasure = (typeof ESTIMATE_MEASURES)[number];

export interface SeriesPoint {
  year: number;
  value: number | null;
}

export interface EstimateSeries {
  measure: EstimateMeasure;
  points: SeriesPoint[];
}

/** The estimates in year order (the input order does not matter). */
export function sortedEstimates(rows: readonly ChildLabourEstimate[]): ChildLabourEstimate[] {
  return [...rows].sort((a, b) => a.year - b.year);
}

/** One series per measure, by year; a gap stays a null point so a chart can show the break. */
export function estimateSeries(rows: readonly ChildLabourEstimate[]): EstimateSeries[] {
  const sorted = sortedEstimates(rows);
  return ESTIMATE_MEASURES.map((measure) => ({ measure, points: sorted.map((r) => ({ year: r.year, value: r[measure] })) }));
}
