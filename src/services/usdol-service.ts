import { DomainError } from '../domain/errors.ts';
import {
  filterGoods,
  GOOD_KINDS,
  type GoodKind,
  type GoodsFilter,
  USDOL_SOURCE,
  USDOL_YEAR,
  type UsdolCountryFacts,
  type UsdolGood,
} from '../domain/usdol/usdol.ts';

export interface UsdolBundle {
  goods: UsdolGood[];
  facts: UsdolCountryFacts[];
}

export interface GoodsList {
  items: UsdolGood[];
  total: number;
  /** The distinct goods and countries of the whole list (for the filter form), sorted. */
  goods: string[];
  countries: { iso3: string; countryUsdol: string }[];
  source: string;
  year: number;
}

export interface CountryUsdol {
  iso3: string;
  goods: UsdolGood[];
  /** null: the State is not in USDOL's files (every figure unknown). */
  facts: UsdolCountryFacts | null;
  source: string;
  year: number;
}

const MAX_FILTER_LENGTH = 100;

/**
 * USDOL's List of Goods and country facts (issue 10, "Goods"): read-only reference data loaded once
 * at start (decision 180), so there is nothing to cache or invalidate and no history.
 */
export class UsdolService {
  private readonly byCountry = new Map<string, UsdolCountryFacts>();
  private readonly goodNames: string[];
  private readonly countries: { iso3: string; countryUsdol: string }[];

  constructor(private readonly bundle: UsdolBundle) {
    for (const f of bundle.facts) this.byCountry.set(f.iso3, f);
    this.goodNames = [...new Set(bundle.goods.map((g) => g.good))].sort((a, b) => a.localeCompare(b, 'en'));
    const seen = new Map<string, string>();
    for (const g of bundle.goods) if (!seen.has(g.iso3)) seen.set(g.iso3, g.countryUsdol);
    this.countries = [...seen].map(([iso3, countryUsdol]) => ({ iso3, countryUsdol })).sort((a, b) => a.iso3.localeCompare(b.iso3));
  }

  /** The goods matching the filters; a bad filter value is a DomainError naming its field. */
  goods(filter: { good?: string; country?: string; kind?: string }): GoodsList {
    const issues: { field: string; message: string }[] = [];
    const good = filter.good?.trim() || undefined;
    const country = filter.country?.trim().toUpperCase() || undefined;
    const kind = filter.kind?.trim() || undefined;
    if (good && good.length > MAX_FILTER_LENGTH)
      issues.push({ field: 'good', message: `good must be at most ${MAX_FILTER_LENGTH} characters` });
    if (country && !/^[A-Z]{3}$/.test(country))
      issues.push({ field: 'country', message: 'country must be an ISO 3166 alpha-3 code such as CIV' });
    if (kind && !(GOOD_KINDS as readonly string[]).includes(kind))
      issues.push({ field: 'kind', message: `kind must be one of ${GOOD_KINDS.join(', ')}` });
    if (issues.length) throw new DomainError('invalid', issues.map((i) => i.message).join('; '), issues);
    const parsed: GoodsFilter = { good, country, kind: kind as GoodKind | undefined };
    const items = filterGoods(this.bundle.goods, parsed);
    return { items, total: items.length, goods: this.goodNames, countries: this.countries, source: USDOL_SOURCE, year: USDOL_YEAR };
  }

  /** USDOL's facts for one State or territory (null facts: not in the source) and the goods listed for it. */
  country(iso3: string): CountryUsdol {
    const code = iso3.toUpperCase();
    return {
      iso3: code,
      goods: filterGoods(this.bundle.goods, { country: code }),
      facts: this.byCountry.get(code) ?? null,
      source: USDOL_SOURCE,
      year: USDOL_YEAR,
    };
  }
}
