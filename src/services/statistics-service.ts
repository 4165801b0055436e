/**
 * Statistics (issue 10): the global child-labour estimates (bundled, sourced data) and counts of
 * an instrument's ratifications by registration year or by region. The counts are computed from
 * the registry's cached reads (RegistryService.getInstrument and listCountries, which carry
 * record-level versions, decision 080), so a recorded ratification shows at once; this service
 * keeps no cache of its own. The estimates are read-only data, read once.
 */
import { normaliseInstrumentCode } from '../domain/instrument.ts';
import type { ChildLabourEstimate } from '../domain/statistics/estimates.ts';
import { sortedEstimates } from '../domain/statistics/estimates.ts';
import {
  type RatificationGrouping,
  type RegionCount,
  ratificationsByRegion,
  ratificationsByYear,
  type YearCount,
} from '../domain/statistics/ratifications.ts';
import type { RegistryService } from './registry-service.ts';

export interface ChildLabourStatistics {
  ageGroup: string | null;
  estimates: ChildLabourEstimate[];
}

export interface RatificationStatisticsBase {
  instrument: { code: string; titleEn: string; titleId: string | null };
  /** Ratifications recorded in this registry (the registry's list may be partial, see its coverage). */
  total: number;
}

export type RatificationStatistics =
  | (RatificationStatisticsBase & { by: 'year'; rows: YearCount[] })
  | (RatificationStatisticsBase & { by: 'region'; rows: RegionCount[] });

export class StatisticsService {
  private estimates: Promise<ChildLabourEstimate[]> | null = null;

  constructor(
    private readonly registry: RegistryService,
    private readonly loadEstimates: () => Promise<ChildLabourEstimate[]>,
  ) {}

  async childLabour(): Promise<ChildLabourStatistics> {
    this.estimates ??= this.loadEstimates().catch((error) => {
      this.estimates = null;
      throw error;
    });
    const estimates = sortedEstimates(await this.estimates);
    const groups = [...new Set(estimates.map((e) => e.ageGroup))];
    return { ageGroup: groups.length === 1 ? (groups[0] ?? null) : null, estimates };
  }

  /** Throws not_found (naming the code) for an instrument the registry does not hold. */
  async ratifications(instrument: string, by: RatificationGrouping): Promise<RatificationStatistics> {
    const code = normaliseInstrumentCode(instrument) ?? instrument;
    const detail = await this.registry.getInstrument(code);
    const facts = detail.ratifications.map((r) => ({ country: r.country, registrationDate: r.registrationDate }));
    const base: RatificationStatisticsBase = {
      instrument: { code: detail.instrument.code, titleEn: detail.instrument.titleEn, titleId: detail.instrument.titleId },
      total: facts.length,
    };
    if (by === 'year') return { ...base, by, rows: ratificationsByYear(facts) };
    const regions = new Map((await this.registry.listCountries({})).map((c) => [c.iso3, c.region]));
    return { ...base, by, rows: ratificationsByRegion(facts, (iso3) => regions.get(iso3) ?? null) };
  }
}
