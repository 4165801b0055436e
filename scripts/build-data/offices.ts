/**
 * The International Labour Office's field offices for scripts/build-data.ts, from regional_offices.csv.
 * Countries are matched to member States by their English name; the States an office covers are
 * read from the source's own note ("covers A, B and C" / "covering A and B"), never assumed.
 * The Director-General: the reference data holds no sourced fact, so it is null (shown as unknown).
 */
import { resolve } from 'node:path';
import type { IloRegion, MemberState } from '../../src/domain/country.ts';
import { ILO_REGIONS } from '../../src/domain/country.ts';
import type { IloOffice, OfficeData, OfficeType } from '../../src/domain/governance/offices.ts';
import { readCsv, rowsOf } from './csv.ts';
import { byString } from './order.ts';
import { REF } from './paths.ts';
import { warnings } from './problems.ts';

const TYPES: Record<string, OfficeType> = {
  'regional office': 'regional_office',
  'country office': 'country_office',
  'area office': 'area_office',
  'decent work technical support team': 'dwt',
};

/** Short names the sources use for member States whose registry name is longer. */
const ALIASES: Record<string, string> = { Syria: 'SYR', UAE: 'ARE', 'United Arab Emirates': 'ARE' };

export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The names after "covers"/"covering" in a note, up to the end of that clause. */
export function coveredNames(note: string | null): string[] {
  const m = /\bcover(?:s|ing)\s+([^;"]+)/i.exec(note ?? '');
  if (!m?.[1]) return [];
  return m[1]
    .replace(/\.$/, '')
    .split(/,\s*|\s+and\s+/)
    .map((s) => s.trim().replace(/^the\s+/i, ''))
    .filter(Boolean);
}

export function readOffices(countries: readonly MemberState[]): OfficeData {
  const file = 'regional_offices.csv';
  const table = readCsv(resolve(REF, file), file, [
    'name',
    'type',
    'region',
    'city',
    'country',
    'address',
    'phone',
    'email',
    'source',
    'confidence',
    'notes',
  ]);
  const byName = new Map(countries.map((c) => [c.nameEn.toLowerCase(), c.iso3]));
  const iso3Of = (name: string): string | null => ALIASES[name] ?? byName.get(name.toLowerCase()) ?? null;
  const offices: IloOffice[] = [];
  const ids = new Set<string>();
  for (const c of rowsOf(table)) {
    const name = c.required('name');
    const type = TYPES[c.raw('type')];
    if (!type) c.bad('type', `unknown office type "${c.raw('type')}" (expected ${Object.keys(TYPES).join(', ')})`);
    const region = c.oneOf<IloRegion>('region', ILO_REGIONS);
    const city = c.text('city');
    const countryName = c.text('country');
    const countryIso3 = countryName ? iso3Of(countryName) : null;
    if (countryName && !countryIso3) c.bad('country', `"${countryName}" matches no member State's English name`);
    const id = slug(`${name} ${city ?? ''}`);
    if (ids.has(id)) c.bad('name', `two offices named "${name}" in ${city ?? 'an unnamed city'}`);
    ids.add(id);
    const notes = c.text('notes');
    const covers: string[] = [];
    const coversOther: string[] = [];
    for (const covered of coveredNames(notes)) {
      const iso3 = iso3Of(covered);
      if (iso3) covers.push(iso3);
      else {
        coversOther.push(covered);
        warnings.push(`${file}: ${name} covers "${covered}", which is not a member State name (kept as text)`);
      }
    }
    offices.push({
      id,
      name,
      type: type ?? 'regional_office',
      region,
      city,
      countryIso3,
      countryName,
      address: c.text('address'),
      phone: c.text('phone'),
      email: c.text('email'),
      covers,
      coversOther,
      source: c.text('source'),
      confidence: c.confidence('confidence', { required: true }),
      notes,
    });
  }
  const order: OfficeType[] = ['regional_office', 'country_office', 'area_office', 'dwt'];
  offices.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || byString(a.region ?? '', b.region ?? '') || byString(a.id, b.id));
  return { directorGeneral: null, offices };
}
