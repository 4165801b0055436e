import {
  ageOn,
  type CheckResult,
  type ConditionKey,
  type CountryFacts,
  evaluate,
  type NationalProfile,
  type ReasonKind,
  renderCondition,
  renderMessage,
  SEXES,
  type Sex,
  WORK_KINDS,
  type WorkKind,
} from '../domain/child-labour/index.ts';
import { type FieldIssue, invalid, notFound } from '../domain/errors.ts';
import type { Lang } from '../domain/facts.ts';
import { isIsoDay } from '../domain/partial-date.ts';
import { declarationInEffect } from '../domain/ratification.ts';
import { cachedDocument } from './cache-dependencies.ts';
import type { RatificationRecord, RegistryRepository } from './ports.ts';
import { cacheLookupListener, NO_SERVICE_EVENTS, type ServiceEvents } from './service-events.ts';
import { type CacheCounters, VersionedCache } from './versioned-cache.ts';

export interface CheckRequest {
  country: string;
  age?: number | null;
  birthDate?: string | null;
  /** Reference date for a birth date; defaults to `today`. */
  on?: string | null;
  work: string;
  hoursPerDay?: number | null;
  night?: boolean | null;
  /** Optional; some national rules turn on it (UU 13/2003 Pasal 76(1)). Null or absent: not stated. */
  sex?: string | null;
  lang?: Lang;
}

export interface ExplainedReason {
  rule: string;
  /** `note`: a fact the answer rests on that restricts nothing; its verdict is not to be shown. */
  kind: ReasonKind;
  citation: string;
  verdict: CheckResult['verdict'];
  message: string;
  params: Record<string, string | number>;
}

export interface CheckAnswer {
  country: { iso3: string; nameEn: string; nameId: string | null };
  verdict: CheckResult['verdict'];
  age: number;
  on: string | null;
  work: WorkKind;
  sex: Sex | null;
  minimumAge: number | null;
  minimumAgeBasis: CheckResult['minimumAgeBasis'];
  uncertain: boolean;
  bindsC138: boolean;
  nationalShortfall: CheckResult['nationalShortfall'];
  reasons: ExplainedReason[];
  conditions: { key: ConditionKey; message: string }[];
  lang: Lang;
}

export const MAX_AGE = 120;
export const MAX_HOURS_PER_DAY = 24;

/** The engine's view of a State: whether it is bound by C138 and C182, its declaration in effect, its national profile. */
function factsOf(
  iso3: string,
  c138: RatificationRecord | undefined,
  c182: RatificationRecord | undefined,
  profile: NationalProfile | null,
): CountryFacts {
  const declaration = c138 ? declarationInEffect(c138.declarations) : null;
  return {
    iso3,
    c138: { ratified: Boolean(c138), declaredAge: declaration?.value ?? null, declarationArticle: declaration?.article },
    c182: { ratified: Boolean(c182) },
    profile,
  };
}

/**
 * Answers "may this person do this work, here?" for the API, the CLI, the portal form and the
 * batch screener alike: gathers the State's facts from storage and hands them to the pure engine.
 */
export class ComplianceService {
  private readonly cache: VersionedCache;

  constructor(
    private readonly repo: RegistryRepository,
    events: ServiceEvents = NO_SERVICE_EVENTS,
  ) {
    this.cache = new VersionedCache(repo, { capacity: 400, onLookup: cacheLookupListener(events, 'compliance') });
  }

  /** Cache hits and misses by document kind. */
  cacheCounters(): Record<string, CacheCounters> {
    return this.cache.counters();
  }

  /** The facts the engine needs about one State; null when it is not in the registry. */
  async countryFacts(iso3: string): Promise<CountryFacts | null> {
    return (await this.loadCountry(iso3))?.facts ?? null;
  }

  /** The State's names and facts, read again only after a write to them. */
  private loadCountry(iso3: string): Promise<{ facts: CountryFacts; ref: CheckAnswer['country'] } | null> {
    return this.cache.get(cachedDocument('complianceCountry', iso3, iso3), async () => {
      const country = await this.repo.getCountry(iso3);
      if (!country) return null;
      const [ratifications, profile] = await Promise.all([
        this.repo.listRatifications({ country: iso3 }, null),
        this.repo.getNationalProfile(iso3),
      ]);
      const find = (code: string) => ratifications.items.find((r) => r.instrument === code && r.status !== 'denounced');
      return {
        facts: factsOf(iso3, find('C138'), find('C182'), profile),
        ref: { iso3, nameEn: country.nameEn, nameId: country.nameId },
      };
    });
  }

  /**
   * Facts for every State, for batch screening: four queries for the whole registry (not four per
   * State, which took ~60 ms of a command's start), read again only after a write to them.
   */
  allCountryFacts(): Promise<Map<string, CountryFacts>> {
    return this.cache.get(cachedDocument('complianceAll', 'all'), async () => {
      const [countries, c138, c182, profiles] = await Promise.all([
        this.repo.listCountries({}),
        this.repo.listRatifications({ instrument: 'C138' }, null),
        this.repo.listRatifications({ instrument: 'C182' }, null),
        this.repo.listNationalProfiles(),
      ]);
      const inForce = (items: RatificationRecord[]) => new Map(items.filter((r) => r.status !== 'denounced').map((r) => [r.country, r]));
      const c138By = inForce(c138.items);
      const c182By = inForce(c182.items);
      const profileBy = new Map(profiles.map((p) => [p.iso3, p]));
      const out = new Map<string, CountryFacts>();
      for (const { iso3 } of countries) out.set(iso3, factsOf(iso3, c138By.get(iso3), c182By.get(iso3), profileBy.get(iso3) ?? null));
      return out;
    });
  }

  async check(request: CheckRequest, today: string): Promise<CheckAnswer> {
    const lang = request.lang ?? 'en';
    const issues: FieldIssue[] = [];
    const iso3 = typeof request.country === 'string' ? request.country.trim().toUpperCase() : '';
    if (!/^[A-Z]{3}$/.test(iso3)) issues.push({ field: 'country', message: 'country must be an ISO 3166 alpha-3 code such as IDN' });
    const work = request.work as WorkKind;
    if (!WORK_KINDS.includes(work)) issues.push({ field: 'work', message: `work must be one of ${WORK_KINDS.join(', ')}` });
    const on = request.on ?? null;
    if (on !== null && !isIsoDay(on)) issues.push({ field: 'on', message: 'on must be a date YYYY-MM-DD' });
    let age: number | null = null;
    const hasAge = request.age !== undefined && request.age !== null;
    const hasBirth = request.birthDate !== undefined && request.birthDate !== null && request.birthDate !== '';
    if (hasAge && hasBirth) issues.push({ field: 'age', message: 'give either age or birthDate, not both' });
    else if (hasAge) {
      const a = request.age as number;
      if (!Number.isInteger(a) || a < 0 || a > MAX_AGE)
        issues.push({ field: 'age', message: `age must be a whole number of years from 0 to ${MAX_AGE}` });
      else age = a;
    } else if (hasBirth) {
      const birth = request.birthDate as string;
      if (!isIsoDay(birth)) issues.push({ field: 'birthDate', message: `birthDate "${birth}" is not a valid date (YYYY-MM-DD)` });
      else if (on === null || isIsoDay(on)) {
        age = ageOn(birth, on ?? today);
        if (age === null) issues.push({ field: 'birthDate', message: `birthDate ${birth} is after the reference date ${on ?? today}` });
        else if (age > MAX_AGE) issues.push({ field: 'birthDate', message: `birthDate ${birth} gives an age over ${MAX_AGE}` });
      }
    } else issues.push({ field: 'age', message: 'give the age in completed years, or birthDate' });
    const hours = request.hoursPerDay ?? null;
    if (hours !== null && (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > MAX_HOURS_PER_DAY)) {
      issues.push({ field: 'hoursPerDay', message: `hoursPerDay must be a number from 0 to ${MAX_HOURS_PER_DAY}` });
    }
    const sex = request.sex ?? null;
    if (sex !== null && !(SEXES as readonly string[]).includes(sex)) {
      issues.push({ field: 'sex', message: `sex must be ${SEXES.join(' or ')}, or left out when not stated` });
    }
    if (issues.length) throw invalid(issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);

    const loaded = await this.loadCountry(iso3);
    if (!loaded) throw notFound(`No ILO member State with code "${iso3}" in the registry.`);
    const result = evaluate(loaded.facts, {
      age: age as number,
      work,
      hoursPerDay: hours,
      night: request.night ?? null,
      sex: sex as Sex | null,
    });
    return present(result, {
      country: loaded.ref,
      on: hasBirth ? (on ?? today) : on,
      work,
      sex: sex as Sex | null,
      lang,
    });
  }
}

export function present(
  result: CheckResult,
  context: { country: CheckAnswer['country']; on: string | null; work: WorkKind; sex?: Sex | null; lang: Lang },
): CheckAnswer {
  return {
    country: context.country,
    verdict: result.verdict,
    age: result.age,
    on: context.on,
    work: context.work,
    sex: context.sex ?? null,
    minimumAge: result.minimumAge,
    minimumAgeBasis: result.minimumAgeBasis,
    uncertain: result.uncertain,
    bindsC138: result.bindsC138,
    nationalShortfall: result.nationalShortfall,
    reasons: result.reasons.map((r) => ({
      rule: r.rule,
      kind: r.kind,
      citation: r.citation,
      verdict: r.verdict,
      message: renderMessage(r, context.lang),
      params: r.params,
    })),
    conditions: result.conditions.map((key) => ({ key, message: renderCondition(key, context.lang) })),
    lang: context.lang,
  };
}
