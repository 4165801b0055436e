/** Member States for scripts/build-data.ts, from member_states.csv, with their Indonesian names. */
import { resolve } from 'node:path';
import countriesLib from 'i18n-iso-countries';
import idLocale from 'i18n-iso-countries/langs/id.json' with { type: 'json' };
import type { IloRegion, MemberState } from '../../src/domain/country.ts';
import { ILO_REGIONS, normaliseIso3 } from '../../src/domain/country.ts';
import { indonesianCountryName } from '../../src/domain/country-names-id.ts';
import { readCsv, rowsOf } from './csv.ts';
import { byString } from './order.ts';
import { REF } from './paths.ts';

export function readCountries(): MemberState[] {
  const file = 'member_states.csv';
  const table = readCsv(resolve(REF, file), file, [
    'iso3',
    'iso2',
    'name_en',
    'ilo_region',
    'membership_date',
    'membership_note',
    'source',
    'confidence',
  ]);
  countriesLib.registerLocale(idLocale);
  const out: MemberState[] = [];
  const seen = new Set<string>();
  for (const c of rowsOf(table)) {
    const iso3 = normaliseIso3(c.raw('iso3'));
    if (!iso3 || iso3 !== c.raw('iso3')) c.bad('iso3', `not an ISO 3166 alpha-3 code: "${c.raw('iso3')}"`);
    if (iso3 && seen.has(iso3)) c.bad('iso3', `duplicate country ${iso3}`);
    if (iso3) seen.add(iso3);
    const iso2 = c.required('iso2');
    if (!/^[A-Z]{2}$/.test(iso2)) c.bad('iso2', `not an ISO 3166 alpha-2 code: "${iso2}"`);
    // The library knows alpha-3 too: a mismatch means the row's two codes disagree.
    const libIso3 = countriesLib.alpha2ToAlpha3(iso2);
    if (libIso3 && iso3 && libIso3 !== iso3) c.bad('iso2', `${iso2} is ${libIso3} in ISO 3166, not ${iso3}`);
    out.push({
      iso3: iso3 ?? c.raw('iso3'),
      iso2,
      nameEn: c.required('name_en'),
      nameId: iso3 ? indonesianCountryName(iso3, countriesLib.getName(iso2, 'id') ?? null) : null,
      region: c.oneOf<IloRegion>('ilo_region', ILO_REGIONS),
      membershipDate: c.date('membership_date'),
      membershipNote: c.text('membership_note'),
      source: c.text('source'),
      confidence: c.confidence('confidence', { required: true }),
      notes: null,
    });
  }
  return out.sort((a, b) => byString(a.iso3, b.iso3));
}
