import type { CountryFacts } from '../domain/child-labour/index.ts';
import { declarationInEffect } from '../domain/ratification.ts';
import type { RegistryBundle } from '../services/ports.ts';

/**
 * Country facts for every member State straight from a data bundle (data/*.json), for the
 * benchmark and tests, which screen without a database. Built exactly as
 * `ComplianceService.countryFacts` builds them from storage.
 */
export function countryFactsFromBundle(
  bundle: Pick<RegistryBundle, 'countries' | 'ratifications' | 'nationalProfiles'>,
): Map<string, CountryFacts> {
  const profiles = new Map(bundle.nationalProfiles.map((p) => [p.iso3, p]));
  const out = new Map<string, CountryFacts>();
  for (const country of bundle.countries) {
    const iso3 = country.iso3;
    const mine = bundle.ratifications.filter((r) => r.country === iso3);
    const c138 = mine.find((r) => r.instrument === 'C138' && r.status !== 'denounced');
    const c182 = mine.find((r) => r.instrument === 'C182' && r.status !== 'denounced');
    const declaration = c138 ? declarationInEffect(c138.declarations) : null;
    out.set(iso3, {
      iso3,
      c138: { ratified: Boolean(c138), declaredAge: declaration?.value ?? null, declarationArticle: declaration?.article },
      c182: { ratified: Boolean(c182) },
      profile: profiles.get(iso3) ?? null,
    });
  }
  return out;
}
